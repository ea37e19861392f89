//! The shared customer pool and ownership (P1–P9, H1–H2).

pub mod for_marketing;
pub mod handover_wizard;
pub mod lead_distribution;
pub mod my_notices;
pub mod owner_badge;
pub mod ownership_card;
pub mod pool_list;
pub mod pool_page;
pub mod reassign_list;
pub mod release_form;
pub mod review_queue;
pub mod territory_assign;
