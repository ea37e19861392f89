//! Team settings commands: the pool and tier rules (P1, P3, P8, C3), the working-day
//! calendar, the source and segment lists (C5), the A2 monthly new-account target —
//! the O2 reminder lead time, the P7 rep capacities — all the manager's, synced to every
//! tablet. (Cadence and quotas, V6/V7:
//! [`super::activities::save_activity_rules`].)

use super::{store, Action, Actor, CommandError, RuleError};
use crate::domain::calendar::TeamCalendar;
use crate::domain::collection::CollectionSettings;
use crate::domain::distribution::MAX_CAPACITY;
use crate::domain::pool::PoolSettings;
use crate::domain::profile::Role;
use crate::domain::team_rules::check_rules;
use crate::domain::tier::TierSettings;
use crate::record::replica::Replica;
use crate::storage::capacities::{capacities_change, load_capacities, Capacities};
use crate::storage::collection::{collection_change, load_collection};
use crate::storage::kpi::{kpi_settings_change, load_kpi_settings, KpiSettings};
use crate::storage::settings::{calendar_change, load_calendar};
use crate::storage::team_lists::{load_team_lists, team_lists_change, TeamLists};
use crate::storage::team_rules::{load_rules, rules_change};
use crate::storage::RecordStore;

/// The team's settings are the manager's.
pub fn can_edit_team_settings(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// P1, P3, P8 and C3: the manager saves the pool and tier rules, checked first.
pub async fn save_team_rules<S: RecordStore>(
    s: &S,
    actor: &Actor,
    rules: &(PoolSettings, TierSettings),
) -> Result<Replica, CommandError> {
    actor.allow(Action::SaveTeamRules, can_edit_team_settings(actor))?;
    check_rules(&rules.0, &rules.1).map_err(RuleError::TeamRules)?;
    let old = load_rules(s).await?;
    store(s, actor, |by| rules_change(&old, rules, by).ok_or(RuleError::Unchanged.into())).await
}

/// The manager saves the team's working-day calendar (time zone, holidays, make-up days).
pub async fn save_calendar<S: RecordStore>(s: &S, actor: &Actor, cal: &TeamCalendar) -> Result<Replica, CommandError> {
    actor.allow(Action::SaveCalendar, can_edit_team_settings(actor))?;
    let old = load_calendar(s).await?;
    store(s, actor, |by| calendar_change(&old, cal, by).ok_or(RuleError::Unchanged.into())).await
}

/// C5: the manager saves the team's source and segment lists.
pub async fn save_team_lists<S: RecordStore>(s: &S, actor: &Actor, lists: &TeamLists) -> Result<Replica, CommandError> {
    actor.allow(Action::SaveTeamLists, can_edit_team_settings(actor))?;
    let old = load_team_lists(s).await?;
    store(s, actor, |by| team_lists_change(&old, lists, by).ok_or(RuleError::Unchanged.into())).await
}

/// A2: the manager sets the monthly new-account target per rep.
pub async fn save_kpi_target<S: RecordStore>(
    s: &S,
    actor: &Actor,
    settings: KpiSettings,
) -> Result<Replica, CommandError> {
    actor.allow(Action::SaveKpiTarget, can_edit_team_settings(actor))?;
    let old = load_kpi_settings(s).await?;
    store(s, actor, |by| kpi_settings_change(&old, &settings, by).ok_or(RuleError::Unchanged.into())).await
}

/// O2: the manager sets how many days before a due date the reminders start.
pub async fn save_collection_settings<S: RecordStore>(
    s: &S,
    actor: &Actor,
    settings: CollectionSettings,
) -> Result<Replica, CommandError> {
    actor.allow(Action::SaveCollectionSettings, can_edit_team_settings(actor))?;
    settings.check().map_err(RuleError::Collection)?;
    let old = load_collection(s).await?;
    store(s, actor, |by| collection_change(&old, &settings, by).ok_or(RuleError::Unchanged.into())).await
}

/// P7: the manager sets reps' capacities; only the reps named in `new` change.
pub async fn save_capacities<S: RecordStore>(s: &S, actor: &Actor, new: &Capacities) -> Result<Replica, CommandError> {
    actor.allow(Action::SaveCapacities, can_edit_team_settings(actor))?;
    if new.0.values().any(|c| *c > MAX_CAPACITY) {
        return Err(RuleError::Capacity(MAX_CAPACITY).into());
    }
    let old = load_capacities(s).await?;
    let mut merged = old.clone();
    merged.0.extend(new.0.iter().map(|(r, c)| (r.clone(), *c)));
    store(s, actor, |by| capacities_change(&old, &merged, by).ok_or(RuleError::Unchanged.into())).await
}

/// P7: capacities this device kept before they were a team setting (one device's
/// storage), taken once: only reps the team has no capacity for yet, so an older local
/// value never overwrites what a manager has since set for the team.
pub async fn migrate_local_capacities<S: RecordStore>(
    s: &S,
    actor: &Actor,
    local: &Capacities,
) -> Result<Replica, CommandError> {
    let stored = load_capacities(s).await?;
    let missing =
        Capacities(local.0.iter().filter(|(r, _)| !stored.0.contains_key(*r)).map(|(r, c)| (r.clone(), *c)).collect());
    save_capacities(s, actor, &missing).await
}
