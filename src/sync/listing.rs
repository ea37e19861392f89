//! Which device folders a host's answer names: a WebDAV `PROPFIND` multistatus (RFC 4918
//! §9.1, `Depth: 1`) or a plain `GET` index page (nginx autoindex as HTML or JSON,
//! WsgiDAV's browser, Apache's and the like).
//!
//! Pure text in, names out, so it tests natively on answers captured from real servers
//! (`tests/listings/`). Servers write the same folder many ways: `./<id>/`, `<id>/`,
//! `/base/devices/<id>/`, `http://host:port/base/devices/<id>/`, percent-encoded, under
//! any XML namespace prefix. Every form is resolved against the folder's own URL and only
//! its direct sub-folders count; the folder itself, files, parent and sort links do not.
//! A name must pass [`valid_device_name`] before it can become a URL.
//!
//! `None` means "this was not a listing" (the caller tries another way or falls back to
//! the announcements); `Some(vec![])` is a listing of an empty folder.
//!
//! ```
//! use outpost::sync::listing::{devices_from_index, devices_from_multistatus};
//! let folder = "http://127.0.0.1:8080/sync/devices/";
//! let xml = r#"<a:multistatus xmlns:a="DAV:"><a:response><a:href>/sync/devices/</a:href>
//!   <a:propstat><a:prop><a:resourcetype><a:collection/></a:resourcetype></a:prop></a:propstat></a:response>
//!   <a:response><a:href>/sync/devices/dev-1/</a:href>
//!   <a:propstat><a:prop><a:resourcetype><a:collection/></a:resourcetype></a:prop></a:propstat></a:response>
//!   </a:multistatus>"#;
//! assert_eq!(devices_from_multistatus(xml, folder), Some(vec!["dev-1".to_owned()]));
//! assert_eq!(devices_from_index(r#"<a href="../">..</a><a href="./dev-2/">dev-2</a>"#, folder), Some(vec!["dev-2".to_owned()]));
//! assert_eq!(devices_from_multistatus("<html>not found</html>", folder), None);
//! ```

use std::collections::BTreeSet;

use super::engine::valid_device_name;

/// The request body that asks a WebDAV server for each member's `resourcetype` only.
pub const PROPFIND_BODY: &str = r#"<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/></D:prop></D:propfind>"#;

/// Device folders named in a `207 Multi-Status` body: responses whose `resourcetype`
/// holds a `collection`, directly inside `folder_url`. `None` when the body is not a
/// multistatus document.
pub fn devices_from_multistatus(body: &str, folder_url: &str) -> Option<Vec<String>> {
    let folder = resolve(folder_url, &[])?.0;
    let mut seen_root = false;
    let mut names = BTreeSet::new();
    // The response being read: its href text and whether it is a collection.
    let mut current: Option<(String, bool)> = None;
    let mut in_href = false;
    for token in Tokens::new(body) {
        match token {
            Token::Start(name, empty) => match local(name) {
                "multistatus" => seen_root = true,
                "response" if !empty => current = Some((String::new(), false)),
                "href" if !empty => in_href = current.as_ref().is_some_and(|(h, _)| h.is_empty()),
                "collection" => {
                    if let Some((_, c)) = current.as_mut() {
                        *c = true;
                    }
                }
                _ => {}
            },
            Token::End(name) => match local(name) {
                "href" => in_href = false,
                "response" => {
                    if let Some((href, true)) = current.take() {
                        if let Some(n) = child_name(&unescape(href.trim()), &folder, true) {
                            names.insert(n);
                        }
                    }
                }
                _ => {}
            },
            Token::Text(t) if in_href => {
                if let Some((h, _)) = current.as_mut() {
                    h.push_str(t);
                }
            }
            Token::Text(_) => {}
        }
    }
    seen_root.then(|| names.into_iter().collect())
}

/// Device folders linked from an index page (`GET` on the folder): an nginx JSON
/// autoindex, or HTML whose links to sub-folders end in `/`. `None` when the body is
/// neither (no JSON array, no link at all).
pub fn devices_from_index(body: &str, folder_url: &str) -> Option<Vec<String>> {
    if let Ok(serde_json::Value::Array(items)) = serde_json::from_str::<serde_json::Value>(body) {
        let names: BTreeSet<String> = items
            .iter()
            .filter(|i| i.get("type").and_then(|t| t.as_str()) == Some("directory"))
            .filter_map(|i| i.get("name").and_then(|n| n.as_str()))
            .filter(|n| valid_device_name(n))
            .map(str::to_owned)
            .collect();
        return Some(names.into_iter().collect());
    }
    let folder = resolve(folder_url, &[])?.0;
    let lower = body.to_ascii_lowercase();
    if !lower.contains("href") {
        return None;
    }
    let mut names = BTreeSet::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("href") {
        let start = from + at + 4;
        from = start;
        let rest = body[start..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else { continue };
        let rest = rest.trim_start();
        let href = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
            _ => rest.split(|c: char| c.is_whitespace() || c == '>').next().unwrap_or(""),
        };
        if let Some(n) = child_name(&unescape(href.trim()), &folder, false) {
            names.insert(n);
        }
    }
    Some(names.into_iter().collect())
}

