//! The domain: Outpost's business rules as pure Rust.
//!
//! Nothing here touches the web: no leptos, web-sys, gloo or IndexedDB. The clock and
//! id generator are passed in, so every rule is testable natively with `cargo test`.
//! One rule family per file, named by its rule ids in `../shared/domain.md`.

pub mod calendar;
pub mod customer;
pub mod profile;
