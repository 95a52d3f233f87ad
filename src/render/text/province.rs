//! Province briefs and tables of provinces, in plain text.

use super::*;
use crate::view::{ProvinceMapView, ProvinceRow, ProvinceTable, ProvinceView, RegionView};

/// A province brief.
pub(super) fn province(doc: &mut Doc, page: &Page, p: &ProvinceView) {
    let l = page.l;
    doc.para(&p.kicker);
    match &p.name_beside {
        Some(ar) => doc.title(&format!("{} — {ar}", p.name)),
        None => doc.title(&p.name),
    }
    doc.heading(&l.identity);
    let change_sources = numbers(&p.change_sources);
    doc.pairs(
        page,
        &[
            (&l.name_fr, p.name_fr.clone()),
            (&l.name_ar, p.name_ar.clone()),
            (&l.unit_kind, p.kind.clone()),
            (&l.hcp_code, p.hcp_code.clone()),
            (&l.region, p.region.name.clone()),
            (
                &p.population_label,
                format!("{} {}", p.population, l.inhabitants),
            ),
            (
                &l.change,
                format!(
                    "{} ({}) {change_sources}",
                    p.population_change, l.calculation_short
                ),
            ),
        ],
    );
    rows(doc, page, p, &l.province_indicators, &p.indicators);
    rows(doc, page, p, &l.urban_rural, &p.areas);
    rows(doc, page, p, &l.establishments, &p.establishments);
    doc.para(&format!("* {}", l.province_gap_note));
    if let Some(t) = &p.arrondissements {
        doc.heading(&l.arrondissements);
        table(doc, page, t, true, false);
    }
    doc.heading(&l.communes);
    let communes: Vec<Vec<String>> = (p.communes.iter())
        .map(|c| {
            let name = match &c.name_beside {
                Some(ar) => format!("{} — {ar}", c.name),
                None => c.name.clone(),
            };
            let (now, then) = (c.population_2024.clone(), c.population_2014.clone());
            vec![name, c.kind.clone(), now, then]
        })
        .collect();
    doc.table(
        &[
            &l.commune,
            &l.unit_kind,
            &p.population_label,
            &p.population_2014_label,
        ],
        &[false, false, true, true],
        &communes,
    );
    let mut note = p.communes_note.clone();
    if let Some(created) = &p.created_note {
        note = format!("{note} {created}");
    }
    let sources = numbers(&p.communes_sources);
    doc.para(&format!("{note} {}", labelled(page, &l.source, &sources)));
    doc.heading(&l.sources);
    super::sources(doc, &p.sources);
    doc.para(&page.edition_note);
}

/// `[1][3]`.
fn numbers(sources: &[usize]) -> String {
    sources.iter().map(|n| format!("[{n}]")).collect()
}

/// One of a province brief's tables of values beside the region's, under `heading`.
fn rows(doc: &mut Doc, page: &Page, p: &ProvinceView, heading: &str, rows: &[ProvinceRow]) {
    if rows.is_empty() {
        return;
    }
    let l = page.l;
    doc.heading(heading);
    let areas = rows.iter().any(|r| r.area.is_some());
    let cells: Vec<Vec<String>> = (rows.iter())
        .map(|r| {
            let mut row = vec![format!("{} ({})", r.label, r.year)];
            if areas {
                row.push(r.area.clone().unwrap_or_default());
            }
            let (value, region, gap) = (r.value.clone(), r.region.clone(), r.gap.clone());
            row.extend([value, region, gap, numbers(&r.sources)]);
            row
        })
        .collect();
    let gap = format!("{}*", l.gap);
    let mut head: Vec<&str> = vec![&l.indicator];
    let mut right = vec![false];
    if areas {
        head.push(&l.area);
        right.push(false);
    }
    head.extend([p.kind.as_str(), &l.region, &gap, &l.source]);
    right.extend([true, true, true, false]);
    doc.table(&head, &right, &cells);
}

/// A table of provinces: with `gaps`, each value's gap to its region; with `regions`, each
/// unit's region first. Never the units' kinds: 80 columns have no room for them.
pub(super) fn table(doc: &mut Doc, page: &Page, t: &ProvinceTable, gaps: bool, regions: bool) {
    let l = page.l;
    let gap = format!("{}*", l.gap);
    let mut head: Vec<&str> = Vec::new();
    let mut right = Vec::new();
    let mut column = |name: &str, numeric: bool, head: &mut Vec<String>| {
        head.push(name.to_string());
        right.push(numeric);
    };
    let mut names = Vec::new();
    if regions {
        column(&l.region, false, &mut names);
    }
    column(&t.units_label, false, &mut names);
    column(&t.population_label, true, &mut names);
    column(&t.unemployment_label, true, &mut names);
    if gaps {
        column(&gap, true, &mut names);
    }
    column(&t.higher_education_label, true, &mut names);
    if gaps {
        column(&gap, true, &mut names);
    }
    head.extend(names.iter().map(String::as_str));
    let cells: Vec<Vec<String>> = (t.rows.iter())
        .map(|u| {
            let mut row = Vec::new();
            if regions {
                row.push(u.region.clone());
            }
            // Indented under its préfecture, which the table's note names.
            row.push(match &u.within {
                Some(_) => format!("  {}", u.name),
                None => u.name.clone(),
            });
            row.extend([u.population.clone(), u.unemployment.clone()]);
            if gaps {
                row.push(u.unemployment_gap.clone());
            }
            row.push(u.higher_education.clone());
            if gaps {
                row.push(u.higher_education_gap.clone());
            }
            row
        })
        .collect();
    doc.table(&head, &right, &cells);
    let mut note = Vec::new();
    if gaps {
        note.push(format!("* {}", l.region_provinces_note));
    }
    note.extend(t.within_note.clone());
    note.extend(t.note.clone());
    note.push(labelled(page, &l.source, &numbers(&t.sources)));
    doc.para(&note.join(" "));
    if !t.spread.is_empty() {
        doc.heading(&format!("{} ({})", l.spread_inside, l.calculation_short));
        doc.bullets(&t.spread);
    }
}

/// A region brief's provinces: the key of its map, then the table of its provinces.
pub(super) fn of_region(doc: &mut Doc, page: &Page, r: &RegionView) {
    if let Some(m) = &r.province_map {
        province_key(doc, page, m);
    }
    if let Some(t) = &r.provinces {
        doc.heading(&page.l.region_provinces);
        table(doc, page, t, true, false);
    }
}

/// The province map of a region brief, which text cannot draw: its title, sources, and its
/// numbered key as a table with each province's value and class.
fn province_key(doc: &mut Doc, page: &Page, m: &ProvinceMapView) {
    let l = page.l;
    doc.heading(&m.drawing.title);
    doc.para(&m.drawing.caption);
    let rows: Vec<Vec<String>> = (m.key.iter())
        .map(|k| {
            vec![
                k.number.to_string(),
                k.name.clone(),
                k.value.clone(),
                k.class.clone(),
            ]
        })
        .collect();
    let head = [l.key_number.as_str(), &m.key_title, &l.value, &l.map_class];
    doc.table(&head, &[true, false, true, false], &rows);
    if let Some(note) = &m.note {
        doc.para(note);
    }
}
