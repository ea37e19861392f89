//! The frame around every page: top bar, navigation, the page for the route.

pub mod frame;
pub mod lang_toggle;
pub mod nav_bar;
pub mod net_status;
pub mod pages;
pub mod sync_badge;
pub mod update_banner;
