use leptos::prelude::*;

use crate::ui::widgets::period_step::PeriodPicker;

use crate::app::sales_plans::{can_decide_plan, can_write_plan, plans_of, write_plan, PlanView};
use crate::domain::money::parse_yuan;
use crate::domain::sales_plan::{PlanDraft, PlanGoal, SalesPlanStatus, PLAN_MEASURES};
use crate::domain::target::{Period, PeriodKind};
use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::customers::date_text;
use crate::ui::i18n::plans::{status_code, status_text, PMsg};
use crate::ui::i18n::targets::{amount_text, measure_label};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::reports::goal_bars::GoalBars;
use crate::ui::reports::team_plans::TeamPlans;
use crate::ui::state::command::Commands;
use crate::ui::state::load::load;
use crate::ui::state::session::use_db;
use crate::ui::state::sync_ctx::use_sync;

/// V9, seed 003 职责三: the sales plan of a year, quarter or month — for a rep their own
/// plan with its progress, the form to write or revise it, and its history; for a
/// manager every rep's plan of the period ([`TeamPlans`]).
#[component]
pub fn PlansCard() -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let db = use_db();
    let sync = use_sync();
    let feed = activity_feed();
    let today = move || feed.cal.with(|c| c.local_date(feed.now.get()));
    let kind = RwSignal::new(PeriodKind::Month);
    let period = RwSignal::new(None::<Period>);
    Effect::new(move |_| {
        if period.get_untracked().is_none() && feed.loaded.get() {
            period.set(Some(Period::containing(kind.get_untracked(), today())));
        }
    });
    let views = RwSignal::new(Vec::<PlanView>::new());
    load(
        move || {
            sync.data_version.track();
            Some((period.get()?, cmds.actor()?))
        },
        move |(p, a)| {
            let db = db.clone();
            async move { plans_of(db.store(), &a, p).await }
        },
        move |v| views.set(v),
    );
    let writer = move || cmds.can(can_write_plan);
    let manager = move || cmds.can(can_decide_plan);
    let mine = Memo::new(move |_| {
        let me = cmds.actor().map(|a| a.profile).unwrap_or_default();
        views.with(|v| v.iter().find(|v| v.plan.rep == me).cloned())
    });

    // The form: one typed amount per measure, the actions; kept while typing.
    let amounts = PLAN_MEASURES.map(|_| RwSignal::new(String::new()));
    let actions = RwSignal::new(String::new());
    let dirty = RwSignal::new(false);
    let msg = RwSignal::new(None::<(bool, String)>);
    Effect::new(move |_| {
        let current = mine.get().and_then(|v| v.plan.current().map(|c| c.draft.clone()));
        if dirty.get_untracked() {
            return;
        }
        for (i, m) in PLAN_MEASURES.into_iter().enumerate() {
            let goal = current.as_ref().and_then(|d| d.goals.iter().find(|g| g.measure == m));
            amounts[i].set(
                goal.map(
                    |g| if m.is_money() { crate::domain::money::format_yuan(g.amount) } else { g.amount.to_string() },
                )
                .unwrap_or_default(),
            );
        }
        actions.set(current.map(|d| d.actions).unwrap_or_default());
    });
    Effect::new(move |_| {
        let _ = period.get();
        dirty.set(false);
        msg.set(None);
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        let Some(p) = period.get_untracked() else { return };
        let mut goals = Vec::new();
        for (i, m) in PLAN_MEASURES.into_iter().enumerate() {
            let typed = amounts[i].get_untracked();
            if typed.trim().is_empty() {
                continue;
            }
            let v = if m.is_money() { parse_yuan(&typed).ok() } else { typed.trim().parse::<i64>().ok() };
            match v.filter(|v| *v > 0) {
                Some(amount) => goals.push(PlanGoal { measure: m, amount }),
                None => {
                    return msg.set(Some((false, format!("{}: {}", measure_label(lang, m), PMsg::BadGoal.text(lang)))))
                }
            }
        }
        let draft = PlanDraft { period: p, goals, actions: actions.get_untracked() };
        cmds.run(
            move |db, a| async move { write_plan(db.store(), &a, &draft).await },
            move |r| {
                msg.set(Some(match r {
                    Ok(_) => {
                        dirty.set(false);
                        (true, PMsg::Submitted.text(lang).to_owned())
                    }
                    Err(e) => (false, command_error(lang, &e)),
                }))
            },
        );
    };
    view! {
        <section class="card plans" data-testid="plans">
            <h2>{t(PMsg::Title)}</h2>
            <p class="muted">{t(PMsg::Hint)}</p>
            <div class="target-controls">
                <PeriodPicker kinds=vec![PeriodKind::Year, PeriodKind::Quarter, PeriodKind::Month] kind period today=Signal::derive(today) id="plan" label_id="plan-period" />
            </div>
            <Show when=writer>
                <h3>{t(PMsg::MyPlan)}</h3>
                {move || match mine.get() {
                    None => view! { <p class="muted" data-testid="plan-none">{t(PMsg::NoPlan)}</p> }.into_any(),
                    Some(v) => {
                        let status = v.status();
                        let said = v.plan.decision().map(|d| d.comment.clone()).filter(|c| !c.is_empty());
                        let lines = v.plan.current().map(|c| c.draft.action_lines()).unwrap_or_default();
                        view! {
                            <div class="my-plan" data-testid="my-plan" data-status=status_code(status)>
                                <p><span class=format!("badge plan-{}", status_code(status)) data-testid="plan-status">
                                    {move || status_text(i18n.lang(), status)}</span></p>
                                {said.map(|c| view! { <p data-testid="plan-comment"><strong>{t(PMsg::ManagerSaid)}": "</strong>{c}</p> })}
                                <GoalBars lines=v.progress.clone() />
                                <ul class="plain-list" data-testid="plan-actions">
                                    {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                                </ul>
                                <PlanHistory view=v />
                            </div>
                        }.into_any()
                    }
                }}
                <form class="form" data-testid="plan-form" on:submit=submit novalidate>
                    <h3>{move || if mine.with(|m| m.is_some()) { PMsg::Revise.text(i18n.lang()) } else { PMsg::Submit.text(i18n.lang()) }}</h3>
                    <p class="muted">{t(PMsg::GoalHint)}</p>
                    <div class="grid-2">{PLAN_MEASURES
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let a = amounts[i];
            view! {
                <label class="field"><span>{move || measure_label(i18n.lang(), m)}</span>
                    <input type="text" inputmode=if m.is_money() { "decimal" } else { "numeric" }
                        data-testid=format!("plan-goal-{}", m.code()) prop:value=move || a.get()
                        on:input=move |ev| { a.set(event_target_value(&ev)); dirty.set(true); msg.set(None); } />
                </label>
            }
        })
        .collect_view()}</div>
                    <label class="field"><span>{t(PMsg::Actions)}</span>
                        <textarea rows="4" data-testid="plan-actions-input" prop:value=move || actions.get()
                            on:input=move |ev| { actions.set(event_target_value(&ev)); dirty.set(true); msg.set(None); }></textarea>
                    </label>
                    {move || msg.get().map(|(ok, text)| if ok {
                        view! { <p class="ok" role="status" data-testid="plan-saved">{text}</p> }.into_any()
                    } else {
                        view! { <p class="error" role="alert" data-testid="plan-error">{text}</p> }.into_any()
                    })}
                    <div class="actions"><button type="submit" class="primary" data-testid="plan-submit">{t(PMsg::Submit)}</button></div>
                </form>
            </Show>
            <Show when=manager>
                <TeamPlans views=views period=period />
            </Show>
        </section>
    }
}

