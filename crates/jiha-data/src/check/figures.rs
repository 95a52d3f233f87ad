//! Figures, sources and actors, the catalogues the briefs cite: values, units, sources.

use super::*;
use crate::model::SourceKind;

/// What the rules on figures, sources and actors can find.
#[derive(Debug, Clone, PartialEq)]
pub enum FigureFinding {
    /// A figure that names no source.
    NoSource { id: String },
    /// A figure's value that cannot be right.
    OutOfRange(OutOfRange),
    /// A source nothing cites (a warning).
    Uncited { id: String },
    /// A voice's source that lacks who they are (`author`), or the event of a speech.
    VoiceWithout { id: String, field: &'static str },
    /// A voice's source that is not a speech, a report, an interview or a press report of
    /// their words.
    VoiceKind { id: String, kind: SourceKind },
}

/// Why a value (a figure's or an indicator's) cannot be right.
#[derive(Debug, Clone, PartialEq)]
pub enum OutOfRange {
    /// A count of zero.
    CountZero,
    /// A duration of zero years.
    YearsZero,
    /// A percentage outside 0 to 100.
    Percent(f64),
    /// A distance that is negative or not a number.
    Distance(f64),
    /// A year outside 1900 to 2100.
    Year(i32),
    /// A date that does not exist, and why.
    Date { date: String, why: String },
    /// A value that is not a number.
    NotANumber(f64),
    /// A count that is not a positive whole number.
    CountNotWhole(f64),
    /// A negative distance.
    NegativeDistance(f64),
}

impl fmt::Display for OutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutOfRange::CountZero => write!(f, "a count is at least 1"),
            OutOfRange::YearsZero => write!(f, "a duration is at least 1 year"),
            OutOfRange::Percent(v) => write!(f, "percentage {v} is outside 0 to 100"),
            OutOfRange::Distance(v) => write!(f, "distance {v} is negative or not a number"),
            OutOfRange::Year(y) => write!(f, "year {y} is outside 1900 to 2100"),
            OutOfRange::Date { date, why } => write!(f, "invalid date `{date}`: {why}"),
            OutOfRange::NotANumber(v) => write!(f, "{v} is not a number"),
            OutOfRange::CountNotWhole(v) => write!(f, "count {v} is not a positive whole number"),
            OutOfRange::NegativeDistance(v) => write!(f, "distance {v} is negative"),
        }
    }
}

