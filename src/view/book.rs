//! The book: every brief in one document, with a table of contents, the sources, the glossary and the colophon.

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

/// The complete book.
#[derive(Debug, Clone)]
pub struct BookView {
    /// The cover's kicker line: `Dossier d'information · jiha`.
    pub kicker: String,
    pub title: String,
    pub subtitle: String,
    pub edition: String,
    pub publisher: String,
    pub toc: Vec<TocEntry>,
    pub overview: OverviewView,
    pub proposals_note: String,
    pub proposals: Vec<ProposalView>,
    pub regions: Vec<RegionView>,
    pub sources: Vec<SourceView>,
    pub glossary: Vec<TermView>,
    pub credits: Vec<CreditView>,
    /// The colophon's last line, with the edition date.
    pub produced: String,
}

impl<'a> Views<'a> {
    pub fn book(&self) -> BookView {
        let (d, l, locale) = (self.dataset, &self.labels, self.locale);
        let links = Links::Anchors;
        let mut citations = Citations::all(d);
        let overview = self.overview_with(links, &mut citations);
        let proposals: Vec<ProposalView> = d
            .proposals()
            .iter()
            .map(|p| self.proposal_with(p, links, &mut citations))
            .collect();
        let regions: Vec<RegionView> = d
            .territories()
            .regions
            .iter()
            .map(|r| self.region_with(r, links, &mut citations))
            .collect();
        let meta = d.meta();
        let glossary = meta
            .glossary
            .iter()
            .map(|t| TermView {
                term: self.text(&t.term),
                definition: self.text(&t.definition),
                source: t.source.map(|s| citations.cite(s)),
            })
            .collect();
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
        let toc = self.toc(&proposals, &regions);
        let sources = self.source_list(citations.listed());
        let edition = locale.date(meta.edition);
        BookView {
            kicker: kicker(&[&l.dossier, "jiha"]),
            title: self.text(&meta.title),
            subtitle: self.text(&meta.subtitle),
            produced: fill(&l.produced, &[("date", &edition)]),
            edition,
            publisher: self.text(&meta.publisher),
            toc,
            overview,
            proposals_note: fill(&l.proposals_note, &[("n", &proposals.len().to_string())]),
            proposals,
            regions,
            sources,
            glossary,
            credits,
        }
    }

    /// The book's table of contents: the parts, with each proposal and region under theirs.
    fn toc(&self, proposals: &[ProposalView], regions: &[RegionView]) -> Vec<TocEntry> {
        let l = &self.labels;
        let anchor = |kind: BriefKind, id: &str| format!("#{}", kind.anchor(id));
        let entry = |title: &str, href: &str, children: Vec<TocEntry>| TocEntry {
            title: title.to_string(),
            href: href.to_string(),
            children,
        };
        vec![
            entry(&l.overview, "#overview", Vec::new()),
            entry(
                &l.proposals,
                "#proposals",
                proposals
                    .iter()
                    .map(|p| {
                        entry(
                            &format!("{}. {}", p.number, p.title),
                            &anchor(BriefKind::Proposal, &p.id),
                            Vec::new(),
                        )
                    })
                    .collect(),
            ),
            entry(
                &l.regions,
                "#regions",
                regions
                    .iter()
                    .map(|r| {
                        entry(
                            &format!("{} ({})", r.name, r.hcp_code),
                            &anchor(BriefKind::Region, &r.id),
                            Vec::new(),
                        )
                    })
                    .collect(),
            ),
            entry(&l.sources, "#sources", Vec::new()),
            entry(&l.glossary, "#glossary", Vec::new()),
            entry(&l.colophon, "#colophon", Vec::new()),
        ]
    }
}
