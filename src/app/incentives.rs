//! Incentive commands (I1–I7): the manager keeps the scheme versions and imports each
//! month's figures; everyone reads the statements, which are computed, never stored.
//! A version a month was computed with is frozen: it is changed by copying it.

use chrono::NaiveDate;

use super::{store, Action, Actor, CommandError};
use crate::domain::incentive::{
    check_editable, check_scheme, copy_scheme, scheme_for, IncentiveError, MonthFigures, Scheme, PRESET_ID,
};
use crate::domain::kpi::Month;
use crate::domain::profile::Role;
use crate::record::replica::Replica;
use crate::storage::incentives::{load_incentives, month_change, scheme_change};
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
