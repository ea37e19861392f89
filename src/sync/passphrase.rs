//! How strong a passphrase must be before a team key is wrapped under it
//! ([`super::crypto::wrap_key`]). A protected invite link may be seen by anyone on the
//! way (a chat, a screenshot, a printed QR code), and then only the passphrase and
//! Argon2id stand between them and the team's data, guessed offline at their leisure.
//!
//! The rule is deliberately simple, so the message can say exactly what to change:
//! at least [`MIN_CHARS`] characters, at least [`MIN_DISTINCT`] different ones, and
//! either two kinds of character (lower case, upper case, digits, spaces and
//! punctuation, other scripts such as Chinese) or at least [`LONG_CHARS`] characters.
//!
//! ```
//! use outpost::sync::passphrase::{check_passphrase, Weakness};
//! assert_eq!(check_passphrase("kite day 2026"), Ok(()));
//! assert_eq!(check_passphrase("short"), Err(Weakness::TooShort { min: 10 }));
//! assert_eq!(check_passphrase("1234567890"), Err(Weakness::OneKind { long: 16 }));
//! ```

use thiserror::Error;

pub const MIN_CHARS: usize = 10;
pub const MIN_DISTINCT: usize = 5;
/// From this length one kind of character is enough (a sentence in lower case).
pub const LONG_CHARS: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum Weakness {
    #[error("shorter than {min} characters")]
    TooShort { min: usize },
    #[error("fewer than {min} different characters")]
    Repetitive { min: usize },
    #[error("one kind of character and shorter than {long}")]
    OneKind { long: usize },
}

#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Lower,
    Upper,
    Digit,
    Punct,
    Other,
}

fn kind(c: char) -> Kind {
    match c {
        'a'..='z' => Kind::Lower,
        'A'..='Z' => Kind::Upper,
        '0'..='9' => Kind::Digit,
        c if c.is_ascii() => Kind::Punct,
        c if c.is_whitespace() => Kind::Punct,
        _ => Kind::Other,
    }
}

/// `Ok` when `passphrase` may protect a team key; otherwise the first thing to fix.
pub fn check_passphrase(passphrase: &str) -> Result<(), Weakness> {
    let chars: Vec<char> = passphrase.trim().chars().collect();
    if chars.len() < MIN_CHARS {
        return Err(Weakness::TooShort { min: MIN_CHARS });
    }
    let mut distinct = chars.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < MIN_DISTINCT {
        return Err(Weakness::Repetitive { min: MIN_DISTINCT });
    }
    let mut kinds: Vec<Kind> = chars.iter().map(|&c| kind(c)).collect();
    kinds.sort_unstable();
    kinds.dedup();
    if kinds.len() < 2 && chars.len() < LONG_CHARS {
        return Err(Weakness::OneKind { long: LONG_CHARS });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_passphrase_is_refused_whatever_it_mixes() {
        assert_eq!(check_passphrase("Ab1!xY9"), Err(Weakness::TooShort { min: 10 }));
        // Surrounding spaces do not count towards the length.
        assert_eq!(check_passphrase("   abc12   "), Err(Weakness::TooShort { min: 10 }));
    }

    #[test]
    fn a_long_run_of_few_characters_is_refused() {
        assert_eq!(check_passphrase("aaaaaaaaaaaa"), Err(Weakness::Repetitive { min: 5 }));
        assert_eq!(check_passphrase("abababab1212"), Err(Weakness::Repetitive { min: 5 }));
    }

    #[test]
    fn one_kind_of_character_needs_sixteen_of_them() {
        assert_eq!(check_passphrase("1234567890"), Err(Weakness::OneKind { long: 16 }));
        assert_eq!(check_passphrase("kitedaysummer"), Err(Weakness::OneKind { long: 16 }));
        assert_eq!(check_passphrase("kitedaysummerfair"), Ok(()));
    }

    #[test]
    fn mixed_passphrases_in_either_script_pass() {
        assert_eq!(check_passphrase("kite day 2026"), Ok(()));
        assert_eq!(check_passphrase("风筝节2026年春天"), Ok(()));
        assert_eq!(check_passphrase("Lakeside42x"), Ok(()));
    }
}
