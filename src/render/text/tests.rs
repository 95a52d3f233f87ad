//! The text layout's own tests: wrapping, tables, headings.

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
