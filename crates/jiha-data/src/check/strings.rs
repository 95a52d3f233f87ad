//! What every string of the data may hold, whatever it means: no control character, no line
//! break where the text is printed on one line, no direction control left open, and limits
//! on its length, on its longest word and on the marks stacked on one letter.
//!
//! Every string a brief prints passes here, texts, names and labels alike, each as the kind
//! of [`Field`] it is printed as; the limits are documented in `docs/data-format.md`.

use super::*;

/// The most characters a one-line title or name may have (a heading, a table-of-contents
/// entry, a PDF bookmark, a table cell).
pub const TITLE_MAX_CHARS: usize = 300;

/// The most characters a one-line sentence may have: a list item, a role, a label.
pub const LINE_MAX_CHARS: usize = 2_000;

/// The most characters a paragraph may have.
pub const PARAGRAPH_MAX_CHARS: usize = 10_000;

/// The longest word (a run of characters without a space to break the line at) a printed
/// line can hold: the PDF cannot wrap a longer one, and its writer fails on very long ones.
/// A long web address belongs in a source's `url`, where it is printed as a link.
pub const WORD_MAX_CHARS: usize = 200;

/// The most combining marks stacked on one letter (Arabic stacks two or three: a shadda and
/// a vowel); each mark is laid out over the others, and thousands exhaust the PDF writer.
pub const MARKS_MAX: usize = 8;

/// How a string is printed, which decides its line breaks and its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// A title, a name, a short value: one line, at most [`TITLE_MAX_CHARS`].
    Title,
    /// A sentence printed as one block (a list item, a label): one line, at most
    /// [`LINE_MAX_CHARS`].
    Line,
    /// A paragraph: line feeds (`\n`) allowed, at most [`PARAGRAPH_MAX_CHARS`].
    Paragraph,
}

impl Field {
    /// The most characters a string of this field may have.
    pub fn max_chars(self) -> usize {
        match self {
            Field::Title => TITLE_MAX_CHARS,
            Field::Line => LINE_MAX_CHARS,
            Field::Paragraph => PARAGRAPH_MAX_CHARS,
        }
    }

    fn one_line(self) -> bool {
        self != Field::Paragraph
    }
}

/// A character shown by its code point and its Unicode name, `U+001B ESCAPE`, so that a
/// message never prints an invisible or terminal-controlling character itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named(pub char);

impl fmt::Display for Named {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "U+{:04X}", self.0 as u32)?;
        match char_name(self.0) {
            Some(name) => write!(f, " {name}"),
            None => Ok(()),
        }
    }
}

/// What the rules on every string can find. `at` counts characters from 1; `more` is how
/// many further characters of the text the same rule refuses.
#[derive(Debug, Clone, PartialEq)]
pub enum StringFinding {
    /// A control character (C0 but a permitted line feed, DEL, C1), or a line or paragraph
    /// separator in a paragraph.
    Control { c: char, at: usize, more: usize },
    /// A line break or a tab in a string printed on one line.
    BreakInLine {
        c: char,
        at: usize,
        more: usize,
        field: Field,
    },
    /// A direction control opened and never closed (`opened`), or closing nothing.
    UnbalancedBidi { c: char, at: usize, opened: bool },
    /// A string longer than its field allows.
    TooLong { chars: usize, field: Field },
    /// A word too long for a printed line to break.
    WordTooLong { chars: usize, at: usize },
    /// Direction controls nested deeper than [`BIDI_MAX_DEPTH`], the first too deep `at`.
    BidiTooDeep { c: char, at: usize },
    /// Too many combining marks stacked on one letter, the first `at`.
    StackedMarks { count: usize, at: usize },
}

impl Describe for StringFinding {
    fn message(&self) -> String {
        use StringFinding as F;
        let more = |n: &usize| match n {
            0 => String::new(),
            n => format!(" (and {n} more in this text)"),
        };
        match self {
            F::Control { c, at, more: n } => format!(
                "{}character {} at character {at}{}",
                if c.is_control() { "control " } else { "" },
                Named(*c),
                more(n)
            ),
            F::BreakInLine { c, at, more: n, .. } => format!(
                "{} at character {at} of a one-line text{}",
                Named(*c),
                more(n)
            ),
            F::UnbalancedBidi {
                c,
                at,
                opened: true,
            } => format!(
                "direction control {} at character {at} is never closed",
                Named(*c)
            ),
            F::UnbalancedBidi { c, at, .. } => format!(
                "direction control {} at character {at} closes nothing",
                Named(*c)
            ),
            F::BidiTooDeep { c, at } => format!(
                "direction control {} at character {at} is nested more than {BIDI_MAX_DEPTH} deep",
                Named(*c)
            ),
            F::TooLong { chars, field } => format!(
                "text of {chars} characters; at most {} here",
                field.max_chars()
            ),
            F::WordTooLong { chars, at } => format!(
                "a word of {chars} characters without a space (from character {at}); at most {WORD_MAX_CHARS}"
            ),
            F::StackedMarks { count, at } => format!(
                "{count} combining marks stacked on one letter (from character {at}); at most {MARKS_MAX}"
            ),
        }
    }

