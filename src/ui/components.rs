//! Reusable pieces of the shell.

pub mod calendar_settings;
pub mod danger_zone;
pub mod lang_toggle;
pub mod nav_bar;
pub mod net_status;
pub mod profile_form;
pub mod profile_row;
pub mod profile_switcher;
pub mod shell;
pub mod storage_health;
pub mod sync_badge;
pub mod team_sync;
pub mod update_banner;
