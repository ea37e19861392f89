//! Key accounts on the device (K1–K3): support requests, K2 activities and service
//! evaluations as documents, each two-step decision as an entry, and the team's
//! key-account roles; each key account's service team and terms (K2, seed 004) as one
//! document per customer, [`KA_TERMS`], one register per field.
//!
//! A decision is an entry `ka.decision` about the request or evaluation: its author is
//! who decided, its stamp when and on which device — nothing a later edit can change.
//! Decisions are replayed in stamp order; one that no longer fits (two supervisors
//! reviewing offline) is ignored, so every device derives the same status. A decision
//! also counts only from a holder of the step's role, never approved by the person who
//! reviewed, and (through the roster, issue 15) only sealed by its author's key.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::codec::{decode_doc, decode_entry, Codec, FieldProblem, Reader};
use super::customers::Author;
use super::{RecordStore, StorageError};
use crate::domain::approval::{
    ActivityKind, Approval, ApprovalStatus, CustomerFacts, Decision, KeyAccountRoles, ServiceEvaluation, Step,
    SupportRequest,
};
use crate::domain::key_activity::{key_accounts, KeyActivity};
use crate::domain::key_service::{Seat, ServiceTerms};
use crate::record::replica::{Document, Entry, Replica};
use crate::record::seal::{chain_digest, chain_prev, chained_body};

pub const KA_REQUEST: &str = "ka_request";
pub const KA_EVALUATION: &str = "ka_evaluation";
pub const KA_ACTIVITY: &str = "ka_activity";
pub const KA_DECISION: &str = "ka.decision";
pub const KA_ROLES_ID: &str = "team:key_accounts";
pub const KA_ROLES_KIND: &str = "team_key_accounts";
/// K2: a key account's service team and terms, id `ka_terms:<customer>`.
pub const KA_TERMS: &str = "ka_terms";

/// A decision with the device it was taken on (K1: who, when, which device).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionRecord {
    pub decision: Decision,
    pub device: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRecord {
    pub request: SupportRequest,
    pub devices: Vec<String>,
    pub trail: Trail,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvaluationRecord {
    pub evaluation: ServiceEvaluation,
    pub devices: Vec<String>,
    pub trail: Trail,
}

/// How an approval's steps stand (issue 15): whether each is verified — signed by a key
/// the roster held and chained to the step before it — and the link the next step names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trail {
    pub verified: Vec<bool>,
    /// The [`chain_digest`] of the last step; empty before the first.
    pub chain_head: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyAccountsData {
    pub roles: KeyAccountRoles,
    pub requests: Vec<RequestRecord>,
    pub evaluations: Vec<EvaluationRecord>,
    /// K2 activities, the latest day first.
    pub activities: Vec<KeyActivity>,
    /// K2 service team and terms, by customer.
    pub terms: BTreeMap<String, ServiceTerms>,
    /// Stored fields that could not be read (the records are shown with the others).
    pub problems: Vec<FieldProblem>,
}

impl KeyAccountsData {
    pub fn evaluations_only(&self) -> Vec<ServiceEvaluation> {
        self.evaluations.iter().map(|e| e.evaluation.clone()).collect()
    }

    /// The customers that are key accounts, derived from every K1–K3 record here.
    pub fn key_account_ids(&self) -> BTreeSet<String> {
        let requests: Vec<SupportRequest> = self.requests.iter().map(|r| r.request.clone()).collect();
        let mut ids = key_accounts(&requests, &self.evaluations_only(), &self.activities);
        ids.extend(self.terms.values().filter(|t| !t.is_empty()).map(|t| t.customer_id.clone()));
        ids
    }

    /// `customer`'s service team and terms; empty ones when none are kept.
    pub fn terms_of(&self, customer: &str) -> ServiceTerms {
        self.terms.get(customer).cloned().unwrap_or_else(|| ServiceTerms::new(customer))
    }

    /// The K2 activities of `customer`, the latest day first.
    pub fn activities_of(&self, customer: &str) -> Vec<KeyActivity> {
        self.activities.iter().filter(|a| a.customer_id == customer).cloned().collect()
    }
}

#[derive(Deserialize, Serialize)]
struct DecisionBody {
    step: Step,
    opinion: String,
    passed: bool,
}

impl Codec for DecisionBody {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("step", serde_json::to_value(self.step).unwrap_or(Value::Null)),
            ("opinion", json!(self.opinion)),
            ("passed", json!(self.passed)),
        ]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let step = r.choice("step");
        Some(DecisionBody { step: r.require("step", step)?, opinion: r.text("opinion"), passed: r.bool("passed") })
    }
}

