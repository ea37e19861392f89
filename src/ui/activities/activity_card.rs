use leptos::prelude::*;

use crate::app::activities::log_activity;
use crate::domain::activity::{Activity, ActivityKind, PersonMet};
use crate::domain::first_contact::{FirstContact, NextFirstStep};
use crate::domain::minutes::MinutesState;
use crate::domain::visit_plan::{visit_cover, visit_warning};
use crate::storage::activities::minutes_items;
use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::activities::activity_sheet::use_activity_sheet;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::activities::{day_text, kind_code, kind_label, stage_label, step_label, via_label, AMsg};
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::customers::date_text;
use crate::ui::i18n::day_plan::DMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::platform::{new_id, now_ms};

/// The customer's activity log (V1, V3, V4): where the first contact stands, one tap on a
/// contact's phone, SMS or email button to reach them and log the contact at once (P8
/// reads it), the activities latest first, and a button that opens the activity sheet
/// (`activity_sheet.rs`) to log a call, visit, meeting, email or SMS in full.
#[component]
pub fn ActivityCard(customer: String) -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    let feed = activity_feed();
    let sheet = use_activity_sheet();
    let failed = RwSignal::new(None::<String>);
    let cid = customer.clone();
    let contacts =
        Memo::new(move |_| ctx.data.with(|d| d.get(&cid).map(|c| c.rec.contacts.clone()).unwrap_or_default()));
    let lid = customer.clone();
    let log = Memo::new(move |_| {
        feed.data.with(|d| d.activities.iter().filter(|a| a.customer_id == lid).cloned().collect::<Vec<_>>())
    });
    let mid = customer.clone();
    let minutes_of = Memo::new(move |_| {
        let (cal, now) = (feed.cal.get(), feed.now.get());
        feed.data.with(|d| {
            minutes_items(d, &cal, now)
                .into_iter()
                .filter(|m| m.activity.customer_id == mid)
                .map(|m| (m.activity.id.clone(), m.minutes.state, m.minutes.overdue))
                .collect::<Vec<_>>()
        })
    });

    // One tap: open the phone, SMS or mail app and log the contact.
    let log_contact = contact_logger(customer.clone());
    let quick = move |k: ActivityKind, name: String, title: String, dm: bool| {
        log_contact(k, PersonMet { name, title, decision_maker: dm }, Some(failed));
    };

    // V2: the visits no approved plan of their rep covered on their day.
    let uid = customer.clone();
    let unplanned = Memo::new(move |_| {
        let cal = feed.cal.get();
        feed.data.with(|d| {
            d.activities
                .iter()
                .filter(|a| a.customer_id == uid)
                .filter(|a| {
                    let plans = d.plans.iter().filter(|p| p.rep == a.rep).map(|p| (&p.draft, p.status));
                    visit_warning(a.kind, visit_cover(plans, &uid, cal.local_date(a.at_ms))).is_some()
                })
                .map(|a| a.id.clone())
                .collect::<Vec<_>>()
        })
    });

    // V1: where the first contact stands, from the log.
    let first = Memo::new(move |_| log.with(|l| FirstContact::of(l.iter())));
    view! {
        <section class="card activities" data-testid="activity-card">
            <div class="card-head">
                <h2>{t(AMsg::ActivityLog)}</h2>
                {sheet.map(|s| view! {
                    <button type="button" class="primary" data-testid="act-open" aria-haspopup="dialog"
                        on:click=move |_| s.open(None)>
                        {t(AMsg::LogActivity)}
                        <Show when=move || s.draft.get()>
                            " "<span class="badge warn" data-testid="act-draft">{t(AMsg::DraftKept)}</span>
                        </Show>
                    </button>
                })}
            </div>
            <div class="first-contact" data-testid="first-contact" data-next=move || match first.get().next() {
                None => "met", Some(NextFirstStep::SendMaterials) => "materials",
                Some(NextFirstStep::ConfirmCall) => "confirm", Some(NextFirstStep::FirstMeeting) => "meeting",
            }>
                <h3>{t(AMsg::FirstContactTitle)}</h3>
                <ol class="fc-steps">
                    <li class:done=move || first.with(|f| f.materials.is_some())>
                        {t(AMsg::FcMaterials)}
                        {move || first.get().materials.map(|(at, via)| view! {
                            " · "{move || day_text(i18n.lang(), feed.cal.get().local_date(at))}" · "{move || via_label(via).text(i18n.lang())}
                        })}
                    </li>
                    <li class:done=move || first.with(|f| f.confirmed_ms.is_some())>
                        {t(AMsg::FcConfirm)}
                        {move || first.get().confirmed_ms.map(|at| view! { " · "{move || day_text(i18n.lang(), feed.cal.get().local_date(at))} })}
                    </li>
                    <li class:done=move || first.with(|f| f.met_ms.is_some())>
                        {t(AMsg::FcDone)}
                        {move || first.get().met_ms.map(|at| view! { " · "{move || day_text(i18n.lang(), feed.cal.get().local_date(at))} })}
                    </li>
                </ol>
                {move || {
                    let f = first.get();
                    let next = match f.next() {
                        Some(NextFirstStep::SendMaterials) => Some(AMsg::FcNextMaterials),
                        Some(NextFirstStep::ConfirmCall) => Some(AMsg::FcNextConfirm),
                        Some(NextFirstStep::FirstMeeting) => Some(AMsg::FcNextMeeting),
                        None => None,
                    };
                    view! {
                        {next.map(|m| view! { <p class="muted" data-testid="fc-next">{move || m.text(i18n.lang())}</p> })}
                        {(!f.invitations.is_empty()).then(|| view! {
                            <p class="muted" data-testid="fc-invitations">{t(AMsg::FcInvitation)}": "{f.invitations.len()}</p>
                        })}
                    }
                }}
            </div>
            <div class="quick-contact" data-testid="quick-contact">
                <h3>{t(AMsg::QuickContact)}</h3>
                {move || {
                    let cs = contacts.get();
                    let any = cs.iter().any(|c| !c.contact.phone.is_empty() || !c.contact.email.is_empty());
                    if !any {
                        return view! { <p class="muted">{t(AMsg::NoContactWays)}</p> }.into_any();
                    }
                    cs.into_iter().map(|c| {
                        let x = c.contact;
                        let phone = x.phone.replace(' ', "");
                        let (q1, q2, q3) = (quick.clone(), quick.clone(), quick.clone());
                        let (n1, n2, n3) = (x.name.clone(), x.name.clone(), x.name.clone());
                        let (t1, t2, t3) = (x.title.clone(), x.title.clone(), x.title.clone());
                        let dm = x.decision_maker;
                        view! {
                            <div class="quick-row" data-testid="quick-row">
                                <strong>{x.name.clone()}</strong>
                                {(!phone.is_empty()).then(|| view! {
                                    <a class="button" data-testid="quick-call" href=format!("tel:{phone}")
                                        on:click=move |_| q1(ActivityKind::Call, n1.clone(), t1.clone(), dm)>{t(AMsg::CallBtn)}</a>
                                    <a class="button" data-testid="quick-sms" href=format!("sms:{phone}")
                                        on:click=move |_| q2(ActivityKind::Sms, n2.clone(), t2.clone(), dm)>{t(AMsg::SmsBtn)}</a>
                                })}
                                {(!x.email.is_empty()).then(|| view! {
                                    <a class="button" data-testid="quick-email" href=format!("mailto:{}", x.email)
                                        on:click=move |_| q3(ActivityKind::Email, n3.clone(), t3.clone(), dm)>{t(AMsg::EmailBtn)}</a>
                                })}
                            </div>
                        }
                    }).collect_view().into_any()
                }}
                {move || failed.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </div>
            <ol class="plain-list activity-list" data-testid="activity-list">
                {move || {
                    let items = log.get();
                    if items.is_empty() {
                        return view! { <li class="muted" data-testid="activity-empty">{t(AMsg::NoActivities)}</li> }.into_any();
                    }
                    let mins = minutes_of.get();
                    items.into_iter().map(|a| {
                        let m = mins.iter().find(|(id, ..)| *id == a.id).map(|(_, s, o)| (*s, *o));
                        let who = ctx.data.with_untracked(|d| d.name_of(&a.rep));
                        let off_plan = unplanned.with(|u| u.contains(&a.id));
                        view! {
                            <li class="activity-row" data-testid="activity-row" data-kind=kind_code(a.kind)>
                                <div class="row-head">
                                    <span class="badge">{move || kind_label(i18n.lang(), a.kind)}</span>
                                    <span class="muted">{move || date_text(i18n.lang(), a.at_ms)}" · "{who.clone()}</span>
                                    {a.visit_stage.map(|s| view! { <span class="badge stage" data-testid="activity-stage">{move || stage_label(i18n.lang(), s)}</span> })}
                                    {off_plan.then(|| view! {
                                        <span class="badge warn" data-testid="activity-unplanned" title=t(DMsg::UnplannedTitle)>{t(DMsg::Unplanned)}</span>
                                    })}
                                    {m.map(|(s, overdue)| view! {
                                        <a class="badge" class:danger=overdue href="#/activities/minutes" data-testid="activity-minutes">
                                            {move || step_label(i18n.lang(), match s { MinutesState::Due => None, MinutesState::Done(x) => Some(x) })}
                                        </a>
                                    })}
                                </div>
                                {a.people_met.iter().map(|p| {
                                    let p = p.clone();
                                    view! { <p class="person">{p.name.clone()}{(!p.title.is_empty()).then(|| format!(" · {}", p.title))}
                                        {p.decision_maker.then(|| view! { " " <span class="badge">{t(AMsg::DecisionMaker)}</span> })}</p> }
                                }).collect_view()}
                                {(!a.needs.is_empty()).then(|| view! { <p class="needs"><span class="label">{t(AMsg::Needs)}": "</span>{a.needs.clone()}</p> })}
                                {a.next_step.clone().map(|n| view! { <p class="next"><span class="label">{t(AMsg::NextStep)}": "</span>{n.text.clone()}
                                    {n.due_on.map(|d| view! { " · " {move || day_text(i18n.lang(), d)} })}</p> })}
                                {(!a.notes.is_empty()).then(|| view! { <p class="muted">{a.notes.clone()}</p> })}
                            </li>
                        }
                    }).collect_view().into_any()
                }}
            </ol>
        </section>
    }
}

/// A tap on a `tel:`, `sms:` or `mailto:` link for one of `customer`'s contacts logs the
/// contact as an activity (V3) with its `contact.logged` fact (P8), wherever the link is
/// (the activity card's quick row, the contacts card). Built with the component; called
/// from event handlers. A failure lands in `failed` when given.
pub fn contact_logger(
    customer: String,
) -> impl Fn(ActivityKind, PersonMet, Option<RwSignal<Option<String>>>) + Clone + 'static {
    let cmds = Commands::new();
    let i18n = use_i18n();
    move |kind, met, failed| {
        let a = Activity {
            id: new_id(),
            customer_id: customer.clone(),
            // The logger's own activity: the command stores it under the current profile.
            rep: String::new(),
            kind,
            at_ms: now_ms(),
            people_met: vec![met],
            needs: String::new(),
            visit_stage: None,
            next_step: None,
            notes: String::new(),
            first_contact: None,
        };
        cmds.run(
            move |db, x| async move { log_activity(db.store(), &x, &Activity { rep: x.profile.clone(), ..a }).await },
            move |r| {
                if let Some(f) = failed {
                    f.set(r.err().map(|e| command_error(i18n.lang(), &e)));
                }
            },
        );
    }
}
