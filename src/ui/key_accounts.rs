//! Key-account support requests, activities and evaluations (K1–K3).

pub mod approval_steps;
pub mod key_account_card;
pub mod key_account_roles;
pub mod key_activities;
pub mod service_terms;