impl Codec for KeyAccountRoles {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![("supervisors", json!(self.supervisors)), ("managers", json!(self.managers))]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let supervisors: BTreeSet<String> = r.list::<String>("supervisors").into_iter().collect();
        Some(KeyAccountRoles { supervisors, managers: r.list::<String>("managers").into_iter().collect() })
    }
}

/// A support request as stored; its approval is replayed from the decisions.
impl Codec for SupportRequest {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("customer", json!(self.customer_id)),
            ("applicant", json!(self.applicant)),
            ("date", json!(self.date)),
            ("support_wanted", json!(self.support_wanted)),
            ("deeper_needs", json!(self.facts.deeper_needs)),
            ("changes", json!(self.facts.changes)),
            ("organisation", json!(self.facts.organisation)),
            ("personnel_changes", json!(self.facts.personnel_changes)),
        ]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let day = r.date("date");
        let date = r.require("date", day)?;
        Some(SupportRequest {
            id: r.record_id().to_owned(),
            customer_id: r.text("customer"),
            applicant: r.text("applicant"),
            date,
            support_wanted: r.text("support_wanted"),
            facts: CustomerFacts {
                deeper_needs: r.text("deeper_needs"),
                changes: r.text("changes"),
                organisation: r.text("organisation"),
                personnel_changes: r.text("personnel_changes"),
            },
            approval: Approval::default(),
        })
    }
}

/// A service evaluation as stored; its approval is replayed from the decisions.
impl Codec for ServiceEvaluation {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("customer", json!(self.customer_id)),
            ("activity", serde_json::to_value(self.activity).unwrap_or(Value::Null)),
            ("activity_on", json!(self.activity_on)),
            ("written_on", json!(self.written_on)),
            ("evaluation", json!(self.evaluation)),
            ("return_visit_on", json!(self.return_visit_on)),
            ("customer_opinion", json!(self.customer_opinion)),
        ]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let on = r.date("activity_on");
        let written = r.date("written_on");
        let activity: Option<ActivityKind> = r.choice("activity");
        let (on, written) = (r.require("activity_on", on), r.require("written_on", written));
        let activity = r.require("activity", activity);
        Some(ServiceEvaluation {
            id: r.record_id().to_owned(),
            customer_id: r.text("customer"),
            activity: activity?,
            activity_on: on?,
            written_on: written?,
            evaluation: r.text("evaluation"),
            approval: Approval::default(),
            return_visit_on: r.date("return_visit_on"),
            customer_opinion: r.text("customer_opinion"),
        })
    }
}

/// A K2 activity as stored; who recorded it is the author of its customer field, not a
/// field anyone could type.
impl Codec for KeyActivity {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        let mut fields = vec![
            ("customer", json!(self.customer_id)),
            ("kind", serde_json::to_value(self.kind).unwrap_or(Value::Null)),
            ("on", json!(self.on)),
            ("who", json!(self.who)),
        ];
        if !self.notes.is_empty() {
            fields.push(("notes", json!(self.notes)));
        }
        if let Some(e) = &self.event_id {
            fields.push(("event", json!(e)));
        }
        fields
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let kind: Option<ActivityKind> = r.choice("kind");
        let on = r.date("on");
        let (kind, on) = (r.require("kind", kind), r.require("on", on));
        let recorded_by = r.doc().and_then(|d| d.fields.get("customer")).map(|f| f.author.clone()).unwrap_or_default();
        Some(KeyActivity {
            id: r.record_id().to_owned(),
            customer_id: r.text("customer"),
            kind: kind?,
            on: on?,
            who: r.text("who"),
            notes: r.text("notes"),
            event_id: r.opt_text("event").filter(|e| !e.is_empty()),
            recorded_by,
        })
    }
}

fn fits(a: &Approval, step: Step) -> bool {
    matches!(
        (a.status(), step),
        (ApprovalStatus::AwaitingReview, Step::Review) | (ApprovalStatus::AwaitingApproval, Step::Approve)
    )
}

