//! How a quote is measured and compared with the text it comes from: the one place that
//! says what "the same words" means, for `jiha check`, for the notes printed beside a quote,
//! and for the test that reads the article.
//!
//! Two texts say the same words when they do after [`normalise`]: runs of white space are
//! one space, typographic apostrophes are `'`, quotation marks and guillemets are spaces
//! (they mark words, they are not words), and case is kept. A word is a run of characters
//! between spaces.
//!
//! The rules on the speaker's words live here too: every quote is short and located, and
//! translated into every language but the original; every statement that attributes
//! something to him has a quote; a figure he gives carries his words; and a proposal's title
//! and summary are no firmer than his stance.

use super::*;
use crate::model::{Quote, Said, Stance, Status, TextNote};

/// What the rules on the speaker's words can find.
#[derive(Debug, Clone, PartialEq)]
pub enum QuoteFinding {
    /// A quote of more than [`MAX_WORDS`] words.
    TooLong { words: usize },
    /// A quote or note located in paragraph 0.
    NoParagraph,
    /// A translation without a version in `lang`, a language other than the original.
    UntranslatedInto { lang: String },
    /// A translation in the original language, which prints the words themselves.
    TranslatedIntoOriginal { lang: String },
    /// A figure the speaker gives, without his words.
    ClaimUnquoted { id: String },
    /// A figure that is not the speaker's, with a quote of his.
    QuoteOnFact { id: String },
    /// A title or summary holding a word firmer than the proposal's stance.
    FirmerThanStance {
        word: String,
        lang: String,
        stance: Stance,
    },
    /// The same words translated otherwise than where they are first quoted (`first`, a
    /// file): one thing, one translation.
    TranslatedOtherwise { lang: String, first: String },
    /// A summary that does not say the proposal's hedge (`markers`, in `lang`).
    HedgeUnsaid {
        lang: String,
        stance: Stance,
        markers: Vec<String>,
    },
}

impl Describe for QuoteFinding {
    fn message(&self) -> String {
        use QuoteFinding as F;
        match self {
            F::TooLong { words } => {
                format!("quote of {words} words: a quote holds at most {MAX_WORDS}")
            }
            F::NoParagraph => "paragraph 0: paragraphs are counted from 1".into(),
            F::UntranslatedInto { lang } => format!("translation has no `{lang}` version"),
            F::TranslatedIntoOriginal { lang } => {
                format!("translation into `{lang}`, the language of the words themselves")
            }
            F::ClaimUnquoted { id } => {
                format!("figure `{id}` is the speaker's claim but carries none of his words")
            }
            F::QuoteOnFact { id } => {
                format!("figure `{id}` quotes the speaker but is not his claim")
            }
            F::FirmerThanStance { word, lang, stance } => format!(
                "`{word}` ({lang}) is firmer than the proposal's stance, {}",
                stance_name(*stance)
            ),
            F::TranslatedOtherwise { lang, first } => {
                format!("these words are translated into `{lang}` otherwise in {first}")
            }
            F::HedgeUnsaid { lang, stance, .. } => format!(
                "the `{lang}` summary does not say that the proposal is {}",
                stance_name(*stance)
            ),
        }
    }

    fn help(&self) -> Option<String> {
        use QuoteFinding as F;
        Some(match self {
            F::TooLong { .. } => "quote the few words that carry the claim and its hedge; say the rest in our words".into(),
            F::NoParagraph => "count the source's non-empty lines from 1 (its headline is paragraph 1)".into(),
            F::UntranslatedInto { lang } => format!("add our translation: \"{lang}\": \"...\""),
            F::TranslatedIntoOriginal { .. } => "remove it: every edition prints the words as said".into(),
            F::ClaimUnquoted { .. } => "add `quote: Some(Quote(words: \"...\", paragraph: N, translation: {...}))` with his words".into(),
            F::QuoteOnFact { .. } => "remove the quote, or mark the figure `status: SpeakerClaim`".into(),
            F::FirmerThanStance { .. } => "keep his hedge: say what he gave as an example as an example, and drop what he did not say".into(),
            F::TranslatedOtherwise { .. } => {
                "give the same words the same translation everywhere: copy the first one".into()
            }
            F::HedgeUnsaid { markers, .. } => format!(
                "say it in the summary, with one of {} (labels/<lang>.ron, `hedges`)",
                quoted(markers)
            ),
        })
    }
}

/// A stance as the findings name it.
fn stance_name(stance: Stance) -> &'static str {
    match stance {
        Stance::Example => "an example",
        Stance::Suggestion => "a suggestion",
        Stance::Proposal => "a proposal",
        Stance::Announcement => "an announcement",
    }
}

