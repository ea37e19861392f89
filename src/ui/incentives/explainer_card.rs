use leptos::prelude::*;

use crate::domain::incentive::{chart, previous, steps_up, whats_new, Bar, Chart, Scheme, PRESET_ID};
use crate::domain::kpi::Month;
use crate::ui::i18n::incentives::{
    bar_text, changed_text, chart_title, fill, fine_print_text, kpis_text, levers_text, step_up_text, IMsg,
};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::incentives::incentives_page::IncentivesCtx;
use crate::ui::incentives::what_if::WhatIf;

/// I8: the chosen month's scheme version explained in the seed's order — what is new,
/// the purpose, the main elements as a chart, how to win, the KPIs, the fine print —
/// and a what-if calculator. All read from the version; all offline.
#[component]
pub fn ExplainerCard(ctx: IncentivesCtx) -> impl IntoView {
    let explained = Memo::new(move |_| {
        let m = Month::parse(&ctx.month.get())?;
        ctx.data.with(|d| {
            let s = d.payout_scheme(m)?.clone();
            let before = previous(&s, &d.schemes).cloned();
            Some((s, before))
        })
    });
    view! {
        <details class="card explainer" data-testid="explainer">
            <summary><h3>{t(IMsg::Explain)}</h3></summary>
            <p class="muted">{t(IMsg::ExplainHint)}</p>
            {move || explained.get().map(|(s, before)| view! { <Explained scheme=s before=before /> })}
        </details>
    }
}

#[component]
fn Explained(scheme: Scheme, before: Option<Scheme>) -> impl IntoView {
    let i18n = use_i18n();
    let news = whats_new(&scheme, before.as_ref());
    let bars = chart(&scheme);
    let mut charts: Vec<(Chart, Vec<Bar>)> = Vec::new();
    for b in bars {
        match charts.iter_mut().find(|(c, _)| *c == b.chart) {
            Some((_, list)) => list.push(b),
            None => charts.push((b.chart, vec![b])),
        }
    }
    let steps = steps_up(&scheme);
    let purpose = scheme.purpose.trim().to_owned();
    let s = StoredValue::new(scheme.clone());
    view! {
        <section class="explain-section" data-testid="explain-new">
            <h4>{t(IMsg::WhatsNew)}</h4>
            {match news.against.clone() {
                None => view! { <p>{t(IMsg::FirstVersion)}</p> }.into_any(),
                Some(against) => {
                    let preset = against == PRESET_ID;
                    let name = before.as_ref().map(|b| if b.name.is_empty() { against.clone() } else { b.name.clone() }).unwrap_or(against);
                    let changed = news.changed.clone();
                    let nothing = changed.is_empty() && news.sales_before.is_none() && !news.calendar_changed;
                    let kept = news.kept;
                    view! {
                        <p>{move || {
                            let shown = if preset { IMsg::PresetName.text(i18n.lang()).to_owned() } else { name.clone() };
                            fill(IMsg::ComparedWith.text(i18n.lang()), shown)
                        }}</p>
                        <ul class="plain-list">
                            {changed.into_iter().map(|c| view! { <li data-testid="explain-changed">{move || changed_text(i18n.lang(), &c)}</li> }).collect_view()}
                            {news.sales_before.is_some().then(|| view! { <li data-testid="explain-changed">{t(IMsg::SalesTiersChanged)}</li> })}
                            {news.calendar_changed.then(|| view! { <li data-testid="explain-changed">{t(IMsg::CalendarChanged)}</li> })}
                        </ul>
                        <p class="muted" data-testid="explain-kept" data-kept=kept>
                            {move || if nothing { IMsg::NothingNew.text(i18n.lang()).to_owned() } else { fill(IMsg::Kept.text(i18n.lang()), kept) }}
                        </p>
                    }.into_any()
                }
            }}
        </section>
        <section class="explain-section" data-testid="explain-purpose">
            <h4>{t(IMsg::Purpose)}</h4>
            <p>{move || if purpose.is_empty() { IMsg::PresetPurpose.text(i18n.lang()).to_owned() } else { purpose.clone() }}</p>
        </section>
        <section class="explain-section" data-testid="explain-elements">
            <h4>{t(IMsg::Elements)}</h4>
            {charts.into_iter().map(|(c, list)| view! {
                <figure class="bar-chart" data-testid="explain-chart">
                    <figcaption>{move || chart_title(i18n.lang(), c)}</figcaption>
                    {list.into_iter().map(|b| {
                        let width = format!("width: {}%", b.per_mille.max(20) / 10);
                        view! {
                            <div class="bar-row" data-testid="explain-bar" data-value=b.value>
                                <span class="bar-label">{move || bar_text(i18n.lang(), &b).0}</span>
                                <span class="bar-track"><span class="bar" style=width.clone()></span></span>
                                <span class="bar-value num">{move || bar_text(i18n.lang(), &b).1}</span>
                            </div>
                        }
                    }).collect_view()}
                </figure>
            }).collect_view()}
        </section>
        <section class="explain-section" data-testid="explain-win">
            <h4>{t(IMsg::WinSteps)}</h4>
            <ul class="plain-list">
                {steps.into_iter().map(|st| view! { <li data-testid="explain-step">{move || step_up_text(i18n.lang(), &st)}</li> }).collect_view()}
                {move || s.with_value(|s| levers_text(i18n.lang(), s)).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        </section>
        <section class="explain-section" data-testid="explain-kpis">
            <h4>{t(IMsg::Kpis)}</h4>
            <ul class="plain-list">
                {move || s.with_value(|s| kpis_text(i18n.lang(), s)).into_iter().map(|l| view! { <li data-testid="explain-kpi">{l}</li> }).collect_view()}
            </ul>
        </section>
        <WhatIf scheme=scheme />
        <section class="explain-section fine-print" data-testid="explain-fine">
            <h4>{t(IMsg::FinePrint)}</h4>
            <ul class="plain-list muted">
                {move || s.with_value(|s| fine_print_text(i18n.lang(), s)).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        </section>
    }
}
