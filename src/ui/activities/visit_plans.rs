use leptos::prelude::*;

use crate::app::activities::{can_decide_visit_plans, can_file_visit_plan, decide_visit_plan, file_visit_plan};
use crate::domain::day_plan::PlanSlot;
use crate::domain::visit_plan::{check_decision, Decision, PlanDraft, PlanError, PlanStatus};
use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::activities::plan_slots::PlanSlots;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::activities::{day_text, plan_error_field, plan_error_text, status_code, status_label, AMsg};
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::session::use_session;

/// Visit plans (V2): a rep files a plan for a day with goals and customers; the manager
/// approves or rejects it with an opinion; everyone sees the status; each plan prints as
/// a visit form.
#[component]
pub fn VisitPlans() -> impl IntoView {
    let ctx = use_customers();
    let session = use_session();
    let i18n = use_i18n();
    let feed = activity_feed();
    let cmds = Commands::new();
    let me = move || session.current.get().unwrap_or_default();
    let is_manager = move || cmds.can(can_decide_visit_plans);
    let is_rep = move || cmds.can(can_file_visit_plan);

    // The rep's form.
    let day = RwSignal::new(String::new());
    let goals = RwSignal::new(String::new());
    let picked = RwSignal::new(Vec::<String>::new());
    // V8: the slot set for a picked customer (the others are afternoon visits).
    let slots = RwSignal::new(Vec::<PlanSlot>::new());
    let find = RwSignal::new(String::new());
    let error = RwSignal::new(None::<PlanError>);
    let filed = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    // The plan being revised: its id and the draft as stored (None = a new plan).
    let revising = RwSignal::new(None::<(String, PlanDraft)>);
    let err_for = move |field: &'static str| {
        move || {
            error.get().filter(|e| plan_error_field(e) == field).map(|e| view! {
            <small class="error" role="alert" data-testid=format!("plan-error-{field}")>{plan_error_text(i18n.lang(), &e)}</small>
        })
        }
    };
    let mine = Memo::new(move |_| {
        let me = me();
        ctx.data.with(|d| {
            d.customers
                .iter()
                .filter(|c| c.own.owner.as_deref() == Some(me.as_str()))
                .map(|c| (c.rec.id.clone(), c.rec.file.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let file = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        filed.set(false);
        let draft = PlanDraft {
            day: day.get_untracked().parse().ok(),
            goals: goals.get_untracked().trim().to_owned(),
            customers: picked.get_untracked(),
            slots: slots.get_untracked(),
        };
        let today = feed.cal.get_untracked().local_date(crate::ui::state::platform::now_ms());
        if let Err(e) = draft.check(today) {
            return error.set(Some(e));
        }
        error.set(None);
        let id = revising.get_untracked().map(|(id, _)| id);
        cmds.run(
            move |db, a| async move { file_visit_plan(db.store(), &a, id.as_deref(), &draft).await },
            move |r| match r {
                Ok(_) => {
                    goals.set(String::new());
                    picked.set(Vec::new());
                    slots.set(Vec::new());
                    revising.set(None);
                    filed.set(true);
                    failed.set(None);
                }
                Err(e) => failed.set(Some(command_error(i18n.lang(), &e))),
            },
        );
    };

    // The list.
    let only_pending = RwSignal::new(false);
    let rep_filter = RwSignal::new(String::new());
    let plans = Memo::new(move |_| {
        let (me, manager) = (me(), is_manager());
        let (pending, who) = (only_pending.get(), rep_filter.get());
        feed.data.with(|d| {
            let mut v: Vec<_> = d
                .plans
                .iter()
                .filter(|p| manager || p.rep == me)
                .filter(|p| who.is_empty() || p.rep == who)
                .filter(|p| !pending || p.status == PlanStatus::Pending)
                .cloned()
                .collect();
            v.reverse(); // latest day first
            v
        })
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

    view! {
        <Show when=is_rep>
            <form class="card form" data-testid="plan-form" on:submit=file novalidate>
                <h2>{move || if revising.with(Option::is_some) { t(AMsg::Revising)() } else { t(AMsg::NewPlan)() }}</h2>
                <p class="muted">{t(AMsg::PlanHint)}</p>
                <label class="field"><span>{t(AMsg::PlanDay)}</span>
                    <input type="date" data-testid="plan-day" prop:value=move || day.get() on:input=move |ev| day.set(event_target_value(&ev)) />
                    {err_for("day")}
                </label>
                <label class="field"><span>{t(AMsg::PlanGoals)}</span>
                    <textarea rows="3" data-testid="plan-goals" prop:value=move || goals.get() on:input=move |ev| goals.set(event_target_value(&ev))></textarea>
                    {err_for("goals")}
                </label>
                <fieldset class="field pick-customers">
                    <legend>{t(AMsg::PickCustomers)}</legend>
                    <input type="search" data-testid="plan-find" prop:value=move || find.get() on:input=move |ev| find.set(event_target_value(&ev)) />
                    <div class="pick-list">
                        {move || {
                            let q = find.get().to_lowercase();
                            mine.get().into_iter().filter(|(_, n)| q.is_empty() || n.to_lowercase().contains(&q)).take(60).map(|(id, name)| {
                                let (id1, id2) = (id.clone(), id.clone());
                                view! {
                                    <label class="check" data-testid="plan-customer">
                                        <input type="checkbox" prop:checked=move || picked.with(|p| p.contains(&id1))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                picked.update(|p| { p.retain(|x| x != &id2); if on { p.push(id2.clone()) } });
                                            } />
                                        <span>{name}</span>
                                    </label>
                                }
                            }).collect_view()
                        }}
                    </div>
                    {err_for("customers")}
                </fieldset>
                <PlanSlots picked slots names=mine />
                {move || failed.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="actions">
                    <Show when=move || filed.get()><span class="ok" role="status" data-testid="plan-filed">{t(AMsg::Filed)}</span></Show>
                    <Show when=move || revising.with(Option::is_some)>
                        <button type="button" data-testid="plan-revise-cancel" on:click=move |_| {
                            revising.set(None);
                            goals.set(String::new());
                            picked.set(Vec::new());
                            slots.set(Vec::new());
                            error.set(None);
                        }>{t(crate::ui::i18n::Msg::Cancel)}</button>
                    </Show>
                    <button type="submit" class="primary" data-testid="plan-file">{t(AMsg::FilePlan)}</button>
                </div>
            </form>
        </Show>
        <section class="card" data-testid="plan-list">
            <h2>{t(AMsg::TabPlans)}</h2>
            <div class="filters">
                <Show when=is_manager>
                    <label class="field compact"><span>{t(AMsg::Rep)}</span>
                        <select data-testid="plan-rep-filter" on:change=move |ev| rep_filter.set(event_target_value(&ev))>
                            <option value="">{t(AMsg::AllReps)}</option>
                            {move || reps().into_iter().map(|(id, n)| view! { <option value=id>{n}</option> }).collect_view()}
                        </select>
                    </label>
                </Show>
                <label class="check">
                    <input type="checkbox" data-testid="plan-only-pending" prop:checked=move || only_pending.get()
                        on:change=move |ev| only_pending.set(event_target_checked(&ev)) />
                    <span>{t(AMsg::OnlyPending)}</span>
                </label>
            </div>
            {move || {
                let ps = plans.get();
                if ps.is_empty() {
                    return view! { <p class="muted" data-testid="plan-empty">{t(AMsg::NoPlans)}</p> }.into_any();
                }
                ps.into_iter().map(|p| {
                    let names: Vec<String> = ctx.data.with_untracked(|d| p.draft.customers.iter().map(|c| d.get(c).map(|x| x.rec.file.name.clone()).unwrap_or_else(|| c.chars().take(8).collect())).collect());
                    let rep_name = ctx.data.with_untracked(|d| d.name_of(&p.rep));
                    let decider = ctx.data.with_untracked(|d| d.name_of(&p.decided_by));
                    let opinion = RwSignal::new(String::new());
                    let derr = RwSignal::new(None::<PlanError>);
                    let pid = p.id.clone();
                    let seen = p.revision.clone();
                    let decide = move |d: Decision| {
                        let o = opinion.get_untracked();
                        if let Err(e) = check_decision(d, &o) {
                            return derr.set(Some(e));
                        }
                        derr.set(None);
                        let (pid, seen) = (pid.clone(), seen.clone());
                        cmds.run(move |db, a| async move { decide_visit_plan(db.store(), &a, &pid, d, &o, seen.as_ref()).await }, |_| {});
                    };
                    let decide2 = decide.clone();
                    let own = p.rep == me() && is_rep();
                    let (rid, rdraft) = (p.id.clone(), p.draft.clone());
                    let revise = move |_| {
                        day.set(rdraft.day.map(|d| d.to_string()).unwrap_or_default());
                        goals.set(rdraft.goals.clone());
                        picked.set(rdraft.customers.clone());
                        slots.set(rdraft.all_slots());
                        error.set(None);
                        filed.set(false);
                        revising.set(Some((rid.clone(), rdraft.clone())));
                        if let Some(w) = web_sys::window() { w.scroll_to_with_x_and_y(0.0, 0.0); }
                    };
                    let status = p.status;
                    let pending = status == PlanStatus::Pending;
                    view! {
                        <article class="plan-row" data-testid="plan-row" data-status=status_code(status)>
                            <header class="row-head">
                                <strong>{p.draft.day.map(|d| move || day_text(i18n.lang(), d))}</strong>
                                <span class="muted">{rep_name}</span>
                                <span class=format!("badge status-{}", status_code(status)) data-testid="plan-status">{move || status_label(i18n.lang(), status)}</span>
                                {own.then(|| view! { <button type="button" data-testid="plan-revise" on:click=revise.clone()>{t(AMsg::Revise)}</button> })}
                                <a class="button" href=format!("#/activities/plan/{}", p.id) data-testid="plan-print">{t(AMsg::Print)}</a>
                            </header>
                            <p class="goals" data-testid="plan-goals-text">{p.draft.goals.clone()}</p>
                            <p class="muted" data-testid="plan-customers">{move || names.join(if i18n.lang() == crate::ui::i18n::Lang::ZhCn { "、" } else { ", " })}</p>
                            {(!pending && (!p.opinion.is_empty() || !p.decided_by.is_empty())).then(|| view! {
                                <p class="opinion" data-testid="plan-opinion"><span class="label">{t(AMsg::Opinion)}" ("{decider.clone()}"): "</span>{p.opinion.clone()}</p>
                            })}
                            {(pending && is_manager()).then(|| view! {
                                <div class="decide" data-testid="plan-decide">
                                    <label class="field grow"><span>{t(AMsg::Opinion)}</span>
                                        <input type="text" data-testid="plan-opinion-input" prop:value=move || opinion.get() on:input=move |ev| opinion.set(event_target_value(&ev)) />
                                        {move || derr.get().map(|e| view! { <small class="error" role="alert" data-testid="plan-error-opinion">{plan_error_text(i18n.lang(), &e)}</small> })}
                                    </label>
                                    <div class="actions">
                                        <button type="button" class="danger" data-testid="plan-reject" on:click=move |_| decide2(Decision::Rejected)>{t(AMsg::Reject)}</button>
                                        <button type="button" class="primary" data-testid="plan-approve" on:click=move |_| decide(Decision::Approved)>{t(AMsg::Approve)}</button>
                                    </div>
                                </div>
                            })}
                        </article>
                    }
                }).collect_view().into_any()
            }}
        </section>
    }
}
