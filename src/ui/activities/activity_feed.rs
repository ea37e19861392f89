//! The activity records and the team calendar, read for one page and re-read after every
//! local change and every sync round (a plan approved on another tablet shows up).
//! Activity changes are recorded through the commands (`app::activities`).

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::calendar::TeamCalendar;
use crate::storage::activities::{load_activity_data, ActivityData};
use crate::storage::settings::load_calendar;
use crate::ui::state::load::load;
use crate::ui::state::platform::now_ms;
use crate::ui::state::session::use_db;
use crate::ui::state::sync_ctx::use_sync;

#[derive(Clone, Copy)]
pub struct ActivityFeed {
    pub data: RwSignal<Arc<ActivityData>>,
    pub cal: RwSignal<TeamCalendar>,
    /// When the records were last read: the "now" the page's derived values use.
    pub now: RwSignal<i64>,
    pub loaded: RwSignal<bool>,
    pub error: RwSignal<Option<String>>,
}

/// The page's feed when the page provides one ([`provide_activity_feed`]), else a new one
/// that starts reading; call while a component is built.
pub fn activity_feed() -> ActivityFeed {
    if let Some(f) = use_context::<ActivityFeed>() {
        return f;
    }
    new_feed()
}

/// One feed for every card on a page, so the records are read once per change, not once
/// per card.
pub fn provide_activity_feed() -> ActivityFeed {
    let f = new_feed();
    provide_context(f);
    f
}

fn new_feed() -> ActivityFeed {
    let db = use_db();
    let sync = use_sync();
    let data = RwSignal::new(Arc::new(ActivityData::default()));
    let cal = RwSignal::new(TeamCalendar::default());
    let now = RwSignal::new(now_ms());
    let loading = load(
        move || {
            sync.last_ok_ms.track();
            sync.data_version.track();
            Some(())
        },
        move |()| {
            let db = db.clone();
            async move { Ok((load_activity_data(db.store()).await?, load_calendar(db.store()).await?)) }
        },
        move |(d, c)| {
            data.try_set(Arc::new(d));
            cal.try_set(c);
            now.try_set(now_ms());
        },
    );
    ActivityFeed { data, cal, now, loaded: loading.loaded, error: loading.error }
}

/// K3: the return visits owed after key-account services, read again whenever records
/// change (a local edit or a pull); Today and the customer glance feed them to the
/// cadence engine.
pub fn service_returns_signal() -> RwSignal<Vec<crate::storage::activities::ServiceReturn>> {
    let services = RwSignal::new(Vec::new());
    crate::ui::state::load::load_on_change(
        move |db| async move {
            let data = crate::storage::key_accounts::load_key_accounts(db.store()).await?;
            let cal = crate::storage::settings::load_calendar(db.store()).await?;
            Ok(crate::storage::key_accounts::service_returns(&data, &cal))
        },
        move |v| {
            services.try_set(v);
        },
    );
    services
}
