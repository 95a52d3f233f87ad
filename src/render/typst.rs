//! Typst source for every brief, and PDF compiled from it by Typst embedded as a library.
//!
//! Text from the data reaches the Typst source only through [`Typst`], the escaper askama
//! applies to every `{{ value }}` of a `.typ` template, so no data can ever become markup or
//! code. The compiler sees nothing but that source and fonts compiled into the binary: no
//! file system, no packages, no network, and a fixed date.

use std::sync::LazyLock;

use askama::Template;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

use super::style::{Logo, Style};
use super::{RenderError, Renderer};
use crate::view::{BookBrief, Brief, Document, Page};

/// Escapes text for Typst markup: every ASCII punctuation character is preceded by a
/// backslash (`\#`, `\$`, `\*`, `\_`, `\@`, `\<`, `\[`, `\\`, `\/`, `\=`, `\-`, `\.`...), which
/// Typst reads as that character, literally; line breaks and tabs become spaces. Letters,
/// digits and other characters pass unchanged (`\u` would start a Unicode escape, so letters
/// are never escaped).
#[derive(Debug, Clone, Copy)]
pub struct Typst;

impl askama::filters::Escaper for Typst {
    fn write_escaped_str<W: std::fmt::Write>(&self, mut dest: W, string: &str) -> std::fmt::Result {
        for c in string.chars() {
            match c {
                '\n' | '\r' | '\t' => dest.write_char(' ')?,
                c if c.is_ascii_punctuation() => {
                    dest.write_char('\\')?;
                    dest.write_char(c)?;
                }
                c => dest.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// Template filters for Typst.
mod filters {
    use askama::filters::Safe;

    /// A Typst string literal (`"..."`), for code positions such as a link's destination.
    #[askama::filter_fn]
    pub fn string(
        value: impl std::fmt::Display,
        _: &dyn askama::Values,
    ) -> askama::Result<Safe<String>> {
        Ok(Safe(jiha_data::escape::quoted(&value.to_string())))
    }
}

/// The page's margins, around the body where the brief flows; the running head and the page
/// number sit in the top and bottom ones.
#[derive(Debug, Clone, Copy)]
struct Margin {
    /// In millimetres, as every length below.
    top: f64,
    bottom: f64,
    x: f64,
}

const MARGIN: Margin = Margin {
    top: 24.0,
    bottom: 22.0,
    x: 20.0,
};

impl std::fmt::Display for Margin {
    /// As `page(margin)` takes them.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Margin { top, bottom, x } = self;
        write!(f, "(top: {top}mm, bottom: {bottom}mm, x: {x}mm)")
    }
}

/// The PDF metadata besides the title.
#[derive(Debug)]
struct Meta<'a> {
    author: &'a str,
    keywords: &'a [String],
    /// `(year, month, day)` of the edition.
    date: (i32, u32, u32),
}

/// Any brief as Typst source; `typst/brief.typ` picks the partial of its kind.
#[derive(Template)]
#[template(path = "typst/brief.typ", whitespace = "preserve")]
struct TypstDoc<'a> {
    page: &'a Page<'a>,
    meta: Meta<'a>,
    /// Whether the document is the whole book.
    book: bool,
    brief: &'a Brief,
    margin: Margin,
    /// The user's preamble ([`super::Style`]), after the built-in one.
    preamble: &'a str,
    /// The user's logo, for the book's cover.
    logo: Option<&'a Logo>,
}

/// The Typst source format.
#[derive(Debug, Clone, Copy)]
pub struct TypstSource {
    /// The user's style (`--style`): its preamble after the built-in one, its logo.
    pub style: &'static Style,
}

impl Renderer for TypstSource {
    fn render(&self, document: &Document) -> Result<Vec<u8>, RenderError> {
        Ok(source(document, self.style)?.into_bytes())
    }
}

/// The PDF format: the Typst source, compiled.
#[derive(Debug, Clone, Copy)]
pub struct Pdf {
    /// The user's style (`--style`): its preamble after the built-in one, its logo.
    pub style: &'static Style,
}

impl Renderer for Pdf {
    fn render(&self, document: &Document) -> Result<Vec<u8>, RenderError> {
        let source = source(document, self.style)?;
        pdf(&source, &document.entry.id, document.date)
    }
}

/// The line that ends the built-in preamble in every Typst source.
pub const PREAMBLE_END: &str = "// End of the preamble; the brief follows.\n";

/// The Typst source of a document, with the user's `style` added to the built-in one.
pub fn source(document: &Document, style: &Style) -> Result<String, RenderError> {
    // The metadata is plain text: the isolates that keep a Latin name upright in Arabic
    // lines (U+2066 and U+2069 around `jiha`) are for the page only.
    let author: String = (document.page.editor.chars())
        .filter(|c| !('\u{2066}'..='\u{2069}').contains(c))
        .collect();
    let doc = TypstDoc {
        page: &document.page,
        meta: Meta {
            // Who edited the dataset, in the edition's language: the analysis is theirs.
            author: &author,
            keywords: &document.keywords,
            date: document.date,
        },
        book: matches!(document.brief, Brief::Book(_)),
        brief: &document.brief,
        margin: MARGIN,
        preamble: &style.typst,
        logo: style.logo.as_ref(),
    };
    Ok(doc.render()?)
}

/// Lays Typst source out in pages, as [`pdf`] does before it writes them.
fn layout(world: &BriefWorld) -> Result<PagedDocument, RenderError> {
    typst::compile::<PagedDocument>(world)
        .output
        .map_err(|errors| RenderError::Typst(describe(world, &errors)))
}

/// Compiles Typst source to PDF. `ident` names the document stably across renders.
pub fn pdf(source: &str, ident: &str, date: (i32, u32, u32)) -> Result<Vec<u8>, RenderError> {
    let world = BriefWorld::new(source, date)?;
    let document = layout(&world)?;
    let timestamp =
        Datetime::from_ymd(date.0, date.1 as u8, date.2 as u8).map(typst_pdf::Timestamp::new_utc);
    // PDF/UA-1: Typst checks what it can of the standard (a tag tree, alternative texts, the
    // document's title and language, embedded fonts) and refuses to write a PDF that fails it.
    let standards = typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::Ua_1])
        .map_err(|e| RenderError::Typst(e.message().to_string()))?;
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(format!("jiha/{ident}")),
        creator: Smart::Custom(Some(format!("jiha {}", env!("CARGO_PKG_VERSION")))),
        timestamp,
        standards,
        ..typst_pdf::PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options)
        .map_err(|errors| RenderError::Typst(describe(&world, &errors)));
    drop(document);
    // Typst memoizes layout in caches that live as long as the process: without this, every
    // book laid out stays in memory until the render ends. What no compile has used since the
    // last two evictions goes; what the PDFs being compiled on other threads use stays.
    typst::comemo::evict(2);
    pdf
}

