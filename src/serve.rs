//! `watch --serve`: the output directory served on 127.0.0.1 alone, over a minimal HTTP/1.1
//! (GET and HEAD, one request per connection). HTML pages are served with a reload script and,
//! while the dataset is broken, its errors ([`page`]); every other file as it is on disk.
//! Only files under the output directory are served, never through a link.

mod page;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use crate::error::Error;

/// What the pages served show of the watch: the output's version and, while the dataset is
/// broken, its errors. Shared between the watch and the server.
#[derive(Debug, Default)]
pub struct Live {
    state: Mutex<State>,
}

#[derive(Debug, Default, Clone)]
struct State {
    /// Changes whenever what a page shows changes: files written, errors come or gone.
    version: u64,
    /// The diagnostics of the last save, while they keep the dataset from rendering.
    errors: Option<String>,
}

impl Live {
    /// Notes the outcome of an update: `written` files changed on disk, `errors` (or none)
    /// what the dataset's last save shows. The version changes if either changed anything.
    pub fn update(&self, written: bool, errors: Option<String>) {
        let mut state = self.lock();
        if written || state.errors != errors {
            state.version += 1;
            state.errors = errors;
        }
    }

    fn snapshot(&self) -> State {
        self.lock().clone()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Starts serving `root` on 127.0.0.1 at `port` (0: any free port), on threads of its own;
/// returns the address it listens on.
pub fn start(root: PathBuf, port: u16, live: Arc<Live>) -> Result<SocketAddr, Error> {
    let bound = TcpListener::bind((Ipv4Addr::LOCALHOST, port));
    let listener = bound.map_err(|e| Error::io(format!("127.0.0.1:{port}"), e))?;
    let address = listener
        .local_addr()
        .map_err(|e| Error::io(format!("127.0.0.1:{port}"), e))?;
    let root = Arc::new(root);
    let spawned = std::thread::Builder::new()
        .name("jiha-serve".into())
        .spawn(move || {
            for stream in listener.incoming().filter_map(Result::ok) {
                let (root, live) = (Arc::clone(&root), Arc::clone(&live));
                // A connection that cannot get a thread is dropped; the browser asks again.
                let _ = std::thread::Builder::new()
                    .name("jiha-serve-request".into())
                    .spawn(move || answer(stream, &root, &live));
            }
        });
    spawned.map_err(|e| Error::io(format!("127.0.0.1:{port}"), e))?;
    Ok(address)
}

/// A response: status, content type, body.
struct Response {
    status: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
}

impl Response {
    fn text(status: &'static str, text: &str) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: text.as_bytes().to_vec(),
        }
    }
}

/// Reads one request from `stream` and answers it. A client that hangs up or sends nothing
/// in time gets nothing.
fn answer(stream: TcpStream, root: &Path, live: &Live) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    // At most 8 KiB per line of the head, 100 lines: enough for any browser.
    if (&mut reader)
        .take(8192)
        .read_line(&mut request_line)
        .is_err()
    {
        return;
    }
    for _ in 0..100 {
        let mut header = String::new();
        match (&mut reader).take(8192).read_line(&mut header) {
            Ok(0) | Err(_) => break,
            Ok(_) if header.trim().is_empty() => break,
            Ok(_) => {}
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let response = match method {
        "GET" | "HEAD" => respond(target, root, live),
        _ => Response::text("405 Method Not Allowed", "only GET and HEAD\n"),
    };
    let _ = send(&stream, &response, method == "HEAD");
}

fn send(mut stream: &TcpStream, response: &Response, head_only: bool) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        response.status,
        response.content_type,
        response.body.len()
    );
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&response.body)?;
    }
    stream.flush()
}

/// The response to a request for `target`.
fn respond(target: &str, root: &Path, live: &Live) -> Response {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let state = live.snapshot();
    match path {
        page::VERSION => Response::text("200 OK", &state.version.to_string()),
        page::RELOAD_JS => Response {
            status: "200 OK",
            content_type: "text/javascript; charset=utf-8",
            body: page::RELOAD_SCRIPT.as_bytes().to_vec(),
        },
        "/" => html(&page::listing(root), &state),
        _ => match relative(path) {
            Some(relative) => file(root, &relative, &state),
            None => Response::text("400 Bad Request", "not a path under the output\n"),
        },
    }
}

/// An HTML page as served.
fn html(text: &str, state: &State) -> Response {
    Response {
        status: "200 OK",
        content_type: "text/html; charset=utf-8",
        body: page::served(text, state.version, state.errors.as_deref()).into_bytes(),
    }
}

/// The file at `relative` under `root`, or 404 when there is none there (or it is reached
/// through a link, or is a folder).
fn file(root: &Path, relative: &str, state: &State) -> Response {
    let not_found = || Response::text("404 Not Found", "not found\n");
    let Ok(path) = crate::output::check_target(root, relative) else {
        return not_found();
    };
    let Ok(bytes) = std::fs::read(&path) else {
        return not_found();
    };
    let content_type = content_type(relative);
    if content_type.starts_with("text/html") {
        return html(&String::from_utf8_lossy(&bytes), state);
    }
    Response {
        status: "200 OK",
        content_type,
        body: bytes,
    }
}

/// The path of a request, decoded, without its leading `/`: `None` for one that is not
/// plainly a path under the output (`..`, `.`, empty segments, backslashes, NUL, bad
/// percent-encoding).
fn relative(path: &str) -> Option<String> {
    let decoded = percent_decoded(path.strip_prefix('/')?)?;
    let plain = decoded
        .split('/')
        .all(|s| !s.is_empty() && s != "." && s != ".." && !s.contains(['\\', '\0']));
    plain.then_some(decoded)
}

fn percent_decoded(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The content type of a file the output holds, by its extension.
fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match extension {
        "html" => "text/html; charset=utf-8",
        "pdf" => "application/pdf",
        "md" => "text/markdown; charset=utf-8",
        "txt" | "typ" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "css" => "text/css; charset=utf-8",
        "png" => "image/png",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_paths_under_the_output_are_taken() {
        assert_eq!(
            relative("/fr/overview.html").as_deref(),
            Some("fr/overview.html")
        );
        assert_eq!(relative("/fr/a%20b.html").as_deref(), Some("fr/a b.html"));
        for refused in [
            "/../x",
            "/fr/../../x",
            "/%2e%2e/x",
            "/fr/%2E%2E/x",
            "/./x",
            "//etc/passwd",
            "/fr/",
            "/a\\b",
            "/a%5c..",
            "/a%00",
            "/a%zz",
            "/a%2",
            "relative",
        ] {
            assert_eq!(relative(refused), None, "{refused}");
        }
    }

    #[test]
    fn the_version_changes_only_with_what_a_page_shows() {
        let live = Live::default();
        live.update(false, None);
        assert_eq!(live.snapshot().version, 0);
        live.update(true, None);
        live.update(false, Some("error: x".into()));
        live.update(false, Some("error: x".into()));
        assert_eq!(live.snapshot().version, 2);
        live.update(false, None);
        assert_eq!(live.snapshot().version, 3);
        assert_eq!(live.snapshot().errors, None);
    }

    #[test]
    fn files_are_served_with_their_type() {
        assert_eq!(content_type("fr/a.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("fr/a.pdf"), "application/pdf");
        assert_eq!(content_type("fr/a.typ"), "text/plain; charset=utf-8");
        assert_eq!(content_type("fr/a"), "application/octet-stream");
    }
}
