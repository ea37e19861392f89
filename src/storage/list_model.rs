//! The customer list's persisted read model (issue 17): a snapshot of the judged,
//! assembled customer records, so a cold start at 50k customers reads one stored value
//! instead of decoding every customer, contact and fact.
//!
//! Trust comes from the **data version**, a counter in the `views` store that every
//! write transaction changing a document, an entry, a profile or the roster's root bumps
//! *in the same transaction* ([`RecordStore::write_checked`], both stores). The snapshot
//! carries the version read before the records it holds were read; it is used only while
//! the stored version is still that one, so no record can have changed since: what it
//! holds is what [`load_customers`](super::customers::load_customers) would read now,
//! byte for byte. A write (a local edit, a pull, an import, a roster grant) leaves it
//! stale; the next read catches it up from the [change log](super::change_log) written
//! in the same transactions — only the customers the changed records name are read
//! again — or, when the log cannot show that equals a full read (too many changes, a
//! roster grant, this device's profiles), reads everything. Either way it writes a
//! fresh snapshot.
//!
//! The snapshot holds *inputs* only. Owner, tier and countdowns depend on the clock and
//! stay derived on every read (`domain::customer_list::derive`); the people, team lists
//! and rules are small and read afresh. A snapshot written by another build (a different
//! `build` id: the app was updated, and how records are judged or decoded may have
//! changed) or in another format is not used.
//!
//! ```
//! use outpost::storage::list_model::{data_version, load_customers_cached, Read};
//! use outpost::storage::memory::MemoryStore;
//! use outpost::storage::{RecordStore, StoreName, Write};
//! use pollster::block_on;
//!
//! let s = MemoryStore::new();
//! assert_eq!(block_on(data_version(&s)).unwrap(), 0);
//! let (_, read) = block_on(load_customers_cached(&s, "build-1")).unwrap();
//! assert_eq!(read, Read::Records, "nothing stored yet: a full read, which leaves a snapshot");
//! let (_, read) = block_on(load_customers_cached(&s, "build-1")).unwrap();
//! assert_eq!(read, Read::Snapshot);
//! let doc = serde_json::json!({"id": "c1", "kind": "customer", "fields": {}});
//! block_on(s.write(vec![Write::Put(StoreName::Docs, "c1".into(), doc)])).unwrap();
//! assert_eq!(block_on(data_version(&s)).unwrap(), 1, "bumped by the write itself");
//! let (_, read) = block_on(load_customers_cached(&s, "build-1")).unwrap();
//! assert_eq!(read, Read::CaughtUp, "a record changed since the snapshot: read again alone");
//! ```

use serde_json::Value;

use std::collections::{BTreeSet, HashMap};

use super::change_log::{keys_since, CHANGE_LOG_KEY};
use super::customers::{assemble_listed, load_customers_listed, CONTACT, CONTACT_CUSTOMER, CUSTOMER};
use super::roster::Judge;
use super::{get_typed, RecordStore, StorageError, StoreName, Write};
use crate::domain::customer_list::CustomerRecord;
use crate::domain::pool::FactKind;
use crate::domain::roster::GRANT;
use crate::record::replica::{Document, Entry};

/// The key of the data version in the `views` store.
pub const DATA_VERSION_KEY: &str = "data_version";
/// The key of the customer list's snapshot in the `views` store.
pub const CUSTOMER_LIST_KEY: &str = "customer_list";
/// The key of the snapshot's head: its first [`HEAD_ROWS`] records, stored beside it in
/// the same write, so a cold start can draw the list's first screen before reading the
/// whole snapshot.
pub const CUSTOMER_HEAD_KEY: &str = "customer_list_head";
/// How many records the head holds: more than a tablet's screen of rows.
pub const HEAD_ROWS: usize = 60;
/// Raised when what a snapshot holds changes shape.
const FORMAT: u32 = 3;

/// Whether a changed record of `store` under `key` can change what a read model is built
/// from: documents and entries, and what the roster judges them by (the team's root key
/// in `meta`, the profiles on this device whose own work counts before its grant).
pub(crate) fn changes_data(store: StoreName, key: &str) -> bool {
    match store {
        StoreName::Docs | StoreName::Entries | StoreName::Profiles => true,
        StoreName::Meta => key == super::roster::ROSTER_ROOT_KEY,
        _ => false,
    }
}

