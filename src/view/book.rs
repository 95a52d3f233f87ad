//! The book: briefs in one document, with a table of contents, the sources, the glossary and
//! the colophon; the whole book, or one made to measure (a region, a list of briefs, the
//! chapters of a book of the dataset).

use super::*;

/// A glossary entry.
#[derive(Debug, Clone)]
pub struct TermView {
    pub term: String,
    pub definition: String,
    pub source: Option<usize>,
}

/// A credit line of the colophon.
#[derive(Debug, Clone)]
pub struct CreditView {
    pub work: String,
    pub holder: String,
    pub licence: String,
    pub url: Option<String>,
    pub changes: Option<String>,
}

/// An entry of the book's table of contents.
#[derive(Debug, Clone)]
pub struct TocEntry {
    pub title: String,
    pub href: String,
    pub children: Vec<TocEntry>,
}

/// What a book holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// The whole book: the overview, then every proposal and every region, each kind in a part
    /// of its own; every source of the dataset, numbered in the order of `sources.ron`.
    Everything,
    /// A book made to measure: these chapters, in order. A brief is printed once, in the
    /// first chapter that holds it; the sources are those the book cites, numbered in the
    /// order of `sources.ron`.
    Chapters(Vec<Chapter>),
}

/// A brief as a book prints it.
#[derive(Debug, Clone)]
// A book holds a few dozen briefs, each built once: boxing them would save nothing worth
// the indirection.
#[allow(clippy::large_enum_variant)]
pub enum BookBrief {
    Overview(OverviewView),
    Proposal(ProposalView),
    Region(RegionView),
}

/// Briefs of a book under a heading of their own, or at the top level of its contents.
#[derive(Debug, Clone)]
pub struct PartView {
    pub heading: Option<PartHeading>,
    pub briefs: Vec<BookBrief>,
}

/// The heading of a part of a book.
#[derive(Debug, Clone)]
pub struct PartHeading {
    /// Unique in the book.
    pub anchor: String,
    pub title: String,
    pub note: Option<String>,
}

/// A book: its cover, contents, briefs, sources, glossary and colophon.
#[derive(Debug, Clone)]
pub struct BookView {
    /// The cover's kicker line: `Dossier d'information · jiha`.
    pub kicker: String,
    pub title: String,
    pub subtitle: String,
    pub edition: String,
    pub publisher: String,
    pub toc: Vec<TocEntry>,
    pub parts: Vec<PartView>,
    /// The annex of every province and préfecture (the whole book only).
    pub provinces: Option<ProvinceTable>,
    pub sources: Vec<SourceView>,
    pub glossary: Vec<TermView>,
    pub credits: Vec<CreditView>,
    /// The colophon's last line, with the edition date.
    pub produced: String,
}

/// The anchor of the book's annex of every province.
pub const ANNEX: &str = "provinces-annex";

/// A part of a book before its briefs are built: what it holds.
struct Part {
    heading: Option<PartHeading>,
    briefs: Vec<BriefRef>,
}

impl<'a> Views<'a> {
    /// The book `selection` holds, titled `title` (its entry's).
    pub fn book(&self, selection: &Selection, title: &str) -> BookView {
        let (d, l, locale) = (self.dataset, &self.labels, self.locale);
        let layout = self.layout(selection);
        let held = Held {
            anchors: (layout.iter())
                .flat_map(|p| &p.briefs)
                .map(|&b| self.anchor(b))
                .collect(),
        };
        let links = Links::Anchors { held: &held };
        let mut citations = match selection {
            Selection::Everything => Citations::all(d),
            Selection::Chapters(_) => {
                // A first build finds what the book cites, to number it in the order of
                // `sources.ron`, as the whole book does.
                let mut cited = Citations::default();
                self.parts(&layout, links, &mut cited);
                self.glossary(&mut cited);
                Citations::of(d, cited.listed().into_iter().map(|(_, s)| s))
            }
        };
        let parts = self.parts(&layout, links, &mut citations);
        let glossary = self.glossary(&mut citations);
        let provinces = (*selection == Selection::Everything && !d.provinces().is_empty())
            .then(|| self.provinces_annex(links, &mut citations.brief()));
        let meta = d.meta();
        let credits = meta
            .credits
            .iter()
            .map(|c| CreditView {
                work: self.text(&c.work),
                holder: self.text(&c.holder),
                licence: c.licence.clone(),
                url: c.url.clone(),
                changes: c.changes.as_ref().map(|t| self.text(t)),
            })
            .collect();
        let toc = self.toc(&parts, provinces.is_some());
        let sources = self.source_list(citations.listed());
        let edition = locale.date(meta.edition);
        // A book made to measure names the dataset under its own title.
        let dataset_title = self.text(&meta.title);
        let subtitle = if title == dataset_title {
            self.text(&meta.subtitle)
        } else {
            dataset_title
        };
        BookView {
            kicker: kicker(&[&l.dossier, "jiha"]),
            title: title.to_string(),
            subtitle,
            produced: fill(&l.produced, &[("date", &edition)]),
            edition,
            publisher: self.text(&meta.publisher),
            toc,
            parts,
            provinces,
            sources,
            glossary,
            credits,
        }
    }

