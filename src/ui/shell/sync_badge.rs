use leptos::prelude::*;

use crate::ui::i18n::{t, Msg};
use crate::ui::state::route::Page;
use crate::ui::state::sync_ctx::{use_sync, SyncPhase};

/// Unsynced changes at a glance; tapping opens the sync settings.
#[component]
pub fn SyncBadge() -> impl IntoView {
    let sync = use_sync();
    view! {
        <a
            class="sync-badge"
            href=Page::Settings.href()
            data-testid="sync-badge"
            data-unsynced=move || sync.unsynced.get().to_string()
            class:failed=move || matches!(sync.phase.get(), SyncPhase::Failed(_))
            class:running=move || sync.phase.get().busy()
            title=t(Msg::SyncBadge)
        >
            <span aria-hidden="true">"⇅"</span>
            <span>{move || sync.unsynced.get()}</span>
        </a>
    }
}
