//! Customers on the device: customer and contact documents, and the entries that
//! ownership (P1–P9), value tiers (C3) and reviews (C6) are folded from.
//!
//! Reading turns stored records into domain values ([`CustomerRecord`]); writing turns
//! a user's intent into a [`Replica`] of changes for
//! [`apply_local`](super::data::apply_local). Only fields that really changed are
//! stamped, so two reps editing different fields of one customer offline both keep
//! their edit after sync.

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

use super::codec::{decode_doc, Codec, FieldProblem, ProblemReason, Reader, Restored, BODY};
use super::{RecordStore, StorageError};
use crate::domain::customer::{Contact, CustomerFile, GRADES};
use crate::domain::customer_list::{ContactRecord, CustomerRecord};
use crate::domain::pool::{Fact, FactKind};
use crate::record::hlc::Clock;
use crate::record::replica::{Document, Entry, Replica, DELETED};

/// Document kinds this module reads and writes.
pub const CUSTOMER: &str = "customer";
pub const CONTACT: &str = "contact";
/// The contact field naming the customer it belongs to.
pub const CONTACT_CUSTOMER: &str = "customer";

fn first_and_last(d: &Document) -> (i64, String, i64) {
    let first = d.fields.values().min_by(|a, b| a.stamp.cmp(&b.stamp));
    let last = d.fields.values().map(|r| r.stamp.wall_ms).max().unwrap_or(0);
    match first {
        Some(r) => (r.stamp.wall_ms, r.author.clone(), last),
        None => (0, String::new(), last),
    }
}

/// Every live customer with its contacts and facts. Entries that do not parse as facts
/// (written by a newer build, or damaged) are left out rather than failing the list;
/// they stay stored and sync on.
///
/// Reads only customer and contact documents and fact entries (through the `by_kind`
/// indexes), so photos, orders, activities or events stored beside them cost nothing here.
pub async fn load_customers<S: RecordStore>(s: &S) -> Result<Vec<CustomerRecord>, StorageError> {
    Ok(load_customers_restored(s).await?.records)
}

/// [`load_customers`] with the fields that could not be read.
pub async fn load_customers_restored<S: RecordStore>(s: &S) -> Result<Restored<Vec<CustomerRecord>>, StorageError> {
    Ok(load_customers_listed(s).await?.0)
}

/// [`load_customers_restored`] with the customers that stored contacts name but that
/// are not listed (not stored, deleted, or left with no field that counts): the list's
/// snapshot keeps them, as such a customer cannot be caught up alone (`list_model`).
pub async fn load_customers_listed<S: RecordStore>(
    s: &S,
) -> Result<(Restored<Vec<CustomerRecord>>, BTreeSet<String>), StorageError> {
    let mut docs: Vec<Document> = s.docs_of_kind(CUSTOMER).await?;
    docs.extend(s.docs_of_kind(CONTACT).await?);
    // The entry kinds the pool, tier and review rules fold, in key order.
    let entries: Vec<Entry> = s.entries_of_kinds(&FactKind::TAGS).await?;
    let judge = super::roster::Judge::load(s).await?;
    Ok(assemble_listed(judge.docs(docs), judge.entries(entries)))
}

/// Builds the records from raw documents and entries (pure; tested natively).
pub fn assemble(docs: Vec<Document>, entries: Vec<Entry>) -> Vec<CustomerRecord> {
    assemble_restored(docs, entries).records
}

/// [`assemble`] with every field that could not be read; a customer or contact with a
/// bad field is kept with its other fields.
pub fn assemble_restored(docs: Vec<Document>, entries: Vec<Entry>) -> Restored<Vec<CustomerRecord>> {
    assemble_listed(docs, entries).0
}

