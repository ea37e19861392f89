use leptos::prelude::*;

use crate::ui::i18n::{t, Msg};
use crate::ui::profiles::profile_row::ProfileRow;
use crate::ui::settings::calendar_settings::CalendarSettings;
use crate::ui::settings::danger_zone::DangerZone;
use crate::ui::settings::rules_settings::RulesSettings;
use crate::ui::settings::staff_pin_settings::StaffPinSettings;
use crate::ui::settings::storage_health::StorageHealth;
use crate::ui::settings::team_lists_settings::TeamListsSettings;
use crate::ui::settings::team_sync::TeamSync;
use crate::ui::shell::lang_toggle::LangToggle;
use crate::ui::state::session::use_session;

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
        <crate::ui::settings::roster_card::RosterCard />
        <crate::ui::settings::recovery_card::RecoveryCard />
        <StorageHealth />
        <CalendarSettings />
        <TeamListsSettings />
        <RulesSettings />
        <crate::ui::settings::territory_settings::TerritorySettings />
        <crate::ui::settings::collection_settings::CollectionSettingsCard />
        <StaffPinSettings />
        <crate::ui::settings::activity_rules_settings::ActivityRulesSettings />
        <crate::ui::orders::price_list_settings::PriceListSettings />
        <crate::ui::key_accounts::key_account_roles::KeyAccountRolesSettings />
        <crate::ui::service::applications_card::ChecklistSettings />
        <DangerZone />
    }
}
