use leptos::prelude::*;

use crate::app::incentives::{can_mark_step, can_send_amounts, mark_payout_step};
use crate::domain::incentive::{StepState, Track};
use crate::domain::kpi::Month;
use crate::storage::people::load_people;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::incentives::{step_text, track_text, IMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::incentives::incentives_page::{team_clock, team_today, IncentivesCtx};
use crate::ui::incentives::send_amounts::SendAmounts;
use crate::ui::profiles::profile_form::role_msg;
use crate::ui::state::command::Commands;
use crate::ui::state::load::load_on_change;

/// The month's payout steps (I7), track by track: each with its due date in the following month, who
/// recorded it done and when, or an overdue flag; a "Done" button on the next step of a
/// track for whoever holds its role; the texts with each person's amount on the last.
#[component]
pub fn PayoutCard(ctx: IncentivesCtx) -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let names = RwSignal::new(Vec::<(String, String)>::new());
    load_on_change(
        |db| async move { load_people(db.store()).await },
        move |people| {
            names.try_set(people.into_iter().map(|p| (p.id, p.name)).collect());
        },
    );
    let message = RwSignal::new(None::<String>);
    let (stations_open, branches_open) = (RwSignal::new(false), RwSignal::new(false));
    let steps = Memo::new(move |_| {
        let Some(m) = Month::parse(&ctx.month.get()) else { return Vec::new() };
        ctx.data.with(|d| d.payout(m, team_today()))
    });
    let mark = move |s: StepState| {
        let Some(month) = Month::parse(&ctx.month.get_untracked()) else { return };
        let lang = i18n.lang();
        message.set(None);
        cmds.run(
            move |db, actor| async move { mark_payout_step(db.store(), &actor, month, s.track, s.step).await },
            move |r| {
                message.set(Some(r.map_or_else(|e| command_error(lang, &e), |_| IMsg::StepMarked.text(lang).into())))
            },
        );
    };
    let name_of = move |id: &str| {
        names.with(|n| n.iter().find(|(p, _)| p == id).map(|(_, name)| name.clone())).unwrap_or_else(|| id.to_owned())
    };
    let row = move |s: StepState| {
        let can_mark = cmds.can(|a| can_mark_step(a, &s));
        let can_send = cmds.can(|a| can_send_amounts(a, &s));
        let state = if s.done.is_some() {
            "done"
        } else if s.overdue {
            "overdue"
        } else {
            "open"
        };
        let done = s.done.clone().map(|d| format!("{} · {}", name_of(&d.by), team_clock(d.at_ms)));
        let (track, step, role, overdue) = (s.track, s.step, s.role, s.overdue);
        view! {
            <li class="payout-step" data-testid="payout-step" data-state=state data-step=format!("{:?}", step) data-track=format!("{:?}", track)>
                <div class="payout-line">
                    <span class="payout-day" data-testid="payout-due">{s.due.format("%Y-%m-%d").to_string()}</span>
                    <span class="payout-what">
                        <strong>{move || step_text(step).text(i18n.lang())}</strong>
                        <span class="muted payout-role">" · "{move || role_msg(role).text(i18n.lang())}</span>
                    </span>
                    {done.map(|d| view! { <span class="payout-done" data-testid="payout-done">"✓ "{t(IMsg::DoneBy)}" "{d}</span> })}
                    {overdue.then(|| view! { <span class="badge overdue" data-testid="payout-overdue">{t(IMsg::Overdue)}</span> })}
                    {can_mark.then(|| view! {
                        <button type="button" class="primary" data-testid="payout-mark" on:click=move |_| mark(s.clone())>{t(IMsg::MarkDone)}</button>
                    })}
                </div>
                {can_send.then(|| {
                    let open = if track == Track::Stations { stations_open } else { branches_open };
                    view! { <SendAmounts ctx=ctx track=track open=open /> }
                })}
            </li>
        }
    };
    view! {
        <section class="card payout no-print" data-testid="incentives-calendar">
            <h3>{t(IMsg::Calendar)}</h3>
            {[Track::Stations, Track::Branches].into_iter().map(|track| view! {
                <h4 class="payout-track">{move || track_text(track).text(i18n.lang())}</h4>
                <ol class="payout-steps" data-testid="payout-track">
                    {move || steps.get().into_iter().filter(|s| s.track == track).map(row).collect_view()}
                </ol>
            }).collect_view()}
            {move || message.get().map(|m| view! { <p class="notice" data-testid="payout-message">{m}</p> })}
        </section>
    }
}
