use leptos::prelude::*;

use crate::ui::i18n::{t, Msg};
use crate::ui::state::platform::{apply_update, update_ready};

/// "New version — reload", raised by `public/sw-register.js` when a new service worker waits.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let (ready, set_ready) = signal(update_ready());
    let handle = window_event_listener_untyped("outpost:update-ready", move |_| set_ready.set(true));
    on_cleanup(move || handle.remove());
    view! {
        <Show when=move || ready.get()>
            <div class="update-banner" role="status" data-testid="update-banner">
                <span>{t(Msg::UpdateReady)}</span>
                <button type="button" class="primary" data-testid="update-reload" on:click=move |_| apply_update()>
                    {t(Msg::UpdateReload)}
                </button>
            </div>
        </Show>
    }
}
