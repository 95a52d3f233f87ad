//! Proposals: ids matching file names, order, scope, regions, actors, figures and sources.

use super::*;

impl Checker<'_> {
    pub(super) fn check_proposals(
        &mut self,
        proposals: &[(Parsed<Proposal>, String)],
        refs: &Refs,
    ) {
        let mut ids: HashMap<String, String> = HashMap::new();
        let mut orders: HashMap<u32, String> = HashMap::new();
        for (parsed, stem) in proposals {
            let p = &parsed.value;
            self.check_slug(parsed, "id", "proposal", &p.id);
            if &p.id != stem {
                self.error_at(
                    parsed,
                    "id",
                    format!(
                        "proposal id `{}` does not match its file name `{stem}.ron`",
                        p.id
                    ),
                )
                .help = Some(format!(
                    "rename the file to `{}.ron`, or set `id: \"{stem}\"`",
                    p.id
                ));
            }
            if RESERVED_IDS.contains(&p.id.as_str()) {
                self.error_at(parsed, "id", format!("proposal id `{}` is reserved", p.id))
                    .help = Some(format!(
                    "`{}` names a brief of its own; choose another id",
                    p.id
                ));
            }
            if refs.regions.as_ref().is_some_and(|r| r.contains(&p.id)) {
                self.error_at(
                    parsed,
                    "id",
                    format!("proposal id `{}` is also a region id", p.id),
                )
                .help = Some(
                    "brief ids are shared by proposals and regions; choose another id".to_string(),
                );
            }
            if let Some(other) = ids.insert(p.id.clone(), parsed.file.clone()) {
                self.error_at(parsed, "id", format!("duplicate proposal id `{}`", p.id))
                    .help = Some(format!("`{other}` has the same id"));
            }
            if let Some(other) = orders.insert(p.order, p.id.clone()) {
                self.error_at(
                    parsed,
                    "order",
                    format!("order {} is also that of proposal `{other}`", p.order),
                )
                .help = Some("give each proposal its own position in the briefs".to_string());
            }
            for (field, text) in [
                ("title", &p.title),
                ("short_title", &p.short_title),
                ("summary", &p.summary),
                ("context", &p.context),
                ("rationale", &p.rationale),
            ] {
                self.text(parsed, field, text);
            }
            for (field, list, what) in [
                ("key_points", &p.key_points, "the list of key points"),
                ("measures", &p.measures, "the list of measures"),
                ("attention", &p.attention, "the list of points of attention"),
                ("questions", &p.questions, "the list of open questions"),
            ] {
                self.texts(parsed, field, list);
                self.non_empty(parsed, field, list, what);
            }
            match &p.scope {
                Scope::Regions(regions) => {
                    self.non_empty(parsed, "scope", regions, "the list of regions");
                    for (i, region) in regions.iter().enumerate() {
                        self.reference(
                            parsed,
                            &format!("scope.0[{i}]"),
                            "region",
                            region,
                            &refs.regions,
                        );
                    }
                }
                Scope::National | Scope::EveryRegion => {}
            }
            self.non_empty(parsed, "actors", &p.actors, "the list of actors");
            for (i, role) in p.actors.iter().enumerate() {
                self.reference(
                    parsed,
                    &format!("actors[{i}].actor"),
                    "actor",
                    &role.actor,
                    &refs.actors,
                );
                self.text(parsed, &format!("actors[{i}].role"), &role.role);
            }
            for (i, figure) in p.figures.iter().enumerate() {
                self.reference(
                    parsed,
                    &format!("figures[{i}]"),
                    "figure",
                    figure,
                    &refs.figures,
                );
            }
            self.non_empty(parsed, "sources", &p.sources, "the list of sources");
            for (i, source) in p.sources.iter().enumerate() {
                self.reference(
                    parsed,
                    &format!("sources[{i}]"),
                    "source",
                    source,
                    &refs.sources,
                );
            }
        }
    }
}
