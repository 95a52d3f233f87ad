//! Sources, figures and statuses as the briefs cite them: numbered references, in order of first citation.

use super::*;

/// Numbers the sources a brief cites, in order of first citation; the book numbers them all
/// once, in the order of `sources.ron`.
#[derive(Debug, Clone, Default)]
pub(super) struct Citations {
    numbers: BTreeMap<SourceRef, usize>,
    order: Vec<SourceRef>,
}

/// The sources one brief cites, each with the number its citations gave it: the brief's
/// list of sources.
#[derive(Debug)]
pub(super) struct Cited<'c> {
    citations: &'c mut Citations,
    list: Vec<(usize, SourceRef)>,
}

/// A source as a numbered reference.
#[derive(Debug, Clone)]
pub struct SourceView {
    pub number: usize,
    /// What the reference says before the title: its author and a separator, or nothing.
    pub lead: String,
    /// The title, quoted, in the language it was published in.
    pub title: String,
    /// That language, when it is not the edition's: the formats tag the title with it.
    pub title_lang: Option<String>,
    /// What it says after the title: the kind, event, publisher, date.
    pub details: String,
    /// The separator between the title and the details, as the language writes it.
    pub separator: String,
    pub url: Option<String>,
    pub note: Option<String>,
}

impl SourceView {
    /// The full reference: author, title, kind, event, publisher, date.
    pub fn citation(&self) -> String {
        format!("{}{}{}", self.lead, self.title, self.rest())
    }

    /// What follows the title on its line: the separator and the details.
    pub fn rest(&self) -> String {
        format!("{}{}", self.separator, self.details)
    }
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
    /// The speaker's words, for a figure he gives.
    pub quote: Option<QuoteView>,
    /// For a figure the speaker gives: his claim, as a fact-check describes it.
    pub claim: Option<ClaimView>,
}

/// A figure a speaker gives, as schema.org's `ClaimReview` describes it: what he claims, who,
/// where, and our verdict (the figure's status and note). HTML embeds it as JSON-LD.
#[derive(Debug, Clone)]
pub struct ClaimView {
    /// The figure's id, the same in every brief.
    pub id: String,
    /// `label: value`, in this edition's language.
    pub claim: String,
    pub speaker: String,
    /// The source that reports his words: its title and address.
    pub source_title: String,
    pub source_url: Option<String>,
    /// His words, as the source prints them.
    pub words: Option<String>,
    /// The status of the figure, then its note: why it is his claim, not a fact.
    pub verdict: String,
}

impl Citations {
    /// Every source of the dataset, numbered in the order of `sources.ron`.
    pub(super) fn all(dataset: &Dataset) -> Citations {
        Citations::of(dataset, dataset.source_refs())
    }

    /// The sources `cited`, numbered in the order of `sources.ron`.
    pub(super) fn of(dataset: &Dataset, cited: impl IntoIterator<Item = SourceRef>) -> Citations {
        let cited: BTreeSet<SourceRef> = cited.into_iter().collect();
        let mut citations = Citations::default();
        for r in dataset.source_refs().filter(|r| cited.contains(r)) {
            citations.cite(r);
        }
        citations
    }

    /// The number of `source`: its own if it was cited before, the next one otherwise.
    pub(super) fn cite(&mut self, source: SourceRef) -> usize {
        if let Some(n) = self.numbers.get(&source) {
            return *n;
        }
        self.order.push(source);
        let n = self.order.len();
        self.numbers.insert(source, n);
        n
    }

    /// Every source cited so far, with its number.
    pub(super) fn listed(&self) -> Vec<(usize, SourceRef)> {
        self.order
            .iter()
            .enumerate()
            .map(|(i, &s)| (i + 1, s))
            .collect()
    }

    /// A brief's list of sources, numbered by these citations.
    pub(super) fn brief(&mut self) -> Cited<'_> {
        Cited {
            citations: self,
            list: Vec::new(),
        }
    }
}

impl Cited<'_> {
    /// Cites `source` in the brief: its number, and a line in the brief's sources.
    pub(super) fn cite(&mut self, source: SourceRef) -> usize {
        let n = self.citations.cite(source);
        self.list.push((n, source));
        n
    }

    /// The brief's sources, each with its number.
    pub(super) fn list(self) -> Vec<(usize, SourceRef)> {
        self.list
    }
}

