use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::app::activities::log_activity;
use crate::domain::activity::{Activity, ActivityError, ActivityKind, NextStep, PersonMet, VisitStage};
use crate::domain::customer::talking_points;
use crate::domain::first_contact::{FirstContactStep, MaterialsVia};
use crate::domain::visit_plan::{visit_cover, visit_warning, VisitCover};
use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::i18n::activities::{
    activity_error_field, activity_error_text, kind_code, kind_label, stage_label, via_label, AMsg,
};
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::customers::CMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::platform::{local_get, local_remove, local_set, new_id, now_ms};
use crate::ui::state::session::use_session;

const KINDS: [ActivityKind; 5] =
    [ActivityKind::Visit, ActivityKind::Call, ActivityKind::Meeting, ActivityKind::Email, ActivityKind::Sms];

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
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

/// Where the form keeps what is typed and not saved, per customer: a reload or the back
/// button loses nothing either.
fn draft_key(customer: &str) -> String {
    format!("outpost.draft.activity.{customer}")
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

/// Logging one activity with a customer (V3, V4): a call, visit, meeting, email or SMS
/// with who was met, the needs stated, the visit stage and the next step, checked field
/// by field before the command stores it; a visit without an approved plan is flagged
/// first (V2). `kind` is the caller's, so a one-tap button can pick it; `draft` follows
/// whether anything is typed (kept on the device until saved); `on_saved` runs once the
/// activity is stored, after the form has been cleared.
#[component]
pub fn ActivityForm(
    customer: String,
    kind: RwSignal<ActivityKind>,
    on_saved: Callback<()>,
    #[prop(optional)] draft: Option<RwSignal<bool>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let feed = activity_feed();
    let cmds = Commands::new();
    let session = use_session();
    let key = StoredValue::new(draft_key(&customer));
    let kept = key.with_value(|k| local_get(k)).and_then(|t| serde_json::from_str::<Form>(&t).ok());
    let form = RwSignal::new(kept.unwrap_or_default());
    let error = RwSignal::new(None::<ActivityError>);
    let failed = RwSignal::new(None::<String>);
    // Every keystroke lands in the draft; an empty form has none.
    Effect::new(move |_| {
        let typed = form.with(|f| {
            let typed = *f != Form::default();
            match serde_json::to_string(f) {
                Ok(text) if typed => key.with_value(|k| local_set(k, &text)),
                _ => key.with_value(|k| local_remove(k)),
            }
            typed
        });
        if let Some(d) = draft {
            if d.get_untracked() != typed {
                d.set(typed);
            }
        }
    });
    let err_for = move |field: &'static str| {
        move || {
            error.get().filter(|e| activity_error_field(e) == field).map(|e| view! {
            <small class="error" role="alert" data-testid=format!("act-error-{field}")>{activity_error_text(i18n.lang(), &e)}</small>
        })
        }
    };

    let save_c = customer.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
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
        // A started write always lands, even if the page is left before it answers: the
        // draft goes now, so it cannot come back as a second copy (a refusal leaves the
        // form as typed, and the next keystroke keeps it again).
        key.with_value(|k| local_remove(k));
        cmds.run(
            move |db, x| async move { log_activity(db.store(), &x, &a).await },
            move |r| match r {
                Ok(_) => {
                    form.set(Form::default());
                    failed.set(None);
                    on_saved.run(());
                }
                Err(e) => failed.set(Some(command_error(i18n.lang(), &e))),
            },
        );
    };

    // Before a face-to-face meeting: what the customer's decision makers care about.
    let customers = crate::ui::customers::customers_ctx::use_customers();
    let prep_c = customer.clone();
    let prep = Memo::new(move |_| {
        customers.data.with(|d| {
            d.get(&prep_c)
                .map(|c| {
                    talking_points(c.rec.contacts.iter().map(|x| &x.contact))
                        .into_iter()
                        .map(|p| (p.name.clone(), p.decision_maker, p.interests.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });

    // V2: a visit logged without an approved plan for its customer and day is recorded
    // all the same; the form says how it stands before it is saved.
    let cover_c = customer.clone();
    let cover = Memo::new(move |_| {
        let k = kind.get();
        if k != ActivityKind::Visit {
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
        visit_warning(k, c)
    });

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
        <form class="form" data-testid="activity-form" on:submit=save novalidate>
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
                {move || kind.get().is_face_to_face().then(|| prep.get()).filter(|p| !p.is_empty()).map(|people| view! {
                    <section class="notice prep" data-testid="act-prep" aria-label=move || t(CMsg::PrepTitle)()>
                        <strong>{t(CMsg::PrepTitle)}</strong>
                        <ul class="plain-list">
                            {people.into_iter().map(|(name, dm, interests)| view! {
                                <li data-testid="act-prep-person">
                                    <span class="prep-name">{name}</span>
                                    {dm.then(|| view! { <span class="badge">{t(CMsg::DecisionMaker)}</span> })}
                                    ": "{interests}
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                })}
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
                <button type="submit" class="primary" data-testid="act-save">{t(AMsg::SaveActivity)}</button>
            </div>
        </form>
    }
}