impl Checker<'_> {
    /// A quote: short, located, translated into every language but the original.
    pub(super) fn quote<T>(&mut self, parsed: &Parsed<T>, path: &str, quote: &Quote) {
        self.excerpt(parsed, path, &quote.words, quote.paragraph);
        self.translation(parsed, &format!("{path}.translation"), &quote.translation);
    }

    /// The `words` and `paragraph` of a quote or a note: printable, short, located.
    fn excerpt<T>(&mut self, parsed: &Parsed<T>, path: &str, excerpt: &str, paragraph: u32) {
        let at = |field: &str| format!("{path}.{field}");
        self.plain_as(parsed, &at("words"), excerpt, Field::Line);
        let n = words(excerpt);
        if n > MAX_WORDS {
            self.report(parsed, &at("words"), QuoteFinding::TooLong { words: n });
        }
        if paragraph == 0 {
            self.report(parsed, &at("paragraph"), QuoteFinding::NoParagraph);
        }
    }

    /// A text in every declared language but the original.
    fn translation<T>(&mut self, parsed: &Parsed<T>, path: &str, text: &Text) {
        let (Some(languages), Some(original)) = (self.languages.clone(), self.original.clone())
        else {
            return;
        };
        for lang in languages.iter().filter(|l| **l != original) {
            if !text.0.contains_key(lang) {
                let lang = lang.clone();
                self.report(parsed, path, QuoteFinding::UntranslatedInto { lang });
            }
        }
        if text.0.contains_key(&original) {
            let at = format!("{path}.\"{original}\"");
            self.report(
                parsed,
                &at,
                QuoteFinding::TranslatedIntoOriginal { lang: original },
            );
        }
        for (lang, value) in text.0.iter().filter(|(l, _)| languages.contains(l)) {
            self.plain_as(parsed, &format!("{path}.\"{lang}\""), value, Field::Line);
        }
        self.undeclared_versions(parsed, path, text, &languages);
        self.repeated_versions(parsed, path, text);
    }

    /// A statement attributed to the speaker: its text, and at least one quote.
    pub(super) fn said<T>(&mut self, parsed: &Parsed<T>, path: &str, said: &Said, field: Field) {
        self.text_as(parsed, &format!("{path}.text"), &said.text, field);
        let quotes = format!("{path}.quotes");
        self.non_empty(
            parsed,
            &quotes,
            &said.quotes,
            "the list of the speaker's words",
        );
        for (i, quote) in said.quotes.iter().enumerate() {
            self.quote(parsed, &format!("{quotes}[{i}]"), quote);
        }
    }

    /// Statements attributed to the speaker, each with its quotes.
    pub(super) fn saids<T>(&mut self, parsed: &Parsed<T>, path: &str, said: &[Said], field: Field) {
        for (i, s) in said.iter().enumerate() {
            self.said(parsed, &format!("{path}[{i}]"), s, field);
        }
    }

    /// A note on a passage of a source: short, located, with our reading.
    pub(super) fn text_note<T>(&mut self, parsed: &Parsed<T>, path: &str, note: &TextNote) {
        self.excerpt(parsed, path, &note.words, note.paragraph);
        let reading = format!("{path}.reading");
        self.text_as(parsed, &reading, &note.reading, Field::Paragraph);
    }

    /// A proposal's title and summary against its stance, in every language whose
    /// catalogue says how that language hedges.
    pub(super) fn check_stance(
        &mut self,
        parsed: &Parsed<Proposal>,
        labels: &BTreeMap<String, Labels>,
    ) {
        let p = &parsed.value;
        let stance = p.stance;
        if stance > Stance::Suggestion {
            return;
        }
        for (lang, catalogue) in labels {
            let hedges = &catalogue.hedges;
            let markers = match stance {
                Stance::Example => &hedges.example,
                _ => &hedges.suggestion,
            };
            for (path, text) in [("title", &p.title), ("summary.text", &p.summary.text)] {
                let version = text.get(lang).to_lowercase();
                if let Some(word) = hedges.firm.iter().find(|w| has_word(&version, w)) {
                    let at = format!("{path}.\"{lang}\"");
                    let (word, lang) = (word.clone(), lang.clone());
                    self.report(
                        parsed,
                        &at,
                        QuoteFinding::FirmerThanStance { word, lang, stance },
                    );
                }
            }
            let summary = p.summary.text.get(lang).to_lowercase();
            if !summary.is_empty() && !markers.iter().any(|m| summary.contains(&m.to_lowercase())) {
                let at = format!("summary.text.\"{lang}\"");
                let (lang, markers) = (lang.clone(), markers.clone());
                self.report(
                    parsed,
                    &at,
                    QuoteFinding::HedgeUnsaid {
                        lang,
                        stance,
                        markers,
                    },
                );
            }
        }
    }

    /// Every quote of the dataset against the others: the same words, the same translation.
    /// The files come as `load` reads them: `dataset.ron`, the proposals in the order of
    /// their files' names, `figures.ron`; a translation is compared with the first met.
    pub(super) fn check_quote_translations<'p>(
        &mut self,
        meta: Option<&Parsed<Meta>>,
        proposals: impl IntoIterator<Item = &'p Parsed<Proposal>>,
        figures: Option<&Parsed<Vec<Figure>>>,
    ) {
        let mut first: BTreeMap<String, (Text, String)> = BTreeMap::new();
        let mut compare = |file: &str, at: String, q: &Quote| {
            let key = normalise(&q.words);
            match first.get(&key) {
                None => {
                    first.insert(key, (q.translation.clone(), file.to_string()));
                    None
                }
                Some((translation, where_first)) => q
                    .translation
                    .0
                    .iter()
                    .find(|(lang, version)| {
                        translation
                            .0
                            .get(*lang)
                            .is_some_and(|first| first != *version)
                    })
                    .map(|(lang, _)| {
                        let finding = QuoteFinding::TranslatedOtherwise {
                            lang: lang.clone(),
                            first: where_first.clone(),
                        };
                        (format!("{at}.translation.\"{lang}\""), finding)
                    }),
            }
        };
        if let Some(meta) = meta {
            for (v, voice) in meta.value.voices.iter().enumerate() {
                for (i, s) in voice.key_messages.iter().enumerate() {
                    for (j, q) in s.quotes.iter().enumerate() {
                        let at = format!("voices[{v}].key_messages[{i}].quotes[{j}]");
                        if let Some((path, f)) = compare(&meta.file, at, q) {
                            self.report(meta, &path, f);
                        }
                    }
                }
            }
        }
        for parsed in proposals {
            let p = &parsed.value;
            let mut quotes: Vec<(String, &Quote)> = Vec::new();
            for (j, q) in p.summary.quotes.iter().enumerate() {
                quotes.push((format!("summary.quotes[{j}]"), q));
            }
            for (i, s) in p.said.iter().enumerate() {
                for (j, q) in s.quotes.iter().enumerate() {
                    quotes.push((format!("said[{i}].quotes[{j}]"), q));
                }
            }
            for (i, r) in p.actors.iter().enumerate() {
                if let Some(q) = &r.quote {
                    quotes.push((format!("actors[{i}].quote"), q));
                }
            }
            for (at, q) in quotes {
                if let Some((path, f)) = compare(&parsed.file, at, q) {
                    self.report(parsed, &path, f);
                }
            }
        }
        if let Some(figures) = figures {
            for (i, figure) in figures.value.iter().enumerate() {
                if let Some(q) = &figure.quote
                    && let Some((path, f)) = compare(&figures.file, format!("[{i}].quote"), q)
                {
                    self.report(figures, &path, f);
                }
            }
        }
    }

    /// A figure's quote: present when, and only when, the figure is the speaker's claim.
    pub(super) fn figure_quote(&mut self, figures: &Parsed<Vec<Figure>>, i: usize) {
        let figure = &figures.value[i];
        let claim = figure.status == Status::SpeakerClaim;
        match (&figure.quote, claim) {
            (Some(quote), true) => self.quote(figures, &format!("[{i}].quote"), quote),
            (None, true) => {
                let id = figure.id.clone();
                self.report(
                    figures,
                    &format!("[{i}].status"),
                    QuoteFinding::ClaimUnquoted { id },
                );
            }
            (Some(_), false) => {
                let id = figure.id.clone();
                self.report(
                    figures,
                    &format!("[{i}].quote"),
                    QuoteFinding::QuoteOnFact { id },
                );
            }
            (None, false) => {}
        }
    }
}

