//! Activities on the device: logged activities (V3, V4), minutes steps (V5), visit plans
//! (V2) and the team's cadence and quota settings (V6, V7, K3) — and the pure functions
//! that turn them into what the Today, Activities and customer pages show.
//!
//! - An activity is an immutable entry (`activity.logged`, subject: the customer). Logging
//!   one also writes the customer's `contact.logged` fact, so the pool's P8 rule sees the
//!   contact whichever button made it.
//! - Each minutes step is an immutable entry (`minutes.step`, subject: the activity);
//!   [`minutes`](crate::domain::minutes::minutes) folds them.
//! - A visit plan is a document: the rep's fields (day, goals, customers) and the
//!   manager's (decision, opinion) are separate registers, so a decision and a revision
//!   made offline on two tablets both survive; the later stamp decides the status.
//! - The team's intervals and quotas are one synced document.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::codec::{body_of, decode_doc, decode_entry, Codec, FieldProblem, ProblemReason, Reader};
use super::customers::{entry_change as entry, fact_entry, Author};
use super::projects::{ProjectRecord, PROJECT};
use super::{get_typed, RecordStore, StorageError, StoreName};
use crate::domain::activity::{Activity, ActivityKind};
use crate::domain::cadence::{CadenceInput, CadenceSettings};
use crate::domain::calendar::TeamCalendar;
use crate::domain::customer_list::CustomerView;
use crate::domain::first_contact::FirstContact;
use crate::domain::minutes::{minutes, Minutes, MinutesEvent, MinutesStep};
use crate::domain::pool::{FactKind, OwnReason};
use crate::domain::project::ProjectStage;
use crate::domain::quota::{CustomerStatus, QuotaActivity, QuotaSettings};
use crate::domain::report::{Diary, MinutesFact, PlannedVisit};
use crate::domain::visit_plan::{plan_status, Decision, PlanDraft, PlanStatus};
use crate::record::hlc::Hlc;
use crate::record::replica::{Document, Entry, Replica};

pub const ACTIVITY_LOGGED: &str = "activity.logged";
pub const MINUTES_STEP: &str = "minutes.step";
pub const VISIT_PLAN: &str = "visit_plan";
pub const DIARY: &str = "diary";
pub const ACTIVITY_RULES_ID: &str = "team:activity_rules";
/// Not `team_…`: the customer list need not re-read everything when it changes.
pub const ACTIVITY_RULES_KIND: &str = "activity_rules";

/// The rep's fields of a plan and the manager's.
const PLAN_FIELDS: [&str; 5] = ["rep", "day", "goals", "customers", "slots"];
const DECISION_FIELDS: [&str; 4] = ["decision", "opinion", "decided_by", "decided_on"];

/// The team's V6/K3 intervals and V7 quotas.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ActivityRules {
    pub cadence: CadenceSettings,
    pub quotas: QuotaSettings,
}

impl ActivityRules {
    /// What a form filled from `base` saves when the stored rules have meanwhile become
    /// `latest` (another tablet's change): each setting the form changed from `base`
    /// takes the form's value, every other one keeps `latest`'s, so neither edit undoes
    /// the other. The quotas are one setting (a preset and its minimums go together).
    pub fn rebased(&self, base: &ActivityRules, latest: &ActivityRules) -> ActivityRules {
        fn pick<T: PartialEq + Clone>(mine: &T, base: &T, latest: &T) -> T {
            if mine == base {
                latest.clone()
            } else {
                mine.clone()
            }
        }
        let (m, b, l) = (&self.cadence, &base.cadence, &latest.cadence);
        ActivityRules {
            cadence: CadenceSettings {
                early_design_days: pick(&m.early_design_days, &b.early_design_days, &l.early_design_days),
                other_stage_days: pick(&m.other_stage_days, &b.other_stage_days, &l.other_stage_days),
                special_background_days: pick(
                    &m.special_background_days,
                    &b.special_background_days,
                    &l.special_background_days,
                ),
                service_return_days: pick(&m.service_return_days, &b.service_return_days, &l.service_return_days),
                confirm_call_days: pick(&m.confirm_call_days, &b.confirm_call_days, &l.confirm_call_days),
                roll_to_working_day: pick(&m.roll_to_working_day, &b.roll_to_working_day, &l.roll_to_working_day),
            },
            quotas: pick(&self.quotas, &base.quotas, &latest.quotas),
        }
    }
}

