//! The orders context: products, orders, slips and payments on the device (O1–O4),
//! with the team calendar for "today", reloaded after every local change and every
//! pull so a confirmation made on another tablet shows up here.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::calendar::TeamCalendar;
use crate::domain::collection::CollectionSettings;
use crate::storage::collection::load_collection;
use crate::storage::orders::{load_orders, OrdersData};
use crate::storage::settings::load_calendar;
use crate::ui::state::load::load_on_change;
use crate::ui::state::platform::now_ms;

#[derive(Clone, Copy)]
pub struct OrdersCtx {
    pub data: RwSignal<Arc<OrdersData>>,
    pub calendar: RwSignal<TeamCalendar>,
    /// O2: the team's reminder lead time.
    pub collection: RwSignal<CollectionSettings>,
    pub loaded: RwSignal<bool>,
    pub error: RwSignal<Option<String>>,
}

impl OrdersCtx {
    /// Today in the team's time zone.
    pub fn today(&self) -> NaiveDate {
        self.calendar.with(|c| c.local_date(now_ms()))
    }
}

pub fn provide_orders() -> OrdersCtx {
    let data = RwSignal::new(Arc::new(OrdersData::default()));
    let calendar = RwSignal::new(TeamCalendar::default());
    let collection = RwSignal::new(CollectionSettings::default());
    let loading = load_on_change(
        move |db| async move {
            Ok((load_orders(db.store()).await?, load_calendar(db.store()).await?, load_collection(db.store()).await?))
        },
        move |(d, cal, coll)| {
            data.try_set(Arc::new(d));
            if collection.try_get_untracked().is_some_and(|c| c != coll) {
                collection.try_set(coll);
            }
            if calendar.try_get_untracked().is_some_and(|c| c != cal) {
                calendar.try_set(cal);
            }
        },
    );
    let ctx = OrdersCtx { data, calendar, collection, loaded: loading.loaded, error: loading.error };
    provide_context(ctx);
    ctx
}

pub fn use_orders() -> OrdersCtx {
    expect_context::<OrdersCtx>()
}
