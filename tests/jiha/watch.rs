//! `jiha watch`: a save renders again, a broken save keeps the last good output, and with
//! `--serve` the pages come over 127.0.0.1 with the reload script, the files on disk without.

use std::cell::RefCell;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::support::{jiha, tool};

/// How long a test waits for what the watch should do: a debug build on a loaded machine.
const PATIENCE: Duration = Duration::from_secs(120);

/// The proposal the tests edit, and its brief.
const SPARK_FILE: &str = "proposals/programme-spark.ron";
/// The French title of the proposal the tests edit, after its first word, "Spark".
const SPARK_TITLE_REST: &str =
    ", un programme annoncé par Huawei pour les start-ups, PME et TPE innovantes";
const SPARK_BRIEF: &str = "fr/proposals/programme-spark.html";

/// A process that is killed when the test ends, however it ends.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A running `jiha watch` on a dataset of its own, and what it has printed so far.
struct Watching {
    child: RefCell<Killed>,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
    data: TempDir,
    out: TempDir,
    /// The Spark proposal as exported.
    spark: String,
}

impl Watching {
    /// Exports the dataset into a new directory and watches it, in French, the proposals
    /// only (fast enough for a debug build), with `extra` arguments; returns once the
    /// first update has written the briefs.
    fn start(extra: &[&str]) -> Watching {
        let data = TempDir::new().expect("tempdir");
        jiha()
            .arg("export-data")
            .arg(data.path())
            .arg("--force")
            .assert()
            .success();
        let out = TempDir::new().expect("tempdir");
        let mut child = Command::new(env!("CARGO_BIN_EXE_jiha"))
            .args(["watch", "--lang", "fr", "--kind", "proposal", "--data"])
            .arg(data.path())
            .arg("-o")
            .arg(out.path())
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn jiha watch");
        let stdout = collect(child.stdout.take().expect("stdout"));
        let stderr = collect(child.stderr.take().expect("stderr"));
        let spark = std::fs::read_to_string(data.path().join(SPARK_FILE)).expect("the proposal");
        let watching = Watching {
            child: RefCell::new(Killed(child)),
            stdout,
            stderr,
            data,
            out,
            spark,
        };
        watching.until("the first render", || {
            watching.stderr().contains("file(s) written") && watching.brief().is_some()
        });
        watching
    }

    fn stdout(&self) -> String {
        self.stdout.lock().expect("stdout").clone()
    }

    fn stderr(&self) -> String {
        self.stderr.lock().expect("stderr").clone()
    }

    /// The Spark brief as on disk, if it is there.
    fn brief(&self) -> Option<String> {
        std::fs::read_to_string(self.out.path().join(SPARK_BRIEF)).ok()
    }

    fn data_file(&self, name: &str) -> PathBuf {
        self.data.path().join(name)
    }

    /// Writes the Spark proposal as exported, with its French title begun with `title`
    /// instead of "Spark"; `broken` also drops the comma after the title.
    fn retitle(&self, title: &str, broken: bool) {
        let line = format!("\"fr\": \"Spark{SPARK_TITLE_REST}\",\n");
        let comma = if broken { "" } else { "," };
        let new_line = format!("\"fr\": \"{title}{SPARK_TITLE_REST}\"{comma}\n");
        assert!(self.spark.contains(&line), "the exported title");
        let text = self.spark.replacen(&line, &new_line, 1);
        std::fs::write(self.data_file(SPARK_FILE), text).expect("write the proposal");
    }

