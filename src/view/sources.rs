//! Sources, figures and statuses as the briefs cite them: numbered references, in order of first citation.

use super::*;

/// Numbers the sources a brief cites, in order of first citation; the book numbers them all
/// once, in the order of `sources.ron`.
#[derive(Debug, Clone, Default)]
pub(super) struct Citations {
    pub(super) numbers: BTreeMap<String, usize>,
    pub(super) order: Vec<String>,
}

/// A source as a numbered reference.
#[derive(Debug, Clone)]
pub struct SourceView {
    pub number: usize,
    /// The full reference: author, title, publisher, date.
    pub citation: String,
    pub url: Option<String>,
    pub note: Option<String>,
}

/// How much weight a figure carries, as the briefs say it.
#[derive(Debug, Clone)]
pub struct StatusView {
    /// Full wording, for a figure's line.
    pub label: String,
    /// One word, for a table cell.
    pub short: String,
    /// CSS class of the badge (and Typst style).
    pub class: &'static str,
}

/// A figure as a brief shows it.
#[derive(Debug, Clone)]
pub struct FigureView {
    pub label: String,
    pub value: String,
    pub period: Option<String>,
    pub scope: String,
    pub status: StatusView,
    pub source: usize,
    pub note: Option<String>,
}

impl Citations {
    pub(super) fn all(sources: &[Source]) -> Citations {
        let mut citations = Citations::default();
        for s in sources {
            citations.cite(&s.id);
        }
        citations
    }

    pub(super) fn cite(&mut self, id: &str) -> usize {
        if let Some(n) = self.numbers.get(id) {
            return *n;
        }
        self.order.push(id.to_string());
        let n = self.order.len();
        self.numbers.insert(id.to_string(), n);
        n
    }
}

impl<'a> Views<'a> {
    pub(super) fn source_view(&self, source: &Source, number: usize) -> SourceView {
        let (l, locale) = (&self.labels, self.locale);
        let kind = match source.kind {
            SourceKind::Speech => &l.speech,
            SourceKind::Statistics => &l.statistics,
            SourceKind::Press => &l.press,
            SourceKind::Legal => &l.legal,
            SourceKind::Dataset => &l.dataset,
            SourceKind::Website => &l.website,
        };
        let mut parts = Vec::new();
        if let Some(author) = &source.author {
            parts.push(locale.text(author));
        }
        // A title stays in the language it was published in, quoted; in a right-to-left
        // edition it is isolated (FSI ... PDI) so that its punctuation stays with it.
        let isolate = |text: String| {
            if locale.rtl() {
                format!("\u{2068}{text}\u{2069}")
            } else {
                text
            }
        };
        parts.push(isolate(format!("«\u{a0}{}\u{a0}»", french(&source.title))));
        parts.push(kind.clone());
        if let Some(event) = &source.event {
            parts.push(locale.text(&event.name));
        }
        if let Some(publisher) = &source.publisher {
            parts.push(isolate(publisher.clone()));
        }
        parts.push(match &source.date {
            Some(date) => locale.date(date),
            None => l.unknown_date.clone(),
        });
        let separator = locale.comma();
        SourceView {
            number,
            citation: parts.join(separator),
            url: source.url.clone(),
            note: source.note.as_ref().map(|n| locale.text(n)),
        }
    }

    /// The sources `ids` names, each with its number, in number order.
    pub(super) fn source_list(&self, ids: &[String], citations: &Citations) -> Vec<SourceView> {
        let mut views: Vec<SourceView> = ids
            .iter()
            .filter_map(|id| {
                let source = self.dataset.sources.iter().find(|s| &s.id == id)?;
                Some(self.source_view(source, citations.numbers.get(id).copied().unwrap_or(0)))
            })
            .collect();
        views.sort_by_key(|s| s.number);
        views.dedup_by_key(|s| s.number);
        views
    }

    pub fn status_view(&self, status: Status) -> StatusView {
        let l = &self.labels;
        let (label, short, class) = match status {
            Status::SpeakerClaim => (&l.claim, &l.claim_short, "claim"),
            Status::OfficialStatistic => (&l.official, &l.official_short, "official"),
            Status::Reported => (&l.reported_fact, &l.reported_short, "reported"),
            Status::OwnCalculation => (&l.calculation, &l.calculation_short, "calc"),
        };
        StatusView {
            label: label.clone(),
            short: short.clone(),
            class,
        }
    }

    /// Every status, for the legends.
    pub fn statuses(&self) -> Vec<StatusView> {
        [
            Status::SpeakerClaim,
            Status::OfficialStatistic,
            Status::Reported,
            Status::OwnCalculation,
        ]
        .into_iter()
        .map(|s| self.status_view(s))
        .collect()
    }

    pub(super) fn figure_view(&self, figure: &Figure, citations: &mut Citations) -> FigureView {
        let (l, locale) = (&self.labels, self.locale);
        let value = match &figure.value {
            Quantity::Count(n) => locale.integer(*n),
            Quantity::Percent(v) => locale.percent_as_given(*v),
            Quantity::Years(n) => format!("{}\u{a0}{}", locale.integer(u64::from(*n)), l.years),
            Quantity::Year(y) => y.to_string(),
            Quantity::Date(d) => locale.date(d),
            Quantity::Kilometres(v) => format!("{}\u{a0}{}", locale.decimal(*v, 1), l.km),
        };
        FigureView {
            label: locale.text(&figure.label),
            value,
            period: figure.period.as_deref().map(|p| locale.date(p)),
            scope: locale.text(&figure.scope),
            status: self.status_view(figure.status),
            source: figure.source.as_deref().map_or(0, |s| citations.cite(s)),
            note: figure.note.as_ref().map(|n| locale.text(n)),
        }
    }
}