    fn help(&self) -> Option<String> {
        use StringFinding as F;
        Some(match self {
            F::Control { .. } => "control characters are invisible, and can cut a line or command a terminal: remove it (a new line in a paragraph is written `\\n`)".into(),
            F::BreakInLine { field, .. } => format!(
                "this text is printed on one line ({}): write it on one line, with spaces",
                match field {
                    Field::Title => "a heading, a table-of-contents entry, a bookmark, a table cell",
                    _ => "a list item, a table cell or a label",
                }
            ),
            F::UnbalancedBidi { .. } => "close each embedding or override (U+202A to U+202E) with U+202C POP DIRECTIONAL FORMATTING and each isolate (U+2066 to U+2068) with U+2069 POP DIRECTIONAL ISOLATE in the same text and line, or remove it; the marks U+200E, U+200F and U+061C need no closing".into(),
            F::BidiTooDeep { .. } => "close the direction controls before opening others: a text needs a few levels at most".into(),
            F::TooLong { field: Field::Paragraph, .. } => {
                "shorten it, or split it between fields: a brief prints it whole".into()
            }
            F::TooLong { .. } => "shorten it: it is printed on one line or in one block".into(),
            F::WordTooLong { .. } => format!(
                "a printed line breaks at spaces only: add spaces, or put a web address in a source's `url`; words of at most {WORD_MAX_CHARS} characters"
            ),
            F::StackedMarks { .. } => {
                "remove the repeated marks: a letter carries a few accents or vowel marks at most".into()
            }
        })
    }
}

impl Checker<'_> {
    /// Checks a text a reader sees ([`Checker::text`]) and, in each language, what every
    /// string of its `field` may hold ([`Checker::string`]).
    pub(super) fn text_as<T>(&mut self, parsed: &Parsed<T>, path: &str, text: &Text, field: Field) {
        self.text(parsed, path, text);
        for (lang, value) in &text.0 {
            if string_problems(value, field).is_some() {
                self.string(parsed, &format!("{path}.\"{lang}\""), value, field);
            }
        }
    }

    /// [`Checker::text_as`] for each text of a list.
    pub(super) fn texts_as<T>(
        &mut self,
        parsed: &Parsed<T>,
        path: &str,
        texts: &[Text],
        field: Field,
    ) {
        for (i, text) in texts.iter().enumerate() {
            self.text_as(parsed, &format!("{path}[{i}]"), text, field);
        }
    }

    /// Checks a string a reader sees in one language ([`Checker::plain`]) and what every
    /// string of its `field` may hold.
    pub(super) fn plain_as<T>(&mut self, parsed: &Parsed<T>, path: &str, text: &str, field: Field) {
        self.plain(parsed, path, text);
        self.string(parsed, path, text, field);
    }

    /// What every string of `field` may hold: reports the first offence of each rule.
    pub(super) fn string<T>(&mut self, parsed: &Parsed<T>, path: &str, text: &str, field: Field) {
        let Some(found) = string_problems(text, field) else {
            return;
        };
        for finding in found {
            self.report(parsed, path, finding);
        }
    }
}

/// Whether a character is refused in every string: C0 controls (but line feeds, tabs and
/// the other breaks, which [`breaks_line`] names), DEL and C1 controls.
fn is_control(c: char) -> bool {
    c.is_control()
}