/// K1/K3 on every device, not only where the decision was taken: a step counts only
/// from a holder of its role, and the approval never from the person who reviewed.
///
/// The roles are one team document whose earlier values are not kept, so a decision
/// stamped before the role's current value was written is kept as it was decided (the
/// role then is unknown here; the roster has already checked its seal and author).
fn decided_by_holder(
    a: &Approval,
    step: Step,
    e: &Entry,
    roles: &KeyAccountRoles,
    roles_doc: Option<&Document>,
) -> bool {
    if step == Step::Approve && a.decisions.last().is_some_and(|d| d.by == e.author) {
        return false;
    }
    // A decision taken before the person's role was last changed stands.
    let set_at = roles_doc.and_then(|d| role_set_at(d, step, &e.author));
    roles.may(step, &e.author) || set_at.is_some_and(|at| e.stamp < *at)
}

/// The list field builds before kept a step's holders in, and the prefix of the field
/// each person's holding of it is kept in now (`supervisor:<person>`).
fn role_fields(step: Step) -> (&'static str, &'static str) {
    match step {
        Step::Review => ("supervisors", "supervisor:"),
        Step::Approve => ("managers", "manager:"),
    }
}

/// K1: the team's key-account roles from their document. Each person's holding of a
/// step is its own field (true or false), so two managers changing different people at
/// the same time on two tablets both keep their change; builds before kept each step's
/// holders as one list, which a person's own field overrides when it is newer.
pub fn roles_of(d: &Document, problems: &mut Vec<FieldProblem>) -> KeyAccountRoles {
    let mut roles: KeyAccountRoles = decode_doc(d, problems).unwrap_or_default();
    for step in [Step::Review, Step::Approve] {
        let (list, prefix) = role_fields(step);
        let list_at = d.fields.get(list).map(|r| &r.stamp);
        for (name, reg) in &d.fields {
            let Some(person) = name.strip_prefix(prefix) else { continue };
            if list_at.is_some_and(|at| *at > reg.stamp) {
                continue;
            }
            let holders = match step {
                Step::Review => &mut roles.supervisors,
                Step::Approve => &mut roles.managers,
            };
            match reg.value.as_bool() {
                Some(true) => {
                    holders.insert(person.to_owned());
                }
                Some(false) => {
                    holders.remove(person);
                }
                None => {}
            }
        }
    }
    roles
}

/// When `person`'s holding of `step` was last changed.
fn role_set_at<'a>(d: &'a Document, step: Step, person: &str) -> Option<&'a crate::record::hlc::Hlc> {
    let (list, prefix) = role_fields(step);
    let own = d.fields.get(&format!("{prefix}{person}")).map(|r| &r.stamp);
    let listed = d.fields.get(list).map(|r| &r.stamp);
    own.max(listed)
}

