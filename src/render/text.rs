//! Plain text for a terminal or `less`: wrapped to a width, headings underlined, tables in
//! columns.

use textwrap::core::display_width;

use super::{RenderError, Renderer};
use crate::view::{
    BookBrief, BookView, Brief, Document, FigureView, OverviewView, Page, ProposalView, QuoteView,
    RegionView, SaidView, SourceView,
};

/// The narrowest width the layout accepts; narrower requests are widened to it.
pub const MIN_WIDTH: usize = 40;

/// The text format, `width` columns wide.
#[derive(Debug, Clone, Copy)]
pub struct Text {
    pub width: usize,
}

impl Renderer for Text {
    fn render(&self, document: &Document) -> Result<Vec<u8>, RenderError> {
        Ok(render(&document.page, &document.brief, self.width).into_bytes())
    }
}

/// Lays `brief` out as text `width` columns wide.
fn render(page: &Page, brief: &Brief, width: usize) -> String {
    let mut doc = Doc::new(width);
    match brief {
        Brief::Overview(o) => overview(&mut doc, page, o, false),
        Brief::Proposal(p) => proposal(&mut doc, page, p, false),
        Brief::Region(r) => region(&mut doc, page, r, false),
        Brief::Province(p) => province::province(&mut doc, page, p),
        Brief::Book(b) => book(&mut doc, page, b),
    }
    doc.finish()
}

/// `label : value` with the language's colon.
fn labelled(page: &Page, label: &str, value: &str) -> String {
    crate::view::labelled(page.colon, label, value)
}

fn overview(doc: &mut Doc, page: &Page, o: &OverviewView, book: bool) {
    let l = page.l;
    doc.title(&o.title);
    doc.para(&o.subtitle);
    doc.para(&o.summary);
    voices::voices(doc, page, o);
    doc.heading(&format!("{} ({})", l.our_synthesis, l.our_analysis));
    doc.para(&page.analysis_note);
    doc.bullets(&o.synthesis);
    doc.heading(&l.proposals);
    for g in &o.groups {
        doc.heading(&g.heading);
        let rows: Vec<Vec<String>> = (g.proposals.iter())
            .map(|p| {
                let voice = o.show_voice.then(|| p.speaker.clone());
                let cells = [p.number.clone(), p.title.clone()].into_iter().chain(voice);
                cells
                    .chain([p.stance.label.clone(), p.scope.clone()])
                    .collect()
            })
            .collect();
        let mut head: Vec<&str> = vec![&l.number, &l.proposal];
        if o.show_voice {
            head.push(&l.voice);
        }
        head.extend([l.stance.as_str(), l.scope.as_str()]);
        doc.table(&head, &vec![false; head.len()], &rows);
    }
    doc.para(&l.stance_legend);
    doc.heading(&l.comparison);
    let mut head: Vec<&str> = vec![&l.theme];
    head.extend(o.comparison_voices.iter().map(String::as_str));
    let rows: Vec<Vec<String>> = (o.comparison.iter())
        .map(|row| {
            std::iter::once(row.theme.clone())
                .chain(row.cells.clone())
                .collect()
        })
        .collect();
    doc.table(&head, &vec![false; head.len()], &rows);
    doc.para(&l.comparison_note);
    doc.heading(&l.poles);
    let rows: Vec<Vec<String>> = o
        .poles
        .iter()
        .map(|(region, pole)| vec![region.clone(), pole.clone()])
        .collect();
    doc.table(&[&l.region, &l.pole], &[false, false], &rows);
    doc.para(&o.map.caption);
    coverage(doc, page, o);
    doc.heading(&l.figures_and_status);
    figures(doc, page, &o.figures);
    if !book {
        doc.heading(&l.sources);
        sources(doc, &o.sources);
        doc.para(&page.edition_note);
    }
}

