//! Label catalogues: one per declared language, every label present, its placeholders intact.

use super::*;

/// What the rules on label catalogues can find.
#[derive(Debug, Clone, PartialEq)]
pub enum LabelFinding {
    /// A catalogue for a language the dataset does not declare.
    UndeclaredCatalogue { lang: String },
    /// A declared language without its catalogue; `first` is the first declared language.
    MissingCatalogue { lang: String, first: String },
    /// A label whose placeholders differ from those of the `reference` catalogue.
    Placeholders {
        key: &'static str,
        mine: BTreeSet<String>,
        reference: String,
        theirs: BTreeSet<String>,
    },
    /// Not twelve month names.
    MonthCount { count: usize },
    /// No name for a declared language.
    NoLanguageName { lang: String },
    /// A date pattern without one of its placeholders.
    DatePattern { placeholder: &'static str },
}

impl Describe for LabelFinding {
    fn message(&self) -> String {
        use LabelFinding as F;
        match self {
            F::UndeclaredCatalogue { lang } => {
                format!("label catalogue for `{lang}`, a language the dataset does not declare")
            }
            F::MissingCatalogue { lang, .. } => format!("missing label catalogue for `{lang}`"),
            F::Placeholders {
                key,
                mine,
                reference,
                theirs,
            } => format!(
                "label `{key}` has placeholders {}, but the `{reference}` catalogue has {}",
                braced(mine),
                braced(theirs)
            ),
            F::MonthCount { count } => format!("{count} month names, not 12"),
            F::NoLanguageName { lang } => format!("no name for the language `{lang}`"),
            F::DatePattern { placeholder } => format!("date pattern has no `{{{placeholder}}}`"),
        }
    }

    fn help(&self) -> Option<String> {
        use LabelFinding as F;
        Some(match self {
            F::UndeclaredCatalogue { lang } => {
                format!("add `{lang}` to `languages` in dataset.ron, or remove this file")
            }
            F::MissingCatalogue { lang, first } => format!(
                "every declared language has its catalogue: copy `{LABELS_DIR}/{first}.ron` to `{LABELS_DIR}/{lang}.ron` and translate it"
            ),
            F::Placeholders { .. } => {
                "keep the placeholders in braces exactly as they are; jiha fills them in".into()
            }
            F::MonthCount { .. } => "list the twelve months, January first".into(),
            F::NoLanguageName { lang } => {
                format!("add \"{lang}\": \"...\" with its name in this language")
            }
            F::DatePattern { placeholder } => format!(
                "write where the {placeholder} goes, for example \"{{day}} {{month}} {{year}}\""
            ),
        })
    }
}

/// `{a}, {b}`, or `none`.
fn braced(set: &BTreeSet<String>) -> String {
    if set.is_empty() {
        "none".to_string()
    } else {
        set.iter()
            .map(|p| format!("{{{p}}}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Checker<'_> {
    /// Parses and checks one catalogue per declared language. `None` if any is missing or
    /// broken.
    pub(super) fn load_labels(
        &mut self,
        files: &[DataFile],
        dir_display: &str,
        unreadable: &BTreeSet<String>,
    ) -> Option<BTreeMap<String, Labels>> {
        let languages = self.languages.clone()?;
        let mut catalogues: BTreeMap<String, Parsed<Labels>> = BTreeMap::new();
        let mut complete = true;
        for file in files {
            let lang = file
                .name
                .trim_start_matches(&format!("{LABELS_DIR}/"))
                .trim_end_matches(".ron")
                .to_string();
            if !languages.contains(&lang) {
                let finding = LabelFinding::UndeclaredCatalogue { lang };
                self.push(Diagnostic::new(&file.display, finding));
                complete = false;
                continue;
            }
            match self.parse::<Labels>(Some(file)) {
                Some(parsed) => {
                    catalogues.insert(lang, parsed);
                }
                None => complete = false,
            }
        }
        for lang in &languages {
            let name = format!("{LABELS_DIR}/{lang}.ron");
            if unreadable.contains(&name) || unreadable.contains(LABELS_DIR) {
                // There, but unreadable: reported as such, not as missing.
                complete = false;
            } else if !files.iter().any(|f| f.name == name) {
                let finding = LabelFinding::MissingCatalogue {
                    lang: lang.clone(),
                    first: languages[0].clone(),
                };
                self.push(Diagnostic::new(
                    &format!("{dir_display}/{lang}.ron"),
                    finding,
                ));
                complete = false;
            }
        }
        // Placeholders are compared with the original language's catalogue.
        let reference = self
            .original
            .as_ref()
            .and_then(|o| catalogues.get(o).map(|p| (o.clone(), p.value.clone())));
        for parsed in catalogues.values() {
            self.check_labels(parsed, &languages, reference.as_ref());
        }
        complete.then(|| catalogues.into_iter().map(|(l, p)| (l, p.value)).collect())
    }

    /// One catalogue: every text printable, with the reference's placeholders; twelve
    /// months; a name for every language; complete date patterns.
    pub(super) fn check_labels(
        &mut self,
        parsed: &Parsed<Labels>,
        languages: &[String],
        reference: Option<&(String, Labels)>,
    ) {
        let labels = &parsed.value;
        self.check_label_texts(parsed, reference);
        if labels.months.len() != 12 {
            let count = labels.months.len();
            self.report(parsed, "months", LabelFinding::MonthCount { count });
        }
        for (i, month) in labels.months.iter().enumerate() {
            self.plain(parsed, &format!("months[{i}]"), month);
        }
        for lang in &labels.language_names.1 {
            let finding = TextFinding::RepeatedLanguage { lang: lang.clone() };
            self.report_key(parsed, &format!("language_names.\"{lang}\""), finding);
        }
        for lang in languages {
            if !labels.language_names.0.contains_key(lang) {
                let lang = lang.clone();
                self.report(
                    parsed,
                    "language_names",
                    LabelFinding::NoLanguageName { lang },
                );
            }
        }
        for (path, pattern, needed) in [
            (
                "dates.day_month_year",
                &labels.dates.day_month_year,
                &["day", "month", "year"][..],
            ),
            (
                "dates.month_year",
                &labels.dates.month_year,
                &["month", "year"][..],
            ),
        ] {
            let found = placeholders(pattern);
            for &placeholder in needed.iter().filter(|p| !found.contains(**p)) {
                self.report(parsed, path, LabelFinding::DatePattern { placeholder });
            }
        }
    }

    /// Every label printable, with the placeholders the reference catalogue's has.
    fn check_label_texts(&mut self, parsed: &Parsed<Labels>, reference: Option<&(String, Labels)>) {
        let reference_texts: BTreeMap<&str, &str> = reference
            .map(|(_, r)| r.texts().into_iter().collect())
            .unwrap_or_default();
        for (key, value) in parsed.value.texts() {
            self.plain(parsed, key, value);
            if let (Some(expected), Some((file, _))) = (reference_texts.get(key), reference) {
                let (mine, theirs) = (placeholders(value), placeholders(expected));
                if mine != theirs {
                    let finding = LabelFinding::Placeholders {
                        key,
                        mine,
                        reference: file.clone(),
                        theirs,
                    };
                    self.report(parsed, key, finding);
                }
            }
        }
    }
}

/// The `{name}` placeholders of a label.
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    found.insert(name.to_string());
                }
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    found
}
