//! I7 payout steps on the device: each step recorded done is an immutable entry
//! `incentive.payout_step` — its author is who did it, its stamp when — folded into the
//! month's calendar by [`crate::domain::incentive::payout_progress`]; they are read
//! with the months, through the roster's judge ([`super::incentives::load_incentives`]).
//! Finance's step
//! counts only when finance signed it, every other step only when a manager did
//! (`domain::authority`).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::codec::{FieldProblem, ProblemReason};
use super::customers::{entry_change, Author};
use crate::domain::incentive::{PayoutStep, StepDone, Track};
use crate::domain::kpi::Month;
use crate::record::replica::{Entry, Replica};

pub const PAYOUT_STEP: &str = crate::domain::authority::PAYOUT_STEP;

#[derive(Serialize, Deserialize)]
struct Body {
    month: String,
    track: Track,
    step: PayoutStep,
}

/// The facts of `entries` that read; one that does not (a newer build's step, a damaged
/// month) is reported in `problems` and left out.
pub fn step_facts(entries: &[Entry], problems: &mut Vec<FieldProblem>) -> Vec<StepDone> {
    let mut out = Vec::new();
    for e in entries.iter().filter(|e| e.kind == PAYOUT_STEP) {
        let Some(b) = super::codec::decode_whole::<Body>(e, problems) else { continue };
        let Some(month) = Month::parse(&b.month) else {
            problems.push(FieldProblem {
                record_id: e.id.clone(),
                field: "month".into(),
                reason: ProblemReason::Malformed,
                found: b.month.chars().take(40).collect(),
            });
            continue;
        };
        out.push(StepDone { month, track: b.track, step: b.step, by: e.author.clone(), at_ms: e.stamp.wall_ms });
    }
    out
}

/// One step done as an entry (`id` fresh).
pub fn payout_step_change(id: &str, month: Month, track: Track, step: PayoutStep, by: &mut Author) -> Replica {
    let body = Body { month: month.to_string(), track, step };
    let body = serde_json::to_value(body).unwrap_or(Value::Null);
    entry_change(id, PAYOUT_STEP, &format!("{month}|{}", track_code(track)), body, by)
}

fn track_code(t: Track) -> &'static str {
    match t {
        Track::Stations => "stations",
        Track::Branches => "branches",
    }
}
