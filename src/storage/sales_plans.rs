//! Sales plans on the device (V9): each version a rep writes is an immutable entry
//! `sales_plan.version` (subject `rep|period`), each manager's decision an entry
//! `sales_plan.decision` naming the version it decides. Only a rep's version and a
//! manager's decision count on any device (`domain::authority`, against the roster);
//! a version in another rep's name is left out by the fold
//! ([`crate::domain::sales_plan::fold`]).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::codec::{decode_whole, FieldProblem};
use super::customers::{entry_change, Author};
use super::{RecordStore, StorageError};
use crate::domain::authority::{SALES_PLAN_DECISION, SALES_PLAN_VERSION};
use crate::domain::sales_plan::{fold, PlanDecision, PlanDraft, PlanGoal, PlanVersion, SalesPlan};
use crate::domain::target::Period;
use crate::record::replica::{Entry, Replica};

#[derive(Serialize, Deserialize)]
struct VersionBody {
    rep: String,
    period: String,
    goals: Vec<PlanGoal>,
    #[serde(default)]
    actions: String,
}

#[derive(Serialize, Deserialize)]
struct DecisionBody {
    version: String,
    approved: bool,
    #[serde(default)]
    comment: String,
}

/// The plans of `entries` that read; an entry that does not is reported and left out.
pub fn plans(entries: &[Entry], problems: &mut Vec<FieldProblem>) -> Vec<SalesPlan> {
    let mut versions = Vec::new();
    let mut decisions = Vec::new();
    for e in entries {
        if e.kind == SALES_PLAN_VERSION {
            let Some(b) = decode_whole::<VersionBody>(e, problems) else { continue };
            let Some(period) = Period::parse(&b.period) else {
                problems.push(FieldProblem {
                    record_id: e.id.clone(),
                    field: "period".into(),
                    reason: super::codec::ProblemReason::Malformed,
                    found: b.period.chars().take(40).collect(),
                });
                continue;
            };
            versions.push(PlanVersion {
                id: e.id.clone(),
                rep: b.rep,
                author: e.author.clone(),
                draft: PlanDraft { period, goals: b.goals, actions: b.actions },
                at_ms: e.stamp.wall_ms,
            });
        } else if e.kind == SALES_PLAN_DECISION {
            let Some(b) = decode_whole::<DecisionBody>(e, problems) else { continue };
            decisions.push(PlanDecision {
                version: b.version,
                approved: b.approved,
                comment: b.comment,
                by: e.author.clone(),
                at_ms: e.stamp.wall_ms,
            });
        }
    }
    fold(versions, decisions)
}

/// Every plan, from the entries the roster lets count.
pub async fn load_plans<S: RecordStore>(s: &S) -> Result<Vec<SalesPlan>, StorageError> {
    let judge = super::roster::Judge::load(s).await?;
    let mut entries = s.entries_of_kind(SALES_PLAN_VERSION).await?;
    entries.extend(s.entries_of_kind(SALES_PLAN_DECISION).await?);
    Ok(plans(&judge.entries(entries), &mut Vec::new()))
}

/// A version written by `by` for `rep` (`id` fresh).
pub fn version_change(id: &str, rep: &str, draft: &PlanDraft, by: &mut Author) -> Replica {
    let body = VersionBody {
        rep: rep.to_owned(),
        period: draft.period.code(),
        goals: draft.goals.clone(),
        actions: draft.actions.trim().to_owned(),
    };
    let subject = format!("{rep}|{}", draft.period.code());
    entry_change(id, SALES_PLAN_VERSION, &subject, serde_json::to_value(body).unwrap_or(Value::Null), by)
}

/// A decision of `version` (`id` fresh), about the same plan.
pub fn decision_change(
    id: &str,
    plan: &SalesPlan,
    version: &str,
    approved: bool,
    comment: &str,
    by: &mut Author,
) -> Replica {
    let body = DecisionBody { version: version.to_owned(), approved, comment: comment.trim().to_owned() };
    let subject = format!("{}|{}", plan.rep, plan.period.code());
    entry_change(id, SALES_PLAN_DECISION, &subject, serde_json::to_value(body).unwrap_or(Value::Null), by)
}
