//! Every command and exit code, as a user meets them.

use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::{Edit, broken, jiha, tree};

const REGIONS: [&str; 12] = [
    "tanger-tetouan-al-hoceima",
    "oriental",
    "fes-meknes",
    "rabat-sale-kenitra",
    "beni-mellal-khenifra",
    "casablanca-settat",
    "marrakech-safi",
    "draa-tafilalet",
    "souss-massa",
    "guelmim-oued-noun",
    "laayoune-sakia-el-hamra",
    "dakhla-oued-ed-dahab",
];

fn list_ids(extra: &[&str]) -> Vec<String> {
    let output = jiha().arg("list").args(extra).output().expect("run");
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| l.split_whitespace().next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn list_shows_every_brief_with_kind_and_title() {
    let output = jiha().arg("list").assert().success();
    let stdout = String::from_utf8_lossy(&output.get_output().stdout).into_owned();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1 + 13 + 12 + 75 + 1, "{stdout}");
    assert!(lines[0].starts_with("overview "));
    assert!(lines.last().is_some_and(|l| l.starts_with("book ")));
    assert_eq!(stdout.matches("  proposal  ").count(), 13);
    assert_eq!(stdout.matches("  region  ").count(), 12);
    for region in REGIONS {
        assert!(stdout.contains(&format!("{region} ")), "{region} missing");
    }
    assert!(stdout.contains("Région\u{a0}: Drâa-Tafilalet"));
}

#[test]
fn render_writes_every_listed_brief_but_the_provinces() {
    let out = TempDir::new().expect("tempdir");
    let assert = jiha()
        .args(["render", "-f", "html", "-o"])
        .arg(out.path())
        .assert()
        .success();
    let printed = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    let files = tree(out.path());
    assert_eq!(files.len(), 3 * 27, "{:?}", files.keys());
    assert_eq!(printed.lines().count(), 3 * 27);
    for lang in ["fr", "en", "ar"] {
        let kinds = ["--kind", "overview,proposal,region,book"];
        for id in list_ids(&kinds) {
            let stem = match id.as_str() {
                "overview" | "book" => id.clone(),
                r if REGIONS.contains(&r) => format!("regions/{r}"),
                p => format!("proposals/{p}"),
            };
            assert!(
                files.contains_key(&format!("{lang}/{stem}.html")),
                "{lang}/{stem}.html missing"
            );
        }
    }
    assert!(!files.keys().any(|k| k.contains("/provinces/")));
    // Nothing else is left behind (no temporary files).
    assert!(files.keys().all(|k| k.ends_with(".html")));
}

#[test]
fn render_named_briefs_only() {
    let out = TempDir::new().expect("tempdir");
    jiha()
        .args([
            "render", "oriental", "overview", "-f", "html", "-l", "en", "-o",
        ])
        .arg(out.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("en/regions/oriental.html"))
        .stdout(predicate::str::contains("en/overview.html"));
    assert_eq!(tree(out.path()).len(), 2);
}

#[test]
fn render_to_stdout_takes_one_brief() {
    jiha()
        .args(["render", "oriental", "-o", "-"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("<!DOCTYPE html>"))
        .stdout(predicate::str::contains("30,4\u{a0}%"));
    jiha()
        .args(["render", "oriental", "overview", "-o", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`-o -` writes one brief"));
}

#[test]
fn render_leaves_other_files_alone() {
    let out = TempDir::new().expect("tempdir");
    std::fs::write(out.path().join("notes.txt"), "mine").expect("write");
    jiha()
        .args(["render", "overview", "-o"])
        .arg(out.path())
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(out.path().join("notes.txt")).expect("read"),
        "mine"
    );
}

#[test]
fn unknown_brief_suggests_the_closest() {
    jiha()
        .args(["render", "orientl", "-o", "-"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: no brief has the id `orientl`",
        ))
        .stderr(predicate::str::contains("help: did you mean `oriental`?"));
}

#[test]
fn usage_errors_exit_2() {
    jiha().arg("render").arg("--bogus").assert().code(2);
    jiha().assert().code(2);
}

#[test]
fn help_and_version() {
    jiha()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("export-data"));
    jiha()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("jiha "));
}

#[test]
fn check_accepts_the_embedded_dataset() {
    jiha()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "ok: 13 proposals, 12 regions, 75 provinces and préfectures \
             (and 8 préfectures d'arrondissements), 1503 communes",
        ))
        .stdout(predicate::str::contains("0 errors, 0 warnings"));
}

