use leptos::prelude::*;

use crate::domain::profile::Profile;
use crate::storage::{RecordStore, StoreName};
use crate::ui::i18n::{confirm_remove_profile, t, unsynced_warning, use_i18n, Msg};
use crate::ui::profiles::profile_form::role_msg;
use crate::ui::state::session::{use_db, use_session};
use crate::ui::state::sync_ctx::use_sync;

/// One person on this device, removable after a confirmation that names what is unsynced.
#[component]
pub fn ProfileRow(profile: Profile) -> impl IntoView {
    let session = use_session();
    let sync = use_sync();
    let db = use_db();
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    let only_one = move || session.profiles.with(|p| p.len() <= 1);
    let (id, name, role) = (profile.id.clone(), profile.name.clone(), profile.role);
    let remove = move |_| {
        let (db, id) = (db.clone(), id.clone());
        leptos::task::spawn_local(async move {
            if db.store().delete(StoreName::Profiles, &id).await.is_ok() {
                session.profiles.try_update(|ps| ps.retain(|p| p.id != id));
                if session.current.get_untracked().as_deref() == Some(id.as_str()) {
                    if let Some(next) = session.profiles.get_untracked().first() {
                        session.switch_to(&next.id);
                    }
                }
            }
        });
    };
    let confirm_name = name.clone();
    view! {
        <li data-testid="settings-profile">
            <div class="row">
                <span><strong>{name.clone()}</strong>" · "<span class="muted">{move || role_msg(role).text(i18n.lang())}</span></span>
                <button type="button" data-testid="profile-remove" disabled=only_one on:click=move |_| asking.set(true)>{t(Msg::Remove)}</button>
            </div>
            <Show when=move || asking.get()>
                <p data-testid="profile-remove-question">{confirm_remove_profile(i18n.lang(), &confirm_name)}</p>
                <p class="warn" data-testid="profile-remove-warning">{move || unsynced_warning(i18n.lang(), sync.unsynced.get())}</p>
                <div class="actions start">
                    <button type="button" on:click=move |_| asking.set(false)>{t(Msg::Cancel)}</button>
                    <button type="button" class="danger" data-testid="profile-remove-confirm" on:click=remove.clone()>{t(Msg::Confirm)}</button>
                </div>
            </Show>
        </li>
    }
}