/// A visit plan as stored, with its derived status (V2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitPlan {
    pub id: String,
    pub rep: String,
    pub draft: PlanDraft,
    pub status: PlanStatus,
    pub opinion: String,
    pub decided_by: String,
    /// When the rep first filed it (wall clock of the filing tablet).
    pub filed_ms: i64,
    /// The stamp of the plan's latest revision: a decision names the revision it saw.
    pub revision: Option<Hlc>,
}

/// The body of a `minutes.step` entry; `text` is the minutes themselves on `written`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesBody {
    pub step: MinutesStep,
    #[serde(default)]
    pub text: String,
}

/// Everything the activity pages read, from one pass over the store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActivityData {
    /// Newest first.
    pub activities: Vec<Activity>,
    /// Minutes events by activity id.
    pub minutes: HashMap<String, Vec<MinutesEvent>>,
    /// The written minutes by activity id.
    pub minutes_text: HashMap<String, String>,
    /// By day, then filing time.
    pub plans: Vec<VisitPlan>,
    pub rules: ActivityRules,
    /// J1–J3, by name.
    pub projects: Vec<ProjectRecord>,
    /// V9: every rep's diaries.
    pub diaries: Vec<Diary>,
    /// Stored fields that could not be read (the records are shown with the others).
    pub problems: Vec<FieldProblem>,
}

/// Reads the activity records; entries that do not parse (a newer build's) are skipped.
pub async fn load_activity_data<S: RecordStore>(s: &S) -> Result<ActivityData, StorageError> {
    let judge = super::roster::Judge::load(s).await?;
    let entries: Vec<Entry> =
        judge.entries(s.entries_of_kinds(&[ACTIVITY_LOGGED, MINUTES_STEP, super::projects::PROJECT_STAGE]).await?);
    let plans = judge.docs(s.docs_of_kind(VISIT_PLAN).await?);
    let projects = judge.docs(s.docs_of_kind(PROJECT).await?);
    let rules: Option<Document> = get_typed(s, StoreName::Docs, ACTIVITY_RULES_ID).await?;
    let rules = rules.and_then(|d| judge.docs(vec![d]).pop());
    let diaries: Vec<Document> =
        judge.docs(s.docs_of_kind(DIARY).await?).into_iter().map(own_diary).filter(|d| !d.fields.is_empty()).collect();
    let mut problems = Vec::new();
    let projects = super::projects::assemble_projects_restored(&projects, &entries, &mut problems);
    let mut data = assemble(plans, entries, rules.as_ref());
    data.projects = projects;
    data.diaries =
        diaries.iter().filter(|d| !d.is_deleted()).filter_map(|d| decode_doc::<Diary>(d, &mut problems)).collect();
    data.problems.extend(problems);
    Ok(data)
}

/// Builds [`ActivityData`] from raw records (pure; tested natively).
pub fn assemble(plan_docs: Vec<Document>, entries: Vec<Entry>, rules: Option<&Document>) -> ActivityData {
    let mut out = ActivityData::default();
    if let Some(d) = rules {
        out.rules = decode_doc::<ActivityRules>(d, &mut out.problems).unwrap_or_default();
    }
    for e in entries {
        match e.kind.as_str() {
            ACTIVITY_LOGGED => {
                // V3/V7, issue 15: an activity counts only as its own author's — one
                // logged in another rep's name (a tampered tablet) is left out everywhere.
                if let Some(a) = decode_entry::<Activity>(&e, &mut out.problems).filter(|a| a.rep == e.author) {
                    out.activities.push(a);
                }
            }
            MINUTES_STEP => {
                if let Some(b) = decode_entry::<MinutesBody>(&e, &mut out.problems) {
                    if b.step == MinutesStep::Written && !b.text.is_empty() {
                        out.minutes_text.insert(e.subject.clone(), b.text);
                    }
                    out.minutes.entry(e.subject).or_default().push(MinutesEvent {
                        id: e.id,
                        step: b.step,
                        at_ms: e.stamp.wall_ms,
                        by: e.author,
                    });
                }
            }
            _ => {}
        }
    }
    out.activities.sort_by(|a, b| b.at_ms.cmp(&a.at_ms).then_with(|| a.id.cmp(&b.id)));
    out.plans = plan_docs
        .iter()
        .filter(|d| !d.is_deleted())
        .filter_map(|d| decode_doc::<VisitPlan>(d, &mut out.problems))
        .collect();
    out.plans.sort_by(|a, b| a.draft.day.cmp(&b.draft.day).then(a.filed_ms.cmp(&b.filed_ms)));
    out
}

