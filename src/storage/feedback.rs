//! Market feedback on the device (seeds 000/002/003): the report and every follow-up
//! are immutable entries about the report (`feedback.raised`, `feedback.step`), so who
//! reported what and who answered it stays as it was.
//!
//! Folded on every device: an answer counts only from a manager (the roster's verdict,
//! `domain::authority`); a closing counts from a manager or from the report's own author;
//! a step that does not fit the status (a closing before any answer, a second closing)
//! is left out, so every device reads the same status.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::codec::{decode_whole, FieldProblem};
use super::customers::{entry_change, Author};
use super::{RecordStore, StorageError};
use crate::domain::authority::{FEEDBACK_RAISED, FEEDBACK_STEP};
use crate::domain::feedback::{Department, Feedback};
use crate::domain::profile::Role;
use crate::record::replica::{Entry, Replica};

#[derive(Serialize, Deserialize)]
struct RaisedBody {
    #[serde(default)]
    customer: Option<String>,
    #[serde(default)]
    region: String,
    topic: String,
    text: String,
    department: Department,
    raised_on: NaiveDate,
}

/// A follow-up's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Answered,
    Closed,
}

#[derive(Serialize, Deserialize)]
struct StepBody {
    step: Step,
    #[serde(default)]
    who: String,
    #[serde(default)]
    text: String,
}

/// The reports of `entries` with their follow-ups; `manager_at(profile, at_ms)` says
/// whether the profile was a manager then (closings by others than the author count
/// only from one). Pure; tested natively.
pub fn assemble(
    entries: &[Entry],
    manager_at: impl Fn(&str, i64) -> bool,
    problems: &mut Vec<FieldProblem>,
) -> Vec<Feedback> {
    let mut sorted: Vec<&Entry> = entries.iter().collect();
    sorted.sort_by(|a, b| a.stamp.cmp(&b.stamp));
    let mut out: Vec<Feedback> = Vec::new();
    for e in sorted.iter().filter(|e| e.kind == FEEDBACK_RAISED) {
        let Some(b) = decode_whole::<RaisedBody>(e, problems) else { continue };
        out.push(Feedback {
            id: e.subject.clone(),
            author: e.author.clone(),
            raised_on: b.raised_on,
            customer_id: b.customer.filter(|c| !c.is_empty()),
            region: b.region,
            topic: b.topic,
            text: b.text,
            department: b.department,
            follow_ups: Vec::new(),
            closing: None,
        });
    }
    for e in sorted.iter().filter(|e| e.kind == FEEDBACK_STEP) {
        let Some(f) = out.iter_mut().find(|f| f.id == e.subject) else { continue };
        let Some(b) = decode_whole::<StepBody>(e, problems) else { continue };
        let at = e.stamp.wall_ms;
        // A step that does not fit the status is left out (Err ignored on purpose).
        let _ = match b.step {
            Step::Answered => f.answer(&e.author, &b.who, &b.text, at),
            Step::Closed if e.author == f.author || manager_at(&e.author, at) => f.close(&e.author, &b.text, at),
            Step::Closed => Ok(()),
        };
    }
    out
}

/// Every report as it counts on this device.
pub async fn load_feedback<S: RecordStore>(s: &S) -> Result<Vec<Feedback>, StorageError> {
    let judge = super::roster::Judge::load(s).await?;
    let entries = judge.entries(s.entries_of_kinds(&[FEEDBACK_RAISED, FEEDBACK_STEP]).await?);
    let manager_at = |p: &str, at: i64| judge.roster().is_none_or(|r| r.roles_of(p, at).contains(&Role::Manager));
    Ok(assemble(&entries, manager_at, &mut Vec::new()))
}

/// A new report (checked by [`Feedback::new`] first); the entry's subject is its id.
pub fn raised(entry_id: &str, f: &Feedback, by: &mut Author) -> Replica {
    let body = RaisedBody {
        customer: f.customer_id.clone(),
        region: f.region.clone(),
        topic: f.topic.clone(),
        text: f.text.clone(),
        department: f.department,
        raised_on: f.raised_on,
    };
    entry_change(entry_id, FEEDBACK_RAISED, &f.id, serde_json::to_value(body).unwrap_or(Value::Null), by)
}

/// A follow-up: an answer (who in the department, what) or the closing (a note).
pub fn stepped(entry_id: &str, feedback: &str, step: Step, who: &str, text: &str, by: &mut Author) -> Replica {
    let body = StepBody { step, who: who.trim().to_owned(), text: text.trim().to_owned() };
    entry_change(entry_id, FEEDBACK_STEP, feedback, serde_json::to_value(body).unwrap_or(Value::Null), by)
}
