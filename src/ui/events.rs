//! Events, invitations, kiosk check-in, chips, prizes and the event report (E1–E5, W1).

pub mod chips_desk;
pub mod conflicts_card;
pub mod event_form;
pub mod event_report;
pub mod event_settings;
pub mod events_ctx;
pub mod events_page;
pub mod invitations;
pub mod kiosk;
pub mod kiosk_checkin;
pub mod kit_card;
pub mod participant_picker;
pub mod participants_card;
pub mod stock_card;
pub mod survey_form;
pub mod walk_in_form;
