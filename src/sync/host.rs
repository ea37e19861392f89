//! The static file host, seen as three verbs: GET (optionally conditional), PUT, and
//! "which device folders exist" where the host can tell.
//!
//! [`Host`] is the port; the browser implementation speaks HTTP (WebDAV PUT/MKCOL, plain
//! GET for read-only hosts) and [`MemoryHost`] stands in for native tests, with switches
//! to fail the way real hosts fail.

use std::cell::RefCell;
use std::collections::BTreeMap;

use thiserror::Error;

/// What a GET found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// 304: the ETag we sent still matches.
    NotModified,
    /// 404: no such file.
    Missing,
    Found {
        bytes: Vec<u8>,
        etag: Option<String>,
    },
}

/// How long after its last change a file must have been served before its `ETag` is
/// kept for a conditional read: [`etag_worth_keeping`].
pub const VALIDATOR_SETTLE_MS: i64 = 2_000;

/// Whether a validator (`ETag`) the host sent with a file can be trusted to change with
/// the next rewrite, so that a later `If-None-Match` answered 304 really means
/// "unchanged".
///
/// Some hosts derive the `ETag` from the file's modification time in whole seconds and
/// its size (nginx does: `"<mtime hex>-<size hex>"`). A file rewritten within the same
/// second at the same size — a device's head published twice in one second — keeps its
/// `ETag`, and a reader holding the first copy's would be told "not modified" and miss the
/// second until the file changed again. HTTP calls such a validator weak when the file
/// was served within a second of its `Last-Modified` (RFC 9110 §8.8.2.2); this keeps an
/// `ETag` only for a file last modified at least [`VALIDATOR_SETTLE_MS`] before it was
/// served, by the host's `Date` (or the device's clock when the host sends none). A
/// host that sends no `Last-Modified` is taken at its word. Dropping a validator costs
/// one full read of that file on the next round, nothing else.
pub fn etag_worth_keeping(last_modified_ms: Option<i64>, served_at_ms: i64) -> bool {
    match last_modified_ms {
        None => true,
        Some(modified) => served_at_ms.saturating_sub(modified) >= VALIDATOR_SETTLE_MS,
    }
}

/// What a `HEAD` found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Missing,
    /// There, with its size when the host gave one.
    Present(Option<u64>),
}

/// Why the host could not be used; the UI words each reason.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum HostError {
    /// No answer at all: offline, DNS, refused connection, CORS.
    #[error("the sync host could not be reached: {0}")]
    Unreachable(String),
    /// An HTTP status we cannot work with (500, 403, …).
    #[error("the sync host answered HTTP {0}")]
    Status(u16),
    /// The host serves files but refuses writes (a plain static host): pull only.
    #[error("the sync host is read-only")]
    ReadOnly,
    /// 401: the host wants (other) credentials.
    #[error("the sync host refused the credentials")]
    Unauthorized,
    /// The file is larger than anything this app writes there: refused unread.
    #[error("the file is larger than {limit} bytes")]
    TooLarge { limit: usize },
    /// The host refused the request for a reason it named (an S3 error code): the round
    /// stops, as for a refused login, and Settings says which.
    #[error("the sync host refused the request: {}", .0.code())]
    Rejected(Rejection),
}

/// Why an object store refused a request, from its S3 error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// `RequestTimeTooSkewed`: this device's clock is too far from the host's (S3 allows
    /// 15 minutes), even after one retry on the host's time.
    ClockSkew,
    /// `SignatureDoesNotMatch`: the secret key is wrong (or the request was altered).
    SignatureMismatch,
    /// `InvalidAccessKeyId`: no such access key.
    UnknownAccessKey,
    /// `AccessDenied` and other 403s: the key may not do this (policy, prefix).
    AccessDenied,
    /// `NoSuchBucket`: the bucket name or region is wrong. Never read as an empty team.
    NoSuchBucket,
    /// Any other code the host gave with a refusal, kept as written (at most 64 chars).
    Other(String),
}

impl Rejection {
    pub fn from_code(code: &str) -> Self {
        match code {
            "RequestTimeTooSkewed" => Rejection::ClockSkew,
            "SignatureDoesNotMatch" => Rejection::SignatureMismatch,
            "InvalidAccessKeyId" => Rejection::UnknownAccessKey,
            "AccessDenied" => Rejection::AccessDenied,
            "NoSuchBucket" => Rejection::NoSuchBucket,
            other => Rejection::Other(other.chars().take(64).collect()),
        }
    }

    /// The S3 error code, for logs and the quarantine.
    pub fn code(&self) -> &str {
        match self {
            Rejection::ClockSkew => "RequestTimeTooSkewed",
            Rejection::SignatureMismatch => "SignatureDoesNotMatch",
            Rejection::UnknownAccessKey => "InvalidAccessKeyId",
            Rejection::AccessDenied => "AccessDenied",
            Rejection::NoSuchBucket => "NoSuchBucket",
            Rejection::Other(c) => c,
        }
    }
}

