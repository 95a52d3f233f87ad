//! What `render` and `show` will do, decided once from the command line and the dataset
//! before any brief is built: where the output goes, which briefs in which languages, and the
//! file each format writes.

use std::path::PathBuf;

use jiha_data::check::BOOK_ID;
use jiha_data::checked::{Chapter, Concern, Dataset};

use crate::error::{Error, Unmatched};
use crate::render::{Format, Options};
use crate::view::{BriefEntry, BriefKind, Views, Written};

/// Where the rendered files go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// Under this directory, one folder per language.
    Dir(PathBuf),
    /// To standard output: one brief, one format, one language.
    Stdout,
}

impl Output {
    /// `-` is standard output; anything else a directory.
    pub fn from_arg(path: PathBuf) -> Output {
        if path.as_os_str() == "-" {
            Output::Stdout
        } else {
            Output::Dir(path)
        }
    }
}

/// What the command line asks for, before the dataset is read.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    pub output: Output,
    /// Brief ids, in the order given; none means every brief.
    pub ids: &'a [String],
    /// Kinds of brief; none means every kind.
    pub kinds: &'a [BriefKind],
    /// Formats as given (each value of `--format` may name several); none means the default.
    pub formats: Vec<Format>,
    /// Languages as given, or `all`; none means the default.
    pub langs: &'a [String],
    /// The regions of a book made to measure (`--region`), each a chapter.
    pub regions: &'a [String],
    /// The briefs of a book made to measure (`--briefs`), a chapter after the regions'.
    pub briefs: &'a [String],
    pub options: Options,
}

/// One file to write: a format, and its path under the output directory.
#[derive(Debug, Clone)]
pub struct Target {
    pub format: Format,
    /// `<lang>/<stem>.<extension>`.
    pub path: String,
}

/// One brief in one language, built once and laid out in every format of its targets.
#[derive(Debug, Clone)]
pub struct Job {
    /// Index of its edition in [`Plan::editions`].
    pub edition: usize,
    pub entry: BriefEntry,
    pub targets: Vec<Target>,
}

/// Everything a render will do.
#[derive(Debug)]
pub struct Plan<'d> {
    pub output: Output,
    /// The views of each language asked for, in the dataset's order.
    pub editions: Vec<Views<'d>>,
    /// The HTML briefs written in each edition, which the others may link to.
    pub written: Vec<Written>,
    pub jobs: Vec<Job>,
    pub options: Options,
}

