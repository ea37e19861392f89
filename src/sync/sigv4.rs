//! AWS Signature Version 4 for S3-compatible object storage, as pure functions: the
//! canonical request, the string to sign, the signing key and the headers a request
//! carries, plus the URLs of a bucket in path style (`https://endpoint/bucket/key`) or
//! virtual-hosted style (`https://bucket.endpoint/key`).
//!
//! No web crate here, so every step tests natively against the published vectors (the
//! S3 examples of the AWS documentation and the AWS SigV4 test suite, `tests/sigv4.rs`).
//! The browser transport (`s3_host`) only adds `fetch`.
//!
//! S3's own rules, where they differ from other AWS services: the path is URI-encoded
//! once (S3 does not double-encode) and never normalised (`a//b` and `..` are key
//! bytes), `/` stays a separator in the path but is encoded in the query string.
//! What the host receives is ciphertext already sealed by [`super::crypto`] (rule S3:
//! the host sees only ciphertext); the signature proves who wrote it, not what it says.
//!
//! ```
//! use outpost::sync::sigv4::{sign, AmzDate, Credentials, Scope};
//! let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", None);
//! let date = AmzDate::parse("20130524T000000Z").unwrap();
//! let headers = [("host".to_owned(), "examplebucket.s3.amazonaws.com".to_owned()),
//!                ("x-amz-date".to_owned(), date.long().to_owned())];
//! let empty = outpost::sync::sigv4::sha256_hex(b"");
//! let s = sign(&creds, &Scope::s3(&date, "us-east-1"), "GET", "/test.txt", &[], &headers, &empty);
//! assert!(s.authorization.starts_with("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request"));
//! ```

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use thiserror::Error;

/// The payload hash S3 accepts when the body is not hashed (a `GET` has none anyway).
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// Why a bucket's address cannot be used; the settings form words each one.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AddressError {
    #[error("the endpoint must be an http:// or https:// address with a host and nothing after it")]
    Endpoint,
    #[error("a bucket name is 3 to 63 lower-case letters, digits, dots or hyphens")]
    Bucket,
    #[error("the region is letters, digits and hyphens")]
    Region,
    #[error("the folder is names of letters, digits, dots, hyphens and underscores, separated by /")]
    Prefix,
    #[error("the access key and the secret are both needed")]
    Credentials,
}

/// An access key, its secret and, for temporary credentials, the session token.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub access_key: String,
    secret: String,
    pub session_token: Option<String>,
}

impl std::fmt::Debug for Credentials {
    // The secret never reaches a log (issue 19: credentials travel like the team key).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key", &self.access_key)
            .field("session_token", &self.session_token.as_ref().map(|_| "…"))
            .finish_non_exhaustive()
    }
}

impl Credentials {
    pub fn new(access_key: &str, secret: &str, session_token: Option<&str>) -> Self {
        Self {
            access_key: access_key.trim().to_owned(),
            secret: secret.trim().to_owned(),
            session_token: session_token.map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned),
        }
    }
}

/// The request time in the two forms SigV4 uses: `20130524T000000Z` and `20130524`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmzDate {
    long: String,
}

impl AmzDate {
    /// From epoch milliseconds; `None` outside what a date can say.
    pub fn from_ms(ms: i64) -> Option<Self> {
        let t = chrono::DateTime::from_timestamp_millis(ms)?;
        Some(Self { long: t.format("%Y%m%dT%H%M%SZ").to_string() })
    }

    /// From the `x-amz-date` form itself (tests and vectors).
    pub fn parse(s: &str) -> Option<Self> {
        chrono::NaiveDateTime::parse_from_str(s, "%Y%m%dT%H%M%SZ").ok()?;
        Some(Self { long: s.to_owned() })
    }

    pub fn long(&self) -> &str {
        &self.long
    }

    pub fn short(&self) -> &str {
        &self.long[..8]
    }
}

/// `date/region/service/aws4_request`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub date: AmzDate,
    pub region: String,
    pub service: String,
}

impl Scope {
    pub fn s3(date: &AmzDate, region: &str) -> Self {
        Self { date: date.clone(), region: region.to_owned(), service: "s3".to_owned() }
    }

    pub fn new(date: &AmzDate, region: &str, service: &str) -> Self {
        Self { date: date.clone(), region: region.to_owned(), service: service.to_owned() }
    }

    fn text(&self) -> String {
        format!("{}/{}/{}/aws4_request", self.date.short(), self.region, self.service)
    }
}

/// Every intermediate of one signature, so tests can compare each with its vector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    pub canonical_request: String,
    pub string_to_sign: String,
    pub signature: String,
    /// The `Authorization` header value.
    pub authorization: String,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

fn hmac(key: &[u8], data: &str) -> [u8; 32] {
    // HMAC takes a key of any length: `new_from_slice` cannot fail for it.
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!("HMAC accepts any key"));
    m.update(data.as_bytes());
    m.finalize().into_bytes().into()
}

