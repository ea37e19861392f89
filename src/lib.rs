//! Outpost: an offline-first sales field app.
//!
//! Four layers, data flowing one way (ui → domain → storage → sync):
//! - [`domain`]: pure rules and types; compiles and tests natively.
//! - [`storage`]: the record store behind one interface: IndexedDB in the browser,
//!   an in-memory store for native tests.
//! - [`sync`]: envelopes, merge, crypto and transport for static-host snapshots.
//! - `ui`: the Leptos client-side app (wasm32 only).

pub mod domain;
pub mod storage;
pub mod sync;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;
