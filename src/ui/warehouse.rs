//! The team warehouse (W1): stock levels and the item catalogue, receipt and issue
//! slips with their three-copy print view, the ledger and stock card, the daily and
//! month-end reports, and the stocktake.

pub mod ledger_tab;
pub mod reports_tab;
pub mod sign_line;
pub mod slip_form;
pub mod slip_print;
pub mod slips_list;
pub mod stock_tab;
pub mod stocktake_tab;
pub mod warehouse_ctx;
pub mod warehouse_page;