impl<'d> Plan<'d> {
    /// Resolves a request against the dataset: languages, briefs and formats, with the
    /// defaults of the output (HTML and PDF in every language to a directory; HTML in the
    /// original language to standard output). Standard output takes exactly one file.
    pub fn new(dataset: &'d Dataset, request: &Request) -> Result<Plan<'d>, Error> {
        let to_stdout = request.output == Output::Stdout;
        let formats = formats(&request.formats, to_stdout);
        let default_langs = if to_stdout {
            std::slice::from_ref(&dataset.meta().original)
        } else {
            dataset.meta().languages.as_slice()
        };
        let langs = languages(dataset, request.langs, default_langs)?;
        if to_stdout && langs.len() != 1 {
            return Err(one_only(request.ids.len(), formats.len(), langs.len()));
        }
        let made_to_measure = chapters(dataset, request)?;
        let editions: Vec<Views<'d>> = langs
            .into_iter()
            .map(|lang| views(dataset, lang))
            .collect::<Result<_, _>>()?;
        let mut jobs = Vec::new();
        for (edition, views) in editions.iter().enumerate() {
            let entries = match &made_to_measure {
                Some(chapters) => vec![views.made_to_measure(chapters.clone())],
                None => {
                    let all = views.briefs();
                    let selected = select(&all, request.ids)?.into_iter().cloned();
                    selected.filter(|e| wanted(request, e.kind)).collect()
                }
            };
            for entry in entries {
                let targets = formats
                    .iter()
                    .map(|&format| Target {
                        format,
                        path: format!("{}/{}.{}", views.lang(), entry.stem, format.extension()),
                    })
                    .collect();
                jobs.push(Job {
                    edition,
                    entry,
                    targets,
                });
            }
        }
        if jobs.is_empty() {
            return Err(nothing_selected(request));
        }
        if to_stdout && (jobs.len() != 1 || formats.len() != 1) {
            return Err(one_only(jobs.len(), formats.len(), 1));
        }
        let written = (0..editions.len())
            .map(|edition| written(&jobs, edition, &request.output))
            .collect();
        Ok(Plan {
            output: request.output.clone(),
            editions,
            written,
            jobs,
            options: request.options,
        })
    }

    /// How many files the plan makes.
    pub fn files(&self) -> usize {
        self.jobs.iter().map(|j| j.targets.len()).sum()
    }
}

/// Whether a brief of `kind` is asked for: one of the kinds given; without them, any kind
/// when ids are given, and every kind but the provinces' (75 briefs more per language, which
/// `--kind province` or their ids ask for) when nothing is.
fn wanted(request: &Request, kind: BriefKind) -> bool {
    if request.kinds.is_empty() {
        !request.ids.is_empty() || kind != BriefKind::Province
    } else {
        request.kinds.contains(&kind)
    }
}

/// The HTML files `jobs` write in `edition`: none on standard output, where a brief stands
/// alone.
fn written(jobs: &[Job], edition: usize, output: &Output) -> Written {
    if *output == Output::Stdout {
        return Written::default();
    }
    Written::new(
        jobs.iter()
            .filter(|j| j.edition == edition && j.targets.iter().any(|t| t.format == Format::Html))
            .map(|j| j.entry.stem.clone()),
    )
}

/// The formats asked for, each once, in a fixed order; the output's default when none is.
fn formats(requested: &[Format], to_stdout: bool) -> Vec<Format> {
    let mut formats = if requested.is_empty() {
        if to_stdout {
            vec![Format::Html]
        } else {
            vec![Format::Html, Format::Pdf]
        }
    } else {
        requested.to_vec()
    };
    formats.sort();
    formats.dedup();
    formats
}

/// A selection that matches no brief is a mistake to say, not a silent success.
fn nothing_selected(request: &Request) -> Error {
    let kinds: Vec<&str> = request.kinds.iter().map(|k| k.name()).collect();
    Error::Usage(format!(
        "none of the briefs named ({}) is of the kind asked for ({}); nothing to render\nhelp: `jiha list` shows each brief's id and kind",
        request.ids.join(", "),
        kinds.join(", ")
    ))
}

/// The chapters of the book made to measure that `--region` and `--briefs` name, each
/// checked against the dataset; `None` when neither is given. Such a book is rendered alone,
/// as `book`: no other brief id and no other kind may be asked for with it.
fn chapters(dataset: &Dataset, request: &Request) -> Result<Option<Vec<Chapter>>, Error> {
    if request.regions.is_empty() && request.briefs.is_empty() {
        return Ok(None);
    }
    if request.ids.iter().any(|id| id != BOOK_ID) {
        return Err(Error::Usage(format!(
            "`--region` and `--briefs` make the book alone, but other briefs are named ({})\nhelp: name no id, or `book`: `jiha render book --region souss-massa`",
            request.ids.join(", ")
        )));
    }
    if request.kinds.iter().any(|&k| k != BriefKind::Book) {
        return Err(Error::Usage(
            "`--region` and `--briefs` make the book alone, but other kinds are asked for\nhelp: drop `--kind`".to_string(),
        ));
    }
    // Each id once, as `render ID...` takes them; `a,,b` and a trailing comma name nothing
    // more, and an empty list is refused below.
    let named = |ids: &'_ [String]| -> Vec<String> {
        let mut named: Vec<String> = Vec::new();
        for id in ids.iter().filter(|id| !id.is_empty()) {
            if !named.contains(id) {
                named.push(id.clone());
            }
        }
        named
    };
    let (regions, briefs) = (named(request.regions), named(request.briefs));
    for (flag, given, ids) in [
        ("--region", request.regions, &regions),
        ("--briefs", request.briefs, &briefs),
    ] {
        if !given.is_empty() && ids.is_empty() {
            return Err(Error::Unmatched(Unmatched::NoId { flag }));
        }
    }
    let mut chapters = Vec::new();
    for id in &regions {
        let Some(region) = dataset.region_id(id) else {
            let known: Vec<String> = dataset
                .territories()
                .regions
                .iter()
                .map(|r| r.id.clone())
                .collect();
            return Err(Error::Unmatched(Unmatched::UnknownRegion {
                id: id.clone(),
                suggestion: jiha_data::check::closest(id, &known).cloned(),
                known,
            }));
        };
        let concerned = [Concern::Named, Concern::Nationwide]
            .into_iter()
            .any(|concern| !dataset.concerning(region, concern).is_empty());
        if !concerned {
            let region = id.clone();
            return Err(Error::Unmatched(Unmatched::NoProposal { region }));
        }
        chapters.push(Chapter::Region(region));
    }
    if !briefs.is_empty() {
        let refs = briefs
            .iter()
            .map(|id| {
                dataset.brief(id).ok_or_else(|| {
                    let is_book = id == BOOK_ID || dataset.meta().books.iter().any(|b| &b.id == id);
                    if is_book {
                        return Error::Unmatched(Unmatched::Book { id: id.clone() });
                    }
                    let known = dataset.brief_ids();
                    Error::UnknownBrief {
                        id: id.clone(),
                        suggestion: jiha_data::check::closest(id, &known).cloned(),
                    }
                })
            })
            .collect::<Result<_, _>>()?;
        chapters.push(Chapter::Briefs(refs));
    }
    Ok(Some(chapters))
}

