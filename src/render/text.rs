//! Plain text for a terminal or `less`: wrapped to a width, headings underlined, tables in
//! columns.

use textwrap::core::display_width;

use crate::view::{
    BookView, BriefEntry, BriefKind, FigureView, OverviewView, ProposalView, RegionView,
    SourceView, Views,
};

use super::{RenderError, links_for};

/// The narrowest width the layout accepts; narrower requests are widened to it.
pub const MIN_WIDTH: usize = 40;

/// Renders `entry` as text `width` columns wide.
pub fn render(views: &Views, entry: &BriefEntry, width: usize) -> Result<String, RenderError> {
    let dataset = views.dataset();
    let links = links_for(entry);
    let mut doc = Doc::new(width);
    match entry.kind {
        BriefKind::Overview => overview(&mut doc, &views.overview(links), false),
        BriefKind::Proposal => {
            let Some(p) = dataset.proposals.iter().find(|p| p.id == entry.id) else {
                return Err(RenderError::UnknownBrief(entry.id.clone()));
            };
            proposal(&mut doc, &views.proposal(p, links), false);
        }
        BriefKind::Region => {
            let Some(r) = dataset
                .territories
                .regions
                .iter()
                .find(|r| r.id == entry.id)
            else {
                return Err(RenderError::UnknownBrief(entry.id.clone()));
            };
            region(&mut doc, &views.region_brief(r, links), false);
        }
        BriefKind::Book => book(&mut doc, &views.book()),
    }
    Ok(doc.finish())
}

fn overview(doc: &mut Doc, o: &OverviewView, book: bool) {
    doc.title(&o.title);
    doc.para(&o.subtitle);
    doc.para(&o.summary);
    doc.heading("L’événement et l’orateur");
    doc.pairs(&[
        ("Orateur", o.speech.speaker.clone()),
        ("Intervention", format!("«\u{a0}{}\u{a0}»", o.speech.title)),
        (
            "Événement",
            format!("{}, organisé par {}", o.speech.event, o.speech.organiser),
        ),
        ("Thème", format!("«\u{a0}{}\u{a0}»", o.speech.theme)),
        ("Date", o.speech.date.clone()),
        (
            "Source",
            format!(
                "[{}] {}",
                o.speech.source,
                o.speech.note.clone().unwrap_or_default()
            ),
        ),
    ]);
    doc.heading("Messages clés (notre synthèse du discours)");
    doc.bullets(&o.key_messages);
    doc.heading("Les propositions");
    let rows: Vec<Vec<String>> = o
        .proposals
        .iter()
        .map(|l| vec![l.number.clone(), l.title.clone(), l.scope.clone()])
        .collect();
    doc.table(
        &["N°", "Proposition", "Portée"],
        &[false, false, false],
        &rows,
    );
    doc.heading("Couverture des régions par les propositions");
    let mut head: Vec<String> = vec!["Région".to_string()];
    head.extend(o.proposals.iter().map(|l| l.number.clone()));
    head.push("Nb".to_string());
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
    let right = vec![false; head.len()];
    doc.table(&head, &right, &rows);
    doc.para("● proposition qui nomme la région ; ○ proposition de portée nationale ou prévue pour chaque région ; vide : la région n’est pas concernée ; Nb : nombre de propositions qui nomment la région.");
    doc.heading("Chiffres clés et leur statut");
    figures(doc, &o.figures);
    if !book {
        doc.heading("Sources");
        sources(doc, &o.sources);
    }
}

