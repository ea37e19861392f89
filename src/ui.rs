//! The Leptos client-side app (wasm32 only).
//!
//! One folder per feature, named like its catalogue in [`i18n`] and its stylesheet in
//! `style/`: each holds its page(s), its components (one per file) and, where the
//! feature has one, its context (`*_ctx.rs`). App-wide state — the open database and
//! profiles, the route, sync status, browser APIs — is in [`state`]; pieces with no
//! business meaning are in [`widgets`]; the frame around every page is [`shell`].
//! Components render read models and call the storage layer's commands; no business
//! rule is decided here.

pub mod activities;
pub mod aftersales;
pub mod app;
pub mod customers;
pub mod events;
pub mod i18n;
pub mod incentives;
pub mod key_accounts;
pub mod orders;
pub mod pool;
pub mod profiles;
pub mod reports;
pub mod service;
pub mod settings;
pub mod shell;
pub mod state;
pub mod today;
pub mod warehouse;
pub mod widgets;

pub use app::App;
