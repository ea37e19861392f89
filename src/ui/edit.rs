//! Recording a change made on this device: stamp it with the device clock, store it with
//! the outbox in one transaction, tell the lists, and sync soon.

use leptos::prelude::GetValue;

use super::session::Db;
use super::sync_ctx::SyncCtx;
use crate::storage::data::{apply_local, clock};
use crate::storage::StorageError;
use crate::sync::hlc::Clock;
use crate::sync::record::Replica;

/// Seconds after a local change before the automatic sync, so a burst of edits travels together.
const SYNC_DELAY_MS: u32 = 3_000;

pub async fn record_change(db: &Db, sync: SyncCtx, build: impl FnOnce(&mut Clock) -> Replica) -> Result<(), StorageError> {
    let device = sync.device.get_value();
    let mut c = clock(db.store(), &device).await?;
    let change = build(&mut c);
    apply_local(db.store(), &change, &c).await?;
    sync.changed_local(&change);
    leptos::prelude::set_timeout(move || sync.sync_now(), std::time::Duration::from_millis(SYNC_DELAY_MS.into()));
    Ok(())
}
