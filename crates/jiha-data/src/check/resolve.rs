//! The checked dataset: once every rule has passed, each id is resolved to a reference, each
//! date read, each required value taken out of its `Option`. The one place that does it.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::checked as c;
use crate::model as m;

use super::{Date, parse_date, quotes};

/// What a rule should have refused and did not: an unknown id, a missing value, a bad date.
#[derive(Debug, Clone, PartialEq)]
pub struct Unresolved(pub String);

type Resolved<T> = Result<T, Unresolved>;

/// Each list's ids, with their positions.
struct Index<'d> {
    sources: HashMap<&'d str, usize>,
    actors: HashMap<&'d str, usize>,
    figures: HashMap<&'d str, usize>,
    regions: HashMap<&'d str, usize>,
    proposals: HashMap<&'d str, usize>,
    /// The voices, by the id of their source.
    voices: HashMap<&'d str, usize>,
    themes: HashMap<&'d str, usize>,
    frame: HashMap<&'d str, usize>,
    /// Each source's notes on its own text, printed with the quotes that contain them.
    notes: Vec<&'d [m::TextNote]>,
}

/// The positions of a list's ids; the first of two equal ids wins (the rules refuse both).
fn positions<'d>(ids: impl Iterator<Item = &'d String>) -> HashMap<&'d str, usize> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        map.entry(id.as_str()).or_insert(i);
    }
    map
}

fn find(map: &HashMap<&str, usize>, what: &str, id: &str) -> Resolved<usize> {
    map.get(id)
        .copied()
        .ok_or_else(|| Unresolved(format!("{what} `{id}`")))
}

impl Index<'_> {
    fn source(&self, id: &str) -> Resolved<c::SourceRef> {
        find(&self.sources, "source", id).map(c::SourceRef)
    }

    fn sources(&self, ids: &[String]) -> Resolved<Vec<c::SourceRef>> {
        ids.iter().map(|id| self.source(id)).collect()
    }

    fn required_source(&self, id: &Option<String>, of: &str) -> Resolved<c::SourceRef> {
        match id {
            Some(id) => self.source(id),
            None => Err(Unresolved(format!("the source of {of}"))),
        }
    }

    fn actor(&self, id: &str) -> Resolved<c::ActorRef> {
        find(&self.actors, "actor", id).map(c::ActorRef)
    }

    fn figure(&self, id: &str) -> Resolved<c::FigureRef> {
        find(&self.figures, "figure", id).map(c::FigureRef)
    }

    fn region(&self, id: &str) -> Resolved<c::RegionRef> {
        find(&self.regions, "region", id).map(c::RegionRef)
    }

    /// A brief a book holds: the overview, a proposal or a region.
    fn brief(&self, id: &str) -> Resolved<c::BriefRef> {
        if id == super::OVERVIEW_ID {
            return Ok(c::BriefRef::Overview);
        }
        match self.proposals.get(id) {
            Some(&i) => Ok(c::BriefRef::Proposal(c::ProposalRef(i))),
            None => find(&self.regions, "brief", id).map(|i| c::BriefRef::Region(c::RegionRef(i))),
        }
    }

    fn voice(&self, id: &str) -> Resolved<c::VoiceRef> {
        find(&self.voices, "voice", id).map(c::VoiceRef)
    }

    fn frame_item(&self, id: &str) -> Resolved<c::FrameRef> {
        find(&self.frame, "frame item", id).map(c::FrameRef)
    }

    fn theme(&self, id: &str) -> Resolved<c::ThemeRef> {
        find(&self.themes, "theme", id).map(c::ThemeRef)
    }

    /// A quote of `source`, with the notes on the passages it contains.
    fn quote(&self, source: c::SourceRef, q: &m::Quote) -> c::Quote {
        let notes = self.notes[source.0]
            .iter()
            .filter(|n| n.paragraph == q.paragraph && quotes::contains(&q.words, &n.words))
            .cloned()
            .collect();
        c::Quote {
            words: q.words.clone(),
            paragraph: q.paragraph,
            translation: q.translation.clone(),
            notes,
        }
    }

    /// A statement with quotes of `source`.
    fn said(&self, source: c::SourceRef, s: &m::Said) -> c::Said {
        c::Said {
            text: s.text.clone(),
            quotes: s.quotes.iter().map(|q| self.quote(source, q)).collect(),
        }
    }
}

fn date(text: &str) -> Resolved<Date> {
    parse_date(text).map_err(|why| Unresolved(format!("date `{text}`: {why}")))
}

fn optional_date(text: &Option<String>) -> Resolved<Option<Date>> {
    text.as_deref().map(date).transpose()
}