#[allow(async_fn_in_trait)]
pub trait Host {
    /// Reads a file, or answers [`HostError::TooLarge`] without keeping more than
    /// `max_bytes` of it: everything on the host is untrusted, sizes included.
    async fn get(&self, path: &str, etag: Option<&str>, max_bytes: usize) -> Result<Fetched, HostError>;
    /// Whether a file is there and its size where the host says, without downloading
    /// it (HTTP `HEAD`).
    async fn presence(&self, path: &str) -> Result<Presence, HostError>;
    /// Writes a whole file; the host creates missing folders (or the implementation does,
    /// with MKCOL).
    async fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), HostError>;
    /// Device folder names under `devices/`, or `None` when the host cannot list folders.
    async fn list_devices(&self) -> Result<Option<Vec<String>>, HostError>;
    /// The host's clock (its `Date` header) as last seen, epoch ms.
    fn server_time_ms(&self) -> Option<i64> {
        None
    }
}

/// How a [`MemoryHost`] answers [`Host::list_devices`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Listing {
    /// Every folder under `devices/` (a WebDAV server, nginx autoindex).
    #[default]
    Full,
    /// No listing at all (a plain static host, autoindex and PROPFIND off).
    CannotList,
    /// Always these names, whatever is there (a host answering with some other page,
    /// or a cache serving an old listing).
    Fixed(Vec<String>),
}

/// Requests a [`MemoryHost`] answered, for tests and the sync simulation (issue 19).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Traffic {
    /// GETs, including the ones answered 304 or 404.
    pub gets: u64,
    pub not_modified: u64,
    /// `HEAD`s ([`Host::presence`]).
    pub presences: u64,
    pub puts: u64,
    pub lists: u64,
    /// Bytes of the files GETs returned.
    pub bytes_down: u64,
    pub bytes_up: u64,
}

impl Traffic {
    /// Every request, whatever its verb.
    pub fn requests(&self) -> u64 {
        self.gets + self.presences + self.puts + self.lists
    }
}

/// A host in memory, with failure switches for tests.
#[derive(Debug, Default)]
pub struct MemoryHost {
    /// What was asked of it so far.
    pub traffic: std::cell::Cell<Traffic>,
    pub files: RefCell<BTreeMap<String, Vec<u8>>>,
    /// Every PUT whose path contains this fails with `Unreachable` (the host "stops").
    pub fail_put_containing: RefCell<Option<String>>,
    /// Every GET whose path contains this fails with `Unreachable` (one kind of file
    /// cannot be downloaded).
    pub fail_get_containing: RefCell<Option<String>>,
    /// Every request answers this status.
    pub status: RefCell<Option<u16>>,
    /// Every GET answers these bytes (a host serving an error page or garbage).
    pub garbage: RefCell<Option<Vec<u8>>>,
    pub puts: RefCell<Vec<String>>,
    /// How the host answers "which device folders exist".
    pub listing: RefCell<Listing>,
    /// What the host's `Date` header says.
    pub now_ms: RefCell<Option<i64>>,
    /// A plain static host: every PUT is refused.
    pub read_only: RefCell<bool>,
    /// Paths answered from this old copy instead of `files`: 304 to every conditional
    /// GET, the old bytes to a plain one (a host or proxy stuck on a stale file).
    pub stale: RefCell<BTreeMap<String, Vec<u8>>>,
    /// Every GET whose path contains this answers this status (one bad file).
    pub status_for: RefCell<Option<(String, u16)>>,
    /// Every request is refused with this S3 code (a wrong secret, a clock too far off).
    pub reject: RefCell<Option<Rejection>>,
    /// When set, the path of every GET and the bytes it returned are added to it (tests
    /// and the sync simulation, to count what a pull reads).
    pub gets_log: RefCell<Option<Vec<(String, u64)>>>,
}

impl MemoryHost {
    pub fn new() -> Self {
        Self::default()
    }

    fn etag(bytes: &[u8]) -> String {
        format!("\"{}-{}\"", bytes.len(), bytes.iter().fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(*b as u32)))
    }

    pub fn paths(&self) -> Vec<String> {
        self.files.borrow().keys().cloned().collect()
    }

    fn count(&self, f: impl FnOnce(&mut Traffic)) {
        let mut t = self.traffic.get();
        f(&mut t);
        self.traffic.set(t);
    }
}

impl Host for MemoryHost {
    fn server_time_ms(&self) -> Option<i64> {
        *self.now_ms.borrow()
    }

