//! Seed 002 territory table (`domain::territory`) as one synced team document
//! (`team:territories`): one field per region (`region:<key>`, the key as compared), its
//! value the row, `null` once removed — so two managers editing different regions offline
//! both keep their edit. A `team:*` document: only a manager's fields count, on every
//! device (`domain::authority`), so a table changed by a rep counts nowhere.

use serde_json::Value;

use super::customers::Author;
use super::{RecordStore, StorageError};
use crate::domain::territory::{region_key, TerritoryRow, TerritoryTable};
use crate::record::replica::{Document, Replica};

pub const TERRITORIES_ID: &str = "team:territories";
pub const TERRITORIES_KIND: &str = "team_territories";

fn field_of(region: &str) -> String {
    format!("region:{}", region_key(region))
}

/// The table a document describes; a row that does not read (damaged, or a region that
/// does not match its field) is left out.
pub fn territories_from_doc(d: &Document) -> TerritoryTable {
    if d.is_deleted() {
        return TerritoryTable::default();
    }
    let rows = d
        .fields
        .iter()
        .filter(|(name, _)| name.starts_with("region:"))
        .filter_map(|(name, reg)| {
            let row: TerritoryRow = serde_json::from_value(reg.value.clone()).ok()?;
            (field_of(&row.region) == *name && !row.reps.is_empty()).then_some(row)
        })
        .collect();
    TerritoryTable::new(rows)
}

/// The team's table as it counts on this device.
pub async fn load_territories<S: RecordStore>(s: &S) -> Result<TerritoryTable, StorageError> {
    let doc: Option<Document> = super::roster::counted_doc(s, TERRITORIES_ID).await?;
    Ok(doc.map(|d| territories_from_doc(&d)).unwrap_or_default())
}

/// The document carrying the rows that differ from `old` (removed rows as `null`);
/// `None`: no change.
pub fn territories_change(old: &TerritoryTable, new: &TerritoryTable, by: &mut Author) -> Option<Replica> {
    let mut d = Document::new(TERRITORIES_ID, TERRITORIES_KIND);
    for row in &new.rows {
        if old.row_for(&row.region) != Some(row) {
            let s = by.clock.tick(by.now_ms);
            d.set(&field_of(&row.region), serde_json::to_value(row).unwrap_or(Value::Null), s, by.profile);
        }
    }
    for row in old.rows.iter().filter(|r| new.row_for(&r.region).is_none()) {
        let s = by.clock.tick(by.now_ms);
        d.set(&field_of(&row.region), Value::Null, s, by.profile);
    }
    (!d.fields.is_empty()).then(|| Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() })
}
