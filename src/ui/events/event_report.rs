use leptos::prelude::*;

use crate::app::events::{can_send_leads, send_leads_to_pool};
use crate::domain::event::{cost_report, invite_summary, turn_up_rate};
use crate::domain::money::format_yuan;
use crate::domain::participant::{attended_keys, lead_count, participants};
use crate::ui::events::events_ctx::use_events;
use crate::ui::i18n::events::{leads_sent_text, rate_text, EMsg};
use crate::ui::i18n::{t, use_i18n};

/// One horizontal bar chart as inline SVG: `(label, value)` rows scaled to the largest.
fn bars(rows: &[(String, i64, &'static str)], test_id: &'static str, shown: fn(i64) -> String) -> impl IntoView {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let h = 28 * rows.len() as i64 + 4;
    view! {
        <svg class="chart" data-testid=test_id viewBox=format!("0 0 600 {h}") width="100%" role="img">
            {rows.iter().enumerate().map(|(i, (label, v, class))| {
                let y = 4 + 28 * i as i64;
                let w = 380 * (*v).max(0) / max;
                view! {
                    <g>
                        <text x="0" y=y + 17 class="chart-label">{label.clone()}</text>
                        <rect x="150" y=y width=w.max(1) height="20" rx="4" class=*class />
                        <text x=160 + w y=y + 16 class="chart-value">{shown(*v)}</text>
                    </g>
                }
            }).collect_view()}
        </svg>
    }
}

/// **E5** The event report: invited, attended, turn-up rate, new leads, cost per lead,
/// budget against actual line by line, and the questionnaire's average per question, as
/// inline SVG charts; and the button that sends new leads to the pool for the manager's
/// balanced distribution (P5, P7).
#[component]
pub fn EventReport(id: String) -> impl IntoView {
    let ctx = use_events();
    let i18n = use_i18n();
    let eid = id.clone();
    let rec = Memo::new(move |_| ctx.get(&eid));
    let sent = RwSignal::new(None::<usize>);
    // Leads go to the pool on a manager's or the event staff's word (P7 follows).
    let cmds = crate::ui::state::command::Commands::new();
    let may_send = move || cmds.can(can_send_leads);
    let send = move |_| {
        let Some(event) = rec.get_untracked().map(|r| r.event.id) else { return };
        cmds.run(
            move |db, a| async move { send_leads_to_pool(db.store(), &a, &event).await },
            move |res| sent.set(res.ok().map(|(_, n)| n)),
        );
    };
    view! {
        {move || rec.get().map(|r| {
            let lang = i18n.lang();
            let ps = participants(&r.registrations);
            let keys = attended_keys(&ps);
            let s = invite_summary(&r.invitees, &keys);
            let rate = turn_up_rate(&r.invitees, &keys);
            let leads = lead_count(&ps);
            let cost = cost_report(&r.event, leads);
            let people = vec![
                (EMsg::Invited.text(lang).to_owned(), s.invited as i64, "bar-a"),
                (EMsg::Confirmed.text(lang).to_owned(), s.confirmed as i64, "bar-a"),
                (EMsg::AttendedInvitees.text(lang).to_owned(), s.attended as i64, "bar-b"),
                (EMsg::Participants.text(lang).to_owned(), ps.len() as i64, "bar-b"),
                (EMsg::NewLeads.text(lang).to_owned(), leads as i64, "bar-c"),
            ];
            let mut budget = Vec::new();
            for l in &cost.lines {
                budget.push((format!("{} · {}", l.name, EMsg::Planned.text(lang)), l.planned_fen / 100, "bar-a"));
                budget.push((format!("{} · {}", l.name, EMsg::Actual.text(lang)), l.actual_fen / 100, if l.variance_fen > 0 { "bar-over" } else { "bar-b" }));
            }
            // Average rating per question, in tenths (4.5 → 45) to keep the chart integer;
            // shown as 4.5.
            let survey: Vec<(String, i64, &'static str)> = r.questions.iter().map(|q| {
                let rs: Vec<i64> = r.answers.iter().filter_map(|a| a.ratings.get(q).map(|v| *v as i64)).collect();
                let avg = if rs.is_empty() { 0 } else { (rs.iter().sum::<i64>() * 10 + rs.len() as i64 / 2) / rs.len() as i64 };
                (q.clone(), avg, "bar-c")
            }).collect();
            let sheets = r.answers.len();
            view! {
                <section class="card report" data-testid="event-report">
                    <h2>{t(EMsg::ReportTitle)}</h2>
                    <dl class="figures">
                        <div><dt>{t(EMsg::Invited)}</dt><dd data-testid="report-invited">{s.invited}</dd></div>
                        <div><dt>{t(EMsg::Participants)}</dt><dd data-testid="report-attended">{ps.len()}</dd></div>
                        <div><dt>{t(EMsg::TurnUp)}</dt><dd data-testid="report-turn-up">{rate_text(lang, rate)}</dd></div>
                        <div><dt>{t(EMsg::NewLeads)}</dt><dd data-testid="report-leads">{leads}</dd></div>
                        <div><dt>{t(EMsg::CostPerLead)}</dt><dd data-testid="report-cpl">{cost.cost_per_lead.map(|c| format_yuan(c.rounded_fen())).unwrap_or_else(|| "—".into())}</dd></div>
                        <div><dt>{t(EMsg::BudgetVsActual)}</dt><dd data-testid="report-budget">{format_yuan(cost.planned_fen)}" / "{format_yuan(cost.actual_fen)}</dd></div>
                    </dl>
                    <h3>{t(EMsg::PeopleChart)}</h3>
                    {bars(&people, "chart-people", |v| v.to_string())}
                    <h3>{t(EMsg::BudgetChart)}</h3>
                    {if budget.is_empty() { view! { <p class="muted">{t(EMsg::NoBudget)}</p> }.into_any() } else { bars(&budget, "chart-budget", |v| v.to_string()).into_any() }}
                    <h3>{t(EMsg::SurveyChart)}" "<span class="muted">{format!("({sheets})")}</span></h3>
                    {if survey.is_empty() { view! { <p class="muted">{t(EMsg::NoQuestions)}</p> }.into_any() } else { bars(&survey, "chart-survey", |v| format!("{}.{}", v / 10, v % 10)).into_any() }}
                </section>
            }
        })}
        <section class="card" data-testid="leads-to-pool">
            <h2>{t(EMsg::LeadsTitle)}</h2>
            <p class="muted">{t(EMsg::LeadsHint)}</p>
            <div class="actions">
                <a class="button" href="#/pool/distribute">{t(EMsg::ToDistribution)}</a>
                <button type="button" class="primary" data-testid="leads-send" class:hidden=move || !may_send() on:click=send>{t(EMsg::SendLeads)}</button>
            </div>
            {move || sent.get().map(|n| view! { <p class="ok" role="status" data-testid="leads-sent">{move || leads_sent_text(i18n.lang(), n)}</p> })}
        </section>
    }
}
