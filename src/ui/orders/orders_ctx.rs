//! The orders context: products, orders, slips and payments on the device (O1–O4),
//! with the team calendar for "today", reloaded after every local change and every
//! pull so a confirmation made on another tablet shows up here.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::calendar::TeamCalendar;
use crate::record::replica::Replica;
use crate::storage::customers::Author;
use crate::storage::orders::{load_orders, OrdersData};
use crate::ui::state::edit::record_change;
use crate::ui::state::platform::{new_id, now_ms};
use crate::ui::state::session::{use_db, use_session, Db, Session};
use crate::ui::state::sync_ctx::{use_sync, SyncCtx};

/// O2: reminders start this many days before an instalment is due.
pub const REMIND_DAYS: u32 = 7;

#[derive(Clone, Copy)]
pub struct OrdersCtx {
    pub data: RwSignal<Arc<OrdersData>>,
    pub calendar: RwSignal<TeamCalendar>,
    pub loaded: RwSignal<bool>,
    pub error: RwSignal<Option<String>>,
}

impl OrdersCtx {
    /// Today in the team's time zone.
    pub fn today(&self) -> NaiveDate {
        self.calendar.with(|c| c.local_date(now_ms()))
    }
}

pub fn provide_orders(db: Db, sync: SyncCtx) -> OrdersCtx {
    let ctx = OrdersCtx {
        data: RwSignal::new(Arc::new(OrdersData::default())),
        calendar: RwSignal::new(TeamCalendar::default()),
        loaded: RwSignal::new(false),
        error: RwSignal::new(None),
    };
    provide_context(ctx);
    // A slow older read never overwrites a newer one.
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        sync.data_version.track();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        let db = db.clone();
        leptos::task::spawn_local(async move {
            let read = async {
                let data = load_orders(db.store()).await?;
                let cal = crate::storage::settings::load_calendar(db.store()).await?;
                Ok::<_, crate::storage::StorageError>((data, cal))
            }
            .await;
            if generation.try_get_value() != Some(mine) {
                return;
            }
            match read {
                Ok((data, cal)) => {
                    ctx.data.set(Arc::new(data));
                    if ctx.calendar.get_untracked() != cal {
                        ctx.calendar.set(cal);
                    }
                    ctx.error.set(None);
                }
                Err(e) => ctx.error.set(Some(e.to_string())),
            }
            ctx.loaded.set(true);
        });
    });
    ctx
}

pub fn use_orders() -> OrdersCtx {
    expect_context::<OrdersCtx>()
}

/// Writes order changes as the current profile. Built when a component is created
/// (event handlers must not look up contexts). `Copy`, so handlers that use it can be
/// re-created by the views that hold them.
#[derive(Clone, Copy)]
pub struct OrderWriter {
    db: StoredValue<Db>,
    sync: SyncCtx,
    session: Session,
}

impl OrderWriter {
    pub fn new() -> Self {
        Self { db: StoredValue::new(use_db()), sync: use_sync(), session: use_session() }
    }

    pub fn me(&self) -> String {
        self.session.current.get_untracked().unwrap_or_default()
    }

    /// Builds a change with a fresh id at hand and stores it; `build` returning `None`
    /// (nothing changed) stores nothing.
    pub fn write(
        &self,
        build: impl FnOnce(&mut Author, &dyn Fn() -> String) -> Option<Replica> + 'static,
        done: impl FnOnce(Result<(), String>) + 'static,
    ) {
        let (db, sync) = (self.db.get_value(), self.sync);
        let author = self.me();
        leptos::task::spawn_local(async move {
            let r = record_change(&db, sync, |clock| {
                let mut by = Author { profile: &author, clock, now_ms: now_ms() };
                build(&mut by, &new_id).unwrap_or_default()
            })
            .await;
            done(r.map_err(|e| e.to_string()));
        });
    }
}

impl Default for OrderWriter {
    fn default() -> Self {
        Self::new()
    }
}