/// `d` with its proposal at `at` (in the order of the briefs) replaced by `p`, resolved
/// against the rest of `d`: what [`checked`] gives for the whole dataset with that proposal
/// replaced, when `p` keeps the place of the one it replaces (the same id and order) and
/// every rule about it passed, without resolving the rest again.
pub fn with_proposal(d: &c::Dataset, at: usize, p: &m::Proposal) -> Resolved<c::Dataset> {
    let index = Index {
        sources: positions(d.sources.iter().map(|s| &s.id)),
        actors: positions(d.actors.iter().map(|a| &a.id)),
        figures: positions(d.figures.iter().map(|f| &f.id)),
        regions: positions(d.territories.regions.iter().map(|r| &r.id)),
        proposals: positions(d.proposals.iter().map(|p| &p.id)),
        voices: positions(d.meta.voices.iter().map(|v| &d.sources[v.source.0].id)),
        themes: positions(d.meta.themes.iter().map(|t| &t.id)),
        frame: positions(d.meta.frame.iter().map(|f| &f.id)),
        notes: d.sources.iter().map(|s| s.notes.as_slice()).collect(),
    };
    let resolved = proposal(&index, p, at + 1)?;
    let mut dataset = d.clone();
    match dataset.proposals.get_mut(at) {
        Some(place) if place.id == p.id => *place = resolved,
        _ => return Err(Unresolved(format!("the place of proposal `{}`", p.id))),
    }
    Ok(dataset)
}

/// The checked dataset of a dataset whose every rule passed; `Err` names what a rule let
/// through.
pub fn checked(d: m::Dataset) -> Resolved<c::Dataset> {
    let index = Index {
        sources: positions(d.sources.iter().map(|s| &s.id)),
        actors: positions(d.actors.iter().map(|a| &a.id)),
        figures: positions(d.figures.iter().map(|f| &f.id)),
        regions: positions(d.territories.regions.iter().map(|r| &r.id)),
        proposals: positions(d.proposals.iter().map(|p| &p.id)),
        voices: positions(d.meta.voices.iter().map(|v| &v.source)),
        themes: positions(d.meta.themes.iter().map(|t| &t.id)),
        frame: positions(d.meta.frame.iter().map(|f| &f.id)),
        notes: d.sources.iter().map(|s| s.notes.as_slice()).collect(),
    };
    Ok(c::Dataset {
        meta: Arc::new(meta(&index, &d.meta, &d.sources)?),
        sources: d
            .sources
            .iter()
            .map(|s| source(&index, s))
            .collect::<Resolved<_>>()?,
        actors: d
            .actors
            .iter()
            .map(|a| actor(&index, a))
            .collect::<Resolved<_>>()?,
        figures: d
            .figures
            .iter()
            .map(|f| figure(&index, f))
            .collect::<Resolved<_>>()?,
        territories: Arc::new(territories(&index, &d.territories, &d.outlines)?),
        outlines_source: index.source(&d.outlines.source)?,
        proposals: d
            .proposals
            .iter()
            .enumerate()
            .map(|(i, p)| proposal(&index, p, i + 1))
            .collect::<Resolved<_>>()?,
        catalogues: Arc::new(catalogues(d.labels, &d.meta.original)?),
        provinces: provinces(&index, &d.provinces)?.into(),
    })
}

/// Every province of every file, in its region, each value with its source: region by region
/// in the order of `regions.ron`, each file's in its order.
fn provinces(index: &Index, files: &[m::RegionProvinces]) -> Resolved<Vec<c::Province>> {
    let mut out = Vec::new();
    for file in files {
        let region = index.region(&file.region)?;
        for p in &file.provinces {
            let values = p.indicators.iter().map(|i| {
                let of = format!("{:?} {} of province `{}`", i.kind, i.year, p.hcp_code);
                Ok(c::ProvinceValue {
                    kind: i.kind,
                    area: i.area,
                    year: i.year,
                    value: c::Value {
                        value: i.value,
                        source: index.required_source(&i.source, &of)?,
                    },
                })
            });
            out.push(c::Province {
                id: p.id(),
                region,
                hcp_code: p.hcp_code.clone(),
                kind: p.kind,
                name_fr: p.name_fr.clone(),
                name_ar: p.name_ar.clone(),
                within: p.within.clone(),
                values: values.collect::<Resolved<_>>()?,
                communes: p.communes.clone(),
                outline: (file.outlines.iter())
                    .find(|o| o.province == p.hcp_code)
                    .cloned(),
            });
        }
    }
    out.sort_by_key(|p| p.region);
    Ok(out)
}

