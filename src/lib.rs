//! Outpost: an offline-first sales field app.
//!
//! Layers, data flowing one way (ui → app → domain/storage → sync), with the record types
//! at the bottom so both the domain and sync can name them:
//! - [`record`]: hybrid logical clocks, documents, entries and their merge; imports
//!   nothing from this crate.
//! - [`domain`]: pure rules and types; compiles and tests natively.
//! - [`storage`]: the record store behind one interface: IndexedDB in the browser,
//!   an in-memory store for native tests.
//! - [`app`]: the commands, one per user action: role and rule checked, the change
//!   built with the storage builders and stored; compiles and tests natively.
//! - [`sync`]: envelopes, crypto and transport for static-host snapshots.
//! - `ui`: the Leptos client-side app (wasm32 only).

pub mod app;
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;
pub mod domain;
pub mod record;
pub mod storage;
pub mod sync;
#[cfg(target_arch = "wasm32")]
pub mod ui;
