use leptos::prelude::*;

use crate::ui::i18n::{t, Msg};
use crate::ui::state::platform::is_online;

/// Online/offline dot driven by `navigator.onLine` and its events.
#[component]
pub fn NetStatus() -> impl IntoView {
    let (online, set_online) = signal(is_online());
    let on = window_event_listener(leptos::ev::online, move |_| set_online.set(true));
    let off = window_event_listener(leptos::ev::offline, move |_| set_online.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
    });
    let offline_hint = t(Msg::OfflineHint);
    view! {
        <span
            class="net-status"
            class:offline=move || !online.get()
            data-testid="net-status"
            data-online=move || online.get().to_string()
            title=move || (!online.get()).then(offline_hint)
            role="status"
        >
            <span class="dot" aria-hidden="true"></span>
            {move || if online.get() { t(Msg::Online)() } else { t(Msg::Offline)() }}
        </span>
    }
}
