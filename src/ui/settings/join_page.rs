use leptos::prelude::*;

use crate::storage::sync_run::save_team;
use crate::sync::crypto::unwrap_key;
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::settings::invite::{parse_invite, InviteKey};
use crate::ui::state::platform::set_hash;
use crate::ui::state::route::Page;
use crate::ui::state::session::use_db;
use crate::ui::state::sync_ctx::use_sync;

/// Opened from an invite link: shows the team's folder, asks for the passphrase when the
/// key is protected, and joins on confirmation.
#[component]
pub fn JoinPage() -> impl IntoView {
    let sync = use_sync();
    let db = use_db();
    let i18n = use_i18n();
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let Some(invite) = parse_invite(&hash) else {
        return view! {
            <section class="card">
                <p class="error" role="alert" data-testid="join-error">{move || Msg::ErrBadInvite.text(i18n.lang())}</p>
            </section>
        }
        .into_any();
    };
    let wrapped = matches!(invite.key, InviteKey::Wrapped(_));
    let passphrase = RwSignal::new(String::new());
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Msg>);
    let busy = RwSignal::new(false);
    let host = invite.host_url.clone();
    let join = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let key = match &invite.key {
            InviteKey::Plain(k) => k.clone(),
            // Argon2id takes about a second; the button shows it is working.
            InviteKey::Wrapped(w) => match unwrap_key(w, &passphrase.get_untracked()) {
                Ok(k) => k.to_text(),
                Err(_) => return error.set(Some(Msg::ErrWrongPassphrase)),
            },
        };
        let mut team = invite.team(key);
        // Host credentials never travel in the link; the colleague types them here.
        let nonempty = |s: String| (!s.trim().is_empty()).then_some(s);
        team.user = nonempty(user.get_untracked());
        team.password = nonempty(password.get_untracked());
        let db = db.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            match save_team(db.store(), &team).await {
                Ok(()) => {
                    sync.set_team(team);
                    set_hash(&Page::Settings.href());
                }
                Err(_) => {
                    error.try_set(Some(Msg::ErrStorage));
                }
            }
            busy.try_set(false);
        });
    };
    view! {
        <form class="card form" data-testid="join" on:submit=join novalidate>
            <h2>{t(Msg::JoinTitle)}</h2>
            <p>{t(Msg::SyncHost)}": " <strong data-testid="join-host">{host}</strong></p>
            <Show when=move || sync.team.get().is_some()>
                <p class="warn">{t(Msg::JoinReplace)}</p>
            </Show>
            <Show when=move || wrapped>
                <label class="field">
                    <span>{t(Msg::JoinPassphrase)}</span>
                    <input type="password" data-testid="join-passphrase" prop:value=move || passphrase.get()
                        on:input=move |ev| { passphrase.set(event_target_value(&ev)); error.set(None); } />
                </label>
            </Show>
            <details class="login">
                <summary>{t(Msg::JoinHostLogin)}</summary>
                <div class="grid-2">
                    <label class="field">
                        <span>{t(Msg::SyncUser)}</span>
                        <input type="text" autocomplete="username" data-testid="join-user" prop:value=move || user.get()
                            on:input=move |ev| user.set(event_target_value(&ev)) />
                    </label>
                    <label class="field">
                        <span>{t(Msg::SyncPassword)}</span>
                        <input type="password" autocomplete="current-password" data-testid="join-password" prop:value=move || password.get()
                            on:input=move |ev| password.set(event_target_value(&ev)) />
                    </label>
                </div>
            </details>
            <Show when=move || error.get().is_some()>
                <p class="error" role="alert" data-testid="join-error">{move || error.get().map(|m| m.text(i18n.lang()))}</p>
            </Show>
            <div class="actions">
                <button type="submit" class="primary" data-testid="join-confirm" disabled=move || busy.get()>
                    {move || if busy.get() { t(Msg::JoinUnlocking)() } else { t(Msg::JoinConfirm)() }}
                </button>
            </div>
        </form>
    }
    .into_any()
}