/// Each language's catalogue, with the name it gives the original language.
fn catalogues(
    labels: BTreeMap<String, m::Labels>,
    original: &str,
) -> Resolved<BTreeMap<String, c::Catalogue>> {
    labels
        .into_iter()
        .map(|(lang, labels)| {
            let original_name =
                labels
                    .language_names
                    .0
                    .get(original)
                    .cloned()
                    .ok_or_else(|| {
                        Unresolved(format!("the name of `{original}` in labels/{lang}.ron"))
                    })?;
            let catalogue = c::Catalogue {
                labels,
                original_name,
            };
            Ok((lang, catalogue))
        })
        .collect()
}

fn meta(index: &Index, m: &m::Meta, sources: &[m::Source]) -> Resolved<c::Meta> {
    let glossary = m
        .glossary
        .iter()
        .map(|t| {
            Ok(c::Term {
                term: t.term.clone(),
                definition: t.definition.clone(),
                source: t.source.as_deref().map(|s| index.source(s)).transpose()?,
            })
        })
        .collect::<Resolved<_>>()?;
    let frame = (m.frame.iter())
        .map(|f| {
            Ok(c::FrameItem {
                id: f.id.clone(),
                heading: f.heading.clone(),
                text: f.text.clone(),
                sources: index.sources(&f.sources)?,
            })
        })
        .collect::<Resolved<_>>()?;
    Ok(c::Meta {
        title: m.title.clone(),
        subtitle: m.subtitle.clone(),
        edition: date(&m.edition)?,
        languages: m.languages.clone(),
        original: m.original.clone(),
        publisher: m.publisher.clone(),
        editor: m.editor.clone(),
        summary: m.summary.clone(),
        voices: m
            .voices
            .iter()
            .map(|v| voice(index, v, sources))
            .collect::<Resolved<_>>()?,
        themes: (m.themes.iter())
            .map(|t| c::Theme {
                id: t.id.clone(),
                name: t.name.clone(),
            })
            .collect(),
        group_by: m.group_by,
        synthesis: m.synthesis.clone(),
        glossary,
        frame,
        credits: m.credits.clone(),
        books: m
            .books
            .iter()
            .map(|b| book(index, b))
            .collect::<Resolved<_>>()?,
    })
}

fn book(index: &Index, b: &m::Book) -> Resolved<c::Book> {
    let chapter = |chapter: &m::Chapter| -> Resolved<c::Chapter> {
        Ok(match chapter {
            m::Chapter::Region(id) => c::Chapter::Region(index.region(id)?),
            m::Chapter::Briefs(ids) => c::Chapter::Briefs(
                ids.iter()
                    .map(|id| index.brief(id))
                    .collect::<Resolved<_>>()?,
            ),
        })
    };
    Ok(c::Book {
        id: b.id.clone(),
        title: b.title.clone(),
        chapters: b.chapters.iter().map(chapter).collect::<Resolved<_>>()?,
    })
}

/// A voice of `dataset.ron`, with who they are, as their source names them.
fn voice(index: &Index, v: &m::Voice, sources: &[m::Source]) -> Resolved<c::Voice> {
    let source = index.source(&v.source)?;
    let author = (sources[source.0].author.clone())
        .ok_or_else(|| Unresolved(format!("the author of the voice `{}`", v.source)))?;
    Ok(c::Voice {
        source,
        speaker: v.speaker.clone(),
        author,
        organisation: index.actor(&v.organisation)?,
        disclosure: v.disclosure.clone(),
        key_messages: v
            .key_messages
            .iter()
            .map(|s| index.said(source, s))
            .collect(),
    })
}

fn source(index: &Index, s: &m::Source) -> Resolved<c::Source> {
    let event = match &s.event {
        Some(e) => Some(c::Event {
            name: e.name.clone(),
            theme: e.theme.clone(),
            organiser: index.actor(&e.organiser)?,
        }),
        None => None,
    };
    Ok(c::Source {
        id: s.id.clone(),
        kind: s.kind,
        title: s.title.clone(),
        author: s.author.clone(),
        publisher: s.publisher.clone(),
        event,
        place: s.place.clone(),
        date: optional_date(&s.date)?,
        url: s.url.clone(),
        note: s.note.clone(),
        notes: s.notes.clone(),
    })
}

fn actor(index: &Index, a: &m::Actor) -> Resolved<c::Actor> {
    Ok(c::Actor {
        id: a.id.clone(),
        name: a.name.clone(),
        kind: a.kind,
        description: a.description.clone(),
        sources: index.sources(&a.sources)?,
    })
}

