//! Orders, payments, receivables and the finance queue (O1–O4).

pub mod collection_habits;
pub mod delivery_slip;
pub mod finance_page;
pub mod order_form;
pub mod order_item;
pub mod orders_card;
pub mod orders_ctx;
pub mod payments_card;
pub mod price_list_settings;
pub mod receivables_card;
