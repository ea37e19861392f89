//! Pieces with no business meaning, used by every area.

pub mod file_io;
pub mod period_step;
pub mod qr_scanner;
pub mod signature_pad;
pub mod text_field;
pub mod verified_badge;
pub mod virtual_list;
