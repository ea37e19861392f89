//! Activities, visit plans, minutes and projects (V2–V9, J1–J3).

pub mod activities_page;
pub mod activity_card;
pub mod activity_feed;
pub mod activity_form;
pub mod activity_sheet;
pub mod minutes_list;
pub mod plan_slots;
pub mod projects_card;
pub mod visit_form_print;
pub mod visit_plans;
