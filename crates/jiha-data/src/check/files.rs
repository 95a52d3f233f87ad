//! Reading a dataset's files and parsing them, with RON's errors turned into located findings.

use super::*;

impl Checker<'_> {
    pub(super) fn invalid_utf8(&self, name: &str) -> bool {
        self.report
            .diagnostics
            .iter()
            .any(|d| d.file.ends_with(name) && d.message.contains("UTF-8"))
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
                let mut diagnostic =
                    Diagnostic::error(&file.display, parse_message(&code)).at(Some(span));
                if matches!(code, ron::Error::ExpectedComma) {
                    diagnostic = diagnostic.label("expected `,` here");
                }
                if let Some(help) = parse_help(&code) {
                    diagnostic = diagnostic.help(help);
                }
                self.push(diagnostic);
                None
            }
        }
    }
}

/// Reads the RON files of a dataset directory: the files at its top and those under
/// `proposals/`, in a stable order. `display` is how the user named the directory.
pub fn read_dir(root: &std::path::Path, display: &str) -> std::io::Result<Vec<DataFile>> {
    let mut files = Vec::new();
    for (sub, prefix) in [
        (root.to_path_buf(), String::new()),
        (root.join(PROPOSALS_DIR), format!("{PROPOSALS_DIR}/")),
        (root.join(LABELS_DIR), format!("{LABELS_DIR}/")),
    ] {
        if !prefix.is_empty() && !sub.is_dir() {
            continue;
        }
        let mut entries: Vec<_> = std::fs::read_dir(&sub)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            if !path.is_file() || path.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            let file_name = entry.file_name().to_string_lossy().into_owned();
            let name = format!("{prefix}{file_name}");
            let display = format!("{}/{name}", display.trim_end_matches('/'));
            let bytes = std::fs::read(&path)?;
            files.push(DataFile {
                name,
                display,
                bytes,
            });
        }
    }
    Ok(files)
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
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if threads < 2 || items.len() < 64 {
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

pub(super) fn parse_message(error: &ron::Error) -> String {
    use ron::Error as E;
    match error {
        E::NoSuchStructField { found, outer, .. } => match outer {
            Some(outer) => format!("unknown field `{found}` in `{outer}`"),
            None => format!("unknown field `{found}`"),
        },
        E::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("missing field `{field}` in `{outer}`"),
            None => format!("missing field `{field}`"),
        },
        E::NoSuchEnumVariant { found, outer, .. } => match outer {
            Some(outer) => format!("unknown variant `{found}` of `{outer}`"),
            None => format!("unknown variant `{found}`"),
        },
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    }
}

pub(super) fn parse_help(error: &ron::Error) -> Option<String> {
    use ron::Error as E;
    let suggest = |found: &str, expected: &[&str]| -> String {
        let known: BTreeSet<String> = expected.iter().map(|s| s.to_string()).collect();
        match closest(found, &known) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!(
                "expected one of {}",
                expected
                    .iter()
                    .map(|e| format!("`{e}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    };
    match error {
        E::NoSuchStructField {
            expected, found, ..
        } => Some(suggest(found, expected)),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => Some(suggest(found, expected)),
        E::MissingStructField { field, .. } => Some(format!("add `{field}: ...` to this entry")),
        E::DuplicateStructField { field, .. } => Some(format!("keep one `{field}`")),
        E::ExpectedComma => Some("separate fields and list items with commas".to_string()),
        E::ExpectedMap => Some(
            "a text is written in every language of the dataset: {\"fr\": \"...\", \"en\": \"...\", \"ar\": \"...\"}"
                .to_string(),
        ),
        E::ExpectedStringEnd => Some("a string is never closed: add the closing `\"`".to_string()),
        E::Eof => {
            Some("the file ends too early: look for an unclosed `(`, `[` or `\"`".to_string())
        }
        _ => None,
    }
}
