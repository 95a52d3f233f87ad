//! The overview's voices, in plain text.

use super::*;

/// The overview's voices: each with its disclosure, its source and its key messages.
pub(super) fn voices(doc: &mut Doc, page: &Page, o: &OverviewView) {
    let l = page.l;
    doc.heading(&l.event_and_speaker);
    for v in &o.voices {
        doc.heading(&v.speaker);
        if let Some(disclosure) = &v.disclosure {
            doc.quote(&labelled(page, &l.disclosure, disclosure));
        }
        let mut pairs = vec![
            (v.author_label.as_str(), v.author.clone()),
            (v.title_label.as_str(), v.title.clone()),
        ];
        if let Some(event) = &v.event {
            pairs.push((&l.event, event.clone()));
        }
        if let Some(theme) = &v.theme {
            pairs.push((&l.theme, theme.clone()));
        }
        pairs.push((&l.date, v.date.clone()));
        if let Some(place) = &v.place {
            pairs.push((&l.place, place.clone()));
        }
        let note = v.note.as_deref().unwrap_or_default();
        pairs.push((&l.source, format!("[{}] {note}", v.source)));
        doc.pairs(page, &pairs);
        doc.heading(&v.key_messages_heading);
        doc.para(&l.said_note);
        said(doc, page, &v.key_messages);
    }
}
