//! Money as integer fen (1 yuan = 100 fen): exact, never floating point (O1–O4, C3, I1–I6).
//!
//! ```
//! use outpost::domain::money::{format_yuan, parse_yuan};
//! assert_eq!(parse_yuan("1,234.5"), Ok(123_450));
//! assert_eq!(format_yuan(123_450), "1,234.50");
//! ```

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MoneyError {
    #[error("the amount is empty")]
    Empty,
    #[error("the amount is not a number of yuan with at most two decimals")]
    NotAnAmount,
    #[error("the amount is negative")]
    Negative,
    #[error("the amount is too large")]
    TooLarge,
}

/// Largest accepted amount: 10^13 yuan, far above any order and far below i64::MAX fen.
const MAX_FEN: i64 = 1_000_000_000_000_000;

/// Parses yuan as a person types them: `1234`, `1,234.5`, `¥1 234.56`, `１２３` (full-width
/// digits from a Chinese keyboard). Negative amounts are refused.
pub fn parse_yuan(input: &str) -> Result<i64, MoneyError> {
    let s: String = input
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            c => c,
        })
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '¥' | '￥'))
        .collect();
    if s.is_empty() {
        return Err(MoneyError::Empty);
    }
    if s.starts_with('-') {
        return Err(MoneyError::Negative);
    }
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    let digits = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() && frac.is_empty() || !digits(whole) || !digits(frac) || frac.len() > 2 {
        return Err(MoneyError::NotAnAmount);
    }
    if whole.len() > 16 {
        return Err(MoneyError::TooLarge);
    }
    let w: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| MoneyError::NotAnAmount)? };
    let f: i64 = format!("{frac:0<2}").parse().map_err(|_| MoneyError::NotAnAmount)?;
    let fen = w.checked_mul(100).and_then(|x| x.checked_add(f)).ok_or(MoneyError::TooLarge)?;
    if fen > MAX_FEN {
        return Err(MoneyError::TooLarge);
    }
    Ok(fen)
}

/// `123450` → `"1,234.50"`.
pub fn format_yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let a = fen.unsigned_abs();
    let whole = (a / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{sign}{grouped}.{:02}", a % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse_to_exact_fen() {
        assert_eq!(parse_yuan("0.1"), Ok(10));
        assert_eq!(parse_yuan("0.29"), Ok(29));
        assert_eq!(parse_yuan("100000"), Ok(10_000_000));
        assert_eq!(parse_yuan("￥１２３．４"), Ok(12_340));
        assert_eq!(parse_yuan(".5"), Ok(50));
    }

    #[test]
    fn bad_amounts_are_refused_with_a_reason() {
        assert_eq!(parse_yuan(""), Err(MoneyError::Empty));
        assert_eq!(parse_yuan("-5"), Err(MoneyError::Negative));
        assert_eq!(parse_yuan("1.234"), Err(MoneyError::NotAnAmount));
        assert_eq!(parse_yuan("12a"), Err(MoneyError::NotAnAmount));
        assert_eq!(parse_yuan("."), Err(MoneyError::NotAnAmount));
        assert_eq!(parse_yuan("99999999999999999"), Err(MoneyError::TooLarge));
    }

    #[test]
    fn amounts_format_with_thousands_and_two_decimals() {
        assert_eq!(format_yuan(0), "0.00");
        assert_eq!(format_yuan(5), "0.05");
        assert_eq!(format_yuan(10_000_000), "100,000.00");
        assert_eq!(format_yuan(-123_456_789), "-1,234,567.89");
    }
}