/// The stored data version as a number (0 for a database no write has bumped yet).
pub(crate) fn version_of(v: Option<&Value>) -> u64 {
    v.and_then(|v| v.get("n")).and_then(Value::as_u64).unwrap_or(0)
}

/// The data version after one more write transaction.
pub(crate) fn bumped(current: Option<&Value>) -> Value {
    serde_json::json!({ "n": version_of(current) + 1 })
}

/// The data version now.
pub async fn data_version<S: RecordStore>(s: &S) -> Result<u64, StorageError> {
    Ok(version_of(s.get(StoreName::Views, DATA_VERSION_KEY).await?.as_ref()))
}

/// Where [`load_customers_cached`] found the records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Read {
    /// The snapshot, still current.
    Snapshot,
    /// The snapshot, with the customers changed since it was taken read again.
    CaughtUp,
    /// Every record (no snapshot, one of another build, or one too far behind).
    Records,
}

impl Read {
    pub fn as_str(self) -> &'static str {
        match self {
            Read::Snapshot => "snapshot",
            Read::CaughtUp => "caught-up",
            Read::Records => "records",
        }
    }
}

/// What a snapshot holds: the records in list order and the customers stored contacts
/// name that are not listed ([`load_customers_listed`]).
#[derive(Debug, Clone, PartialEq, Default)]
struct Held {
    records: Vec<CustomerRecord>,
    orphans: BTreeSet<String>,
}

/// The snapshot as stored: its version, build and format beside the records as one JSON
/// text (one string for IndexedDB to clone, not a tree of 50k objects).
fn encode(version: u64, build: &str, held: &Held) -> Result<Value, StorageError> {
    let text = serde_json::to_string(&held.records).map_err(|e| StorageError::Decode(e.to_string()))?;
    Ok(serde_json::json!({
        "format": FORMAT, "version": version, "build": build, "o": held.orphans, "j": text,
    }))
}

/// The version a stored snapshot was taken at and what it holds, if it was taken by
/// `build` in this format no later than `version`; `None` for any other, refused on its
/// header without parsing the records.
fn decode(stored: Value, version: u64, build: &str) -> Option<(u64, Held)> {
    let at = stored.get("version").and_then(Value::as_u64)?;
    let current = stored.get("format").and_then(Value::as_u64) == Some(u64::from(FORMAT))
        && at <= version
        && stored.get("build").and_then(Value::as_str) == Some(build);
    if !current {
        return None;
    }
    let Value::Object(mut m) = stored else { return None };
    let orphans = serde_json::from_value(m.remove("o")?).ok()?;
    let Some(Value::String(text)) = m.remove("j") else { return None };
    // A snapshot that does not parse (cut short, or types changed within one format) is
    // a miss, never an error: the records are read instead.
    let records = serde_json::from_str(&text).ok()?;
    Some((at, Held { records, orphans }))
}

/// List order: name, then id. A cold start draws the first rows from the head of the
/// snapshot before deriving the rest.
fn sort(records: &mut [CustomerRecord]) {
    records.sort_by(|a, b| a.file.name.cmp(&b.file.name).then_with(|| a.id.cmp(&b.id)));
}

/// Above this many changed customers a full read is about as quick as catching up one
/// by one.
const CATCH_UP_MAX: usize = 2_000;

