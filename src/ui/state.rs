//! App-wide state: the open database and profiles, the route, sync status, the one loader ([`load`]) and writer ([`write`]), and browser APIs.

pub mod command;
pub mod csp;
pub mod edit;
pub mod load;
pub mod platform;
pub mod round_lock;
pub mod route;
pub mod scope;
pub mod session;
pub mod sync_ctx;
pub mod write;