    /// The parts of the book `selection` holds, and the briefs of each: the one place that
    /// decides what a book holds and in which order.
    fn layout(&self, selection: &Selection) -> Vec<Part> {
        let (d, l) = (self.dataset, &self.labels);
        let heading = |anchor: String, title: &str, note: Option<String>| {
            Some(PartHeading {
                anchor,
                title: title.to_string(),
                note,
            })
        };
        let chapters = match selection {
            Selection::Everything => {
                let proposals: Vec<BriefRef> = d.proposal_refs().map(BriefRef::Proposal).collect();
                let regions = (d.territories().regions.iter())
                    .map(|r| BriefRef::Region(r.key))
                    .collect();
                let note = fill(&l.proposals_note, &[("n", &proposals.len().to_string())]);
                return vec![
                    Part {
                        heading: None,
                        briefs: vec![BriefRef::Overview],
                    },
                    Part {
                        heading: heading("proposals".into(), &l.proposals, Some(note)),
                        briefs: proposals,
                    },
                    Part {
                        heading: heading(
                            "regions".into(),
                            &l.regions,
                            Some(l.regions_note.clone()),
                        ),
                        briefs: regions,
                    },
                ];
            }
            Selection::Chapters(chapters) => chapters,
        };
        let mut held = BTreeSet::new();
        let mut parts = Vec::new();
        let mut part = |heading: Option<PartHeading>, briefs: Vec<BriefRef>| {
            let briefs: Vec<BriefRef> = briefs.into_iter().filter(|&b| held.insert(b)).collect();
            if !briefs.is_empty() {
                parts.push(Part { heading, briefs });
            }
        };
        for chapter in chapters {
            match chapter {
                Chapter::Region(r) => {
                    let region = d.region(*r);
                    let (id, name) = (&region.id, self.region_name(region));
                    let proposals = |concern| {
                        let refs = d.concerning(*r, concern).into_iter();
                        refs.map(BriefRef::Proposal).collect()
                    };
                    // Under the region's brief: the proposals that name it, then those that
                    // concern it as they concern every region; each part's note names it.
                    part(None, vec![BriefRef::Region(*r)]);
                    part(
                        heading(
                            format!("proposals-naming-{id}"),
                            &l.proposals_naming,
                            Some(name.to_string()),
                        ),
                        proposals(Concern::Named),
                    );
                    part(
                        heading(
                            format!("national-proposals-{id}"),
                            &l.national_proposals,
                            Some(name.to_string()),
                        ),
                        proposals(Concern::Nationwide),
                    );
                }
                Chapter::Briefs(briefs) => part(None, briefs.clone()),
            }
        }
        parts
    }

    /// The briefs of each part, built, their sources cited in `citations`.
    fn parts(&self, layout: &[Part], links: Links, citations: &mut Citations) -> Vec<PartView> {
        let d = self.dataset;
        layout
            .iter()
            .map(|part| PartView {
                heading: part.heading.clone(),
                briefs: (part.briefs.iter())
                    .map(|&brief| match brief {
                        BriefRef::Overview => {
                            BookBrief::Overview(self.overview_with(links, citations))
                        }
                        BriefRef::Proposal(p) => {
                            BookBrief::Proposal(self.proposal_with(d.proposal(p), links, citations))
                        }
                        BriefRef::Region(r) => {
                            BookBrief::Region(self.region_with(d.region(r), links, citations))
                        }
                    })
                    .collect(),
            })
            .collect()
    }

    /// The glossary, its sources cited in `citations`.
    fn glossary(&self, citations: &mut Citations) -> Vec<TermView> {
        (self.dataset.meta().glossary.iter())
            .map(|t| TermView {
                term: self.text(&t.term),
                definition: self.text(&t.definition),
                source: t.source.map(|s| citations.cite(s)),
            })
            .collect()
    }

    /// The anchor of `brief` in a book.
    fn anchor(&self, brief: BriefRef) -> String {
        let d = self.dataset;
        match brief {
            BriefRef::Overview => BriefKind::Overview.anchor(OVERVIEW_ID),
            BriefRef::Proposal(p) => BriefKind::Proposal.anchor(&d.proposal(p).id),
            BriefRef::Region(r) => BriefKind::Region.anchor(&d.region(r).id),
        }
    }

    /// The book's table of contents: its parts, each brief under its part or at the top
    /// level, then the sources, the glossary and the colophon.
    fn toc(&self, parts: &[PartView], annex: bool) -> Vec<TocEntry> {
        let l = &self.labels;
        let entry = |title: &str, href: &str, children: Vec<TocEntry>| TocEntry {
            title: title.to_string(),
            href: href.to_string(),
            children,
        };
        let brief = |b: &BookBrief| match b {
            BookBrief::Overview(_) => entry(
                &l.overview,
                &format!("#{}", BriefKind::Overview.anchor(OVERVIEW_ID)),
                Vec::new(),
            ),
            BookBrief::Proposal(p) => entry(
                &format!("{}. {}", p.number, p.title),
                &format!("#{}", p.anchor),
                Vec::new(),
            ),
            BookBrief::Region(r) => entry(
                &format!("{} ({})", r.name, r.hcp_code),
                &format!("#{}", r.anchor),
                Vec::new(),
            ),
        };
        let mut toc = Vec::new();
        for part in parts {
            let briefs = part.briefs.iter().map(brief);
            match &part.heading {
                Some(h) => toc.push(entry(&h.title, &format!("#{}", h.anchor), briefs.collect())),
                None => toc.extend(briefs),
            }
        }
        if annex {
            toc.push(entry(&l.provinces_annex, &format!("#{ANNEX}"), Vec::new()));
        }
        toc.extend([
            entry(&l.sources, "#sources", Vec::new()),
            entry(&l.glossary, "#glossary", Vec::new()),
            entry(&l.colophon, "#colophon", Vec::new()),
        ]);
        toc
    }
}
