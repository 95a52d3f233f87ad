//! The CSV export: three tidy tables (one observation per row, one header row, RFC 4180).
//! A text has one column per declared language (`label_fr`, `label_en`, ...); numbers are
//! written with a decimal point and no grouping; a missing value is an empty field.

use std::path::Path;

use jiha_data::model::{Area, Dataset, Indicator, Quantity, Text, Unit};

use crate::error::Error;

/// The figures the briefs quote.
pub const FIGURES_FILE: &str = "figures.csv";

/// Every census value, by territory.
pub const INDICATORS_FILE: &str = "indicators.csv";

/// The sources.
pub const SOURCES_FILE: &str = "sources.csv";

/// The three tables of `dataset`, to write into `dir`.
pub fn files(dataset: &Dataset, dir: &Path) -> Result<Vec<(&'static str, Vec<u8>)>, Error> {
    let languages = &dataset.meta.languages;
    let tables = [
        (FIGURES_FILE, figures(dataset, languages)),
        (INDICATORS_FILE, indicators(dataset)),
        (SOURCES_FILE, sources(dataset, languages)),
    ];
    tables
        .into_iter()
        .map(|(name, rows)| {
            let bytes = csv_bytes(&rows).map_err(|e| {
                let why = std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string());
                Error::io(dir.join(name), why)
            })?;
            Ok((name, bytes))
        })
        .collect()
}

/// The rows as CSV, the first being the header.
fn csv_bytes(rows: &[Vec<String>]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        writer.write_record(row)?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// `name_fr`, `name_en`... : one column per language.
fn text_columns(name: &str, languages: &[String]) -> impl Iterator<Item = String> {
    languages.iter().map(move |lang| format!("{name}_{lang}"))
}

/// The text's version in each language, empty where it has none.
fn text_cells(text: Option<&Text>, languages: &[String]) -> impl Iterator<Item = String> {
    languages
        .iter()
        .map(move |lang| text.map(|t| t.get(lang).to_string()).unwrap_or_default())
}

/// A number with a decimal point, as short as it reads back exactly; no grouping.
fn number(value: f64) -> String {
    format!("{value}")
}

/// The figures: one row each.
fn figures(dataset: &Dataset, languages: &[String]) -> Vec<Vec<String>> {
    let mut header = vec!["id".to_string()];
    header.extend(text_columns("label", languages));
    header.extend(["value", "unit", "period"].map(String::from));
    header.extend(text_columns("scope", languages));
    header.extend(["source", "status", "quote", "quote_paragraph"].map(String::from));
    header.extend(text_columns("note", languages));
    let mut rows = vec![header];
    for figure in &dataset.figures {
        let (value, unit) = quantity(&figure.value);
        let mut row = vec![figure.id.clone()];
        row.extend(text_cells(Some(&figure.label), languages));
        row.extend([
            value,
            unit.to_string(),
            figure.period.clone().unwrap_or_default(),
        ]);
        row.extend(text_cells(Some(&figure.scope), languages));
        let quote = figure.quote.as_ref();
        row.extend([
            figure.source.clone().unwrap_or_default(),
            format!("{:?}", figure.status),
            quote.map(|q| q.words.clone()).unwrap_or_default(),
            quote.map(|q| q.paragraph.to_string()).unwrap_or_default(),
        ]);
        row.extend(text_cells(figure.note.as_ref(), languages));
        rows.push(row);
    }
    rows
}

/// A figure's value and the name of its unit.
fn quantity(value: &Quantity) -> (String, &'static str) {
    match value {
        Quantity::Count(n) => (n.to_string(), "count"),
        Quantity::Percent(v) => (number(*v), "percent"),
        Quantity::Years(n) => (n.to_string(), "years"),
        Quantity::Year(y) => (y.to_string(), "year"),
        Quantity::Date(d) => (d.clone(), "date"),
        Quantity::Kilometres(v) => (number(*v), "km"),
    }
}

/// Every indicator value: the country's, then each region's, then each province's (region
/// by region, in the order of the files).
fn indicators(dataset: &Dataset) -> Vec<Vec<String>> {
    let header = [
        "territory",
        "territory_kind",
        "region",
        "indicator",
        "area",
        "year",
        "value",
        "unit",
        "source",
    ];
    let mut rows = vec![header.map(String::from).to_vec()];
    let territories = &dataset.territories;
    let country = &territories.country;
    let mut add = |territory: &str, kind: &str, region: &str, indicators: &[Indicator]| {
        for indicator in indicators {
            rows.push(indicator_row([territory, kind, region], indicator));
        }
    };
    add(&country.hcp_code, "country", "", &country.indicators);
    for region in &territories.regions {
        add(&region.id, "region", &region.id, &region.indicators);
    }
    for file in &dataset.provinces {
        for province in &file.provinces {
            add(
                &province.id(),
                "province",
                &file.region,
                &province.indicators,
            );
        }
    }
    rows
}

/// One indicator's row, after its territory's three cells.
fn indicator_row(territory: [&str; 3], indicator: &Indicator) -> Vec<String> {
    let area = match indicator.area {
        Area::Total => "total",
        Area::Urban => "urban",
        Area::Rural => "rural",
    };
    let unit = match indicator.kind.unit() {
        Unit::Count => "count",
        Unit::Percent => "percent",
        Unit::Kilometres => "km",
    };
    let mut row: Vec<String> = territory.map(String::from).to_vec();
    row.extend([
        indicator.kind.slug().to_string(),
        area.to_string(),
        indicator.year.to_string(),
        number(indicator.value),
        unit.to_string(),
        indicator.source.clone().unwrap_or_default(),
    ]);
    row
}

/// The sources: one row each.
fn sources(dataset: &Dataset, languages: &[String]) -> Vec<Vec<String>> {
    let mut header = ["id", "kind", "title"].map(String::from).to_vec();
    header.extend(text_columns("author", languages));
    header.extend(text_columns("publisher", languages));
    header.extend(text_columns("event", languages));
    header.extend(text_columns("place", languages));
    header.extend(["date", "url"].map(String::from));
    header.extend(text_columns("note", languages));
    let mut rows = vec![header];
    for source in &dataset.sources {
        let mut row = vec![
            source.id.clone(),
            format!("{:?}", source.kind),
            source.title.clone(),
        ];
        row.extend(text_cells(source.author.as_ref(), languages));
        row.extend(text_cells(source.publisher.as_ref(), languages));
        row.extend(text_cells(
            source.event.as_ref().map(|e| &e.name),
            languages,
        ));
        row.extend(text_cells(source.place.as_ref(), languages));
        row.extend([
            source.date.clone().unwrap_or_default(),
            source.url.clone().unwrap_or_default(),
        ]);
        row.extend(text_cells(source.note.as_ref(), languages));
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_a_decimal_point_and_no_grouping() {
        assert_eq!(number(1234567.0), "1234567");
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(0.1), "0.1");
    }

    #[test]
    fn a_field_with_a_comma_or_a_quote_is_quoted() {
        let rows = vec![vec!["a,b".to_string(), "say \"x\"".to_string()]];
        let bytes = csv_bytes(&rows).expect("writes");
        assert_eq!(bytes, b"\"a,b\",\"say \"\"x\"\"\"\r\n");
    }
}
