//! Target commands and the target board (T1–T3, V7): only a manager sets, adjusts or
//! splits targets, each with its reason kept; the manager sees every rep side by side
//! with the team, a rep sees their own row.

use super::reports::{can_see_team, is_reported};
use super::{store, Action, Actor, CommandError, RuleError};
use chrono::NaiveDate;

use crate::domain::application::ApplicationStatus;
use crate::domain::calendar::TeamCalendar;
use crate::domain::pool::FactKind;
use crate::domain::profile::Role;
use crate::domain::target::{
    check_setting, share_by_line, split_per_head, standing_for, Goal, LineSale, Measure, PaidFact, Period, Progress,
    Scope, TargetError, TargetFacts, TargetSetting,
};
use crate::record::replica::Replica;
use crate::storage::activities::load_activity_data;
use crate::storage::applications::load_applications;
use crate::storage::customers::{join, load_customers};
use crate::storage::orders::load_orders;
use crate::storage::people::load_people;
use crate::storage::settings::load_calendar;
use crate::storage::targets::{load_tallies, load_targets, tally_change, target_change};
use crate::storage::team_lists::load_team_lists;
use crate::storage::{RecordStore, StorageError};

/// T1/T3: the manager sets and adjusts the team's and each rep's targets.
pub fn can_set_targets(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// T1/T2: sets or adjusts one target; a change of an existing target needs its reason.
pub async fn set_target<S: RecordStore>(
    s: &S,
    actor: &Actor,
    period: Period,
    measure: Measure,
    scope: Scope,
    amount: i64,
    reason: &str,
) -> Result<Replica, CommandError> {
    set_target_for(s, actor, period, &Goal::all(measure), scope, amount, reason).await
}

/// [`set_target`] of any goal: a measure, or one product line's sales (T3).
pub async fn set_target_for<S: RecordStore>(
    s: &S,
    actor: &Actor,
    period: Period,
    goal: &Goal,
    scope: Scope,
    amount: i64,
    reason: &str,
) -> Result<Replica, CommandError> {
    actor.allow(Action::SetTarget, can_set_targets(actor))?;
    let targets = load_targets(s).await?;
    let setting = TargetSetting {
        period,
        measure: goal.measure,
        scope: scope.clone(),
        amount,
        reason: reason.trim().to_owned(),
        by: actor.profile.clone(),
        at_ms: actor.now_ms,
        of: goal.of.clone(),
    };
    check_setting(&targets, &setting).map_err(CommandError::rule)?;
    if targets.current_for(&period, goal, &scope).is_some_and(|c| c.amount == amount) {
        return Err(RuleError::Unchanged.into());
    }
    let id = actor.id();
    store(s, actor, |by| Ok(target_change(&id, &period, goal, &scope, amount, reason, by))).await
}

/// T3: splits the team target of `period` and `measure` evenly between the team's reps
/// (by name), each part a setting of its own with `reason`, so every rep's target can
/// then be adjusted by hand.
pub async fn split_team_target<S: RecordStore>(
    s: &S,
    actor: &Actor,
    period: Period,
    measure: Measure,
    reason: &str,
) -> Result<Replica, CommandError> {
    split_team_target_for(s, actor, period, &Goal::all(measure), reason).await
}

/// [`split_team_target`] of any goal (a product line's sales too).
pub async fn split_team_target_for<S: RecordStore>(
    s: &S,
    actor: &Actor,
    period: Period,
    goal: &Goal,
    reason: &str,
) -> Result<Replica, CommandError> {
    actor.allow(Action::SetTarget, can_set_targets(actor))?;
    let targets = load_targets(s).await?;
    let team = targets.current_for(&period, goal, &Scope::Team).ok_or(RuleError::Target(TargetError::NoTeamTarget))?;
    let mut reps: Vec<_> = load_people(s).await?.into_iter().filter(|p| is_reported(p) && !p.departing).collect();
    reps.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
    let ids: Vec<String> = reps.into_iter().map(|p| p.id).collect();
    if ids.is_empty() {
        return Err(RuleError::Target(TargetError::NoReps).into());
    }
    let parts = split_per_head(team.amount, &ids);
    let entry_ids: Vec<String> = parts.iter().map(|_| actor.id()).collect();
    store(s, actor, |by| {
        let changes = parts
            .iter()
            .zip(&entry_ids)
            .map(|((rep, amount), id)| target_change(id, &period, goal, &Scope::Rep(rep.clone()), *amount, reason, by));
        Ok(join(changes.collect::<Vec<_>>()))
    })
    .await
}

/// T1: anyone in the team logs their own count against one of the team's counts —
/// a whole number, not zero (a negative one corrects an earlier tally), for a day that
/// is not in the future.
pub async fn log_count<S: RecordStore>(
    s: &S,
    actor: &Actor,
    name: &str,
    day: NaiveDate,
    count: i64,
    note: &str,
) -> Result<Replica, CommandError> {
    actor.allow(Action::LogCount, true)?;
    let lists = load_team_lists(s).await?;
    if !lists.counts.iter().any(|c| c == name) {
        return Err(RuleError::Target(TargetError::NoCountName).into());
    }
    let cal = load_calendar(s).await?;
    if count == 0 || day > cal.local_date(actor.now_ms) {
        return Err(RuleError::Target(TargetError::BadTally).into());
    }
    let id = actor.id();
    store(s, actor, |by| Ok(tally_change(&id, name, day, count, note, by))).await
}

/// The results targets are measured against, from the records the roster lets count:
/// finance-confirmed payments and releases from the customers' facts, and activities.
pub async fn target_facts<S: RecordStore>(s: &S, cal: &TeamCalendar) -> Result<TargetFacts, StorageError> {
    let mut facts = TargetFacts::default();
    for c in load_customers(s).await? {
        for f in c.facts {
            match f.kind {
                FactKind::Payment { rep, amount_fen, paid_on, .. } => {
                    facts.payments.push(PaidFact { customer: c.id.clone(), rep, amount_fen, paid_on })
                }
                FactKind::Release { rep, .. } => facts.releases.push((rep, cal.local_date(f.stamp.wall_ms))),
                _ => {}
            }
        }
    }
    for a in load_activity_data(s).await?.activities {
        facts.activities.push((a.rep.clone(), a.kind, cal.local_date(a.at_ms)));
    }
    facts.tallies = load_tallies(s).await?;
    // A1: an application counts once, on the day it first went to review.
    for a in load_applications(s).await?.applications {
        let first = a.history.iter().find(|c| c.status == ApplicationStatus::Submitted);
        if let Some(c) = first {
            facts.applications.push((a.rep.clone(), cal.local_date(c.at_ms)));
        }
    }
    // T3: each confirmed payment as applied to an order, shared over its product lines.
    let orders = load_orders(s).await?;
    for a in orders.ledger().applied {
        let lines: Vec<(String, i64)> = orders
            .order(&a.order_id)
            .map(|o| {
                o.order
                    .lines
                    .iter()
                    .map(|l| {
                        let line = orders.product(&l.product_id).map(|p| p.line.clone()).unwrap_or_default();
                        (line, l.totals().map_or(0, |t| t.net_fen))
                    })
                    .collect()
            })
            .unwrap_or_default();
        for (line, amount_fen) in share_by_line(a.amount_fen, &lines) {
            facts.line_sales.push(LineSale { rep: a.rep.clone(), line, amount_fen, paid_on: a.paid_on });
        }
    }
    Ok(facts)
}

/// One row of the board: whose, their current target (if set) and progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardRow {
    pub scope: Scope,
    pub target: Option<TargetSetting>,
    pub progress: Progress,
}

