//! Ids and references: slugs, uniqueness, reserved ids, and every reference resolving.

use super::*;

/// What the id and reference rules can find.
#[derive(Debug, Clone, PartialEq)]
pub enum IdFinding {
    /// An id that is not `[a-z0-9-]+`; `slug` is what it was probably meant to be.
    NotSlug {
        kind: IdKind,
        id: String,
        slug: String,
    },
    /// An id given twice; `first_at` is where it is first defined (`file:line:col`).
    Duplicate {
        kind: IdKind,
        id: String,
        first_at: String,
    },
    /// A brief's id that the program itself uses.
    Reserved { kind: IdKind, id: String },
    /// An id longer than [`ID_MAX_CHARS`]: a brief's id names its files.
    TooLong { kind: IdKind, chars: usize },
    /// A brief's id that some file systems refuse as a file name (`con`, `nul`, `com1`...).
    DeviceName { kind: IdKind, id: String },
    /// A reference to an id nothing defines.
    Unknown {
        kind: IdKind,
        value: String,
        suggestion: Suggestion,
    },
    /// A value every rule accepted but that could not be resolved once they had all passed:
    /// a rule of jiha's is missing, not the editor's mistake.
    Unresolved { what: String },
}

/// What to suggest for a reference to an unknown id.
#[derive(Debug, Clone, PartialEq)]
pub enum Suggestion {
    /// A known id close enough to be what was meant.
    Closest(String),
    /// Every known id, when there are few.
    Known(Vec<String>),
    /// Nothing: too many ids, none close.
    Nothing,
}

impl Describe for IdFinding {
    fn message(&self) -> String {
        match self {
            IdFinding::NotSlug { kind, id, .. } => format!("{kind} id `{id}` is not a slug"),
            IdFinding::Duplicate { kind, id, .. } => format!("duplicate {kind} id `{id}`"),
            IdFinding::Reserved { kind, id } => format!("{kind} id `{id}` is reserved"),
            IdFinding::TooLong { kind, chars } => {
                format!("{kind} id of {chars} characters; at most {ID_MAX_CHARS}")
            }
            IdFinding::DeviceName { kind, id } => {
                format!("{kind} id `{id}` cannot be a file name on Windows")
            }
            IdFinding::Unknown { kind, value, .. } => format!("unknown {kind} `{value}`"),
            IdFinding::Unresolved { what } => format!("{what} does not resolve"),
        }
    }

    fn label(&self) -> Option<String> {
        match self {
            IdFinding::Unknown { kind, .. } => Some(format!("no {kind} has this id")),
            _ => None,
        }
    }

    fn help(&self) -> Option<String> {
        Some(match self {
            IdFinding::NotSlug { slug, .. } => {
                format!("ids use lower-case letters a-z, digits and hyphens only: `{slug}`")
            }
            IdFinding::Duplicate { kind, id, first_at } => {
                format!("ids are unique among {kind}s; `{id}` is first defined at {first_at}")
            }
            IdFinding::Reserved { id, .. } => {
                format!("`{id}` names a brief of its own; choose another id")
            }
            IdFinding::TooLong { .. } => {
                "a brief's files are named after its id (`regions/<id>.pdf`): shorten it, keeping the words that tell it apart".to_string()
            }
            IdFinding::DeviceName { id, .. } => format!(
                "a brief's files are named after its id, and Windows reserves `{id}` for a device: choose another id"
            ),
            IdFinding::Unknown {
                kind, suggestion, ..
            } => match suggestion {
                Suggestion::Closest(best) => format!("did you mean `{best}`?"),
                Suggestion::Known(known) => format!("known {kind}s: {}", quoted(known)),
                Suggestion::Nothing => format!("no {kind} has this id; check the spelling"),
            },
            IdFinding::Unresolved { .. } => {
                "every rule passed, so a rule of jiha's is missing: please report this dataset"
                    .to_string()
            }
        })
    }
}

