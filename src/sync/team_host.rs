//! The team's host, whichever kind it is: a WebDAV folder ([`HttpHost`]) or an
//! S3-compatible bucket ([`S3Host`]). One type for the sync round, an enum because
//! [`Host`]'s async methods cannot be called through `dyn`.

use super::host::{Fetched, Host, HostError, Presence};
use super::http_host::HttpHost;
use super::s3_host::S3Host;

#[derive(Debug)]
pub enum TeamHost {
    Http(HttpHost),
    S3(S3Host),
}

impl Host for TeamHost {
    fn server_time_ms(&self) -> Option<i64> {
        match self {
            TeamHost::Http(h) => h.server_time_ms(),
            TeamHost::S3(h) => h.server_time_ms(),
        }
    }

    async fn get(&self, path: &str, etag: Option<&str>, max_bytes: usize) -> Result<Fetched, HostError> {
        match self {
            TeamHost::Http(h) => h.get(path, etag, max_bytes).await,
            TeamHost::S3(h) => h.get(path, etag, max_bytes).await,
        }
    }

    async fn presence(&self, path: &str) -> Result<Presence, HostError> {
        match self {
            TeamHost::Http(h) => h.presence(path).await,
            TeamHost::S3(h) => h.presence(path).await,
        }
    }

    async fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), HostError> {
        match self {
            TeamHost::Http(h) => h.put(path, bytes).await,
            TeamHost::S3(h) => h.put(path, bytes).await,
        }
    }

    async fn list_devices(&self) -> Result<Option<Vec<String>>, HostError> {
        match self {
            TeamHost::Http(h) => h.list_devices().await,
            TeamHost::S3(h) => h.list_devices().await,
        }
    }
}
