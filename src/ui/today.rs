//! What a rep or manager does today.

pub mod today_page;
