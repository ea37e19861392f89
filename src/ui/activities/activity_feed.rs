//! The activity records and the team calendar, read for one page and re-read after every
//! local change and every sync round (a plan approved on another tablet shows up); and
//! a writer that records activity changes as the current profile.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::calendar::TeamCalendar;
use crate::record::replica::Replica;
use crate::storage::activities::{load_activity_data, ActivityData};
use crate::storage::customers::Author;
use crate::storage::settings::load_calendar;
use crate::storage::StorageError;
use crate::ui::state::edit::record_change;
use crate::ui::state::platform::now_ms;
use crate::ui::state::session::{use_db, use_session, Db, Session};
use crate::ui::state::sync_ctx::{use_sync, SyncCtx};

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
    let feed = ActivityFeed {
        data: RwSignal::new(Arc::new(ActivityData::default())),
        cal: RwSignal::new(TeamCalendar::default()),
        now: RwSignal::new(now_ms()),
        loaded: RwSignal::new(false),
        error: RwSignal::new(None),
    };
    // A slow older read never overwrites a newer one.
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        sync.data_version.track();
        sync.last_ok_ms.track();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        let db = db.clone();
        leptos::task::spawn_local(async move {
            let r = async {
                Ok::<_, StorageError>((load_activity_data(db.store()).await?, load_calendar(db.store()).await?))
            }
            .await;
            if generation.try_get_value() != Some(mine) {
                return;
            }
            match r {
                Ok((d, c)) => {
                    feed.data.set(Arc::new(d));
                    feed.cal.set(c);
                    feed.now.set(now_ms());
                    feed.loaded.set(true);
                    feed.error.set(None);
                }
                Err(e) => feed.error.set(Some(e.to_string())),
            }
        });
    });
    feed
}

/// Writes activity records as the current profile; made while the component is built,
/// used from event handlers.
#[derive(Clone)]
pub struct ActivityWriter {
    db: Db,
    sync: SyncCtx,
    session: Session,
}

impl ActivityWriter {
    pub fn new() -> Self {
        Self { db: use_db(), sync: use_sync(), session: use_session() }
    }

    pub fn me(&self) -> String {
        self.session.current.get_untracked().unwrap_or_default()
    }

    pub fn write(
        &self,
        build: impl FnOnce(&mut Author) -> Result<Replica, StorageError> + 'static,
        done: impl FnOnce(Result<(), String>) + 'static,
    ) {
        let (db, sync) = (self.db.clone(), self.sync);
        let author = self.me();
        leptos::task::spawn_local(async move {
            let mut failed = None;
            let r = record_change(&db, sync, |clock| {
                let mut by = Author { profile: &author, clock, now_ms: now_ms() };
                build(&mut by).unwrap_or_else(|e| {
                    failed = Some(e.to_string());
                    Replica::default()
                })
            })
            .await;
            done(match (r, failed) {
                (Err(e), _) => Err(e.to_string()),
                (_, Some(e)) => Err(e),
                _ => Ok(()),
            });
        });
    }
}

impl Default for ActivityWriter {
    fn default() -> Self {
        Self::new()
    }
}