/// `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
pub fn signing_key(secret: &str, scope: &Scope) -> [u8; 32] {
    let k_date = hmac(format!("AWS4{secret}").as_bytes(), scope.date.short());
    let k_region = hmac(&k_date, &scope.region);
    let k_service = hmac(&k_region, &scope.service);
    hmac(&k_service, "aws4_request")
}

/// RFC 3986 percent-encoding as SigV4 wants it: every byte but `A-Za-z0-9-._~` as `%XX`
/// in upper case; `/` kept only when `keep_slash` (object paths).
pub fn uri_encode(s: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(b as char),
            b'/' if keep_slash => out.push('/'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The canonical query string from raw (not yet encoded) pairs: each name and value
/// encoded, sorted by name then value, `name=` kept for an empty value. The same text
/// serves as the URL's query, so what is signed is what is sent.
pub fn canonical_query(pairs: &[(String, String)]) -> String {
    let mut encoded: Vec<(String, String)> =
        pairs.iter().map(|(k, v)| (uri_encode(k, false), uri_encode(v, false))).collect();
    encoded.sort();
    encoded.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")
}

/// Header names lower-cased and sorted, values trimmed with inner runs of spaces made
/// one, repeated names joined by commas in the order given. Returns the canonical
/// header block and the signed-header list.
fn canonical_headers(headers: &[(String, String)]) -> (String, String) {
    let mut merged: Vec<(String, String)> = Vec::new();
    for (name, value) in headers {
        let name = name.trim().to_ascii_lowercase();
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        match merged.iter_mut().find(|(n, _)| *n == name) {
            Some((_, v)) => {
                v.push(',');
                v.push_str(&value);
            }
            None => merged.push((name, value)),
        }
    }
    merged.sort_by(|a, b| a.0.cmp(&b.0));
    let block = merged.iter().map(|(n, v)| format!("{n}:{v}\n")).collect::<String>();
    let signed = merged.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(";");
    (block, signed)
}

/// Signs one request. `canonical_uri` is the path already encoded (see
/// [`Bucket::object`]); `query` holds raw pairs; `headers` are the ones to sign, `host`
/// included; `payload_hash` is [`sha256_hex`] of the body or [`UNSIGNED_PAYLOAD`].
pub fn sign(
    creds: &Credentials,
    scope: &Scope,
    method: &str,
    canonical_uri: &str,
    query: &[(String, String)],
    headers: &[(String, String)],
    payload_hash: &str,
) -> Signed {
    let (header_block, signed_headers) = canonical_headers(headers);
    let canonical_request = format!(
        "{method}\n{canonical_uri}\n{}\n{header_block}\n{signed_headers}\n{payload_hash}",
        canonical_query(query)
    );
    let string_to_sign = format!(
        "AWS4-HMAC-SHA256\n{}\n{}\n{}",
        scope.date.long(),
        scope.text(),
        sha256_hex(canonical_request.as_bytes())
    );
    let signature = hex(&hmac(&signing_key(&creds.secret, scope), &string_to_sign));
    let authorization = format!(
        "AWS4-HMAC-SHA256 Credential={}/{}, SignedHeaders={signed_headers}, Signature={signature}",
        creds.access_key,
        scope.text()
    );
    Signed { canonical_request, string_to_sign, signature, authorization }
}

/// One request to a bucket, ready for `fetch`: where to send it and what it signs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub url: String,
    /// `host[:port]` as the browser will send it (signed as `host`).
    pub host: String,
    pub canonical_uri: String,
    pub query: Vec<(String, String)>,
}

/// A bucket on an S3-compatible endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    scheme: String,
    /// The endpoint's `host[:port]`.
    host: String,
    name: String,
    path_style: bool,
}

impl Bucket {
    /// `endpoint` is `http(s)://host[:port]` with at most a trailing `/`: no path, user,
    /// query or fragment, so a URL is never made from anything else.
    pub fn new(endpoint: &str, name: &str, path_style: bool) -> Result<Self, AddressError> {
        let e = endpoint.trim();
        let (scheme, rest) = if let Some(r) = e.strip_prefix("https://") {
            ("https", r)
        } else if let Some(r) = e.strip_prefix("http://") {
            ("http", r)
        } else {
            return Err(AddressError::Endpoint);
        };
        let host = rest.strip_suffix('/').unwrap_or(rest);
        let host_ok = !host.is_empty()
            && host.len() <= 253
            && host.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'));
        if !host_ok {
            return Err(AddressError::Endpoint);
        }
        if !valid_bucket_name(name) {
            return Err(AddressError::Bucket);
        }
        Ok(Self { scheme: scheme.to_owned(), host: host.to_ascii_lowercase(), name: name.to_owned(), path_style })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The origin requests go to (what the app's connect-src must allow).
    pub fn origin(&self) -> String {
        if self.path_style {
            format!("{}://{}", self.scheme, self.host)
        } else {
            format!("{}://{}.{}", self.scheme, self.name, self.host)
        }
    }

    fn host(&self) -> String {
        if self.path_style {
            self.host.clone()
        } else {
            format!("{}.{}", self.name, self.host)
        }
    }

    /// An object by its key (unencoded, e.g. `team/devices/d1/head.json`).
    pub fn object(&self, key: &str) -> Target {
        let path = if self.path_style {
            format!("/{}/{}", self.name, uri_encode(key, true))
        } else {
            format!("/{}", uri_encode(key, true))
        };
        Target {
            url: format!("{}://{}{path}", self.scheme, self.host()),
            host: self.host(),
            canonical_uri: path,
            query: vec![],
        }
    }

    /// The bucket itself with a query (`ListObjectsV2`).
    pub fn with_query(&self, query: Vec<(String, String)>) -> Target {
        let path = if self.path_style { format!("/{}", self.name) } else { "/".to_owned() };
        let q = canonical_query(&query);
        Target {
            url: format!("{}://{}{path}?{q}", self.scheme, self.host()),
            host: self.host(),
            canonical_uri: path,
            query,
        }
    }
}

/// S3's bucket naming rules: 3–63 of `a-z0-9.-`, starting and ending with a letter or
/// digit, no `..`.
pub fn valid_bucket_name(name: &str) -> bool {
    let b = name.as_bytes();
    (3..=63).contains(&b.len())
        && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'.' | b'-'))
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && !name.contains("..")
}

