//! Settings: team rules and lists, calendar, team sync, storage, joining a team.

pub mod activity_rules_settings;
pub mod bucket_form;
pub mod calendar_settings;
pub mod collection_settings;
pub mod danger_zone;
pub mod invite;
pub mod join_page;
pub mod recovery_card;
pub mod roster_card;
pub mod rules_settings;
pub mod settings_page;
pub mod staff_pin_settings;
pub mod storage_health;
pub mod team_lists_settings;
pub mod team_status;
pub mod team_sync;
pub mod territory_settings;
