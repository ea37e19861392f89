use leptos::prelude::*;

use crate::app::events::{can_set_team_staff_pin, set_team_staff_pin};
use crate::storage::events::pin_valid;
use crate::storage::staff_pin::load_staff_pin;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::events::EMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::load::load_on_change;
use crate::ui::state::platform::random_bytes;

/// E3: the team staff PIN, which opens every kiosk of the team (synced; stored only as
/// a salted Argon2id hash). Managers set or clear it; everyone sees whether one is set.
#[component]
pub fn StaffPinSettings() -> impl IntoView {
    let cmds = Commands::new();
    let i18n = use_i18n();
    let is_set = RwSignal::new(false);
    load_on_change(
        move |db| async move { load_staff_pin(db.store()).await },
        move |h: String| is_set.set(!h.is_empty()),
    );
    let pin = RwSignal::new(String::new());
    let pin2 = RwSignal::new(String::new());
    let msg = RwSignal::new(None::<(bool, String)>);
    let save = move |clear: bool| {
        let (p, p2) = if clear { (String::new(), String::new()) } else { (pin.get_untracked(), pin2.get_untracked()) };
        if !clear && !pin_valid(&p) {
            return msg.set(Some((false, EMsg::PinInvalid.text(i18n.lang()).to_owned())));
        }
        if p != p2 {
            return msg.set(Some((false, EMsg::PinMismatch.text(i18n.lang()).to_owned())));
        }
        let mut salt = [0u8; 16];
        random_bytes(&mut salt);
        cmds.run(
            move |db, a| async move { set_team_staff_pin(db.store(), &a, &p, &salt).await },
            move |r| {
                pin.set(String::new());
                pin2.set(String::new());
                let done = if clear { EMsg::StaffPinCleared } else { EMsg::PinSet };
                msg.set(Some(match r {
                    Ok(_) => (true, done.text(i18n.lang()).to_owned()),
                    Err(e) => (false, command_error(i18n.lang(), &e)),
                }));
            },
        );
    };
    view! {
        <section class="card form" data-testid="staff-pin">
            <h2>{t(EMsg::StaffPinTitle)}</h2>
            <p class="muted">{t(EMsg::StaffPinHint)}</p>
            <p data-testid="staff-pin-state" data-set=move || is_set.get().to_string()>
                {move || if is_set.get() { t(EMsg::StaffPinIsSet)() } else { t(EMsg::StaffPinNotSet)() }}
            </p>
            <Show when=move || cmds.can(can_set_team_staff_pin)>
                <div class="grid-2">
                    <label class="field"><span>{t(EMsg::Pin)}</span>
                        <input type="password" inputmode="numeric" autocomplete="new-password" data-testid="staff-pin-new"
                            prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev)) />
                    </label>
                    <label class="field"><span>{t(EMsg::PinAgain)}</span>
                        <input type="password" inputmode="numeric" autocomplete="new-password" data-testid="staff-pin-again"
                            prop:value=move || pin2.get() on:input=move |ev| pin2.set(event_target_value(&ev)) />
                    </label>
                </div>
                <div class="actions">
                    <Show when=move || is_set.get()>
                        <button type="button" data-testid="staff-pin-clear" on:click=move |_| save(true)>{t(EMsg::StaffPinClear)}</button>
                    </Show>
                    <button type="button" class="primary" data-testid="staff-pin-save" on:click=move |_| save(false)>
                        {move || if is_set.get() { t(EMsg::PinChange)() } else { t(EMsg::PinSave)() }}
                    </button>
                </div>
            </Show>
            {move || msg.get().map(|(ok, m)| view! { <p class=if ok { "ok" } else { "error" } role="status" data-testid="staff-pin-msg">{m}</p> })}
        </section>
    }
}
