//! Targets on the device (T1–T3): each setting or adjustment is an immutable entry
//! `target.set` — its author is who set it, its stamp when — so the history is kept and
//! syncs like any other entry; the current target is folded
//! ([`crate::domain::target::Targets`]). Only a manager's setting counts on any device
//! (`domain::authority`).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::codec::FieldProblem;
use super::customers::{entry_change, Author};
use super::{RecordStore, StorageError};
use crate::domain::target::{Goal, Measure, Period, Scope, TargetSetting, Targets};
use crate::record::replica::{Entry, Replica};

pub const TARGET_SET: &str = crate::domain::authority::TARGET_SET;

#[derive(Serialize, Deserialize)]
struct Body {
    period: String,
    measure: Measure,
    scope: Scope,
    amount: i64,
    #[serde(default)]
    reason: String,
    /// T3: a product line's sales target (absent: every line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    line: Option<String>,
}

/// The settings of `entries` that read; an entry whose body does not (a newer build's
/// measure, a damaged period) is reported in `problems` and left out.
pub fn settings(entries: &[Entry], problems: &mut Vec<FieldProblem>) -> Vec<TargetSetting> {
    let mut out = Vec::new();
    for e in entries.iter().filter(|e| e.kind == TARGET_SET) {
        let Some(b) = super::codec::decode_whole::<Body>(e, problems) else { continue };
        let Some(period) = Period::parse(&b.period) else {
            problems.push(FieldProblem {
                record_id: e.id.clone(),
                field: "period".into(),
                reason: super::codec::ProblemReason::Malformed,
                found: b.period.chars().take(40).collect(),
            });
            continue;
        };
        out.push(TargetSetting {
            period,
            measure: b.measure,
            scope: b.scope,
            amount: b.amount,
            reason: b.reason,
            by: e.author.clone(),
            at_ms: e.stamp.wall_ms,
            line: b.line.filter(|l| !l.trim().is_empty()),
        });
    }
    out
}

/// Every target setting the roster lets count, folded.
pub async fn load_targets<S: RecordStore>(s: &S) -> Result<Targets, StorageError> {
    let judge = super::roster::Judge::load(s).await?;
    let entries = judge.entries(s.entries_of_kind(TARGET_SET).await?);
    Ok(Targets::fold(settings(&entries, &mut Vec::new())))
}

/// One setting as an entry (`id` fresh).
pub fn target_change(
    id: &str,
    period: &Period,
    goal: &Goal,
    scope: &Scope,
    amount: i64,
    reason: &str,
    by: &mut Author,
) -> Replica {
    let subject = match &goal.line {
        None => format!("{}|{}", period.code(), goal.measure.code()),
        Some(line) => format!("{}|{}|{line}", period.code(), goal.measure.code()),
    };
    let body = Body {
        period: period.code(),
        measure: goal.measure,
        scope: scope.clone(),
        amount,
        reason: reason.trim().to_owned(),
        line: goal.line.clone(),
    };
    let body = serde_json::to_value(body).unwrap_or(Value::Null);
    entry_change(id, TARGET_SET, &subject, body, by)
}
