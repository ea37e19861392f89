//! What a rep or manager does today.

pub mod day_plan_card;
pub mod today_page;
