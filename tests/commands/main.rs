//! The command layer (`outpost::app`) over the in-memory store: every user action
//! refuses a role that may not take it — storing nothing — and stores, for a role that
//! may, what the rules then fold. One file per area; tests cite the rule ids.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../common/mod.rs"]
mod common;

mod activities;
mod aftersales;
mod applications;
mod commission;
mod customers;
mod event_kit;
mod event_roles;
mod events;
mod incentives;
mod key_accounts;
mod orders;
mod payout;
mod pool;
mod role_folds;
mod roster;
mod sales_plans;
mod sales_reports;
mod seed_workflows;
mod service;
mod targets;
mod team;
mod territory;
mod warehouse;

use outpost::domain::customer::CustomerFile;
use outpost::storage::memory::MemoryStore;

use common::*;

/// A store with the team directory and customer `id` entered by the manager (so it
/// starts in the pool, P5).
pub async fn team_with_customer(id: &str) -> MemoryStore {
    let s = MemoryStore::new();
    seed_team(&s).await;
    let file = CustomerFile { name: format!("Customer {id}"), ..Default::default() };
    outpost::app::customers::save_customer(&s, &wang(at(0)), id, None, &file, None).await.expect("entered");
    s
}

/// E1: `organiser`'s kite DIY day at the sales office, 09:00–12:00 on day one.
pub fn kite_day(id: &str, organiser: &str) -> outpost::domain::event::Event {
    outpost::domain::event::Event {
        id: id.into(),
        theme: "Kite DIY day".into(),
        starts_ms: at(9 * 3600 * 1000),
        ends_ms: at(12 * 3600 * 1000),
        venue: "Sales office".into(),
        organiser: organiser.into(),
        audience: "Owners and families".into(),
        format: "Workshop".into(),
        budget: vec![],
        consent_version: "v2".into(),
    }
}
