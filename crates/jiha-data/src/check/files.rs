//! Reading a dataset's files and parsing them, with RON's errors turned into located findings.

use super::*;

/// What reading and parsing the files can find.
#[derive(Debug, Clone, PartialEq)]
pub enum FileFinding {
    /// The file's bytes are not UTF-8; the first invalid one is at `valid_up_to`.
    InvalidUtf8 { valid_up_to: usize },
    /// A file that is no part of a dataset (a warning: it is ignored).
    NotInDataset,
    /// A required file is missing.
    Missing { name: &'static str },
    /// No file under `proposals/`.
    NoProposals,
    /// The file could not be read, and why (a FIFO, a dangling link, too large...).
    Unreadable(Unreadable),
    /// RON could not parse the file into its type.
    Syntax(ron::Error),
    /// A number written with a decimal comma (`30,4`), as the French briefs print it, which
    /// RON reads as two values.
    DecimalComma { written: String },
    /// A number with a fraction (`5.5`) where a whole number is expected.
    NotWhole { written: String },
    /// A negative number (`-3`) where a count or a position is expected.
    Negative { written: String },
    /// A number in quotes (`"9"`) where a number is expected.
    QuotedNumber { written: String },
    /// A number (`12`) where a text in quotes is expected.
    NumberNotText { written: String },
    /// A string whose closing quote is missing: it runs on to the next line.
    UnclosedString,
}

impl Describe for FileFinding {
    fn severity(&self) -> Severity {
        match self {
            FileFinding::NotInDataset => Severity::Warning,
            _ => Severity::Error,
        }
    }

    fn message(&self) -> String {
        match self {
            FileFinding::InvalidUtf8 { .. } => "file is not valid UTF-8".to_string(),
            FileFinding::NotInDataset => "file is not part of the dataset; it is ignored".into(),
            FileFinding::Missing { name } => format!("missing file `{name}`"),
            FileFinding::NoProposals => "the dataset has no proposals".to_string(),
            FileFinding::Unreadable(why) => why.message(),
            FileFinding::Syntax(error) => syntax::parse_message(error),
            FileFinding::DecimalComma { written } => {
                format!("`{written}` is written with a decimal comma")
            }
            FileFinding::NotWhole { written } => format!("`{written}` is not a whole number"),
            FileFinding::Negative { written } => format!("`{written}` is negative"),
            FileFinding::QuotedNumber { written } => {
                format!("`\"{written}\"` is a text in quotes, where a number is expected")
            }
            FileFinding::NumberNotText { written } => {
                format!("`{written}` is a number, where a text in double quotes is expected")
            }
            FileFinding::UnclosedString => {
                "this string runs on to the next line: its closing `\"` is missing".into()
            }
        }
    }

    fn label(&self) -> Option<String> {
        match self {
            FileFinding::Syntax(ron::Error::ExpectedComma) => Some("expected `,` here".into()),
            FileFinding::DecimalComma { .. } => Some("a decimal comma".into()),
            FileFinding::NotWhole { .. } => Some("a whole number is expected here".into()),
            FileFinding::Negative { .. } => Some("a number from 0 up is expected here".into()),
            FileFinding::UnclosedString => Some("the string opens here".into()),
            _ => None,
        }
    }

