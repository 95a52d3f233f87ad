//! Fuzzes the formats: fuzzed texts, in place of the texts of one proposal of the repository's
//! dataset, checked as `jiha check` would, then that one brief rendered in every format:
//! HTML, Markdown, text and Typst source, and the PDF's Typst source parsed and evaluated by
//! the Typst the binary embeds, which is where an escaping mistake would show. A panic, or a
//! format or Typst refusing what `check` accepted, is a crash. Laying the PDF out and writing
//! it costs about as much again: the `pdf` target does that, on the same inputs.
//!
//! The input is described in `brief.rs`. Built by `fuzz/build.sh` and run
//! as the README says.

#![no_main]

#[path = "brief.rs"]
mod brief;
#[path = "common.rs"]
mod common;

use jiha::render::{Format, Options};
use libfuzzer_sys::fuzz_target;
use typst::World;
use typst::comemo::Track;
use typst::engine::{Route, Sink, Traced};

fuzz_target!(|input: &[u8]| {
    brief::with_document(input, |document| {
        for format in [Format::Html, Format::Md, Format::Txt, Format::Typst] {
            let bytes = format
                .render(document, Options {
                width: 72,
                style: None,
            })
                .unwrap_or_else(|err| {
                    panic!("{} refused what check accepted: {err}", format.name())
                });
            if format == Format::Typst {
                let source = String::from_utf8(bytes).expect("UTF-8");
                let world = jiha::render::typst::world(&source, document.date).expect("a world");
                let world: &dyn World = &world;
                let main = world.source(world.main()).expect("the source");
                let mut sink = Sink::new();
                let evaluated = typst_eval::eval(
                    world.track(),
                    world.library(),
                    Traced::default().track(),
                    sink.track_mut(),
                    Route::default().track(),
                    &main,
                );
                if let Err(errors) = evaluated {
                    let messages: Vec<_> = errors.iter().map(|e| e.message.clone()).collect();
                    panic!("Typst refused the source of what check accepted: {messages:?}");
                }
            }
        }
    });
    // Typst memoizes across evaluations; what the last inputs did not use goes, so that
    // memory stays bounded over millions of inputs.
    typst::comemo::evict(10);
});
