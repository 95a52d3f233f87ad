//! Dates: a year, a month or a day, read and checked against the calendar.

/// A date is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and exists in the calendar.
pub fn parse_date(date: &str) -> Result<(i32, Option<u32>, Option<u32>), String> {
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
    Ok((year, month, day))
}
