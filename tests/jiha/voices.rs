//! Several voices side by side: a voice added to a copy of the dataset is introduced by the
//! overview, its proposal is listed, grouped and compared with the others, and the map keeps
//! every proposal of a region. No proposal is lost.

use std::path::Path;

use crate::support::{copy_of_data, stdout_on};

/// The third voice's source, for `sources.ron`: an interview with someone else.
const SOURCE: &str = r#"
    Source(
        id: "entretien-troisieme-voix",
        kind: Interview,
        title: "Entretien sur les régions",
        author: Some({"fr": "Nadia Exemple, présidente d'une région", "en": "Nadia Exemple, a region's president", "ar": "نادية مثال، رئيسة جهة"}),
        publisher: Some({"fr": "Un journal", "en": "A newspaper", "ar": "جريدة"}),
        event: None,
        place: Some({"fr": "Agadir", "en": "Agadir", "ar": "أكادير"}),
        date: Some("2024-05"),
        url: None,
        note: None,
    ),
"#;

/// The third voice, for `dataset.ron`.
const VOICE: &str = r#"
        Voice(
            source: "entretien-troisieme-voix",
            speaker: {"fr": "Nadia Exemple", "en": "Nadia Exemple", "ar": "نادية مثال"},
            organisation: "maroc-diplomatique",
            disclosure: None,
            key_messages: [
                Said(
                    text: {"fr": "Elle veut un pôle à Agadir.", "en": "She wants a hub in Agadir.", "ar": "تريد قطبا في أكادير."},
                    quotes: [Quote(words: "un pôle de la mer à Agadir", paragraph: 2, translation: {"en": "a sea hub in Agadir", "ar": "قطب للبحر في أكادير"})],
                ),
            ],
        ),
"#;

/// A copy of the repository's dataset with a third voice and its proposal, in Souss-Massa
/// like the agri-tech example of the first voice.
fn with_a_third_voice() -> tempfile::TempDir {
    let dir = copy_of_data();
    let edit = |name: &str, f: &dyn Fn(String) -> String| {
        let path = dir.path().join(name);
        let text = std::fs::read_to_string(&path).expect("read");
        std::fs::write(&path, f(text)).expect("write");
    };
    edit("sources.ron", &|text| {
        let end = text.rfind(']').expect("the list's end");
        format!("{}{SOURCE}{}", &text[..end], &text[end..])
    });
    edit("dataset.ron", &|text| {
        let themes = text.find("    // The themes").expect("the themes");
        let end = text[..themes].rfind("    ],").expect("the voices' end");
        format!("{}{VOICE}{}", &text[..end], &text[end..])
    });
    let agritech = std::fs::read_to_string(dir.path().join("proposals/pole-agritech-agadir.ron"))
        .expect("the agri-tech proposal");
    let proposal = agritech
        .replace("\"pole-agritech-agadir\"", "\"pole-mer-agadir\"")
        .replace("order: 5,", "order: 14,")
        .replace(
            "voice: \"discours-achour\"",
            "voice: \"entretien-troisieme-voix\"",
        )
        .replace(
            "Agri-tech (Agadir)\",\n        \"en\": \"Agri-tech (Agadir)",
            "Mer (Agadir)\",\n        \"en\": \"Sea (Agadir)",
        )
        .replace(
            "\"ar\": \"التكنولوجيا الفلاحية (أكادير)\"",
            "\"ar\": \"البحر (أكادير)\"",
        )
        .replace("l'agri-tech à Agadir\"", "la mer à Agadir\"")
        .replace(
            "agri-tech “capital” in Agadir\"",
            "sea “capital” in Agadir\"",
        )
        .replace("للتكنولوجيا الفلاحية في أكادير\"", "للبحر في أكادير\"");
    assert!(proposal.contains("Mer (Agadir)") && proposal.contains("Sea (Agadir)"));
    std::fs::write(dir.path().join("proposals/pole-mer-agadir.ron"), proposal).expect("write");
    dir
}

fn overview(data: &Path, lang: &str) -> String {
    let args = ["render", "overview", "-f", "html", "-l", lang, "-o", "-"];
    stdout_on(data, &args)
}