fn proposal(doc: &mut Doc, p: &ProposalView, book: bool) {
    doc.para(&format!(
        "Proposition {} · {} · portée : {}",
        p.number, p.short_title, p.scope
    ));
    doc.title(&p.title);
    doc.para(&p.summary);
    doc.heading("Points clés");
    doc.bullets(&p.key_points);
    doc.heading("Contexte");
    doc.para(&p.context);
    doc.heading("La proposition");
    let mut scope = format!("Portée : {}.", p.scope.to_lowercase());
    if !p.regions.is_empty() {
        let names: Vec<&str> = p.regions.iter().map(|r| r.name.as_str()).collect();
        scope.push_str(&format!(" Régions nommées : {}.", names.join(", ")));
    }
    doc.para(&scope);
    doc.para("Mesures envisagées :");
    doc.bullets(&p.measures);
    doc.heading("Ce qu’en dit l’orateur (argumentation rapportée, non reprise à notre compte)");
    doc.quote(&p.rationale);
    doc.heading("Régions et acteurs");
    let rows: Vec<Vec<String>> = p
        .actors
        .iter()
        .map(|a| vec![a.name.clone(), a.kind.to_string(), a.role.clone()])
        .collect();
    doc.table(&["Acteur", "Type", "Rôle"], &[false, false, false], &rows);
    if !p.figures.is_empty() || !p.indicators.is_empty() {
        doc.heading("Chiffres clés");
        figures(doc, &p.figures);
        if !p.indicators.is_empty() {
            let third = if p.regions.is_empty() {
                "Écart entre régions"
            } else {
                "Région concernée"
            };
            let rows: Vec<Vec<String>> = p
                .indicators
                .iter()
                .map(|i| {
                    let detail = if i.regions.is_empty() {
                        i.range.clone()
                    } else {
                        i.regions.join(" ; ")
                    };
                    vec![
                        format!("{} ({})", i.label, i.year),
                        i.national.clone(),
                        detail,
                        i.status.short.to_string(),
                        format!("[{}]", i.source),
                    ]
                })
                .collect();
            doc.table(
                &["Indicateur", "Maroc", third, "Statut", "Source"],
                &[false, true, false, false, false],
                &rows,
            );
        }
    }
    doc.heading("Points d’attention (analyse jiha)");
    doc.bullets(&p.attention);
    doc.heading("Questions ouvertes (analyse jiha)");
    doc.bullets(&p.questions);
    if book {
        let numbers: Vec<String> = p
            .sources
            .iter()
            .map(|s| format!("[{}]", s.number))
            .collect();
        doc.para(&format!(
            "Sources de cette proposition : {}, voir la liste des sources en fin de dossier.",
            numbers.join(" ")
        ));
    } else {
        doc.heading("Sources");
        sources(doc, &p.sources);
    }
}

fn region(doc: &mut Doc, r: &RegionView, book: bool) {
    doc.para(&format!(
        "Région {} · chef-lieu : {}",
        r.hcp_code, r.capital
    ));
    doc.title(&format!("{} — {}", r.name_fr, r.name_ar));
    doc.heading("Identité");
    let change_sources: String = r.change_sources.iter().map(|n| format!("[{n}]")).collect();
    doc.pairs(&[
        ("Nom (français)", r.name_fr.clone()),
        ("Nom (arabe)", r.name_ar.clone()),
        ("Chef-lieu", r.capital.clone()),
        ("Code HCP", r.hcp_code.clone()),
        (
            "Population légale 2024",
            format!("{} habitants", r.population),
        ),
        (
            "Évolution",
            format!("{} (calcul jiha) {change_sources}", r.population_change),
        ),
    ]);
    doc.heading("Indicateurs face à la moyenne nationale");
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
    doc.table(
        &["Indicateur", "Région", "Maroc", "Écart*", "Statut, source"],
        &[false, true, true, true, false],
        &rows,
    );
    doc.para("* Écart : valeur de la région moins valeur nationale, en points de pourcentage (pt) ou en kilomètres ; pour les effectifs, part de la région dans le total national. Calcul jiha à partir des valeurs du HCP.");
    doc.heading("Propositions qui nomment la région");
    match &r.gap {
        Some(gap) => doc.para(gap),
        None => {
            let items: Vec<String> = r
                .specific
                .iter()
                .map(|l| format!("{}. {}", l.number, l.title))
                .collect();
            doc.bullets(&items);
        }
    }
    doc.heading("Propositions nationales qui la concernent");
    let items: Vec<String> = r
        .national
        .iter()
        .map(|l| format!("{}. {} ({})", l.number, l.title, l.scope.to_lowercase()))
        .collect();
    doc.bullets(&items);
    if !book {
        doc.heading("Sources");
        sources(doc, &r.sources);
    }
}

