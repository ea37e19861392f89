use leptos::prelude::*;

use crate::domain::cadence::next_contact;
use crate::domain::quota::progress;
use crate::storage::activities::{cadence_inputs, minutes_items, quota_activities};
use crate::storage::projects::open_stages;
use crate::storage::settings::load_calendar;
use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::activities::{day_text, days_left_text, kind_label, quota_label, rule_label, AMsg};
use crate::ui::i18n::{greeting, t, use_i18n, Lang, Msg};
use crate::ui::state::load::load_on_change;
use crate::ui::state::platform::now_ms;
use crate::ui::state::session::use_session;

/// How many days ahead a follow-up shows as coming up.
const UPCOMING_DAYS: i64 = 3;

/// The rep's day: who is working, the team-local date and whether it is a working day;
/// the day plan first (V8: calls in the morning, visits by region in the afternoon,
/// `day_plan_card.rs`), quota progress (V7), follow-ups due from the cadence engine (V6,
/// P8, K3) and minutes due (V5). A manager sees the team's minutes and a rep's day plan.
#[component]
pub fn TodayPage() -> impl IntoView {
    crate::ui::activities::activity_feed::provide_activity_feed();
    let session = use_session();
    let i18n = use_i18n();
    let ctx = use_customers();
    let feed = activity_feed();
    let working = RwSignal::new(None::<(chrono::NaiveDate, bool)>);
    load_on_change(
        move |db| async move { load_calendar(db.store()).await },
        move |cal| {
            let today = cal.local_date(now_ms());
            working.try_set(Some((today, cal.is_working_day(today))));
        },
    );
    let date_text = move |lang: Lang, d: chrono::NaiveDate| match lang {
        Lang::ZhCn => d.format("%Y年%-m月%-d日").to_string(),
        Lang::En => d.format("%A %-d %B %Y").to_string(),
    };
    let me = move || session.current.get().unwrap_or_default();
    let cmds = crate::ui::state::command::Commands::new();
    let is_manager = move || cmds.can(crate::app::reports::can_see_team);

    // A rep sees their own progress; a manager sees each rep's.
    let quotas = Memo::new(move |_| {
        let (cal, me, manager) = (feed.cal.get(), me(), is_manager());
        let day = cal.local_date(feed.now.get());
        let reps: Vec<(String, String)> = if manager {
            ctx.data.with(|d| {
                d.people
                    .iter()
                    .filter(|p| crate::app::reports::is_reported(p))
                    .map(|p| (p.id.clone(), p.name.clone()))
                    .collect()
            })
        } else {
            vec![(me, String::new())]
        };
        feed.data.with(|d| {
            reps.into_iter()
                .map(|(id, name)| {
                    (name, progress(&d.rules.quotas, &quota_activities(&d.activities, &id, &cal), &cal, day))
                })
                .collect::<Vec<_>>()
        })
    });
    // K3: evaluated key-account activities whose return visit is not recorded yet;
    // read again whenever records change (a local edit or a pull).
    let services = crate::ui::activities::activity_feed::service_returns_signal();
    let follow_ups = Memo::new(move |_| {
        let (cal, now, me) = (feed.cal.get(), feed.now.get(), me());
        let p8 = ctx.pool.with(|p| p.p8_days);
        let inputs = ctx.data.with(|c| {
            feed.data
                .with(|d| cadence_inputs(&c.customers, &d.activities, &open_stages(&d.projects), &services.read(), &me))
        });
        let settings = feed.data.with(|d| d.rules.cadence.clone());
        let mut v: Vec<_> = inputs
            .into_iter()
            .filter_map(|(id, input)| next_contact(&input, &settings, p8, &cal, now).ok().flatten().map(|n| (id, n)))
            .filter(|(_, n)| n.days_left <= UPCOMING_DAYS)
            .collect();
        v.sort_by_key(|(id, n)| (n.due_on, n.rule, id.clone()));
        v
    });
    let minutes_due = Memo::new(move |_| {
        let (cal, now, me, manager) = (feed.cal.get(), feed.now.get(), me(), is_manager());
        feed.data.with(|d| {
            minutes_items(d, &cal, now)
                .into_iter()
                .filter(|m| m.minutes.steps[0].is_none() && (manager || m.activity.rep == me))
                .collect::<Vec<_>>()
        })
    });
    let cname = move |id: &str| {
        ctx.data.with_untracked(|d| {
            d.get(id).map(|c| c.rec.file.name.clone()).unwrap_or_else(|| id.chars().take(8).collect())
        })
    };

    view! {
        <section class="card today">
            <h2 data-testid="greeting">
                {move || session.current_profile().map(|p| greeting(i18n.lang(), &p.name)).unwrap_or_default()}
            </h2>
            {move || working.get().map(|(d, is_working)| view! {
                <p data-testid="today-date">{date_text(i18n.lang(), d)}</p>
                <p data-testid="today-working" data-working=is_working.to_string()>
                    {if is_working { t(Msg::TodayWorkingDay)() } else { t(Msg::TodayRestDay)() }}
                </p>
            })}
        </section>
        // V8: what to do now, in order — the top of the day.
        <crate::ui::today::day_plan_card::DayPlanCard services />
        // P6 lost claims and P9 release notes owed (or sent back) come first: they are
        // what the rep must act on.
        <crate::ui::pool::my_notices::MyNotices />
        <div class="today-grid">
            <section class="card" data-testid="today-quotas">
                <h2>{t(AMsg::Quotas)}</h2>
                {move || quotas.get().into_iter().map(|(rep, ps)| view! {
                    {(!rep.is_empty()).then(|| view! { <h3 data-testid="quota-rep">{rep.clone()}</h3> })}
                    <ul class="plain-list quotas">
                        {ps.into_iter().enumerate().map(|(i, p)| {
                            let pct = (p.done * 100).checked_div(p.target).map_or(100, |p| p.min(100));
                            let (done, target, met) = (p.done, p.target, p.met);
                            let p2 = p.clone();
                            view! {
                                <li class="quota" class:met=met data-testid="quota" data-index=i.to_string()
                                    data-done=done.to_string() data-target=target.to_string() data-met=met.to_string()>
                                    <div class="quota-line">
                                        <span>{move || quota_label(i18n.lang(), &p)}</span>
                                        <strong data-testid="quota-count">{format!("{done} / {target}")}</strong>
                                    </div>
                                    <div class="bar" role="progressbar" aria-label=move || quota_label(i18n.lang(), &p2) aria-valuemin="0" aria-valuemax=target.to_string() aria-valuenow=done.to_string()>
                                        <span style=format!("width: {pct}%")></span>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }).collect_view()}
            </section>
            <section class="card" data-testid="today-followups">
                <h2>{t(AMsg::FollowUps)}</h2>
                {move || {
                    let v = follow_ups.get();
                    if v.is_empty() {
                        return view! { <p class="muted" data-testid="followups-empty">{t(AMsg::NoFollowUps)}</p> }.into_any();
                    }
                    view! {
                        <ul class="plain-list">
                            {v.into_iter().map(|(id, n)| {
                                let name = cname(&id);
                                let state = if n.overdue { "overdue" } else if n.days_left == 0 { "due" } else { "upcoming" };
                                view! {
                                    <li class=format!("followup {state}") data-testid="followup" data-state=state>
                                        <a href=format!("#/customers/{id}")>{name}</a>
                                        <span class="muted">" · "{move || rule_label(i18n.lang(), n.rule)}</span>
                                        <span class="badge" class:danger=n.overdue>{move || days_left_text(i18n.lang(), n.days_left)}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section class="card" data-testid="today-minutes">
                <h2>{t(AMsg::MinutesDue)}</h2>
                {move || {
                    let v = minutes_due.get();
                    if v.is_empty() {
                        return view! { <p class="muted" data-testid="today-minutes-empty">{t(AMsg::NoMinutes)}</p> }.into_any();
                    }
                    view! {
                        <ul class="plain-list">
                            {v.into_iter().map(|m| {
                                let name = cname(&m.activity.customer_id);
                                let (due, overdue, kind) = (m.minutes.due_on, m.minutes.overdue, m.activity.kind);
                                view! {
                                    <li data-testid="today-minutes-row" data-overdue=overdue.to_string()>
                                        <a href="#/activities/minutes">{name}</a>
                                        <span class="muted">" · "{move || kind_label(i18n.lang(), kind)}" · "{t(AMsg::DueBy)}" "{move || day_text(i18n.lang(), due)}</span>
                                        {overdue.then(|| view! { " " <span class="badge danger">{t(AMsg::Overdue)}</span> })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        </div>
    }
}
