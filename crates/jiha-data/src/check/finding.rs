//! What a rule found, by kind: one variant per rule, grouped by the rules' domains.
//!
//! Each finding knows its severity and the words it is shown with.
//!
//! A rule reports a finding with the values it is about (ids, numbers, suggestions); the
//! message, the label under the caret and the `help:` line are derived from them here and in
//! the rule's own module, never matched on: code that needs to know what was found matches
//! the kind.

use std::fmt;

use crate::check::diagnostic::Severity;
use crate::check::{
    BookFinding, CiteFinding, FigureFinding, FileFinding, IdFinding, LabelFinding, ProposalFinding,
    ProvinceFinding, QuoteFinding, StringFinding, TerritoryFinding, TextFinding,
    TranslationFinding, UrlFinding,
};

/// The words a finding is shown with. Each domain's findings implement it.
pub trait Describe {
    /// Error or warning; most findings are errors.
    fn severity(&self) -> Severity {
        Severity::Error
    }

    /// What is wrong.
    fn message(&self) -> String;

    /// A short label under the caret, if any.
    fn label(&self) -> Option<String> {
        None
    }

    /// What to do about it, if anything can be said.
    fn help(&self) -> Option<String> {
        None
    }
}

/// Declares [`Finding`], one variant per domain, with the call that reaches the domain's
/// finding inside it and `From` for each domain: a new domain is one line here.
macro_rules! domains {
    ($($(#[$doc:meta])* $variant:ident($domain:ty),)*) => {
        /// One finding of a rule, by domain.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Finding {
            $($(#[$doc])* $variant($domain),)*
        }

        impl Finding {
            fn describe(&self) -> &dyn Describe {
                match self {
                    $(Finding::$variant(finding) => finding,)*
                }
            }
        }
        $(
            impl From<$domain> for Finding {
                fn from(finding: $domain) -> Finding {
                    Finding::$variant(finding)
                }
            }
        )*
    };
}

domains! {
    /// Reading and parsing the files.
    File(FileFinding),
    /// Ids and references.
    Id(IdFinding),
    /// Texts, languages and written values (dates, web addresses, lists).
    Text(TextFinding),
    /// Figures and sources.
    Figure(FigureFinding),
    /// Territories and geometry.
    Territory(TerritoryFinding),
    /// Provinces, préfectures and communes.
    Province(ProvinceFinding),
    /// Proposals.
    Proposal(ProposalFinding),
    /// The speaker's words: quotes, stances, notes on the source's text.
    Quote(QuoteFinding),
    /// Label catalogues.
    Label(LabelFinding),
    /// What every string may hold: characters, line breaks, direction controls, lengths.
    String(StringFinding),
    /// Web addresses.
    Url(UrlFinding),
    /// References to the data in texts (`{value: ...}`).
    Cite(CiteFinding),
    /// Books made to measure.
    Book(BookFinding),
    /// Translations made from an older original.
    Translation(TranslationFinding),
}

impl Finding {
    /// Error or warning.
    pub fn severity(&self) -> Severity {
        self.describe().severity()
    }

    /// What is wrong.
    pub fn message(&self) -> String {
        self.describe().message()
    }

    /// A short label under the caret.
    pub fn label(&self) -> Option<String> {
        self.describe().label()
    }

    /// What to do about it.
    pub fn help(&self) -> Option<String> {
        self.describe().help()
    }
}

/// What an id names: the lists whose entries have ids, and what a reference points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IdKind {
    Source,
    Actor,
    Figure,
    Region,
    Proposal,
    Voice,
    Theme,
    /// A statement of the frame around the proposals (`dataset.ron`'s `frame`).
    Frame,
    /// A book made to measure.
    Book,
    /// What a book may hold: the overview, a proposal or a region.
    Brief,
}

impl IdKind {
    /// Whether the id names a brief of its own, so that it may not take a reserved id.
    pub fn names_a_brief(self) -> bool {
        matches!(self, IdKind::Region | IdKind::Proposal | IdKind::Book)
    }
}

impl fmt::Display for IdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IdKind::Source => "source",
            IdKind::Actor => "actor",
            IdKind::Figure => "figure",
            IdKind::Region => "region",
            IdKind::Proposal => "proposal",
            IdKind::Voice => "voice",
            IdKind::Theme => "theme",
            IdKind::Frame => "frame item",
            IdKind::Book => "book",
            IdKind::Brief => "brief",
        })
    }
}

/// `` `a`, `b`, `c` ``: names in backticks, separated by commas.
pub(crate) fn quoted<S: fmt::Display>(names: impl IntoIterator<Item = S>) -> String {
    names
        .into_iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
