use leptos::prelude::*;

use crate::domain::export::export_xlsx;
use crate::domain::report::{period_range, report, RepReport, ReportPeriod};
use crate::storage::activities::report_inputs;
use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::activities::{day_text, kind_label, AMsg};
use crate::ui::i18n::{t, use_i18n, Lang, Msg};
use crate::ui::state::session::use_session;
use crate::ui::widgets::file_io::download;

const KINDS: [crate::domain::activity::ActivityKind; 5] = {
    use crate::domain::activity::ActivityKind::*;
    [Call, Visit, Meeting, Email, Sms]
};

fn headers(lang: Lang) -> Vec<String> {
    let mut h = vec![AMsg::Rep.text(lang).to_owned()];
    h.extend(KINDS.iter().map(|k| kind_label(lang, *k).to_owned()));
    h.extend(
        [
            AMsg::Planned,
            AMsg::PlannedMet,
            AMsg::Unplanned,
            AMsg::Closings,
            AMsg::MinutesOnTime,
            AMsg::MinutesLate,
            AMsg::DiaryDays,
        ]
        .map(|m| m.text(lang).to_owned()),
    );
    h
}

fn cells(r: &RepReport, name: String) -> Vec<String> {
    let mut v = vec![name];
    v.extend(r.counts.iter().map(u32::to_string));
    v.extend(
        [r.planned, r.planned_met, r.unplanned, r.closings, r.minutes_on_time, r.minutes_late, r.diary_days]
            .map(|n| n.to_string()),
    );
    v
}

