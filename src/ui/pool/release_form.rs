use leptos::prelude::*;

use crate::domain::pool::ReleaseNote;
use crate::ui::i18n::customers::CMsg;
use crate::ui::i18n::{t, Msg};
use crate::ui::widgets::text_field::TextField;

/// P9: before a customer goes back to the pool, its status, current contacts and how
/// far talks got — all three, as `ReleaseNote::check` (and so the command) requires. `expired`: the customer already returned under P1/P3 and the rep is
/// asked for the note afterwards.
#[component]
pub fn ReleaseForm(expired: bool, on_save: Callback<(ReleaseNote, bool)>, on_cancel: Callback<()>) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let contacts = RwSignal::new(String::new());
    let progress = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let note = ReleaseNote {
            status: status.get_untracked(),
            contacts: contacts.get_untracked(),
            progress: progress.get_untracked(),
        };
        // The same check the release command applies: all three parts.
        if note.check().is_err() {
            return missing.set(true);
        }
        on_save.run((note, expired));
    };
    let required = move || missing.get().then(|| t(CMsg::Required)().to_owned());
    view! {
        <form class="release form" data-testid="release-form" on:submit=submit novalidate>
            <p class="notice">{move || if expired { t(CMsg::ReleaseExpiredHint)() } else { t(CMsg::ReleaseHint)() }}</p>
            <TextField label=Signal::derive(move || t(CMsg::ReleaseStatus)()) test_id="release-status" multiline=true
                value=Signal::derive(move || status.get()) on_input=Callback::new(move |v| status.set(v))
                error=Signal::derive(move || status.with(|s| s.trim().is_empty()).then(required).flatten()) />
            <TextField label=Signal::derive(move || t(CMsg::ReleaseContacts)()) test_id="release-contacts" multiline=true
                value=Signal::derive(move || contacts.get()) on_input=Callback::new(move |v| contacts.set(v))
                error=Signal::derive(move || contacts.with(|s| s.trim().is_empty()).then(required).flatten()) />
            <TextField label=Signal::derive(move || t(CMsg::ReleaseProgress)()) test_id="release-progress" multiline=true
                value=Signal::derive(move || progress.get()) on_input=Callback::new(move |v| progress.set(v))
                error=Signal::derive(move || progress.with(|s| s.trim().is_empty()).then(required).flatten()) />
            <div class="actions">
                {(!expired).then(|| view! { <button type="button" on:click=move |_| on_cancel.run(())>{t(Msg::Cancel)}</button> })}
                <button type="submit" class="primary" data-testid="release-save">{t(CMsg::ReleaseSave)}</button>
            </div>
        </form>
    }
}