    fn help(&self) -> Option<String> {
        Some(match self {
            FileFinding::InvalidUtf8 { valid_up_to } => format!(
                "the first invalid byte is at offset {valid_up_to}; save the file as UTF-8"
            ),
            FileFinding::NotInDataset => format!(
                "a dataset has {}, one file per proposal under `{PROPOSALS_DIR}/` and may have one file of provinces per region under `{PROVINCES_DIR}/`",
                REQUIRED_FILES.join(", ")
            ),
            FileFinding::Missing { .. } => "every dataset has dataset.ron, sources.ron, actors.ron, figures.ron, regions.ron, outlines.ron and proposals/*.ron; `jiha export-data DIR` writes a complete one to start from".to_string(),
            FileFinding::NoProposals => {
                "add one RON file per proposal under `proposals/`, named after its id".to_string()
            }
            FileFinding::Unreadable(why) => why.help(),
            FileFinding::Syntax(error) => return syntax::parse_help(error),
            FileFinding::DecimalComma { written } => format!(
                "numbers in the data use a decimal point, whatever the language: write `{}`",
                written.replace(',', ".")
            ),
            FileFinding::NotWhole { written } => {
                let whole = written.split('.').next().unwrap_or_default();
                format!("this value counts or orders things: write a whole number, such as `{whole}`")
            }
            FileFinding::Negative { written } => format!(
                "this value counts or orders things, from 0 up: write `{}`",
                written.trim_start_matches('-')
            ),
            FileFinding::QuotedNumber { written } => {
                format!("write the number without quotes: `{written}`")
            }
            FileFinding::NumberNotText { written } => {
                format!("write it between double quotes: `\"{written}\"`")
            }
            FileFinding::UnclosedString => {
                "add the closing `\"` where the text ends, on the same line".into()
            }
        })
    }
}

/// A dataset's files, read as text and sorted by role.
pub(super) struct SortedFiles {
    /// The required files, by name.
    pub(super) required: BTreeMap<String, DataFile>,
    /// The files under `proposals/`, by name.
    pub(super) proposals: Vec<DataFile>,
    /// The files under `labels/`.
    pub(super) labels: Vec<DataFile>,
    /// The files under `provinces/`, by name.
    pub(super) provinces: Vec<DataFile>,
    /// The translations' ledgers, under `translations/`, by name.
    pub(super) translations: Vec<DataFile>,
    /// The names of the files that are there but could not be read (already reported).
    pub(super) unreadable: BTreeSet<String>,
}

impl Checker<'_> {
    /// Keeps each file's text in the report, for the excerpts, and sorts the files by role.
    /// Reports the files that are not UTF-8 and those that belong to no dataset.
    pub(super) fn sort_files(&mut self, files: Vec<DataFile>) -> SortedFiles {
        let mut sorted = SortedFiles {
            required: BTreeMap::new(),
            proposals: Vec::new(),
            labels: Vec::new(),
            provinces: Vec::new(),
            translations: Vec::new(),
            unreadable: BTreeSet::new(),
        };
        for mut file in files {
            if file.unreadable.is_none() && file.bytes.len() as u64 > MAX_FILE_BYTES {
                let bytes = file.bytes.len() as u64;
                file.unreadable = Some(Unreadable::TooLarge { bytes });
            }
            if let Some(why) = file.unreadable.take() {
                let finding = FileFinding::Unreadable(why);
                self.push(Diagnostic::new(&file.display, finding));
                sorted.unreadable.insert(file.name);
                continue;
            }
            // The text is kept once, in the report, for the excerpts.
            match String::from_utf8(std::mem::take(&mut file.bytes)) {
                Ok(mut text) => {
                    // A byte-order mark, which some editors write at the start of a UTF-8
                    // file, is not part of the data.
                    if text.starts_with('\u{feff}') {
                        text.drain(..'\u{feff}'.len_utf8());
                    }
                    self.report.keep_text(&file.display, text);
                }
                Err(err) => {
                    let valid_up_to = err.utf8_error().valid_up_to();
                    let finding = FileFinding::InvalidUtf8 { valid_up_to };
                    self.push(Diagnostic::new(&file.display, finding));
                    sorted.unreadable.insert(file.name);
                    continue;
                }
            }
            if file.name.starts_with(&format!("{PROPOSALS_DIR}/")) {
                sorted.proposals.push(file);
            } else if file.name.starts_with(&format!("{PROVINCES_DIR}/")) {
                sorted.provinces.push(file);
            } else if file.name.starts_with(&format!("{LABELS_DIR}/")) {
                sorted.labels.push(file);
            } else if file
                .name
                .starts_with(&format!("{}/", crate::translations::TRANSLATIONS_DIR))
            {
                sorted.translations.push(file);
            } else if REQUIRED_FILES.contains(&file.name.as_str()) {
                sorted.required.insert(file.name.clone(), file);
            } else {
                self.push(Diagnostic::new(&file.display, FileFinding::NotInDataset));
            }
        }
        sorted.proposals.sort_by(|a, b| a.name.cmp(&b.name));
        sorted.provinces.sort_by(|a, b| a.name.cmp(&b.name));
        sorted.translations.sort_by(|a, b| a.name.cmp(&b.name));
        sorted
    }

    /// Reports the required files that are missing, shown where the user would create them.
    pub(super) fn check_required(&mut self, root: &str, sorted: &SortedFiles) {
        for name in REQUIRED_FILES {
            if !sorted.required.contains_key(name) && !sorted.unreadable.contains(name) {
                let finding = FileFinding::Missing { name };
                self.push(Diagnostic::new(&in_root(root, name), finding));
            }
        }
        let unread_proposals = sorted
            .unreadable
            .iter()
            .any(|n| n.split('/').next() == Some(PROPOSALS_DIR));
        if sorted.proposals.is_empty() && !unread_proposals {
            let dir = in_root(root, PROPOSALS_DIR);
            self.push(Diagnostic::new(&dir, FileFinding::NoProposals));
        }
    }

    /// Parses the proposal files; the proposals that parsed, each with its file's stem.
    pub(super) fn parse_proposals(
        &mut self,
        files: &[DataFile],
    ) -> Vec<(Parsed<Proposal>, String)> {
        self.parse_in(files, PROPOSALS_DIR)
    }

