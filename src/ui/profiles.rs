//! Who is using this tablet: first-run form, profile switcher.

pub mod profile_form;
pub mod profile_row;
pub mod profile_switcher;
pub mod recovery_restore;
pub mod role_select;
