//! [`Host`] on S3-compatible object storage (AWS S3, R2, MinIO, OSS, COS…) straight from
//! the browser: every request signed with AWS Signature V4 ([`super::sigv4`]), `GET`
//! with `If-None-Match`, `HEAD`, `PUT` with the body's SHA-256 signed, and device
//! discovery by `ListObjectsV2` with a prefix and delimiter `/` ([`super::s3_listing`]),
//! where WebDAV needs a folder listing.
//!
//! What is stored is what the sync engine hands over, sealed already (rule S3: the host
//! sees only ciphertext); the access key only decides who may write.
//!
//! Refusals keep their S3 code ([`HostError::Rejected`]): a wrong secret, an unknown key,
//! no permission, no bucket each stop the round with their own sentence. A request the
//! browser blocks for CORS never reaches the code: it shows as unreachable, like an
//! offline host (docs/sync-hosts.md has the bucket's CORS rule).
//!
//! Clock: requests are signed with this device's clock. S3 refuses a signature dated
//! more than 15 minutes from its own time (`RequestTimeTooSkewed`); then the request is
//! signed once more on the host's time (its `ServerTime`, else its `Date`), and that
//! offset is kept for the requests after it. The merge's own clock rules do not change.

use std::cell::Cell;

use gloo_net::http::{Method, Request, Response};
use web_sys::{RequestCache, RequestCredentials};

use super::host::{Fetched, Host, HostError, Presence, Rejection};
use super::http_host::read_capped;
use super::s3_listing::{error_body, list_page};
use super::sigv4::{s3_headers, sha256_hex, AddressError, AmzDate, S3Config, S3Place, Target};

/// The largest `ListObjectsV2` page read (1,000 prefixes are about 100 KB).
const MAX_LISTING_BYTES: usize = 8 << 20;
/// Pages followed at most: 1,000 names each.
const MAX_PAGES: usize = 64;
/// An error body read at most (S3's are well under 1 KB).
const MAX_ERROR_BYTES: usize = 64 << 10;
/// A `Date` further than this from the signing time explains a bodiless 403 (a `HEAD`)
/// as clock skew; S3 itself allows 15 minutes.
const SKEW_HINT_MS: i64 = 10 * 60 * 1000;

#[derive(Debug)]
pub struct S3Host {
    place: S3Place,
    /// The device clock, epoch ms (passed in: a test plays a device whose clock is off).
    clock: fn() -> i64,
    /// Added to the device clock when signing, after a `RequestTimeTooSkewed`.
    offset_ms: Cell<i64>,
    /// The last `Date` header seen (epoch ms).
    date_ms: Cell<Option<i64>>,
}

/// What one exchange came to, once refusals are sorted out.
enum Answer {
    /// 2xx or 304.
    Ok(Response),
    /// 404 that is not a missing bucket.
    Missing,
}

impl S3Host {
    /// A host signing with the browser's clock.
    pub fn new(config: &S3Config) -> Result<Self, AddressError> {
        Self::with_clock(config, || js_sys::Date::now() as i64)
    }

    pub fn with_clock(config: &S3Config, clock: fn() -> i64) -> Result<Self, AddressError> {
        Ok(Self { place: config.check()?, clock, offset_ms: Cell::new(0), date_ms: Cell::new(None) })
    }

    /// The origin requests go to (for the page's connect-src).
    pub fn origin(&self) -> String {
        self.place.bucket.origin()
    }

    fn key(&self, path: &str) -> String {
        format!("{}{path}", self.place.prefix)
    }

    /// One signed request, signed again once on the host's time if it answers
    /// `RequestTimeTooSkewed`.
    async fn exchange(
        &self,
        method: Method,
        target: &Target,
        body: Option<&[u8]>,
        etag: Option<&str>,
    ) -> Result<Answer, HostError> {
        let payload_hash = sha256_hex(body.unwrap_or_default());
        for attempt in 0..2 {
            let signed_at = (self.clock)() + self.offset_ms.get();
            let date = AmzDate::from_ms(signed_at).ok_or_else(|| HostError::Unreachable("no usable clock".into()))?;
            let p = &self.place;
            let mut r = Request::get(&target.url)
                .method(method.clone())
                .cache(RequestCache::NoStore)
                .credentials(RequestCredentials::Omit);
            for (k, v) in s3_headers(&p.credentials, &p.region, &date, method.as_str(), target, &payload_hash) {
                r = r.header(&k, &v);
            }
            if let Some(e) = etag {
                r = r.header("If-None-Match", e);
            }
            let request = match body {
                Some(b) => r.header("Content-Type", "application/octet-stream").body(js_sys::Uint8Array::from(b)),
                None => r.build(),
            };
            let resp = self.send(request).await?;
            let status = resp.status();
            if (200..300).contains(&status) || status == 304 {
                return Ok(Answer::Ok(resp));
            }
            let text = if method == Method::HEAD {
                String::new()
            } else {
                read_capped(&resp, MAX_ERROR_BYTES)
                    .await
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .unwrap_or_default()
            };
            let err = error_body(&text);
            let code = err.as_ref().map(|e| e.code.as_str());
            let host_ms = err.as_ref().and_then(|e| e.server_time_ms()).or(self.date_ms.get());
            let skewed = code == Some("RequestTimeTooSkewed")
                || (code.is_none() && status == 403 && host_ms.is_some_and(|h| (h - signed_at).abs() > SKEW_HINT_MS));
            if skewed {
                match host_ms {
                    Some(h) if attempt == 0 => {
                        self.offset_ms.set(h - (self.clock)());
                        continue;
                    }
                    _ => return Err(HostError::Rejected(Rejection::ClockSkew)),
                }
            }
            return match (status, code) {
                (404, Some("NoSuchBucket")) => Err(HostError::Rejected(Rejection::NoSuchBucket)),
                (404 | 410, _) => Ok(Answer::Missing),
                (s, _) if s >= 500 => Err(HostError::Status(s)),
                (_, Some(c)) => Err(HostError::Rejected(Rejection::from_code(c))),
                (401, None) => Err(HostError::Unauthorized),
                (403, None) => Err(HostError::Rejected(Rejection::AccessDenied)),
                (s, None) => Err(HostError::Status(s)),
            };
        }
        Err(HostError::Rejected(Rejection::ClockSkew))
    }