/// Builds requests, evaluations and roles from raw records (pure; tested natively).
pub fn assemble(docs: Vec<Document>, entries: Vec<Entry>) -> KeyAccountsData {
    let mut data = KeyAccountsData::default();
    let mut problems: Vec<FieldProblem> = Vec::new();
    let mut decisions: BTreeMap<String, Vec<&Entry>> = BTreeMap::new();
    for e in entries.iter().filter(|e| e.kind == KA_DECISION) {
        decisions.entry(e.subject.clone()).or_default().push(e);
    }
    let mut bodies: BTreeMap<&str, DecisionBody> = BTreeMap::new();
    for e in decisions.values().flatten() {
        if let Some(b) = decode_entry::<DecisionBody>(e, &mut problems) {
            bodies.insert(&e.id, b);
        }
    }
    let roles_doc = docs.iter().find(|d| d.kind == KA_ROLES_KIND && !d.is_deleted());
    let roles: KeyAccountRoles = roles_doc.map(|d| roles_of(d, &mut Vec::new())).unwrap_or_default();
    let replay = |id: &str| -> (Approval, Vec<String>, Trail) {
        let mut a = Approval::default();
        let mut devices = Vec::new();
        let mut trail = Trail::default();
        let mut es = decisions.get(id).cloned().unwrap_or_default();
        es.sort_by(|x, y| x.stamp.cmp(&y.stamp));
        for e in es {
            let Some(b) = bodies.get(e.id.as_str()) else {
                continue;
            };
            // A chained step taken on another history (a concurrent decision that
            // lost) does not fit; steps from before the chain name none.
            let prev = chain_prev(e);
            if prev.is_some_and(|p| p != trail.chain_head) {
                continue;
            }
            if fits(&a, b.step) && decided_by_holder(&a, b.step, e, &roles, roles_doc) {
                trail.verified.push(e.seal.is_some() && prev.is_some());
                trail.chain_head = chain_digest(e);
                a.decisions.push(Decision {
                    step: b.step,
                    by: e.author.clone(),
                    opinion: b.opinion.clone(),
                    passed: b.passed,
                    at_ms: e.stamp.wall_ms,
                });
                devices.push(e.stamp.device.clone());
            }
        }
        (a, devices, trail)
    };
    for d in docs.iter().filter(|d| !d.is_deleted()) {
        match d.kind.as_str() {
            KA_ROLES_KIND => {
                data.roles = roles_of(d, &mut problems);
            }
            KA_REQUEST => {
                let Some(mut request) = decode_doc::<SupportRequest>(d, &mut problems) else { continue };
                let (approval, devices, trail) = replay(&d.id);
                request.approval = approval;
                data.requests.push(RequestRecord { request, devices, trail });
            }
            KA_EVALUATION => {
                let Some(mut evaluation) = decode_doc::<ServiceEvaluation>(d, &mut problems) else {
                    continue;
                };
                let (approval, devices, trail) = replay(&d.id);
                evaluation.approval = approval;
                data.evaluations.push(EvaluationRecord { evaluation, devices, trail });
            }
            KA_ACTIVITY => {
                if let Some(a) = decode_doc::<KeyActivity>(d, &mut problems) {
                    data.activities.push(a);
                }
            }
            KA_TERMS => {
                let t = terms_from_doc(d);
                if !t.customer_id.is_empty() {
                    data.terms.insert(t.customer_id.clone(), t);
                }
            }
            _ => {}
        }
    }
    data.problems = problems;
    data.activities.sort_by(|a, b| b.on.cmp(&a.on).then_with(|| a.id.cmp(&b.id)));
    data.requests.sort_by(|a, b| b.request.date.cmp(&a.request.date).then_with(|| a.request.id.cmp(&b.request.id)));
    data.evaluations.sort_by(|a, b| {
        b.evaluation.activity_on.cmp(&a.evaluation.activity_on).then_with(|| a.evaluation.id.cmp(&b.evaluation.id))
    });
    data
}

pub async fn load_key_accounts<S: RecordStore>(st: &S) -> Result<KeyAccountsData, StorageError> {
    let mut docs = st.docs_of_kind(KA_REQUEST).await?;
    docs.extend(st.docs_of_kind(KA_EVALUATION).await?);
    docs.extend(st.docs_of_kind(KA_ACTIVITY).await?);
    docs.extend(st.docs_of_kind(KA_ROLES_KIND).await?);
    let mut terms = st.docs_of_kind(KA_TERMS).await?;
    let entries: Vec<Entry> = st.entries_of_kind(KA_DECISION).await?;
    let judge = super::roster::Judge::load(st).await?;
    if let Some(roster) = judge.roster() {
        // K2: terms are the key-account leads' to keep — a manager, or whoever the team
        // made key-account supervisor or manager. Changes from anyone else are dropped
        // before the newest counting one is taken, so they leave the kept value in place.
        let roles = docs
            .iter()
            .find(|d| d.kind == KA_ROLES_KIND && !d.is_deleted())
            .and_then(|d| judge.docs(vec![d.clone()]).pop())
            .map(|d| roles_of(&d, &mut Vec::new()))
            .unwrap_or_default();
        let may = |by: &str, at: i64| crate::domain::key_service::may_keep_terms(&roster.roles_of(by, at), &roles, by);
        for d in &mut terms {
            keep_leads_terms(d, may);
        }
    }
    docs.extend(terms);
    let mut data = assemble(judge.docs(docs), judge.entries(entries));
    if judge.roster().is_none() {
        // Without a roster a seal names a key, not a person the team vouched for.
        let trails =
            data.requests.iter_mut().map(|r| &mut r.trail).chain(data.evaluations.iter_mut().map(|e| &mut e.trail));
        for t in trails {
            t.verified.iter_mut().for_each(|v| *v = false);
        }
    }
    Ok(data)
}

/// K2: leaves out of a terms document every change whose author may not keep terms
/// (`may(author, at_ms)`). Whose terms they are is in the document's id.
pub fn keep_leads_terms(d: &mut Document, may: impl Fn(&str, i64) -> bool) {
    d.fields.retain(|_, reg| may(&reg.author, reg.stamp.wall_ms));
}