impl<'a> Views<'a> {
    pub(super) fn source_view(&self, source: &Source, number: usize) -> SourceView {
        let (l, locale) = (&self.labels, self.locale);
        let kind = match source.kind {
            SourceKind::Speech => &l.speech,
            SourceKind::Report => &l.report,
            SourceKind::Interview => &l.interview,
            SourceKind::Statistics => &l.statistics,
            SourceKind::Press => &l.press,
            SourceKind::Legal => &l.legal,
            SourceKind::Dataset => &l.dataset,
            SourceKind::Website => &l.website,
        };
        let separator = locale.comma();
        let lead = match &source.author {
            Some(author) => format!("{}{separator}", self.text(author)),
            None => String::new(),
        };
        // A title stays in the language it was published in (the original's: French),
        // quoted; in a right-to-left edition it is isolated (FSI ... PDI) so that its
        // punctuation stays with it.
        let isolate = |text: String| {
            if locale.rtl() {
                format!("\u{2068}{text}\u{2069}")
            } else {
                text
            }
        };
        let title = isolate(locale.quote(&french(&source.title)));
        let title_lang =
            (self.original.lang != locale.lang).then(|| self.original.lang.to_string());
        let mut parts = vec![kind.clone()];
        if let Some(event) = &source.event {
            parts.push(self.text(&event.name));
        }
        if let Some(publisher) = &source.publisher {
            parts.push(self.text(publisher));
        }
        parts.push(match source.date {
            Some(date) => locale.date(date),
            None => l.unknown_date.clone(),
        });
        SourceView {
            number,
            lead,
            title,
            title_lang,
            details: parts.join(separator),
            separator: separator.to_string(),
            url: source.url.clone(),
            note: source.note.as_ref().map(|n| self.text(n)),
        }
    }

    /// The sources of `cited`, each with its number, once, in number order.
    pub(super) fn source_list(&self, mut cited: Vec<(usize, SourceRef)>) -> Vec<SourceView> {
        cited.sort_by_key(|&(number, _)| number);
        cited.dedup_by_key(|&mut (number, _)| number);
        cited
            .into_iter()
            .map(|(number, s)| self.source_view(self.dataset.source(s), number))
            .collect()
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

    /// A figure's value with its unit, as the briefs print it: in the figures' tables and
    /// where a text cites it (`{value: FIGURE}`).
    pub(super) fn figure_value(&self, value: &Quantity) -> String {
        let (l, locale) = (&self.labels, self.locale);
        match value {
            Quantity::Count(n) => locale.integer(*n),
            Quantity::Percent(v) => locale.percent_as_given(*v),
            Quantity::Years(n) => format!("{}\u{a0}{}", locale.integer(u64::from(*n)), l.years),
            Quantity::Year(y) => y.to_string(),
            Quantity::Date(d) => locale.date(*d),
            Quantity::Kilometres(v) => format!("{}\u{a0}{}", locale.decimal(*v, 1), l.km),
        }
    }

    /// A figure, its source cited in the brief.
    pub(super) fn figure_view(&self, figure: &Figure, cited: &mut Cited) -> FigureView {
        let locale = self.locale;
        let value = self.figure_value(&figure.value);
        let label = self.text(&figure.label);
        // A label that names its period already is not followed by it again.
        let period = figure
            .period
            .map(|p| locale.date(p))
            .filter(|p| !label.contains(p.as_str()));
        FigureView {
            label,
            value,
            period,
            scope: self.text(&figure.scope),
            status: self.status_view(figure.status),
            source: cited.cite(figure.source),
            note: figure.note.as_ref().map(|n| self.text(n)),
            quote: figure
                .quote
                .as_ref()
                .map(|q| self.quote_view(q, cited.cite(figure.source))),
            claim: (figure.status == Status::SpeakerClaim).then(|| self.claim_view(figure)),
        }
    }

    /// A figure the speaker gives, as a claim: his name from the voice whose source gives it.
    fn claim_view(&self, figure: &Figure) -> ClaimView {
        let d = self.dataset;
        let source = d.source(figure.source);
        let voice = d.meta().voices.iter().find(|v| v.source == figure.source);
        let status = self.status_view(figure.status).label;
        ClaimView {
            id: figure.id.clone(),
            claim: labelled(
                self.locale.colon(),
                &self.text(&figure.label),
                &self.figure_value(&figure.value),
            ),
            speaker: voice.map_or_else(
                || {
                    source
                        .author
                        .as_ref()
                        .map(|a| self.text(a))
                        .unwrap_or_default()
                },
                |v| self.text(&v.speaker),
            ),
            source_title: source.title.clone(),
            source_url: source.url.clone(),
            words: figure.quote.as_ref().map(|q| q.words.clone()),
            verdict: match &figure.note {
                Some(note) => format!("{status}. {}", self.text(note)),
                None => status,
            },
        }
    }
}
