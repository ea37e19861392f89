use leptos::prelude::*;

use crate::ui::components::calendar_settings::CalendarSettings;
use crate::ui::components::danger_zone::DangerZone;
use crate::ui::components::profile_row::ProfileRow;
use crate::ui::components::lang_toggle::LangToggle;
use crate::ui::components::storage_health::StorageHealth;
use crate::ui::components::rules_settings::RulesSettings;
use crate::ui::components::team_lists_settings::TeamListsSettings;
use crate::ui::components::team_sync::TeamSync;
use crate::ui::i18n::{t, Msg};
use crate::ui::session::use_session;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let session = use_session();
    view! {
        <section class="card">
            <h2>{t(Msg::SettingsLanguage)}</h2>
            <LangToggle />
        </section>
        <section class="card">
            <h2>{t(Msg::SettingsProfiles)}</h2>
            <ul class="plain-list" data-testid="settings-profiles">
                <For each=move || session.profiles.get() key=|p| p.id.clone() let:p>
                    <ProfileRow profile=p />
                </For>
            </ul>
        </section>
        <TeamSync />
        <StorageHealth />
        <CalendarSettings />
        <TeamListsSettings />
        <RulesSettings />
        <crate::ui::components::activity_rules_settings::ActivityRulesSettings />
        <crate::ui::components::price_list_settings::PriceListSettings />
        <crate::ui::components::key_account_roles::KeyAccountRolesSettings />
        <crate::ui::components::applications_card::ChecklistSettings />
        <DangerZone />
    }
}