/// Every version of a plan, newest first, with the manager's decisions.
#[component]
pub fn PlanHistory(view: PlanView) -> impl IntoView {
    let i18n = use_i18n();
    let plan = view.plan;
    let items = plan
        .versions
        .iter()
        .rev()
        .map(|v| {
            let goals = v
                .draft
                .goals
                .iter()
                .map(|g| (g.measure, amount_text(g.measure, g.amount)))
                .collect::<Vec<_>>();
            let decided = plan.decisions.iter().rev().find(|d| d.version == v.id).map(|d| {
                let s = if d.approved { SalesPlanStatus::Approved } else { SalesPlanStatus::Returned };
                (s, d.comment.clone())
            });
            let at = v.at_ms;
            view! {
                <li data-testid="plan-version">
                    {move || date_text(i18n.lang(), at)}" · "
                    {move || goals.iter().map(|(m, a)| format!("{} {a}", measure_label(i18n.lang(), *m))).collect::<Vec<_>>().join("，")}
                    {decided.map(|(s, c)| view! { " · "{move || status_text(i18n.lang(), s)}{(!c.is_empty()).then(|| format!(" — {c}"))} })}
                </li>
            }
        })
        .collect_view();
    view! {
        <details data-testid="plan-history">
            <summary>{t(PMsg::History)}</summary>
            <ul class="plain-list">{items}</ul>
        </details>
    }
}
