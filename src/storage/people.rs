//! The team directory: one `person` document per profile, so every device can name
//! the owner of a customer, offer reps to assign to (P4, P7, P8) and show who decided.
//!
//! Profiles stay device-local (who may use this tablet); a person document is what the
//! team learns of a profile: its name and role, under the profile's id.

use serde_json::Value;

use super::customers::Author;
use super::{RecordStore, StorageError};
use crate::domain::profile::{Profile, Role};
use crate::record::replica::{Document, Replica};

pub const PERSON: &str = "person";

/// A member of the team as every device knows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub role: Role,
    /// Set while the person is leaving and handing over (H1).
    pub departing: bool,
}

impl Person {
    fn from_doc(d: &Document) -> Option<Person> {
        Some(Person {
            id: d.id.clone(),
            name: d.get("name")?.as_str()?.to_owned(),
            role: Role::from_code(d.get("role")?.as_str()?)?,
            departing: d.get("departing").and_then(Value::as_bool).unwrap_or(false),
        })
    }
}

/// Every person on the team, by name.
pub async fn load_people<S: RecordStore>(s: &S) -> Result<Vec<Person>, StorageError> {
    let docs: Vec<Document> = s.docs_of_kind(PERSON).await?;
    Ok(people_of(&docs))
}

/// The people among `docs` (pure).
pub fn people_of(docs: &[Document]) -> Vec<Person> {
    let mut v: Vec<Person> =
        docs.iter().filter(|d| d.kind == PERSON && !d.is_deleted()).filter_map(Person::from_doc).collect();
    v.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
    v
}

/// The person document for a profile, carrying only what differs from `known`.
pub fn person_change(p: &Profile, known: Option<&Person>, by: &mut Author) -> Option<Replica> {
    let mut d = Document::new(&p.id, PERSON);
    if known.map(|k| k.name != p.name).unwrap_or(true) {
        let s = by.clock.tick(by.now_ms);
        d.set("name", Value::String(p.name.clone()), s, by.profile);
    }
    if known.map(|k| k.role != p.role).unwrap_or(true) {
        let s = by.clock.tick(by.now_ms);
        d.set("role", Value::String(p.role.code().to_owned()), s, by.profile);
    }
    (!d.fields.is_empty()).then(|| Replica { docs: [(p.id.clone(), d)].into(), entries: Default::default() })
}

/// Marks a person as leaving (H1) or back to normal.
pub fn departing_change(person: &str, departing: bool, by: &mut Author) -> Replica {
    let mut d = Document::new(person, PERSON);
    let s = by.clock.tick(by.now_ms);
    d.set("departing", Value::Bool(departing), s, by.profile);
    Replica { docs: [(person.to_owned(), d)].into(), entries: Default::default() }
}