#[test]
fn a_third_voice_is_introduced_compared_and_drawn_and_no_proposal_is_lost() {
    let dir = with_a_third_voice();
    stdout_on(dir.path(), &["check"]);
    for (lang, mine, theirs, heading) in [
        (
            "fr",
            "Mer (Agadir)",
            "Agri-tech (Agadir)",
            "Nadia Exemple\u{a0}: propositions",
        ),
        (
            "en",
            "Sea (Agadir)",
            "Agri-tech (Agadir)",
            "Nadia Exemple: proposals",
        ),
        (
            "ar",
            "البحر (أكادير)",
            "التكنولوجيا الفلاحية (أكادير)",
            "نادية مثال: المقترحات",
        ),
    ] {
        // (Without the isolates that keep a proposal's number left to right in Arabic.)
        let html = overview(dir.path(), lang).replace(['\u{2066}', '\u{2069}'], "");
        // Introduced, with who she is, and her proposals under her name.
        assert!(
            html.contains("<h3>Nadia Exemple</h3>") || html.contains("<h3>نادية مثال</h3>"),
            "{lang}: not introduced"
        );
        assert!(html.contains(heading), "{lang}: no heading `{heading}`");
        // Every proposal is listed: P1 to P14, each once in the lists.
        for n in 1..=14 {
            assert!(
                html.contains(&format!("<td>P{n}</td>")),
                "{lang}: P{n} is missing"
            );
        }
        // Compared: her column in the table of the voices by theme holds P14.
        let comparison = &html[html.find("class=\"comparison\"").expect("the comparison")..];
        let comparison = &comparison[..comparison.find("</table>").expect("its end")];
        assert_eq!(
            comparison.matches("<th scope=\"col\">").count(),
            4,
            "{lang}: a theme column and three voices"
        );
        assert!(
            comparison.contains("<td>P14</td>"),
            "{lang}: P14 is not compared"
        );
        // Drawn: both poles of Souss-Massa have their label on the map.
        let map = &html[html.find("<svg").expect("the map")..];
        // (Without the right-to-left marks that frame an Arabic name in a drawing.)
        let map = map[..map.find("</svg>").expect("its end")].replace('\u{200F}', "");
        for pole in [mine, theirs] {
            assert!(
                map.contains(&format!(">{pole}</text>")),
                "{lang}: the map lost `{pole}`"
            );
        }
    }
}

/// The heading over what a proposal's voice said, in a brief rendered as text.
fn said_heading(data: &Path, proposal: &str, lang: &str) -> String {
    let text = stdout_on(
        data,
        &["render", proposal, "-f", "txt", "-l", lang, "-o", "-"],
    );
    let lines: Vec<&str> = text.lines().collect();
    let underline = lines
        .iter()
        .position(|l| l.starts_with("---"))
        .expect("a heading under the title");
    lines[underline - 1].to_string()
}

#[test]
fn a_voice_known_from_a_press_report_is_headed_as_reported_not_as_said() {
    let dir = copy_of_data();
    let reported = "universite-developpement-regional";
    for (lang, press, speech) in [
        (
            "fr",
            "Abdellatif Miraoui\u{a0}: propos rapportés par la presse",
            "Ce que dit Chakib Achour",
        ),
        (
            "en",
            "Abdellatif Miraoui: words as reported in the press",
            "What Chakib Achour says",
        ),
    ] {
        assert_eq!(said_heading(dir.path(), reported, lang), press, "{lang}");
        let own = said_heading(dir.path(), "filieres-universitaires-regionales", lang);
        assert_eq!(own, speech, "{lang}");
    }
    // The same voice, were its source his own speech, is headed as said.
    let path = dir.path().join("sources.ron");
    let sources = std::fs::read_to_string(&path).expect("read");
    let dispatch = sources
        .find("id: \"depeche-miraoui-md-talks-2022\",\n        kind: Press,")
        .expect("the dispatch");
    let mut edited = sources.clone();
    let kind = dispatch + sources[dispatch..].find("Press").expect("its kind");
    edited.replace_range(kind..kind + "Press".len(), "Speech");
    std::fs::write(&path, edited).expect("write");
    assert_eq!(
        said_heading(dir.path(), reported, "fr"),
        "Ce que dit Abdellatif Miraoui"
    );
}