/// The world [`pdf`] compiles `source` in (that source alone, the embedded fonts, the
/// edition's date): the fuzz targets evaluate the generated source in it without laying it out.
pub fn world(source: &str, date: (i32, u32, u32)) -> Result<impl World + use<>, RenderError> {
    BriefWorld::new(source, date)
}

/// Typst's errors, each with the line of the generated source it is about.
fn describe(world: &BriefWorld, errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| {
            let line = world
                .range(e.span)
                .and_then(|r| world.source.text().get(..r.start))
                .map(|before| before.matches('\n').count() + 1);
            match line {
                Some(line) => format!("{} (generated Typst, line {line})", e.message),
                None => e.message.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The fonts of [`jiha_data::glyphs::pdf_fonts`], all compiled into the binary.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = jiha_data::glyphs::pdf_fonts()
        .into_iter()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// Loads the fonts and Typst's standard library on another thread, so that they are ready by
/// the time the first PDF is compiled: a render calls this before it loads the dataset.
pub fn prepare() {
    std::thread::spawn(|| {
        LazyLock::force(&FONTS);
        LazyLock::force(&LIBRARY);
    });
}

/// A world with one file, the generated source, and the embedded fonts.
struct BriefWorld {
    main: FileId,
    source: Source,
    today: Option<Datetime>,
}

impl BriefWorld {
    fn new(text: &str, date: (i32, u32, u32)) -> Result<BriefWorld, RenderError> {
        let path = VirtualPath::new("/brief.typ")
            .map_err(|e| RenderError::Typst(format!("virtual path: {e:?}")))?;
        let main = FileId::new(RootedPath::new(VirtualRoot::Project, path));
        Ok(BriefWorld {
            main,
            source: Source::new(main, text.to_string()),
            today: Datetime::from_ymd(date.0, date.1 as u8, date.2 as u8),
        })
    }
}

impl World for BriefWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            Ok(self.source.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main {
            Ok(Bytes::from_string(self.source.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}

#[cfg(test)]
mod makeup;

#[cfg(test)]
mod tests {
    use super::*;
    use askama::filters::Escaper;

    fn escape(text: &str) -> String {
        let mut out = String::new();
        Typst
            .write_escaped_str(&mut out, text)
            .expect("write to a String");
        out
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape("#set page(width: 1cm)"),
            "\\#set page\\(width\\: 1cm\\)"
        );
        assert_eq!(escape("*x* $y$ <z> @w"), "\\*x\\* \\$y\\$ \\<z\\> \\@w");
        assert_eq!(escape("a // b\n= c"), "a \\/\\/ b \\= c");
        assert_eq!(escape("\\u{41}"), "\\\\u\\{41\\}");
        assert_eq!(escape("Fès – 30,4 %"), "Fès – 30\\,4 \\%");
    }

    /// What Typst's parser makes of escaped text: only text, escapes and spaces.
    fn markup_kinds(escaped: &str) -> Vec<typst::syntax::SyntaxKind> {
        fn walk(node: &typst::syntax::SyntaxNode, kinds: &mut Vec<typst::syntax::SyntaxKind>) {
            kinds.push(node.kind());
            for child in node.children() {
                walk(child, kinds);
            }
        }
        let mut kinds = Vec::new();
        walk(&typst::syntax::parse(escaped), &mut kinds);
        kinds
    }

    proptest::proptest! {
        #[test]
        fn any_text_stays_text(text in "\\PC*") {
            use typst::syntax::SyntaxKind as K;
            let escaped = escape(&text);
            for kind in markup_kinds(&escaped) {
                proptest::prop_assert!(
                    matches!(kind, K::Markup | K::Text | K::Escape | K::Space),
                    "{kind:?} in {escaped:?}"
                );
            }
        }
    }

    #[test]
    fn hostile_title_compiles_to_its_own_text() {
        let title = "#set page(width: 1cm) *x* $y$ <z> @w // = [a] \\u{41}";
        let source = format!("#set text(font: \"Libertinus Serif\")\n{}", escape(title));
        let world = BriefWorld::new(&source, (2026, 1, 1)).expect("world");
        let document = typst::compile::<PagedDocument>(&world)
            .output
            .expect("compiles");
        assert_eq!(document.pages().len(), 1);
        let mut text = String::new();
        for (_, item) in document.pages()[0].frame.items() {
            if let typst::layout::FrameItem::Text(t) = item {
                text.push_str(&t.text);
            }
        }
        assert_eq!(text.replace(' ', ""), title.replace(' ', ""));
    }

    #[test]
    fn quoted_strings_read_back_in_typst() {
        fn string(node: &typst::syntax::SyntaxNode) -> Option<String> {
            match node.cast::<typst::syntax::ast::Str>() {
                Some(s) => Some(s.get().to_string()),
                None => node.children().find_map(string),
            }
        }
        for text in ["a\"b\\c", "line\nbreak\ttab\r", "\u{1}é « »"] {
            let source = format!("#{}", jiha_data::escape::quoted(text));
            assert_eq!(
                string(&typst::syntax::parse(&source)).as_deref(),
                Some(text)
            );
        }
    }
}
