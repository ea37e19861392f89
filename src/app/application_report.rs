//! The application status report (A1, seed 003 职责五): a rep's own applications, or
//! the team's for a manager, folded from the application records.

use super::reports::can_see_team;
use super::Actor;
use crate::domain::application::KpiTargets;
use crate::domain::application_report::{status_report, StatusReport};
use crate::domain::target::Period;
use crate::storage::applications::load_applications;
use crate::storage::settings::load_calendar;
use crate::storage::{RecordStore, StorageError};

/// A1: the status report of `period` on the actor's `now_ms`, late past the team's
/// review limit.
pub async fn application_status<S: RecordStore>(
    s: &S,
    actor: &Actor,
    period: Period,
) -> Result<StatusReport, StorageError> {
    let cal = load_calendar(s).await?;
    let data = load_applications(s).await?;
    let team = can_see_team(actor);
    let apps: Vec<_> = data.applications.into_iter().filter(|a| team || a.rep == actor.profile).collect();
    let max = KpiTargets::default().review_max_working_days;
    Ok(status_report(&apps, &data.checklists, &cal, actor.now_ms, &period, max))
}