    async fn send(&self, r: Result<Request, gloo_net::Error>) -> Result<Response, HostError> {
        let online = web_sys::window().map(|w| w.navigator().on_line()).unwrap_or(true);
        if !online {
            return Err(HostError::Unreachable("offline".into()));
        }
        // A CORS refusal lands here too: the browser does not say which it was.
        let resp = r
            .map_err(|e| HostError::Unreachable(e.to_string()))?
            .send()
            .await
            .map_err(|e| HostError::Unreachable(e.to_string()))?;
        if let Some(d) = resp.headers().get("Date") {
            let ms = js_sys::Date::parse(&d);
            if ms.is_finite() {
                self.date_ms.set(Some(ms as i64));
            }
        }
        Ok(resp)
    }
}

impl Host for S3Host {
    fn server_time_ms(&self) -> Option<i64> {
        self.date_ms.get()
    }

    async fn get(&self, path: &str, etag: Option<&str>, max_bytes: usize) -> Result<Fetched, HostError> {
        let target = self.place.bucket.object(&self.key(path));
        match self.exchange(Method::GET, &target, None, etag).await? {
            Answer::Missing => Ok(Fetched::Missing),
            Answer::Ok(resp) if resp.status() == 304 => Ok(Fetched::NotModified),
            Answer::Ok(resp) => {
                let etag = resp.headers().get("ETag");
                let bytes = read_capped(&resp, max_bytes).await?;
                Ok(Fetched::Found { bytes, etag })
            }
        }
    }

    async fn presence(&self, path: &str) -> Result<Presence, HostError> {
        let target = self.place.bucket.object(&self.key(path));
        Ok(match self.exchange(Method::HEAD, &target, None, None).await? {
            Answer::Missing => Presence::Missing,
            Answer::Ok(resp) => {
                Presence::Present(resp.headers().get("Content-Length").and_then(|v| v.trim().parse().ok()))
            }
        })
    }

    async fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), HostError> {
        let target = self.place.bucket.object(&self.key(path));
        match self.exchange(Method::PUT, &target, Some(&bytes), None).await? {
            Answer::Ok(_) => Ok(()),
            // A PUT never answers 404 but for a missing bucket, which has its code.
            Answer::Missing => Err(HostError::Status(404)),
        }
    }

    /// `ListObjectsV2` under `<prefix>devices/` with delimiter `/`, page after page
    /// (at most [`MAX_PAGES`]). An answer that is no listing gives `None`, and discovery
    /// goes by heads and announcements as on a host that cannot list.
    async fn list_devices(&self) -> Result<Option<Vec<String>>, HostError> {
        let folder = self.key("devices/");
        let mut devices: Vec<String> = Vec::new();
        let mut token: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let mut query = vec![
                ("list-type".to_owned(), "2".to_owned()),
                ("prefix".to_owned(), folder.clone()),
                ("delimiter".to_owned(), "/".to_owned()),
            ];
            if let Some(t) = &token {
                query.push(("continuation-token".to_owned(), t.clone()));
            }
            let target = self.place.bucket.with_query(query);
            let resp = match self.exchange(Method::GET, &target, None, None).await? {
                Answer::Ok(resp) => resp,
                Answer::Missing => return Ok(None),
            };
            let Ok(bytes) = read_capped(&resp, MAX_LISTING_BYTES).await else { return Ok(None) };
            let Ok(page) = list_page(&String::from_utf8_lossy(&bytes), &folder) else { return Ok(None) };
            for d in page.devices {
                if !devices.contains(&d) {
                    devices.push(d);
                }
            }
            match page.next {
                Some(next) if token.as_ref() != Some(&next) => token = Some(next),
                Some(_) => return Ok(None),
                None => return Ok(Some(devices)),
            }
        }
        Ok(None)
    }
}
