//! The translations' ledgers (`translations/<lang>.ron`): a translation whose original
//! changed since it was made is outdated, a warning at the translation.

use super::*;
use crate::escape::quoted;
use crate::translations::{self as tr, Ledger, TRANSLATIONS_DIR};

/// What the rules on the ledgers can find.
#[derive(Debug, Clone, PartialEq)]
pub enum TranslationFinding {
    /// The translation into `lang` of the text `id` was made from another version of its
    /// original: a warning.
    Outdated { lang: String, id: String },
    /// A ledger for `lang`, which the dataset does not translate into (undeclared, or the
    /// original): a warning, the ledger is ignored.
    NotTranslated { lang: String, original: String },
    /// A ledger entry that is not a fingerprint (16 hexadecimal digits, lower case): an
    /// error, since what it says cannot be read.
    NotAFingerprint { found: String },
}

impl Describe for TranslationFinding {
    fn severity(&self) -> Severity {
        match self {
            TranslationFinding::NotAFingerprint { .. } => Severity::Error,
            _ => Severity::Warning,
        }
    }

    fn message(&self) -> String {
        match self {
            TranslationFinding::Outdated { lang, id } => format!(
                "the `{lang}` translation of `{id}` is outdated: its original changed after it was translated"
            ),
            TranslationFinding::NotAFingerprint { found } => {
                format!("`{found}` is not the fingerprint of an original")
            }
            TranslationFinding::NotTranslated { lang, .. } => {
                format!(
                    "a ledger of `{lang}` translations, a language the dataset does not translate into; it is ignored"
                )
            }
        }
    }

    fn label(&self) -> Option<String> {
        match self {
            TranslationFinding::Outdated { lang, .. } => {
                Some(format!("made from an older original ({lang})"))
            }
            TranslationFinding::NotTranslated { .. } => None,
            TranslationFinding::NotAFingerprint { .. } => {
                Some("16 hexadecimal digits expected".into())
            }
        }
    }

    fn help(&self) -> Option<String> {
        Some(match self {
            TranslationFinding::Outdated { lang, .. } => format!(
                "`jiha translations export --lang {lang} FILE.xlf` marks it for the translator; `jiha translations import FILE.xlf --data DIR` writes the new translation (or, with its segment marked translated, confirms this one) and records its original in {}",
                tr::ledger_file(lang)
            ),
            TranslationFinding::NotAFingerprint { .. } => format!(
                "{TRANSLATIONS_DIR}/ is written by `jiha translations import`: import the translations again rather than edit it"
            ),
            TranslationFinding::NotTranslated { original, .. } => format!(
                "{TRANSLATIONS_DIR}/ holds one ledger per language the texts are translated into from `{original}`, as declared in dataset.ron"
            ),
        })
    }
}

