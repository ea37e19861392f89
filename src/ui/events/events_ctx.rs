//! The events context: every event on the device with everything that happened at it,
//! re-read whenever records change (a kiosk's own write or a pull from another tablet),
//! and the kiosk lock (E3) that keeps this tablet on one event until the staff PIN.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::calendar::TeamCalendar;
use crate::domain::pin_attempts::PinAttempts;
use crate::storage::events::{load_events, EventRecord};
use crate::storage::settings::load_calendar;
use crate::ui::state::load::load;
use crate::ui::state::platform::{local_get, local_remove, local_set, now_ms};
use crate::ui::state::session::use_db;
use crate::ui::state::sync_ctx::use_sync;

const KIOSK_KEY: &str = "outpost.kiosk";
/// The event's PIN hash when this tablet entered kiosk mode: it still opens the kiosk
/// if the event's PIN is cleared or the event deleted on another tablet meanwhile.
const KIOSK_PIN_KEY: &str = "outpost.kiosk.pin";
/// Wrong PINs so far ([`PinAttempts`]), so a reload does not reset the back-off.
const KIOSK_ATTEMPTS_KEY: &str = "outpost.kiosk.attempts";

#[derive(Clone, Copy)]
pub struct EventsCtx {
    pub list: RwSignal<Arc<Vec<EventRecord>>>,
    pub loaded: RwSignal<bool>,
    pub error: RwSignal<Option<String>>,
    /// The event this tablet is locked to in kiosk mode; remembered across reloads.
    pub kiosk: RwSignal<Option<String>>,
    /// The wall clock, refreshed every 15 s, for phases (before, running, ended).
    pub now: RwSignal<i64>,
    /// The team calendar: event times read and are typed in the team's time zone.
    pub calendar: RwSignal<TeamCalendar>,
}

impl EventsCtx {
    /// `ms` as a `datetime-local` value in the team's time zone.
    pub fn input_of(&self, ms: i64) -> String {
        self.calendar.with_untracked(|c| c.local_minute(ms))
    }

    /// A `datetime-local` value, read in the team's time zone, as epoch ms; `None` when
    /// empty or not a date and time.
    pub fn instant_of(&self, text: &str) -> Option<i64> {
        self.calendar.with_untracked(|c| c.instant_of_local(text))
    }

    /// A short team-local date and time for lists: `2026-05-01 09:00`.
    pub fn when(&self, ms: i64) -> String {
        self.calendar.with(|c| c.local_minute(ms)).replace('T', " ")
    }

    pub fn get(&self, id: &str) -> Option<EventRecord> {
        self.list.with(|l| l.iter().find(|r| r.event.id == id).cloned())
    }

    pub fn get_untracked(&self, id: &str) -> Option<EventRecord> {
        self.list.with_untracked(|l| l.iter().find(|r| r.event.id == id).cloned())
    }

    /// Locks this tablet to `event`, remembering its PIN hash `pin` as it is now.
    pub fn enter_kiosk(&self, event: &str, pin: &str) {
        local_set(KIOSK_PIN_KEY, pin);
        local_remove(KIOSK_ATTEMPTS_KEY);
        local_set(KIOSK_KEY, event);
        self.kiosk.set(Some(event.to_owned()));
    }

    pub fn leave_kiosk(&self) {
        local_remove(KIOSK_KEY);
        local_remove(KIOSK_PIN_KEY);
        local_remove(KIOSK_ATTEMPTS_KEY);
        self.kiosk.set(None);
    }

    /// The PIN hash remembered when kiosk mode began (empty for a lock from before).
    pub fn entry_pin(&self) -> String {
        local_get(KIOSK_PIN_KEY).unwrap_or_default()
    }

    pub fn pin_attempts(&self) -> PinAttempts {
        local_get(KIOSK_ATTEMPTS_KEY).and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default()
    }

    pub fn set_pin_attempts(&self, a: PinAttempts) {
        local_set(KIOSK_ATTEMPTS_KEY, &serde_json::to_string(&a).unwrap_or_default());
    }
}

/// Loads events when they are shown and after every change; call once, in the shell,
/// after the route is provided.
pub fn provide_events() -> EventsCtx {
    let sync = use_sync();
    let db = use_db();
    let list = RwSignal::new(Arc::new(Vec::new()));
    let kiosk = RwSignal::new(local_get(KIOSK_KEY));
    let calendar = RwSignal::new(TeamCalendar::default());
    // Read only while events are on screen (the events page or a kiosk): a rep editing
    // customers all day should not pay for re-reading event entries after every edit.
    let route = crate::ui::state::route::use_route();
    let loading = load(
        move || {
            if route.0.get() != crate::ui::state::route::Page::Events && kiosk.get().is_none() {
                return None;
            }
            sync.data_version.track();
            Some(())
        },
        move |()| {
            let db = db.clone();
            async move { Ok((load_events(db.store()).await?, load_calendar(db.store()).await?)) }
        },
        move |(v, cal)| {
            list.try_set(Arc::new(v));
            if calendar.try_get_untracked().is_some_and(|c| c != cal) {
                calendar.try_set(cal);
            }
        },
    );
    let ctx =
        EventsCtx { list, loaded: loading.loaded, error: loading.error, kiosk, now: RwSignal::new(now_ms()), calendar };
    let handle = set_interval_with_handle(move || _ = ctx.now.try_set(now_ms()), std::time::Duration::from_secs(15));
    on_cleanup(move || {
        if let Ok(h) = handle {
            h.clear();
        }
    });
    provide_context(ctx);
    ctx
}

pub fn use_events() -> EventsCtx {
    expect_context::<EventsCtx>()
}
