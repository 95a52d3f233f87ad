//! Dates: a year, a month or a day, read and checked against the calendar.

use std::fmt;

/// A date that exists in the calendar, as precise as its source: a year, a month, or a day.
/// Only [`parse_date`] makes one, so a `Date` is always valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

impl Date {
    /// The year, written with four digits.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12, if the date names one.
    pub fn month(self) -> Option<u32> {
        self.month
    }

    /// The day of the month, if the date names one (then it names the month too).
    pub fn day(self) -> Option<u32> {
        self.day
    }

    /// The date as a day: a year or a month alone stands for its first day.
    pub fn first_day(self) -> (i32, u32, u32) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }
}

impl fmt::Display for Date {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as the dataset writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

/// A date is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and exists in the calendar.
pub fn parse_date(date: &str) -> Result<Date, String> {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str, len: usize, what: &str| -> Result<u32, String> {
        if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().map_err(|_| format!("bad {what}"))
        } else {
            Err(format!("the {what} is not {len} digits"))
        }
    };
    if parts.is_empty() || parts.len() > 3 {
        return Err("expected YYYY, YYYY-MM or YYYY-MM-DD".to_string());
    }
    let year = number(parts[0], 4, "year")? as i32;
    let month = parts.get(1).map(|m| number(m, 2, "month")).transpose()?;
    let day = parts.get(2).map(|d| number(d, 2, "day")).transpose()?;
    if let Some(m) = month {
        if !(1..=12).contains(&m) {
            return Err(format!("month {m} does not exist"));
        }
        if let Some(d) = day {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            let days = match m {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            if !(1..=days).contains(&d) {
                return Err(format!("day {d} does not exist in month {m}"));
            }
        }
    }
    Ok(Date { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_reads_back_as_written() {
        for text in ["2024", "2021-12", "2019-10-22", "2024-02-29"] {
            assert_eq!(
                parse_date(text).map(|d| d.to_string()),
                Ok(text.to_string())
            );
        }
        assert_eq!(
            parse_date("2021-12").map(Date::first_day),
            Ok((2021, 12, 1))
        );
        assert!(parse_date("2023-02-29").is_err());
    }
}