/// Whether a character breaks a line or jumps to a tab stop.
fn breaks_line(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\t' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Whether a line may break at `c` (a space that is not a no-break one, or a zero-width
/// space): what ends a word.
fn breakable(c: char) -> bool {
    (c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')) || c == '\u{200b}'
}

/// Whether `c` is a combining mark. No character before U+0300 is one: most text is decided
/// without the table lookup, which the check runs on every character of the dataset.
fn combining(c: char) -> bool {
    c >= '\u{300}' && unicode_normalization::char::is_combining_mark(c)
}

/// Every finding about `text` as a string of `field`, the first of each rule, or `None` when
/// it has none: the common case costs one pass and no allocation.
pub(super) fn string_problems(text: &str, field: Field) -> Option<Vec<StringFinding>> {
    let mut found = Vec::new();
    let (mut control, mut line_break): (Option<StringFinding>, Option<StringFinding>) =
        (None, None);
    let mut bidi = Bidi::default();
    let (mut chars, mut word, mut word_start, mut marks) = (0, 0, 1, 0);
    let (mut long_word, mut stacked) = (None, None);
    for (i, c) in text.chars().enumerate() {
        let at = i + 1;
        chars += 1;
        if breakable(c) {
            word = 0;
        } else {
            if word == 0 {
                word_start = at;
            }
            word += 1;
            if word > WORD_MAX_CHARS && long_word.is_none() {
                long_word = Some(word_start);
            }
        }
        marks = if combining(c) { marks + 1 } else { 0 };
        if marks > MARKS_MAX && stacked.is_none() {
            stacked = Some(at - MARKS_MAX);
        }
        if c == '\n' && !field.one_line() {
            bidi.end_line();
            continue;
        }
        if breaks_line(c) && field.one_line() {
            count(&mut line_break, || StringFinding::BreakInLine {
                c,
                at,
                more: 0,
                field,
            });
        } else if is_control(c) || breaks_line(c) {
            count(&mut control, || StringFinding::Control { c, at, more: 0 });
        } else {
            bidi.push(c, at);
        }
    }
    found.extend(control);
    found.extend(line_break);
    found.extend(bidi.end());
    if chars > field.max_chars() {
        found.push(StringFinding::TooLong { chars, field });
    }
    if let Some(at) = long_word {
        let chars = text
            .chars()
            .skip(at - 1)
            .take_while(|c| !breakable(*c))
            .count();
        found.push(StringFinding::WordTooLong { chars, at });
    }
    if let Some(at) = stacked {
        let count = text
            .chars()
            .skip(at - 1)
            .take_while(|c| combining(*c))
            .count();
        found.push(StringFinding::StackedMarks { count, at });
    }
    (!found.is_empty()).then_some(found)
}

/// Records the first offence of a rule, or counts one more.
fn count(first: &mut Option<StringFinding>, make: impl FnOnce() -> StringFinding) {
    match first {
        None => *first = Some(make()),
        Some(StringFinding::Control { more, .. } | StringFinding::BreakInLine { more, .. }) => {
            *more += 1
        }
        Some(_) => {}
    }
}

/// The direction controls open on the current line, to find those left open or closing
/// nothing. Embeddings and overrides close with PDF, isolates with PDI; a line feed ends
/// every one of them, as it ends a paragraph.
#[derive(Debug, Default)]
struct Bidi {
    /// The controls open, innermost last: the character, where it is, and whether it is
    /// an isolate.
    open: Vec<(char, usize, bool)>,
    /// How many of them are isolates.
    isolates: usize,
    /// The first problem found: once there is one, the rest of the text is not looked at.
    problem: Option<StringFinding>,
}

/// How deep direction controls may nest: Unicode's limit (`max_depth` of the bidirectional
/// algorithm), beyond which they are ignored and no longer close what they seem to.
pub const BIDI_MAX_DEPTH: usize = 125;

impl Bidi {
    fn push(&mut self, c: char, at: usize) {
        if self.problem.is_some() || !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        {
            return;
        }
        let stray = || StringFinding::UnbalancedBidi {
            c,
            at,
            opened: false,
        };
        let opens = !matches!(c, '\u{202c}' | '\u{2069}');
        if opens && self.open.len() == BIDI_MAX_DEPTH {
            self.problem = Some(StringFinding::BidiTooDeep { c, at });
            return;
        }
        match c {
            '\u{202a}'..='\u{202b}' | '\u{202d}'..='\u{202e}' => self.open.push((c, at, false)),
            '\u{2066}'..='\u{2068}' => {
                self.isolates += 1;
                self.open.push((c, at, true))
            }
            '\u{202c}' => match self.open.last() {
                Some((_, _, false)) => {
                    self.open.pop();
                }
                _ => {
                    self.problem.get_or_insert_with(stray);
                }
            },
            '\u{2069}' => {
                // A PDI closes its isolate and every embedding opened inside it; an
                // embedding left open inside an isolate is the problem then.
                // Only when an isolate is open: the search then ends at the innermost one,
                // and what it passes is closed, so each control is passed over once.
                let isolate = (self.isolates > 0)
                    .then(|| self.open.iter().rposition(|(_, _, isolate)| *isolate))
                    .flatten();
                match isolate {
                    Some(i) => {
                        self.isolates -= 1;
                        if let Some(&(c, at, _)) = self.open.get(i + 1) {
                            self.problem.get_or_insert(StringFinding::UnbalancedBidi {
                                c,
                                at,
                                opened: true,
                            });
                        }
                        self.open.truncate(i);
                    }
                    None => {
                        self.problem.get_or_insert_with(stray);
                    }
                }
            }
            _ => {}
        }
    }

    /// A line ends: whatever is still open was never closed.
    fn end_line(&mut self) {
        if let Some(&(c, at, _)) = self.open.first() {
            self.problem.get_or_insert(StringFinding::UnbalancedBidi {
                c,
                at,
                opened: true,
            });
        }
        self.open.clear();
        self.isolates = 0;
    }

    fn end(mut self) -> Option<StringFinding> {
        self.end_line();
        self.problem
    }
}

/// A value cut to a readable width for a message.
pub(super) fn shortened(value: &str) -> String {
    const WIDTH: usize = 80;
    if value.chars().count() <= WIDTH {
        value.to_string()
    } else {
        let head: String = value.chars().take(WIDTH - 1).collect();
        format!("{head}…")
    }
}

/// The names of the C0 controls, U+0000 to U+001F.
const C0: [&str; 32] = [
    "NULL",
    "START OF HEADING",
    "START OF TEXT",
    "END OF TEXT",
    "END OF TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "BELL",
    "BACKSPACE",
    "CHARACTER TABULATION",
    "LINE FEED",
    "LINE TABULATION",
    "FORM FEED",
    "CARRIAGE RETURN",
    "SHIFT OUT",
    "SHIFT IN",
    "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK",
    "CANCEL",
    "END OF MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "INFORMATION SEPARATOR FOUR",
    "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO",
    "INFORMATION SEPARATOR ONE",
];
/// The names (aliases) of the C1 controls, U+0080 to U+009F.
const C1: [&str; 32] = [
    "PADDING CHARACTER",
    "HIGH OCTET PRESET",
    "BREAK PERMITTED HERE",
    "NO BREAK HERE",
    "INDEX",
    "NEXT LINE",
    "START OF SELECTED AREA",
    "END OF SELECTED AREA",
    "CHARACTER TABULATION SET",
    "CHARACTER TABULATION WITH JUSTIFICATION",
    "LINE TABULATION SET",
    "PARTIAL LINE FORWARD",
    "PARTIAL LINE BACKWARD",
    "REVERSE LINE FEED",
    "SINGLE SHIFT TWO",
    "SINGLE SHIFT THREE",
    "DEVICE CONTROL STRING",
    "PRIVATE USE ONE",
    "PRIVATE USE TWO",
    "SET TRANSMIT STATE",
    "CANCEL CHARACTER",
    "MESSAGE WAITING",
    "START OF GUARDED AREA",
    "END OF GUARDED AREA",
    "START OF STRING",
    "SINGLE GRAPHIC CHARACTER INTRODUCER",
    "SINGLE CHARACTER INTRODUCER",
    "CONTROL SEQUENCE INTRODUCER",
    "STRING TERMINATOR",
    "OPERATING SYSTEM COMMAND",
    "PRIVACY MESSAGE",
    "APPLICATION PROGRAM COMMAND",
];

/// The Unicode name of a control, separator or direction character, the characters a
/// message names rather than prints.
pub fn char_name(c: char) -> Option<&'static str> {
    let code = c as usize;
    Some(match c {
        '\0'..='\u{1f}' => C0[code],
        '\u{7f}' => "DELETE",
        '\u{80}'..='\u{9f}' => C1[code - 0x80],
        '\u{200e}' => "LEFT-TO-RIGHT MARK",
        '\u{200f}' => "RIGHT-TO-LEFT MARK",
        '\u{061c}' => "ARABIC LETTER MARK",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{202a}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202b}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202c}' => "POP DIRECTIONAL FORMATTING",
        '\u{202d}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202e}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, field: Field) -> Vec<StringFinding> {
        string_problems(text, field).unwrap_or_default()
    }

    #[test]
    fn controls_are_named_and_counted() {
        let found = kinds("a\u{1b}]0;x\u{7}b\u{9b}", Field::Paragraph);
        assert_eq!(
            found,
            [StringFinding::Control {
                c: '\u{1b}',
                at: 2,
                more: 2
            }]
        );
        assert_eq!(
            found[0].message(),
            "control character U+001B ESCAPE at character 2 (and 2 more in this text)"
        );
        assert_eq!(
            Named('\u{9d}').to_string(),
            "U+009D OPERATING SYSTEM COMMAND"
        );
        assert_eq!(Named('\u{7f}').to_string(), "U+007F DELETE");
    }

    #[test]
    fn line_feeds_are_for_paragraphs_only() {
        assert_eq!(kinds("un\ndeux", Field::Paragraph), []);
        for c in ['\n', '\r', '\t', '\u{2028}', '\u{2029}', '\u{85}'] {
            let text = format!("un{c}deux");
            assert!(
                matches!(
                    kinds(&text, Field::Title)[..],
                    [StringFinding::BreakInLine { at: 3, .. }]
                ),
                "{c:?}"
            );
            if c != '\n' {
                assert!(
                    matches!(
                        kinds(&text, Field::Paragraph)[..],
                        [StringFinding::Control { at: 3, .. }]
                    ),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn direction_controls_close_within_their_text_and_line() {
        let ok = [
            "\u{202e}inversé\u{202c} suite",
            "\u{2067}عربي\u{2069} et \u{2068}x\u{2069}",
            "\u{2067}a\u{202b}b\u{202c}c\u{2069}",
            "مرحبا\u{200f} 12 \u{200e}\u{061c}",
        ];
        for text in ok {
            assert_eq!(kinds(text, Field::Title), [], "{text:?}");
        }
        let open = |c, at| StringFinding::UnbalancedBidi {
            c,
            at,
            opened: true,
        };
        let stray = |c, at| StringFinding::UnbalancedBidi {
            c,
            at,
            opened: false,
        };
        assert_eq!(
            kinds("Spark \u{202e}x", Field::Title),
            [open('\u{202e}', 7)]
        );
        assert_eq!(kinds("a\u{2067}b", Field::Title), [open('\u{2067}', 2)]);
        assert_eq!(kinds("a\u{202c}", Field::Title), [stray('\u{202c}', 2)]);
        assert_eq!(kinds("a\u{2069}", Field::Title), [stray('\u{2069}', 2)]);
        // Closed in the wrong order, or only on the next line.
        assert_eq!(
            kinds("\u{202b}\u{2066}\u{202c}\u{2069}", Field::Title)[0],
            stray('\u{202c}', 3)
        );
        assert_eq!(
            kinds("\u{2066}\u{202b}\u{2069}", Field::Title),
            [open('\u{202b}', 2)]
        );
        assert_eq!(
            kinds("\u{202e}a\n\u{202c}", Field::Paragraph)[0],
            open('\u{202e}', 1)
        );
        // Nested beyond Unicode's depth, and a hostile run of controls: found, and fast.
        let deep = "\u{2067}".repeat(BIDI_MAX_DEPTH + 1) + &"\u{2069}".repeat(BIDI_MAX_DEPTH + 1);
        let found = kinds(&deep, Field::Title);
        assert_eq!(
            found[0],
            StringFinding::BidiTooDeep {
                c: '\u{2067}',
                at: 126
            }
        );
        let hostile = "\u{2066}\u{202b}".repeat(50) + &"\u{2069}\u{202b}".repeat(2_000_000);
        let started = std::time::Instant::now();
        let _ = kinds(&hostile, Field::Paragraph);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }

    #[test]
    fn lengths_words_and_marks_are_limited() {
        assert_eq!(kinds(&"abcd ".repeat(60), Field::Title), []);
        assert_eq!(
            kinds(&"ab ".repeat(101), Field::Title),
            [StringFinding::TooLong {
                chars: 303,
                field: Field::Title
            }]
        );
        let word = format!("x {}", "é".repeat(40_000));
        assert!(
            kinds(&word, Field::Paragraph).contains(&StringFinding::WordTooLong {
                chars: 40_000,
                at: 3
            })
        );
        // No-break spaces do not end a word; a zero-width space does.
        let glued = ["a"; 150].join("\u{a0}");
        assert!(matches!(
            kinds(&glued, Field::Line)[..],
            [StringFinding::WordTooLong { .. }]
        ));
        assert_eq!(
            kinds(&vec!["a".repeat(150); 3].join("\u{200b}"), Field::Line),
            []
        );
        // Arabic: a shadda and a vowel on one letter.
        assert_eq!(kinds("مُحَمَّدٌ", Field::Title), []);
        let stacked = format!("e{} e{}", "\u{301}".repeat(9), "\u{301}".repeat(5_000));
        assert_eq!(
            kinds(&stacked, Field::Paragraph)[..],
            [
                StringFinding::WordTooLong {
                    chars: 5_001,
                    at: 12
                },
                StringFinding::StackedMarks { count: 9, at: 2 },
            ]
        );
    }
}
