//! Customer facts the rep types in: the customer file (**C1**), its source channel
//! (**C2**), demand grade (**C4**) and segment (**C5**).
//!
//! A customer is stored as a last-writer-wins document of kind `"customer"` with one JSON
//! field per attribute, and each contact as its own document of kind `"contact"` whose
//! `customer` field names the customer. [`CustomerFile`] and [`Contact`] are the typed
//! views: `to_fields` writes them out, `from_fields` reads them back tolerantly (a field
//! that is missing, or was written by a newer or buggy build with the wrong type, reads
//! as its default rather than failing the whole list).
//!
//! Validation reports every problem at once as [`FieldError`]s, so a form can show each
//! next to its field; the UI turns each [`CustomerError`] into words.
//!
//! ```
//! use outpost::domain::customer::{validate_customer, CustomerError, CustomerFile};
//! let mut file = CustomerFile { name: "张三五金".into(), ..Default::default() };
//! file.credit_code = "91350100m000100y43".into(); // lowercase is accepted (C1)
//! file.tidy();
//! assert_eq!(file.credit_code, "91350100M000100Y43");
//! assert_eq!(validate_customer(&file), Ok(()));
//! file.discount_pct = Some(120);
//! let errs = validate_customer(&file).unwrap_err();
//! assert_eq!((errs[0].field, &errs[0].reason), ("discount_pct", &CustomerError::DiscountOutOfRange));
//! ```

use thiserror::Error;

mod choices;
mod contact;
mod credit_code;
mod file;
mod validate;

pub use choices::{choice_code, Choice, GRADES, SEGMENTS, SOURCES};
pub use contact::{talking_points, Contact};
pub use credit_code::{credit_code_check_char, normalize_credit_code, CREDIT_CODE_LEN};
pub use file::{slots as slots_of, CustomerFile};
pub use validate::{validate_contact, validate_customer, validate_email, FieldError, MAX_TEXT_CHARS};

pub const MAX_COMPANY_CHARS: usize = 100;

/// Why a customer or contact field was refused; the UI words each variant.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CustomerError {
    #[error("the company name is empty")]
    CompanyEmpty,
    #[error("the company name is longer than {MAX_COMPANY_CHARS} characters")]
    CompanyTooLong,
    #[error("the phone number is not valid")]
    BadPhone,
    #[error("the text is longer than {max} characters")]
    TooLong { max: usize },
    #[error("a unified social credit code has 18 characters, not {0}")]
    CreditCodeLength(usize),
    #[error("{0:?} cannot appear in a unified social credit code")]
    CreditCodeChar(char),
    #[error("the credit code's check character should be {expected}")]
    CreditCodeCheck { expected: char },
    #[error("the email address is not valid")]
    BadEmail,
    #[error("a discount is between 0 and 100 percent")]
    DiscountOutOfRange,
    #[error("an amount cannot be negative")]
    NegativeAmount,
    #[error("the demand grade must be A, B or C")]
    BadGrade,
    /// A contact with none of name, phone and email (only a title, say).
    #[error("a contact needs a name, a phone or an email")]
    ContactEmpty,
    /// Text that should be an amount of money (a form field or a CSV cell).
    #[error("not an amount of yuan")]
    NotAnAmount,
    /// Text that should be a whole percentage.
    #[error("not a percentage")]
    NotAPercentage,
    /// Text that should be a date.
    #[error("not a date")]
    NotADate,
    /// Text that should be yes or no.
    #[error("not yes or no")]
    NotYesNo,
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

/// The key two phone numbers are compared by when looking for duplicates: the digits
/// only, without a mainland country prefix (`+86 138 0013 8000` and `13800138000` are
/// one number). `None` when there are no digits.
pub fn phone_key(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let local = ["0086", "86"]
        .iter()
        .find_map(|p| digits.strip_prefix(p).filter(|rest| rest.len() == 11 && rest.starts_with('1')))
        .unwrap_or(&digits);
    (!local.is_empty()).then(|| local.to_owned())
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

    #[test]
    fn c1_a_mobile_number_with_or_without_the_country_prefix_has_one_key() {
        let k = Some("13800138000".to_owned());
        assert_eq!(phone_key("+86 138 0013 8000"), k);
        assert_eq!(phone_key("0086-138-0013-8000"), k);
        assert_eq!(phone_key("138 0013 8000"), k);
        // A landline keeps its area code; "86" inside it is not a country prefix.
        assert_eq!(phone_key("010-8612-3456").as_deref(), Some("01086123456"));
        assert_eq!(phone_key(" - "), None);
    }
}
