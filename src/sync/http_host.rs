//! [`Host`] over HTTP in the browser: WebDAV `PUT` (with `MKCOL` for hosts that do not
//! create folders), plain `GET` with `If-None-Match`, and folder listing where the host
//! offers one: WebDAV `PROPFIND` (`Depth: 1`) first, then a `GET` index page (nginx
//! `autoindex` JSON or HTML, WsgiDAV's and the like; parsed in [`super::listing`]).
//! Optional Basic auth.

use gloo_net::http::{Method, Request, RequestBuilder, Response};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStreamDefaultReader, RequestCache, RequestCredentials};

use super::host::{etag_worth_keeping, Fetched, Host, HostError, Presence};
use super::listing::{devices_from_index, devices_from_multistatus, PROPFIND_BODY};

/// The largest folder listing read (about 400 bytes per device in a multistatus).
const MAX_LISTING_BYTES: usize = 8 << 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpHost {
    /// Ends with `/`.
    base: String,
    /// `Basic …` header value.
    auth: Option<String>,
    /// The last `Date` header seen (epoch ms).
    date_ms: std::cell::Cell<Option<i64>>,
}

impl HttpHost {
    pub fn new(base: &str, basic_auth: Option<(&str, &str)>) -> Self {
        let mut base = base.trim().to_owned();
        if !base.ends_with('/') {
            base.push('/');
        }
        let auth = basic_auth.map(|(u, p)| {
            use base64::Engine;
            format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{u}:{p}")))
        });
        Self { base, auth, date_ms: std::cell::Cell::new(None) }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        // `omit`: no cookies, and no browser login dialog on a 401 — we send our own
        // Authorization header and report a refusal in words.
        let mut r = Request::get(&format!("{}{path}", self.base))
            .method(method)
            .cache(RequestCache::NoStore)
            .credentials(RequestCredentials::Omit);
        if let Some(a) = &self.auth {
            r = r.header("Authorization", a);
        }
        r
    }

    async fn send(&self, r: Result<Request, gloo_net::Error>) -> Result<Response, HostError> {
        let online = web_sys::window().map(|w| w.navigator().on_line()).unwrap_or(true);
        if !online {
            return Err(HostError::Unreachable("offline".into()));
        }
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

    fn status_error(status: u16) -> HostError {
        match status {
            401 => HostError::Unauthorized,
            403 | 405 | 501 => HostError::ReadOnly,
            s => HostError::Status(s),
        }
    }

    async fn mkcol_parents(&self, path: &str) -> Result<(), HostError> {
        let parts: Vec<&str> = path.split('/').collect();
        for i in 1..parts.len() {
            let dir = format!("{}/", parts[..i].join("/"));
            let resp = self.send(self.request(Method::from_bytes(b"MKCOL").expect("method"), &dir).build()).await?;
            // 201 made, 405 already there; anything else is the host's answer to report.
            if !(resp.ok() || resp.status() == 405) {
                return Err(Self::status_error(resp.status()));
            }
        }
        Ok(())
    }

    async fn put_once(&self, path: &str, bytes: &[u8]) -> Result<u16, HostError> {
        let body = js_sys::Uint8Array::from(bytes);
        let resp =
            self.send(self.request(Method::PUT, path).header("Content-Type", "application/json").body(body)).await?;
        Ok(resp.status())
    }
}

impl Host for HttpHost {
    fn server_time_ms(&self) -> Option<i64> {
        self.date_ms.get()
    }

    async fn get(&self, path: &str, etag: Option<&str>, max_bytes: usize) -> Result<Fetched, HostError> {
        let mut r = self.request(Method::GET, path);
        if let Some(e) = etag {
            r = r.header("If-None-Match", e);
        }
        let resp = self.send(r.build()).await?;
        match resp.status() {
            304 => Ok(Fetched::NotModified),
            404 | 410 => Ok(Fetched::Missing),
            200 => {
                // A file served within moments of its last change may be rewritten in the
                // same second with an unchanged `ETag`: such a validator is not kept.
                let headers = resp.headers();
                let modified =
                    headers.get("Last-Modified").map(|d| js_sys::Date::parse(&d)).filter(|ms| ms.is_finite());
                let served_at = self.date_ms.get().unwrap_or_else(|| js_sys::Date::now() as i64);
                let etag = headers.get("ETag").filter(|_| etag_worth_keeping(modified.map(|ms| ms as i64), served_at));
                let bytes = read_capped(&resp, max_bytes).await?;
                Ok(Fetched::Found { bytes, etag })
            }
            s => Err(Self::status_error(s)),
        }
    }

