//! A proposal's sourced context, in plain text: the census indicators and the frame.

use super::*;

/// A proposal's census indicators: the national value, and the regions it names or the
/// range across regions.
pub(super) fn indicator_spreads(doc: &mut Doc, page: &Page, p: &ProposalView) {
    let l = page.l;
    if !p.indicators.is_empty() {
        let third = if p.regions.is_empty() {
            &l.spread
        } else {
            &l.region_concerned
        };
        let rows: Vec<Vec<String>> = p
            .indicators
            .iter()
            .map(|i| {
                let detail = if i.regions.is_empty() {
                    i.range.clone()
                } else {
                    i.regions.join(&format!("{} ", page.semicolon))
                };
                vec![
                    format!("{} ({})", i.label, i.year),
                    i.national.clone(),
                    detail,
                    format!("{} [{}]", i.status.short, i.source),
                ]
            })
            .collect();
        doc.table(
            &[&l.indicator, &l.country, third, &l.status_source],
            &[false, true, false, false],
            &rows,
        );
    }
}

/// The frame of a proposal: each statement under its heading, with its sources' numbers.
pub(super) fn frame(doc: &mut Doc, page: &Page, p: &ProposalView) {
    if p.frame.is_empty() {
        return;
    }
    doc.para(&format!("{}{}", page.l.frame, page.colon));
    doc.para(&page.l.frame_note);
    let items: Vec<String> = p
        .frame
        .iter()
        .map(|f| {
            let numbers: Vec<String> = f.sources.iter().map(|n| format!("[{n}]")).collect();
            format!(
                "{}{} {} {}",
                f.heading,
                page.colon,
                f.text,
                numbers.join("\u{a0}")
            )
        })
        .collect();
    doc.bullets(&items);
}
