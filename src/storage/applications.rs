//! Applications on the device (A1): the team's checklists of materials per product as
//! one team document; an application as a document with one field per material
//! received (two people ticking different materials offline both keep theirs); each
//! status change (submitted, approved, rejected, returned — with the customer's
//! feedback) as an entry, replayed in stamp order so the history is the same everywhere.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::codec::{body_of, decode_doc, decode_entry, Codec, FieldProblem, Reader};
use super::customers::Author;
use super::{RecordStore, StorageError};
use crate::domain::application::{Application, ApplicationStatus, Checklists, StatusChange};
use crate::record::replica::{Document, Entry, Replica};
use crate::record::seal::{chain_digest, chain_prev, chained_body};

pub const APPLICATION: &str = "application";
pub const APPLICATION_STATUS: &str = "application.status";
pub const CHECKLISTS_ID: &str = "team:checklists";
pub const CHECKLISTS_KIND: &str = "team_checklists";
const GOT: &str = "got:";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplicationsData {
    pub checklists: Checklists,
    pub applications: Vec<Application>,
    /// Per application id: how each step of its history was taken (issue 15).
    pub trails: BTreeMap<String, StepTrail>,
    /// Stored fields that could not be read (the records are shown with the others).
    pub problems: Vec<FieldProblem>,
}

/// How an application's review steps were taken (A1, issue 15): each step names the
/// [`chain_digest`] of the step before it (`prev`), so a step is bound to the exact signed
/// history it was taken on; a step taken on another history (a concurrent decision that
/// lost) does not fit. `verified` and `devices` run along `Application::history`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StepTrail {
    /// The digest the next step names as its `prev` (empty before the first step).
    pub head: String,
    /// Sealed and chained; steps from before the chain fit by status alone, unverified.
    pub verified: Vec<bool>,
    /// The device each step was taken on.
    pub devices: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct StatusBody {
    status: ApplicationStatus,
    #[serde(default)]
    feedback: String,
}

fn fits(now: ApplicationStatus, next: ApplicationStatus) -> bool {
    use ApplicationStatus::*;
    matches!((now, next), (Collecting | Returned, Submitted) | (Submitted, Approved | Rejected | Returned))
}

impl Codec for StatusBody {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![("status", serde_json::to_value(self.status).unwrap_or(Value::Null)), ("feedback", json!(self.feedback))]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let status = r.choice("status");
        Some(StatusBody { status: r.require("status", status)?, feedback: r.text("feedback") })
    }
}

/// An application as stored: who for, which product, and one `got:<material>` field per
/// material received. Its history comes from the status entries.
impl Codec for Application {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![("customer", json!(self.customer_id)), ("product", json!(self.product)), ("rep", json!(self.rep))]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let mut a = Application::new(r.record_id(), r.text("customer"), r.text("product"), r.text("rep"));
        let got: Vec<&str> = r
            .doc()
            .map(|d| d.fields.keys().filter(|k| k.starts_with(GOT)).map(String::as_str).collect())
            .unwrap_or_default();
        for k in got {
            if r.bool(k) {
                a.received.insert(k[GOT.len()..].to_owned());
            }
        }
        Some(a)
    }
}

/// Checklists and applications from raw records (pure; tested natively).
pub fn assemble(docs: Vec<Document>, entries: Vec<Entry>) -> ApplicationsData {
    let mut data = ApplicationsData::default();
    let mut problems: Vec<FieldProblem> = Vec::new();
    let mut changes: BTreeMap<String, Vec<&Entry>> = BTreeMap::new();
    for e in entries.iter().filter(|e| e.kind == APPLICATION_STATUS) {
        changes.entry(e.subject.clone()).or_default().push(e);
    }
    for d in docs.iter().filter(|d| !d.is_deleted()) {
        match d.kind.as_str() {
            CHECKLISTS_KIND => {
                let mut r = Reader::of_doc(d);
                if let Some(lists) = r.value("lists") {
                    data.checklists = lists;
                }
                problems.extend(r.finish());
            }
            APPLICATION => {
                let Some(mut a) = decode_doc::<Application>(d, &mut problems) else {
                    continue;
                };
                let mut es = changes.remove(&d.id).unwrap_or_default();
                es.sort_by(|x, y| x.stamp.cmp(&y.stamp));
                let mut trail = StepTrail::default();
                for e in es {
                    let Some(b) = decode_entry::<StatusBody>(e, &mut problems) else {
                        continue;
                    };
                    let prev = chain_prev(e);
                    if prev.is_some_and(|p| p != trail.head) {
                        continue;
                    }
                    if fits(a.status(), b.status) {
                        trail.verified.push(e.seal.is_some() && prev.is_some());
                        trail.devices.push(e.stamp.device.clone());
                        trail.head = chain_digest(e);
                        a.history.push(StatusChange {
                            status: b.status,
                            by: e.author.clone(),
                            at_ms: e.stamp.wall_ms,
                            feedback: b.feedback,
                        });
                    }
                }
                data.trails.insert(a.id.clone(), trail);
                data.applications.push(a);
            }
            _ => {}
        }
    }
    data.applications.sort_by(|a, b| a.id.cmp(&b.id));
    data.problems = problems;
    data
}

