//! Figures and sources: each figure's value, unit, status and source; each source's fields.

use super::*;

impl Checker<'_> {
    pub(super) fn check_sources(&mut self, sources: &Parsed<Vec<Source>>, refs: &Refs) {
        for (i, source) in sources.value.iter().enumerate() {
            let p = |field: &str| format!("[{i}].{field}");
            self.plain(sources, &p("title"), &source.title);
            for (field, text) in [("author", &source.author), ("note", &source.note)] {
                if let Some(text) = text {
                    self.text(sources, &p(field), text);
                }
            }
            if let Some(publisher) = &source.publisher {
                self.plain(sources, &p("publisher"), publisher);
            }
            if let Some(url) = &source.url {
                self.url(sources, &p("url"), url);
            }
            if let Some(date) = &source.date {
                self.date(sources, &p("date"), date);
            }
            if let Some(event) = &source.event {
                self.text(sources, &p("event.name"), &event.name);
                self.plain(sources, &p("event.theme"), &event.theme);
                self.reference(
                    sources,
                    &p("event.organiser"),
                    "actor",
                    &event.organiser,
                    &refs.actors,
                );
            }
        }
    }

    pub(super) fn check_figures(&mut self, figures: &Parsed<Vec<Figure>>, refs: &Refs) {
        for (i, figure) in figures.value.iter().enumerate() {
            let p = |field: &str| format!("[{i}].{field}");
            self.text(figures, &p("label"), &figure.label);
            self.text(figures, &p("scope"), &figure.scope);
            if let Some(note) = &figure.note {
                self.text(figures, &p("note"), note);
            }
            if let Some(period) = &figure.period {
                self.date(figures, &p("period"), period);
            }
            match &figure.source {
                Some(source) => {
                    self.reference(figures, &p("source"), "source", source, &refs.sources)
                }
                None => {
                    let d = self.error_at(
                        figures,
                        &p("id"),
                        format!("figure `{}` has no source", figure.id),
                    );
                    d.label = Some("this figure names no source".to_string());
                    d.help = Some("every figure names its source: add `source: \"<source id>\"` (ids are in sources.ron)".to_string());
                }
            }
            self.quantity(figures, &p("value"), &figure.value);
        }
    }

    pub(super) fn quantity<T>(&mut self, parsed: &Parsed<T>, path: &str, quantity: &Quantity) {
        let problem = match quantity {
            Quantity::Count(0) => Some("a count is at least 1".to_string()),
            Quantity::Years(0) => Some("a duration is at least 1 year".to_string()),
            Quantity::Percent(v) if !(0.0..=100.0).contains(v) => {
                Some(format!("percentage {v} is outside 0 to 100"))
            }
            Quantity::Kilometres(v) if !(v.is_finite() && *v >= 0.0) => {
                Some(format!("distance {v} is negative or not a number"))
            }
            Quantity::Year(y) if !(1900..=2100).contains(y) => {
                Some(format!("year {y} is outside 1900 to 2100"))
            }
            Quantity::Date(date) => parse_date(date)
                .err()
                .map(|why| format!("invalid date `{date}`: {why}")),
            _ => None,
        };
        if let Some(problem) = problem {
            self.error_at(parsed, path, format!("value out of range: {problem}"))
                .help = Some("check the figure against its source".to_string());
        }
    }
}
