use leptos::prelude::*;

use crate::app::key_accounts::{can_record_activity, record_key_account_activity};
use crate::domain::key_activity::KeyActivityDraft;
use crate::storage::key_accounts::{event_choices, KeyAccountsData};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::key_accounts::{activity_label, KMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::key_accounts::key_account_card::ACTIVITIES;
use crate::ui::orders::orders_ctx::use_orders;
use crate::ui::state::command::Commands;
use crate::ui::state::load::load_on_change;

/// K2 on the customer's key-account section: the activities recorded with this
/// customer, the latest first, and a form to record one (kind, day, who took part,
/// notes, the team event it was part of). The command checks everything again.
#[component]
pub fn KeyActivities(customer: String, data: RwSignal<KeyAccountsData>) -> impl IntoView {
    let i18n = use_i18n();
    let orders = use_orders();
    let people = use_customers();
    let cmds = Commands::new();
    let cust = StoredValue::new(customer);
    let mine = Memo::new(move |_| data.with(|d| d.activities_of(&cust.get_value())));
    let events = RwSignal::new(Vec::<(String, String, i64)>::new());
    load_on_change(
        move |db| async move { event_choices(db.store()).await },
        move |v| {
            events.try_set(v);
        },
    );

    let open = RwSignal::new(false);
    let kind = RwSignal::new(0usize);
    let on = RwSignal::new(String::new());
    let who = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let event = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let start = move |_| {
        on.set(orders.today().to_string());
        saved.set(false);
        error.set(None);
        open.set(true);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let Ok(day) = on.get_untracked().parse() else {
            return error.set(Some(crate::ui::i18n::orders::OMsg::ErrDate.text(i18n.lang()).into()));
        };
        let draft = KeyActivityDraft {
            kind: ACTIVITIES[kind.get_untracked().min(ACTIVITIES.len() - 1)],
            on: day,
            who: who.get_untracked(),
            notes: notes.get_untracked(),
            event_id: Some(event.get_untracked()).filter(|e| !e.is_empty()),
        };
        let c = cust.get_value();
        cmds.run(
            move |db, a| async move { record_key_account_activity(db.store(), &a, &c, &draft).await },
            move |r| match r {
                Ok(_) => {
                    error.set(None);
                    saved.set(true);
                    open.set(false);
                    who.set(String::new());
                    notes.set(String::new());
                    event.set(String::new());
                }
                Err(e) => error.set(Some(command_error(i18n.lang(), &e))),
            },
        );
    };
    let event_theme = move |id: &str| {
        events.with(|v| v.iter().find(|(e, ..)| e == id).map(|(_, theme, _)| theme.clone())).unwrap_or(id.to_owned())
    };
    view! {
        <div class="ka-activities" data-testid="ka-activities">
            <h3>{t(KMsg::Activities)}</h3>
            <Show when=move || !mine.with(Vec::is_empty) fallback=|| view! { <p class="muted" data-testid="ka-no-activities">{t(KMsg::NoActivities)}</p> }>
                <ul class="plain-list">
                    {move || mine.get().into_iter().map(|a| {
                        let by = people.data.with_untracked(|d| d.name_of(&a.recorded_by));
                        let event = a.event_id.as_deref().map(event_theme);
                        let notes = (!a.notes.is_empty()).then(|| a.notes.clone());
                        view! {
                            <li class="ka-item" data-testid="ka-activity" data-kind=a.kind.code()>
                                <p>
                                    <strong>{move || activity_label(i18n.lang(), a.kind)}</strong>
                                    <span class="muted">" · "{a.on.to_string()}" · "{t(KMsg::RecordedBy)}" "{by}</span>
                                </p>
                                <dl class="ka-facts">
                                    <dt>{t(KMsg::ActivityWho)}</dt><dd data-testid="ka-activity-who">{a.who.clone()}</dd>
                                    {notes.map(|n| view! { <dt>{t(KMsg::ActivityNotes)}</dt><dd data-testid="ka-activity-notes">{n}</dd> })}
                                    {event.map(|e| view! { <dt>{t(KMsg::ActivityEvent)}</dt><dd data-testid="ka-activity-event">{e}</dd> })}
                                </dl>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <Show when=move || saved.get()><p class="ok" role="status" data-testid="ka-activity-saved">{t(KMsg::ActivitySaved)}</p></Show>
            <Show when=move || open.get() fallback=move || view! {
                <Show when=move || cmds.can(can_record_activity) fallback=|| view! { <p class="muted">{t(KMsg::RecordOnlyTeam)}</p> }>
                    <button type="button" data-testid="ka-new-activity" on:click=start>{t(KMsg::NewActivity)}</button>
                </Show>
            }>
                <form class="form" data-testid="ka-activity-form" on:submit=save novalidate>
                    <div class="grid-2">
                        <label class="field"><span>{t(KMsg::ActivityKindLabel)}</span>
                            <select data-testid="kaa-kind" on:change=move |ev| kind.set(event_target_value(&ev).parse().unwrap_or(0))>
                                {ACTIVITIES.into_iter().enumerate().map(|(i, a)| view! {
                                    <option value=i.to_string() selected=move || kind.get() == i>{move || activity_label(i18n.lang(), a)}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <label class="field"><span>{t(KMsg::ActivityOn)}</span>
                            <input type="date" data-testid="kaa-date" prop:value=move || on.get() on:input=move |ev| on.set(event_target_value(&ev)) />
                        </label>
                    </div>
                    <label class="field"><span>{t(KMsg::ActivityWho)}</span>
                        <input type="text" data-testid="kaa-who" prop:value=move || who.get() on:input=move |ev| who.set(event_target_value(&ev)) />
                    </label>
                    <label class="field"><span>{t(KMsg::ActivityNotes)}</span>
                        <textarea rows="3" data-testid="kaa-notes" prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
                    </label>
                    <label class="field"><span>{t(KMsg::ActivityEvent)}</span>
                        <select data-testid="kaa-event" on:change=move |ev| event.set(event_target_value(&ev))>
                            <option value="" selected=move || event.with(String::is_empty)>{t(KMsg::NoEvent)}</option>
                            {move || events.get().into_iter().map(|(id, theme, _)| {
                                let v = id.clone();
                                view! { <option value=id selected=move || event.with(|e| *e == v)>{theme}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <div class="actions">
                        <button type="button" on:click=move |_| open.set(false)>{t(KMsg::Cancel)}</button>
                        <button type="submit" class="primary" data-testid="kaa-save">{t(KMsg::Save)}</button>
                    </div>
                </form>
            </Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="kaa-error">{e}</p> })}
        </div>
    }
}
