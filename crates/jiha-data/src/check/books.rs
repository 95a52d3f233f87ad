//! Books made to measure (`books` in `dataset.ron`): their ids among the briefs', and
//! chapters that name briefs that exist, each once.

use super::*;
use crate::model::{Book, Chapter};

/// What the rules on books can find.
#[derive(Debug, Clone, PartialEq)]
pub enum BookFinding {
    /// A book's id that is also a proposal's or a region's: they share the briefs' ids.
    IsBrief { id: String, kind: IdKind },
    /// A chapter `Briefs([])`, the `chapter`-th of book `book` (from 1).
    EmptyChapter { book: String, chapter: usize },
    /// A book named as a brief of a book: `book` (the whole book) or one of `books`.
    BookInBook { id: String },
    /// A brief named a second time in book `book`; `first_at` is where it is first
    /// (`file:line:col`), by a region's chapter if `by_region`: a brief is printed once in a
    /// book.
    Twice {
        id: String,
        book: String,
        first_at: String,
        by_region: bool,
    },
}

impl Describe for BookFinding {
    fn message(&self) -> String {
        match self {
            BookFinding::IsBrief { id, kind } => format!("book id `{id}` is also a {kind} id"),
            BookFinding::EmptyChapter { book, chapter } => {
                format!("chapter {chapter} of book `{book}` names no brief")
            }
            BookFinding::BookInBook { id } => {
                format!("`{id}` is a book, and a book cannot hold a book")
            }
            BookFinding::Twice { id, book, .. } => {
                format!("brief `{id}` is named twice in book `{book}`")
            }
        }
    }

    fn label(&self) -> Option<String> {
        match self {
            BookFinding::Twice { .. } => Some("named again here".to_string()),
            _ => None,
        }
    }

    fn help(&self) -> Option<String> {
        Some(match self {
            BookFinding::IsBrief { .. } => {
                "brief ids are shared by proposals, regions and books; choose another id"
                    .to_string()
            }
            BookFinding::EmptyChapter { .. } => {
                "name the briefs it holds, `Briefs([\"overview\", ...])` (`jiha list` shows their ids), or remove the chapter".to_string()
            }
            BookFinding::BookInBook { .. } => {
                "a book holds the overview, proposals and regions: name those briefs instead (`jiha list` shows their ids)".to_string()
            }
            BookFinding::Twice {
                id,
                first_at,
                by_region,
                ..
            } => format!(
                "a brief is printed once in a book; `{id}` is first named at {first_at}{}",
                if *by_region {
                    ", by its region's chapter, which holds the region's brief"
                } else {
                    ""
                }
            ),
        })
    }
}

impl Checker<'_> {
    /// The books of `dataset.ron`: ids unique among briefs, titles, and chapters that name
    /// existing briefs, each once in its book.
    pub(super) fn check_books(&mut self, meta: &Parsed<Meta>, refs: &Refs) {
        let books = &meta.value.books;
        let ids = self.ids(meta, "books", IdKind::Book, books.iter().map(|b| &b.id));
        self.check_books_not_briefs(meta, refs);
        for (i, book) in books.iter().enumerate() {
            let path = format!("books[{i}]");
            self.text_as(meta, &format!("{path}.title"), &book.title, Field::Title);
            let chapters = format!("{path}.chapters");
            self.non_empty(meta, &chapters, &book.chapters, "the list of chapters");
            self.check_chapters(meta, &chapters, book, &ids, refs);
        }
    }

    /// No book takes a proposal's or a region's id: each names a brief.
    pub(super) fn check_books_not_briefs(&mut self, meta: &Parsed<Meta>, refs: &Refs) {
        for (i, book) in meta.value.books.iter().enumerate() {
            let kind = if refs.regions.as_ref().is_some_and(|r| r.contains(&book.id)) {
                IdKind::Region
            } else if refs
                .proposals
                .as_ref()
                .is_some_and(|p| p.contains(&book.id))
            {
                IdKind::Proposal
            } else {
                continue;
            };
            let id = book.id.clone();
            self.report(
                meta,
                &format!("books[{i}].id"),
                BookFinding::IsBrief { id, kind },
            );
        }
    }

    /// The chapters of `book`, at `path`: each names briefs that exist and are no book, and
    /// no brief is named twice in the book.
    fn check_chapters(
        &mut self,
        meta: &Parsed<Meta>,
        path: &str,
        book: &Book,
        books: &BTreeSet<String>,
        refs: &Refs,
    ) {
        // Every brief the book names, where, and whether by a region's chapter, in order.
        let mut named: Vec<(&str, String, bool)> = Vec::new();
        for (j, chapter) in book.chapters.iter().enumerate() {
            let at = format!("{path}[{j}].0");
            match chapter {
                Chapter::Region(region) => {
                    self.reference(meta, &at, IdKind::Region, region, refs);
                    named.push((region, at, true));
                }
                Chapter::Briefs(briefs) => {
                    if briefs.is_empty() {
                        let book = book.id.clone();
                        let finding = BookFinding::EmptyChapter {
                            book,
                            chapter: j + 1,
                        };
                        self.report(meta, &format!("{path}[{j}]"), finding);
                    }
                    for (k, brief) in briefs.iter().enumerate() {
                        let at = format!("{at}[{k}]");
                        // An id both a book's and a brief's is reported on the book.
                        let is_brief = refs.briefs.as_ref().is_some_and(|b| b.contains(brief));
                        if brief == BOOK_ID || (books.contains(brief) && !is_brief) {
                            let id = brief.clone();
                            self.report(meta, &at, BookFinding::BookInBook { id });
                        } else {
                            self.reference(meta, &at, IdKind::Brief, brief, refs);
                        }
                        named.push((brief, at, false));
                    }
                }
            }
        }
        let mut first: HashMap<&str, (&str, bool)> = HashMap::new();
        for (id, at, by_region) in &named {
            match first.get(id) {
                Some(&(first, by_region)) => {
                    let first_at = self.position(&meta.file, self.span(meta, first));
                    let (id, book) = (id.to_string(), book.id.clone());
                    let finding = BookFinding::Twice {
                        id,
                        book,
                        first_at,
                        by_region,
                    };
                    self.report(meta, at, finding);
                }
                None => {
                    first.insert(id, (at, *by_region));
                }
            }
        }
    }
}