fn book(doc: &mut Doc, b: &BookView) {
    doc.title(&b.title);
    doc.para(&b.subtitle);
    doc.para(&format!("Édition du {}. {}", b.edition, b.publisher));
    doc.heading("Table des matières");
    let mut items = Vec::new();
    for entry in &b.toc {
        items.push(entry.title.clone());
        items.extend(entry.children.iter().map(|c| format!("    {}", c.title)));
    }
    doc.lines(&items);
    doc.rule();
    overview(doc, &b.overview, true);
    for p in &b.proposals {
        doc.rule();
        proposal(doc, p, true);
    }
    for r in &b.regions {
        doc.rule();
        region(doc, r, true);
    }
    doc.rule();
    doc.title("Sources");
    sources(doc, &b.sources);
    doc.rule();
    doc.title("Glossaire");
    for t in &b.glossary {
        let source = t.source.map(|n| format!(" [{n}]")).unwrap_or_default();
        doc.hanging(&t.term, &format!("{}{source}", t.definition));
    }
    doc.rule();
    doc.title("Colophon");
    doc.para(&b.publisher);
    doc.para("Le texte de chaque proposition résume le discours avec nos propres mots ; l’argumentation de l’orateur est rapportée comme telle, et les chiffres qu’il avance sont présentés comme ses affirmations tant qu’aucune source publique ne les confirme. Les points d’attention et les questions ouvertes sont notre analyse.");
    doc.heading("Crédits");
    let credits: Vec<String> = b
        .credits
        .iter()
        .map(|c| {
            let mut line = format!("{} — {}, licence {}", c.work, c.holder, c.licence);
            if let Some(url) = &c.url {
                line.push_str(&format!(" ({url})"));
            }
            line.push('.');
            if let Some(changes) = &c.changes {
                line.push_str(&format!(" Modifications : {changes}"));
            }
            line
        })
        .collect();
    doc.bullets(&credits);
}

fn figures(doc: &mut Doc, figures: &[FigureView]) {
    let rows: Vec<Vec<String>> = figures
        .iter()
        .map(|f| {
            let mut label = f.label.clone();
            if let Some(period) = &f.period {
                label.push_str(&format!(" ({period})"));
            }
            label.push_str(&format!(" — portée : {}", f.scope));
            if let Some(note) = &f.note {
                label.push_str(&format!(" — {note}"));
            }
            vec![
                label,
                f.value.clone(),
                format!("{} [{}]", f.status.label, f.source),
            ]
        })
        .collect();
    doc.table(
        &["Chiffre", "Valeur", "Statut, source"],
        &[false, true, false],
        &rows,
    );
}

fn sources(doc: &mut Doc, sources: &[SourceView]) {
    for s in sources {
        let mut text = s.citation.clone();
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

    fn pairs(&mut self, pairs: &[(&str, String)]) {
        let label_width = pairs
            .iter()
            .map(|(l, _)| display_width(l))
            .max()
            .unwrap_or(0)
            + 3;
        let label_width = label_width.min(self.width / 2);
        for (label, value) in pairs {
            let head = format!("{label}\u{a0}:");
            let pad = label_width.saturating_sub(display_width(&head)).max(1);
            let first = format!("{head}{}", " ".repeat(pad));
            let lines = self.wrap(value, &first, &" ".repeat(display_width(&first)));
            self.push_lines(&lines);
        }
        self.out.push('\n');
    }

    /// Columns sized to their content, shrunk to fit the width; cells wrap within their
    /// column; `right` aligns numeric columns.
    fn table(&mut self, head: &[&str], right: &[bool], rows: &[Vec<String>]) {
        let columns = head.len();
        // Wide tables (the coverage matrix) need every column they can get.
        let gap = if columns > 6 { 1 } else { 2 };
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
                    .clamp(1, 16)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_fit_the_width() {
        let mut doc = Doc::new(40);
        doc.table(
            &["Nom", "Valeur"],
            &[false, true],
            &[vec![
                "une description assez longue pour devoir passer à la ligne".to_string(),
                "30,4 %".to_string(),
            ]],
        );
        let text = doc.finish();
        assert!(text.lines().all(|l| display_width(l) <= 40), "{text}");
        assert!(text.contains("30,4 %"));
        assert!(text.lines().nth(1).is_some_and(|l| l.starts_with("---")));
    }

    #[test]
    fn headings_are_underlined() {
        let mut doc = Doc::new(80);
        doc.heading("Contexte");
        assert_eq!(doc.finish(), "Contexte\n--------\n");
    }
}