impl Checker<'_> {
    /// Checks the ids of a list (`list[i].id`): slugs, not reserved, unique. Returns them.
    pub(super) fn ids<'v, T>(
        &mut self,
        parsed: &Parsed<T>,
        list: &str,
        kind: IdKind,
        ids: impl IntoIterator<Item = &'v String>,
    ) -> BTreeSet<String> {
        let ids: Vec<&String> = ids.into_iter().collect();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.iter().enumerate() {
            let path = format!("{list}[{i}].id");
            self.check_id(parsed, &path, kind, id);
            if let Some(first) = seen.get(id.as_str()) {
                self.duplicate(parsed, &path, kind, id, &format!("{list}[{first}].id"));
            } else {
                seen.insert(id, i);
            }
        }
        ids.into_iter().cloned().collect()
    }

    /// The ids `dataset.ron` defines: its voices (each source once) and its themes (slugs,
    /// unique).
    pub(super) fn meta_ids(&mut self, parsed: &Parsed<Meta>) -> MetaIds {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, voice) in parsed.value.voices.iter().enumerate() {
            let path = format!("voices[{i}].source");
            if let Some(first) = seen.get(voice.source.as_str()) {
                let first = format!("voices[{first}].source");
                self.duplicate(parsed, &path, IdKind::Voice, &voice.source, &first);
            } else {
                seen.insert(&voice.source, i);
            }
        }
        let voices = parsed
            .value
            .voices
            .iter()
            .map(|v| v.source.clone())
            .collect();
        let themes = parsed.value.themes.iter().map(|t| &t.id);
        let themes = self.ids(parsed, "themes", IdKind::Theme, themes);
        let frame = parsed.value.frame.iter().map(|f| &f.id);
        let frame = self.ids(parsed, "frame", IdKind::Frame, frame);
        MetaIds {
            voices,
            themes,
            frame,
        }
    }

    /// The region ids: slugs, not reserved, unique. A duplicate is shown with the previous
    /// region that has the id, as it always was. Returns them.
    pub(super) fn region_ids(&mut self, parsed: &Parsed<Territories>) -> BTreeSet<String> {
        let regions = &parsed.value.regions;
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, region) in regions.iter().enumerate() {
            let path = format!("regions[{i}].id");
            self.check_id(parsed, &path, IdKind::Region, &region.id);
            if let Some(previous) = ids.insert(&region.id, i) {
                let previous = format!("regions[{previous}].id");
                self.duplicate(parsed, &path, IdKind::Region, &region.id, &previous);
            }
        }
        regions.iter().map(|r| r.id.clone()).collect()
    }

    /// Reports an id given twice, first at `first`.
    fn duplicate<T>(
        &mut self,
        parsed: &Parsed<T>,
        path: &str,
        kind: IdKind,
        id: &str,
        first: &str,
    ) {
        let first_at = self.position(&parsed.file, self.span(parsed, first));
        let id = id.to_string();
        self.report(parsed, path, IdFinding::Duplicate { kind, id, first_at });
    }

    /// Checks one id: a slug and, for a brief's id, not one the program uses.
    pub(super) fn check_id<T>(&mut self, parsed: &Parsed<T>, path: &str, kind: IdKind, id: &str) {
        if !is_slug(id) {
            let (id, slug) = (id.to_string(), slugify(id));
            self.report(parsed, path, IdFinding::NotSlug { kind, id, slug });
        }
        if kind.names_a_brief() && RESERVED_IDS.contains(&id) {
            let id = id.to_string();
            self.report(parsed, path, IdFinding::Reserved { kind, id });
        }
        let chars = id.chars().count();
        if chars > ID_MAX_CHARS {
            self.report(parsed, path, IdFinding::TooLong { kind, chars });
        }
        if kind.names_a_brief() && is_device_name(id) {
            let id = id.to_string();
            self.report(parsed, path, IdFinding::DeviceName { kind, id });
        }
    }

    /// Checks a reference to an id of `kind` and records a cited source.
    pub(super) fn reference<T>(
        &mut self,
        parsed: &Parsed<T>,
        path: &str,
        kind: IdKind,
        value: &str,
        refs: &Refs,
    ) {
        if kind == IdKind::Source {
            self.cited.insert(value.to_string());
        }
        if let Some(citations) = &mut self.citations {
            citations.push(Citation {
                file: parsed.file.clone(),
                path: path.to_string(),
                kind,
                value: value.to_string(),
            });
        }
        let Some(known) = refs.of(kind) else { return };
        if known.contains(value) {
            return;
        }
        let suggestion = match closest(value, known) {
            Some(best) => Suggestion::Closest(best.clone()),
            None if known.len() <= 12 => Suggestion::Known(known.iter().cloned().collect()),
            None => Suggestion::Nothing,
        };
        let value = value.to_string();
        let finding = IdFinding::Unknown {
            kind,
            value,
            suggestion,
        };
        self.report(parsed, path, finding);
    }
}

/// The ids `dataset.ron` defines: the voices (by their source), the themes, the frame items.
pub(super) struct MetaIds {
    pub(super) voices: BTreeSet<String>,
    pub(super) themes: BTreeSet<String>,
    pub(super) frame: BTreeSet<String>,
}

/// A reference as [`Checker::reference`] met it: in which file, where, and to what.
pub(super) struct Citation {
    pub(super) file: String,
    pub(super) path: String,
    pub(super) kind: IdKind,
    pub(super) value: String,
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

/// The longest id: a brief's id names its files (`regions/<id>.html`), and a file name has
/// at most 255 bytes on the common file systems; 64 leaves room and stays readable.
pub const ID_MAX_CHARS: usize = 64;

/// Whether `id` is a name Windows reserves for a device, whatever the extension: a file
/// `con.html` cannot be written there.
pub fn is_device_name(id: &str) -> bool {
    let numbered = |prefix: &str| {
        id.strip_prefix(prefix)
            .is_some_and(|n| n.len() == 1 && n.bytes().all(|b| (b'1'..=b'9').contains(&b)))
    };
    matches!(id, "con" | "prn" | "aux" | "nul") || numbered("com") || numbered("lpt")
}

/// `[a-z0-9-]+`.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The slug an id was probably meant to be; a province's id ([`super::province_id`]).
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
