//! The team roster on this device: its root (the team's first admin key) and the grants
//! folded into a [`Roster`] (issue 15). Areas whose folds move money or ownership read
//! their entries through [`counted`], so a forged confirmation or assignment never
//! counts on any device.

use super::{get_typed, RecordStore, StorageError, StoreName, Write};
use crate::domain::authority::judge;
use crate::domain::roster::{Roster, GRANT};
use crate::record::replica::Entry;

const ROSTER_ROOT_KEY: &str = "roster_root";

/// The write that records the team's first admin key (from the invite, or this device
/// creating the team).
pub fn set_root(root: &str) -> Write {
    Write::Put(StoreName::Meta, ROSTER_ROOT_KEY.into(), serde_json::Value::String(root.to_owned()))
}

/// The team's root key as this device knows it.
pub async fn root<S: RecordStore>(s: &S) -> Result<Option<String>, StorageError> {
    get_typed(s, StoreName::Meta, ROSTER_ROOT_KEY).await
}

/// Takes the root an invite carries, unless this device already has one: a root never
/// changes once known (a later link naming another root cannot take the team over).
/// Returns whether the device now has `root`.
pub async fn adopt_root<S: RecordStore>(s: &S, root: &str) -> Result<bool, StorageError> {
    match self::root(s).await? {
        Some(known) => Ok(known == root),
        None => {
            s.write(vec![set_root(root)]).await?;
            Ok(true)
        }
    }
}

/// Forgets the root (joining another team).
pub(crate) fn forget_root() -> Write {
    Write::Delete(StoreName::Meta, ROSTER_ROOT_KEY.into())
}

/// The roster, or `None` for a team without one (created before seals: every entry
/// counts, as before).
pub async fn load_roster<S: RecordStore>(s: &S) -> Result<Option<Roster>, StorageError> {
    let Some(root): Option<String> = get_typed(s, StoreName::Meta, ROSTER_ROOT_KEY).await? else {
        return Ok(None);
    };
    let grants = s.entries_of_kind(GRANT).await?;
    Ok(Some(Roster::fold(&root, &grants)))
}

/// The entries that count under `roster` (`domain::authority`), in their order.
pub fn counted(entries: Vec<Entry>, roster: Option<&Roster>) -> Vec<Entry> {
    if roster.is_none() {
        return entries;
    }
    entries.into_iter().filter(|e| judge(e, roster).counts()).collect()
}
