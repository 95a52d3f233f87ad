//! What a served page holds that the file on disk does not: the reload script, the
//! Content-Security-Policy that lets exactly that script run, and, while the dataset is
//! broken, a panel with the errors. The files on disk stay as `render` writes them.

use std::path::Path;

use jiha_data::escape::xml;

/// Where the reload script is served.
pub const RELOAD_JS: &str = "/__jiha/reload.js";
/// Where the version of the output is served: a number that changes on every change.
pub const VERSION: &str = "/__jiha/version";

/// The reload script: it asks for the version every 300 ms and reloads the page when it is
/// no longer the one the page was served with (in the script tag's `data-version`).
pub const RELOAD_SCRIPT: &str = r#""use strict";
(function () {
  var served = document.currentScript && document.currentScript.dataset.version;
  function poll() {
    fetch("/__jiha/version", { cache: "no-store" })
      .then(function (response) { return response.text(); })
      .then(function (version) {
        if (version !== served) { location.reload(); } else { setTimeout(poll, 300); }
      }, function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"#;

/// The directives a served page adds to its policy: its own scripts, and fetches to its own
/// server. The rest of the policy stays, so the page still loads nothing from elsewhere.
const SERVED_DIRECTIVES: [&str; 2] = ["script-src 'self'", "connect-src 'self'"];

/// `html` as served: the policy of its `<meta http-equiv="Content-Security-Policy">`
/// widened to [`SERVED_DIRECTIVES`], the reload script in its head, and `errors`, when the
/// dataset is broken, in a panel at the top of its body.
pub fn served(html: &str, version: u64, errors: Option<&str>) -> String {
    let mut page = with_policy(html);
    let script = format!("<script src=\"{RELOAD_JS}\" data-version=\"{version}\" defer></script>");
    let head_end = page.find("</head>");
    insert_at(&mut page, head_end, &script);
    if let Some(errors) = errors {
        let body = page
            .find("<body")
            .and_then(|start| page[start..].find('>').map(|end| start + end + 1));
        insert_at(&mut page, body, &panel(errors));
    }
    page
}

/// Inserts `text` at `at`, or at the start of `page` when there is no such place.
fn insert_at(page: &mut String, at: Option<usize>, text: &str) {
    page.insert_str(at.unwrap_or(0), text);
}

/// `html` with the served directives in its policy, any earlier `script-src` or
/// `connect-src` replaced. A page without a policy meta is left as it is: nothing blocks the
/// script there.
fn with_policy(html: &str) -> String {
    const META: &str = "http-equiv=\"Content-Security-Policy\" content=\"";
    let Some(start) = html.find(META).map(|at| at + META.len()) else {
        return html.to_string();
    };
    let Some(end) = html[start..].find('"').map(|len| start + len) else {
        return html.to_string();
    };
    let mut directives: Vec<&str> = html[start..end]
        .split(';')
        .map(str::trim)
        .filter(|d| {
            let name = d.split_whitespace().next().unwrap_or_default();
            !d.is_empty() && name != "script-src" && name != "connect-src"
        })
        .collect();
    directives.extend(SERVED_DIRECTIVES);
    format!(
        "{}{}{}",
        &html[..start],
        directives.join("; "),
        &html[end..]
    )
}

/// The panel that shows, in the page, what broke the dataset: the diagnostics as `check`
/// prints them, escaped, over the last good output.
fn panel(errors: &str) -> String {
    format!(
        "<div id=\"jiha-watch-errors\" role=\"alert\" dir=\"ltr\" lang=\"en\" style=\"position:sticky;top:0;z-index:2147483647;margin:0;padding:1em;background:#fff0f0;color:#7a0010;border-bottom:4px solid #b00020;font:14px/1.4 monospace;text-align:left;max-height:60vh;overflow:auto\"><strong>jiha watch: the last save could not be rendered. Below, the last good output.</strong><pre style=\"white-space:pre;overflow-x:auto;margin:0.5em 0 0;font:inherit\">{}</pre></div>",
        xml(errors)
    )
}

/// A page that links to every HTML file under `root`, for `/`: served like the briefs, it
/// shows the errors too, even before anything has been written.
pub fn listing(root: &Path) -> String {
    let mut pages = Vec::new();
    html_files(root, "", 0, &mut pages);
    pages.sort();
    let items: String = pages
        .iter()
        .map(|p| format!("<li><a href=\"/{0}\">{0}</a></li>", xml(p)))
        .collect();
    let body = if pages.is_empty() {
        "<p>No HTML brief written yet.</p>".to_string()
    } else {
        format!("<ul>{items}</ul>")
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>jiha watch</title>\n</head>\n<body>\n<h1>jiha watch</h1>\n{body}\n</body>\n</html>\n"
    )
}

/// The HTML files under `dir` (`prefix` is its path under the root), links not followed,
/// three folders deep at most (`<lang>/proposals/<id>.html`).
fn html_files(dir: &Path, prefix: &str, depth: usize, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        if kind.is_dir() && depth < 3 {
            html_files(&entry.path(), &format!("{prefix}{name}/"), depth + 1, out);
        } else if kind.is_file() && name.ends_with(".html") {
            out.push(format!("{prefix}{name}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"><title>t</title></head><body class=\"b\"><p>x</p></body></html>";

    #[test]
    fn a_served_page_lets_exactly_the_reload_script_run() {
        let page = served(PAGE, 7, None);
        assert!(page.contains(
            "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'; connect-src 'self'\""
        ));
        assert!(page.contains(
            "<script src=\"/__jiha/reload.js\" data-version=\"7\" defer></script></head>"
        ));
        assert!(!page.contains("jiha-watch-errors"));
        assert_eq!(page.matches("<script").count(), 1);
    }

    #[test]
    fn earlier_script_directives_are_replaced_not_added_to() {
        let page = PAGE.replace("img-src data:", "script-src *; connect-src https:");
        let served = served(&page, 1, None);
        assert!(served.contains(
            "content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'\""
        ));
    }

    #[test]
    fn the_errors_are_shown_escaped_at_the_top_of_the_body() {
        let page = served(PAGE, 2, Some("error: <b>bad</b> & \"worse\""));
        let body = page.find("<body class=\"b\">").expect("body") + "<body class=\"b\">".len();
        assert!(page[body..].starts_with("<div id=\"jiha-watch-errors\""));
        assert!(page.contains("error: &lt;b&gt;bad&lt;/b&gt; &amp; &quot;worse&quot;"));
        assert!(!page.contains("<b>bad"));
    }

    #[test]
    fn a_page_without_a_policy_still_gets_the_script() {
        let page = served("<p>bare</p>", 3, None);
        assert!(page.starts_with("<script src=\"/__jiha/reload.js\""));
    }
}