    /// Waits until `done` holds, failing with what the watch printed after [`PATIENCE`].
    fn until(&self, what: &str, mut done: impl FnMut() -> bool) {
        let start = Instant::now();
        while !done() {
            if let Ok(Some(status)) = self.child.borrow_mut().0.try_wait() {
                panic!("the watch ended ({status}):\n{}", self.stderr());
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited {PATIENCE:?} for {what}; stderr:\n{}\nstdout:\n{}",
                self.stderr(),
                self.stdout()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// What `stream` prints, gathered on a thread as it comes.
fn collect(mut stream: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let gathered = Arc::clone(&text);
    std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(n) = stream.read(&mut buffer) {
            if n == 0 {
                break;
            }
            let chunk = String::from_utf8_lossy(&buffer[..n]).into_owned();
            gathered.lock().expect("gathered").push_str(&chunk);
        }
    });
    text
}

#[test]
fn a_save_renders_again_and_a_broken_save_keeps_the_last_good_output() {
    let watch = Watching::start(&[]);
    assert!(watch.data_file(SPARK_FILE).is_file());
    let first = watch.brief().expect("the brief");
    assert!(first.contains("Spark, un programme annoncé par Huawei"));

    // An editor's swap, test and backup files change nothing and break nothing.
    let proposals = watch.data_file("proposals");
    for junk in [".programme-spark.ron.swp", "4913", "programme-spark.ron~"] {
        std::fs::write(proposals.join(junk), "not RON {").expect("junk");
    }
    std::fs::remove_file(proposals.join("4913")).expect("remove 4913");
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(
        watch.stderr().matches("jiha: checked").count(),
        1,
        "{}",
        watch.stderr()
    );

    watch.retitle("Spark (titre revu)", false);
    watch.until("the new title in the brief", || {
        watch
            .brief()
            .is_some_and(|b| b.contains("Spark (titre revu), un programme"))
    });
    assert!(watch.stdout().contains(SPARK_BRIEF), "{}", watch.stdout());
    let good = watch.brief().expect("the brief");

    let before = watch.stderr().len();
    watch.retitle("Spark (titre cassé)", true);
    watch.until("the syntax error on stderr", || {
        watch.stderr()[before..].contains("jiha: the output is left as it was")
    });
    let errors = watch.stderr()[before..].to_string();
    assert!(errors.contains("error: expected comma"), "{errors}");
    assert!(errors.contains("programme-spark.ron:"), "{errors}");
    assert_eq!(
        watch.brief().as_deref(),
        Some(good.as_str()),
        "the last good output"
    );
    let leftovers: Vec<String> = crate::support::tree(watch.out.path())
        .into_keys()
        .filter(|name| name.contains(".jiha-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    watch.retitle("Spark (titre refait)", false);
    watch.until("the fixed title in the brief", || {
        watch
            .brief()
            .is_some_and(|b| b.contains("Spark (titre refait), un programme"))
    });
}

#[test]
fn a_vanished_dataset_directory_is_waited_for_and_sigterm_ends_the_watch() {
    let watch = Watching::start(&[]);
    let data = watch.data.path().to_path_buf();
    let aside = data.with_extension("aside");
    std::fs::rename(&data, &aside).expect("move the dataset away");
    watch.until("the dataset said gone", || {
        watch.stderr().contains("is gone")
    });
    std::fs::rename(&aside, &data).expect("move the dataset back");
    watch.until("the dataset said back", || {
        watch.stderr().contains("is back")
    });
    watch.retitle("Spark (de retour)", false);
    watch.until("the new title in the brief", || {
        watch
            .brief()
            .is_some_and(|b| b.contains("Spark (de retour)"))
    });

    let pid = watch.child.borrow().0.id().to_string();
    let sent = Command::new("kill").args(["-TERM", &pid]).status();
    assert!(sent.expect("kill").success());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = watch.child.borrow_mut().0.try_wait().expect("wait") {
            break status;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "the watch did not end on SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(128 + 15), "{}", watch.stderr());
    assert!(
        watch.stderr().contains("jiha: interrupted"),
        "{}",
        watch.stderr()
    );
}

/// A response over HTTP/1.1 from 127.0.0.1: its head and its body, `Content-Length` bytes
/// of it when the head says (Chromium's DevTools keep the connection open).
fn get(port: u16, path: &str) -> (String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to 127.0.0.1");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).expect("send");
    let mut response = Vec::new();
    let mut buffer = [0u8; 65536];
    loop {
        let n = stream.read(&mut buffer).expect("read");
        response.extend_from_slice(&buffer[..n]);
        let text = String::from_utf8_lossy(&response);
        let complete = text.split_once("\r\n\r\n").is_some_and(|(head, body)| {
            let length = head.lines().find_map(|l| {
                let (name, value) = l.split_once(':')?;
                name.eq_ignore_ascii_case("content-length")
                    .then(|| value.trim().parse().ok())?
            });
            length.is_some_and(|length: usize| body.len() >= length)
        });
        if n == 0 || complete {
            break;
        }
    }
    let response = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = response.split_once("\r\n\r\n").expect("a head and a body");
    (head.to_string(), body.to_string())
}

/// The port in the URL the watch prints.
fn served_port(watch: &Watching) -> u16 {
    watch.until("the URL", || watch.stdout().contains("serving http://"));
    let stdout = watch.stdout();
    let url = stdout
        .lines()
        .find_map(|l| l.strip_prefix("serving http://127.0.0.1:"))
        .expect("a URL on 127.0.0.1");
    url.trim_end_matches('/').parse().expect("a port")
}

#[test]
fn served_pages_carry_the_reload_script_and_the_errors_the_files_on_disk_do_not() {
    let watch = Watching::start(&["--serve", "--port", "0"]);
    let port = served_port(&watch);
    let (head, page) = get(port, &format!("/{SPARK_BRIEF}"));
    assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
    assert!(
        head.contains("Content-Type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(page.contains("<script src=\"/__jiha/reload.js\""));
    assert!(page.contains("form-action 'none'; script-src 'self'; connect-src 'self'\">"));
    let on_disk = watch.brief().expect("the brief");
    assert!(!on_disk.contains("<script"));
    assert!(on_disk.contains("form-action 'none'\">"));

    let (head, script) = get(port, "/__jiha/reload.js");
    assert!(head.contains("Content-Type: text/javascript"), "{head}");
    assert!(script.contains("/__jiha/version") && script.contains("location.reload()"));
    for (path, status) in [
        ("/../Cargo.toml", "400"),
        ("/fr/%2e%2e/%2e%2e/etc/passwd", "400"),
        ("/fr/nothing.html", "404"),
        ("/fr/proposals", "404"),
    ] {
        let (head, _) = get(port, path);
        assert!(
            head.starts_with(&format!("HTTP/1.1 {status}")),
            "{path}: {head}"
        );
    }
    let (_, index) = get(port, "/");
    assert!(index.contains(&format!("<a href=\"/{SPARK_BRIEF}\">")));

    let (_, first) = get(port, "/__jiha/version");
    watch.retitle("Spark (servi)", false);
    watch.until("a new version", || get(port, "/__jiha/version").1 != first);
    assert!(
        get(port, &format!("/{SPARK_BRIEF}"))
            .1
            .contains("Spark (servi), un programme")
    );

    let (_, second) = get(port, "/__jiha/version");
    watch.retitle("Spark (cassé)", true);
    watch.until("a new version", || get(port, "/__jiha/version").1 != second);
    let (_, page) = get(port, &format!("/{SPARK_BRIEF}"));
    assert!(page.contains("<div id=\"jiha-watch-errors\""));
    assert!(page.contains("error: expected comma"));
    assert!(
        page.contains("&quot;Spark (cassé), un programme"),
        "escaped"
    );
    assert!(
        page.contains("Spark (servi), un programme"),
        "the last good output"
    );
    let on_disk = watch.brief().expect("the brief");
    assert!(!on_disk.contains("<script") && !on_disk.contains("jiha-watch-errors"));
}

/// The title of Chromium's first page, through its DevTools endpoint on 127.0.0.1.
fn chromium_title(devtools: u16) -> String {
    let (_, list) = get(devtools, "/json/list");
    let pages: serde_json::Value = serde_json::from_str(&list).unwrap_or_default();
    pages
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["type"] == "page" && p["url"].as_str().is_some_and(|u| u.contains("127.0.0.1")))
        .and_then(|p| p["title"].as_str())
        .unwrap_or_default()
        .to_string()
}

/// The port Chromium's DevTools listen on, once it has written it into its profile.
fn devtools_port(profile: &Path, watch: &Watching) -> u16 {
    let file = profile.join("DevToolsActivePort");
    watch.until("Chromium's DevTools port", || file.is_file());
    let text = std::fs::read_to_string(&file).expect("DevToolsActivePort");
    text.lines()
        .next()
        .and_then(|l| l.parse().ok())
        .expect("a port")
}

#[test]
#[ignore = "needs chromium"]
fn a_page_open_in_chromium_reloads_by_itself_on_a_save() {
    let watch = Watching::start(&["--serve", "--port", "0"]);
    let port = served_port(&watch);
    let profile = TempDir::new().expect("tempdir");
    let chromium = tool("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--remote-debugging-port=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("http://127.0.0.1:{port}/{SPARK_BRIEF}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn chromium");
    let _chromium = Killed(chromium);
    let devtools = devtools_port(profile.path(), &watch);
    watch.until("the page in Chromium", || {
        chromium_title(devtools).starts_with("Spark, un programme")
    });
    watch.retitle("Spark (rechargé)", false);
    watch.until("the page reloaded with the new title", || {
        chromium_title(devtools).starts_with("Spark (rechargé), un programme")
    });
}
