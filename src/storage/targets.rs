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
use chrono::NaiveDate;

use crate::domain::target::{Goal, Measure, Period, Scope, Tally, TargetSetting, Targets};
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
    /// T3: a product line's sales target (absent: every line), or a count's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    of: Option<String>,
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
            of: b.of.filter(|l| !l.trim().is_empty()),
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
    let subject = match &goal.of {
        None => format!("{}|{}", period.code(), goal.measure.code()),
        Some(line) => format!("{}|{}|{line}", period.code(), goal.measure.code()),
    };
    let body = Body {
        period: period.code(),
        measure: goal.measure,
        scope: scope.clone(),
        amount,
        reason: reason.trim().to_owned(),
        of: goal.of.clone(),
    };
    let body = serde_json::to_value(body).unwrap_or(Value::Null);
    entry_change(id, TARGET_SET, &subject, body, by)
}

/// A count a rep logged against one of the team's counts (T1): the entry's author is the
/// rep, so a rep's tally is theirs alone; anyone in the team may log their own.
pub const TARGET_TALLY: &str = "target.tally";

#[derive(Serialize, Deserialize)]
struct TallyBody {
    name: String,
    day: NaiveDate,
    count: i64,
    #[serde(default)]
    note: String,
}

/// The tallies of `entries` that read; one that does not is reported and left out.
pub fn tallies(entries: &[Entry], problems: &mut Vec<FieldProblem>) -> Vec<Tally> {
    entries
        .iter()
        .filter(|e| e.kind == TARGET_TALLY)
        .filter_map(|e| super::codec::decode_whole::<TallyBody>(e, problems).map(|b| (e, b)))
        .map(|(e, b)| Tally { rep: e.author.clone(), name: b.name, day: b.day, count: b.count })
        .collect()
}

/// Every tally the roster lets count.
pub async fn load_tallies<S: RecordStore>(s: &S) -> Result<Vec<Tally>, StorageError> {
    let judge = super::roster::Judge::load(s).await?;
    let entries = judge.entries(s.entries_of_kind(TARGET_TALLY).await?);
    Ok(tallies(&entries, &mut Vec::new()))
}

/// One tally as an entry (`id` fresh), about the count it adds to.
pub fn tally_change(id: &str, name: &str, day: NaiveDate, count: i64, note: &str, by: &mut Author) -> Replica {
    let body = TallyBody { name: name.to_owned(), day, count, note: note.trim().to_owned() };
    entry_change(id, TARGET_TALLY, name, serde_json::to_value(body).unwrap_or(Value::Null), by)
}
