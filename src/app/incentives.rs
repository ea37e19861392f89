//! Incentive commands (I1–I7): the manager keeps the scheme versions and imports each
//! month's figures (from a file, or one station by hand); everyone reads the statements,
//! which are computed, never stored. A version a month was computed with is frozen: it
//! is changed by copying it. The payout steps (I7) are recorded done one by one, each by
//! its role, in the calendar's order.

use chrono::NaiveDate;

use super::{store, Action, Actor, CommandError};
use crate::domain::incentive::{
    check_editable, check_next, check_scheme, copy_scheme, put_station, scheme_for, step_role, BranchFigures,
    IncentiveError, MonthFigures, PayoutStep, Scheme, StationFigures, StepState, Track, PRESET_ID,
};
use crate::domain::kpi::Month;
use crate::domain::profile::Role;
use crate::record::replica::Replica;
use crate::storage::incentives::{load_incentives, month_change, scheme_change};
use crate::storage::payout_steps::payout_step_change;
use crate::storage::RecordStore;

impl From<IncentiveError> for CommandError {
    fn from(e: IncentiveError) -> Self {
        CommandError::rule(e)
    }
}

/// Schemes are the manager's.
pub fn can_edit_schemes(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// A month's figures are imported by the manager.
pub fn can_import_figures(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// Saves a changed scheme version: checked, and refused when it is the preset or a
/// month has been computed with it (copy it instead).
pub async fn save_scheme<S: RecordStore>(s: &S, actor: &Actor, scheme: &Scheme) -> Result<Replica, CommandError> {
    actor.allow(Action::EditIncentiveScheme, can_edit_schemes(actor))?;
    if scheme.id == PRESET_ID {
        return Err(CommandError::rule(IncentiveError::Preset));
    }
    check_scheme(scheme).map_err(CommandError::rule)?;
    let data = load_incentives(s).await?;
    check_editable(&scheme.id, &data.computed_months()).map_err(CommandError::rule)?;
    let old = data.scheme(&scheme.id);
    store(s, actor, |by| scheme_change(old, scheme, by).ok_or(super::RuleError::Unchanged.into())).await
}

/// Copies version `from` to a new version valid from `valid_from`; answers its id.
pub async fn copy_scheme_version<S: RecordStore>(
    s: &S,
    actor: &Actor,
    from: &str,
    valid_from: NaiveDate,
) -> Result<(Replica, String), CommandError> {
    actor.allow(Action::EditIncentiveScheme, can_edit_schemes(actor))?;
    let data = load_incentives(s).await?;
    let source = data.scheme(from).ok_or_else(|| CommandError::rule(IncentiveError::UnknownScheme(from.to_owned())))?;
    let copy = copy_scheme(source, &actor.id(), valid_from);
    let id = copy.id.clone();
    let change = store(s, actor, |by| scheme_change(None, &copy, by).ok_or(super::RuleError::Unchanged.into())).await?;
    Ok((change, id))
}

/// Stores a month's figures, computed with `scheme_id` — or, when `None`, the version
/// the month already records, else the latest version covering the month. Recording
/// the version freezes it. Figures without a station are refused.
pub async fn import_month<S: RecordStore>(
    s: &S,
    actor: &Actor,
    month: Month,
    scheme_id: Option<&str>,
    figures: &MonthFigures,
    file_name: &str,
) -> Result<Replica, CommandError> {
    actor.allow(Action::ImportIncentiveFigures, can_import_figures(actor))?;
    if figures.stations.is_empty() {
        return Err(CommandError::rule(IncentiveError::NoStations));
    }
    let data = load_incentives(s).await?;
    let key = month.to_string();
    let old = data.month(&key);
    let first_day = NaiveDate::from_ymd_opt(month.year, month.month, 1).ok_or(IncentiveError::Month)?;
    // A month imported again keeps the version (as it kept it) it was first computed with.
    let kept = old.filter(|m| scheme_id.is_none_or(|id| id == m.scheme_id)).and_then(|m| data.scheme_of(m));
    let scheme = match (kept, scheme_id) {
        (Some(s), _) => s,
        (None, Some(id)) => data.scheme(id).ok_or_else(|| IncentiveError::UnknownScheme(id.to_owned()))?,
        (None, None) => scheme_for(&data.schemes, first_day).ok_or(IncentiveError::NoScheme)?,
    };
    store(s, actor, |by| {
        month_change(old, &key, scheme, figures, file_name, by).ok_or(super::RuleError::Unchanged.into())
    })
    .await
}

/// I7: whether the actor may record `step` done now: it needs the step's role, and it
/// is the next open step of its track.
pub fn can_mark_step(actor: &Actor, step: &StepState) -> bool {
    actor.is(&[step.role]) && step.next && step.done.is_none()
}

/// I7: records `step` of `track` done for `month`'s payout. Refused for another role
/// than the step's, for a month without figures, for a step done already, and for a
/// step whose earlier steps in the track are not done yet.
pub async fn mark_payout_step<S: RecordStore>(
    s: &S,
    actor: &Actor,
    month: Month,
    track: Track,
    step: PayoutStep,
) -> Result<Replica, CommandError> {
    actor.allow(Action::MarkPayoutStep, actor.is(&[step_role(step)]))?;
    let data = load_incentives(s).await?;
    if data.month(&month.to_string()).is_none() {
        return Err(IncentiveError::NoFigures.into());
    }
    // Only the order matters here, not what is overdue.
    let today = chrono::DateTime::from_timestamp_millis(actor.now_ms).map(|d| d.date_naive()).unwrap_or_default();
    let steps = data.payout(month, today);
    check_next(&steps, track, step)?;
    let id = actor.id();
    store(s, actor, |by| Ok(payout_step_change(&id, month, track, step, by))).await
}

/// Adds one station's figures to `month` by hand, or replaces station `replaces` (its
/// code before the edit), through the same path as an import: the month keeps its
/// scheme version and file name. The first station of a month starts it.
pub async fn save_station<S: RecordStore>(
    s: &S,
    actor: &Actor,
    month: Month,
    station: StationFigures,
    branch: BranchFigures,
    replaces: Option<&str>,
) -> Result<Replica, CommandError> {
    actor.allow(Action::ImportIncentiveFigures, can_import_figures(actor))?;
    let data = load_incentives(s).await?;
    let old = data.month(&month.to_string());
    let figures = old.map(|m| m.figures.clone()).unwrap_or_default();
    let file_name = old.map(|m| m.file_name.clone()).unwrap_or_default();
    let figures = put_station(&figures, station, branch, replaces)?;
    import_month(s, actor, month, None, &figures, &file_name).await
}

/// I7: the texts of the "amounts sent" step are for whoever sends them, the step's role.
pub fn can_send_amounts(actor: &Actor, step: &StepState) -> bool {
    step.step == PayoutStep::AmountsSent && actor.is(&[step.role])
}
