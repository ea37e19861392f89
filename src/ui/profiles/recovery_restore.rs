use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::storage::personal_keys::restore_key;
use crate::storage::recovery::{open_recovery, MAX_RECOVERY_BYTES};
use crate::ui::i18n::recovery::{recovery_error, RecMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::session::{save_profile, use_db, use_session};
use crate::ui::widgets::file_io::read_chosen;
use crate::ui::widgets::qr_scanner::{can_scan, QrScanner};

/// A person moving to this tablet restores their profile and signing key from their
/// recovery file (issue 15), instead of making a new profile the roster does not know.
#[component]
pub fn RecoveryRestore() -> impl IntoView {
    let session = use_session();
    let db = use_db();
    let i18n = use_i18n();
    let text = RwSignal::new(None::<String>);
    let pass = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let scanning = RwSignal::new(false);
    let scanned = RwSignal::new(false);

    let on_file = move |ev: leptos::ev::Event| {
        error.set(None);
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let bytes = read_chosen(&input).await.unwrap_or_default();
            // Anything this large is no recovery file; `open_recovery` says so.
            let bytes = &bytes[..bytes.len().min(MAX_RECOVERY_BYTES + 1)];
            text.try_set(Some(String::from_utf8_lossy(bytes).into_owned()));
        });
    };
    let restore = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        let Some(file) = text.get_untracked() else {
            return error.set(Some(RecMsg::NoFile.text(lang).to_owned()));
        };
        let passphrase = pass.get_untracked();
        busy.set(true);
        error.set(None);
        let db = db.clone();
        leptos::task::spawn_local(async move {
            // Let the "opening" state paint before Argon2id takes the thread.
            crate::ui::state::round_lock::sleep(30).await;
            let fail = |m: String| {
                error.try_set(Some(m));
                busy.try_set(false);
            };
            let (profile, key) = match open_recovery(&file, &passphrase) {
                Ok(v) => v,
                Err(e) => return fail(recovery_error(lang, &e)),
            };
            if session.key_of(&profile.id).is_some_and(|k| k.id() != key.id()) {
                return fail(RecMsg::OtherKey.text(lang).to_owned());
            }
            if let Err(e) = restore_key(db.store(), &profile.id, &key).await {
                return fail(format!("{}{e}", RecMsg::SaveFailed.text(lang)));
            }
            let known = session.profiles.with_untracked(|ps| ps.iter().any(|p| p.id == profile.id));
            if !known {
                if let Err(e) = save_profile(db.store(), &profile).await {
                    return fail(format!("{}{e}", RecMsg::SaveFailed.text(lang)));
                }
                session.profiles.try_update(|ps| ps.push(profile.clone()));
            }
            session.add_key(&profile.id, key);
            pass.try_set(String::new());
            busy.try_set(false);
            session.adding.try_set(false);
            session.switch_to(&profile.id);
        });
    };
    view! {
        <form class="card form" data-testid="recovery-restore" on:submit=restore novalidate>
            <h2>{t(RecMsg::RestoreTitle)}</h2>
            <p class="muted">{t(RecMsg::RestoreHint)}</p>
            <label class="field"><span>{t(RecMsg::File)}</span>
                <input type="file" accept=".json,application/json" data-testid="recovery-file" on:change=on_file />
            </label>
            <Show when=can_scan>
                <button type="button" data-testid="recovery-scan" on:click=move |_| scanning.update(|s| *s = !*s)>{t(RecMsg::Scan)}</button>
            </Show>
            <Show when=move || scanning.get()>
                <QrScanner on_code=Callback::new(move |c: String| {
                    text.set(Some(c));
                    scanning.set(false);
                    scanned.set(true);
                }) />
            </Show>
            <Show when=move || scanned.get()>
                <p class="ok" role="status">{t(RecMsg::Scanned)}</p>
            </Show>
            <label class="field"><span>{t(RecMsg::Passphrase)}</span>
                <input type="password" autocomplete="current-password" data-testid="recovery-restore-pass"
                    prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev)) />
            </label>
            <Show when=move || error.get().is_some()>
                <p class="error" role="alert" data-testid="recovery-restore-error">{move || error.get().unwrap_or_default()}</p>
            </Show>
            <div class="actions">
                <button type="submit" data-testid="recovery-restore-go" disabled=move || busy.get()>
                    {move || if busy.get() { t(RecMsg::Opening)() } else { t(RecMsg::Restore)() }}
                </button>
            </div>
        </form>
    }
}
