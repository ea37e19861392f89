use leptos::prelude::*;

use crate::ui::i18n::{storage_usage, t, use_i18n, Msg};
use crate::ui::state::platform::{human_bytes, storage_estimate, storage_persist, storage_persisted};

/// Whether the browser may evict our data, and how much room is left.
#[component]
pub fn StorageHealth() -> impl IntoView {
    let i18n = use_i18n();
    // None = not asked yet / unsupported, Some(b) = the browser's answer.
    let persisted = RwSignal::new(None::<bool>);
    let estimate = RwSignal::new(None::<(f64, f64)>);
    let refresh = move || {
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            persisted.try_set(storage_persisted().await);
            estimate.try_set(storage_estimate().await);
        })
    };
    refresh();
    let request = move |_| {
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            if let Some(granted) = storage_persist().await {
                persisted.try_set(Some(granted));
            }
            estimate.try_set(storage_estimate().await);
        })
    };
    view! {
        <section class="card">
            <h2>{t(Msg::SettingsStorage)}</h2>
            <p data-testid="storage-persisted" data-persisted=move || persisted.get().map(|b| b.to_string())>
                {move || match persisted.get() {
                    Some(true) => t(Msg::StoragePersisted)(),
                    Some(false) => t(Msg::StorageNotPersisted)(),
                    None => t(Msg::StorageUnknown)(),
                }}
            </p>
            <p data-testid="storage-usage">
                {move || match estimate.get() {
                    Some((used, quota)) => storage_usage(i18n.lang(), &human_bytes(used), &human_bytes(quota)),
                    None => t(Msg::StorageUsageUnknown)().to_owned(),
                }}
            </p>
            <button
                type="button"
                data-testid="storage-persist-request"
                disabled=move || persisted.get() == Some(true)
                on:click=request
            >
                {t(Msg::StorageRequest)}
            </button>
        </section>
    }
}
