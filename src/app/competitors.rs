//! Competitor files (seed 002 同類產品檔案): the sales side (rep, manager) records and
//! corrects what it sees of competitors' products at a customer or in a region; the
//! same roles are required of every synced edit (`domain::authority`).

use super::{store, Action, Actor, CommandError, RuleError};
use crate::domain::authority::COMPETITOR;
use crate::domain::competitor::Sighting;
use crate::domain::profile::Role;
use crate::record::replica::Replica;
use crate::storage::competitors::{doc_change, load_sightings};
use crate::storage::settings::load_calendar;
use crate::storage::RecordStore;

/// Reps and managers keep the competitor files.
pub fn can_record_competitor(actor: &Actor) -> bool {
    actor.is(&[Role::Rep, Role::Manager])
}

/// Saves a sighting: a new one when `id` is `None`, else the fields changed since it
/// was stored. Checked: a competitor, a product, a customer or a region, a price not
/// below zero, a day not after today (team calendar).
pub async fn save_sighting<S: RecordStore>(
    s: &S,
    actor: &Actor,
    id: Option<&str>,
    sighting: &Sighting,
) -> Result<Replica, CommandError> {
    actor.allow(Action::RecordCompetitor, can_record_competitor(actor))?;
    let today = load_calendar(s).await?.local_date(actor.now_ms);
    let new = sighting.clone().tidied();
    new.check(today).map_err(CommandError::rule)?;
    let (id, old) = match id {
        Some(id) => {
            let old = load_sightings(s).await?.into_iter().find(|x| x.id == id);
            (id.to_owned(), Some(old.ok_or(RuleError::NotFound("competitor"))?))
        }
        None => (format!("cs:{}", actor.id()), None),
    };
    let new = Sighting { id: id.clone(), ..new };
    store(s, actor, |by| doc_change(&id, COMPETITOR, old.as_ref(), &new, by).ok_or(RuleError::Unchanged.into())).await
}