pub async fn load_applications<S: RecordStore>(st: &S) -> Result<ApplicationsData, StorageError> {
    let mut docs = st.docs_of_kind(APPLICATION).await?;
    docs.extend(st.docs_of_kind(CHECKLISTS_KIND).await?);
    let entries: Vec<Entry> = st.entries_of_kind(APPLICATION_STATUS).await?;
    let judge = super::roster::Judge::load(st).await?;
    let mut docs = judge.docs(docs);
    let mut entries = judge.entries(entries);
    if let Some(roster) = judge.roster() {
        let is_manager = |by: &str, at: i64| roster.roles_of(by, at).contains(&crate::domain::profile::Role::Manager);
        for d in docs.iter_mut().filter(|d| d.kind == APPLICATION) {
            own_materials(d, is_manager);
        }
        // A1: the submission is the application's rep's (or a manager's) too.
        let reps: BTreeMap<String, String> = docs
            .iter()
            .filter(|d| d.kind == APPLICATION)
            .map(|d| (d.id.clone(), d.get("rep").and_then(|v| v.as_str()).unwrap_or_default().to_owned()))
            .collect();
        entries.retain(|e| {
            let submitted = e.body.get("status").and_then(|v| v.as_str()) == Some("submitted");
            !submitted || reps.get(&e.subject) == Some(&e.author) || is_manager(&e.author, e.stamp.wall_ms)
        });
    }
    Ok(assemble(docs, entries))
}

/// A1, issue 15: an application's materials are ticked by its rep or a manager
/// (`is_manager(person, at_ms)`, from the roster); a tick anyone else stored (a tampered
/// tablet) is left out on every device.
pub fn own_materials(d: &mut Document, is_manager: impl Fn(&str, i64) -> bool) {
    let rep = d.get("rep").and_then(|v| v.as_str()).unwrap_or_default().to_owned();
    d.fields
        .retain(|name, reg| !name.starts_with(GOT) || reg.author == rep || is_manager(&reg.author, reg.stamp.wall_ms));
}

fn one(d: Document) -> Replica {
    Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() }
}

/// The team's checklists; `None` when unchanged.
pub fn checklists_change(old: &Checklists, new: &Checklists, by: &mut Author) -> Option<Replica> {
    if old == new {
        return None;
    }
    let mut d = Document::new(CHECKLISTS_ID, CHECKLISTS_KIND);
    let st = by.clock.tick(by.now_ms);
    d.set("lists", serde_json::to_value(new).unwrap_or(Value::Null), st, by.profile);
    Some(one(d))
}

/// Parses a checklist editor: one product per line, `product: material, material`.
pub fn parse_checklists(text: &str) -> Checklists {
    let mut m = BTreeMap::new();
    for line in text.lines() {
        let Some((p, rest)) = line.split_once([':', '：']) else {
            continue;
        };
        let items: Vec<String> =
            rest.split([',', '，', '、']).map(str::trim).filter(|x| !x.is_empty()).map(str::to_owned).collect();
        if !p.trim().is_empty() && !items.is_empty() {
            m.insert(p.trim().to_owned(), items);
        }
    }
    Checklists(m)
}

pub fn format_checklists(c: &Checklists) -> String {
    c.0.iter().map(|(p, ms)| format!("{p}: {}", ms.join(", "))).collect::<Vec<_>>().join("\n")
}

/// A new application.
pub fn application_created(a: &Application, by: &mut Author) -> Replica {
    let mut d = Document::new(&a.id, APPLICATION);
    for (k, v) in a.encode() {
        let st = by.clock.tick(by.now_ms);
        d.set(k, v, st, by.profile);
    }
    one(d)
}

/// One material ticked or unticked.
pub fn material_change(id: &str, material: &str, received: bool, by: &mut Author) -> Replica {
    let mut d = Document::new(id, APPLICATION);
    let st = by.clock.tick(by.now_ms);
    d.set(&format!("{GOT}{material}"), Value::Bool(received), st, by.profile);
    one(d)
}

/// A status change already checked by [`Application::submit`] / [`Application::decide`],
/// taken on the history whose [`StepTrail::head`] is `prev` (`None` writes an unchained
/// step, as builds before the chain did).
pub fn status_change(
    entry_id: &str,
    id: &str,
    status: ApplicationStatus,
    feedback: &str,
    prev: Option<&str>,
    by: &mut Author,
) -> Replica {
    let e = Entry {
        id: entry_id.to_owned(),
        kind: APPLICATION_STATUS.to_owned(),
        subject: id.to_owned(),
        stamp: by.clock.tick(by.now_ms),
        author: by.profile.to_owned(),
        body: chained_body(body_of(&StatusBody { status, feedback: feedback.trim().to_owned() }), prev),
        seal: None,
    };
    Replica { docs: Default::default(), entries: [(e.id.clone(), e)].into() }
}
