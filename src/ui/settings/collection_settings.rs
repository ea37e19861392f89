use leptos::prelude::*;

use crate::app::settings::{can_edit_team_settings, save_collection_settings};
use crate::domain::collection::CollectionSettings;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::orders::OMsg;
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::orders::orders_ctx::use_orders;
use crate::ui::state::command::Commands;

/// O2: how many days before a due date the receivables reminders start. Managers edit;
/// everyone sees what applies. Synced to the team.
#[component]
pub fn CollectionSettingsCard() -> impl IntoView {
    let orders = use_orders();
    let cmds = Commands::new();
    let i18n = use_i18n();
    let is_manager = move || cmds.can(can_edit_team_settings);
    let days = RwSignal::new(String::new());
    let dirty = RwSignal::new(false);
    Effect::new(move |_| {
        let v = orders.collection.get().remind_days.to_string();
        if !dirty.get_untracked() {
            days.set(v);
        }
    });
    let bad = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let parsed =
            days.get_untracked().trim().parse::<u32>().ok().map(|remind_days| CollectionSettings { remind_days });
        let Some(new) = parsed.filter(|c| c.check().is_ok()) else {
            return bad.set(true);
        };
        bad.set(false);
        cmds.run(
            move |db, a| async move { save_collection_settings(db.store(), &a, new).await },
            move |r| match r {
                Err(e) if !e.is_unchanged() => error.set(Some(command_error(i18n.lang(), &e))),
                _ => {
                    error.set(None);
                    dirty.set(false);
                    saved.set(true);
                }
            },
        );
    };
    view! {
        <form class="card form" data-testid="collection-settings" on:submit=save novalidate>
            <h2>{t(OMsg::RemindTitle)}</h2>
            <p class="muted">{t(OMsg::RemindHint)}</p>
            <label class="field compact" class:invalid=move || bad.get()><span>{t(OMsg::RemindDays)}</span>
                <input type="text" inputmode="numeric" data-testid="remind-days" prop:disabled=move || !is_manager()
                    aria-invalid=move || bad.get().to_string()
                    prop:value=move || days.get() on:input=move |ev| { dirty.set(true); saved.set(false); days.set(event_target_value(&ev)); } />
                <Show when=move || bad.get()><small class="error" role="alert" data-testid="remind-days-error">{t(OMsg::BadRemindDays)}</small></Show>
            </label>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <Show when=is_manager fallback=|| view! { <p class="muted">{t(OMsg::ManagerOnlySetting)}</p> }>
                <div class="actions">
                    <Show when=move || saved.get()><span class="ok" role="status" data-testid="remind-saved">{t(OMsg::SettingSaved)}</span></Show>
                    <button type="submit" class="primary" data-testid="remind-save">{t(Msg::Save)}</button>
                </div>
            </Show>
        </form>
    }
}
