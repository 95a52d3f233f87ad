//! Proposals: ids matching file names, order, scope, regions, actors, figures and sources.

use super::*;

/// What the rules on proposals can find.
#[derive(Debug, Clone, PartialEq)]
pub enum ProposalFinding {
    /// A proposal whose id is not its file's name (`stem.ron`).
    FileName { id: String, stem: String },
    /// A proposal whose id is also a region's: they share the briefs' ids.
    IsRegion { id: String },
    /// Two proposals with one id; `other` is the other's file.
    Duplicate { id: String, other: String },
    /// Two proposals in one position; `other` is the other's id.
    OrderTwice { order: u32, other: String },
    /// A frame item no proposal names (a warning).
    FrameUnused { id: String },
}

impl Describe for ProposalFinding {
    fn severity(&self) -> Severity {
        match self {
            ProposalFinding::FrameUnused { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    fn message(&self) -> String {
        match self {
            ProposalFinding::FileName { id, stem } => {
                format!("proposal id `{id}` does not match its file name `{stem}.ron`")
            }
            ProposalFinding::IsRegion { id } => format!("proposal id `{id}` is also a region id"),
            ProposalFinding::Duplicate { id, .. } => format!("duplicate proposal id `{id}`"),
            ProposalFinding::OrderTwice { order, other } => {
                format!("order {order} is also that of proposal `{other}`")
            }
            ProposalFinding::FrameUnused { id } => {
                format!("frame item `{id}` is named by no proposal")
            }
        }
    }

    fn label(&self) -> Option<String> {
        match self {
            ProposalFinding::FrameUnused { .. } => Some("never printed".to_string()),
            _ => None,
        }
    }

    fn help(&self) -> Option<String> {
        Some(match self {
            ProposalFinding::FileName { id, stem } => {
                format!("rename the file to `{id}.ron`, or set `id: \"{stem}\"`")
            }
            ProposalFinding::IsRegion { .. } => {
                "brief ids are shared by proposals and regions; choose another id".to_string()
            }
            ProposalFinding::Duplicate { other, .. } => format!("`{other}` has the same id"),
            ProposalFinding::OrderTwice { .. } => {
                "give each proposal its own position in the briefs".to_string()
            }
            ProposalFinding::FrameUnused { id } => format!(
                "a frame item is printed in the briefs of the proposals that name it: add `\"{id}\"` to the `frame` of a proposal it bears on, or remove it"
            ),
        })
    }
}

impl Checker<'_> {
    /// Every proposal, and their ids and orders against each other's.
    pub(super) fn check_proposals(
        &mut self,
        proposals: &[(Parsed<Proposal>, String)],
        labels: Option<&BTreeMap<String, Labels>>,
        refs: &Refs,
    ) {
        let mut ids: HashMap<String, String> = HashMap::new();
        let mut orders: HashMap<u32, String> = HashMap::new();
        for (parsed, stem) in proposals {
            let p = &parsed.value;
            self.check_proposal_id(parsed, stem, refs);
            if let Some(other) = ids.insert(p.id.clone(), parsed.file.clone()) {
                let id = p.id.clone();
                self.report(parsed, "id", ProposalFinding::Duplicate { id, other });
            }
            if let Some(other) = orders.insert(p.order, p.id.clone()) {
                let order = p.order;
                self.report(
                    parsed,
                    "order",
                    ProposalFinding::OrderTwice { order, other },
                );
            }
            self.check_proposal_texts(parsed);
            if let Some(labels) = labels {
                self.check_stance(parsed, labels);
            }
            self.check_proposal_refs(parsed, refs);
        }
    }

    /// A proposal's id: a slug, not reserved, its file's name, no region's.
    fn check_proposal_id(&mut self, parsed: &Parsed<Proposal>, stem: &str, refs: &Refs) {
        let id = &parsed.value.id;
        self.check_id(parsed, "id", IdKind::Proposal, id);
        if id != stem {
            let (id, stem) = (id.clone(), stem.to_string());
            self.report(parsed, "id", ProposalFinding::FileName { id, stem });
        }
        self.check_not_a_region(parsed, refs);
    }

    /// A proposal's id is no region's: both name a brief.
    pub(super) fn check_not_a_region(&mut self, parsed: &Parsed<Proposal>, refs: &Refs) {
        let id = &parsed.value.id;
        if refs.regions.as_ref().is_some_and(|r| r.contains(id)) {
            let id = id.clone();
            self.report(parsed, "id", ProposalFinding::IsRegion { id });
        }
    }

    /// A proposal's texts and lists of texts.
    fn check_proposal_texts(&mut self, parsed: &Parsed<Proposal>) {
        let p = &parsed.value;
        for (field, text, kind) in [
            ("title", &p.title, Field::Title),
            ("short_title", &p.short_title, Field::Title),
            ("context", &p.context, Field::Paragraph),
            ("relevance", &p.relevance, Field::Paragraph),
        ] {
            self.text_as(parsed, field, text, kind);
        }
        self.said(parsed, "summary", &p.summary, Field::Paragraph);
        self.saids(parsed, "said", &p.said, Field::Paragraph);
        self.non_empty(parsed, "said", &p.said, "the list of what the speaker said");
        for (field, list, what) in [
            ("attention", &p.attention, "the list of points of attention"),
            ("questions", &p.questions, "the list of open questions"),
        ] {
            self.texts_as(parsed, field, list, Field::Line);
            self.non_empty(parsed, field, list, what);
        }
    }

    /// A proposal's regions, actors, figures and sources.
    fn check_proposal_refs(&mut self, parsed: &Parsed<Proposal>, refs: &Refs) {
        let p = &parsed.value;
        self.reference(parsed, "voice", IdKind::Voice, &p.voice, refs);
        self.reference(parsed, "theme", IdKind::Theme, &p.theme, refs);
        match &p.scope {
            Scope::Regions(regions) => {
                self.non_empty(parsed, "scope", regions, "the list of regions");
                for (i, region) in regions.iter().enumerate() {
                    let path = format!("scope.0[{i}]");
                    self.reference(parsed, &path, IdKind::Region, region, refs);
                }
            }
            Scope::National | Scope::EveryRegion => {}
        }
        self.non_empty(parsed, "actors", &p.actors, "the list of actors");
        for (i, role) in p.actors.iter().enumerate() {
            let path = format!("actors[{i}].actor");
            self.reference(parsed, &path, IdKind::Actor, &role.actor, refs);
            self.text_as(
                parsed,
                &format!("actors[{i}].role"),
                &role.role,
                Field::Line,
            );
            if let Some(quote) = &role.quote {
                self.quote(parsed, &format!("actors[{i}].quote"), quote);
            }
        }
        for (i, figure) in p.figures.iter().enumerate() {
            let path = format!("figures[{i}]");
            self.reference(parsed, &path, IdKind::Figure, figure, refs);
        }
        for (i, item) in p.frame.iter().enumerate() {
            let path = format!("frame[{i}]");
            self.reference(parsed, &path, IdKind::Frame, item, refs);
        }
        self.non_empty(parsed, "sources", &p.sources, "the list of sources");
        for (i, source) in p.sources.iter().enumerate() {
            let path = format!("sources[{i}]");
            self.reference(parsed, &path, IdKind::Source, source, refs);
        }
    }
}

impl Checker<'_> {
    /// Warns about the frame items no proposal names; run once every proposal is read.
    pub(super) fn check_frame_used<'p>(
        &mut self,
        meta: &Parsed<Meta>,
        proposals: impl Iterator<Item = &'p Proposal>,
    ) {
        let named: BTreeSet<&str> = proposals
            .flat_map(|p| p.frame.iter().map(String::as_str))
            .collect();
        for (i, item) in meta.value.frame.iter().enumerate() {
            if !named.contains(item.id.as_str()) {
                let id = item.id.clone();
                self.report(
                    meta,
                    &format!("frame[{i}].id"),
                    ProposalFinding::FrameUnused { id },
                );
            }
        }
    }
}