/// The device name `href` stands for, when it is a sub-folder of `folder` (a link must
/// end in `/` unless the multistatus already said it is a collection).
fn child_name(href: &str, folder: &[String], known_folder: bool) -> Option<String> {
    if href.is_empty() || href.starts_with('?') || href.starts_with('#') {
        return None;
    }
    let (path, dir) = resolve(href, folder)?;
    if !(dir || known_folder) || path == folder {
        return None;
    }
    let (name, parent) = path.split_last()?;
    // A direct child of the folder; or, where a proxy rewrote the prefix the server
    // reports, a folder whose parent is still called `devices`.
    let child = parent == folder || parent.last().is_some_and(|p| p == "devices");
    (child && valid_device_name(name)).then(|| name.clone())
}

/// `href` as decoded path segments (resolved against `base` when relative) and whether it
/// ends in `/`. A full URL keeps only its path. `None` for bytes that are not UTF-8.
fn resolve(href: &str, base: &[String]) -> Option<(Vec<String>, bool)> {
    let href = href.split(['#', '?']).next().unwrap_or("");
    let after_authority = |s: &str| s.find('/').map_or(String::from("/"), |i| s[i..].to_owned());
    let (path, relative) = if let Some((_, rest)) = href.split_once("://").filter(|(s, _)| is_scheme(s)) {
        (after_authority(rest), false)
    } else if let Some(rest) = href.strip_prefix("//") {
        (after_authority(rest), false)
    } else if href.starts_with('/') {
        (href.to_owned(), false)
    } else {
        (href.to_owned(), true)
    };
    let mut segments: Vec<String> = if relative { base.to_vec() } else { Vec::new() };
    for raw in path.split('/') {
        match raw {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(percent_decode(s)?),
        }
    }
    let dir = path.ends_with('/') || path.ends_with("/.") || path.ends_with("/..") || path == "." || path == "..";
    Some((segments, dir))
}

fn is_scheme(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (b[i], b.get(i + 1).copied().and_then(hex), b.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// XML and HTML character references: the five named ones and numeric ones.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';').filter(|e| *e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let ch = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e => e
                .strip_prefix("#x")
                .or_else(|| e.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| e.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// An element name without its namespace prefix.
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Just enough of XML for a multistatus: start/empty tags, end tags, text (CDATA as
/// text); declarations, comments and processing instructions are skipped.
enum Token<'a> {
    /// Name, and whether the tag closed itself (`<x/>`).
    Start(&'a str, bool),
    End(&'a str),
    Text(&'a str),
}

struct Tokens<'a> {
    rest: &'a str,
}

impl<'a> Tokens<'a> {
    fn new(s: &'a str) -> Self {
        Self { rest: s }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            if !self.rest.starts_with('<') {
                let end = self.rest.find('<').unwrap_or(self.rest.len());
                let (text, rest) = self.rest.split_at(end);
                self.rest = rest;
                return Some(Token::Text(text));
            }
            if let Some(r) = self.rest.strip_prefix("<![CDATA[") {
                let end = r.find("]]>").unwrap_or(r.len());
                self.rest = r.get(end + 3..).unwrap_or("");
                return Some(Token::Text(&r[..end]));
            }
            let skip = [("<!--", "-->"), ("<?", "?>"), ("<!", ">")];
            if let Some((_, close)) = skip.iter().find(|(open, _)| self.rest.starts_with(open)) {
                self.rest = self.rest.find(close).map_or("", |e| &self.rest[e + close.len()..]);
                continue;
            }
            let end = self.rest.find('>')?;
            let inner = &self.rest[1..end];
            self.rest = &self.rest[end + 1..];
            if let Some(name) = inner.strip_prefix('/') {
                return Some(Token::End(name.trim()));
            }
            let empty = inner.ends_with('/');
            let inner = inner.trim_end_matches('/');
            let name = inner.split(|c: char| c.is_whitespace()).next().unwrap_or("");
            return Some(Token::Start(name, empty));
        }
    }
}