#[test]
fn commands_refuse_a_broken_dataset() {
    let dir = broken(&[Edit {
        file: "proposals/programme-spark.ron",
        find: "actor: \"startups-pme-tpe\"",
        replace: "actor: \"startups\"",
    }]);
    for command in ["list", "render", "check"] {
        jiha()
            .arg(command)
            .arg("--data")
            .arg(dir.path())
            .args(if command == "render" {
                vec!["-o", "-", "overview"]
            } else {
                vec![]
            })
            .assert()
            .code(1)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains("error: unknown actor `startups`"));
    }
}

#[test]
fn missing_data_directory_is_an_error() {
    jiha()
        .args(["check", "--data", "/nonexistent/jiha-data"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("/nonexistent/jiha-data"));
}

#[test]
fn exported_dataset_renders_the_same_briefs() {
    let work = TempDir::new().expect("tempdir");
    let data = work.path().join("d");
    jiha().arg("export-data").arg(&data).assert().success();
    let exported = tree(&data);
    assert!(exported.contains_key("dataset.ron"));
    assert_eq!(
        exported
            .keys()
            .filter(|k| k.starts_with("proposals/"))
            .count(),
        13
    );
    // Each file opens with what it holds and where its fields are described.
    for (name, bytes) in &exported {
        let text = String::from_utf8_lossy(bytes);
        assert!(text.starts_with("// jiha dataset: "), "{name}");
        assert!(text.contains("`jiha help data-format`"), "{name}");
    }
    let proposal = String::from_utf8_lossy(&exported["proposals/programme-spark.ron"]);
    assert!(proposal.starts_with("// jiha dataset: the proposal `programme-spark`.\n"));

    jiha()
        .args(["check", "--data"])
        .arg(&data)
        .assert()
        .success();
    // Exported again, a copy keeps its one header.
    let again = work.path().join("again");
    jiha()
        .args(["export-data", "--data"])
        .arg(&data)
        .arg(&again)
        .assert()
        .success();
    assert_eq!(tree(&again), exported);
    let embedded_out = work.path().join("embedded");
    let exported_out = work.path().join("exported");
    jiha()
        .args(["render", "-f", "html,md", "-l", "fr,ar", "-o"])
        .arg(&embedded_out)
        .assert()
        .success();
    jiha()
        .args(["render", "-f", "html,md", "-l", "fr,ar", "--data"])
        .arg(&data)
        .arg("-o")
        .arg(&exported_out)
        .assert()
        .success();
    assert_eq!(tree(&embedded_out), tree(&exported_out));
}

#[test]
fn export_refuses_to_overwrite_without_force() {
    let work = TempDir::new().expect("tempdir");
    let data = work.path().join("d");
    jiha().arg("export-data").arg(&data).assert().success();
    std::fs::write(data.join("sources.ron"), "edited").expect("write");
    jiha()
        .arg("export-data")
        .arg(&data)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exist"))
        .stderr(predicate::str::contains("--force"));
    assert_eq!(
        std::fs::read_to_string(data.join("sources.ron")).expect("read"),
        "edited"
    );
    jiha()
        .arg("export-data")
        .arg(&data)
        .arg("--force")
        .assert()
        .success();
    assert_ne!(
        std::fs::read_to_string(data.join("sources.ron")).expect("read"),
        "edited"
    );
}

#[test]
fn rendering_twice_gives_the_same_bytes() {
    // In two different directories: nothing of the machine or the path leaks in.
    let work = TempDir::new().expect("tempdir");
    let (a, b) = (work.path().join("a"), work.path().join("deeper/b"));
    for dir in [&a, &b] {
        jiha()
            .args(["render", "-f", "all", "-l", "fr,ar", "-o"])
            .arg(dir)
            .assert()
            .success();
    }
    let (a, b) = (tree(&a), tree(&b));
    assert_eq!(a.len(), 2 * 27 * 5);
    assert_eq!(a, b);
}

#[test]
fn an_unknown_language_is_refused() {
    jiha()
        .args(["render", "-l", "de", "-o", "-"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: the dataset has no `de` edition",
        ))
        .stderr(predicate::str::contains(
            "help: its languages are fr, en, ar",
        ));
}

#[test]
fn list_and_show_speak_every_language() {
    jiha()
        .args(["list", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains("oriental"))
        .stdout(predicate::str::contains("Oriental region"));
    jiha()
        .args(["list", "--lang", "ar"])
        .assert()
        .success()
        .stdout(predicate::str::contains("جهة الشرق"));
}

#[test]
fn render_only_some_kinds_of_brief() {
    let out = TempDir::new().expect("tempdir");
    jiha()
        .args([
            "render",
            "--kind",
            "region,overview",
            "-f",
            "html",
            "-l",
            "fr",
            "-o",
        ])
        .arg(out.path())
        .assert()
        .success();
    let files = tree(out.path());
    assert_eq!(files.len(), 13);
    assert!(files.contains_key("fr/overview.html"));
    assert!(
        files
            .keys()
            .all(|k| k == "fr/overview.html" || k.starts_with("fr/regions/"))
    );
}

/// A selection that matches nothing says so and fails, instead of writing nothing in silence.
#[test]
fn a_selection_that_matches_no_brief_is_an_error() {
    let out = TempDir::new().expect("tempdir");
    for (id, kind) in [("oriental", "proposal"), ("book", "region")] {
        let output = jiha()
            .args(["render", id, "--kind", kind, "-f", "html", "-o"])
            .arg(out.path())
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "none of the briefs named ({id}) is of the kind asked for ({kind})"
            )),
            "{stderr}"
        );
        assert!(stderr.contains("jiha list"), "{stderr}");
    }
    assert!(tree(out.path()).is_empty());
}

