use leptos::prelude::*;

use crate::app::activities::log_activity;
use crate::domain::activity::{Activity, ActivityError, ActivityKind, NextStep, PersonMet, VisitStage};
use crate::domain::first_contact::{FirstContact, FirstContactStep, MaterialsVia, NextFirstStep};
use crate::domain::minutes::MinutesState;
use crate::domain::visit_plan::{visit_cover, VisitCover};
use crate::storage::activities::minutes_items;
use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::activities::{
    activity_error_field, activity_error_text, day_text, kind_code, kind_label, stage_label, step_label, via_label,
    AMsg,
};
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::customers::date_text;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::platform::{new_id, now_ms};
use crate::ui::state::session::use_session;

const KINDS: [ActivityKind; 5] =
    [ActivityKind::Visit, ActivityKind::Call, ActivityKind::Meeting, ActivityKind::Email, ActivityKind::Sms];

#[derive(Debug, Clone, Default)]
struct Form {
    when: String,
    person: PersonMet,
    needs: String,
    stage: String,
    next: String,
    next_due: String,
    notes: String,
    /// V1: what this contact was for, if a first-contact step.
    first_contact: Option<FirstContactStep>,
}

/// The purpose select's value for a step.
fn purpose_code(s: Option<FirstContactStep>) -> &'static str {
    match s {
        None => "",
        Some(FirstContactStep::Materials { .. }) => "materials",
        Some(FirstContactStep::ConfirmBooking) => "confirm",
        Some(FirstContactStep::Invitation) => "invitation",
    }
}

fn via_code(v: MaterialsVia) -> &'static str {
    match v {
        MaterialsVia::Email => "email",
        MaterialsVia::Post => "post",
        MaterialsVia::Website => "website",
    }
}

