//! What an S3-compatible host's XML says: a `ListObjectsV2` page (the device folders under
//! `<prefix>devices/`, listed with delimiter `/`, and the token for the next page) or an
//! `<Error>` body (its `Code`, and the `ServerTime` a `RequestTimeTooSkewed` carries).
//!
//! Pure text in, values out, with a reader of its own rather than an XML crate: the
//! answers are small and flat, and this reader expands no entity but the five XML
//! predefined ones and character references, so a hostile body (a `<!DOCTYPE>` defining
//! entities, unclosed tags, deep nesting, megabytes of garbage) is read in one linear
//! pass and refused, never expanded and never a panic. Only names that pass
//! [`valid_device_name`] come out.
//!
//! ```
//! use outpost::sync::s3_listing::{list_page, error_body};
//! let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
//! <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name>
//!   <Prefix>t1/devices/</Prefix><Delimiter>/</Delimiter><IsTruncated>true</IsTruncated>
//!   <CommonPrefixes><Prefix>t1/devices/dev-1/</Prefix></CommonPrefixes>
//!   <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
//! </ListBucketResult>"#;
//! let page = list_page(xml, "t1/devices/").unwrap();
//! assert_eq!(page.devices, ["dev-1"]);
//! assert_eq!(page.next.as_deref(), Some("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM="));
//! let err = error_body("<Error><Code>SignatureDoesNotMatch</Code><Message>…</Message></Error>").unwrap();
//! assert_eq!(err.code, "SignatureDoesNotMatch");
//! ```

use thiserror::Error;

use super::engine::valid_device_name;

/// Deeper than any S3 answer nests; past it the body is refused.
const MAX_DEPTH: usize = 16;
/// A continuation token longer than this is refused (S3's are under 200 characters).
pub const MAX_TOKEN: usize = 1024;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ListingError {
    /// Not well-formed enough to read (unclosed, mismatched, too deep, a bad entity).
    #[error("the listing is not readable XML")]
    Malformed,
    /// Well-formed, but no `ListBucketResult`.
    #[error("the answer is not a bucket listing")]
    NotAListing,
    /// `IsTruncated` without a usable `NextContinuationToken`: paging would never end.
    #[error("the listing says it goes on but gives no usable token")]
    BadToken,
}

/// One page of `ListObjectsV2`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListPage {
    /// Device folder names, in the host's order, without duplicates.
    pub devices: Vec<String>,
    /// The token for the next page when this one is truncated.
    pub next: Option<String>,
}

/// An S3 `<Error>` body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorBody {
    pub code: String,
    /// The host's time when it says the request's clock is off (`RequestTimeTooSkewed`),
    /// as written (`20130524T000000Z` or ISO 8601).
    pub server_time: Option<String>,
}

enum Token<'a> {
    Open(&'a str),
    Close(&'a str),
    /// `<a/>`.
    Empty(&'a str),
    Text(String),
}

/// The local part of a tag name (`s3:Prefix` → `Prefix`).
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Text with the predefined entities and character references resolved; `None` for
/// any other entity (a `<!DOCTYPE>` may define them, and they are never expanded).
fn unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(';').filter(|&e| e <= 10)?;
        let name = &after[..end];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let n = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok()?
                } else {
                    name.strip_prefix('#')?.parse::<u32>().ok()?
                };
                char::from_u32(n)?
            }
        };
        out.push(c);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// Splits a document into tags and text, skipping the prolog, comments, processing
/// instructions and declarations. `None` when a construct is not closed.
fn tokens(xml: &str) -> Option<Vec<Token<'_>>> {
    let mut out = Vec::new();
    let mut rest = xml;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            out.push(Token::Text(unescape(rest)?));
            break;
        };
        if lt > 0 {
            out.push(Token::Text(unescape(&rest[..lt])?));
        }
        rest = &rest[lt..];
        if let Some(r) = rest.strip_prefix("<![CDATA[") {
            let end = r.find("]]>")?;
            out.push(Token::Text(r[..end].to_owned()));
            rest = &r[end + 3..];
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = &r[r.find("-->")? + 3..];
        } else if let Some(r) = rest.strip_prefix("<?") {
            rest = &r[r.find("?>")? + 2..];
        } else if let Some(r) = rest.strip_prefix("<!") {
            // A DOCTYPE, with an internal subset perhaps: skipped whole, never read.
            let end = match (r.find('['), r.find('>')) {
                (Some(b), Some(g)) if b < g => b + r[b..].find("]>")? + 1,
                (_, Some(g)) => g,
                _ => return None,
            };
            rest = &r[end + 1..];
        } else {
            let end = tag_end(rest)?;
            let inner = &rest[1..end];
            rest = &rest[end + 1..];
            if let Some(name) = inner.strip_prefix('/') {
                out.push(Token::Close(local(name.trim())));
            } else {
                let empty = inner.ends_with('/');
                let inner = inner.strip_suffix('/').unwrap_or(inner);
                let name = local(inner.split(|c: char| c.is_whitespace()).next().unwrap_or(""));
                if name.is_empty() {
                    return None;
                }
                out.push(if empty { Token::Empty(name) } else { Token::Open(name) });
            }
        }
    }
    Some(out)
}

