//! The team roster on this device: its root (the team's first admin key) and the grants
//! folded into a [`Roster`] (issue 15). Every area reads its documents and entries
//! through a [`Judge`], so a forged confirmation, assignment or approval, a revoked
//! member's later edit or an unsealed change after the team began to sign never counts
//! on any device. (The people directory is the exception: a newcomer announces their key
//! there before an admin can grant it.)

use super::{get_typed, RecordStore, StorageError, StoreName, Write};
use crate::domain::authority::{judge, sift_fields};
use crate::domain::roster::{Roster, GRANT};
use crate::record::replica::{Document, Entry};

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

/// The documents as they count under `roster`: each field that does not count reads as
/// never written (`domain::authority::sift_fields`); a document left with no field is
/// left out.
pub fn counted_docs(docs: Vec<Document>, roster: Option<&Roster>) -> Vec<Document> {
    if roster.is_none() {
        return docs;
    }
    docs.into_iter()
        .filter_map(|d| {
            let (kept, refused) = sift_fields(&d, roster);
            if refused.is_empty() {
                Some(d)
            } else {
                (!kept.fields.is_empty()).then_some(kept)
            }
        })
        .collect()
}

/// The stored document `id` as it counts under the roster (a team setting, say).
pub async fn counted_doc<S: RecordStore>(s: &S, id: &str) -> Result<Option<Document>, StorageError> {
    let Some(d) = get_typed::<_, Document>(s, StoreName::Docs, id).await? else {
        return Ok(None);
    };
    Ok(Judge::load(s).await?.docs(vec![d]).pop())
}

/// The roster read once for an area's load: what its documents and entries count as.
pub struct Judge(Option<Roster>);

impl Judge {
    pub async fn load<S: RecordStore>(s: &S) -> Result<Judge, StorageError> {
        Ok(Judge(load_roster(s).await?))
    }

    pub fn roster(&self) -> Option<&Roster> {
        self.0.as_ref()
    }

    pub fn docs(&self, docs: Vec<Document>) -> Vec<Document> {
        counted_docs(docs, self.roster())
    }

    pub fn entries(&self, entries: Vec<Entry>) -> Vec<Entry> {
        counted(entries, self.roster())
    }
}
