//! The warehouse context: items, slips and counts on the device with their numbers,
//! and the team calendar for "today", re-read after every local change and pull.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::calendar::TeamCalendar;
use crate::domain::warehouse::numbers;
use crate::storage::settings::load_calendar;
use crate::storage::warehouse::{load_warehouse, WarehouseData};
use crate::ui::state::load::load_on_change;
use crate::ui::state::platform::now_ms;

#[derive(Clone, Copy)]
pub struct WarehouseCtx {
    pub data: RwSignal<Arc<WarehouseData>>,
    /// Every slip's number by slip id (derived, W1).
    pub numbers: Memo<Arc<BTreeMap<String, String>>>,
    pub calendar: RwSignal<TeamCalendar>,
    pub error: RwSignal<Option<String>>,
}

impl WarehouseCtx {
    /// Today in the team's time zone.
    pub fn today(&self) -> NaiveDate {
        self.calendar.with_untracked(|c| c.local_date(now_ms()))
    }

    pub fn number(&self, slip: &str) -> String {
        self.numbers.with(|n| n.get(slip).cloned().unwrap_or_default())
    }

    /// An item's label by id (the id itself for an item not in the catalogue).
    pub fn label(&self, item: &str) -> String {
        self.data.with(|d| d.item(item).map(|i| i.label()).unwrap_or_else(|| item.to_owned()))
    }
}

pub fn provide_warehouse() -> WarehouseCtx {
    let data = RwSignal::new(Arc::new(WarehouseData::default()));
    let calendar = RwSignal::new(TeamCalendar::default());
    let loading = load_on_change(
        move |db| async move { Ok((load_warehouse(db.store()).await?, load_calendar(db.store()).await?)) },
        move |(d, cal)| {
            data.try_set(Arc::new(d));
            if calendar.try_get_untracked().is_some_and(|c| c != cal) {
                calendar.try_set(cal);
            }
        },
    );
    let numbers = Memo::new(move |_| Arc::new(data.with(|d| numbers(&d.slips))));
    let ctx = WarehouseCtx { data, numbers, calendar, error: loading.error };
    provide_context(ctx);
    ctx
}

pub fn use_warehouse() -> WarehouseCtx {
    expect_context::<WarehouseCtx>()
}
