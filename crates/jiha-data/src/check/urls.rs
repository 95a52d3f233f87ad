//! Web addresses: every URL field of the data (a source's `url`, a credit's `url`) is
//! checked by one rule, [`url_problem`], since each reaches an HTML `href`, a PDF link, the
//! Markdown and the terminal.

use super::strings::shortened;
use super::*;

/// The longest web address: Typst refuses a link of more than 8,000 bytes, and addresses
/// are ASCII here, one byte a character; browsers and servers commonly stop near 2,000.
pub const URL_MAX_CHARS: usize = 2_000;

/// Typst's limit on a link (`typst-library` 0.15, `model/link.rs`, `Url::new`): above it,
/// the PDF fails with "URL is too long". An address is ASCII, so its characters are bytes.
const TYPST_URL_MAX_BYTES: usize = 8_000;
const _: () = assert!(URL_MAX_CHARS <= TYPST_URL_MAX_BYTES);

/// Schemes that run code or open what is on the reader's computer, named as such.
const FORBIDDEN_SCHEMES: [&str; 4] = ["javascript:", "vbscript:", "data:", "file:"];

/// What the rule on web addresses can find.
#[derive(Debug, Clone, PartialEq)]
pub enum UrlFinding {
    /// A character an address may not hold as it is (`at` counts characters from 1).
    Character { c: char, at: usize },
    /// A scheme that runs code or opens a local file.
    Forbidden { scheme: &'static str },
    /// An address that does not start with `https://` or `http://`.
    Scheme { url: String },
    /// An address without a host after `https://`, or with a malformed one.
    NoHost { url: String },
    /// An address with a user name (or password) before its host.
    UserInfo { url: String },
    /// An address longer than [`URL_MAX_CHARS`].
    TooLong { chars: usize },
}

impl Describe for UrlFinding {
    fn message(&self) -> String {
        use UrlFinding as F;
        match self {
            F::Character { c, at } if c.is_ascii_graphic() || *c == ' ' => {
                format!("web address holds `{c}` at character {at}")
            }
            F::Character { c, at } => {
                format!("web address holds {} at character {at}", Named(*c))
            }
            F::Forbidden { scheme } => {
                format!("`{scheme}` address: not a web page, and never a link here")
            }
            F::Scheme { url } => format!("`{}` is not a web address", shortened(url)),
            F::NoHost { url } => format!("web address `{}` has no valid host", shortened(url)),
            F::UserInfo { url } => {
                format!(
                    "web address `{}` has a user name before its host",
                    shortened(url)
                )
            }
            F::TooLong { chars } => {
                format!("web address of {chars} characters; at most {URL_MAX_CHARS}")
            }
        }
    }

    fn help(&self) -> Option<String> {
        use UrlFinding as F;
        Some(match self {
            F::Character { .. } => "write spaces, quotes, angle brackets and letters beyond ASCII percent-encoded (a space is `%20`, `é` is `%C3%A9`)".into(),
            F::Forbidden { .. } | F::Scheme { .. } => {
                "write a full address starting with https:// (or http://), as a browser shows it".into()
            }
            F::NoHost { .. } => "write the site's name after https://, for example `https://www.hcp.ma/`".into(),
            F::UserInfo { .. } => "remove the part up to `@`: a name before the host hides where the link leads".into(),
            F::TooLong { .. } => "link to a shorter address of the same page (without tracking parameters)".into(),
        })
    }
}

impl Checker<'_> {
    /// A web address: see [`url_problem`].
    pub(super) fn url<T>(&mut self, parsed: &Parsed<T>, path: &str, url: &str) {
        if let Some(finding) = url_problem(url) {
            self.report(parsed, path, finding);
        }
    }
}

