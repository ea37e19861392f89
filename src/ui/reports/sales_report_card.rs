use leptos::prelude::*;

use crate::ui::widgets::period_step::PeriodStep;

use crate::app::reports::{can_see_team, is_reported};
use crate::app::sales_reports::{can_write_report, sales_report, save_report_notes, SalesReport};
use crate::domain::export::export_xlsx;
use crate::domain::sales_report::ReportNotes;
use crate::domain::target::{Period, PeriodKind, Scope};
use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::plans::{status_text, PMsg};
use crate::ui::i18n::targets::{amount_text, attainment_text, measure_label, TMsg};
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::reports::goal_bars::GoalBars;
use crate::ui::state::command::Commands;
use crate::ui::state::load::load;
use crate::ui::state::session::use_db;
use crate::ui::state::sync_ctx::use_sync;
use crate::ui::widgets::file_io::download;

/// A3: the monthly sales report — every measure against its target for a rep or the
/// team, and the rep's improvements and next steps; printable and exported as XLSX.
#[component]
pub fn SalesReportCard() -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let db = use_db();
    let sync = use_sync();
    let customers = use_customers();
    let feed = activity_feed();
    let month = RwSignal::new(None::<Period>);
    Effect::new(move |_| {
        if month.get_untracked().is_none() && feed.loaded.get() {
            let today = feed.cal.with(|c| c.local_date(feed.now.get()));
            month.set(Some(Period::containing(PeriodKind::Month, today)));
        }
    });
    let team_view = move || cmds.can(can_see_team);
    let whose = RwSignal::new(None::<Scope>);
    let report = RwSignal::new(None::<SalesReport>);
    let improvements = RwSignal::new(String::new());
    let next_steps = RwSignal::new(String::new());
    let msg = RwSignal::new(None::<(bool, String)>);
    let section = NodeRef::<leptos::html::Section>::new();
    load(
        move || {
            sync.data_version.track();
            let a = cmds.actor()?;
            let scope = whose.get().unwrap_or_else(|| Scope::Rep(a.profile.clone()));
            Some((month.get()?, scope, a))
        },
        move |(m, scope, a)| {
            let db = db.clone();
            async move { sales_report(db.store(), &a, m, scope).await }
        },
        move |r: SalesReport| {
            if let Some(n) = &r.notes {
                improvements.set(n.improvements.clone());
                next_steps.set(n.next_steps.clone());
            }
            report.set(Some(r));
        },
    );
    let editable = move || {
        cmds.actor().is_some_and(|a| {
            can_write_report(&a)
                && report.with(|r| r.as_ref().is_some_and(|r| r.scope == Scope::Rep(a.profile.clone())))
        })
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(m) = month.get_untracked() else { return };
        let notes = ReportNotes { improvements: improvements.get_untracked(), next_steps: next_steps.get_untracked() };
        cmds.run(
            move |db, a| async move { save_report_notes(db.store(), &a, m, &notes).await },
            move |r| {
                msg.set(Some(match r {
                    Ok(_) => (true, TMsg::Saved.text(i18n.lang()).to_owned()),
                    Err(e) if e.is_unchanged() => (true, TMsg::Saved.text(i18n.lang()).to_owned()),
                    Err(e) => (false, command_error(i18n.lang(), &e)),
                }))
            },
        );
    };
    let export = move |_| {
        let lang = i18n.lang();
        let (Some(r), Some(m)) = (report.get_untracked(), month.get_untracked()) else { return };
        let heads = [TMsg::Measure, TMsg::Target, TMsg::Actual, TMsg::Attainment, TMsg::Projected];
        let h: Vec<&str> = heads.iter().map(|x| x.text(lang)).collect();
        let mut rows: Vec<Vec<String>> = r
            .lines
            .iter()
            .map(|l| {
                vec![
                    measure_label(lang, l.measure).to_owned(),
                    l.target.map(|v| amount_text(l.measure, v)).unwrap_or_default(),
                    amount_text(l.measure, l.progress.actual),
                    attainment_text(l.progress.attainment_bp),
                    amount_text(l.measure, l.progress.projected),
                ]
            })
            .collect();
        if let Some(n) = &r.notes {
            rows.push(vec![TMsg::Improvements.text(lang).to_owned(), n.improvements.clone()]);
            rows.push(vec![TMsg::NextSteps.text(lang).to_owned(), n.next_steps.clone()]);
        }
        if let Ok(bytes) = export_xlsx(&m.code(), &h, rows) {
            let name = format!("sales-report-{}.xlsx", m.code());
            download(&name, &bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
    };
    let who_name = move |s: &Scope| match s {
        Scope::Team => TMsg::Team.text(i18n.lang()).to_owned(),
        Scope::Rep(id) => customers.data.with(|d| d.name_of(id)),
    };
    view! {
        <section class="card sales-report" data-testid="sales-report" node_ref=section>
            <h2>{t(TMsg::ReportTitle)}</h2>
            <div class="target-controls no-print">
                <PeriodStep period=month id="sr" label_id="sr-month" />
                <Show when=team_view>
                    <label class="field"><span>{t(TMsg::Who)}</span>
                        <select data-testid="sr-who" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            whose.set(Some(if v == "team" { Scope::Team } else { Scope::Rep(v) }));
                        }>
                            <option value="">"—"</option>
                            <option value="team">{t(TMsg::Team)}</option>
                            {move || customers.data.with(|d| d.people.iter().filter(|p| is_reported(p)).map(|p| {
                                view! { <option value=p.id.clone()>{p.name.clone()}</option> }
                            }).collect_view())}
                        </select>
                    </label>
                </Show>
            </div>
            <h3 data-testid="sr-whose">{move || report.with(|r| r.as_ref().map(|r| who_name(&r.scope))).unwrap_or_default()}</h3>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t(Msg::TableRegion)>
                <table class="targets-table">
                    <thead><tr>
                        <th>{t(TMsg::Measure)}</th><th>{t(TMsg::Target)}</th><th>{t(TMsg::Actual)}</th>
                        <th>{t(TMsg::Attainment)}</th><th>{t(TMsg::Projected)}</th>
                    </tr></thead>
                    <tbody>
                        {move || report.get().map(|r| r.lines.into_iter().map(|l| {
                            let m = l.measure;
                            view! {
                                <tr data-testid="sr-line" data-measure=m.code() data-actual=l.progress.actual>
                                    <td>{move || measure_label(i18n.lang(), m)}</td>
                                    <td>{l.target.map(|v| amount_text(m, v)).unwrap_or_else(|| "—".into())}</td>
                                    <td>{amount_text(m, l.progress.actual)}</td>
                                    <td>{attainment_text(l.progress.attainment_bp)}</td>
                                    <td>{amount_text(m, l.progress.projected)}</td>
                                </tr>
                            }
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
            {move || report.with(|r| r.as_ref().and_then(|r| r.plan.clone())).map(|v| {
                let status = v.status();
                view! {
                    <div class="report-plan" data-testid="sr-plan">
                        <h3>{t(PMsg::PlanInReport)}" · "{move || status_text(i18n.lang(), status)}</h3>
                        <GoalBars lines=v.progress />
                    </div>
                }
            })}
            <Show when=move || report.with(|r| r.as_ref().is_some_and(|r| r.notes.is_some()))>
                <form class="form" data-testid="sr-notes" on:submit=save novalidate>
                    <label class="field"><span>{t(TMsg::Improvements)}</span>
                        <textarea data-testid="sr-improvements" rows="3" prop:readonly=move || !editable()
                            prop:value=move || improvements.get() on:input=move |ev| improvements.set(event_target_value(&ev))></textarea>
                    </label>
                    <label class="field"><span>{t(TMsg::NextSteps)}</span>
                        <textarea data-testid="sr-next-steps" rows="3" prop:readonly=move || !editable()
                            prop:value=move || next_steps.get() on:input=move |ev| next_steps.set(event_target_value(&ev))></textarea>
                    </label>
                    {move || msg.get().map(|(ok, text)| if ok {
                        view! { <p class="ok" role="status" data-testid="sr-saved">{text}</p> }.into_any()
                    } else {
                        view! { <p class="error" role="alert" data-testid="sr-error">{text}</p> }.into_any()
                    })}
                    <Show when=editable>
                        <div class="actions no-print">
                            <button type="submit" class="primary" data-testid="sr-save">{t(TMsg::SaveNotes)}</button>
                        </div>
                    </Show>
                </form>
            </Show>
            <p class="signature-line">{t(TMsg::Signature)}" ____________________"</p>
            <div class="actions no-print">
                <button type="button" data-testid="sr-print" on:click=move |_| {
                    // Marked straight on the element (print() blocks before a reactive
                    // attribute would be drawn); only the marked report prints.
                    let Some(el) = section.get() else { return };
                    let _ = el.set_attribute("data-print", "1");
                    if let Some(w) = web_sys::window() { let _ = w.print(); }
                    let _ = el.remove_attribute("data-print");
                }>{t(TMsg::Print)}</button>
                <button type="button" data-testid="sr-xlsx" on:click=export>{t(TMsg::Xlsx)}</button>
            </div>
        </section>
    }
}