/// The overview's matrix of regions and proposals.
fn coverage(doc: &mut Doc, page: &Page, o: &OverviewView) {
    let l = page.l;
    doc.heading(&l.coverage);
    let mut head: Vec<String> = vec![l.region.clone()];
    head.extend(o.proposals.iter().map(|p| p.number.clone()));
    head.push(l.count.clone());
    let rows: Vec<Vec<String>> = o
        .coverage
        .iter()
        .map(|row| {
            let mut cells = vec![format!("{} {}", row.hcp_code, row.region.name)];
            cells.extend(row.marks.iter().map(|m| m.to_string()));
            cells.push(row.specific.to_string());
            cells
        })
        .collect();
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    // A mark column takes four columns with its gap; past the width, a line per region.
    if 20 + 4 * o.proposals.len() <= doc.width {
        let right = vec![false; head.len()];
        doc.table(&head, &right, &rows);
    } else {
        let lines: Vec<String> = (o.coverage.iter().zip(&rows))
            .map(|(row, cells)| {
                let marks: Vec<String> = (o.proposals.iter().zip(&row.marks))
                    .filter(|(_, m)| !m.is_empty())
                    .map(|(p, m)| format!("{m}\u{a0}{}", p.number))
                    .collect();
                let count = labelled(page, &l.count, &row.specific.to_string());
                format!("{}{} {} ({count})", cells[0], page.colon, marks.join(" "))
            })
            .collect();
        doc.bullets(&lines);
    }
    doc.para(&o.coverage_note);
}

fn proposal(doc: &mut Doc, page: &Page, p: &ProposalView, book: bool) {
    let l = page.l;
    doc.para(&p.kicker);
    doc.title(&p.title);
    doc.para(&format!("[{}]", labelled(page, &l.stance, &p.stance.label)));
    if p.regions.is_empty() {
        doc.para(&format!("{}.", p.scope_without_regions));
    } else {
        let names: Vec<&str> = p.regions.iter().map(|r| r.name.as_str()).collect();
        doc.para(&format!(
            "{}. {} {}.",
            p.scope_line,
            p.regions_lead,
            names.join(page.comma)
        ));
    }
    doc.heading(&p.said_heading);
    doc.para(&l.said_note);
    said(doc, page, std::slice::from_ref(&p.summary));
    said(doc, page, &p.said);
    doc.heading(&l.context);
    doc.para(&l.context_note);
    doc.para(&p.context);
    if !p.figures.is_empty() {
        doc.para(&format!("{}{}", l.key_figures, page.colon));
        figures(doc, page, &p.figures);
    }
    indicator_spreads(doc, page, p);
    frame(doc, page, p);
    doc.heading(&format!("{} ({})", l.analysis, l.our_analysis));
    doc.para(&page.analysis_note);
    doc.para(&labelled(page, &l.relevance, &p.relevance));
    doc.para(&format!("{}{}", l.actors, page.colon));
    let rows: Vec<Vec<String>> = p
        .actors
        .iter()
        .map(|a| {
            let mut role = format!("{} — {}", a.role, a.provenance);
            if let Some(q) = &a.quote {
                role.push_str(&format!(" {}", quote_line(page, q)));
            }
            vec![a.name.clone(), a.kind.clone(), role]
        })
        .collect();
    doc.table(
        &[&l.actor, &l.actor_type, &l.actor_role],
        &[false, false, false],
        &rows,
    );
    doc.para(&format!("{}{}", l.attention, page.colon));
    doc.bullets(&p.attention);
    doc.para(&format!("{}{}", l.questions, page.colon));
    doc.bullets(&p.questions);
    if !book {
        doc.para(&l.stance_legend);
    }
    if book {
        let numbers: Vec<String> = p
            .sources
            .iter()
            .map(|s| format!("[{}]", s.number))
            .collect();
        doc.para(&format!(
            "{}{}{}.",
            labelled(page, &l.sources_of_proposal, &numbers.join(" ")),
            page.comma,
            l.see_sources
        ));
    } else {
        doc.heading(&l.sources);
        sources(doc, &p.sources);
        doc.para(&page.edition_note);
    }
}