fn latest<'a>(d: &'a Document, fields: &[&str]) -> Option<&'a Hlc> {
    fields.iter().filter_map(|f| d.fields.get(*f)).map(|r| &r.stamp).max()
}

impl Codec for Activity {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        let json = |v: Result<Value, serde_json::Error>| v.unwrap_or(Value::Null);
        let mut fields = vec![
            ("id", Value::String(self.id.clone())),
            ("customer_id", Value::String(self.customer_id.clone())),
            ("rep", Value::String(self.rep.clone())),
            ("kind", json(serde_json::to_value(self.kind))),
            ("at_ms", Value::from(self.at_ms)),
            ("people_met", json(serde_json::to_value(&self.people_met))),
            ("needs", Value::String(self.needs.clone())),
            ("visit_stage", json(serde_json::to_value(self.visit_stage))),
            ("next_step", json(serde_json::to_value(&self.next_step))),
            ("notes", Value::String(self.notes.clone())),
        ];
        // V1: only when the activity was a first-contact step, so the bytes of every
        // other activity stay what earlier builds signed.
        if let Some(step) = self.first_contact {
            fields.push(("first_contact", json(serde_json::to_value(step))));
        }
        fields
    }

    /// The kind and time are required; the id and customer fall back to the entry's.
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let kind = r.choice("kind");
        let kind = r.require("kind", kind)?;
        let at_ms = r.opt_int("at_ms");
        let at_ms = r.require("at_ms", at_ms)?;
        Some(Activity {
            id: r.opt_text("id").unwrap_or_else(|| r.record_id().to_owned()),
            customer_id: r.text("customer_id"),
            rep: r.text("rep"),
            kind,
            at_ms,
            people_met: r.list("people_met"),
            needs: r.text("needs"),
            visit_stage: r.choice("visit_stage"),
            next_step: r.value("next_step"),
            notes: r.text("notes"),
            first_contact: r.value("first_contact"),
        })
    }
}

impl Codec for MinutesBody {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("step", serde_json::to_value(self.step).unwrap_or(Value::Null)),
            ("text", Value::String(self.text.clone())),
        ]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let step = r.choice("step");
        Some(MinutesBody { step: r.require("step", step)?, text: r.text("text") })
    }
}

impl Codec for VisitPlan {
    /// The rep's fields; the manager's are written by [`plan_decision`].
    fn encode(&self) -> Vec<(&'static str, Value)> {
        plan_fields(&self.rep, &self.draft)
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        // The status depends on the fields' stamps, not only their values.
        let d = r.doc()?;
        plan_from_doc(d, r)
    }
}

fn plan_from_doc(d: &Document, r: &mut Reader<'_>) -> Option<VisitPlan> {
    let rep = r.opt_text("rep");
    let rep = r.require("rep", rep)?;
    let draft = PlanDraft {
        day: r.date("day"),
        goals: r.text("goals"),
        customers: r.list("customers"),
        slots: r.value("slots").unwrap_or_default(),
    };
    let decision: Option<Decision> = r.choice("decision");
    let revision = latest(d, &PLAN_FIELDS).cloned();
    let seen: Option<Hlc> = r.value("decided_on");
    // The decision stands for the revision the manager saw; any other revision (made
    // after it, or offline at the same time) waits for a new decision. Without a named
    // revision, the later stamp decides.
    let after = match (seen, latest(d, &DECISION_FIELDS), &revision) {
        (Some(seen), _, Some(rev)) => &seen == rev,
        (None, Some(dec), Some(rev)) => dec > rev,
        (_, Some(_), None) => true,
        _ => false,
    };
    let filed_ms = d.fields.values().map(|r| r.stamp.wall_ms).min().unwrap_or(0);
    Some(VisitPlan {
        id: d.id.clone(),
        rep,
        draft,
        status: plan_status(decision, after),
        opinion: r.text("opinion"),
        decided_by: r.text("decided_by"),
        filed_ms,
        revision,
    })
}

fn one_doc(d: Document) -> Replica {
    Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() }
}

/// A logged activity (V3, V4) and the customer's `contact.logged` fact (P8), in one
/// change. `fact_id` must be fresh; the activity keeps its own id.
pub fn activity_change(a: &Activity, fact_id: &str, by: &mut Author) -> Result<Replica, StorageError> {
    let logged = entry(&a.id, ACTIVITY_LOGGED, &a.customer_id, body_of(a), by);
    let fact = fact_entry(fact_id, &a.customer_id, &FactKind::Contact { rep: a.rep.clone() }, by)?;
    Ok(logged.merge(fact))
}