/// T2: expectation against result for `period` and `measure` on the actor's `now_ms`:
/// the team and every rep for a manager, the actor's own row for a rep.
pub async fn target_board<S: RecordStore>(
    s: &S,
    actor: &Actor,
    period: Period,
    measure: Measure,
) -> Result<Vec<BoardRow>, StorageError> {
    target_board_for(s, actor, period, &Goal::all(measure)).await
}

/// [`target_board`] of any goal (one product line's sales too).
pub async fn target_board_for<S: RecordStore>(
    s: &S,
    actor: &Actor,
    period: Period,
    goal: &Goal,
) -> Result<Vec<BoardRow>, StorageError> {
    let cal = load_calendar(s).await?;
    let targets = load_targets(s).await?;
    let facts = target_facts(s, &cal).await?;
    let today = cal.local_date(actor.now_ms);
    let scopes: Vec<Scope> = if can_see_team(actor) {
        let mut reps: Vec<_> = load_people(s).await?.into_iter().filter(is_reported).collect();
        reps.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
        std::iter::once(Scope::Team).chain(reps.into_iter().map(|p| Scope::Rep(p.id))).collect()
    } else {
        vec![Scope::Rep(actor.profile.clone())]
    };
    Ok(scopes
        .into_iter()
        .map(|scope| {
            let (target, progress) = standing_for(&targets, &facts, &period, goal, &scope, today, &cal);
            BoardRow { target: target.cloned(), scope, progress }
        })
        .collect())
}
