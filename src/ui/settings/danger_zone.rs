use leptos::prelude::*;

use crate::storage::idb::IdbStore;
use crate::storage::schema::DB_NAME;
use crate::ui::i18n::{t, unsynced_warning, use_i18n, Msg};
use crate::ui::state::session::use_db;
use crate::ui::state::sync_ctx::use_sync;

/// Clearing the device, behind a confirmation that says what is not synced yet.
#[component]
pub fn DangerZone() -> impl IntoView {
    let sync = use_sync();
    let db = use_db();
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    let clear = move |_| {
        let db = db.clone();
        leptos::task::spawn_local(async move {
            db.store().clone().close();
            let _ = IdbStore::delete_database(DB_NAME).await;
            if let Some(Ok(Some(ls))) = web_sys::window().map(|w| w.local_storage()) {
                for k in ["outpost.profile", "outpost.lang"] {
                    let _ = ls.remove_item(k);
                }
            }
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash("");
                let _ = w.location().reload();
            }
        });
    };
    view! {
        <section class="card danger" data-testid="danger-zone">
            <h2>{t(Msg::ClearDevice)}</h2>
            <p class="muted">{t(Msg::ClearDeviceHint)}</p>
            <Show when=move || asking.get() fallback=move || view! {
                <button type="button" data-testid="clear-device" on:click=move |_| asking.set(true)>{t(Msg::ClearDevice)}</button>
            }>
                <p class="warn" role="alert" data-testid="clear-warning">{move || unsynced_warning(i18n.lang(), sync.unsynced.get())}</p>
                <div class="actions start">
                    <button type="button" on:click=move |_| asking.set(false)>{t(Msg::Cancel)}</button>
                    <button type="button" class="danger" data-testid="clear-confirm" on:click=clear.clone()>{t(Msg::Confirm)}</button>
                </div>
            </Show>
        </section>
    }
}
