//! The unified social credit code (统一社会信用代码, **C1**) per GB 32100-2015: 18
//! characters from a 31-character set (digits and capitals without I, O, Z, S, V), the
//! last a check character over the first 17.

use super::CustomerError;

pub const CREDIT_CODE_LEN: usize = 18;

/// The code's alphabet; a character's value is its position here.
const CHARSET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

fn value_of(c: char) -> Option<u32> {
    let b = u8::try_from(c).ok()?;
    CHARSET.iter().position(|&x| x == b).map(|i| i as u32)
}

/// The check character for the first 17 characters of a code (`None` if one of them is
/// outside the alphabet or there are not 17). Lowercase letters count as capitals.
pub fn credit_code_check_char(first17: &str) -> Option<char> {
    let values: Vec<u32> = first17.chars().map(|c| value_of(c.to_ascii_uppercase())).collect::<Option<_>>()?;
    if values.len() != WEIGHTS.len() {
        return None;
    }
    let sum: u32 = values.iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    let check = (31 - sum % 31) % 31;
    Some(char::from(CHARSET[check as usize]))
}

/// Checks a code as typed: trimmed, lowercase accepted and returned upper-cased.
/// An empty input is no code.
pub fn normalize_credit_code(input: &str) -> Result<Option<String>, CustomerError> {
    let code = input.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Ok(None);
    }
    if let Some(bad) = code.chars().find(|&c| value_of(c).is_none()) {
        return Err(CustomerError::CreditCodeChar(bad));
    }
    let n = code.chars().count();
    if n != CREDIT_CODE_LEN {
        return Err(CustomerError::CreditCodeLength(n));
    }
    let (first17, last) = code.split_at(CREDIT_CODE_LEN - 1);
    match credit_code_check_char(first17) {
        Some(expected) if last.starts_with(expected) => Ok(Some(code)),
        Some(expected) => Err(CustomerError::CreditCodeCheck { expected }),
        None => Err(CustomerError::CreditCodeLength(n)),
    }
}
