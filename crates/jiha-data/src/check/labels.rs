//! Label catalogues: one per declared language, every label present, its placeholders intact.

use super::strings::shortened;
use super::*;

/// What the rules on label catalogues can find.
#[derive(Debug, Clone, PartialEq)]
pub enum LabelFinding {
    /// A catalogue for a language the dataset does not declare: ignored, a warning.
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
    /// A date pattern with a placeholder jiha does not fill in, printed as it is.
    DatePlaceholderUnknown { name: String },
    /// A mark of the number, date or writing formats (`field`) that cannot do its job.
    Mark {
        field: &'static str,
        problem: MarkProblem,
    },
    /// The decimal and the group marks are the same, or one holds the other.
    MarksClash { decimal: String, group: String },
    /// A percent sign without `%` (or `٪`).
    NoPercentSign { percent: String },
    /// A month named twice; `first` is its first position (from 1).
    MonthTwice { month: String, first: usize },
}

/// Why a mark of a number, date or writing format cannot do its job.
#[derive(Debug, Clone, PartialEq)]
pub enum MarkProblem {
    /// Nothing, or only spaces: a number or a date would run together.
    Empty,
    /// A digit: it would read as part of the number or date.
    Digit(char),
    /// A space a line may break at, inside a number.
    BreakingSpace(char),
    /// No digit, where the first day of a month is written.
    NoDigit,
}

impl fmt::Display for MarkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MarkProblem::Empty => f.write_str("is empty"),
            MarkProblem::Digit(c) => write!(f, "holds the digit `{c}`"),
            MarkProblem::BreakingSpace(c) => {
                write!(f, "holds {}, a space a line may break at", Named(*c))
            }
            MarkProblem::NoDigit => f.write_str("has no digit"),
        }
    }
}

