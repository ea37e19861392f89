//! A key account's service team and service terms (**K2**, seed 004 "大客户服务团队"):
//! who serves the account — the key-account manager leading the team, with sales,
//! marketing, finance and training support — and what the team promised it: warranty
//! years (limited, on-site, full cover) and any regions with a special warranty, rush
//! supply, paid point-to-point delivery, products made to order and special payment
//! terms.
//!
//! One set per customer. Each field is its own register in storage, so two tablets
//! changing different terms offline both keep their change. Terms for a customer make it
//! a key account, as its K1–K3 records do ([`super::key_activity::key_accounts`]).
//!
//! ```
//! use outpost::domain::key_service::{ServiceTerms, Seat, TermsError};
//! let mut t = ServiceTerms::new("c1");
//! t.team.insert(Seat::AccountManager, "wang".into());
//! t.warranty_onsite_years = 3;
//! t.warranty_limited_years = 1;
//! assert_eq!(t.validate(), Err(TermsError::OnsiteLongerThanLimited));
//! t.warranty_limited_years = 5;
//! assert_eq!(t.validate(), Ok(()));
//! assert_eq!(t.promises(), 1);
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The longest warranty a term may state, in years.
pub const MAX_WARRANTY_YEARS: u8 = 30;
/// The longest free text a term may hold, in characters.
pub const MAX_TEXT: usize = 500;

/// The seats of a key account's service team (seed 004's team table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Seat {
    /// Leads the team serving the account.
    AccountManager,
    /// Guides the customer's own selling.
    Sales,
    /// Supports its marketing strategy and market planning.
    Marketing,
    /// Supports its financial management.
    Finance,
    /// Trains its people as it grows.
    Training,
}

impl Seat {
    pub const ALL: [Seat; 5] = [Seat::AccountManager, Seat::Sales, Seat::Marketing, Seat::Finance, Seat::Training];

    /// The stable name used in storage.
    pub fn code(self) -> &'static str {
        match self {
            Seat::AccountManager => "account_manager",
            Seat::Sales => "sales",
            Seat::Marketing => "marketing",
            Seat::Finance => "finance",
            Seat::Training => "training",
        }
    }

    pub fn from_code(code: &str) -> Option<Seat> {
        Seat::ALL.into_iter().find(|r| r.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TermsError {
    #[error("a warranty of more than {MAX_WARRANTY_YEARS} years")]
    WarrantyTooLong,
    #[error("on-site service longer than the limited warranty")]
    OnsiteLongerThanLimited,
    #[error("full cover longer than on-site service")]
    FullLongerThanOnsite,
    #[error("a text longer than {MAX_TEXT} characters")]
    TextTooLong,
    #[error("support roles given but no key-account manager to lead them")]
    NoAccountManager,
}

/// **K2** What a key account is promised and who serves it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ServiceTerms {
    pub customer_id: String,
    /// Who holds each seat (a profile id); a seat not in the map is empty.
    pub team: BTreeMap<Seat, String>,
    /// Years of limited warranty (×年有限保修); 0 = none promised.
    pub warranty_limited_years: u8,
    /// Of which years with on-site service (×年上门).
    pub warranty_onsite_years: u8,
    /// Of which years with full cover (×年全保).
    pub warranty_full_years: u8,
    /// Regions with a special warranty commitment (特殊地区的保修承诺).
    pub special_regions: String,
    /// Supply rushed to the customer's schedule (加急供货).
    pub rush_supply: bool,
    /// Paid point-to-point delivery to the door (有偿点对点送货上门).
    pub paid_delivery: bool,
    /// Products made to the customer's needs (根据用户需求定制产品).
    pub custom_products: String,
    /// Special payment terms (特殊的付款方式).
    pub payment_terms: String,
    pub notes: String,
}

impl ServiceTerms {
    pub fn new(customer_id: &str) -> ServiceTerms {
        ServiceTerms { customer_id: customer_id.into(), ..ServiceTerms::default() }
    }

    /// **K2** Checks the terms before they are saved: warranty years within bounds and
    /// nested (full cover within on-site within the limited warranty, as the seed lists
    /// them), texts of reasonable length, and a manager leading any support seat.
    pub fn validate(&self) -> Result<(), TermsError> {
        let years = [self.warranty_limited_years, self.warranty_onsite_years, self.warranty_full_years];
        if years.iter().any(|y| *y > MAX_WARRANTY_YEARS) {
            return Err(TermsError::WarrantyTooLong);
        }
        if self.warranty_onsite_years > self.warranty_limited_years {
            return Err(TermsError::OnsiteLongerThanLimited);
        }
        if self.warranty_full_years > self.warranty_onsite_years {
            return Err(TermsError::FullLongerThanOnsite);
        }
        let texts = [&self.special_regions, &self.custom_products, &self.payment_terms, &self.notes];
        if texts.iter().any(|t| t.chars().count() > MAX_TEXT) {
            return Err(TermsError::TextTooLong);
        }
        if !self.team.is_empty() && !self.team.contains_key(&Seat::AccountManager) {
            return Err(TermsError::NoAccountManager);
        }
        Ok(())
    }

    /// The terms with texts trimmed and empty seats dropped, as they are saved.
    pub fn tidied(mut self) -> ServiceTerms {
        self.team.retain(|_, p| !p.trim().is_empty());
        for t in [&mut self.special_regions, &mut self.custom_products, &mut self.payment_terms, &mut self.notes] {
            *t = t.trim().to_owned();
        }
        self
    }

    /// How many commitments the terms make (a warranty, rush supply, paid delivery,
    /// made-to-order products, special payment terms, special regions), for a glance.
    pub fn promises(&self) -> usize {
        [
            self.warranty_limited_years > 0,
            self.rush_supply,
            self.paid_delivery,
            !self.custom_products.is_empty(),
            !self.payment_terms.is_empty(),
            !self.special_regions.is_empty(),
        ]
        .iter()
        .filter(|b| **b)
        .count()
    }

    /// Whether nothing is set: no seat, no commitment, no note.
    pub fn is_empty(&self) -> bool {
        self.team.is_empty() && self.promises() == 0 && self.notes.is_empty()
    }
}

/// **K2** Who may keep a key account's team and terms: a manager (by the roles the
/// roster gave them), or whoever the team made key-account supervisor or manager (K1).
pub fn may_keep_terms(
    roles: &[crate::domain::profile::Role],
    ka: &super::approval::KeyAccountRoles,
    person: &str,
) -> bool {
    roles.contains(&crate::domain::profile::Role::Manager)
        || ka.supervisors.contains(person)
        || ka.managers.contains(person)
}