/// One V5 step on an activity's minutes.
pub fn minutes_change(
    id: &str,
    activity_id: &str,
    step: MinutesStep,
    text: &str,
    by: &mut Author,
) -> Result<Replica, StorageError> {
    let body = body_of(&MinutesBody { step, text: text.to_owned() });
    Ok(entry(id, MINUTES_STEP, activity_id, body, by))
}

fn plan_fields(rep: &str, p: &PlanDraft) -> Vec<(&'static str, Value)> {
    vec![
        ("rep", Value::String(rep.to_owned())),
        ("day", p.day.map(|d| Value::String(d.to_string())).unwrap_or(Value::Null)),
        ("goals", Value::String(p.goals.clone())),
        ("customers", serde_json::to_value(&p.customers).unwrap_or(Value::Null)),
        // V8: a slot for a customer the plan does not name is dropped; a customer without
        // one reads as an afternoon visit (`PlanDraft::slot_of`).
        ("slots", serde_json::to_value(p.named_slots()).unwrap_or(Value::Null)),
    ]
}

/// A new plan (every field) or a revision (the fields that changed); `None` when
/// nothing changed.
pub fn plan_change(id: &str, rep: &str, old: Option<&PlanDraft>, new: &PlanDraft, by: &mut Author) -> Option<Replica> {
    let before = old.map(|o| plan_fields(rep, o));
    let mut d = Document::new(id, VISIT_PLAN);
    for (i, (name, value)) in plan_fields(rep, new).into_iter().enumerate() {
        if before.as_ref().is_none_or(|b| b[i].1 != value) {
            let stamp = by.clock.tick(by.now_ms);
            d.set(name, value, stamp, by.profile);
        }
    }
    (!d.fields.is_empty()).then(|| one_doc(d))
}

/// The manager's decision on a plan (V2), naming the revision decided on
/// ([`VisitPlan::revision`]): a revision the manager had not seen — made later, or
/// offline meanwhile — leaves the plan pending whatever the tablets' clocks say.
pub fn plan_decision(id: &str, decision: Decision, opinion: &str, seen: Option<&Hlc>, by: &mut Author) -> Replica {
    let mut d = Document::new(id, VISIT_PLAN);
    let values = [
        ("decision", serde_json::to_value(decision).unwrap_or(Value::Null)),
        ("opinion", Value::String(opinion.trim().to_owned())),
        ("decided_by", Value::String(by.profile.to_owned())),
        ("decided_on", seen.and_then(|h| serde_json::to_value(h).ok()).unwrap_or(Value::Null)),
    ];
    for (name, value) in values {
        let stamp = by.clock.tick(by.now_ms);
        d.set(name, value, stamp, by.profile);
    }
    one_doc(d)
}

/// The team's rules from their document; a part that fails its check is the default.
pub fn rules_from_doc(d: &Document) -> ActivityRules {
    decode_doc(d, &mut Vec::new()).unwrap_or_default()
}

impl Codec for ActivityRules {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("cadence", serde_json::to_value(&self.cadence).unwrap_or(Value::Null)),
            ("quotas", serde_json::to_value(&self.quotas).unwrap_or(Value::Null)),
        ]
    }

    /// A part that does not parse or fails its check is reported and reads as the default.
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let mut cadence: CadenceSettings = r.value("cadence").unwrap_or_default();
        if cadence.check().is_err() {
            r.problem("cadence", ProblemReason::Malformed);
            cadence = CadenceSettings::default();
        }
        let mut quotas: QuotaSettings = r.value("quotas").unwrap_or_default();
        if quotas.check().is_err() {
            r.problem("quotas", ProblemReason::Malformed);
            quotas = QuotaSettings::default();
        }
        Some(ActivityRules { cadence, quotas })
    }
}

/// The rules document with the parts that changed; `None` when nothing did.
pub fn rules_change(old: &ActivityRules, new: &ActivityRules, by: &mut Author) -> Option<Replica> {
    let mut d = Document::new(ACTIVITY_RULES_ID, ACTIVITY_RULES_KIND);
    if old.cadence != new.cadence {
        let s = by.clock.tick(by.now_ms);
        d.set("cadence", serde_json::to_value(&new.cadence).unwrap_or(Value::Null), s, by.profile);
    }
    if old.quotas != new.quotas {
        let s = by.clock.tick(by.now_ms);
        d.set("quotas", serde_json::to_value(&new.quotas).unwrap_or(Value::Null), s, by.profile);
    }
    (!d.fields.is_empty()).then(|| one_doc(d))
}

