//! Customer files: list, search, filters, import/export, the customer page (C1–C6).

pub mod contacts_editor;
pub mod customer_export;
pub mod customer_file_card;
pub mod customer_filters;
pub mod customer_form;
pub mod customer_glance;
pub mod customer_overview;
pub mod customer_page;
pub mod customer_row;
pub mod customer_tabs;
pub mod customers_ctx;
pub mod customers_page;
pub mod import_page;
pub mod photos_card;
pub mod problem_mark;
