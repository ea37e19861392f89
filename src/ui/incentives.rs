//! Incentives (I1–I7): a month's station figures imported from CSV, the statements per
//! station, maintainer and branch head with every line's arithmetic, the export, a
//! printable statement per person, the payout calendar and the scheme versions.

pub mod commission_card;
pub mod explainer_card;
pub mod figures_import;
pub mod incentives_page;
pub mod month_statements;
pub mod payout_card;
pub mod scheme_editor;
pub mod schemes_card;
pub mod send_amounts;
pub mod statement_card;
pub mod statements_csv;
pub mod station_form;
pub mod what_if;
