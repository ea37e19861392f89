use leptos::prelude::*;

use crate::ui::components::calendar_settings::CalendarSettings;
use crate::ui::components::lang_toggle::LangToggle;
use crate::ui::components::profile_form::role_msg;
use crate::ui::components::storage_health::StorageHealth;
use crate::ui::components::team_sync::TeamSync;
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::session::use_session;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    view! {
        <section class="card">
            <h2>{t(Msg::SettingsLanguage)}</h2>
            <LangToggle />
        </section>
        <section class="card">
            <h2>{t(Msg::SettingsProfiles)}</h2>
            <ul class="plain-list" data-testid="settings-profiles">
                <For each=move || session.profiles.get() key=|p| p.id.clone() let:p>
                    <li>
                        <strong>{p.name.clone()}</strong>
                        " · "
                        <span class="muted">{move || role_msg(p.role).text(i18n.lang())}</span>
                    </li>
                </For>
            </ul>
        </section>
        <TeamSync />
        <StorageHealth />
        <CalendarSettings />
    }
}
