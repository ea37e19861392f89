//! Training records (seed 003 职责六): a rep records the trainings they attended, a
//! manager records them for any rep of the team; the manager sees the team's hours per
//! period, a rep their own.

use super::reports::can_see_team;
use super::{store, Action, Actor, CommandError, RuleError};
use crate::domain::profile::Role;
use crate::domain::target::Period;
use crate::domain::training::{hours_per_rep, Training};
use crate::record::replica::Replica;
use crate::storage::people::load_people;
use crate::storage::settings::load_calendar;
use crate::storage::trainings::{load_trainings, training_change, TrainingEntry};
use crate::storage::{RecordStore, StorageError};

/// Seed 003: a rep records their own trainings; a manager records anyone's.
pub fn can_record_training(actor: &Actor, rep: &str) -> bool {
    actor.is(&[Role::Manager]) || (actor.is(&[Role::Rep]) && actor.profile == rep)
}

/// Seed 003 职责六: records a training `t.rep` attended.
pub async fn record_training<S: RecordStore>(s: &S, actor: &Actor, t: &Training) -> Result<Replica, CommandError> {
    actor.allow(Action::RecordTraining, can_record_training(actor, &t.rep))?;
    if actor.profile != t.rep && !load_people(s).await?.iter().any(|p| p.id == t.rep && p.role == Role::Rep) {
        return Err(RuleError::NotARep(t.rep.clone()).into());
    }
    let cal = load_calendar(s).await?;
    t.check(cal.local_date(actor.now_ms)).map_err(CommandError::rule)?;
    let id = format!("tr:{}", actor.id());
    store(s, actor, |by| Ok(training_change(&id, t, by))).await
}

/// The trainings of a period and minutes per rep.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrainingSheet {
    pub records: Vec<TrainingEntry>,
    /// `(rep, minutes)`, by rep.
    pub minutes: Vec<(String, i64)>,
}

/// The trainings in `period`: the team's for a manager, the actor's own for a rep.
pub async fn training_sheet<S: RecordStore>(
    s: &S,
    actor: &Actor,
    period: Period,
) -> Result<TrainingSheet, StorageError> {
    let team = can_see_team(actor);
    let records: Vec<TrainingEntry> = load_trainings(s)
        .await?
        .into_iter()
        .filter(|t| period.contains(t.training.day) && (team || t.training.rep == actor.profile))
        .collect();
    let all: Vec<Training> = records.iter().map(|t| t.training.clone()).collect();
    Ok(TrainingSheet { minutes: hours_per_rep(&all, &period).into_iter().collect(), records })
}
