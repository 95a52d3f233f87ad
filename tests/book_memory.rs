//! The memory a PDF takes to lay out grows in step with its pages: each size is compiled in
//! a process of its own (this test binary, run again), which reports its peak memory.
//!
//! The running header of every page names the part it is in, found among the level-1
//! headings. It used to look every heading's page up on every page: memory in pages ×
//! headings, which made the book of 600 proposals take 9.8 GB (docs/performance.md).

/// Set in the child process to the number of pages it compiles.
const PAGES: &str = "JIHA_TEST_MEMORY_PAGES";

/// The preamble of jiha's Typst source (page, header, footer, styles), from the overview.
fn preamble() -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jiha"))
        .args(["render", "overview", "-f", "typst", "-l", "fr", "-o", "-"])
        .output()
        .expect("jiha runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let source = String::from_utf8(out.stdout).expect("UTF-8");
    let end = source
        .find("\n#let analysis(")
        .expect("the preamble's last definition");
    let end = end + 1 + source[end + 1..].find('\n').expect("its end") + 1;
    source[..end].to_string()
}

/// The peak heap, in bytes above what was in use before, of compiling `pages` pages, each a
/// part of its own (a level-1 heading) and a short text.
fn peak_of(preamble: &str, pages: usize) -> usize {
    let mut source = preamble.to_string();
    for i in 0..pages {
        source.push_str(&format!(
            "#pagebreak()\n= Partie {i}\nTexte court de la partie {i}.\n"
        ));
    }
    let out = std::process::Command::new(std::env::current_exe().expect("this test"))
        .args([
            "--exact",
            "compile_in_a_child",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env(PAGES, pages.to_string())
        // One thread and one malloc arena, so that the peak is the same from run to run.
        .env("RAYON_NUM_THREADS", "1")
        .env("MALLOC_ARENA_MAX", "1")
        .env("JIHA_TEST_MEMORY_SOURCE", source)
        .output()
        .expect("the test binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
        .lines()
        .find_map(|l| l.split_once("peak: "))
        .and_then(|(_, kb)| kb.trim().parse::<usize>().ok())
        .expect("the child reports its peak")
        * 1024
}

/// The child: compiles the source it is given and prints its peak resident memory. Without
/// the variable (a plain `cargo test`), it does nothing.
#[test]
fn compile_in_a_child() {
    let Ok(source) = std::env::var("JIHA_TEST_MEMORY_SOURCE") else {
        return;
    };
    let pdf = jiha::render::typst::pdf(&source, "memory", (2026, 1, 1)).expect("compiles");
    assert!(pdf.starts_with(b"%PDF"));
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux");
    let peak = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .expect("the peak resident memory");
    println!("peak: {}", peak.trim().trim_end_matches("kB"));
}

/// Adding the same number of pages costs about the same memory, however many there are
/// already: with memory in pages × headings, the third step cost about twice the first.
#[test]
fn layout_memory_grows_in_step_with_the_pages() {
    if std::env::var_os(PAGES).is_some() || !std::path::Path::new("/proc/self/status").exists() {
        return;
    }
    let preamble = preamble();
    let [a, b, c] = [40, 80, 120].map(|pages| peak_of(&preamble, pages));
    eprintln!("peak memory for 40, 80, 120 pages: {a}, {b}, {c} bytes");
    let (first, second) = (b.saturating_sub(a), c.saturating_sub(b));
    assert!(
        first > 0 && (second as f64) < 1.25 * first as f64,
        "peak heap for 40, 80, 120 pages: {a}, {b}, {c} bytes; the second 40 pages took {second}, the first {first}"
    );
}
