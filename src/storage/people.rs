//! The team directory: one `person` document per profile, so every device can name
//! the owner of a customer, offer reps to assign to (P4, P7, P8) and show who decided.
//!
//! Profiles stay device-local (who may use this tablet); a person document is what the
//! team learns of a profile: its name and role, under the profile's id.

use serde_json::Value;

use super::codec::{decode_doc, Codec, FieldProblem, ProblemReason, Reader, Restored};
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
    /// The public key the person's devices seal with (`record::seal`), as they announce
    /// it. An announcement only: what a key may do is the roster's (`domain::roster`).
    pub key: Option<String>,
}

impl Codec for Person {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("name", Value::String(self.name.clone())),
            ("role", Value::String(self.role.code().to_owned())),
            ("departing", Value::Bool(self.departing)),
            ("key", self.key.clone().map_or(Value::Null, Value::String)),
        ]
    }

    /// A person without a name or a known role is left out (and reported).
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let name = r.opt_text("name");
        let name = r.require("name", name)?;
        let role = match r.opt_text("role") {
            Some(code) => Role::from_code(&code),
            None => r.require("role", None)?,
        };
        let Some(role) = role else {
            r.problem("role", ProblemReason::UnknownValue);
            return None;
        };
        let key = r.opt_text("key");
        Some(Person { id: r.record_id().to_owned(), name, role, departing: r.bool("departing"), key })
    }
}

/// Every person on the team, by name.
pub async fn load_people<S: RecordStore>(s: &S) -> Result<Vec<Person>, StorageError> {
    let docs: Vec<Document> = s.docs_of_kind(PERSON).await?;
    Ok(people_of(&docs))
}

/// The people among `docs` (pure).
pub fn people_of(docs: &[Document]) -> Vec<Person> {
    people_restored(docs).records
}

/// [`people_of`] with the fields that could not be read.
pub fn people_restored(docs: &[Document]) -> Restored<Vec<Person>> {
    let mut problems: Vec<FieldProblem> = Vec::new();
    let mut v: Vec<Person> = docs
        .iter()
        .filter(|d| d.kind == PERSON && !d.is_deleted())
        .filter_map(|d| decode_doc::<Person>(d, &mut problems))
        .collect();
    v.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
    Restored { records: v, problems }
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

/// Announces the public key a person's devices seal with (a new profile, or a person
/// whose directory entry predates keys).
pub fn person_key_change(person: &str, key: &str, by: &mut Author) -> Replica {
    let mut d = Document::new(person, PERSON);
    let s = by.clock.tick(by.now_ms);
    d.set("key", Value::String(key.to_owned()), s, by.profile);
    Replica { docs: [(person.to_owned(), d)].into(), entries: Default::default() }
}

/// Marks a person as leaving (H1) or back to normal.
pub fn departing_change(person: &str, departing: bool, by: &mut Author) -> Replica {
    let mut d = Document::new(person, PERSON);
    let s = by.clock.tick(by.now_ms);
    d.set("departing", Value::Bool(departing), s, by.profile);
    Replica { docs: [(person.to_owned(), d)].into(), entries: Default::default() }
}