    /// Parses the files of a folder (`dir`), each as a `T`; those that parsed, each with its
    /// file's stem.
    pub(super) fn parse_in<T: DeserializeOwned + Send>(
        &mut self,
        files: &[DataFile],
        dir: &str,
    ) -> Vec<(Parsed<T>, String)> {
        self.parse_all(files)
            .into_iter()
            .zip(files)
            .filter_map(|(parsed, f)| {
                let stem = f
                    .name
                    .trim_start_matches(&format!("{dir}/"))
                    .trim_end_matches(".ron")
                    .to_string();
                parsed.map(|p| (p, stem))
            })
            .collect()
    }

    /// Parses one file, reporting a syntax or type error at its position.
    pub(super) fn parse<T: DeserializeOwned>(
        &mut self,
        file: Option<&DataFile>,
    ) -> Option<Parsed<T>> {
        let file = file?;
        let text = self.report.text(&file.display)?;
        let parsed = parse_text(text);
        self.parsed(file, parsed)
    }

    /// Parses many files of one kind, on every core: they do not depend on each other.
    pub(super) fn parse_all<T: DeserializeOwned + Send>(
        &mut self,
        files: &[DataFile],
    ) -> Vec<Option<Parsed<T>>> {
        let report = &self.report;
        let parse = |file: &DataFile| report.text(&file.display).map(parse_text::<T>);
        let results: Vec<Option<ParseResult<T>>> = parallel_map(files, parse);
        files
            .iter()
            .zip(results)
            .map(|(file, result)| self.parsed(file, result?))
            .collect()
    }

    /// Keeps a parsed value, or reports why the file could not be parsed.
    pub(super) fn parsed<T>(
        &mut self,
        file: &DataFile,
        result: ParseResult<T>,
    ) -> Option<Parsed<T>> {
        match result {
            Ok(value) => Some(Parsed {
                value,
                file: file.display.clone(),
                spans: std::cell::OnceCell::new(),
            }),
            Err((span, code)) => {
                let text = self.report.text(&file.display).unwrap_or_default();
                let (finding, span) = match decimal_comma(text, &span, &code) {
                    Some((written, span)) => (FileFinding::DecimalComma { written }, span),
                    None => syntax::plain_error(text, &span, &code)
                        .unwrap_or((FileFinding::Syntax(code), span)),
                };
                self.push(Diagnostic::new(&file.display, finding).at(Some(span)));
                None
            }
        }
    }
}

/// A decimal comma behind a RON error: `30,4` makes RON read `30`, then stumble on `4` as an
/// identifier. The number as written and its span, if that is what happened.
fn decimal_comma(
    text: &str,
    span: &Range<usize>,
    error: &ron::Error,
) -> Option<(String, Range<usize>)> {
    let ron::Error::SuggestRawIdentifier(fraction) = error else {
        return None;
    };
    if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let before = text.get(..span.start)?.strip_suffix(',')?;
    let whole = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if whole == 0 {
        return None;
    }
    let start = span.start - 1 - whole;
    let end = span.start + fraction.len();
    Some((text.get(start..end)?.to_string(), start..end))
}

/// A parsed value, or ron's error and the bytes it is about.
pub(super) type ParseResult<T> = Result<T, (Range<usize>, ron::Error)>;

/// Parses `text` as a `T`; on failure, the error and the bytes it is about.
pub(super) fn parse_text<T: DeserializeOwned>(text: &str) -> ParseResult<T> {
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let err = match options.from_str::<T>(text) {
        Ok(value) => return Ok(value),
        Err(err) => err,
    };
    let start = offset_of(text, err.span.start.line, err.span.start.col);
    let end = offset_of(text, err.span.end.line, err.span.end.col).max(start);
    let mut span = if end > start {
        start..end
    } else {
        start..start + 1
    };
    // ron may point at the blank before the offending value: point at the value.
    let blank = text[span.start..].len() - text[span.start..].trim_start().len();
    if blank > 0 && span.start + blank < text.len() {
        span = span.start + blank..span.end.max(span.start + blank + 1);
    }
    if let ron::Error::MissingStructField {
        outer: Some(outer), ..
    } = &err.code
    {
        // Point at the entry that lacks the field, not at its closing bracket.
        if let Some(open) = text[..span.start].rfind(&format!("{outer}(")) {
            span = open..open + outer.len();
        }
    }
    if matches!(err.code, ron::Error::ExpectedComma) {
        // The comma is missing after the previous value, not before the next one.
        let before = text[..start].trim_end().len();
        span = before..before + 1;
    }
    Err((span, err.code))
}

/// `f` over `items`, in order, on the machine's cores when there are enough items to share.
pub(super) fn parallel_map<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync) -> Vec<U> {
    if items.len() < 64 {
        return items.iter().map(f).collect();
    }
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if threads < 2 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let f = &f;
        let workers: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<U>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Byte offset of a 1-based line and column (in characters).
pub(super) fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (n, l) in text.split_inclusive('\n').enumerate() {
        if n + 1 == line {
            let within: usize = l
                .chars()
                .take(col.saturating_sub(1))
                .map(char::len_utf8)
                .sum();
            return offset + within;
        }
        offset += l.len();
    }
    text.len()
}
