//! The id an imported row's customer gets, derived from what identifies the company in
//! the row, so importing the same file again finds the customers it made the first time
//! — also for rows with neither a phone nor a credit code, which the duplicate check by
//! key cannot recognise.
//!
//! The identifying cells are the company's name, registration numbers, region and
//! address, and the contact's name, phone and email; each is trimmed, its inner spaces
//! collapsed and its letters lower-cased (phones by [`phone_key`]), so a file re-saved
//! by Excel with other spacing or capitals still names the same customers. Notes, grades
//! and amounts are not part of it: a file corrected in those columns still matches.

use sha2::{Digest, Sha256};

use crate::domain::customer::{phone_key, Contact, CustomerFile};

/// Ids of imported customers start with this; ids made any other way never do.
pub const IMPORTED_ID_PREFIX: &str = "imp-";

fn normal(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The customer id for a row: `imp-` and 32 hex digits of a SHA-256 over its
/// identifying cells (module docs).
pub fn row_id(file: &CustomerFile, contact: Option<&Contact>) -> String {
    let blank = Contact::default();
    let c = contact.unwrap_or(&blank);
    let phone = phone_key(&c.phone).unwrap_or_default();
    let cells = [
        normal(&file.name),
        normal(&file.credit_code),
        normal(&file.licence_no),
        normal(&file.tax_no),
        normal(&file.region),
        normal(&file.address),
        normal(&c.name),
        phone,
        normal(&c.email),
    ];
    let mut h = Sha256::new();
    for cell in &cells {
        // Length-prefixed, so no two different rows hash the same joined text.
        h.update((cell.len() as u64).to_le_bytes());
        h.update(cell.as_bytes());
    }
    let digest = h.finalize();
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("{IMPORTED_ID_PREFIX}{hex}")
}

/// The id of the contact imported with the customer `customer_id`.
pub fn row_contact_id(customer_id: &str) -> String {
    format!("{customer_id}-contact")
}
