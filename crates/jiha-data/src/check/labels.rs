//! Label catalogues: one per declared language, every label present, its placeholders intact.

use super::*;

impl Checker<'_> {
    /// Parses and checks one catalogue per declared language. `None` if any is missing or
    /// broken.
    pub(super) fn load_labels(
        &mut self,
        files: &[DataFile],
        dir_display: &str,
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
                self.push(
                    Diagnostic::error(
                        &file.display,
                        format!(
                            "label catalogue for `{lang}`, a language the dataset does not declare"
                        ),
                    )
                    .help(format!(
                        "add `{lang}` to `languages` in dataset.ron, or remove this file"
                    )),
                );
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
            if !files
                .iter()
                .any(|f| f.name == format!("{LABELS_DIR}/{lang}.ron"))
            {
                self.push(
                    Diagnostic::error(&format!("{dir_display}/{lang}.ron"), format!("missing label catalogue for `{lang}`"))
                        .help(format!("every declared language has its catalogue: copy `{LABELS_DIR}/{}.ron` to `{LABELS_DIR}/{lang}.ron` and translate it", languages[0])),
                );
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

    pub(super) fn check_labels(
        &mut self,
        parsed: &Parsed<Labels>,
        languages: &[String],
        reference: Option<&(String, Labels)>,
    ) {
        let labels = &parsed.value;
        let reference_texts: BTreeMap<&str, &str> = reference
            .map(|(_, r)| r.texts().into_iter().collect())
            .unwrap_or_default();
        for (key, value) in labels.texts() {
            self.plain(parsed, key, value);
            if let (Some(expected), Some((file, _))) = (reference_texts.get(key), reference) {
                let (mine, theirs) = (placeholders(value), placeholders(expected));
                if mine != theirs {
                    let list = |set: &BTreeSet<String>| {
                        if set.is_empty() {
                            "none".to_string()
                        } else {
                            set.iter()
                                .map(|p| format!("{{{p}}}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        }
                    };
                    self.error_at(
                        parsed,
                        key,
                        format!(
                            "label `{key}` has placeholders {}, but the `{file}` catalogue has {}",
                            list(&mine),
                            list(&theirs)
                        ),
                    )
                    .help = Some(
                        "keep the placeholders in braces exactly as they are; jiha fills them in"
                            .to_string(),
                    );
                }
            }
        }
        if labels.months.len() != 12 {
            self.error_at(
                parsed,
                "months",
                format!("{} month names, not 12", labels.months.len()),
            )
            .help = Some("list the twelve months, January first".to_string());
        }
        for (i, month) in labels.months.iter().enumerate() {
            self.plain(parsed, &format!("months[{i}]"), month);
        }
        for lang in languages {
            if !labels.language_names.contains_key(lang) {
                self.error_at(
                    parsed,
                    "language_names",
                    format!("no name for the language `{lang}`"),
                )
                .help = Some(format!(
                    "add \"{lang}\": \"...\" with its name in this language"
                ));
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
            for p in needed.iter().filter(|p| !found.contains(**p)) {
                self.error_at(parsed, path, format!("date pattern has no `{{{p}}}`"))
                    .help = Some(format!(
                    "write where the {p} goes, for example \"{{day}} {{month}} {{year}}\""
                ));
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