/// `-o -` takes one brief, one format, one language.
fn one_only(briefs: usize, formats: usize, langs: usize) -> Error {
    Error::Usage(format!(
        "`-o -` writes one brief in one format and one language to standard output, but {briefs} brief(s), {formats} format(s) and {langs} language(s) are selected; name one id, one --format and one --lang"
    ))
}

/// The languages `requested` names, checked against the dataset's; `default` when none is
/// named; every one for `all`. In the dataset's order, each once.
pub fn languages<'d>(
    dataset: &'d Dataset,
    requested: &[String],
    default: &'d [String],
) -> Result<Vec<&'d str>, Error> {
    let known = &dataset.meta().languages;
    let chosen: &[String] = if requested.is_empty() {
        default
    } else {
        requested
    };
    for lang in chosen {
        if lang != "all" && !known.contains(lang) {
            return Err(Error::UnknownLanguage {
                lang: lang.clone(),
                known: known.clone(),
            });
        }
    }
    let all = chosen.iter().any(|l| l == "all");
    Ok(known
        .iter()
        .filter(|l| all || chosen.contains(l))
        .map(String::as_str)
        .collect())
}

/// The views of `lang`, which [`languages`] has checked.
pub fn views<'d>(dataset: &'d Dataset, lang: &'d str) -> Result<Views<'d>, Error> {
    Views::new(dataset, lang).ok_or_else(|| Error::UnknownLanguage {
        lang: lang.to_string(),
        known: dataset.meta().languages.clone(),
    })
}

/// The briefs named by `ids`, in the order given, each once; all of them when none is given.
pub fn select<'a>(all: &'a [BriefEntry], ids: &[String]) -> Result<Vec<&'a BriefEntry>, Error> {
    if ids.is_empty() {
        return Ok(all.iter().collect());
    }
    let mut selected: Vec<&BriefEntry> = Vec::new();
    for id in ids {
        let Some(entry) = all.iter().find(|e| &e.id == id) else {
            let known: Vec<String> = all.iter().map(|e| e.id.clone()).collect();
            return Err(Error::UnknownBrief {
                id: id.clone(),
                suggestion: jiha_data::check::closest(id, &known).cloned(),
            });
        };
        if !selected.iter().any(|e| e.id == entry.id) {
            selected.push(entry);
        }
    }
    Ok(selected)
}
