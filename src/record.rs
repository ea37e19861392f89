//! The record types every other layer builds on: a hybrid logical clock ([`hlc`]) and
//! the two kinds of record, documents and entries, with their merge ([`replica`]), and
//! the personal signatures that seal each change ([`seal`]).
//!
//! They sit below both `domain` and `sync` so the domain can stamp and fold records
//! without importing the sync layer; this module imports nothing from the crate but
//! itself (checked by `tests/layers.rs`).

pub mod hlc;
pub mod replica;
pub mod seal;