impl Checker<'_> {
    /// Parses the ledgers; each that parsed, with its language.
    pub(super) fn parse_ledgers(&mut self, files: &[DataFile]) -> Vec<(Parsed<Ledger>, String)> {
        self.parse_in(files, TRANSLATIONS_DIR)
    }

    /// Warns about the ledgers of languages the dataset does not translate into.
    pub(super) fn check_ledgers(&mut self, ledgers: &[(Parsed<Ledger>, String)]) {
        let (Some(languages), Some(original)) = (&self.languages, &self.original) else {
            return;
        };
        let mut findings = Vec::new();
        for (ledger, lang) in ledgers {
            if !languages.contains(lang) || lang == original {
                let finding = TranslationFinding::NotTranslated {
                    lang: lang.clone(),
                    original: original.clone(),
                };
                findings.push(Diagnostic::new(&ledger.file, finding));
            }
        }
        for finding in findings {
            self.push(finding);
        }
        for (ledger, _) in ledgers {
            for (file, texts) in &ledger.value {
                for (id, hash) in texts {
                    let hex = |b: u8| b.is_ascii_digit() || (b'a'..=b'f').contains(&b);
                    if hash.len() != 16 || !hash.bytes().all(hex) {
                        let path = format!(".{}.{}", quoted(file), quoted(id));
                        let found = hash.clone();
                        self.report(ledger, &path, TranslationFinding::NotAFingerprint { found });
                    }
                }
            }
        }
    }

    /// Reports every outdated translation the ledgers know of, in the files `texts` (each
    /// name in the dataset with its display name).
    /// `before`: the same files' texts as read earlier (a base's), whose fingerprints serve
    /// again for the originals that did not change.
    pub(super) fn check_outdated(
        &mut self,
        ledgers: &[(Parsed<Ledger>, String)],
        texts: &[(String, String)],
        before: &[FileTexts],
    ) {
        let ledgers = ledgers
            .iter()
            .map(|(ledger, lang)| (&ledger.value, lang.as_str()));
        let Some(known) = self.translated(ledgers) else {
            return;
        };
        let files: Vec<(String, String)> = (texts.iter())
            .filter(|(name, _)| known.iter().any(|(_, l)| l.contains_key(name)))
            .cloned()
            .collect();
        let files = self.texts_of(&files);
        for file in &files {
            if let Some(earlier) = before.iter().find(|b| b.name == file.name) {
                file.fingerprints_from(earlier);
            }
        }
        self.report_outdated(&known, &files);
    }

    /// The ledgers of the languages the texts are translated into, once the languages are
    /// known.
    pub(super) fn translated<'l>(
        &self,
        ledgers: impl IntoIterator<Item = (&'l Ledger, &'l str)>,
    ) -> Option<Vec<(&'l str, &'l Ledger)>> {
        let (languages, original) = (self.languages.as_ref()?, self.original.as_ref()?);
        let known = (ledgers.into_iter())
            .filter(|(_, lang)| languages.iter().any(|l| l == lang) && lang != original)
            .map(|(ledger, lang)| (lang, ledger))
            .collect();
        Some(known)
    }

    /// The texts to translate in each file of `texts` (each name in the dataset with its
    /// display name), as the declared languages make them; none before they are known.
    pub(super) fn texts_of(&self, texts: &[(String, String)]) -> Vec<FileTexts> {
        let (Some(languages), Some(original)) = (&self.languages, &self.original) else {
            return Vec::new();
        };
        (texts.iter())
            .filter_map(|(name, display)| {
                let text = self.report.text(display)?;
                let units = tr::units(text, original, languages);
                let units = (units.into_iter())
                    .map(|unit| (unit, std::cell::OnceCell::new()))
                    .collect();
                Some(FileTexts {
                    name: name.clone(),
                    display: display.clone(),
                    units,
                })
            })
            .collect()
    }

    /// Reports the outdated translations of `files`, against the ledgers `known`.
    pub(super) fn report_outdated(&mut self, known: &[(&str, &Ledger)], files: &[FileTexts]) {
        for file in files {
            let ledgers: Vec<(&str, &BTreeMap<String, String>)> = (known.iter())
                .filter_map(|(lang, ledger)| Some((*lang, ledger.get(&file.name)?)))
                .collect();
            if ledgers.is_empty() {
                continue;
            }
            let mut outdated = Vec::new();
            for (unit, fingerprint) in &file.units {
                for (lang, recorded) in &ledgers {
                    let Some(target) = unit.targets.get(*lang) else {
                        continue;
                    };
                    let Some(hash) = recorded.get(&unit.id) else {
                        continue;
                    };
                    if *hash != *fingerprint.get_or_init(|| tr::fingerprint(&unit.source)) {
                        outdated.push((lang.to_string(), unit.id.clone(), target.span.clone()));
                    }
                }
            }
            for (lang, id, span) in outdated {
                let finding = TranslationFinding::Outdated { lang, id };
                self.push(Diagnostic::new(&file.display, finding).at(Some(span)));
            }
        }
    }
}

/// The texts to translate of one file of the dataset, each with the fingerprint of its
/// original once it was needed.
pub(super) struct FileTexts {
    /// The file's name in the dataset, as the ledgers know it.
    name: String,
    display: String,
    units: Vec<(tr::Unit, std::cell::OnceCell<String>)>,
}

impl FileTexts {
    /// Takes the fingerprint of each original that `earlier` (the same file read before)
    /// has word for word, under the same id, rather than computing it again.
    fn fingerprints_from(&self, earlier: &FileTexts) {
        for (i, (unit, fingerprint)) in self.units.iter().enumerate() {
            // The units of a file whose texts were edited mostly keep their places.
            let same = |(u, _): &&(tr::Unit, _)| u.id == unit.id && u.source == unit.source;
            let found = (earlier.units.get(i).filter(same))
                .or_else(|| earlier.units.iter().find(|u| same(u)));
            if let Some((original, known)) = found {
                let known = known.get_or_init(|| tr::fingerprint(&original.source));
                let _ = fingerprint.set(known.clone());
            }
        }
    }
}
