//! The Leptos client-side app (wasm32 only).
//!
//! Contexts are newtypes with a `provide_*` function ([`i18n`], [`session`], [`route`]);
//! pages live in [`pages`], reusable pieces in [`components`], browser APIs that are
//! not Leptos's in [`platform`].

pub mod app;
pub mod components;
pub mod customers_ctx;
pub mod edit;
pub mod orders_ctx;
pub mod events_ctx;
pub mod file_io;
pub mod i18n;
pub mod invite;
pub mod pages;
pub mod platform;
pub mod route;
pub mod session;
pub mod sync_ctx;

pub use app::App;