/// What is wrong with a web address, if anything: at most [`URL_MAX_CHARS`] printable ASCII
/// characters, without space, quote, angle bracket, backquote or backslash; `https://` or
/// `http://` (never `javascript:`, `data:`, `file:`), then a host (names or digits
/// separated by dots, or an IPv6 address in brackets), an optional port, and no user name.
pub fn url_problem(url: &str) -> Option<UrlFinding> {
    let chars = url.chars().count();
    if chars > URL_MAX_CHARS {
        return Some(UrlFinding::TooLong { chars });
    }
    let scheme = url.get(..12).unwrap_or(url).to_ascii_lowercase();
    if let Some(scheme) = FORBIDDEN_SCHEMES.iter().find(|s| scheme.starts_with(**s)) {
        return Some(UrlFinding::Forbidden { scheme });
    }
    if let Some((i, c)) = url
        .chars()
        .enumerate()
        .find(|(_, c)| !c.is_ascii_graphic() || matches!(c, '<' | '>' | '"' | '`' | '\\'))
    {
        return Some(UrlFinding::Character { c, at: i + 1 });
    }
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        let url = url.to_string();
        return Some(UrlFinding::Scheme { url });
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        let url = url.to_string();
        return Some(UrlFinding::UserInfo { url });
    }
    (!valid_authority(authority)).then(|| UrlFinding::NoHost {
        url: url.to_string(),
    })
}

/// `host` or `host:port`: a host name, an IPv4 address or an IPv6 one in brackets.
fn valid_authority(authority: &str) -> bool {
    let (host_ok, port) = match authority.strip_prefix('[') {
        Some(v6) => {
            let Some((address, after)) = v6.split_once(']') else {
                return false;
            };
            let address_ok = address.contains(':')
                && address
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() || matches!(c, ':' | '.'));
            let port = match after {
                "" => None,
                after => match after.strip_prefix(':') {
                    Some(port) => Some(port),
                    None => return false,
                },
            };
            (address_ok, port)
        }
        None => {
            let (host, port) = match authority.split_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (authority, None),
            };
            let host_ok = host.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            });
            (host_ok, port)
        }
    };
    let port_ok = port.is_none_or(|port| {
        (1..=5).contains(&port.len())
            && port.bytes().all(|b| b.is_ascii_digit())
            && port.parse::<u32>().is_ok_and(|p| p <= 65_535)
    });
    host_ok && port_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_are_https_or_http_with_a_host() {
        for ok in [
            "https://www.hcp.ma/",
            "http://hcp.ma",
            "https://www.hcp.ma/Conditions-generales-d-utilisation-Version-1-0_a2194.html",
            "https://example.org:8443/a?b=c&d=%20#e",
            "https://[2001:db8::1]:443/x",
            "https://192.0.2.1/",
        ] {
            assert_eq!(url_problem(ok), None, "{ok}");
        }
        let scheme = |u: &str| Some(UrlFinding::Scheme { url: u.into() });
        let no_host = |u: &str| Some(UrlFinding::NoHost { url: u.into() });
        assert_eq!(url_problem("www.hcp.ma"), scheme("www.hcp.ma"));
        assert_eq!(url_problem("ftp://hcp.ma"), scheme("ftp://hcp.ma"));
        assert_eq!(url_problem("https://"), no_host("https://"));
        assert_eq!(url_problem("https:///x"), no_host("https:///x"));
        assert_eq!(url_problem("https://a..b/"), no_host("https://a..b/"));
        assert_eq!(url_problem("https://a:99999/"), no_host("https://a:99999/"));
        assert_eq!(url_problem("https://[zz]/"), no_host("https://[zz]/"));
        for forbidden in [
            "javascript:alert(1)",
            "JavaScript:x",
            "data:text/html,x",
            "file:///etc/passwd",
        ] {
            assert!(
                matches!(url_problem(forbidden), Some(UrlFinding::Forbidden { .. })),
                "{forbidden}"
            );
        }
        assert!(matches!(
            url_problem("https://good.ma@evil.example/"),
            Some(UrlFinding::UserInfo { .. })
        ));
    }

    #[test]
    fn characters_and_length_are_limited() {
        let at = |c, at| Some(UrlFinding::Character { c, at });
        assert_eq!(url_problem("https://a.ma/\u{1b}]8"), at('\u{1b}', 14));
        assert_eq!(url_problem("https://a.ma/\u{202e}x"), at('\u{202e}', 14));
        assert_eq!(url_problem("https://a.ma/a b"), at(' ', 15));
        assert_eq!(url_problem("https://a.ma/é"), at('é', 14));
        assert_eq!(url_problem("https://a.ma/<script>"), at('<', 14));
        let long = format!("https://a.ma/{}", "a".repeat(URL_MAX_CHARS));
        assert_eq!(
            url_problem(&long),
            Some(UrlFinding::TooLong {
                chars: URL_MAX_CHARS + 13
            })
        );
        assert_eq!(url_problem(&long[..URL_MAX_CHARS]), None);
    }
}