/// Daily, weekly and monthly work reports (V9), per rep and for the team: activities by
/// kind, progress against approved plans, results, minutes, open problems and
/// improvements from the diaries. A rep sees their own; a manager sees the team.
/// Printable and exportable as XLSX.
#[component]
pub fn WorkReports() -> impl IntoView {
    let ctx = use_customers();
    let session = use_session();
    let i18n = use_i18n();
    let feed = activity_feed();
    let me = move || session.current.get().unwrap_or_default();
    let cmds = crate::ui::state::command::Commands::new();
    let is_manager = move || cmds.can(crate::app::reports::can_see_team);
    let period = RwSignal::new(ReportPeriod::Week);
    let day = RwSignal::new(String::new());
    let who = RwSignal::new(String::new());
    Effect::new(move |_| {
        if feed.loaded.get() && day.get_untracked().is_empty() {
            day.set(feed.cal.with(|c| c.local_date(feed.now.get())).to_string());
        }
    });
    let reps = move || {
        ctx.data.with(|d| {
            d.people
                .iter()
                .filter(|p| crate::app::reports::is_reported(p))
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let rows = Memo::new(move |_| {
        let Ok(d) = day.get().parse::<chrono::NaiveDate>() else {
            return (None, Vec::new());
        };
        let ids: Vec<String> = if is_manager() {
            match who.get() {
                w if w.is_empty() => reps().into_iter().map(|(id, _)| id).collect(),
                w => vec![w],
            }
        } else {
            vec![me()]
        };
        let (cal, now, p) = (feed.cal.get(), feed.now.get(), period.get());
        let out = feed.data.with(|x| {
            let (plans, minutes) = report_inputs(x, &cal, now);
            report(&ids, &x.activities, &plans, &minutes, &x.diaries, &cal, p, d)
        });
        (Some(period_range(p, d)), out)
    });
    let name = move |r: &RepReport| {
        if r.rep.is_empty() {
            AMsg::Team.text(i18n.lang()).to_owned()
        } else {
            ctx.data.with_untracked(|d| d.name_of(&r.rep))
        }
    };
    let export = move |_| {
        let lang = i18n.lang();
        let (_, rs) = rows.get_untracked();
        let h = headers(lang);
        let width = h.len();
        let mut body: Vec<Vec<String>> = rs.iter().map(|r| cells(r, name(r))).collect();
        for r in rs.iter().filter(|r| !r.rep.is_empty()) {
            for (on, q) in &r.open_questions {
                let mut row = vec![name(r), AMsg::OpenProblems.text(lang).to_owned(), on.to_string(), q.clone()];
                row.resize(width, String::new());
                body.push(row);
            }
            for (on, q) in &r.improvements {
                let mut row = vec![name(r), AMsg::Improvements.text(lang).to_owned(), on.to_string(), q.clone()];
                row.resize(width, String::new());
                body.push(row);
            }
        }
        if let Ok(bytes) = export_xlsx("Report", &h, body) {
            download("report.xlsx", &bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
    };
    let periods = [
        (ReportPeriod::Day, "day", AMsg::PeriodDay),
        (ReportPeriod::Week, "week", AMsg::PeriodWeek),
        (ReportPeriod::Month, "month", AMsg::PeriodMonth),
    ];
    view! {
        <section class="card work-reports" data-testid="work-reports">
            <h2>{t(AMsg::Reports)}</h2>
            <div class="filters no-print">
                <label class="field compact"><span>{t(AMsg::Period)}</span>
                    <select data-testid="report-period" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some((p, _, _)) = periods.iter().find(|(_, c, _)| *c == v) { period.set(*p) }
                    }>
                        {periods.into_iter().map(|(p, code, label)| view! { <option value=code selected=move || period.get() == p>{t(label)}</option> }).collect_view()}
                    </select>
                </label>
                <label class="field compact"><span>{t(AMsg::DiaryDay)}</span>
                    <input type="date" data-testid="report-day" prop:value=move || day.get() on:input=move |ev| day.set(event_target_value(&ev)) />
                </label>
                <Show when=is_manager>
                    <label class="field compact"><span>{t(AMsg::Rep)}</span>
                        <select data-testid="report-rep" on:change=move |ev| who.set(event_target_value(&ev))>
                            <option value="">{t(AMsg::Team)}</option>
                            {move || reps().into_iter().map(|(id, n)| view! { <option value=id>{n}</option> }).collect_view()}
                        </select>
                    </label>
                </Show>
                <div class="actions">
                    <button type="button" data-testid="report-print" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{t(AMsg::PrintReport)}</button>
                    <button type="button" data-testid="report-xlsx" on:click=export>{t(AMsg::ExportXlsx)}</button>
                </div>
            </div>
            {move || rows.get().0.map(|(a, b)| view! { <p class="muted" data-testid="report-range">{move || day_text(i18n.lang(), a)}" – "{move || day_text(i18n.lang(), b)}</p> })}
            <h3>{t(AMsg::ProgressResults)}</h3>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t(Msg::TableRegion)>
                <table class="plan report-table" data-testid="report-table">
                    <thead><tr>{move || headers(i18n.lang()).into_iter().map(|h| view! { <th>{h}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {move || rows.get().1.into_iter().map(|r| {
                            let team = r.rep.is_empty();
                            let c = cells(&r, name(&r));
                            view! { <tr data-testid="report-row" data-rep=r.rep.clone() data-total=r.total().to_string() data-unplanned=r.unplanned.to_string() class:team=team>
                                {c.into_iter().map(|x| view! { <td>{x}</td> }).collect_view()}
                            </tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>{t(AMsg::OpenProblems)}</h3>
            {move || {
                let qs: Vec<(String, chrono::NaiveDate, String)> = rows.get().1.iter().flat_map(|r| r.open_questions.iter().map(move |(d, q)| (r.rep.clone(), *d, q.clone()))).collect();
                if qs.is_empty() {
                    return view! { <p class="muted">{t(AMsg::NoOpenProblems)}</p> }.into_any();
                }
                view! { <ul class="plain-list">{qs.into_iter().map(|(rep, d, q)| {
                    let n = ctx.data.with_untracked(|x| x.name_of(&rep));
                    view! { <li data-testid="report-question">{move || day_text(i18n.lang(), d)}" · "{n.clone()}": "{q.clone()}</li> }
                }).collect_view()}</ul> }.into_any()
            }}
            <h3>{t(AMsg::Improvements)}</h3>
            {move || {
                let is: Vec<(String, chrono::NaiveDate, String)> = rows.get().1.iter().flat_map(|r| r.improvements.iter().map(move |(d, q)| (r.rep.clone(), *d, q.clone()))).collect();
                if is.is_empty() {
                    return view! { <p class="muted">{t(AMsg::NoImprovements)}</p> }.into_any();
                }
                view! { <ul class="plain-list">{is.into_iter().map(|(rep, d, q)| {
                    let n = ctx.data.with_untracked(|x| x.name_of(&rep));
                    view! { <li data-testid="report-improvement">{move || day_text(i18n.lang(), d)}" · "{n.clone()}": "{q.clone()}</li> }
                }).collect_view()}</ul> }.into_any()
            }}
        </section>
    }
}