fn figure(index: &Index, f: &m::Figure) -> Resolved<c::Figure> {
    let value = match &f.value {
        m::Quantity::Count(n) => c::Quantity::Count(*n),
        m::Quantity::Percent(v) => c::Quantity::Percent(*v),
        m::Quantity::Years(n) => c::Quantity::Years(*n),
        m::Quantity::Year(y) => c::Quantity::Year(*y),
        m::Quantity::Date(d) => c::Quantity::Date(date(d)?),
        m::Quantity::Kilometres(v) => c::Quantity::Kilometres(*v),
    };
    let source = index.required_source(&f.source, &format!("figure `{}`", f.id))?;
    Ok(c::Figure {
        id: f.id.clone(),
        label: f.label.clone(),
        value,
        period: optional_date(&f.period)?,
        scope: f.scope.clone(),
        source,
        status: f.status,
        note: f.note.clone(),
        quote: f.quote.as_ref().map(|q| index.quote(source, q)),
    })
}

fn territories(
    index: &Index,
    t: &m::Territories,
    outlines: &m::Outlines,
) -> Resolved<c::Territories> {
    let country = &t.country;
    let regions = t
        .regions
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let outline = outlines
                .regions
                .iter()
                .find(|o| o.region == r.id)
                .ok_or_else(|| Unresolved(format!("the outline of region `{}`", r.id)))?;
            Ok(c::Region {
                key: c::RegionRef(i),
                id: r.id.clone(),
                hcp_code: r.hcp_code.clone(),
                name_fr: r.name_fr.clone(),
                name_ar: r.name_ar.clone(),
                capital: capital(index, &r.capital)?,
                outline: outline.ring.clone(),
            })
        })
        .collect::<Resolved<_>>()?;
    Ok(c::Territories {
        country: c::Country {
            hcp_code: country.hcp_code.clone(),
            name_fr: country.name_fr.clone(),
            name_ar: country.name_ar.clone(),
            capital: capital(index, &country.capital)?,
        },
        regions,
        census: census(index, t)?,
    })
}

fn capital(index: &Index, c: &m::Capital) -> Resolved<c::Capital> {
    Ok(c::Capital {
        name: c.name.clone(),
        lat: c.lat,
        lon: c.lon,
        decree: index.source(&c.decree)?,
        coordinates: index.source(&c.coordinates)?,
    })
}

/// The census table: each national indicator, with the value of every region.
fn census(index: &Index, t: &m::Territories) -> Resolved<Vec<c::Census>> {
    let value = |i: &m::Indicator, of: &str| -> Resolved<c::Value> {
        let of = format!("{:?} {} of {of}", i.kind, i.year);
        Ok(c::Value {
            value: i.value,
            source: index.required_source(&i.source, &of)?,
        })
    };
    t.country
        .indicators
        .iter()
        .map(|n| {
            let regional = t
                .regions
                .iter()
                .map(|r| {
                    let own = r
                        .indicators
                        .iter()
                        .find(|i| (i.kind, i.area, i.year) == (n.kind, n.area, n.year));
                    let of = format!("region `{}`", r.id);
                    match own {
                        Some(i) => value(i, &of),
                        None => Err(Unresolved(format!(
                            "{:?} ({:?}) {} of {of}",
                            n.kind, n.area, n.year
                        ))),
                    }
                })
                .collect::<Resolved<_>>()?;
            Ok(c::Census {
                kind: n.kind,
                area: n.area,
                year: n.year,
                national: value(n, "the country")?,
                regional,
            })
        })
        .collect()
}

fn proposal(index: &Index, p: &m::Proposal, number: usize) -> Resolved<c::Proposal> {
    let scope = match &p.scope {
        m::Scope::National => c::Scope::National,
        m::Scope::EveryRegion => c::Scope::EveryRegion,
        m::Scope::Regions(ids) => c::Scope::Regions(
            ids.iter()
                .map(|id| index.region(id))
                .collect::<Resolved<_>>()?,
        ),
    };
    let voice = index.voice(&p.voice)?;
    let source = index.source(&p.voice)?;
    let actors = p
        .actors
        .iter()
        .map(|r| {
            Ok(c::Role {
                actor: index.actor(&r.actor)?,
                role: r.role.clone(),
                quote: r.quote.as_ref().map(|q| index.quote(source, q)),
            })
        })
        .collect::<Resolved<_>>()?;
    Ok(c::Proposal {
        id: p.id.clone(),
        number,
        title: p.title.clone(),
        short_title: p.short_title.clone(),
        voice,
        theme: index.theme(&p.theme)?,
        stance: p.stance,
        scope,
        summary: index.said(source, &p.summary),
        said: p.said.iter().map(|s| index.said(source, s)).collect(),
        context: p.context.clone(),
        actors,
        relevance: p.relevance.clone(),
        figures: p
            .figures
            .iter()
            .map(|id| index.figure(id))
            .collect::<Resolved<_>>()?,
        frame: (p.frame.iter())
            .map(|id| index.frame_item(id))
            .collect::<Resolved<_>>()?,
        indicators: p.indicators.clone(),
        attention: p.attention.clone(),
        questions: p.questions.clone(),
        sources: index.sources(&p.sources)?,
    })
}
