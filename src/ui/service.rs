//! The service log and applications (S1–S3, A1).

pub mod applications_card;
pub mod service_card;