    async fn presence(&self, path: &str) -> Result<Presence, HostError> {
        let resp = self.send(self.request(Method::HEAD, path).build()).await?;
        match resp.status() {
            404 | 410 => Ok(Presence::Missing),
            s if (200..300).contains(&s) => {
                Ok(Presence::Present(resp.headers().get("Content-Length").and_then(|v| v.trim().parse().ok())))
            }
            s => Err(Self::status_error(s)),
        }
    }

    async fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), HostError> {
        let mut status = self.put_once(path, &bytes).await?;
        if status == 409 || status == 404 {
            // A WebDAV host that does not create folders on PUT: make them, try again.
            self.mkcol_parents(path).await?;
            status = self.put_once(path, &bytes).await?;
        }
        if (200..300).contains(&status) {
            Ok(())
        } else {
            Err(Self::status_error(status))
        }
    }

    /// `PROPFIND` first; a host that refuses it (405, 501, 403, 400…), answers something
    /// that is no multistatus, or whose CORS rules do not let the browser send it, is
    /// asked for an index page instead. 404 is an empty folder; `None` when neither way
    /// gives a listing (discovery then goes by heads and announcements).
    async fn list_devices(&self) -> Result<Option<Vec<String>>, HostError> {
        let folder = format!("{}devices/", self.base);
        let propfind = self
            .request(Method::from_bytes(b"PROPFIND").expect("method"), "devices/")
            .header("Depth", "1")
            .header("Content-Type", "application/xml; charset=utf-8")
            .body(PROPFIND_BODY);
        // A failed PROPFIND may be a CORS refusal of the method, not the network: the GET
        // below tells which.
        if let Ok(resp) = self.send(propfind).await {
            match resp.status() {
                207 => {
                    if let Ok(bytes) = read_capped(&resp, MAX_LISTING_BYTES).await {
                        if let Some(names) = devices_from_multistatus(&String::from_utf8_lossy(&bytes), &folder) {
                            return Ok(Some(names));
                        }
                    }
                }
                404 | 410 => return Ok(Some(Vec::new())),
                401 => return Err(HostError::Unauthorized),
                _ => {}
            }
        }
        let resp =
            self.send(self.request(Method::GET, "devices/").header("Accept", "application/json").build()).await?;
        match resp.status() {
            200 => {}
            404 | 410 => return Ok(Some(Vec::new())),
            401 => return Err(HostError::Unauthorized),
            // 403 and friends: a plain static host that does not list folders.
            _ => return Ok(None),
        }
        let Ok(bytes) = read_capped(&resp, MAX_LISTING_BYTES).await else { return Ok(None) };
        Ok(devices_from_index(&String::from_utf8_lossy(&bytes), &folder))
    }
}

/// The body, read piece by piece and abandoned as soon as it passes `max_bytes` (a
/// `Content-Length` above the cap is refused before reading anything).
pub(super) async fn read_capped(resp: &Response, max_bytes: usize) -> Result<Vec<u8>, HostError> {
    let too_large = HostError::TooLarge { limit: max_bytes };
    let declared = resp.headers().get("Content-Length").and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > max_bytes as u64) {
        return Err(too_large);
    }
    let fail = |e: wasm_bindgen::JsValue| HostError::Unreachable(format!("{e:?}"));
    let Some(body) = resp.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut out = Vec::with_capacity(declared.map_or(0, |n| n as usize));
    loop {
        let step = JsFuture::from(reader.read()).await.map_err(fail)?;
        let done = js_sys::Reflect::get(&step, &"done".into()).map_err(fail)?.as_bool().unwrap_or(true);
        if done {
            return Ok(out);
        }
        let value = js_sys::Reflect::get(&step, &"value".into()).map_err(fail)?;
        let piece = js_sys::Uint8Array::new(&value);
        if out.len() + piece.length() as usize > max_bytes {
            let _ = reader.cancel();
            return Err(too_large);
        }
        let start = out.len();
        out.resize(start + piece.length() as usize, 0);
        piece.copy_to(&mut out[start..]);
    }
}
