use leptos::prelude::*;

use crate::ui::events::events_ctx::provide_events;
use crate::ui::events::kiosk::Kiosk;
use crate::ui::i18n::{t, Msg};
use crate::ui::profiles::profile_switcher::ProfileSwitcher;
use crate::ui::shell::lang_toggle::LangToggle;
use crate::ui::shell::nav_bar::NavBar;
use crate::ui::shell::net_status::NetStatus;
use crate::ui::shell::pages::page_view;
use crate::ui::shell::sync_badge::SyncBadge;
use crate::ui::shell::update_banner::UpdateBanner;
use crate::ui::state::route::{provide_route, Page};

/// The frame around every page: top bar, page, bottom navigation (thumb reach on a tablet).
#[component]
pub fn Shell() -> impl IntoView {
    let route = provide_route();
    let title = move || route.0.get().title();
    // E3: a tablet in kiosk mode shows only the kiosk until the staff PIN is typed.
    let events = provide_events();
    let kiosk = move || events.kiosk.get();
    view! {
        <Show when=move || kiosk().is_none() fallback=move || view! { <Kiosk event=kiosk().unwrap_or_default() /> }>
        <div class="shell" data-testid="app-shell">
            <UpdateBanner />
            <header class="top-bar">
                <span class="brand">{t(Msg::AppName)}</span>
                <h1 class="page-title" data-testid="page-title">{move || {
                    let i18n = crate::ui::i18n::use_i18n();
                    title().text(i18n.lang())
                }}</h1>
                <NetStatus />
                <SyncBadge />
                <LangToggle />
                <ProfileSwitcher />
            </header>
            <main class="page" data-page=move || route.0.get().slug()>
                {move || page_view(route.0.get())}
            </main>
            <NavBar current=route.0 />
        </div>
        </Show>
    }
}

/// Every page the navigation offers, in order.
pub fn nav_pages() -> [Page; 10] {
    Page::ALL
}