/// The snapshot `held`, taken at version `at`, brought to version `now`: the customers
/// the records changed since then name ([`change_log`](super::change_log)) read again
/// and assembled exactly as a full read assembles them — their document, every contact,
/// every fact entry about them, as the roster counts them. `None` when that cannot be
/// shown to equal a full read: the log does not reach back to `at`, the change touched
/// what every record is judged by (a roster grant, this device's profiles), an entry
/// went missing, or a customer appears whose contacts were stored before it.
async fn catch_up<S: RecordStore>(s: &S, mut held: Held, at: u64, now: u64) -> Result<Option<Held>, StorageError> {
    let log = s.get(StoreName::Views, CHANGE_LOG_KEY).await?;
    let Some(keys) = keys_since(log.as_ref(), at, now) else { return Ok(None) };
    let profiles: BTreeSet<String> = s.keys(StoreName::Profiles).await?.into_iter().collect();
    let listed: HashMap<String, usize> = held.records.iter().enumerate().map(|(i, r)| (r.id.clone(), i)).collect();
    let home: HashMap<&str, &str> =
        held.records.iter().flat_map(|r| r.contacts.iter().map(move |c| (c.id.as_str(), r.id.as_str()))).collect();
    let mut affected: BTreeSet<String> = BTreeSet::new();
    let mut moved_in: HashMap<String, BTreeSet<String>> = HashMap::new();
    for key in &keys {
        if let Some(id) = key.strip_prefix("d:") {
            if profiles.contains(id) {
                return Ok(None);
            }
            if let Some(h) = home.get(id) {
                affected.insert((*h).to_owned());
            }
            match get_typed::<_, Document>(s, StoreName::Docs, id).await? {
                Some(d) if d.kind == CUSTOMER => {
                    affected.insert(d.id);
                }
                Some(d) if d.kind == CONTACT => {
                    if let Some(owner) = d.get(CONTACT_CUSTOMER).and_then(Value::as_str) {
                        affected.insert(owner.to_owned());
                        moved_in.entry(owner.to_owned()).or_default().insert(d.id.clone());
                    }
                }
                Some(_) => {}
                None if listed.contains_key(id) => {
                    affected.insert(id.to_owned());
                }
                None => {}
            }
        } else if let Some(id) = key.strip_prefix("e:") {
            match get_typed::<_, Entry>(s, StoreName::Entries, id).await? {
                Some(e) if e.kind == GRANT => return Ok(None),
                Some(e) if FactKind::is_tag(&e.kind) => {
                    affected.insert(e.subject);
                }
                Some(_) => {}
                None => return Ok(None),
            }
        } else {
            return Ok(None);
        }
    }
    if affected.len() > CATCH_UP_MAX || affected.iter().any(|id| !listed.contains_key(id) && held.orphans.contains(id))
    {
        return Ok(None);
    }
    let judge = Judge::load(s).await?;
    let mut fresh: HashMap<String, Option<CustomerRecord>> = HashMap::new();
    for id in &affected {
        let mut contacts: BTreeSet<String> = moved_in.remove(id).unwrap_or_default();
        if let Some(&i) = listed.get(id) {
            contacts.extend(held.records[i].contacts.iter().map(|c| c.id.clone()));
        }
        let mut docs: Vec<Document> = Vec::with_capacity(contacts.len() + 1);
        docs.extend(get_typed::<_, Document>(s, StoreName::Docs, id).await?);
        for c in &contacts {
            docs.extend(get_typed::<_, Document>(s, StoreName::Docs, c).await?);
        }
        let mut entries = s.entries_of_subject(id).await?;
        entries.retain(|e| FactKind::is_tag(&e.kind));
        entries.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        let (restored, orphans) = assemble_listed(judge.docs(docs), judge.entries(entries));
        let rec = restored.records.into_iter().find(|r| &r.id == id);
        // Whose contacts are stored but who is not listed: conservatively kept, so a
        // customer appearing later with them is read in full.
        held.orphans.extend(orphans);
        if rec.is_none() && !contacts.is_empty() {
            held.orphans.insert(id.clone());
        }
        fresh.insert(id.clone(), rec);
    }
    held.records.retain_mut(|r| match fresh.remove(&r.id) {
        Some(Some(rec)) => {
            *r = rec;
            true
        }
        Some(None) => false,
        None => true,
    });
    held.records.extend(fresh.into_values().flatten());
    for r in &held.records {
        held.orphans.remove(&r.id);
    }
    sort(&mut held.records);
    Ok(Some(held))
}

/// The customers as [`load_customers`](super::customers::load_customers) reads them, in list order (name, then id): from
/// the snapshot when no record changed since it was taken by this `build`; from the
/// snapshot with the customers changed since read again when the change log reaches back
/// to it; otherwise read in full. Unless it was current, the snapshot is then written
/// again (tagged with the version read *before* the records, so a write landing during
/// the read leaves it stale rather than wrong).
pub async fn load_customers_cached<S: RecordStore>(
    s: &S,
    build: &str,
) -> Result<(Vec<CustomerRecord>, Read), StorageError> {
    let version = data_version(s).await?;
    let mut found = None;
    if let Some(stored) = s.get(StoreName::Views, CUSTOMER_LIST_KEY).await? {
        match decode(stored, version, build) {
            Some((at, held)) if at == version => return Ok((held.records, Read::Snapshot)),
            Some((at, held)) => found = catch_up(s, held, at, version).await?.map(|h| (h, Read::CaughtUp)),
            None => {}
        }
    }
    let (held, read) = match found {
        Some(f) => f,
        None => {
            let (restored, orphans) = load_customers_listed(s).await?;
            let mut records = restored.records;
            sort(&mut records);
            (Held { records, orphans }, Read::Records)
        }
    };
    // Not worth a second write of tens of MB when a write already made it stale; and a
    // full disk only costs the next cold start its speed.
    if data_version(s).await? == version {
        let head = Held { records: held.records.iter().take(HEAD_ROWS).cloned().collect(), orphans: BTreeSet::new() };
        let _ = s
            .write(vec![
                Write::Put(StoreName::Views, CUSTOMER_LIST_KEY.into(), encode(version, build, &held)?),
                Write::Put(StoreName::Views, CUSTOMER_HEAD_KEY.into(), encode(version, build, &head)?),
            ])
            .await;
    }
    Ok((held.records, read))
}