    async fn get(&self, path: &str, etag: Option<&str>, max_bytes: usize) -> Result<Fetched, HostError> {
        self.count(|t| t.gets += 1);
        let got = self.get_inner(path, etag, max_bytes);
        if let Some(log) = self.gets_log.borrow_mut().as_mut() {
            let bytes = match &got {
                Ok(Fetched::Found { bytes, .. }) => bytes.len() as u64,
                _ => 0,
            };
            log.push((path.to_owned(), bytes));
        }
        if let Ok(f) = &got {
            self.count(|t| match f {
                Fetched::NotModified => t.not_modified += 1,
                Fetched::Found { bytes, .. } => t.bytes_down += bytes.len() as u64,
                Fetched::Missing => {}
            });
        }
        got
    }

    async fn presence(&self, path: &str) -> Result<Presence, HostError> {
        self.count(|t| t.presences += 1);
        self.presence_inner(path)
    }

    async fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), HostError> {
        self.count(|t| {
            t.puts += 1;
            t.bytes_up += bytes.len() as u64;
        });
        self.put_inner(path, bytes)
    }

    async fn list_devices(&self) -> Result<Option<Vec<String>>, HostError> {
        self.count(|t| t.lists += 1);
        self.list_inner()
    }
}

impl MemoryHost {
    fn get_inner(&self, path: &str, etag: Option<&str>, max_bytes: usize) -> Result<Fetched, HostError> {
        if let Some(r) = self.reject.borrow().clone() {
            return Err(HostError::Rejected(r));
        }
        if let Some(s) = *self.status.borrow() {
            return Err(HostError::Status(s));
        }
        if let Some((p, code)) = self.status_for.borrow().as_ref() {
            if path.contains(p.as_str()) {
                return Err(HostError::Status(*code));
            }
        }
        if let Some(p) = self.fail_get_containing.borrow().as_ref() {
            if path.contains(p.as_str()) {
                return Err(HostError::Unreachable("connection refused".into()));
            }
        }
        if let Some(g) = self.garbage.borrow().as_ref() {
            return Ok(Fetched::Found { bytes: g.clone(), etag: None });
        }
        if let Some(b) = self.stale.borrow().get(path) {
            // A host (or cache) that keeps answering with an old copy.
            return Ok(match etag {
                Some(_) => Fetched::NotModified,
                None => Fetched::Found { bytes: b.clone(), etag: Some(Self::etag(b)) },
            });
        }
        Ok(match self.files.borrow().get(path) {
            None => Fetched::Missing,
            Some(b) if etag == Some(Self::etag(b).as_str()) => Fetched::NotModified,
            Some(b) if b.len() > max_bytes => return Err(HostError::TooLarge { limit: max_bytes }),
            Some(b) => Fetched::Found { bytes: b.clone(), etag: Some(Self::etag(b)) },
        })
    }

    fn presence_inner(&self, path: &str) -> Result<Presence, HostError> {
        if let Some(r) = self.reject.borrow().clone() {
            return Err(HostError::Rejected(r));
        }
        if let Some(s) = *self.status.borrow() {
            return Err(HostError::Status(s));
        }
        if let Some((p, code)) = self.status_for.borrow().as_ref() {
            if path.contains(p.as_str()) {
                return Err(HostError::Status(*code));
            }
        }
        Ok(match self.files.borrow().get(path) {
            Some(b) => Presence::Present(Some(b.len() as u64)),
            None => Presence::Missing,
        })
    }

    fn put_inner(&self, path: &str, bytes: Vec<u8>) -> Result<(), HostError> {
        if let Some(r) = self.reject.borrow().clone() {
            return Err(HostError::Rejected(r));
        }
        if let Some(s) = *self.status.borrow() {
            return Err(HostError::Status(s));
        }
        if *self.read_only.borrow() {
            return Err(HostError::ReadOnly);
        }
        if let Some(p) = self.fail_put_containing.borrow().as_ref() {
            if path.contains(p.as_str()) {
                return Err(HostError::Unreachable("connection refused".into()));
            }
        }
        self.puts.borrow_mut().push(path.to_owned());
        self.files.borrow_mut().insert(path.to_owned(), bytes);
        Ok(())
    }

    fn list_inner(&self) -> Result<Option<Vec<String>>, HostError> {
        if let Some(r) = self.reject.borrow().clone() {
            return Err(HostError::Rejected(r));
        }
        if let Some(s) = *self.status.borrow() {
            return Err(HostError::Status(s));
        }
        match &*self.listing.borrow() {
            Listing::Full => {}
            Listing::CannotList => return Ok(None),
            Listing::Fixed(names) => return Ok(Some(names.clone())),
        }
        let mut devices: Vec<String> = self
            .files
            .borrow()
            .keys()
            .filter_map(|p| p.strip_prefix("devices/")?.split('/').next().map(str::to_owned))
            .collect();
        devices.dedup();
        Ok(Some(devices))
    }
}
