//! E2 materials kit commands: the event's organiser, a manager or event staff plan the
//! kit (who prepares what by when); the person an item is for, or a planner, ticks it.

use super::{store, Action, Actor, CommandError, RuleError};
use crate::domain::event_kit::KitItem;
use crate::domain::profile::Role;
use crate::record::replica::Replica;
use crate::storage::event_kit::{kit_item_change, kit_item_removed, load_kit_items};
use crate::storage::events::load_events;
use crate::storage::people::load_people;
use crate::storage::RecordStore;

/// E2: the event's keeper (`Event::keeper`, its creator), a manager or event staff
/// plan its kit.
pub fn can_plan_kit(actor: &Actor, keeper: &str) -> bool {
    actor.profile == keeper || actor.is(&[Role::Manager, Role::EventStaff])
}

/// E2: an item is ticked by whoever prepares it, or by a planner.
pub fn can_tick_kit(actor: &Actor, keeper: &str, item: &KitItem) -> bool {
    actor.profile == item.who || can_plan_kit(actor, keeper)
}

async fn organiser_of<S: RecordStore>(s: &S, event: &str) -> Result<String, CommandError> {
    let events = load_events(s).await?;
    let ev = events.iter().find(|r| r.event.id == event).ok_or(RuleError::NotFound("event"))?;
    Ok(ev.event.keeper().to_owned())
}

async fn stored_item<S: RecordStore>(s: &S, id: &str) -> Result<Option<KitItem>, CommandError> {
    Ok(load_kit_items(s).await?.into_iter().find(|i| i.id == id))
}

/// E2: adds or edits a kit item; the person named must be on the team. Only the fields
/// that differ from `base` — the item as the form was opened on, else as stored — are
/// stamped, so an item ticked on another tablet meanwhile stays ticked.
pub async fn save_kit_item<S: RecordStore>(
    s: &S,
    actor: &Actor,
    base: Option<&KitItem>,
    item: &KitItem,
) -> Result<Replica, CommandError> {
    let organiser = organiser_of(s, &item.event).await?;
    actor.allow(Action::PlanKit, can_plan_kit(actor, &organiser))?;
    let item = KitItem { what: item.what.trim().to_owned(), ..item.clone() };
    item.check().map_err(RuleError::Kit)?;
    if !load_people(s).await?.iter().any(|p| p.id == item.who) {
        return Err(RuleError::NotFound("person").into());
    }
    let stored = stored_item(s, &item.id).await?;
    if stored.as_ref().is_some_and(|o| o.event != item.event) {
        return Err(RuleError::NotFound("kit item").into());
    }
    let base = base.or(stored.as_ref());
    store(s, actor, |by| kit_item_change(base, &item, by).ok_or(RuleError::Unchanged.into())).await
}

/// E2: marks an item prepared (or not yet).
pub async fn tick_kit_item<S: RecordStore>(
    s: &S,
    actor: &Actor,
    id: &str,
    done: bool,
) -> Result<Replica, CommandError> {
    let old = stored_item(s, id).await?.ok_or(RuleError::NotFound("kit item"))?;
    let organiser = organiser_of(s, &old.event).await?;
    actor.allow(Action::TickKit, can_tick_kit(actor, &organiser, &old))?;
    let new = KitItem { done, ..old.clone() };
    store(s, actor, |by| kit_item_change(Some(&old), &new, by).ok_or(RuleError::Unchanged.into())).await
}

/// E2: removes an item from the kit.
pub async fn remove_kit_item<S: RecordStore>(s: &S, actor: &Actor, id: &str) -> Result<Replica, CommandError> {
    let old = stored_item(s, id).await?.ok_or(RuleError::NotFound("kit item"))?;
    let organiser = organiser_of(s, &old.event).await?;
    actor.allow(Action::PlanKit, can_plan_kit(actor, &organiser))?;
    store(s, actor, |by| Ok(kit_item_removed(id, by))).await
}