/// One activity's minutes (V5), for lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinutesItem {
    pub activity: Activity,
    pub minutes: Minutes,
    pub text: String,
}

/// V5: the minutes of every visit and meeting, as of `now_ms`; the most urgent first
/// (unwritten before written, then by due day).
pub fn minutes_items(data: &ActivityData, cal: &TeamCalendar, now_ms: i64) -> Vec<MinutesItem> {
    let mut out: Vec<MinutesItem> = data
        .activities
        .iter()
        .filter(|a| a.kind.needs_minutes())
        .filter_map(|a| {
            let events = data.minutes.get(&a.id).map(Vec::as_slice).unwrap_or(&[]);
            let m = minutes(a.at_ms, events, cal, now_ms).ok()?;
            Some(MinutesItem {
                activity: a.clone(),
                minutes: m,
                text: data.minutes_text.get(&a.id).cloned().unwrap_or_default(),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (a.minutes.steps[0].is_some(), a.minutes.due_on, &a.activity.id).cmp(&(
            b.minutes.steps[0].is_some(),
            b.minutes.due_on,
            &b.activity.id,
        ))
    });
    out
}

/// V7: one rep's activities as the quota counts them. A customer is **new** on the
/// team-local day of its first recorded visit or meeting (by anyone), and existing
/// after it, so two visits on that first day do not count it as both.
pub fn quota_activities(activities: &[Activity], rep: &str, cal: &TeamCalendar) -> Vec<QuotaActivity> {
    let mut first_met: HashMap<&str, NaiveDate> = HashMap::new();
    for a in activities.iter().filter(|a| a.kind.is_face_to_face()) {
        let d = cal.local_date(a.at_ms);
        let f = first_met.entry(&a.customer_id).or_insert(d);
        *f = (*f).min(d);
    }
    activities
        .iter()
        .filter(|a| a.rep == rep)
        .map(|a| {
            let new = first_met.get(a.customer_id.as_str()).is_none_or(|f| cal.local_date(a.at_ms) <= *f);
            QuotaActivity {
                kind: a.kind,
                customer_id: a.customer_id.clone(),
                customer: if new { CustomerStatus::New } else { CustomerStatus::Existing },
                at_ms: a.at_ms,
            }
        })
        .collect()
}

/// K3: a return visit owed after a service activity, from the service records (issue 6
/// feeds these; until then the list is empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceReturn {
    pub customer_id: String,
    pub at_ms: i64,
}

/// V6, P8, K3, V1: what the cadence engine needs for each customer `rep` owns, by id.
/// `project_stages` holds the stages of each customer's open projects; contacts count
/// from logged activities and from `contact.logged` facts alike.
pub fn cadence_inputs(
    customers: &[CustomerView],
    activities: &[Activity],
    project_stages: &HashMap<String, Vec<ProjectStage>>,
    service_returns: &[ServiceReturn],
    rep: &str,
) -> BTreeMap<String, CadenceInput> {
    let mut last_contact: HashMap<&str, i64> = HashMap::new();
    let mut last_visit: HashMap<&str, i64> = HashMap::new();
    for a in activities {
        let c = last_contact.entry(&a.customer_id).or_insert(a.at_ms);
        *c = (*c).max(a.at_ms);
        if a.kind == ActivityKind::Visit {
            let v = last_visit.entry(&a.customer_id).or_insert(a.at_ms);
            *v = (*v).max(a.at_ms);
        }
    }
    let mut by_customer: HashMap<&str, Vec<&Activity>> = HashMap::new();
    for a in activities {
        by_customer.entry(&a.customer_id).or_default().push(a);
    }
    let mut last_service: HashMap<&str, i64> = HashMap::new();
    for s in service_returns {
        let v = last_service.entry(&s.customer_id).or_insert(s.at_ms);
        *v = (*v).max(s.at_ms);
    }
    customers
        .iter()
        .filter(|c| c.own.owner.as_deref() == Some(rep))
        .map(|c| {
            let id = c.rec.id.as_str();
            let fact_contact = c
                .rec
                .facts
                .iter()
                .filter(|f| matches!(f.kind, FactKind::Contact { .. }))
                .map(|f| f.stamp.wall_ms)
                .max();
            let assigned =
                matches!(c.own.reason, Some(OwnReason::Assigned | OwnReason::Referred | OwnReason::Handover));
            let input = CadenceInput {
                last_contact_ms: last_contact.get(id).copied().max(fact_contact),
                last_visit_ms: last_visit.get(id).copied(),
                project_stages: project_stages.get(id).cloned().unwrap_or_default(),
                special_background: c.rec.file.special_background,
                assigned_ms: if assigned { c.own.since_ms } else { None },
                last_service_ms: last_service.get(id).copied(),
                materials_sent_ms: by_customer
                    .get(id)
                    .and_then(|acts| FirstContact::of(acts.iter().copied()).confirm_owed_since()),
            };
            (id.to_owned(), input)
        })
        .collect()
}

/// The approved plans for `day` (V2, V8), any rep.
pub fn approved_on(data: &ActivityData, day: NaiveDate) -> Vec<&VisitPlan> {
    data.plans.iter().filter(|p| p.status == PlanStatus::Approved && p.draft.day == Some(day)).collect()
}

/// V9: the id of `rep`'s diary for `day` — one document per rep and day, so a diary
/// written on two tablets merges field by field.
pub fn diary_id(rep: &str, day: NaiveDate) -> String {
    format!("diary:{rep}:{day}")
}

/// V9, issue 15: a diary is its rep's own — the rep its id names. Fields anyone else
/// wrote into it (a tampered tablet) are left out on every device.
pub fn own_diary(mut d: Document) -> Document {
    let rep = d.id.strip_prefix("diary:").and_then(|rest| rest.rsplit_once(':')).map(|(rep, _)| rep.to_owned());
    match rep {
        Some(rep) => d.fields.retain(|_, r| r.author == rep),
        None => d.fields.clear(),
    }
    d
}

fn diary_fields(d: &Diary) -> Vec<(&'static str, Value)> {
    vec![
        ("rep", Value::String(d.rep.clone())),
        ("day", d.day.map(|x| Value::String(x.to_string())).unwrap_or(Value::Null)),
        ("text", Value::String(d.text.clone())),
        ("open_questions", Value::String(d.open_questions.clone())),
        ("improvements", Value::String(d.improvements.clone())),
    ]
}

pub fn diary_from_doc(d: &Document) -> Option<Diary> {
    decode_doc(d, &mut Vec::new())
}

impl Codec for Diary {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        diary_fields(self)
    }

    /// A diary names its rep and day (its id is made of them).
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let day = r.date("day");
        let day = r.require("day", day)?;
        let rep = r.opt_text("rep");
        let rep = r.require("rep", rep)?;
        Some(Diary {
            rep,
            day: Some(day),
            text: r.text("text"),
            open_questions: r.text("open_questions"),
            improvements: r.text("improvements"),
        })
    }
}