pub fn valid_region(region: &str) -> bool {
    !region.is_empty() && region.len() <= 64 && region.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-')
}

/// The headers an S3 request sends besides its own: `x-amz-date`,
/// `x-amz-content-sha256`, `x-amz-security-token` when the credentials are temporary,
/// and `Authorization` (which signs all of them and `host`).
pub fn s3_headers(
    creds: &Credentials,
    region: &str,
    date: &AmzDate,
    method: &str,
    target: &Target,
    payload_hash: &str,
) -> Vec<(String, String)> {
    let mut headers = vec![
        ("x-amz-content-sha256".to_owned(), payload_hash.to_owned()),
        ("x-amz-date".to_owned(), date.long().to_owned()),
    ];
    if let Some(t) = &creds.session_token {
        headers.push(("x-amz-security-token".to_owned(), t.clone()));
    }
    let mut signed = headers.clone();
    signed.push(("host".to_owned(), target.host.clone()));
    let s = sign(creds, &Scope::s3(date, region), method, &target.canonical_uri, &target.query, &signed, payload_hash);
    headers.push(("Authorization".to_owned(), s.authorization));
    headers
}

/// Where a team's files live in object storage and the key that reaches them, as the
/// team's settings hold them (the invite carries them like the team key: issue 19).
#[derive(Clone, PartialEq, Eq)]
pub struct S3Config {
    /// `https://s3.eu-west-1.amazonaws.com`, `https://<account>.r2.cloudflarestorage.com`,
    /// `http://127.0.0.1:9000`…
    pub endpoint: String,
    pub bucket: String,
    pub region: String,
    /// The team's folder in the bucket (`teams/north/`), or empty for the whole bucket.
    pub prefix: String,
    pub access_key: String,
    pub secret: String,
    pub session_token: Option<String>,
    /// `https://endpoint/bucket/key` rather than `https://bucket.endpoint/key` (MinIO,
    /// a bucket with dots under https, a local test server).
    pub path_style: bool,
}

impl std::fmt::Debug for S3Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Config")
            .field("endpoint", &self.endpoint)
            .field("bucket", &self.bucket)
            .field("region", &self.region)
            .field("prefix", &self.prefix)
            .field("access_key", &self.access_key)
            .field("path_style", &self.path_style)
            .finish_non_exhaustive()
    }
}

/// A checked [`S3Config`]: the bucket's addresses, the credentials and the key prefix
/// (empty or ending in `/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct S3Place {
    pub bucket: Bucket,
    pub region: String,
    pub prefix: String,
    pub credentials: Credentials,
}

impl S3Config {
    pub fn check(&self) -> Result<S3Place, AddressError> {
        let bucket = Bucket::new(&self.endpoint, self.bucket.trim(), self.path_style)?;
        let region = self.region.trim();
        if !valid_region(region) {
            return Err(AddressError::Region);
        }
        let prefix = normal_prefix(&self.prefix).ok_or(AddressError::Prefix)?;
        let credentials = Credentials::new(&self.access_key, &self.secret, self.session_token.as_deref());
        if credentials.access_key.is_empty() || credentials.secret.is_empty() {
            return Err(AddressError::Credentials);
        }
        Ok(S3Place { bucket, region: region.to_owned(), prefix, credentials })
    }
}

/// `a/b` → `a/b/`, `/a/` → `a/`, `` → ``; `None` for empty, `.` or `..` segments or
/// other characters, so a prefix never climbs out of the team's folder.
pub fn normal_prefix(p: &str) -> Option<String> {
    let p = p.trim().trim_matches('/');
    if p.is_empty() {
        return Some(String::new());
    }
    let ok = p.len() <= 256
        && p.split('/').all(|seg| {
            !seg.is_empty()
                && seg != "."
                && seg != ".."
                && seg.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
        });
    ok.then(|| format!("{p}/"))
}