impl Describe for FigureFinding {
    fn severity(&self) -> Severity {
        match self {
            FigureFinding::Uncited { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    fn message(&self) -> String {
        match self {
            FigureFinding::NoSource { id } => format!("figure `{id}` has no source"),
            FigureFinding::OutOfRange(problem) => format!("value out of range: {problem}"),
            FigureFinding::Uncited { id } => format!("source `{id}` is cited by nothing"),
            FigureFinding::VoiceWithout { id, field } => {
                format!("the source `{id}` of a voice has no `{field}`")
            }
            FigureFinding::VoiceKind { id, kind } => {
                format!("the source `{id}` of a voice is of kind `{kind:?}`")
            }
        }
    }

    fn label(&self) -> Option<String> {
        match self {
            FigureFinding::NoSource { .. } => Some("this figure names no source".to_string()),
            FigureFinding::OutOfRange(_) => None,
            FigureFinding::Uncited { .. } => Some("never cited".to_string()),
            FigureFinding::VoiceWithout { .. } | FigureFinding::VoiceKind { .. } => {
                Some("a voice of `dataset.ron`".to_string())
            }
        }
    }

    fn help(&self) -> Option<String> {
        let help = match self {
            FigureFinding::NoSource { .. } => {
                "every figure names its source: add `source: \"<source id>\"` (ids are in sources.ron)"
            }
            FigureFinding::OutOfRange(_) => "check the figure against its source",
            FigureFinding::Uncited { .. } => {
                "cite it from a figure, an indicator, an actor, a glossary term or a proposal, or remove it"
            }
            FigureFinding::VoiceWithout { .. } => {
                "the overview introduces each voice by its author and, for a speech, its event: give this source an `author` (who, with their role) and, for a speech, an `event`"
            }
            FigureFinding::VoiceKind { .. } => {
                "a voice speaks in a `Speech`, a `Report` or an `Interview`, or is reported by the `Press`: give the source one of these kinds, or attribute the proposals to another voice"
            }
        };
        Some(help.to_string())
    }
}

impl Checker<'_> {
    /// Each voice's source has what the overview introduces it by: who they are
    /// (`author`) and, for a speech, its `event`; and it is a speech, a report or an
    /// interview. An unknown id is reported by the reference rule.
    pub(super) fn check_voices(&mut self, meta: &Parsed<Meta>, sources: &Parsed<Vec<Source>>) {
        for voice in &meta.value.voices {
            let id = &voice.source;
            let Some(i) = sources.value.iter().position(|s| &s.id == id) else {
                continue;
            };
            let source = &sources.value[i];
            let path = format!("[{i}].id");
            let speech = source.kind == SourceKind::Speech;
            if !matches!(
                source.kind,
                SourceKind::Speech | SourceKind::Report | SourceKind::Interview | SourceKind::Press
            ) {
                let (id, kind) = (id.clone(), source.kind);
                self.report(
                    sources,
                    &format!("[{i}].kind"),
                    FigureFinding::VoiceKind { id, kind },
                );
            }
            for (field, missing) in [
                ("author", source.author.is_none()),
                ("event", speech && source.event.is_none()),
            ] {
                if missing {
                    let finding = FigureFinding::VoiceWithout {
                        id: id.clone(),
                        field,
                    };
                    self.report(sources, &path, finding);
                }
            }
        }
    }

    pub(super) fn check_sources(&mut self, sources: &Parsed<Vec<Source>>, refs: &Refs) {
        for (i, source) in sources.value.iter().enumerate() {
            let p = |field: &str| format!("[{i}].{field}");
            self.plain_as(sources, &p("title"), &source.title, Field::Title);
            for (field, text, kind) in [
                ("author", &source.author, Field::Title),
                ("publisher", &source.publisher, Field::Title),
                ("note", &source.note, Field::Paragraph),
                ("place", &source.place, Field::Title),
            ] {
                if let Some(text) = text {
                    self.text_as(sources, &p(field), text, kind);
                }
            }
            if let Some(url) = &source.url {
                self.url(sources, &p("url"), url);
            }
            if let Some(date) = &source.date {
                self.date(sources, &p("date"), date);
            }
            for (j, note) in source.notes.iter().enumerate() {
                self.text_note(sources, &p(&format!("notes[{j}]")), note);
            }
            if let Some(event) = &source.event {
                self.text_as(sources, &p("event.name"), &event.name, Field::Title);
                if let Some(theme) = &event.theme {
                    self.plain_as(sources, &p("event.theme"), theme, Field::Title);
                }
                let organiser = &event.organiser;
                self.reference(
                    sources,
                    &p("event.organiser"),
                    IdKind::Actor,
                    organiser,
                    refs,
                );
            }
        }
    }

    /// Warns about the sources nothing cites; run once every citing file is checked.
    pub(super) fn check_cited(&mut self, sources: &Parsed<Vec<Source>>) {
        for (i, source) in sources.value.iter().enumerate() {
            if !self.cited.contains(&source.id) {
                let id = source.id.clone();
                self.report(sources, &format!("[{i}].id"), FigureFinding::Uncited { id });
            }
        }
    }

    pub(super) fn check_actors(&mut self, actors: &Parsed<Vec<Actor>>, refs: &Refs) {
        for (i, actor) in actors.value.iter().enumerate() {
            self.text_as(actors, &format!("[{i}].name"), &actor.name, Field::Title);
            let description = &actor.description;
            let path = format!("[{i}].description");
            self.text_as(actors, &path, description, Field::Paragraph);
            let sources = &actor.sources;
            let what = "the list of sources";
            self.non_empty(actors, &format!("[{i}].sources"), sources, what);
            for (j, source) in sources.iter().enumerate() {
                let path = format!("[{i}].sources[{j}]");
                self.reference(actors, &path, IdKind::Source, source, refs);
            }
        }
    }

    pub(super) fn check_figures(&mut self, figures: &Parsed<Vec<Figure>>, refs: &Refs) {
        for (i, figure) in figures.value.iter().enumerate() {
            let p = |field: &str| format!("[{i}].{field}");
            self.text_as(figures, &p("label"), &figure.label, Field::Title);
            self.text_as(figures, &p("scope"), &figure.scope, Field::Title);
            if let Some(note) = &figure.note {
                self.text_as(figures, &p("note"), note, Field::Paragraph);
            }
            if let Some(period) = &figure.period {
                self.date(figures, &p("period"), period);
            }
            match &figure.source {
                Some(source) => self.reference(figures, &p("source"), IdKind::Source, source, refs),
                None => {
                    let id = figure.id.clone();
                    self.report(figures, &p("id"), FigureFinding::NoSource { id });
                }
            }
            self.quantity(figures, &p("value"), &figure.value);
            self.figure_quote(figures, i);
        }
    }

    pub(super) fn quantity<T>(&mut self, parsed: &Parsed<T>, path: &str, quantity: &Quantity) {
        if matches!(quantity, Quantity::Date(date) if date == TO_WRITE) {
            self.report(parsed, path, TextFinding::ToWrite);
            return;
        }
        let problem = match quantity {
            Quantity::Count(0) => Some(OutOfRange::CountZero),
            Quantity::Years(0) => Some(OutOfRange::YearsZero),
            Quantity::Percent(v) if !(0.0..=100.0).contains(v) => Some(OutOfRange::Percent(*v)),
            Quantity::Kilometres(v) if !(v.is_finite() && *v >= 0.0) => {
                Some(OutOfRange::Distance(*v))
            }
            Quantity::Year(y) if !(1900..=2100).contains(y) => Some(OutOfRange::Year(*y)),
            Quantity::Date(date) => parse_date(date).err().map(|why| OutOfRange::Date {
                date: date.clone(),
                why,
            }),
            _ => None,
        };
        if let Some(problem) = problem {
            self.report(parsed, path, FigureFinding::OutOfRange(problem));
        }
    }
}