/// [`assemble_restored`] with the customers the contacts name that are not listed.
pub fn assemble_listed(docs: Vec<Document>, entries: Vec<Entry>) -> (Restored<Vec<CustomerRecord>>, BTreeSet<String>) {
    let mut problems: Vec<FieldProblem> = Vec::new();
    let mut contacts: HashMap<String, Vec<ContactRecord>> = HashMap::new();
    let mut contact_updated: HashMap<String, i64> = HashMap::new();
    let mut customers = Vec::new();
    for d in docs {
        if d.is_deleted() {
            continue;
        }
        match d.kind.as_str() {
            CUSTOMER => customers.push(d),
            CONTACT => {
                let mut r = Reader::of_doc(&d);
                let owner = r.opt_text(CONTACT_CUSTOMER);
                let owner = r.require(CONTACT_CUSTOMER, owner);
                problems.extend(r.finish());
                let Some(owner) = owner else {
                    continue;
                };
                let (_, _, last) = first_and_last(&d);
                let u = contact_updated.entry(owner.clone()).or_default();
                *u = (*u).max(last);
                let contact = decode_doc::<Contact>(&d, &mut problems).unwrap_or_default();
                contacts.entry(owner).or_default().push(ContactRecord { id: d.id.clone(), contact });
            }
            _ => {}
        }
    }
    let mut facts: HashMap<String, Vec<Fact>> = HashMap::new();
    for e in entries.into_iter().filter(|e| FactKind::is_tag(&e.kind)) {
        match Fact::from_parts(&e.id, e.stamp.clone(), &e.author, &e.kind, &e.body) {
            Ok(f) => facts.entry(e.subject).or_default().push(f),
            // The pool's facts keep their own format (domain/pool/fact.rs); one that does
            // not parse is left out of the fold and reported.
            Err(_) => {
                let mut r = Reader::of_entry(&e);
                r.problem(BODY, ProblemReason::Malformed);
                problems.extend(r.finish());
            }
        }
    }
    let records = customers
        .into_iter()
        .map(|d| {
            let (created_ms, created_by, last) = first_and_last(&d);
            let mut cs = contacts.remove(&d.id).unwrap_or_default();
            cs.sort_by(|a, b| a.contact.name.cmp(&b.contact.name).then_with(|| a.id.cmp(&b.id)));
            CustomerRecord {
                file: decode_doc::<CustomerFile>(&d, &mut problems).unwrap_or_default(),
                contacts: cs,
                facts: facts.remove(&d.id).unwrap_or_default(),
                created_ms,
                created_by,
                updated_ms: last.max(contact_updated.get(&d.id).copied().unwrap_or(0)),
                id: d.id,
            }
        })
        .collect();
    (Restored { records, problems }, contacts.into_keys().collect())
}

impl Codec for CustomerFile {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        self.to_fields()
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let grade = r.opt_text("grade").map(|g| g.to_ascii_lowercase());
        let grade = match grade {
            Some(g) if !GRADES.iter().any(|c| c.0 == g) => {
                r.problem("grade", ProblemReason::UnknownValue);
                None
            }
            g => g,
        };
        Some(CustomerFile {
            name: r.text("name"),
            credit_code: r.text("credit_code"),
            licence_no: r.text("licence_no"),
            tax_no: r.text("tax_no"),
            address: r.text("address"),
            region: r.text("region"),
            industry: r.text("industry"),
            nature: r.text("nature"),
            size: r.text("size"),
            main_business: r.text("main_business"),
            credit_standing: r.text("credit_standing"),
            management_background: r.text("management_background"),
            source: r.text("source"),
            segment: r.text("segment"),
            annual_spend_fen: r.money("annual_spend_fen"),
            discount_pct: r.opt_uint("discount_pct"),
            notes: r.text("notes"),
            grade,
            special_background: r.bool("special_background"),
            manual_credit_flag: r.bool("manual_credit_flag"),
            collected_on: r.date("collected_on"),
            payday: r.opt_uint("payday").filter(|d: &u32| (1..=31).contains(d)),
            collect_slots: crate::domain::customer::slots_of(r.raw("collect_slots")),
            problem: r.bool("problem"),
            problem_note: r.text("problem_note"),
        })
    }
}

impl Codec for Contact {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        self.to_fields()
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        Some(Contact {
            name: r.text("name"),
            title: r.text("title"),
            phone: r.text("phone"),
            email: r.text("email"),
            decision_maker: r.bool("decision_maker"),
            interests: r.text("interests"),
        })
    }
}

/// Who makes a change and when, for stamping.
pub struct Author<'a> {
    pub profile: &'a str,
    pub clock: &'a mut Clock,
    pub now_ms: i64,
}