/// A UTF-8 byte-order mark, which some editors add, is accepted at the start of any file.
#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = crate::support::copy_of_data();
    for file in [
        "dataset.ron",
        "proposals/programme-spark.ron",
        "labels/ar.ron",
    ] {
        let path = dir.path().join(file);
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        bytes.extend(std::fs::read(&path).expect("read"));
        std::fs::write(&path, bytes).expect("write");
    }
    jiha()
        .args(["check", "--data"])
        .arg(dir.path())
        .assert()
        .success();
}

/// `--data` naming a folder inside a dataset, or the folder above one, says which was meant
/// instead of reporting every file as missing.
#[test]
fn data_that_is_not_a_dataset_suggests_the_one_nearby() {
    let dataset = crate::support::copy_of_data();
    let proposals = dataset.path().join("proposals");
    let cases = [
        (
            proposals.clone(),
            "has no dataset.ron",
            Some(dataset.path()),
        ),
        (dataset.path().join("nope"), "does not exist", None),
        (
            dataset.path().join("dataset.ron"),
            "is not a directory",
            None,
        ),
    ];
    for (dir, why, meant) in cases {
        let output = jiha()
            .arg("check")
            .arg("--data")
            .arg(&dir)
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert_eq!(stderr.lines().count(), 2, "{stderr}");
        assert!(
            stderr.contains(&format!("`{}` {why}", dir.display())),
            "{stderr}"
        );
        match meant {
            Some(meant) => assert!(
                stderr.contains(&format!("did you mean `--data {}`?", meant.display())),
                "{stderr}"
            ),
            None => assert!(stderr.contains("export-data"), "{stderr}"),
        }
    }
}

#[test]
fn help_prints_the_data_format_and_each_command() {
    let reference = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/data-format.md"),
    )
    .expect("docs/data-format.md");
    jiha()
        .args(["help", "data-format"])
        .assert()
        .success()
        .stdout(reference);
    jiha()
        .args(["help", "render"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Usage: jiha render [OPTIONS] [ID]...",
        ))
        .stdout(predicate::str::contains("--format <LIST>"));
    jiha()
        .args(["help", "rendre"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no help on `rendre`: ask for one of `list`, `show`, `render`",
        ))
        .stderr(predicate::str::contains("or `data-format`"));
}

#[test]
fn completions_name_every_command_in_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = jiha().args(["completions", shell]).output().expect("run");
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).expect("UTF-8");
        for word in ["render", "export-data", "completions", "format"] {
            assert!(script.contains(word), "{shell}: no `{word}`");
        }
    }
    // The bash script is valid bash.
    let dir = tempfile::TempDir::new().expect("temporary directory");
    let path = dir.path().join("jiha.bash");
    let script = jiha().args(["completions", "bash"]).output().expect("run");
    std::fs::write(&path, script.stdout).expect("write");
    let syntax = std::process::Command::new("bash")
        .arg("-n")
        .arg(&path)
        .status()
        .expect("run bash");
    assert!(syntax.success(), "bash -n refused the completion script");
    jiha()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values: bash"));
}

#[test]
fn man_prints_a_page_for_every_command() {
    let output = jiha().arg("man").output().expect("run");
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(page.contains(".TH jiha 1"), "{page}");
    for command in ["list", "show", "render", "check", "export\\-data"] {
        assert!(page.contains(command), "the page lacks `{command}`");
    }
    // Same binary, same page: no date in it.
    let again = jiha().arg("man").output().expect("run");
    assert_eq!(page.as_bytes(), again.stdout);
}