fn region(doc: &mut Doc, page: &Page, r: &RegionView, book: bool) {
    let l = page.l;
    doc.para(&r.kicker);
    match &r.name_beside {
        Some(ar) => doc.title(&format!("{} — {ar}", r.name)),
        None => doc.title(&r.name),
    }
    doc.heading(&l.identity);
    let change_sources: String = r.change_sources.iter().map(|n| format!("[{n}]")).collect();
    doc.pairs(
        page,
        &[
            (&l.name_fr, r.name_fr.clone()),
            (&l.name_ar, r.name_ar.clone()),
            (&l.capital, r.capital.clone()),
            (&l.hcp_code, r.hcp_code.clone()),
            (
                &r.population_label,
                format!("{} {}", r.population, l.inhabitants),
            ),
            (
                &l.change,
                format!(
                    "{} ({}) {change_sources}",
                    r.population_change, l.calculation_short
                ),
            ),
        ],
    );
    doc.heading(&l.indicators_vs_national);
    let rows: Vec<Vec<String>> = r
        .indicators
        .iter()
        .map(|i| {
            vec![
                format!("{} ({})", i.label, i.year),
                i.value.clone(),
                i.national.clone(),
                i.gap.clone(),
                format!("{} [{}]", i.status.short, i.source),
            ]
        })
        .collect();
    let gap = format!("{}*", l.gap);
    doc.table(
        &[&l.indicator, &l.region, &l.country, &gap, &l.status_source],
        &[false, true, true, true, false],
        &rows,
    );
    doc.para(&format!("* {}", l.gap_note));
    doc.heading(&l.proposals_naming);
    match &r.gap {
        Some(gap) => doc.para(gap),
        None => {
            let items: Vec<String> = r
                .specific
                .iter()
                .map(|p| format!("{}. {}", p.number, p.title))
                .collect();
            doc.bullets(&items);
        }
    }
    doc.heading(&l.national_proposals);
    let items: Vec<String> = r
        .national
        .iter()
        .map(|p| format!("{}. {} ({})", p.number, p.title, p.scope.to_lowercase()))
        .collect();
    doc.bullets(&items);
    province::of_region(doc, page, r);
    if !book {
        doc.heading(&l.sources);
        sources(doc, &r.sources);
        doc.para(&page.edition_note);
    }
}

fn book(doc: &mut Doc, page: &Page, b: &BookView) {
    let l = page.l;
    doc.title(&b.title);
    doc.para(&b.subtitle);
    doc.para(&format!("{} {}. {}", l.edition, b.edition, b.publisher));
    doc.para(&page.edition_note);
    doc.heading(&l.toc);
    let mut items = Vec::new();
    for entry in &b.toc {
        items.push(entry.title.clone());
        items.extend(entry.children.iter().map(|c| format!("    {}", c.title)));
    }
    doc.lines(&items);
    for part in &b.parts {
        if let Some(heading) = &part.heading {
            doc.rule();
            doc.title(&heading.title);
            if let Some(note) = &heading.note {
                doc.para(note);
            }
        }
        for brief in &part.briefs {
            doc.rule();
            match brief {
                BookBrief::Overview(o) => overview(doc, page, o, true),
                BookBrief::Proposal(p) => proposal(doc, page, p, true),
                BookBrief::Region(r) => region(doc, page, r, true),
            }
        }
    }
    if let Some(t) = &b.provinces {
        doc.rule();
        doc.title(&l.provinces_annex);
        province::table(doc, page, t, false, true);
    }
    doc.rule();
    doc.title(&l.sources);
    doc.para(&l.sources_note);
    sources(doc, &b.sources);
    doc.rule();
    doc.title(&l.glossary);
    for t in &b.glossary {
        let source = t.source.map(|n| format!(" [{n}]")).unwrap_or_default();
        doc.hanging(&t.term, &format!("{}{source}", t.definition));
    }
    doc.rule();
    doc.title(&l.colophon);
    doc.para(&b.publisher);
    doc.para(&l.colophon_text);
    doc.para(&page.edition_note);
    doc.heading(&l.credits);
    let credits: Vec<String> = b
        .credits
        .iter()
        .map(|c| {
            let mut line = format!(
                "{} — {}{}{} {}",
                c.work, c.holder, page.comma, l.licence, c.licence
            );
            if let Some(url) = &c.url {
                line.push_str(&format!(" ({url})"));
            }
            line.push('.');
            if let Some(changes) = &c.changes {
                line.push_str(&format!(" {}", labelled(page, &l.changes, changes)));
            }
            line
        })
        .collect();
    doc.bullets(&credits);
    doc.para(&b.produced);
}

/// Statements attributed to the speaker, each with his words under it.
fn said(doc: &mut Doc, page: &Page, said: &[SaidView]) {
    for s in said {
        doc.bullets(std::slice::from_ref(&s.text));
        for q in &s.quotes {
            let mut lines = vec![format!("{} {}", q.words, q.locator)];
            if let Some(t) = &q.translation {
                lines.push(format!("{t} ({})", page.l.our_translation));
            }
            for n in &q.notes {
                lines.push(format!("{}{} {}", n.printed, page.semicolon, n.reading));
            }
            doc.words(&lines);
        }
    }
}

