//! Sync: how devices share records through encrypted snapshots on a static file host.
//!
//! The pure half lives here and tests natively: [`crypto`] seals every file under the
//! team key. Envelopes, merge and the HTTP transports come with the data-core work;
//! the layer exists from day one so the dependency direction is fixed:
//! ui → domain → storage → sync.

pub mod blob;
pub mod crypto;
pub mod engine;
pub mod host;
#[cfg(target_arch = "wasm32")]
pub mod http_host;
pub mod snapshot;
