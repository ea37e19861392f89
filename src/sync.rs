//! Sync: how devices share records through encrypted snapshots on a static file host.
//!
//! The data core (envelopes, merge, crypto, transports) lands with the data-core
//! issue; this layer exists from day one so the dependency direction is fixed:
//! ui → domain → storage → sync.
