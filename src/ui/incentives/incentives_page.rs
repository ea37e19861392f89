use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::kpi::Month;
use crate::storage::incentives::{load_incentives, IncentivesData};
use crate::ui::i18n::incentives::IMsg;
use crate::ui::i18n::t;
use crate::ui::incentives::commission_card::CommissionCard;
use crate::ui::incentives::explainer_card::ExplainerCard;
use crate::ui::incentives::figures_import::FiguresImport;
use crate::ui::incentives::month_statements::MonthStatements;
use crate::ui::incentives::payout_card::PayoutCard;
use crate::ui::incentives::schemes_card::SchemesCard;
use crate::ui::incentives::station_form::StationForm;
use crate::ui::state::load::load_on_change;
use crate::ui::state::platform::now_ms;

/// What the incentives page's cards share: the stored schemes and months, and the
/// month chosen (`YYYY-MM`).
#[derive(Clone, Copy)]
pub struct IncentivesCtx {
    pub data: RwSignal<Arc<IncentivesData>>,
    pub loaded: RwSignal<bool>,
    pub month: RwSignal<String>,
}

/// The team's default zone (UTC+8), which the payout calendar's days are in.
const TEAM_OFFSET_MS: i64 = 8 * 3_600_000;

/// Today in the team's default zone.
pub fn team_today() -> chrono::NaiveDate {
    chrono::DateTime::from_timestamp_millis(now_ms() + TEAM_OFFSET_MS).map(|d| d.date_naive()).unwrap_or_default()
}

/// A moment as the team's wall clock shows it: `2024-04-03 09:30`.
pub fn team_clock(at_ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(at_ms + TEAM_OFFSET_MS)
        .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

/// Last month in the team's zone: the month a payout is prepared for.
fn last_month() -> String {
    team_today().checked_sub_months(chrono::Months::new(1)).map(|d| Month::of(d).to_string()).unwrap_or_default()
}

/// Incentives: pick a month; the manager imports its figures; everyone reads the
/// statements, computed from the stored figures with the month's scheme version.
#[component]
pub fn IncentivesPage() -> impl IntoView {
    let ctx = IncentivesCtx {
        data: RwSignal::new(Arc::new(IncentivesData::default())),
        loaded: RwSignal::new(false),
        month: RwSignal::new(last_month()),
    };
    load_on_change(
        |db| async move { load_incentives(db.store()).await },
        move |d| {
            // On the first read, open the newest month that has figures.
            if ctx.loaded.try_get_untracked() == Some(false) {
                let chosen = ctx.month.try_get_untracked().unwrap_or_default();
                if d.month(&chosen).is_none() {
                    if let Some(newest) = d.months.first() {
                        ctx.month.try_set(newest.month.clone());
                    }
                }
            }
            ctx.data.try_set(Arc::new(d));
            ctx.loaded.try_set(true);
        },
    );
    view! {
        <section class="card incentives-head" data-testid="incentives-page">
            <h2>{t(IMsg::Title)}</h2>
            <label class="month-pick">
                <span>{t(IMsg::Month)}</span>
                <input type="month" data-testid="incentives-month"
                    prop:value=move || ctx.month.get()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if Month::parse(&v).is_some() { ctx.month.set(v); }
                    } />
            </label>
        </section>
        <FiguresImport ctx=ctx />
        <StationForm ctx=ctx />
        <MonthStatements ctx=ctx />
        <CommissionCard ctx=ctx />
        <ExplainerCard ctx=ctx />
        <PayoutCard ctx=ctx />
        <SchemesCard ctx=ctx />
    }
}