/// The id of `customer`'s terms document.
pub fn terms_id(customer: &str) -> String {
    format!("{KA_TERMS}:{customer}")
}

const TEAM_FIELD: &str = "team.";

fn terms_fields(t: &ServiceTerms) -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = Seat::ALL
        .iter()
        .map(|r| (format!("{TEAM_FIELD}{}", r.code()), json!(t.team.get(r).cloned().unwrap_or_default())))
        .collect();
    out.extend([
        ("warranty_limited_years".to_owned(), json!(t.warranty_limited_years)),
        ("warranty_onsite_years".to_owned(), json!(t.warranty_onsite_years)),
        ("warranty_full_years".to_owned(), json!(t.warranty_full_years)),
        ("special_regions".to_owned(), json!(t.special_regions)),
        ("rush_supply".to_owned(), json!(t.rush_supply)),
        ("paid_delivery".to_owned(), json!(t.paid_delivery)),
        ("custom_products".to_owned(), json!(t.custom_products)),
        ("payment_terms".to_owned(), json!(t.payment_terms)),
        ("notes".to_owned(), json!(t.notes)),
    ]);
    out
}

/// K2: the terms a (judged) document holds; a field missing or unreadable reads as
/// not promised.
pub fn terms_from_doc(d: &Document) -> ServiceTerms {
    let text = |f: &str| d.get(f).and_then(Value::as_str).unwrap_or_default().to_owned();
    let years = |f: &str| d.get(f).and_then(Value::as_u64).and_then(|y| u8::try_from(y).ok()).unwrap_or(0);
    let flag = |f: &str| d.get(f).and_then(Value::as_bool).unwrap_or(false);
    ServiceTerms {
        customer_id: d.id.strip_prefix(&format!("{KA_TERMS}:")).unwrap_or_default().to_owned(),
        team: Seat::ALL
            .into_iter()
            .map(|r| (r, text(&format!("{TEAM_FIELD}{}", r.code()))))
            .filter(|(_, p)| !p.is_empty())
            .collect(),
        warranty_limited_years: years("warranty_limited_years"),
        warranty_onsite_years: years("warranty_onsite_years"),
        warranty_full_years: years("warranty_full_years"),
        special_regions: text("special_regions"),
        rush_supply: flag("rush_supply"),
        paid_delivery: flag("paid_delivery"),
        custom_products: text("custom_products"),
        payment_terms: text("payment_terms"),
        notes: text("notes"),
    }
}

/// K2: the fields of `new` that differ from `old` (the terms as the form was opened on),
/// each its own register; `None` when nothing changed.
pub fn terms_change(old: &ServiceTerms, new: &ServiceTerms, by: &mut Author) -> Option<Replica> {
    let before = terms_fields(old);
    let mut d = Document::new(&terms_id(&new.customer_id), KA_TERMS);
    for (k, v) in terms_fields(new) {
        if !before.iter().any(|(bk, bv)| *bk == k && *bv == v) {
            let st = by.clock.tick(by.now_ms);
            d.set(&k, v, st, by.profile);
        }
    }
    (!d.fields.is_empty()).then(|| Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() })
}

fn doc_with(id: &str, kind: &str, fields: Vec<(&str, Value)>, by: &mut Author) -> Replica {
    let mut d = Document::new(id, kind);
    for (k, v) in fields {
        let st = by.clock.tick(by.now_ms);
        d.set(k, v, st, by.profile);
    }
    Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() }
}

/// K1: a new support request (checked by [`SupportRequest::new`] first).
pub fn request_created(r: &SupportRequest, by: &mut Author) -> Replica {
    doc_with(&r.id, KA_REQUEST, r.encode(), by)
}

/// K3: a new service evaluation (checked by [`ServiceEvaluation::new`] first).
pub fn evaluation_created(e: &ServiceEvaluation, by: &mut Author) -> Replica {
    doc_with(
        &e.id,
        KA_EVALUATION,
        vec![
            ("customer", json!(e.customer_id)),
            ("activity", serde_json::to_value(e.activity).unwrap_or(Value::Null)),
            ("activity_on", json!(e.activity_on)),
            ("written_on", json!(e.written_on)),
            ("evaluation", json!(e.evaluation)),
        ],
        by,
    )
}

