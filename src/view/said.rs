//! The speaker's words as the briefs print them: each statement we attribute to him, with his
//! exact words quoted in the original, our translation in another edition, where they stand
//! in the speech, and the notes on the speech's own text they contain; and how firmly he put
//! each proposal.

use jiha_data::checked::{Quote, Said, Stance};

use super::*;

/// A quote of the speaker, as printed.
#[derive(Debug, Clone)]
pub struct QuoteView {
    /// His words, in the original language, between its quotation marks (isolated in a
    /// right-to-left edition).
    pub words: String,
    /// The original's BCP 47 tag, for the words' `lang`.
    pub lang: String,
    /// Our translation, between this edition's marks, in an edition that is not the
    /// original's.
    pub translation: Option<String>,
    /// `[1], § 7`: the speech's number in the brief's sources, and the paragraph.
    pub locator: String,
    /// The speech's notes on passages of these words.
    pub notes: Vec<TextNoteView>,
}

/// A note on a passage of the speech as printed: what it says, and how we read it.
#[derive(Debug, Clone)]
pub struct TextNoteView {
    /// `Texte publié : « c'est pas un programme… »`.
    pub printed: String,
    /// `notre lecture : …`.
    pub reading: String,
}

/// A statement attributed to the speaker, and the quotes that back it.
#[derive(Debug, Clone)]
pub struct SaidView {
    pub text: String,
    pub quotes: Vec<QuoteView>,
}

/// How firmly a proposal was put, as its badge says it.
#[derive(Debug, Clone)]
pub struct StanceView {
    pub label: String,
    /// CSS class of the badge (and Typst style).
    pub class: &'static str,
}

impl<'a> Views<'a> {
    /// A quote of the speech, whose number in the brief is `speech`.
    pub(super) fn quote_view(&self, q: &Quote, speech: usize) -> QuoteView {
        let (l, locale, original) = (&self.labels, self.locale, &self.original);
        let isolate = |text: String| {
            if locale.rtl() {
                format!("\u{2068}{text}\u{2069}")
            } else {
                text
            }
        };
        let translated = locale.lang != original.lang;
        QuoteView {
            words: isolate(original.quote(&q.words)),
            lang: original.lang.to_string(),
            translation: translated.then(|| locale.quote(q.translation.get(locale.lang))),
            locator: fill(
                &l.quote_locator,
                &[
                    ("source", &speech.to_string()),
                    ("paragraph", &q.paragraph.to_string()),
                ],
            ),
            notes: q
                .notes
                .iter()
                .map(|n| TextNoteView {
                    printed: labelled(
                        locale.colon(),
                        &l.printed_text,
                        &isolate(original.quote(&n.words)),
                    ),
                    reading: labelled(locale.colon(), &l.our_reading, &self.text(&n.reading)),
                })
                .collect(),
        }
    }

    /// A statement attributed to a voice; `source`, where their words are, is cited in the
    /// brief.
    pub(super) fn said_view(&self, said: &Said, source: SourceRef, cited: &mut Cited) -> SaidView {
        let speech = cited.cite(source);
        SaidView {
            text: self.text(&said.text),
            quotes: said
                .quotes
                .iter()
                .map(|q| self.quote_view(q, speech))
                .collect(),
        }
    }

    /// How the briefs name the voice `v` in their wording.
    pub(super) fn speaker(&self, v: VoiceRef) -> String {
        self.text(&self.dataset.voice(v).speaker)
    }

    /// Whether the voice `v` is known from a press report of their words (a dispatch, an
    /// article), not from their own text: the briefs then say that the press reports them,
    /// not that they say it.
    fn reported(&self, v: VoiceRef) -> bool {
        let d = self.dataset;
        d.source(d.voice(v).source).kind == SourceKind::Press
    }

    /// The heading of what the voice `v` said: « Ce que dit … », or, for a voice known
    /// from the press, that the press reports it.
    pub(super) fn said_heading(&self, v: VoiceRef) -> String {
        let l = &self.labels;
        let label = if self.reported(v) {
            &l.said_reported
        } else {
            &l.said
        };
        fill(label, &[("speaker", &self.speaker(v))])
    }

    /// Whose a role quoted from the voice `v` is: theirs, or, for a voice known from the
    /// press, the press report's.
    pub(super) fn role_given(&self, v: VoiceRef) -> String {
        let l = &self.labels;
        let label = if self.reported(v) {
            &l.role_reported
        } else {
            &l.role_assigned
        };
        fill(label, &[("speaker", &self.speaker(v))])
    }

    pub(super) fn stance_view(&self, stance: Stance) -> StanceView {
        let l = &self.labels;
        let (label, class) = match stance {
            Stance::Example => (&l.stance_example, "example"),
            Stance::Suggestion => (&l.stance_suggestion, "suggestion"),
            Stance::Proposal => (&l.stance_proposal, "proposal"),
            Stance::Announcement => (&l.stance_announcement, "announcement"),
        };
        StanceView {
            label: label.clone(),
            class,
        }
    }
}
