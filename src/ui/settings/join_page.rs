use leptos::prelude::*;

use crate::storage::roster::adopt_root;
use crate::storage::team::{save_team, switch_preview, SwitchPreview, Team};
use crate::sync::crypto::{unwrap_key, CryptoError};
use crate::ui::i18n::bucket::{invite_bucket_error, BMsg};
use crate::ui::i18n::{t, team_switch_warning, use_i18n, Msg};
use crate::ui::settings::invite::{parse_invite, InviteKey};
use crate::ui::state::platform::set_hash;
use crate::ui::state::route::{use_invite_fragment, Page};
use crate::ui::state::session::use_db;
use crate::ui::state::sync_ctx::{use_sync, SyncPhase};

/// Opened from an invite link: shows the team's folder, asks for the passphrase when the
/// key is protected, and joins on confirmation. Joining *another* team than the one this
/// device syncs with first shows what the switch does (`storage::team`) and waits for a
/// second confirmation.
///
/// The invite comes from memory, not the address bar: the route has already taken it out
/// of the history ([`crate::ui::state::route::InviteFragment`]). Another link opened
/// while the page is shown draws the page again for it.
#[component]
pub fn JoinPage() -> impl IntoView {
    let invite = use_invite_fragment();
    move || join_form(invite.get().unwrap_or_default())
}

fn join_form(hash: String) -> AnyView {
    let sync = use_sync();
    let db = use_db();
    let i18n = use_i18n();
    let Some(invite) = parse_invite(&hash) else {
        return view! {
            <section class="card">
                <p class="error" role="alert" data-testid="join-error">{move || Msg::ErrBadInvite.text(i18n.lang())}</p>
            </section>
        }
        .into_any();
    };
    // A wrapped key whose parameters are out of bounds is refused before the passphrase
    // is even asked for: unwrapping it would hang or crash the tablet.
    if let InviteKey::Wrapped(w) = &invite.key {
        if let Err(e) = w.check() {
            let msg =
                if matches!(e, CryptoError::TooCostly { .. }) { Msg::ErrInviteTooCostly } else { Msg::ErrBadInvite };
            return view! {
                <section class="card">
                    <p class="error" role="alert" data-testid="join-error">{move || msg.text(i18n.lang())}</p>
                </section>
            }
            .into_any();
        }
    }
    let wrapped = matches!(invite.key, InviteKey::Wrapped(_));
    let passphrase = RwSignal::new(String::new());
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Msg>);
    let bucket_error = RwSignal::new(None::<BMsg>);
    let on_bucket = invite.bucket.is_some();
    let busy = RwSignal::new(false);
    // The team being joined and what leaving the current one means, once asked.
    let pending = RwSignal::new(None::<(Team, SwitchPreview)>);
    let host = invite.host_url.clone();
    let running = move || sync.phase.get() == SyncPhase::Running;

    let store_db = db.clone();
    // Saves `team`. No round may start meanwhile: one still working for the old team
    // would store the old host's state over the reset one.
    let invite_root = invite.root.clone();
    let store = move |team: Team| {
        let db = store_db.clone();
        let root = invite_root.clone();
        let device = sync.device.get_value();
        let before = sync.team.get_untracked();
        sync.team.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            match save_team(db.store(), &team, &device).await {
                Ok(_) => {
                    // The roster root from the link, unless this device knows one.
                    if let Some(r) = root {
                        let _ = adopt_root(db.store(), &r).await;
                    }
                    sync.changed();
                    // First: joining a team on another host may reload the page (csp).
                    set_hash(&Page::Settings.href());
                    sync.set_team(team);
                }
                Err(_) => {
                    sync.team.try_set(before);
                    error.try_set(Some(Msg::ErrStorage));
                }
            }
            busy.try_set(false);
        });
    };

    let ask_db = db.clone();
    let ask_store = store.clone();
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
        let mut team = match invite.team(key) {
            Ok(team) => team,
            Err(e) => return bucket_error.set(Some(invite_bucket_error(&e))),
        };
        // WebDAV credentials never travel in the link; the colleague types them here. A
        // bucket's key travels sealed in it (issue 19).
        if team.s3.is_none() {
            let nonempty = |s: String| (!s.trim().is_empty()).then_some(s);
            team.user = nonempty(user.get_untracked());
            team.password = nonempty(password.get_untracked());
        }
        let db = ask_db.clone();
        let store = ask_store.clone();
        leptos::task::spawn_local(async move {
            match switch_preview(db.store(), &team).await {
                Ok(None) => store(team),
                Ok(Some(preview)) => {
                    pending.try_set(Some((team, preview)));
                }
                Err(_) => {
                    error.try_set(Some(Msg::ErrStorage));
                }
            }
        });
    };
    let confirm_switch = move |_| {
        if sync.phase.get_untracked() == SyncPhase::Running {
            return;
        }
        if let Some((team, _)) = pending.get_untracked() {
            store(team);
        }
    };
    view! {
        <form class="card form" data-testid="join" on:submit=join novalidate>
            <h2>{t(Msg::JoinTitle)}</h2>
            <p>{t(Msg::SyncHost)}": " <strong data-testid="join-host">{host}</strong></p>
            <Show when=move || sync.team.get().is_some() && pending.get().is_none()>
                <p class="warn">{t(Msg::JoinReplace)}</p>
            </Show>
            <Show when=move || wrapped>
                <label class="field">
                    <span>{t(Msg::JoinPassphrase)}</span>
                    <input type="password" data-testid="join-passphrase" prop:value=move || passphrase.get()
                        on:input=move |ev| { passphrase.set(event_target_value(&ev)); error.set(None); bucket_error.set(None); } />
                </label>
            </Show>
            <details class="login" class:hidden=on_bucket>
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
            <Show when=move || bucket_error.get().is_some()>
                <p class="error" role="alert" data-testid="join-error">{move || bucket_error.get().map(|m| m.text(i18n.lang()))}</p>
            </Show>
            {move || match pending.get() {
                None => view! {
                    <div class="actions">
                        <button type="submit" class="primary" data-testid="join-confirm" disabled=move || busy.get()>
                            {move || if busy.get() { t(Msg::JoinUnlocking)() } else { t(Msg::JoinConfirm)() }}
                        </button>
                    </div>
                }.into_any(),
                Some((_, p)) => {
                    let (current, unsynced) = (p.current_host.clone(), p.unsynced);
                    view! {
                        <div class="warn" role="alert" data-testid="join-switch-warning" data-unsynced=unsynced.to_string()>
                            <p>{move || team_switch_warning(i18n.lang(), &current, unsynced)}</p>
                            <Show when=running>
                                <p data-testid="join-switch-wait">{t(Msg::JoinSwitchWait)}</p>
                            </Show>
                        </div>
                        <div class="actions">
                            <button type="button" data-testid="join-switch-cancel" on:click=move |_| pending.set(None)>
                                {t(Msg::JoinSwitchCancel)}
                            </button>
                            <button type="button" class="primary" data-testid="join-switch-confirm"
                                disabled=move || busy.get() || running() on:click=confirm_switch.clone()>
                                {t(Msg::JoinSwitchConfirm)}
                            </button>
                        </div>
                    }.into_any()
                }
            }}
        </form>
    }
    .into_any()
}
