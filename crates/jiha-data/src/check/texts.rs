//! Texts, languages and written values: every text, the declared languages, dates, links.
//!
//! Each text exists in every declared language, is printable and holds no placeholder.

use super::*;
use crate::glyphs::REPLACEMENT;

/// What the rules on texts, languages and written values can find.
#[derive(Debug, Clone, PartialEq)]
pub enum TextFinding {
    /// A text without a version in `lang`, one of the `declared` languages.
    MissingLanguage { lang: String, declared: Vec<String> },
    /// The first text of a file with versions in languages outside the `declared` ones
    /// (`langs`, that text's): a warning, once per file. They are ignored: a dataset may be
    /// narrowed to fewer languages without removing every translation.
    UndeclaredLanguage {
        langs: Vec<String>,
        declared: Vec<String>,
    },
    /// A character no PDF font (`families`) can draw, the first of `1 + more` such
    /// distinct characters in one text (one finding per text, however many there are).
    Unprintable {
        c: char,
        families: Vec<String>,
        more: usize,
    },
    /// A text with two versions in `lang`: only the last would be kept.
    RepeatedLanguage { lang: String },
    /// A text with nothing but blanks.
    Empty,
    /// A text holding a placeholder word, phrase or mark.
    Placeholder { word: &'static str },
    /// A text still to write: it is [`TO_WRITE`], as `jiha new` leaves every text.
    ToWrite,
    /// A list that needs an entry (`what` it is, at `path`).
    EmptyList { what: &'static str, path: String },
    /// A date that is malformed or not in the calendar, and why.
    InvalidDate { date: String, why: String },
    /// A declared language that is not a language tag.
    NotLanguageTag { lang: String },
    /// A language declared twice.
    LanguageTwice { lang: String },
    /// A language tag that names its edition's directory, and that Windows reserves.
    LanguageDeviceName { lang: String },
    /// No language declared.
    NoLanguage,
    /// The original language is not declared; `suggestion` is the closest declared one.
    OriginalUndeclared {
        original: String,
        suggestion: Option<String>,
    },
}

/// Why a character cannot be printed.
fn unprintable_because(c: char) -> &'static str {
    if c == REPLACEMENT {
        "it is the replacement character, which stands for text lost in a conversion, and a tagged PDF may not contain it"
    } else {
        "no font has a glyph for it"
    }
}

impl Describe for TextFinding {
    fn severity(&self) -> Severity {
        match self {
            TextFinding::UndeclaredLanguage { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    fn message(&self) -> String {
        use TextFinding as F;
        match self {
            F::MissingLanguage { lang, .. } => format!("text has no `{lang}` version"),
            F::UndeclaredLanguage { langs, .. } => format!(
                "texts in {}, which the dataset does not declare: this file's are ignored",
                quoted(langs)
            ),
            F::Unprintable { c, more: 0, .. } => format!(
                "character `{c}` (U+{:04X}) cannot be printed: {}",
                *c as u32,
                unprintable_because(*c)
            ),
            F::Unprintable { c, more, .. } => format!(
                "character `{c}` (U+{:04X}) cannot be printed: {}; and {} more {} the PDF fonts cannot print in this text",
                *c as u32,
                unprintable_because(*c),
                grouped(*more),
                if *more == 1 {
                    "character"
                } else {
                    "characters"
                }
            ),
            F::RepeatedLanguage { lang } => {
                format!("`{lang}` is written twice; one of its two versions would be lost")
            }
            F::Empty => "empty text".to_string(),
            F::Placeholder { word } => format!("placeholder text `{word}`"),
            F::ToWrite => format!("text to write: still `{TO_WRITE}`"),
            F::EmptyList { what, .. } => format!("{what} is empty"),
            F::InvalidDate { date, why } => format!("invalid date `{date}`: {why}"),
            F::NotLanguageTag { lang } => format!("`{lang}` is not a language tag"),
            F::LanguageTwice { lang } => format!("language `{lang}` is declared twice"),
            F::LanguageDeviceName { lang } => {
                format!("language `{lang}` cannot name a directory on Windows")
            }
            F::NoLanguage => "no language is declared".to_string(),
            F::OriginalUndeclared { original, .. } => {
                format!("original language `{original}` is not among the declared languages")
            }
        }
    }

    fn label(&self) -> Option<String> {
        match self {
            TextFinding::MissingLanguage { lang, .. } => Some(format!("`{lang}` is missing")),
            TextFinding::RepeatedLanguage { lang } => Some(format!("`{lang}` again")),
            TextFinding::Unprintable { c, .. } => {
                Some(format!("U+{:04X} is in this text", *c as u32))
            }
            _ => None,
        }
    }

    fn help(&self) -> Option<String> {
        use TextFinding as F;
        Some(match self {
            F::MissingLanguage { lang, declared } => format!(
                "every text exists in each language the dataset declares ({}): add \"{lang}\": \"...\"",
                quoted(declared)
            ),
            F::UndeclaredLanguage { langs, declared } => format!(
                "the dataset declares {} in dataset.ron: add {} to `languages` there to print them; this is said once per file",
                quoted(declared),
                quoted(langs)
            ),
            F::Unprintable { c: REPLACEMENT, .. } => {
                "retype the text from its source, in UTF-8: the character replaced what a conversion could not read".into()
            }
            F::Unprintable { families, .. } => format!(
                "the PDF fonts ({}) do not cover it: remove it or write it another way",
                families.join(", ")
            ),
            F::RepeatedLanguage { lang } => format!(
                "write each language once: keep the right `{lang}` version and remove the other"
            ),
            F::Empty => "write the text, or remove the entry if it has nothing to say".into(),
            F::Placeholder { .. } => {
                "replace the placeholder with the real text before publishing".into()
            }
            F::ToWrite => format!(
                "write it in place of `{TO_WRITE}` (`jiha help data-format` describes each field)"
            ),
            F::EmptyList { path, .. } => format!("a brief needs at least one entry in `{path}`"),
            F::InvalidDate { .. } => {
                "write a year (`2024`), a month (`2024-09`) or a day (`2024-09-01`)".into()
            }
            F::NotLanguageTag { .. } => {
                "write a two- or three-letter BCP 47 language tag: `fr`, `en`, `ar`".into()
            }
            F::LanguageTwice { .. } => "declare each language once".into(),
            F::LanguageDeviceName { .. } => "each edition is written to a directory named after its language, and Windows reserves this name for a device: use another tag for the language".into(),
            F::NoLanguage => "declare the languages of the texts: `languages: [\"fr\"]`".into(),
            F::OriginalUndeclared { suggestion, .. } => match suggestion {
                Some(best) => format!("did you mean `{best}`?"),
                None => "the original must be one of `languages`".into(),
            },
        })
    }
}

impl Checker<'_> {
    /// Checks a text a reader sees: it exists in every declared language and no other, and
    /// each version passes [`Checker::plain`].
    pub(super) fn text<T>(&mut self, parsed: &Parsed<T>, path: &str, text: &Text) {
        // Every text of the dataset passes here: the common case, a complete text, costs no
        // allocation; the findings are built only when one is wrong.
        let complete = self.languages.as_ref().is_none_or(|languages| {
            languages.len() == text.0.len() && languages.iter().all(|l| text.0.contains_key(l))
        });
        let mut declared_only = None;
        if let (Some(declared), false) = (self.languages.clone(), complete) {
            for lang in declared.iter().filter(|l| !text.0.contains_key(*l)) {
                let (lang, declared) = (lang.clone(), declared.clone());
                self.report(
                    parsed,
                    path,
                    TextFinding::MissingLanguage { lang, declared },
                );
            }
            if self.undeclared_versions(parsed, path, text, &declared) {
                // The others are ignored: only the declared versions are checked.
                let mut kept = text.clone();
                kept.0.retain(|lang, _| declared.contains(lang));
                declared_only = Some(kept);
            }
        }
        let text = declared_only.as_ref().unwrap_or(text);
        self.repeated_versions(parsed, path, text);
        for (lang, value) in &text.0 {
            if !self.plain_ok(value) {
                self.plain(parsed, &format!("{path}.\"{lang}\""), value);
            }
        }
        self.cites(parsed, path, text);
    }

    /// Whether `text` has versions in languages outside `declared`, which are ignored; the
    /// first such text of a file is reported, as a warning.
    pub(super) fn undeclared_versions<T>(
        &mut self,
        parsed: &Parsed<T>,
        path: &str,
        text: &Text,
        declared: &[String],
    ) -> bool {
        let langs: Vec<String> = (text.0.keys())
            .filter(|l| !declared.contains(l))
            .cloned()
            .collect();
        let Some(first) = langs.first() else {
            return false;
        };
        if self.undeclared_in.insert(parsed.file.clone()) {
            let at = format!("{path}.\"{first}\"");
            let declared = declared.to_vec();
            let finding = TextFinding::UndeclaredLanguage { langs, declared };
            self.report(parsed, &at, finding);
        }
        true
    }

    /// Reports each language `text` writes twice (only the last version would be kept).
    pub(super) fn repeated_versions<T>(&mut self, parsed: &Parsed<T>, path: &str, text: &Text) {
        for lang in &text.1 {
            let finding = TextFinding::RepeatedLanguage { lang: lang.clone() };
            self.report_key(parsed, &format!("{path}.\"{lang}\""), finding);
        }
    }

    /// Whether [`Checker::plain`] would find nothing: the quick test, without findings.
    pub(super) fn plain_ok(&self, text: &str) -> bool {
        text != TO_WRITE
            && !text.trim().is_empty()
            && text.chars().all(|c| self.coverage.covers(c))
            && placeholder(text).is_none()
    }

    /// Checks a string a reader sees: not empty, not a placeholder, printable by the fonts.
    pub(super) fn plain<T>(&mut self, parsed: &Parsed<T>, path: &str, text: &str) {
        if text == TO_WRITE {
            self.report(parsed, path, TextFinding::ToWrite);
            return;
        }
        // One finding per text, with the count of the other characters: a text of 20,000
        // unprintable characters is one finding, not 20,000.
        if let Some((&c, others)) = self.coverage.missing(text).split_first() {
            let (families, more) = (self.coverage.families.clone(), others.len());
            let finding = TextFinding::Unprintable { c, families, more };
            self.report(parsed, path, finding);
        }
        if text.trim().is_empty() {
            self.report(parsed, path, TextFinding::Empty);
        } else if let Some(word) = placeholder(text) {
            self.report(parsed, path, TextFinding::Placeholder { word });
        }
    }

    /// A date: a year, a month or a day that exists (see [`parse_date`]).
    pub(super) fn date<T>(&mut self, parsed: &Parsed<T>, path: &str, date: &str) {
        if date == TO_WRITE {
            self.report(parsed, path, TextFinding::ToWrite);
            return;
        }
        if let Err(why) = parse_date(date) {
            let date = date.to_string();
            self.report(parsed, path, TextFinding::InvalidDate { date, why });
        }
    }

    pub(super) fn non_empty<T, U>(
        &mut self,
        parsed: &Parsed<T>,
        path: &str,
        list: &[U],
        what: &'static str,
    ) {
        if list.is_empty() {
            let finding = TextFinding::EmptyList {
                what,
                path: path.to_string(),
            };
            self.report(parsed, path, finding);
        }
    }

    pub(super) fn check_meta(&mut self, meta: &Parsed<Meta>, refs: &Refs) {
        let m = &meta.value;
        for (path, text, field) in [
            ("title", &m.title, Field::Title),
            ("subtitle", &m.subtitle, Field::Title),
            ("publisher", &m.publisher, Field::Line),
            ("editor", &m.editor, Field::Title),
            ("summary", &m.summary, Field::Paragraph),
        ] {
            self.text_as(meta, path, text, field);
        }
        self.date(meta, "edition", &m.edition);
        self.non_empty(meta, "voices", &m.voices, "the list of voices");
        for (i, voice) in m.voices.iter().enumerate() {
            let p = |field: &str| format!("voices[{i}].{field}");
            self.reference(meta, &p("source"), IdKind::Source, &voice.source, refs);
            self.text_as(meta, &p("speaker"), &voice.speaker, Field::Title);
            let organisation = &voice.organisation;
            self.reference(meta, &p("organisation"), IdKind::Actor, organisation, refs);
            if let Some(disclosure) = &voice.disclosure {
                self.text_as(meta, &p("disclosure"), disclosure, Field::Paragraph);
            }
            let messages = &voice.key_messages;
            self.saids(meta, &p("key_messages"), messages, Field::Line);
            self.non_empty(
                meta,
                &p("key_messages"),
                messages,
                "the list of key messages",
            );
        }
        self.non_empty(meta, "themes", &m.themes, "the list of themes");
        for (i, theme) in m.themes.iter().enumerate() {
            self.text_as(
                meta,
                &format!("themes[{i}].name"),
                &theme.name,
                Field::Title,
            );
        }
        self.texts_as(meta, "synthesis", &m.synthesis, Field::Line);
        self.non_empty(meta, "synthesis", &m.synthesis, "the list of our synthesis");
        for (i, term) in m.glossary.iter().enumerate() {
            self.text_as(
                meta,
                &format!("glossary[{i}].term"),
                &term.term,
                Field::Title,
            );
            let definition = &term.definition;
            let path = format!("glossary[{i}].definition");
            self.text_as(meta, &path, definition, Field::Paragraph);
            if let Some(source) = &term.source {
                self.reference(
                    meta,
                    &format!("glossary[{i}].source"),
                    IdKind::Source,
                    source,
                    refs,
                );
            }
        }
        self.check_frame(meta, refs);
        for (i, credit) in m.credits.iter().enumerate() {
            let p = |field: &str| format!("credits[{i}].{field}");
            self.text_as(meta, &p("work"), &credit.work, Field::Title);
            self.text_as(meta, &p("holder"), &credit.holder, Field::Title);
            self.plain_as(meta, &p("licence"), &credit.licence, Field::Title);
            if let Some(url) = &credit.url {
                self.url(meta, &p("url"), url);
            }
            if let Some(changes) = &credit.changes {
                self.text_as(meta, &p("changes"), changes, Field::Line);
            }
        }
        self.check_books(meta, refs);
    }

    /// The frame items: a heading and a text in every language, and their sources, at least
    /// one each.
    fn check_frame(&mut self, meta: &Parsed<Meta>, refs: &Refs) {
        for (i, item) in meta.value.frame.iter().enumerate() {
            let p = |field: &str| format!("frame[{i}].{field}");
            self.text_as(meta, &p("heading"), &item.heading, Field::Title);
            self.text_as(meta, &p("text"), &item.text, Field::Paragraph);
            let what = "the list of sources";
            self.non_empty(meta, &p("sources"), &item.sources, what);
            for (j, source) in item.sources.iter().enumerate() {
                let path = p(&format!("sources[{j}]"));
                self.reference(meta, &path, IdKind::Source, source, refs);
            }
        }
    }

    /// The declared languages: well-formed tags, each once, the original among them.
    /// Records them for the text checks that follow.
    pub(super) fn check_languages(&mut self, meta: &Parsed<Meta>) {
        let m = &meta.value;
        let mut seen = BTreeSet::new();
        for (i, lang) in m.languages.iter().enumerate() {
            let path = format!("languages[{i}]");
            let well_formed =
                (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
            if !well_formed {
                let lang = lang.clone();
                self.report(meta, &path, TextFinding::NotLanguageTag { lang });
            }
            if well_formed && is_device_name(lang) {
                let lang = lang.clone();
                self.report(meta, &path, TextFinding::LanguageDeviceName { lang });
            }
            if !seen.insert(lang.as_str()) {
                let lang = lang.clone();
                self.report(meta, &path, TextFinding::LanguageTwice { lang });
            }
        }
        if m.languages.is_empty() {
            self.report(meta, "languages", TextFinding::NoLanguage);
        }
        if !m.languages.contains(&m.original) {
            let finding = TextFinding::OriginalUndeclared {
                original: m.original.clone(),
                suggestion: closest(&m.original, &m.languages).cloned(),
            };
            self.report(meta, "original", finding);
        }
        self.languages = Some(m.languages.clone());
        self.original = Some(m.original.clone());
    }
}

/// `19999` as `19,999`: a count in a message.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// Words that mark an unfinished text, in any case.
/// The mark of a text, a quote's words or a date still to write: `jiha new` writes it in
/// each, and `check` reports each as "to write" (and no other rule about it).
pub const TO_WRITE: &str = "…";

pub(super) const PLACEHOLDER_WORDS: [&str; 6] =
    ["todo", "tbd", "fixme", "xxx", "lorem", "placeholder"];

/// Phrases that do, in any case; each with an ASCII part of it to look for first.
pub(super) const PLACEHOLDER_PHRASES: [(&str, &str); 1] = [("à compléter", "compl")];

/// Marks that do wherever they stand.
pub(super) const PLACEHOLDER_MARKS: [&str; 1] = ["???"];

/// Looks for every word, phrase anchor and mark at once, in any ASCII case.
pub(super) static PLACEHOLDER_FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        let patterns = PLACEHOLDER_WORDS
            .iter()
            .chain(PLACEHOLDER_PHRASES.iter().map(|(_, anchor)| anchor))
            .chain(&PLACEHOLDER_MARKS);
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(patterns)
            .expect("a few short literal patterns")
    });

/// The placeholder `text` holds, if any. Every text of the dataset passes here: one scan
/// finds the candidates, and characters are decoded only around them.
pub(super) fn placeholder(text: &str) -> Option<&'static str> {
    let alphanumeric = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    PLACEHOLDER_FINDER.find_iter(text).find_map(|hit| {
        let (start, end) = (hit.start(), hit.end());
        let mut index = hit.pattern().as_usize();
        if let Some(word) = PLACEHOLDER_WORDS.get(index) {
            let whole = !alphanumeric(text[..start].chars().next_back())
                && !alphanumeric(text[end..].chars().next());
            return whole.then_some(*word);
        }
        index -= PLACEHOLDER_WORDS.len();
        if let Some((phrase, anchor)) = PLACEHOLDER_PHRASES.get(index) {
            let before = phrase.find(anchor)?;
            let candidate = text.get(start.checked_sub(before)?..)?;
            return starts_with_lowercase(candidate, phrase).then_some(*phrase);
        }
        PLACEHOLDER_MARKS
            .get(index - PLACEHOLDER_PHRASES.len())
            .copied()
    })
}

/// Whether `text`, lower-cased, starts with `lower`, without building the lower-cased copy.
pub(super) fn starts_with_lowercase(text: &str, lower: &str) -> bool {
    let mut text = text.chars().flat_map(char::to_lowercase);
    lower.chars().all(|c| text.next() == Some(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_whole_words_in_any_case() {
        assert_eq!(placeholder("Texte TODO ici"), Some("todo"));
        assert_eq!(placeholder("Lorem ipsum dolor"), Some("lorem"));
        assert_eq!(placeholder("date: tbd."), Some("tbd"));
        assert_eq!(placeholder("Montant : À COMPLÉTER"), Some("à compléter"));
        assert_eq!(placeholder("Budget ???"), Some("???"));
        assert_eq!(placeholder("Todolist, xxxl, fixmes"), None);
        assert_eq!(placeholder("Le plan sera complété à la rentrée"), None);
        assert_eq!(placeholder("à"), None);
        assert_eq!(placeholder("todoé, étodo"), None);
        assert_eq!(placeholder("Ça reste «TBD»"), Some("tbd"));
    }
}