/// K2: a new key-account activity (checked by [`KeyActivity::new`] first).
pub fn activity_recorded(a: &KeyActivity, by: &mut Author) -> Replica {
    doc_with(&a.id, KA_ACTIVITY, a.encode(), by)
}

/// The team's events (E1) a K2 activity may name, as `(id, theme, starts_ms)`, the
/// latest first: the event documents only, not their ledgers.
pub async fn event_choices<S: RecordStore>(st: &S) -> Result<Vec<(String, String, i64)>, StorageError> {
    // Judged as the events page reads them: fields kept in slots read as one, forged
    // ones left out.
    let judge = super::roster::Judge::load(st).await?;
    let mut out: Vec<(String, String, i64)> = judge
        .docs(st.docs_of_kind(super::events::EVENT).await?)
        .iter()
        .filter(|d| !d.is_deleted())
        .filter_map(|d| decode_doc::<crate::domain::event::Event>(d, &mut Vec::new()))
        .map(|e| (e.id, e.theme, e.starts_ms))
        .collect();
    out.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    Ok(out)
}

/// K3: the return visit that collected the customer's opinion.
pub fn return_visit(evaluation_id: &str, on: NaiveDate, opinion: &str, by: &mut Author) -> Replica {
    doc_with(
        evaluation_id,
        KA_EVALUATION,
        vec![("return_visit_on", json!(on)), ("customer_opinion", json!(opinion.trim()))],
        by,
    )
}

/// One step of K1/K3, already checked by [`Approval::review`] / [`Approval::approve`].
pub fn decision(entry_id: &str, subject: &str, step: Step, opinion: &str, passed: bool, by: &mut Author) -> Replica {
    chained_decision(entry_id, subject, step, opinion, passed, None, by)
}

/// [`decision`] taken on the approval whose last step has the chain link `prev`
/// ([`Trail::chain_head`]; empty for the first step): the step is bound to the exact
/// signed history it was taken on (issue 15).
pub fn chained_decision(
    entry_id: &str,
    subject: &str,
    step: Step,
    opinion: &str,
    passed: bool,
    prev: Option<&str>,
    by: &mut Author,
) -> Replica {
    let body =
        chained_body(super::codec::body_of(&DecisionBody { step, opinion: opinion.trim().to_owned(), passed }), prev);
    let e = Entry {
        id: entry_id.to_owned(),
        kind: KA_DECISION.to_owned(),
        subject: subject.to_owned(),
        stamp: by.clock.tick(by.now_ms),
        author: by.profile.to_owned(),
        body,
        seal: None,
    };
    Replica { docs: Default::default(), entries: [(e.id.clone(), e)].into() }
}

/// The team's key-account roles: one field for each person whose holding of a step
/// changed ([`roles_of`]).
pub fn roles_change(old: &KeyAccountRoles, new: &KeyAccountRoles, by: &mut Author) -> Option<Replica> {
    let mut d = Document::new(KA_ROLES_ID, KA_ROLES_KIND);
    for (step, before, after) in
        [(Step::Review, &old.supervisors, &new.supervisors), (Step::Approve, &old.managers, &new.managers)]
    {
        let (_, prefix) = role_fields(step);
        for person in before.symmetric_difference(after) {
            let st = by.clock.tick(by.now_ms);
            d.set(&format!("{prefix}{person}"), json!(after.contains(person)), st, by.profile);
        }
    }
    (!d.fields.is_empty()).then(|| Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() })
}

/// K3 for the cadence (V6) and Today: each evaluated key-account activity whose return
/// visit is not recorded yet, as a service on the customer at the start of the activity's
/// day in the team's time zone — the cadence then asks for a visit within one week.
pub fn service_returns(
    data: &KeyAccountsData,
    cal: &crate::domain::calendar::TeamCalendar,
) -> Vec<super::activities::ServiceReturn> {
    let offset_ms = i64::from(cal.utc_offset_minutes) * 60_000;
    crate::domain::approval::return_visits_due(&data.evaluations_only())
        .into_iter()
        .filter_map(|(customer_id, due)| {
            let day = due.checked_sub_days(chrono::Days::new(7))?;
            let midnight_utc = day.and_hms_opt(0, 0, 0)?.and_utc().timestamp_millis();
            Some(super::activities::ServiceReturn { customer_id, at_ms: midnight_utc - offset_ms })
        })
        .collect()
}