impl Describe for LabelFinding {
    fn severity(&self) -> Severity {
        match self {
            LabelFinding::UndeclaredCatalogue { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    fn message(&self) -> String {
        use LabelFinding as F;
        match self {
            F::UndeclaredCatalogue { lang } => {
                format!(
                    "label catalogue for `{lang}`, a language the dataset does not declare: it is ignored"
                )
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
            F::DatePlaceholderUnknown { name } => format!(
                "date pattern has `{{{}}}`, which jiha does not fill in",
                shortened(name)
            ),
            F::Mark { field, problem } => format!("`{field}` {problem}"),
            F::MarksClash { decimal, group } => format!(
                "the decimal mark `{}` and the group mark `{}` cannot be told apart",
                shortened(decimal),
                shortened(group)
            ),
            F::NoPercentSign { percent } => {
                format!("percent sign `{}` has no `%`", shortened(percent))
            }
            F::MonthTwice { month, first } => {
                format!("month `{}` is also month {first}", shortened(month))
            }
        }
    }

    fn help(&self) -> Option<String> {
        use LabelFinding as F;
        Some(match self {
            F::UndeclaredCatalogue { lang } => {
                format!("add `{lang}` to `languages` in dataset.ron to print that edition, or remove this file")
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
            F::DatePlaceholderUnknown { .. } => {
                "a date pattern may use `{day}`, `{month}` and `{year}` only".into()
            }
            F::Mark { problem: MarkProblem::NoDigit, .. } => {
                "write the first day as a number, as the language writes it: `1`, `1er`".into()
            }
            F::Mark { problem: MarkProblem::BreakingSpace(_), .. } => {
                "use a no-break space, U+00A0 or U+202F (narrow), so that a number is never cut".into()
            }
            F::Mark { field, .. } if field.starts_with("dates.") => {
                "the date's numbers come from `{day}` and `{year}`: write the words and spaces around them only".into()
            }
            F::Mark { field, .. } if field.starts_with("writing.") => {
                "write the punctuation mark the language uses, with its spaces: `:`, or a no-break space and `:` in French".into()
            }
            F::Mark { .. } => "write the mark the language uses, without digits: `,` or `.`; for groups, also a no-break space".into(),
            F::MarksClash { .. } => "the decimal and group marks must differ, or 1,234 and 1.234 read alike: in French a comma and a narrow no-break space (U+202F)".into(),
            F::NoPercentSign { .. } => "write the percent sign, with the space the language puts before it: `%`, or a no-break space (U+00A0) and `%`".into(),
            F::MonthTwice { .. } => "name each of the twelve months once, January first".into(),
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
    /// The language of the catalogue `file` (`labels/<lang>.ron`), if the dataset declares
    /// it; otherwise reports the catalogue as undeclared.
    pub(super) fn catalogue_language(
        &mut self,
        file: &DataFile,
        languages: &[String],
    ) -> Option<String> {
        let lang = file
            .name
            .trim_start_matches(&format!("{LABELS_DIR}/"))
            .trim_end_matches(".ron")
            .to_string();
        if languages.contains(&lang) {
            return Some(lang);
        }
        let finding = LabelFinding::UndeclaredCatalogue { lang };
        self.push(Diagnostic::new(&file.display, finding));
        None
    }

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
            // A catalogue for an undeclared language is ignored (a warning).
            let Some(lang) = self.catalogue_language(file, &languages) else {
                continue;
            };
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
            self.plain_as(parsed, &format!("months[{i}]"), month, Field::Title);
            if let Some(first) = labels.months[..i].iter().position(|m| m == month) {
                let (month, first) = (month.clone(), first + 1);
                let finding = LabelFinding::MonthTwice { month, first };
                self.report(parsed, &format!("months[{i}]"), finding);
            }
        }
        for (lang, name) in &labels.language_names.0 {
            let path = format!("language_names.\"{lang}\"");
            self.plain_as(parsed, &path, name, Field::Title);
        }
        self.check_formats(parsed);
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
            self.plain_as(parsed, key, value, Field::Line);
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

impl Checker<'_> {
    /// The number, date and writing formats: each mark can do its job, and every string
    /// holds what every string may ([`Checker::string`]).
    fn check_formats(&mut self, parsed: &Parsed<Labels>) {
        let l = &parsed.value;
        let (n, d, w) = (&l.numbers, &l.dates, &l.writing);
        let fields = [
            ("numbers.decimal", &n.decimal),
            ("numbers.group", &n.group),
            ("numbers.percent", &n.percent),
            ("dates.day_month_year", &d.day_month_year),
            ("dates.month_year", &d.month_year),
            ("dates.first_day", &d.first_day),
            ("writing.colon", &w.colon),
            ("writing.semicolon", &w.semicolon),
            ("writing.comma", &w.comma),
        ];
        for (field, value) in fields {
            self.string(parsed, field, value, Field::Title);
            self.glyphs(parsed, field, value);
            if let Some(problem) = mark_problem(field, value) {
                self.report(parsed, field, LabelFinding::Mark { field, problem });
            }
        }
        let (decimal, group) = (&n.decimal, &n.group);
        if !decimal.is_empty()
            && !group.is_empty()
            && (decimal.contains(group.as_str()) || group.contains(decimal.as_str()))
        {
            let (decimal, group) = (decimal.clone(), group.clone());
            let finding = LabelFinding::MarksClash { decimal, group };
            self.report(parsed, "numbers.group", finding);
        }
        if !n.percent.contains(['%', '٪']) {
            let percent = n.percent.clone();
            let finding = LabelFinding::NoPercentSign { percent };
            self.report(parsed, "numbers.percent", finding);
        }
        for (path, pattern) in [
            ("dates.day_month_year", &d.day_month_year),
            ("dates.month_year", &d.month_year),
        ] {
            for name in placeholders(pattern) {
                if !["day", "month", "year"].contains(&name.as_str()) {
                    let finding = LabelFinding::DatePlaceholderUnknown { name };
                    self.report(parsed, path, finding);
                }
            }
        }
    }

    /// Every character of a format mark printable by the PDF fonts: one finding for the
    /// first that is not, with a count of the others.
    fn glyphs(&mut self, parsed: &Parsed<Labels>, path: &str, value: &str) {
        let missing = self.coverage.missing(value);
        if let Some(&c) = missing.first() {
            let families = self.coverage.families.clone();
            let more = missing.len() - 1;
            self.report(parsed, path, TextFinding::Unprintable { c, families, more });
        }
    }
}

/// Why a mark of the formats cannot do its job: each is written, without digits (but the
/// first day of a month, which is one); a number's marks never let a line break.
fn mark_problem(field: &str, value: &str) -> Option<MarkProblem> {
    let first_day = field == "dates.first_day";
    let in_number = field.starts_with("numbers.");
    // A date pattern's digits are its placeholders' only.
    let written = if field.starts_with("dates.") && !first_day {
        let mut outside = String::new();
        let mut rest = value;
        while let Some(start) = rest.find('{') {
            outside.push_str(&rest[..start]);
            rest = rest[start..].split_once('}').map_or("", |(_, after)| after);
        }
        outside.push_str(rest);
        outside
    } else {
        value.to_string()
    };
    // Groups may be a no-break space alone; every other mark shows something.
    let group = field == "numbers.group";
    if value.is_empty() || (!group && value.trim().is_empty()) {
        return Some(MarkProblem::Empty);
    }
    if first_day {
        return (!value.chars().any(char::is_numeric)).then_some(MarkProblem::NoDigit);
    }
    if let Some(c) = written.chars().find(|c| c.is_numeric()) {
        return Some(MarkProblem::Digit(c));
    }
    let breaking = |c: &char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}');
    in_number
        .then(|| value.chars().find(breaking).map(MarkProblem::BreakingSpace))
        .flatten()
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