/// A quote on one line: the words, where they are, our translation.
fn quote_line(page: &Page, q: &QuoteView) -> String {
    let mut line = format!("{} {}", q.words, q.locator);
    if let Some(t) = &q.translation {
        line.push_str(&format!("{} {t} ({})", page.comma, page.l.our_translation));
    }
    line
}

fn figures(doc: &mut Doc, page: &Page, figures: &[FigureView]) {
    let l = page.l;
    let rows: Vec<Vec<String>> = figures
        .iter()
        .map(|f| {
            let mut label = f.label.clone();
            if let Some(period) = &f.period {
                label.push_str(&format!(" ({period})"));
            }
            label.push_str(&format!(" — {}", labelled(page, &l.scope_of, &f.scope)));
            if let Some(note) = &f.note {
                label.push_str(&format!(" — {note}"));
            }
            if let Some(q) = &f.quote {
                label.push_str(&format!(" — {}", quote_line(page, q)));
            }
            vec![
                label,
                f.value.clone(),
                format!("{} [{}]", f.status.label, f.source),
            ]
        })
        .collect();
    doc.table(
        &[&l.figure, &l.value, &l.status_source],
        &[false, true, false],
        &rows,
    );
}

fn sources(doc: &mut Doc, sources: &[SourceView]) {
    for s in sources {
        let mut text = s.citation();
        if let Some(url) = &s.url {
            text.push_str(&format!(". {url}"));
        }
        if let Some(note) = &s.note {
            text.push_str(&format!(" — {note}"));
        }
        doc.hanging(&format!("[{}]", s.number), &text);
    }
}

/// A text document being laid out.
struct Doc {
    width: usize,
    out: String,
}

impl Doc {
    fn new(width: usize) -> Doc {
        Doc {
            width: width.max(MIN_WIDTH),
            out: String::new(),
        }
    }

    fn finish(self) -> String {
        let mut out = self.out.trim_end().to_string();
        out.push('\n');
        out
    }

    fn wrap(&self, text: &str, first: &str, rest: &str) -> Vec<String> {
        let options = textwrap::Options::new(self.width)
            .initial_indent(first)
            .subsequent_indent(rest)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .break_words(true);
        textwrap::wrap(text, options)
            .into_iter()
            .map(|l| l.into_owned())
            .collect()
    }

    fn push_lines(&mut self, lines: &[String]) {
        for line in lines {
            self.out.push_str(line.trim_end());
            self.out.push('\n');
        }
    }

    fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn underlined(&mut self, text: &str, mark: char) {
        self.blank();
        let lines = self.wrap(text, "", "");
        let longest = lines.iter().map(|l| display_width(l)).max().unwrap_or(0);
        self.push_lines(&lines);
        self.out.push_str(&mark.to_string().repeat(longest));
        self.out.push('\n');
        self.out.push('\n');
    }

    fn title(&mut self, text: &str) {
        self.underlined(text, '=');
    }

    fn heading(&mut self, text: &str) {
        self.underlined(text, '-');
    }

    fn rule(&mut self) {
        self.blank();
        self.out.push_str(&"═".repeat(self.width));
        self.out.push_str("\n\n");
    }

    fn para(&mut self, text: &str) {
        let lines = self.wrap(text, "", "");
        self.push_lines(&lines);
        self.out.push('\n');
    }

    fn quote(&mut self, text: &str) {
        let lines = self.wrap(text, "  │ ", "  │ ");
        self.push_lines(&lines);
        self.out.push('\n');
    }

    /// Quoted words under a list item, each line of `lines` its own paragraph of the quote.
    fn words(&mut self, lines: &[String]) {
        for line in lines {
            let wrapped = self.wrap(line, "    │ ", "    │ ");
            self.push_lines(&wrapped);
        }
        self.out.push('\n');
    }

    fn lines(&mut self, lines: &[String]) {
        for line in lines {
            let indent: String = line.chars().take_while(|c| *c == ' ').collect();
            let wrapped = self.wrap(line.trim_start(), &indent, &format!("{indent}  "));
            self.push_lines(&wrapped);
        }
        self.out.push('\n');
    }

    fn bullets(&mut self, items: &[String]) {
        for item in items {
            let lines = self.wrap(item, "  - ", "    ");
            self.push_lines(&lines);
        }
        self.out.push('\n');
    }

    /// A label, then its text indented under it.
    fn hanging(&mut self, label: &str, text: &str) {
        let indent = " ".repeat(display_width(label) + 1);
        let lines = self.wrap(text, &format!("{label} "), &indent);
        self.push_lines(&lines);
    }

