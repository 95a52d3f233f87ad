//! Ids and references: slugs, uniqueness, and every reference resolving to something defined.

use super::*;

impl Checker<'_> {
    /// Checks the ids of a list: slugs, unique. Returns them.
    pub(super) fn ids<T>(
        &mut self,
        parsed: &Parsed<Vec<T>>,
        kind: &str,
        id: impl Fn(&T) -> &String,
    ) -> BTreeSet<String> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, item) in parsed.value.iter().enumerate() {
            let id = id(item);
            let path = format!("[{i}].id");
            self.check_slug(parsed, &path, kind, id);
            if let Some(first) = seen.get(id.as_str()) {
                let first_span = self.span(parsed, &format!("[{first}].id"));
                let first_at = self.position(&parsed.file, first_span);
                self.error_at(parsed, &path, format!("duplicate {kind} id `{id}`"))
                    .help = Some(format!(
                    "ids are unique among {kind}s; `{id}` is first defined at {first_at}"
                ));
            } else {
                seen.insert(id, i);
            }
        }
        parsed.value.iter().map(|x| id(x).clone()).collect()
    }

    pub(super) fn check_slug<T>(&mut self, parsed: &Parsed<T>, path: &str, kind: &str, id: &str) {
        if !is_slug(id) {
            self.error_at(parsed, path, format!("{kind} id `{id}` is not a slug"))
                .help = Some(format!(
                "ids use lower-case letters a-z, digits and hyphens only: `{}`",
                slugify(id)
            ));
        }
    }

    /// Checks a reference and records a cited source.
    pub(super) fn reference<T>(
        &mut self,
        parsed: &Parsed<T>,
        path: &str,
        kind: &str,
        value: &str,
        known: &Option<BTreeSet<String>>,
    ) {
        if kind == "source" {
            self.cited.insert(value.to_string());
        }
        let Some(known) = known else { return };
        if known.contains(value) {
            return;
        }
        let help = match closest(value, known) {
            Some(best) => format!("did you mean `{best}`?"),
            None if known.len() <= 12 => format!(
                "known {kind}s: {}",
                known
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => format!("no {kind} has this id; check the spelling"),
        };
        let d = self.error_at(parsed, path, format!("unknown {kind} `{value}`"));
        d.label = Some(format!("no {kind} has this id"));
        d.help = Some(help);
    }

    pub(super) fn check_actors(&mut self, actors: &Parsed<Vec<Actor>>, refs: &Refs) {
        for (i, actor) in actors.value.iter().enumerate() {
            self.text(actors, &format!("[{i}].name"), &actor.name);
            self.text(actors, &format!("[{i}].description"), &actor.description);
            self.non_empty(
                actors,
                &format!("[{i}].sources"),
                &actor.sources,
                "the list of sources",
            );
            for (j, source) in actor.sources.iter().enumerate() {
                self.reference(
                    actors,
                    &format!("[{i}].sources[{j}]"),
                    "source",
                    source,
                    &refs.sources,
                );
            }
        }
    }
}

/// The known id closest to `value`, if it is close enough to be a typo.
pub fn closest<'a>(value: &str, known: impl IntoIterator<Item = &'a String>) -> Option<&'a String> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(value, k), k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, k)| k)
}

/// `[a-z0-9-]+`.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The slug an id was probably meant to be.
pub(super) fn slugify(id: &str) -> String {
    let mut slug = String::new();
    for c in id.chars() {
        let c = match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches('-').to_string()
}