impl Author<'_> {
    fn set(&mut self, d: &mut Document, field: &str, value: Value) {
        let stamp = self.clock.tick(self.now_ms);
        d.set(field, value, stamp, self.profile);
    }
}

fn fields_of(file: &CustomerFile) -> HashMap<&'static str, Value> {
    file.to_fields().into_iter().collect()
}

/// A value a missing field reads as (`from_fields` turns absence into the default).
fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null | Value::Bool(false) => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// The fields of `new` that differ from `old`; for a new document (`old` is `None`) the
/// fields that are not blank. A blank field reads back the same as a missing one, and
/// every stored field carries its own stamp and author: a CSV row with a name, a phone
/// and a region stored all 22 fields, and reading 50k such customers took 5× longer.
fn changed_fields(
    old: Option<&HashMap<&'static str, Value>>,
    new: HashMap<&'static str, Value>,
) -> Vec<(&'static str, Value)> {
    let mut v: Vec<(&'static str, Value)> = new
        .into_iter()
        .filter(|(k, v)| match old {
            Some(o) => o.get(k) != Some(v),
            None => !is_blank(v),
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(b.0));
    v
}

fn one_doc(d: Document) -> Replica {
    Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() }
}

/// A customer document carrying `file`'s fields that differ from `old` (every field
/// for a new customer). Returns `None` when nothing changed.
pub fn customer_change(id: &str, old: Option<&CustomerFile>, file: &CustomerFile, by: &mut Author) -> Option<Replica> {
    let old = old.map(fields_of);
    let changes = changed_fields(old.as_ref(), fields_of(file));
    if changes.is_empty() {
        return None;
    }
    let mut d = Document::new(id, CUSTOMER);
    for (k, v) in changes {
        by.set(&mut d, k, v);
    }
    Some(one_doc(d))
}

/// A contact document: new, or the fields that changed.
pub fn contact_change(
    customer: &str,
    id: &str,
    old: Option<&Contact>,
    contact: &Contact,
    by: &mut Author,
) -> Option<Replica> {
    let old_fields: Option<HashMap<&'static str, Value>> = old.map(|c| c.to_fields().into_iter().collect());
    let changes = changed_fields(old_fields.as_ref(), contact.to_fields().into_iter().collect());
    if changes.is_empty() {
        return None;
    }
    let mut d = Document::new(id, CONTACT);
    if old.is_none() {
        by.set(&mut d, CONTACT_CUSTOMER, Value::String(customer.to_owned()));
    }
    for (k, v) in changes {
        by.set(&mut d, k, v);
    }
    Some(one_doc(d))
}

/// A tombstone for a document (a contact removed from a customer file).
pub fn delete_doc(id: &str, kind: &str, by: &mut Author) -> Replica {
    let mut d = Document::new(id, kind);
    by.set(&mut d, DELETED, Value::Bool(true));
    one_doc(d)
}

/// One immutable entry of `kind` about `subject`, stamped and signed by `by`: the one
/// builder every area's ledger (facts, activities, orders, service, events) writes with.
pub fn entry_change(id: &str, kind: &str, subject: &str, body: Value, by: &mut Author) -> Replica {
    let e = Entry {
        id: id.to_owned(),
        kind: kind.to_owned(),
        subject: subject.to_owned(),
        stamp: by.clock.tick(by.now_ms),
        author: by.profile.to_owned(),
        body,
        seal: None,
    };
    Replica { docs: Default::default(), entries: [(e.id.clone(), e)].into() }
}

/// One immutable fact about a customer (a claim, a release, a confirmed payment…).
pub fn fact_entry(entry_id: &str, customer: &str, kind: &FactKind, by: &mut Author) -> Result<Replica, StorageError> {
    // The stored format (pool/fact.rs): the variant's fields, without serde's tag.
    Ok(entry_change(entry_id, kind.tag(), customer, kind.body(), by))
}

/// Joins several changes into one replica (one transaction, one outbox batch).
pub fn join(parts: impl IntoIterator<Item = Replica>) -> Replica {
    parts.into_iter().fold(Replica::default(), Replica::merge)
}
