use leptos::prelude::*;

use crate::domain::warehouse::report::{daily, month_end, period_csv, PeriodRow};
use crate::ui::i18n::warehouse::WMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::warehouse::warehouse_ctx::use_warehouse;
use crate::ui::widgets::file_io::download;

const COLUMNS: [WMsg; 8] =
    [WMsg::Item, WMsg::Unit, WMsg::Opening, WMsg::In, WMsg::Out, WMsg::Closing, WMsg::Counted, WMsg::Difference];

/// **W1** The daily stock report (库存日报表) for a chosen day and the month-end report
/// (月末出入库结存报表) for a chosen month with the stocktake's counts, each per item
/// (opening, in, out, closing) and exported as CSV.
#[component]
pub fn ReportsTab() -> impl IntoView {
    let ctx = use_warehouse();
    let today = ctx.today();
    let day = RwSignal::new(today.to_string());
    let month = RwSignal::new(today.format("%Y-%m").to_string());
    let day_rows = move || {
        let d = day.get().parse().ok()?;
        Some(ctx.data.with(|w| daily(&w.slips, &w.items, d)))
    };
    let month_rows = move || {
        let d = format!("{}-01", month.get()).parse().ok()?;
        Some(ctx.data.with(|w| month_end(&w.slips, &w.items, &w.counts, d)))
    };
    view! {
        <section class="card" data-testid="wh-daily">
            <div class="actions between">
                <h2>{t(WMsg::Daily)}</h2>
                <label class="field inline"><span>{t(WMsg::Day)}</span>
                    <input type="date" data-testid="wh-daily-day" prop:value=move || day.get() on:input=move |ev| day.set(event_target_value(&ev)) /></label>
            </div>
            <ReportTable rows=Signal::derive(day_rows) counted=false name=Signal::derive(move || format!("stock-{}.csv", day.get())) />
        </section>
        <section class="card" data-testid="wh-month">
            <div class="actions between">
                <h2>{t(WMsg::MonthEnd)}</h2>
                <label class="field inline"><span>{t(WMsg::Month)}</span>
                    <input type="month" data-testid="wh-month-month" prop:value=move || month.get() on:input=move |ev| month.set(event_target_value(&ev)) /></label>
            </div>
            <ReportTable rows=Signal::derive(month_rows) counted=true name=Signal::derive(move || format!("stock-{}.csv", month.get())) />
        </section>
    }
}

#[component]
fn ReportTable(rows: Signal<Option<Vec<PeriodRow>>>, counted: bool, name: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let cols = if counted { 8 } else { 6 };
    let export = move |_| {
        let lang = i18n.lang();
        let headers: Vec<&str> = COLUMNS[..cols].iter().map(|m| m.text(lang)).collect();
        let bytes = period_csv(&headers, &rows.get_untracked().unwrap_or_default());
        download(&name.get_untracked(), &bytes, "text/csv;charset=utf-8");
    };
    let opt = |c: Option<i64>| c.map(|c| c.to_string()).unwrap_or_default();
    view! {
        <div class="table-scroll">
        <table class="table">
            <thead><tr>{COLUMNS[..cols].iter().map(|m| view! { <th>{t(*m)}</th> }).collect_view()}</tr></thead>
            <tbody>{move || rows.get().unwrap_or_default().into_iter().map(|r| view! {
                <tr data-testid="wh-report-row" data-item=r.name.clone()>
                    <td>{r.name.clone()}</td><td>{r.unit.clone()}</td>
                    <td class="num" data-testid="wh-opening">{r.opening}</td><td class="num" data-testid="wh-in">{r.qty_in}</td>
                    <td class="num" data-testid="wh-out">{r.qty_out}</td><td class="num" data-testid="wh-closing">{r.closing}</td>
                    {counted.then(|| view! { <td class="num">{opt(r.counted)}</td><td class="num">{opt(r.counted.map(|c| c - r.closing))}</td> })}
                </tr>
            }).collect_view()}</tbody>
        </table>
        </div>
        <div class="actions"><button type="button" data-testid="wh-export" on:click=export>{t(WMsg::ExportCsv)}</button></div>
    }
}
