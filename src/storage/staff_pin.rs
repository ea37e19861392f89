//! **E3** The team's staff PIN: one synced document holding a PIN hash ([`pin_hash`]
//! form, `salt:hash`) that unlocks every kiosk of the team, whatever happened to its
//! event. A manager sets it in Settings; an empty value means none is set.

use serde_json::json;

use super::customers::Author;
use super::{RecordStore, StorageError};
use crate::record::replica::{Document, Replica};

pub const STAFF_PIN_ID: &str = "team:staff_pin";
pub const STAFF_PIN_KIND: &str = "team_staff_pin";

/// The stored hash, or empty when the team has no staff PIN (or the field is not text).
pub async fn load_staff_pin<S: RecordStore>(s: &S) -> Result<String, StorageError> {
    let doc: Option<Document> = super::roster::counted_doc(s, STAFF_PIN_ID).await?;
    Ok(doc.and_then(|d| d.get("pin").and_then(|v| v.as_str()).map(str::to_owned)).unwrap_or_default())
}

/// Sets the team staff PIN (already hashed with [`super::events::pin_hash`]), or clears
/// it with an empty `hashed`.
pub fn staff_pin_change(hashed: &str, by: &mut Author) -> Replica {
    let mut d = Document::new(STAFF_PIN_ID, STAFF_PIN_KIND);
    let stamp = by.clock.tick(by.now_ms);
    d.set("pin", json!(hashed), stamp, by.profile);
    Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() }
}
