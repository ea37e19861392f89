use leptos::prelude::*;

use crate::ui::widgets::period_step::PeriodStep;

use crate::app::application_report::application_status;
use crate::domain::application_report::{StatusReport, STATUS_ORDER};
use crate::domain::export::export_csv;
use crate::domain::target::{Period, PeriodKind};
use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::applications::status_label;
use crate::ui::i18n::plans::PMsg;
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::state::command::Commands;
use crate::ui::state::load::load;
use crate::ui::state::session::use_db;
use crate::ui::state::sync_ctx::use_sync;
use crate::ui::widgets::file_io::download;

/// A1, seed 003 职责五: the application status report of a month — counts by status,
/// the oldest wait and reviews past the limit per rep and for the team, then every
/// application with its missing materials and whether the customer was told; CSV.
#[component]
pub fn AppStatusCard() -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let db = use_db();
    let sync = use_sync();
    let customers = use_customers();
    let feed = activity_feed();
    let month = RwSignal::new(None::<Period>);
    Effect::new(move |_| {
        if month.get_untracked().is_none() && feed.loaded.get() {
            month.set(Some(Period::containing(PeriodKind::Month, feed.cal.with(|c| c.local_date(feed.now.get())))));
        }
    });
    let report = RwSignal::new(StatusReport::default());
    load(
        move || {
            sync.data_version.track();
            Some((month.get()?, cmds.actor()?))
        },
        move |(m, a)| {
            let db = db.clone();
            async move { application_status(db.store(), &a, m).await }
        },
        move |r| report.set(r),
    );
    let name = move |id: &str| {
        if id.is_empty() {
            PMsg::Total.text(i18n.lang()).to_owned()
        } else {
            customers.data.with_untracked(|d| d.name_of(id))
        }
    };
    let customer = move |id: &str| {
        customers.data.with_untracked(|d| d.get(id).map(|c| c.rec.file.name.clone()).unwrap_or_default())
    };
    let yes_no = move |b: Option<bool>| match b {
        Some(true) => PMsg::Yes.text(i18n.lang()),
        Some(false) => PMsg::No.text(i18n.lang()),
        None => "—",
    };
    let export = move |_| {
        let lang = i18n.lang();
        let Some(m) = month.get_untracked() else { return };
        let heads = [
            PMsg::Rep,
            PMsg::Customer,
            PMsg::Product,
            PMsg::Status,
            PMsg::Since,
            PMsg::Waiting,
            PMsg::Late,
            PMsg::Missing,
            PMsg::Feedback,
        ];
        let h: Vec<&str> = heads.iter().map(|x| x.text(lang)).collect();
        let rows: Vec<Vec<String>> = report.with_untracked(|r| {
            r.lines
                .iter()
                .map(|l| {
                    vec![
                        name(&l.rep),
                        customer(&l.customer_id),
                        l.product.clone(),
                        status_label(lang, l.status).to_owned(),
                        l.since.map(|d| d.to_string()).unwrap_or_default(),
                        l.waiting_days.map(|d| d.to_string()).unwrap_or_default(),
                        yes_no(Some(l.late)).to_owned(),
                        l.missing.join(", "),
                        yes_no(l.feedback_given).to_owned(),
                    ]
                })
                .collect()
        });
        let bytes = export_csv(&h, rows);
        download(&format!("applications-{}.csv", m.code()), &bytes, "text/csv");
    };
    let status_heads =
        STATUS_ORDER.into_iter().map(|s| view! { <th>{move || status_label(i18n.lang(), s)}</th> }).collect_view();
    view! {
        <section class="card" data-testid="app-status">
            <h2>{t(PMsg::AppsTitle)}</h2>
            <p class="muted">{t(PMsg::AppsHint)}</p>
            <PeriodStep period=month id="as" label_id="as-month" />
            <div class="table-wrap" tabindex="0" role="region" aria-label=t(Msg::TableRegion)>
                <table class="targets-table status-table">
                    <thead><tr><th>{t(PMsg::Rep)}</th>{status_heads}<th>{t(PMsg::Oldest)}</th><th>{t(PMsg::Late)}</th>
                        <th>{t(PMsg::Missing)}</th><th>{t(PMsg::Feedback)}" · "{t(PMsg::No)}</th></tr></thead>
                    <tbody>
                        {move || report.with(|r| r.summaries.iter().map(|s| view! {
                            <tr data-testid="as-summary" data-rep=s.rep.clone() data-late=s.late>
                                <td>{name(&s.rep)}</td>
                                {s.counts.iter().map(|c| view! { <td>{*c}</td> }).collect_view()}
                                <td>{s.oldest_waiting.map(|d| d.to_string()).unwrap_or_else(|| "—".into())}</td>
                                <td class=late_class(s.late)>{s.late}</td>
                                <td>{s.missing_materials}</td>
                                <td>{s.feedback_missing}</td>
                            </tr>
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
            <Show when=move || report.with(|r| r.lines.is_empty())>
                <p class="muted" data-testid="as-empty">{t(PMsg::NoApps)}</p>
            </Show>
            <ul class="plain-list app-lines">
                {move || report.with(|r| r.lines.iter().map(|l| {
                    let status = l.status;
                    let head = format!("{} · {} · {}", customer(&l.customer_id), l.product, name(&l.rep));
                    let missing = l.missing.join(", ");
                    let waiting = l.waiting_days;
                    let late = l.late;
                    let fb = l.feedback_given;
                    view! {
                        <li data-testid="as-line" data-status=format!("{status:?}").to_lowercase() data-late=late.to_string()>
                            <strong>{head}</strong>" · "{move || status_label(i18n.lang(), status)}
                            {waiting.map(|d| view! { " · "{t(PMsg::Waiting)}" "{d} })}
                            {late.then(|| view! { " · "<span class="badge late" data-testid="as-late">{t(PMsg::Late)}</span> })}
                            {(!missing.is_empty()).then(|| view! { <div class="muted">{t(PMsg::Missing)}": "{missing.clone()}</div> })}
                            {fb.map(|b| view! { <div class="muted">{t(PMsg::Feedback)}": "{move || yes_no(Some(b))}</div> })}
                        </li>
                    }
                }).collect_view())}
            </ul>
            <div class="actions"><button type="button" data-testid="as-csv" on:click=export>{t(PMsg::Csv)}</button></div>
        </section>
    }
}

fn late_class(late: u32) -> &'static str {
    if late > 0 {
        "error"
    } else {
        ""
    }
}
