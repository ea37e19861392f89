//! The team roster on this device: its root (the team's first admin key) and the grants
//! folded into a [`Roster`] (issue 15). Every area reads its documents and entries
//! through a [`Judge`], so a forged confirmation, assignment or approval, a revoked
//! member's later edit or an unsealed change after the team began to sign never counts
//! on any device. (The people directory is the exception: a newcomer announces their key
//! there before an admin can grant it.)

use super::{get_typed, RecordStore, StorageError, StoreName, Write};
use crate::domain::authority::{has_slots, judge, needed, on_this_device, sift_fields_on_device, Verdict};
use crate::domain::roster::{Roster, GRANT};
use crate::record::replica::{Document, Entry};

pub(crate) const ROSTER_ROOT_KEY: &str = "roster_root";

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

/// The stored document `id` as it counts under the roster (a team setting, say).
pub async fn counted_doc<S: RecordStore>(s: &S, id: &str) -> Result<Option<Document>, StorageError> {
    let Some(d) = get_typed::<_, Document>(s, StoreName::Docs, id).await? else {
        return Ok(None);
    };
    Ok(Judge::load(s).await?.docs(vec![d]).pop())
}

/// The roster read once for an area's load: what its documents and entries count as on
/// this device — the roster's verdict, except that the own work of a profile on this
/// device waiting for its grant shows here (`domain::authority::on_this_device`).
pub struct Judge {
    roster: Option<Roster>,
    own_keys: Vec<String>,
}

impl Judge {
    pub async fn load<S: RecordStore>(s: &S) -> Result<Judge, StorageError> {
        let roster = load_roster(s).await?;
        let own_keys = match &roster {
            Some(_) => own_keys(s).await?,
            None => Vec::new(),
        };
        Ok(Judge { roster, own_keys })
    }

    pub fn roster(&self) -> Option<&Roster> {
        self.roster.as_ref()
    }

    /// How `e` stands on this device.
    pub fn entry(&self, e: &Entry) -> Verdict {
        on_this_device(judge(e, self.roster()), e.seal.as_ref(), needed(e).is_some(), &self.own_keys)
    }

    /// `d` with only the fields that count on this device, and the others with why.
    pub fn sift(&self, d: &Document) -> (Document, Vec<(String, Verdict)>) {
        sift_fields_on_device(d, self.roster(), &self.own_keys)
    }

    /// `docs` as they count on this device: refused fields left out, role-gated fields
    /// kept in slots read as one (`domain::authority::into_slots`). A document left with
    /// no field is left out.
    pub fn docs(&self, docs: Vec<Document>) -> Vec<Document> {
        docs.into_iter()
            .filter_map(|d| {
                let slots = has_slots(&d);
                if self.roster.is_none() && !slots {
                    return Some(d);
                }
                let (kept, refused) = self.sift(&d);
                if refused.is_empty() && !slots {
                    Some(d)
                } else {
                    (!kept.fields.is_empty()).then_some(kept)
                }
            })
            .collect()
    }

    pub fn entries(&self, entries: Vec<Entry>) -> Vec<Entry> {
        if self.roster.is_none() {
            return entries;
        }
        entries.into_iter().filter(|e| self.entry(e).counts()).collect()
    }
}

/// The keys the profiles on this device announced in the team directory.
async fn own_keys<S: RecordStore>(s: &S) -> Result<Vec<String>, StorageError> {
    let mut keys = Vec::new();
    for id in s.keys(StoreName::Profiles).await? {
        if let Some(d) = get_typed::<_, Document>(s, StoreName::Docs, &id).await? {
            if let Some(k) = d.get("key").and_then(|v| v.as_str()) {
                keys.push(k.to_owned());
            }
        }
    }
    Ok(keys)
}
