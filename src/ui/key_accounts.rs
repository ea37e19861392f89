//! Key-account support requests and evaluations (K1–K3).

pub mod approval_steps;
pub mod key_account_card;
pub mod key_account_roles;
