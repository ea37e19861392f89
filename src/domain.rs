//! The domain: Outpost's business rules as pure Rust.
//!
//! Nothing here touches the web: no leptos, web-sys, gloo or IndexedDB. The clock and
//! id generator are passed in, so every rule is testable natively with `cargo test`.
//! One rule family per file, named by its rule ids in `../shared/domain.md`.

pub mod activity;
pub mod application;
pub mod application_report;
pub mod approval;
pub mod authority;
pub mod cadence;
pub mod calendar;
pub mod chips;
pub mod collection;
pub mod competitor;
pub mod csv_import;
pub mod customer;
pub mod customer_list;
pub mod day_plan;
pub mod distribution;
pub mod event;
pub mod event_kit;
pub mod export;
pub mod feedback;
pub mod first_contact;
pub mod forwarding;
pub mod handover;
pub mod incentive;
pub mod key_activity;
pub mod key_service;
pub mod kpi;
pub mod minutes;
pub mod money;
pub mod order;
pub mod participant;
pub mod pin_attempts;
pub mod pool;
pub mod profile;
pub mod project;
pub mod quota;
pub mod ratio;
pub mod receivable;
pub mod repair;
pub mod report;
pub mod review;
pub mod roster;
pub mod sales_plan;
pub mod sales_report;
pub mod search;
pub mod service;
pub mod stock;
pub mod target;
pub mod team_rules;
pub mod territory;
pub mod tier;
pub mod training;
pub mod visit_plan;
pub mod warehouse;
