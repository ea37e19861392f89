//! Scheme versions: a scheme is frozen once a month has been computed with it (the
//! month's figures record the version they were imported under), so a paid month can
//! always be recomputed to the fen. Changing a frozen scheme means copying it to a new
//! version ([`copy_scheme`]) and editing the copy.

use chrono::NaiveDate;

use super::scheme::Scheme;
use super::IncentiveError;

/// A month computed with a scheme version: the month (`YYYY-MM`) and the version id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComputedMonth {
    pub month: String,
    pub scheme_id: String,
}

/// The first month computed with `scheme_id`, if any: the scheme is then frozen.
pub fn frozen_by<'a>(scheme_id: &str, months: &'a [ComputedMonth]) -> Option<&'a str> {
    months.iter().filter(|m| m.scheme_id == scheme_id).map(|m| m.month.as_str()).min()
}

/// Refuses an edit of a frozen scheme.
pub fn check_editable(scheme_id: &str, months: &[ComputedMonth]) -> Result<(), IncentiveError> {
    match frozen_by(scheme_id, months) {
        Some(m) => Err(IncentiveError::Frozen { month: m.to_owned() }),
        None => Ok(()),
    }
}

/// A new version of `from` under `new_id`, valid from `valid_from`, remembering where
/// it came from. The copy is not frozen.
pub fn copy_scheme(from: &Scheme, new_id: &str, valid_from: NaiveDate) -> Scheme {
    Scheme { id: new_id.to_owned(), valid_from, valid_to: None, based_on: Some(from.id.clone()), ..from.clone() }
}

/// The scheme for a month starting `first_day`: of those covering it, the one valid
/// from the latest date (a copy for next year takes over from the preset).
pub fn scheme_for(schemes: &[Scheme], first_day: NaiveDate) -> Option<&Scheme> {
    schemes.iter().filter(|s| s.covers(first_day)).max_by_key(|s| (s.valid_from, s.id.clone()))
}
