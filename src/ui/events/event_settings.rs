use leptos::prelude::*;

use crate::app::events::{can_edit_event, set_kiosk_pin};
use crate::storage::events::pin_valid;
use crate::ui::events::events_ctx::use_events;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::events::EMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::platform::random_bytes;

/// The kiosk for one event (E3): its staff PIN (stored only as a salted Argon2id hash),
/// the questionnaire's questions (E5), and the button that locks this tablet to the
/// event's check-in until the PIN is typed.
#[component]
pub fn EventSettings(id: String) -> impl IntoView {
    let ctx = use_events();
    let i18n = use_i18n();
    let (pid, qid, kid) = (id.clone(), id.clone(), id.clone());
    let has_pin = Memo::new(move |_| ctx.get(&pid).is_some_and(|r| !r.pin.is_empty()));
    let pin = RwSignal::new(String::new());
    let pin2 = RwSignal::new(String::new());
    let pin_msg = RwSignal::new(None::<(bool, String)>);
    let cmds = Commands::new();
    let questions = RwSignal::new(ctx.get_untracked(&id).map(|r| r.questions.join("\n")).unwrap_or_default());
    let q_saved = RwSignal::new(false);
    let oid = id.clone();
    let may_edit = move || {
        let organiser = ctx.get(&oid).map(|r| r.event.keeper().to_owned()).unwrap_or_default();
        cmds.can(|a| can_edit_event(a, &organiser))
    };

    let set_pin = move |_| {
        let (p, p2) = (pin.get_untracked(), pin2.get_untracked());
        if !pin_valid(&p) {
            return pin_msg.set(Some((false, EMsg::PinInvalid.text(i18n.lang()).to_owned())));
        }
        if p != p2 {
            return pin_msg.set(Some((false, EMsg::PinMismatch.text(i18n.lang()).to_owned())));
        }
        let mut salt = [0u8; 16];
        random_bytes(&mut salt);
        let ev = kid.clone();
        cmds.run(
            move |db, a| async move { set_kiosk_pin(db.store(), &a, &ev, &p, &salt).await },
            move |r| {
                pin.set(String::new());
                pin2.set(String::new());
                pin_msg.set(Some(match r {
                    Ok(_) => (true, EMsg::PinSet.text(i18n.lang()).to_owned()),
                    Err(e) => (false, command_error(i18n.lang(), &e)),
                }));
            },
        );
    };
    let save_questions = move |_| {
        let qs: Vec<String> = questions.get_untracked().lines().map(str::to_owned).collect();
        let ev = qid.clone();
        cmds.run(
            move |db, a| async move { crate::app::events::save_questions(db.store(), &a, &ev, &qs).await },
            move |r| q_saved.set(r.is_ok()),
        );
    };
    let start = move |_| {
        let pin = ctx.get_untracked(&id).map(|r| r.pin).unwrap_or_default();
        ctx.enter_kiosk(&id, &pin);
    };
    view! {
        <section class="card form" data-testid="event-settings">
            <h2>{t(EMsg::KioskTitle)}</h2>
            <p class="muted">{t(EMsg::KioskHint)}</p>
            <div class="grid-2">
                <label class="field"><span>{t(EMsg::Pin)}</span>
                    <input type="password" inputmode="numeric" autocomplete="new-password" data-testid="pin-new" prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev)) />
                </label>
                <label class="field"><span>{t(EMsg::PinAgain)}</span>
                    <input type="password" inputmode="numeric" autocomplete="new-password" data-testid="pin-again" prop:value=move || pin2.get() on:input=move |ev| pin2.set(event_target_value(&ev)) />
                </label>
            </div>
            {move || pin_msg.get().map(|(ok, m)| view! { <p class=if ok { "ok" } else { "error" } role="status" data-testid="pin-msg">{m}</p> })}
            <div class="actions">
                <button type="button" data-testid="pin-save" on:click=set_pin>{move || if has_pin.get() { t(EMsg::PinChange)() } else { t(EMsg::PinSave)() }}</button>
                <button type="button" class="primary" data-testid="kiosk-start" disabled=move || !has_pin.get() on:click=start>{t(EMsg::KioskStart)}</button>
            </div>
            <Show when=move || !has_pin.get()><p class="notice warn" data-testid="kiosk-needs-pin">{t(EMsg::KioskNeedsPin)}</p></Show>
            <label class="field"><span>{t(EMsg::Questions)}</span>
                <textarea rows="4" data-testid="event-questions" prop:value=move || questions.get() on:input=move |ev| { questions.set(event_target_value(&ev)); q_saved.set(false); }></textarea>
            </label>
            <div class="actions">
                <Show when=move || q_saved.get()><span class="ok" role="status" data-testid="questions-saved">{t(EMsg::Saved)}</span></Show>
                <button type="button" data-testid="questions-save" disabled=move || !may_edit() on:click=save_questions>{t(EMsg::SaveQuestions)}</button>
            </div>
        </section>
    }
}