/// Whether `text` holds `word` (lower case) as a whole word or phrase.
fn has_word(text: &str, word: &str) -> bool {
    let word = word.to_lowercase();
    text.match_indices(&word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The most words a quote may hold: a short excerpt, cited rather than reproduced.
pub const MAX_WORDS: usize = 15;

/// `text` with its spaces, apostrophes and quotation marks made uniform (see the module).
pub fn normalise(text: &str) -> String {
    let marks_as_spaces: String = text
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' => '\'',
            '"' | '\u{00AB}' | '\u{00BB}' | '\u{201C}' | '\u{201D}' | '\u{201E}' => ' ',
            c => c,
        })
        .collect();
    marks_as_spaces
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many words `text` holds.
pub fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Whether `passage` occurs in `text`, word for word (see the module).
pub fn contains(text: &str, passage: &str) -> bool {
    let (text, passage) = (normalise(text), normalise(passage));
    !passage.is_empty() && text.contains(&passage)
}

/// The paragraphs of a source's text, as quotes count them: its non-empty lines, the first
/// being paragraph 1.
pub fn paragraphs(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.trim().is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_apostrophes_and_quotation_marks_do_not_count() {
        assert!(contains(
            "« Aujourd\u{2019}hui,  le\u{a0}point »",
            "\"Aujourd'hui, le point\""
        ));
        assert!(!contains("le point fondamental", "le pôle fondamental"));
        assert!(!contains("le point", "Le point"), "case is kept");
        assert!(!contains("anything", " "));
    }

    #[test]
    fn words_are_what_lies_between_spaces() {
        assert_eq!(words("c'est pas un programme"), 4);
        assert_eq!(words("  6 000 talents "), 3);
    }

    #[test]
    fn a_firm_word_is_found_whole() {
        assert!(has_word("faire du nord le pôle national", "national"));
        assert!(!has_word("la dimension internationale", "national"));
        assert!(has_word("قطب وطني", "وطني"));
    }

    #[test]
    fn paragraphs_are_the_non_empty_lines() {
        assert_eq!(
            paragraphs("Titre\n\nUn.\n  \nDeux.\n"),
            ["Titre", "Un.", "Deux."]
        );
    }
}
