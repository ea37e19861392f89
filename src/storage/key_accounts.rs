//! Key accounts on the device (K1–K3): support requests and service evaluations as
//! documents, each two-step decision as an entry, and the team's key-account roles.
//!
//! A decision is an entry `ka.decision` about the request or evaluation: its author is
//! who decided, its stamp when and on which device — nothing a later edit can change.
//! Decisions are replayed in stamp order; one that no longer fits (two supervisors
//! reviewing offline) is ignored, so every device derives the same status. Whether the
//! author held the role is checked when the decision is taken, not when it is read: a
//! role can change afterwards and history must not change with it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::customers::Author;
use super::{RecordStore, StorageError};
use crate::domain::approval::{
    ActivityKind, Approval, ApprovalStatus, CustomerFacts, Decision, KeyAccountRoles, ServiceEvaluation, Step,
    SupportRequest,
};
use crate::record::replica::{Document, Entry, Replica};

pub const KA_REQUEST: &str = "ka_request";
pub const KA_EVALUATION: &str = "ka_evaluation";
pub const KA_DECISION: &str = "ka.decision";
pub const KA_ROLES_ID: &str = "team:key_accounts";
pub const KA_ROLES_KIND: &str = "team_key_accounts";

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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvaluationRecord {
    pub evaluation: ServiceEvaluation,
    pub devices: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyAccountsData {
    pub roles: KeyAccountRoles,
    pub requests: Vec<RequestRecord>,
    pub evaluations: Vec<EvaluationRecord>,
}

impl KeyAccountsData {
    pub fn evaluations_only(&self) -> Vec<ServiceEvaluation> {
        self.evaluations.iter().map(|e| e.evaluation.clone()).collect()
    }
}

fn s(d: &Document, f: &str) -> String {
    d.get(f).and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn date(d: &Document, f: &str) -> Option<NaiveDate> {
    d.get(f)?.as_str()?.parse().ok()
}

fn set_of(v: Option<&Value>) -> BTreeSet<String> {
    v.and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

#[derive(Deserialize, Serialize)]
struct DecisionBody {
    step: Step,
    opinion: String,
    passed: bool,
}

fn fits(a: &Approval, step: Step) -> bool {
    matches!(
        (a.status(), step),
        (ApprovalStatus::AwaitingReview, Step::Review) | (ApprovalStatus::AwaitingApproval, Step::Approve)
    )
}

/// Builds requests, evaluations and roles from raw records (pure; tested natively).
pub fn assemble(docs: Vec<Document>, entries: Vec<Entry>) -> KeyAccountsData {
    let mut data = KeyAccountsData::default();
    let mut decisions: BTreeMap<String, Vec<&Entry>> = BTreeMap::new();
    for e in entries.iter().filter(|e| e.kind == KA_DECISION) {
        decisions.entry(e.subject.clone()).or_default().push(e);
    }
    let replay = |id: &str| -> (Approval, Vec<String>) {
        let mut a = Approval::default();
        let mut devices = Vec::new();
        let mut es = decisions.get(id).cloned().unwrap_or_default();
        es.sort_by(|x, y| x.stamp.cmp(&y.stamp));
        for e in es {
            let Ok(b) = serde_json::from_value::<DecisionBody>(e.body.clone()) else {
                continue;
            };
            if fits(&a, b.step) {
                a.decisions.push(Decision {
                    step: b.step,
                    by: e.author.clone(),
                    opinion: b.opinion,
                    passed: b.passed,
                    at_ms: e.stamp.wall_ms,
                });
                devices.push(e.stamp.device.clone());
            }
        }
        (a, devices)
    };
    for d in docs.iter().filter(|d| !d.is_deleted()) {
        match d.kind.as_str() {
            KA_ROLES_KIND => {
                data.roles =
                    KeyAccountRoles { supervisors: set_of(d.get("supervisors")), managers: set_of(d.get("managers")) };
            }
            KA_REQUEST => {
                let Some(day) = date(d, "date") else { continue };
                let (approval, devices) = replay(&d.id);
                let request = SupportRequest {
                    id: d.id.clone(),
                    customer_id: s(d, "customer"),
                    applicant: s(d, "applicant"),
                    date: day,
                    support_wanted: s(d, "support_wanted"),
                    facts: CustomerFacts {
                        deeper_needs: s(d, "deeper_needs"),
                        changes: s(d, "changes"),
                        organisation: s(d, "organisation"),
                        personnel_changes: s(d, "personnel_changes"),
                    },
                    approval,
                };
                data.requests.push(RequestRecord { request, devices });
            }
            KA_EVALUATION => {
                let (Some(on), Some(written)) = (date(d, "activity_on"), date(d, "written_on")) else {
                    continue;
                };
                let Some(activity) =
                    d.get("activity").and_then(|v| serde_json::from_value::<ActivityKind>(v.clone()).ok())
                else {
                    continue;
                };
                let (approval, devices) = replay(&d.id);
                let evaluation = ServiceEvaluation {
                    id: d.id.clone(),
                    customer_id: s(d, "customer"),
                    activity,
                    activity_on: on,
                    written_on: written,
                    evaluation: s(d, "evaluation"),
                    approval,
                    return_visit_on: date(d, "return_visit_on"),
                    customer_opinion: s(d, "customer_opinion"),
                };
                data.evaluations.push(EvaluationRecord { evaluation, devices });
            }
            _ => {}
        }
    }
    data.requests.sort_by(|a, b| b.request.date.cmp(&a.request.date).then_with(|| a.request.id.cmp(&b.request.id)));
    data.evaluations.sort_by(|a, b| {
        b.evaluation.activity_on.cmp(&a.evaluation.activity_on).then_with(|| a.evaluation.id.cmp(&b.evaluation.id))
    });
    data
}

pub async fn load_key_accounts<S: RecordStore>(st: &S) -> Result<KeyAccountsData, StorageError> {
    let mut docs = st.docs_of_kind(KA_REQUEST).await?;
    docs.extend(st.docs_of_kind(KA_EVALUATION).await?);
    docs.extend(st.docs_of_kind(KA_ROLES_KIND).await?);
    let entries: Vec<Entry> = st.entries_of_kind(KA_DECISION).await?;
    Ok(assemble(docs, entries))
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
    doc_with(
        &r.id,
        KA_REQUEST,
        vec![
            ("customer", json!(r.customer_id)),
            ("applicant", json!(r.applicant)),
            ("date", json!(r.date)),
            ("support_wanted", json!(r.support_wanted)),
            ("deeper_needs", json!(r.facts.deeper_needs)),
            ("changes", json!(r.facts.changes)),
            ("organisation", json!(r.facts.organisation)),
            ("personnel_changes", json!(r.facts.personnel_changes)),
        ],
        by,
    )
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
    let e = Entry {
        id: entry_id.to_owned(),
        kind: KA_DECISION.to_owned(),
        subject: subject.to_owned(),
        stamp: by.clock.tick(by.now_ms),
        author: by.profile.to_owned(),
        body: serde_json::to_value(DecisionBody { step, opinion: opinion.trim().to_owned(), passed })
            .unwrap_or(Value::Null),
    };
    Replica { docs: Default::default(), entries: [(e.id.clone(), e)].into() }
}

/// The team's key-account roles, the lists that changed only.
pub fn roles_change(old: &KeyAccountRoles, new: &KeyAccountRoles, by: &mut Author) -> Option<Replica> {
    let mut fields = vec![];
    if old.supervisors != new.supervisors {
        fields.push(("supervisors", json!(new.supervisors)));
    }
    if old.managers != new.managers {
        fields.push(("managers", json!(new.managers)));
    }
    (!fields.is_empty()).then(|| doc_with(KA_ROLES_ID, KA_ROLES_KIND, fields, by))
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
