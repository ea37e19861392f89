//! Sync: how devices share records through encrypted snapshots on a static file host.
//!
//! Everything here but the browser transports (WebDAV `http_host`, S3 `s3_host`) tests
//! natively: [`crypto`] seals every file under the team key, [`snapshot`] is the
//! versioned envelope and its restore step, [`engine`] pushes and pulls through a
//! [`host`]. It knows records ([`crate::record`])
//! and nothing of the rules, the store or the UI (checked by `tests/layers.rs`).

pub mod blob;
pub mod compact;
pub mod crypto;
pub mod engine;
pub mod host;
#[cfg(target_arch = "wasm32")]
pub mod http_host;
pub mod index;
pub mod listing;
pub mod members;
pub mod passphrase;
#[cfg(target_arch = "wasm32")]
pub mod s3_host;
pub mod s3_listing;
pub mod s3_presets;
pub mod sigv4;
pub mod snapshot;
pub mod state_merge;
pub mod status;
#[cfg(target_arch = "wasm32")]
pub mod team_host;
