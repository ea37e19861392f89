use leptos::prelude::*;

use crate::app::activities::can_log_activity_for;
use crate::domain::activity::ActivityKind;
use crate::domain::day_plan::{DayItem, PlanKind};
use crate::storage::activities::ServiceReturn;
use crate::storage::day_plans::{rep_day_plan, CadenceContext};
use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::activities::activity_sheet::{provide_activity_sheet, ActivitySheetView};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::activities::{rule_label, AMsg};
use crate::ui::i18n::day_plan::{hint_text, plan_kind_code, DMsg};
use crate::ui::i18n::{t, use_i18n, Lang};
use crate::ui::state::command::Commands;
use crate::ui::state::session::use_session;

/// The top of Today (V8): the rep's calls and bookings in the morning, then the
/// afternoon's visits grouped by region, each row ticked once the day's activities did it
/// and with one action (log the call, log the visit) that opens the activity sheet. A
/// manager picks a rep and a day and reads that rep's plan (logging is the rep's own).
#[component]
pub fn DayPlanCard(services: RwSignal<Vec<ServiceReturn>>) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_customers();
    let feed = activity_feed();
    let session = use_session();
    let cmds = Commands::new();
    let sheet = provide_activity_sheet();
    let logging = RwSignal::new(None::<String>);
    let is_manager = move || cmds.can(crate::app::reports::can_see_team);
    let today = move || feed.cal.with(|c| c.local_date(feed.now.get()));
    let picked_rep = RwSignal::new(String::new());
    let picked_day = RwSignal::new(None::<chrono::NaiveDate>);
    let reps = Memo::new(move |_| {
        ctx.data.with(|d| {
            d.people
                .iter()
                .filter(|p| crate::app::reports::is_reported(p))
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    // A rep reads their own plan; a manager the picked rep's (the first one at first).
    let rep = move || {
        if !is_manager() {
            return session.current.get().unwrap_or_default();
        }
        let p = picked_rep.get();
        if p.is_empty() {
            reps.with(|r| r.first().map(|(id, _)| id.clone())).unwrap_or_default()
        } else {
            p
        }
    };
    let day = move || picked_day.get().unwrap_or_else(today);
    let plan = Memo::new(move |_| {
        let (rep, day, cal, now) = (rep(), day(), feed.cal.get(), feed.now.get());
        let p8_days = ctx.pool.with(|p| p.p8_days);
        ctx.data.with(|c| {
            services.with(|s| {
                feed.data.with(|d| {
                    let cc = CadenceContext { customers: &c.customers, services: s, p8_days, cal: &cal, now_ms: now };
                    rep_day_plan(d, &cc, &rep, day)
                })
            })
        })
    });
    // Logging is the rep's own, on the day itself.
    let can_log = move || {
        let r = rep();
        day() == today() && cmds.can(|a| can_log_activity_for(a, &r))
    };
    let open = move |customer: String, kind: PlanKind| {
        logging.set(Some(customer));
        sheet.open(Some(if kind == PlanKind::Call { ActivityKind::Call } else { ActivityKind::Visit }));
    };
    // Rows are plain text in the language of the moment: the list is drawn again when
    // the language, the plan or the day changes.
    let row = move |i: DayItem, lang: Lang, can_log: bool| {
        let (cid, kind, done, key) = (i.customer.clone(), i.kind, i.done, i.name.clone());
        let time = i.time.map(|x| x.format("%H:%M ").to_string()).unwrap_or_default();
        let follow_up = i.follow_up.map(|r| {
            let off = if i.planned { String::new() } else { format!(" · {}", DMsg::NotOnPlan.text(lang)) };
            format!("{}: {}{off}", DMsg::FollowUp.text(lang), rule_label(lang, r))
        });
        let action = if done {
            view! { <span class="badge ok" data-testid="day-done">{DMsg::Done.text(lang)}</span> }.into_any()
        } else if can_log {
            let label = if kind == PlanKind::Call { DMsg::LogCall } else { DMsg::LogVisit };
            view! {
                <button type="button" class="primary day-log" data-testid="day-log" on:click=move |_| open(cid.clone(), kind)>
                    {label.text(lang)}
                </button>
            }
            .into_any()
        } else {
            view! { <span class="badge" data-testid="day-todo">{DMsg::ToDo.text(lang)}</span> }.into_any()
        };
        view! {
            <li class="day-item" class:done=done data-testid="day-item" data-customer=key
                data-kind=plan_kind_code(kind) data-done=done.to_string()>
                <span class="tick" aria-hidden="true">{if done { "✓" } else { "" }}</span>
                <div class="day-item-text">
                    <a href=format!("#/customers/{}", i.customer)>{time}{i.name}</a>
                    {(!i.address.is_empty()).then(|| view! { <small class="muted">{i.address}</small> })}
                    {follow_up.map(|f| view! { <small class="muted" data-testid="day-follow-up">{f}</small> })}
                    {i.hint.map(|h| view! { <small class="hint" data-testid="day-hint">{hint_text(lang, h)}</small> })}
                </div>
                {action}
            </li>
        }
    };

    view! {
        <section class="card day-plan" data-testid="day-plan">
            <div class="card-head">
                <h2>{t(DMsg::DayPlan)}</h2>
                {move || plan.with(|p| {
                    let total = p.items().count();
                    let done = p.items().filter(|i| i.done).count();
                    (total > 0).then(|| view! { <span class="badge" data-testid="day-progress">{format!("{done} / {total} ")}{t(DMsg::Progress)}</span> })
                })}
            </div>
            <p class="muted">{t(AMsg::V8Hint)}</p>
            <div class="filters">
                <Show when=is_manager>
                    <label class="field compact"><span>{t(DMsg::Rep)}</span>
                        <select data-testid="day-rep" prop:value=rep on:change=move |ev| picked_rep.set(event_target_value(&ev))>
                            {move || reps.get().into_iter().map(|(id, n)| view! { <option value=id>{n}</option> }).collect_view()}
                        </select>
                    </label>
                </Show>
                <label class="field compact"><span>{t(DMsg::Day)}</span>
                    <input type="date" data-testid="day-pick" prop:value=move || day().to_string()
                        on:change=move |ev| picked_day.set(event_target_value(&ev).parse().ok()) />
                </label>
            </div>
            <Show when=is_manager>
                <p class="muted" data-testid="day-read-only">{t(DMsg::ReadOnly)}</p>
            </Show>
            {move || {
                let (p, lang, can_log) = (plan.get(), i18n.lang(), can_log());
                if p.is_empty() {
                    return view! { <p class="muted" data-testid="day-empty">{DMsg::NothingPlanned.text(lang)}</p> }.into_any();
                }
                view! {
                    {(!p.morning.is_empty()).then(|| view! {
                        <h3>{DMsg::Morning.text(lang)}</h3>
                        <ul class="plain-list day-items" data-testid="day-morning">
                            {p.morning.into_iter().map(|i| row(i, lang, can_log)).collect_view()}
                        </ul>
                    })}
                    {(!p.afternoon.is_empty()).then(|| view! { <h3>{DMsg::Afternoon.text(lang)}</h3> })}
                    {p.afternoon.into_iter().map(|g| {
                        let label = if g.region.is_empty() { AMsg::NoRegion.text(lang).to_owned() } else { g.region.clone() };
                        view! {
                            <div class="region" data-testid="visit-region" data-region=g.region>
                                <h4>{label}</h4>
                                <ul class="plain-list day-items">{g.items.into_iter().map(|i| row(i, lang, can_log)).collect_view()}</ul>
                            </div>
                        }
                    }).collect_view()}
                }.into_any()
            }}
            {move || logging.get().map(|customer| view! { <ActivitySheetView customer sheet /> })}
        </section>
    }
}