/// The customer's activity log (V3, V4): log a call, visit, meeting, email or SMS with
/// who was met, the needs stated, the visit stage and the next step; tap a contact's
/// phone, SMS or email button to reach them and log the contact at once (P8 reads it).
#[component]
pub fn ActivityCard(customer: String) -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    let feed = activity_feed();
    let cmds = Commands::new();
    let session = use_session();
    let kind = RwSignal::new(ActivityKind::Visit);
    let form = RwSignal::new(Form::default());
    let error = RwSignal::new(None::<ActivityError>);
    let failed = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let err_for = move |field: &'static str| {
        move || {
            error.get().filter(|e| activity_error_field(e) == field).map(|e| view! {
            <small class="error" role="alert" data-testid=format!("act-error-{field}")>{activity_error_text(i18n.lang(), &e)}</small>
        })
        }
    };
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

    let save_c = customer.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let f = form.get_untracked();
        let k = kind.get_untracked();
        let cal = feed.cal.get_untracked();
        let now = now_ms();
        let at_ms = match chrono::NaiveDateTime::parse_from_str(&f.when, "%Y-%m-%dT%H:%M") {
            Ok(t) => t.and_utc().timestamp_millis() - i64::from(cal.utc_offset_minutes) * 60_000,
            Err(_) => now,
        };
        let person = PersonMet {
            name: f.person.name.trim().to_owned(),
            title: f.person.title.trim().to_owned(),
            decision_maker: f.person.decision_maker,
        };
        let a = Activity {
            id: new_id(),
            customer_id: save_c.clone(),
            rep: session.current.try_get_untracked().flatten().unwrap_or_default(),
            kind: k,
            at_ms,
            people_met: if person.name.is_empty() && person.title.is_empty() && !person.decision_maker {
                vec![]
            } else {
                vec![person]
            },
            needs: f.needs.trim().to_owned(),
            visit_stage: if k == ActivityKind::Visit {
                VisitStage::ALL.into_iter().find(|s| format!("{s:?}") == f.stage)
            } else {
                None
            },
            next_step: (!f.next.trim().is_empty() || !f.next_due.is_empty())
                .then(|| NextStep { text: f.next.trim().to_owned(), due_on: f.next_due.parse().ok() }),
            notes: f.notes.trim().to_owned(),
            first_contact: f.first_contact,
        };
        if let Err(e) = a.check(cal.local_date(at_ms), now) {
            return error.set(Some(e));
        }
        error.set(None);
        cmds.run(
            move |db, x| async move { log_activity(db.store(), &x, &a).await },
            move |r| match r {
                Ok(_) => {
                    form.set(Form::default());
                    saved.set(true);
                    failed.set(None);
                }
                Err(e) => failed.set(Some(command_error(i18n.lang(), &e))),
            },
        );
    };

    // V2: a visit logged without an approved plan for its customer and day is recorded
    // all the same; the form says how it stands before it is saved.
    let cover_c = customer.clone();
    let cover = Memo::new(move |_| {
        if kind.get() != ActivityKind::Visit {
            return None;
        }
        let cal = feed.cal.get();
        let day = form
            .with(|f| chrono::NaiveDateTime::parse_from_str(&f.when, "%Y-%m-%dT%H:%M").ok())
            .map_or_else(|| cal.local_date(feed.now.get()), |t| t.date());
        let me = session.current.get().unwrap_or_default();
        let c = feed
            .data
            .with(|d| visit_cover(d.plans.iter().filter(|p| p.rep == me).map(|p| (&p.draft, p.status)), &cover_c, day));
        (c != VisitCover::Approved).then_some(c)
    });

    // One tap: open the phone, SMS or mail app and log the contact.
    let log_contact = contact_logger(customer.clone());
    let quick = move |k: ActivityKind, name: String, title: String, dm: bool| {
        log_contact(k, PersonMet { name, title, decision_maker: dm }, Some(failed));
    };

    // V1: where the first contact stands, from the log.
    let first = Memo::new(move |_| log.with(|l| FirstContact::of(l.iter())));
    let set_purpose = move |code: String| {
        form.update(|f| {
            f.first_contact = match code.as_str() {
                "materials" => Some(FirstContactStep::Materials { via: MaterialsVia::Email }),
                "confirm" => Some(FirstContactStep::ConfirmBooking),
                "invitation" => Some(FirstContactStep::Invitation),
                _ => None,
            }
        });
        // The kind the step is made by, so the form fits it at once.
        match form.with_untracked(|f| f.first_contact) {
            Some(FirstContactStep::Materials { .. }) => kind.set(ActivityKind::Email),
            Some(_) => kind.set(ActivityKind::Call),
            None => {}
        }
        error.set(None);
    };
    view! {
        <section class="card activities" data-testid="activity-card">
            <h2>{t(AMsg::ActivityLog)}</h2>
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
            </div>
            <form class="form" data-testid="activity-form" on:submit=save novalidate>
                <h3>{t(AMsg::LogActivity)}</h3>
                <div class="kind-picker" role="radiogroup">
                    {KINDS.into_iter().map(|k| view! {
                        <button type="button" class="chip" data-testid=format!("act-kind-{}", kind_code(k))
                            aria-pressed=move || (kind.get() == k).to_string()
                            on:click=move |_| kind.set(k)>{move || kind_label(i18n.lang(), k)}</button>
                    }).collect_view()}
                </div>
                <div class="grid-2">
                    <label class="field"><span>{t(AMsg::FcPurpose)}</span>
                        <select data-testid="act-purpose" prop:value=move || purpose_code(form.with(|f| f.first_contact))
                            on:change=move |ev| set_purpose(event_target_value(&ev))>
                            <option value="">{t(AMsg::FcNone)}</option>
                            <option value="materials">{t(AMsg::FcMaterials)}</option>
                            <option value="confirm">{t(AMsg::FcConfirm)}</option>
                            <option value="invitation">{t(AMsg::FcInvitation)}</option>
                        </select>
                        {err_for("purpose")}
                    </label>
                    <Show when=move || matches!(form.with(|f| f.first_contact), Some(FirstContactStep::Materials { .. }))>
                        <label class="field"><span>{t(AMsg::FcVia)}</span>
                            <select data-testid="act-via"
                                prop:value=move || match form.with(|f| f.first_contact) { Some(FirstContactStep::Materials { via }) => via_code(via), _ => "" }
                                on:change=move |ev| {
                                    let v = MaterialsVia::ALL.into_iter().find(|v| via_code(*v) == event_target_value(&ev));
                                    if let Some(via) = v {
                                        form.update(|f| f.first_contact = Some(FirstContactStep::Materials { via }));
                                        error.set(None);
                                    }
                                }>
                                {MaterialsVia::ALL.into_iter().map(|v| view! { <option value=via_code(v)>{move || via_label(v).text(i18n.lang())}</option> }).collect_view()}
                            </select>
                        </label>
                    </Show>
                    <label class="field"><span>{t(AMsg::When)}</span>
                        <input type="datetime-local" data-testid="act-when" prop:value=move || form.with(|f| f.when.clone())
                            on:input=move |ev| form.update(|f| f.when = event_target_value(&ev)) />
                        {err_for("when")}
                    </label>
                    {move || cover.get().map(|c| {
                        let (code, msg) = match c {
                            VisitCover::Pending => ("pending", AMsg::CoverPending),
                            VisitCover::Rejected => ("rejected", AMsg::CoverRejected),
                            _ => ("none", AMsg::CoverNotPlanned),
                        };
                        view! { <p class="notice warn" role="status" data-testid="act-unplanned" data-cover=code>{t(msg)}</p> }
                    })}
                    <Show when=move || kind.get() == ActivityKind::Visit>
                        <label class="field"><span>{t(AMsg::Stage)}</span>
                            <select data-testid="act-stage" prop:value=move || form.with(|f| f.stage.clone())
                                on:change=move |ev| form.update(|f| f.stage = event_target_value(&ev))>
                                <option value="">"—"</option>
                                {VisitStage::ALL.into_iter().map(|s| view! { <option value=format!("{s:?}")>{move || stage_label(i18n.lang(), s)}</option> }).collect_view()}
                            </select>
                            {err_for("stage")}
                        </label>
                    </Show>
                    <label class="field"><span>{t(AMsg::PersonMet)}</span>
                        <input type="text" data-testid="act-person" prop:value=move || form.with(|f| f.person.name.clone())
                            on:input=move |ev| form.update(|f| f.person.name = event_target_value(&ev)) />
                        {err_for("person")}
                    </label>
                    <label class="field"><span>{t(AMsg::PersonTitle)}</span>
                        <input type="text" data-testid="act-title" prop:value=move || form.with(|f| f.person.title.clone())
                            on:input=move |ev| form.update(|f| f.person.title = event_target_value(&ev)) />
                    </label>
                </div>
                <label class="check">
                    <input type="checkbox" data-testid="act-dm" prop:checked=move || form.with(|f| f.person.decision_maker)
                        on:change=move |ev| form.update(|f| f.person.decision_maker = event_target_checked(&ev)) />
                    <span>{t(AMsg::DecisionMaker)}</span>
                </label>
                <label class="field"><span>{t(AMsg::Needs)}</span>
                    <textarea rows="2" data-testid="act-needs" prop:value=move || form.with(|f| f.needs.clone())
                        on:input=move |ev| form.update(|f| f.needs = event_target_value(&ev))></textarea>
                </label>
                <div class="grid-2">
                    <label class="field"><span>{t(AMsg::NextStep)}</span>
                        <input type="text" data-testid="act-next" prop:value=move || form.with(|f| f.next.clone())
                            on:input=move |ev| form.update(|f| f.next = event_target_value(&ev)) />
                        {err_for("next")}
                    </label>
                    <label class="field"><span>{t(AMsg::NextStepDue)}</span>
                        <input type="date" data-testid="act-next-due" prop:value=move || form.with(|f| f.next_due.clone())
                            on:input=move |ev| form.update(|f| f.next_due = event_target_value(&ev)) />
                    </label>
                </div>
                <label class="field"><span>{t(AMsg::Notes)}</span>
                    <textarea rows="2" data-testid="act-notes" prop:value=move || form.with(|f| f.notes.clone())
                        on:input=move |ev| form.update(|f| f.notes = event_target_value(&ev))></textarea>
                </label>
                {move || failed.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="actions">
                    <Show when=move || saved.get()><span class="ok" role="status" data-testid="act-saved">{t(AMsg::Logged)}</span></Show>
                    <button type="submit" class="primary" data-testid="act-save">{t(AMsg::SaveActivity)}</button>
                </div>
            </form>
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
                        view! {
                            <li class="activity-row" data-testid="activity-row" data-kind=kind_code(a.kind)>
                                <div class="row-head">
                                    <span class="badge">{move || kind_label(i18n.lang(), a.kind)}</span>
                                    <span class="muted">{move || date_text(i18n.lang(), a.at_ms)}" · "{who.clone()}</span>
                                    {a.visit_stage.map(|s| view! { <span class="badge stage" data-testid="activity-stage">{move || stage_label(i18n.lang(), s)}</span> })}
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
