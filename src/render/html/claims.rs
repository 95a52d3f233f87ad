//! The speaker's claims a page shows, as schema.org `ClaimReview`, the form fact-checkers
//! exchange their verdicts in: JSON-LD in the page's head, a data block that no browser runs
//! and that the page's Content-Security-Policy leaves as it is.

use serde_json::{Value, json};

use crate::view::{BookBrief, Brief, ClaimView, Document, FigureView};

/// The `<script type="application/ld+json">` element of the claims `document` shows, each
/// once, in the order of the page; empty when it shows none.
pub fn json_ld(document: &Document) -> String {
    let mut claims: Vec<&ClaimView> = Vec::new();
    for figure in figures(&document.brief) {
        if let Some(claim) = &figure.claim
            && !claims.iter().any(|c| c.id == claim.id)
        {
            claims.push(claim);
        }
    }
    if claims.is_empty() {
        return String::new();
    }
    let page = &document.page;
    let (y, m, d) = document.date;
    let reviews: Vec<Value> = claims
        .iter()
        .map(|c| review(c, page.lang, &page.editor, &format!("{y:04}-{m:02}-{d:02}")))
        .collect();
    let json = serde_json::to_string(&Value::Array(reviews)).unwrap_or_default();
    // Nothing in the data can end the element: `<` is written as its JSON escape.
    let json = json.replace('<', "\\u003c");
    format!("<script type=\"application/ld+json\">{json}</script>\n")
}

/// One claim and our verdict on it.
fn review(claim: &ClaimView, lang: &str, editor: &str, date: &str) -> Value {
    let mut appearance = json!({"@type": "CreativeWork", "name": claim.source_title});
    if let Some(url) = &claim.source_url {
        appearance["url"] = json!(url);
    }
    let mut item = json!({
        "@type": "Claim",
        "author": {"@type": "Person", "name": claim.speaker},
        "appearance": appearance,
    });
    if let Some(words) = &claim.words {
        item["text"] = json!(words);
    }
    json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "inLanguage": lang,
        "datePublished": date,
        "claimReviewed": claim.claim,
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": editor},
        "reviewRating": {"@type": "Rating", "alternateName": claim.verdict},
    })
}

/// Every figure the brief shows, in the order of the page.
fn figures(brief: &Brief) -> Vec<&FigureView> {
    match brief {
        Brief::Overview(o) => o.figures.iter().collect(),
        Brief::Proposal(p) => p.figures.iter().collect(),
        Brief::Region(_) | Brief::Province(_) => Vec::new(),
        Brief::Book(book) => (book.parts.iter())
            .flat_map(|part| &part.briefs)
            .flat_map(|b| match b {
                BookBrief::Overview(o) => o.figures.iter().collect::<Vec<_>>(),
                BookBrief::Proposal(p) => p.figures.iter().collect(),
                BookBrief::Region(_) => Vec::new(),
            })
            .collect(),
    }
}
