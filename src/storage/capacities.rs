//! P7 rep capacities as one synced team document (`team:capacities`), one field per rep
//! (the field is the rep's profile id), so two managers setting different reps offline
//! both keep their edit. A manager's, like every `team:*` document. A rep with no field
//! has [`DEFAULT_CAPACITY`].

use std::collections::BTreeMap;

use serde_json::Value;

use super::customers::Author;
use super::{RecordStore, StorageError};
use crate::domain::distribution::{DEFAULT_CAPACITY, MAX_CAPACITY};
use crate::record::replica::{Document, Replica};

pub const CAPACITIES_ID: &str = "team:capacities";
pub const CAPACITIES_KIND: &str = "team_capacities";

/// Each rep's capacity as set; reps without one are absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Capacities(pub BTreeMap<String, usize>);

impl Capacities {
    /// The capacity `rep` is balanced against.
    pub fn of(&self, rep: &str) -> usize {
        self.0.get(rep).copied().unwrap_or(DEFAULT_CAPACITY)
    }
}

/// The capacities a document describes; a field that is not a whole number in range is
/// left out (the rep has the default).
pub fn capacities_from_doc(d: &Document) -> Capacities {
    if d.is_deleted() {
        return Capacities::default();
    }
    let read = |v: &Value| v.as_u64().and_then(|n| usize::try_from(n).ok()).filter(|n| *n <= MAX_CAPACITY);
    Capacities(
        d.fields
            .iter()
            .filter(|(rep, _)| !rep.starts_with('_'))
            .filter_map(|(rep, reg)| Some((rep.clone(), read(&reg.value)?)))
            .collect(),
    )
}

pub async fn load_capacities<S: RecordStore>(s: &S) -> Result<Capacities, StorageError> {
    let doc: Option<Document> = super::roster::counted_doc(s, CAPACITIES_ID).await?;
    Ok(doc.map(|d| capacities_from_doc(&d)).unwrap_or_default())
}

/// The document carrying the reps whose capacity differs from `old`; `None`: no change.
pub fn capacities_change(old: &Capacities, new: &Capacities, by: &mut Author) -> Option<Replica> {
    let mut d = Document::new(CAPACITIES_ID, CAPACITIES_KIND);
    for (rep, cap) in &new.0 {
        if old.0.get(rep) != Some(cap) {
            let s = by.clock.tick(by.now_ms);
            d.set(rep, Value::from(*cap), s, by.profile);
        }
    }
    (!d.fields.is_empty()).then(|| Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() })
}