/// The index of the `>` closing the tag that starts `s`, past quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

/// Every element as (path of local names from the root, its text), in document order;
/// `None` when tags do not match or nest too deep.
fn elements(xml: &str) -> Option<Vec<(Vec<&str>, String)>> {
    let mut stack: Vec<(&str, String)> = Vec::new();
    let mut out = Vec::new();
    let mut closed_root = false;
    for t in tokens(xml)? {
        match t {
            Token::Open(name) => {
                if closed_root || stack.len() >= MAX_DEPTH {
                    return None;
                }
                stack.push((name, String::new()));
            }
            Token::Empty(name) => {
                if closed_root {
                    return None;
                }
                let mut path: Vec<&str> = stack.iter().map(|(n, _)| *n).collect();
                path.push(name);
                out.push((path, String::new()));
            }
            Token::Close(name) => {
                let path: Vec<&str> = stack.iter().map(|(n, _)| *n).collect();
                let (open, text) = stack.pop()?;
                if open != name {
                    return None;
                }
                out.push((path, text));
                closed_root = stack.is_empty();
            }
            Token::Text(s) => match stack.last_mut() {
                Some((_, text)) => text.push_str(&s),
                None if s.trim().is_empty() => {}
                None => return None,
            },
        }
    }
    (closed_root && stack.is_empty()).then_some(out)
}

/// Reads one `ListObjectsV2` page listed with `prefix` (the team's `…/devices/`) and
/// delimiter `/`: each common prefix `<prefix><name>/` gives a device name.
pub fn list_page(xml: &str, prefix: &str) -> Result<ListPage, ListingError> {
    let elements = elements(xml).ok_or(ListingError::Malformed)?;
    if elements.last().map(|(p, _)| p.as_slice()) != Some(&["ListBucketResult"][..]) {
        return Err(ListingError::NotAListing);
    }
    let mut page = ListPage::default();
    let mut truncated = false;
    let mut token = None;
    for (path, text) in &elements {
        match path.as_slice() {
            ["ListBucketResult", "CommonPrefixes", "Prefix"] => {
                let name = text.trim().strip_prefix(prefix).and_then(|r| r.strip_suffix('/'));
                if let Some(name) = name.filter(|n| valid_device_name(n)) {
                    if !page.devices.iter().any(|d| d == name) {
                        page.devices.push(name.to_owned());
                    }
                }
            }
            ["ListBucketResult", "IsTruncated"] => truncated = text.trim() == "true",
            ["ListBucketResult", "NextContinuationToken"] => token = Some(text.trim().to_owned()),
            _ => {}
        }
    }
    if truncated {
        match token {
            Some(t) if !t.is_empty() && t.len() <= MAX_TOKEN => page.next = Some(t),
            _ => return Err(ListingError::BadToken),
        }
    }
    Ok(page)
}

/// The `<Error>` an S3 host answers with, when the body is one.
pub fn error_body(xml: &str) -> Option<ErrorBody> {
    let elements = elements(xml)?;
    if elements.last().map(|(p, _)| p.as_slice()) != Some(&["Error"][..]) {
        return None;
    }
    let field =
        |name: &str| elements.iter().find(|(p, _)| p.as_slice() == ["Error", name]).map(|(_, t)| t.trim().to_owned());
    let code = field("Code").filter(|c| !c.is_empty() && c.len() <= 64)?;
    Some(ErrorBody { code, server_time: field("ServerTime").filter(|t| t.len() <= 64) })
}

impl ErrorBody {
    /// [`Self::server_time`] in epoch ms, when it is a date (ISO 8601 or `x-amz-date`).
    pub fn server_time_ms(&self) -> Option<i64> {
        let t = self.server_time.as_deref()?;
        chrono::DateTime::parse_from_rfc3339(t)
            .map(|d| d.timestamp_millis())
            .or_else(|_| {
                chrono::NaiveDateTime::parse_from_str(t, "%Y%m%dT%H%M%SZ").map(|d| d.and_utc().timestamp_millis())
            })
            .ok()
    }
}
