use leptos::prelude::*;

use crate::storage::sync_run::save_team;
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::invite::parse_invite;
use crate::ui::platform::set_hash;
use crate::ui::route::Page;
use crate::ui::session::use_db;
use crate::ui::sync_ctx::use_sync;

/// Opened from an invite link: shows the team's folder and joins on confirmation.
#[component]
pub fn JoinPage() -> impl IntoView {
    let sync = use_sync();
    let db = use_db();
    let i18n = use_i18n();
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let team = parse_invite(&hash);
    let Some(team) = team else {
        return view! { <section class="card"><p class="error" role="alert" data-testid="join-error">{move || Msg::ErrBadInvite.text(i18n.lang())}</p></section> }.into_any();
    };
    let already = move || sync.team.get().is_some();
    let host = team.host_url.clone();
    let join = move |_| {
        let (db, team) = (db.clone(), team.clone());
        leptos::task::spawn_local(async move {
            if save_team(db.store(), &team).await.is_ok() {
                sync.set_team(team);
                set_hash(&Page::Settings.href());
            }
        });
    };
    view! {
        <section class="card" data-testid="join">
            <h2>{t(Msg::JoinTitle)}</h2>
            <p>{t(Msg::SyncHost)}": " <strong data-testid="join-host">{host}</strong></p>
            <Show when=already>
                <p class="warn">{t(Msg::JoinReplace)}</p>
            </Show>
            <div class="actions">
                <button type="button" class="primary" data-testid="join-confirm" on:click=join>{t(Msg::JoinConfirm)}</button>
            </div>
        </section>
    }
    .into_any()
}
