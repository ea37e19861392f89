use leptos::prelude::*;

use crate::domain::incentive::{payout_dates, scheme_for};
use crate::domain::kpi::Month;
use crate::ui::i18n::incentives::{step_text, track_text, IMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::incentives::incentives_page::IncentivesCtx;

/// The month's payout steps with their due dates in the following month.
#[component]
pub fn PayoutCard(ctx: IncentivesCtx) -> impl IntoView {
    let i18n = use_i18n();
    let steps = Memo::new(move |_| {
        let Some(m) = Month::parse(&ctx.month.get()) else { return Vec::new() };
        ctx.data.with(|d| {
            let scheme = match d.month(&m.to_string()) {
                Some(rec) => d.scheme_of(rec),
                None => chrono::NaiveDate::from_ymd_opt(m.year, m.month, 1).and_then(|day| scheme_for(&d.schemes, day)),
            };
            scheme.map(|s| payout_dates(s, m)).unwrap_or_default()
        })
    });
    view! {
        <section class="card payout no-print" data-testid="incentives-calendar">
            <h3>{t(IMsg::Calendar)}</h3>
            <ol class="payout-steps">
                {move || steps.get().into_iter().map(|(s, day)| view! {
                    <li data-testid="payout-step">
                        <span class="payout-day">{day.format("%Y-%m-%d").to_string()}</span>
                        <span class="muted">{move || track_text(s.track).text(i18n.lang())}</span>
                        <span>{move || step_text(s.step).text(i18n.lang())}</span>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}