    fn pairs(&mut self, page: &Page, pairs: &[(&str, String)]) {
        let label_width = pairs
            .iter()
            .map(|(l, _)| display_width(l))
            .max()
            .unwrap_or(0)
            + 3;
        let label_width = label_width.min(self.width / 2);
        for (label, value) in pairs {
            let head = format!("{label}{}", page.colon);
            let pad = label_width.saturating_sub(display_width(&head)).max(1);
            let first = format!("{head}{}", " ".repeat(pad));
            let lines = self.wrap(value, &first, &" ".repeat(display_width(&first)));
            self.push_lines(&lines);
        }
        self.out.push('\n');
    }

    /// Each column's width: its content's, shrunk (widest first) to fit the page, but never
    /// below its longest word (up to 16 columns).
    fn column_widths(&self, head: &[&str], rows: &[Vec<String>], gap: usize) -> Vec<usize> {
        let columns = head.len();
        let natural: Vec<usize> = (0..columns)
            .map(|c| {
                rows.iter()
                    .map(|r| r.get(c).map_or(0, |cell| display_width(cell)))
                    .chain([display_width(head[c])])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        // The longest word of a column: below that, words would be cut.
        let floor: Vec<usize> = (0..columns)
            .map(|c| {
                rows.iter()
                    .filter_map(|r| r.get(c))
                    .chain(std::iter::once(&head[c].to_string()))
                    .flat_map(|cell| cell.split(' ').map(display_width).collect::<Vec<_>>())
                    .max()
                    .unwrap_or(1)
                    .clamp(1, 12)
            })
            .collect();
        let mut widths = natural.clone();
        let available = self.width.saturating_sub(gap * (columns.saturating_sub(1)));
        while widths.iter().sum::<usize>() > available {
            // Shrink the widest column that can still give.
            let Some((c, _)) = widths
                .iter()
                .enumerate()
                .filter(|(c, w)| **w > floor[*c])
                .max_by_key(|(c, w)| (**w, std::cmp::Reverse(*c)))
            else {
                break;
            };
            widths[c] -= 1;
        }
        widths
    }

    /// Columns sized to their content, shrunk to fit the width; cells wrap within their
    /// column; `right` aligns numeric columns.
    fn table(&mut self, head: &[&str], right: &[bool], rows: &[Vec<String>]) {
        let columns = head.len();
        // Wide tables (the coverage matrix) need every column they can get.
        let gap = if columns > 6 { 1 } else { 2 };
        let widths = self.column_widths(head, rows, gap);
        let line = |cells: Vec<Vec<String>>, out: &mut String| {
            let height = cells.iter().map(Vec::len).max().unwrap_or(1);
            for i in 0..height {
                let mut text = String::new();
                for (c, cell) in cells.iter().enumerate() {
                    let part = cell.get(i).map_or("", String::as_str);
                    let pad = widths[c].saturating_sub(display_width(part));
                    if right.get(c).copied().unwrap_or(false) {
                        text.push_str(&" ".repeat(pad));
                        text.push_str(part);
                    } else {
                        text.push_str(part);
                        text.push_str(&" ".repeat(pad));
                    }
                    if c + 1 < columns {
                        text.push_str(&" ".repeat(gap));
                    }
                }
                out.push_str(text.trim_end());
                out.push('\n');
            }
        };
        let wrap_cell = |text: &str, width: usize| -> Vec<String> {
            let options = textwrap::Options::new(width.max(1))
                .word_splitter(textwrap::WordSplitter::NoHyphenation)
                .break_words(true);
            textwrap::wrap(text, options)
                .into_iter()
                .map(|l| l.into_owned())
                .collect()
        };
        let head_cells: Vec<Vec<String>> = head
            .iter()
            .enumerate()
            .map(|(c, h)| wrap_cell(h, widths[c]))
            .collect();
        line(head_cells, &mut self.out);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        self.out.push_str(&rule.join(&" ".repeat(gap)));
        self.out.push('\n');
        for row in rows {
            let cells: Vec<Vec<String>> = (0..columns)
                .map(|c| wrap_cell(row.get(c).map_or("", String::as_str), widths[c]))
                .collect();
            line(cells, &mut self.out);
        }
        self.out.push('\n');
    }
}

mod context;
mod province;
mod voices;

use context::{frame, indicator_spreads};

#[cfg(test)]
mod tests;
