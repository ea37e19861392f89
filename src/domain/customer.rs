//! Customer facts the rep types in (C1). This first slice validates the quick-add form:
//! a company name and an optional phone number. The full file (contacts, registration,
//! credit code) comes with the customers issue.

use thiserror::Error;

pub const MAX_COMPANY_CHARS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CustomerError {
    #[error("the company name is empty")]
    CompanyEmpty,
    #[error("the company name is longer than {MAX_COMPANY_CHARS} characters")]
    CompanyTooLong,
    #[error("the phone number is not valid")]
    BadPhone,
}

/// A phone number as a rep types it: 5–20 digits, with spaces, `+` and `-` allowed.
/// Returns it trimmed; an empty input is no phone.
pub fn normalize_phone(input: &str) -> Result<Option<String>, CustomerError> {
    let p = input.trim();
    if p.is_empty() {
        return Ok(None);
    }
    let digits = p.chars().filter(char::is_ascii_digit).count();
    let allowed = p.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-'));
    let plus_ok = !p.chars().skip(1).any(|c| c == '+');
    if !allowed || !plus_ok || !(5..=20).contains(&digits) {
        return Err(CustomerError::BadPhone);
    }
    Ok(Some(p.to_owned()))
}

/// Checks the quick-add form; returns the trimmed name and phone.
pub fn validate_quick(company: &str, phone: &str) -> Result<(String, Option<String>), CustomerError> {
    let name = company.trim();
    if name.is_empty() {
        return Err(CustomerError::CompanyEmpty);
    }
    if name.chars().count() > MAX_COMPANY_CHARS {
        return Err(CustomerError::CompanyTooLong);
    }
    Ok((name.to_owned(), normalize_phone(phone)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c1_a_company_name_is_required_and_trimmed() {
        assert_eq!(validate_quick("  ", ""), Err(CustomerError::CompanyEmpty));
        assert_eq!(validate_quick(" 张三五金 ", ""), Ok(("张三五金".into(), None)));
        assert_eq!(validate_quick(&"厂".repeat(101), ""), Err(CustomerError::CompanyTooLong));
    }

    #[test]
    fn c1_phone_numbers_in_common_shapes_are_accepted() {
        for ok in ["13800138000", "+86 138 0013 8000", "010-6552-9988", "12345"] {
            assert_eq!(normalize_phone(ok), Ok(Some(ok.into())), "{ok}");
        }
    }

    #[test]
    fn c1_phone_numbers_with_letters_or_too_few_digits_are_refused() {
        for bad in ["1234", "张13800138000", "138abc", "1+38001380", "=HYPERLINK(1)", &"1".repeat(21)] {
            assert_eq!(normalize_phone(bad), Err(CustomerError::BadPhone), "{bad}");
        }
    }
}