/// The first [`HEAD_ROWS`] customers in list order, when the snapshot this `build` took
/// is current (no record changed since): what [`load_customers_cached`] will return
/// begins with them. `None` otherwise — a stale head is never shown.
pub async fn load_customers_head<S: RecordStore>(
    s: &S,
    build: &str,
) -> Result<Option<Vec<CustomerRecord>>, StorageError> {
    let version = data_version(s).await?;
    let Some(stored) = s.get(StoreName::Views, CUSTOMER_HEAD_KEY).await? else { return Ok(None) };
    Ok(decode(stored, version, build).filter(|(at, _)| *at == version).map(|(_, h)| h.records))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snapshot_is_used_only_at_its_own_version_build_and_format() {
        let recs = vec![CustomerRecord {
            id: "c1".into(),
            file: Default::default(),
            contacts: vec![],
            facts: vec![],
            created_ms: 1,
            created_by: "rep".into(),
            updated_ms: 2,
        }];
        let held = Held { records: recs, orphans: ["c9".to_owned()].into() };
        let stored = encode(7, "b1", &held).unwrap();
        assert_eq!(decode(stored.clone(), 7, "b1"), Some((7, held.clone())));
        assert_eq!(decode(stored.clone(), 8, "b1"), Some((7, held)), "writes since: caught up from the log");
        assert_eq!(decode(stored.clone(), 6, "b1"), None, "taken after the version read");
        assert_eq!(decode(stored.clone(), 7, "b2"), None, "another build");
        let mut other = stored.clone();
        other["format"] = Value::from(FORMAT + 1);
        assert_eq!(decode(other, 7, "b1"), None, "another format");
        let mut cut = stored;
        cut["j"] = Value::from("[{\"id\":");
        assert_eq!(decode(cut, 7, "b1"), None, "cut short");
    }

    #[test]
    fn a_snapshot_leaves_empty_fields_out_and_reads_them_back_empty() {
        let mut rec = CustomerRecord {
            id: "c1".into(),
            file: Default::default(),
            contacts: vec![],
            facts: vec![],
            created_ms: 1,
            created_by: "rep".into(),
            updated_ms: 2,
        };
        rec.file.name = "Kite Works".into();
        rec.file.region = "福州".into();
        let held = Held { records: vec![rec], orphans: BTreeSet::new() };
        let stored = encode(1, "b", &held).unwrap();
        let text = stored["j"].as_str().unwrap();
        assert!(text.contains("\"region\":\"福州\""), "{text}");
        for empty in ["credit_code", "notes", "grade", "payday", "problem", "collect_slots"] {
            assert!(!text.contains(empty), "{empty} left out: {text}");
        }
        assert_eq!(decode(stored, 1, "b"), Some((1, held)));
    }

    #[test]
    fn only_records_a_list_is_built_from_change_the_data() {
        assert!(changes_data(StoreName::Docs, "c1"));
        assert!(changes_data(StoreName::Entries, "e1"));
        assert!(changes_data(StoreName::Profiles, "p1"));
        assert!(changes_data(StoreName::Meta, super::super::roster::ROSTER_ROOT_KEY));
        assert!(!changes_data(StoreName::Meta, "clock"));
        assert!(!changes_data(StoreName::Meta, "sync_state"));
        assert!(!changes_data(StoreName::Outbox, "d:c1"));
        assert!(!changes_data(StoreName::Views, CUSTOMER_LIST_KEY));
        assert!(!changes_data(StoreName::Blobs, "abc"));
    }

    #[test]
    fn each_bump_moves_the_version_on_by_one() {
        assert_eq!(version_of(None), 0);
        let one = bumped(None);
        assert_eq!(version_of(Some(&one)), 1);
        assert_eq!(version_of(Some(&bumped(Some(&one)))), 2);
    }
}
