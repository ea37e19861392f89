//! Recording a change made on this device: stamp it with the device clock, store it with
//! the outbox in one transaction, tell the lists, and sync soon.

use leptos::prelude::GetValue;

use crate::record::hlc::Clock;
use crate::record::replica::Replica;
use crate::record::seal::PersonalKey;
use crate::storage::data::{apply_local, clock};
use crate::storage::StorageError;
use crate::ui::state::session::Db;
use crate::ui::state::sync_ctx::SyncCtx;

/// Seconds after a local change before the automatic sync, so a burst of edits travels together.
const SYNC_DELAY_MS: u32 = 3_000;

/// `key` seals the change (the author's personal key; `None` leaves it unsealed).
pub async fn record_change(
    db: &Db,
    sync: SyncCtx,
    key: Option<PersonalKey>,
    build: impl FnOnce(&mut Clock) -> Replica,
) -> Result<(), StorageError> {
    let change = store_change(db, sync, key, build).await?;
    sync.changed_local(&change);
    sync_soon(sync);
    Ok(())
}

/// Stores one batch of a long job (an import) without telling the lists: re-reading
/// every record after each of a hundred batches would make a 50k-row import quadratic.
/// The job calls [`finish_batches`] once at the end.
pub async fn record_batch(
    db: &Db,
    sync: SyncCtx,
    key: Option<PersonalKey>,
    build: impl FnOnce(&mut Clock) -> Replica,
) -> Result<(), StorageError> {
    store_change(db, sync, key, build).await.map(|_| ())
}

/// After the last [`record_batch`]: lists re-read everything once, and sync follows.
pub fn finish_batches(sync: SyncCtx) {
    sync.changed();
    sync_soon(sync);
}

async fn store_change(
    db: &Db,
    sync: SyncCtx,
    key: Option<PersonalKey>,
    build: impl FnOnce(&mut Clock) -> Replica,
) -> Result<Replica, StorageError> {
    let device = sync.device.get_value();
    let mut c = clock(db.store(), &device).await?;
    let mut change = build(&mut c);
    crate::domain::authority::into_slots(&mut change, key.as_ref().map(|k| k.id().0).as_deref());
    if let Some(k) = key {
        k.seal_change(&mut change);
    }
    apply_local(db.store(), &change, &c).await?;
    Ok(change)
}

pub(crate) fn sync_soon(sync: SyncCtx) {
    leptos::prelude::set_timeout(move || sync.sync_now(), std::time::Duration::from_millis(SYNC_DELAY_MS.into()));
}