/// The diary document with the fields that changed; `None` when nothing did or the
/// diary has no day.
pub fn diary_change(old: Option<&Diary>, new: &Diary, by: &mut Author) -> Option<Replica> {
    let day = new.day?;
    let before = old.map(diary_fields);
    let mut d = Document::new(&diary_id(&new.rep, day), DIARY);
    for (i, (name, value)) in diary_fields(new).into_iter().enumerate() {
        if before.as_ref().is_none_or(|b| b[i].1 != value) {
            let stamp = by.clock.tick(by.now_ms);
            d.set(name, value, stamp, by.profile);
        }
    }
    (!d.fields.is_empty()).then(|| one_doc(d))
}

/// V9: the approved plans' customers and the minutes' standing, as the report reads them.
pub fn report_inputs(data: &ActivityData, cal: &TeamCalendar, now_ms: i64) -> (Vec<PlannedVisit>, Vec<MinutesFact>) {
    let plans = data
        .plans
        .iter()
        .filter(|p| p.status == PlanStatus::Approved)
        .filter_map(|p| p.draft.day.map(|day| (p, day)))
        .flat_map(|(p, day)| {
            p.draft.customers.iter().map(move |c| PlannedVisit { rep: p.rep.clone(), day, customer_id: c.clone() })
        })
        .collect();
    let minutes = minutes_items(data, cal, now_ms)
        .into_iter()
        .map(|m| MinutesFact {
            rep: m.activity.rep.clone(),
            meeting_day: cal.local_date(m.activity.at_ms),
            written: m.minutes.steps[0].is_some(),
            late_or_overdue: m.minutes.overdue || m.minutes.written_late,
        })
        .collect();
    (plans, minutes)
}
