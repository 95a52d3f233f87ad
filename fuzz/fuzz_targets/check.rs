//! Fuzzes the rules, one file at a time: any bytes, in place of one file of the repository's
//! dataset (its first byte chooses which), checked against the rest of it, parsed and checked
//! once (`check::single::Base`), must give a dataset or located findings, never a panic, a
//! hang, or a value that a rule let through and the checked dataset cannot resolve.
//!
//! Built by `fuzz/build.sh` and run as the README says.

#![no_main]

#[path = "common.rs"]
mod common;

use jiha_data::check::{DataFile, single::Base};
use libfuzzer_sys::fuzz_target;

thread_local! {
    /// The repository's dataset, parsed and checked once, and its files' names.
    static BASE: (Base<'static>, Vec<(String, String)>) = {
        let files = common::repository_files();
        let mut names: Vec<(String, String)> =
            files.iter().map(|f| (f.name.clone(), f.display.clone())).collect();
        // In the order of `fuzz/seed.sh`: the first byte of a seed names its file.
        names.sort();
        let base = Base::new("data", files, &common::COVERAGE)
            .unwrap_or_else(|report| panic!("{}", report.render()));
        (base, names)
    };
}

fuzz_target!(|input: &[u8]| {
    let Some((&which, bytes)) = input.split_first() else {
        return;
    };
    BASE.with(|(base, names)| {
        let (name, display) = &names[usize::from(which) % names.len()];
        let file = DataFile {
            name: name.clone(),
            display: display.clone(),
            bytes: bytes.to_vec(),
            unreadable: None,
        };
        match base.load(file) {
            Ok((_, warnings)) => common::check_report(warnings),
            Err(report) => {
                assert!(report.has_errors(), "refused without an error");
                common::check_report(report);
            }
        }
    });
});
