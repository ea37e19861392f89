//! Profiles: who is using this tablet right now.
//!
//! One tablet is often shared (a kiosk at an event, a pool tablet in a sales office),
//! so a device holds several profiles and a switcher picks the current one. Every
//! change Outpost records names its author profile; the role decides what the UI
//! offers (only a manager approves, only finance confirms payments — O3, K1).

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The job a profile does; it decides which actions the UI offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Rep,
    Manager,
    Finance,
    EventStaff,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Rep, Role::Manager, Role::Finance, Role::EventStaff];

    /// The stable code used in storage, forms and `data-` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Role::Rep => "rep",
            Role::Manager => "manager",
            Role::Finance => "finance",
            Role::EventStaff => "event_staff",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// A person using this device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub role: Role,
    /// Epoch milliseconds; profiles list in the order they were created.
    pub created_ms: i64,
}

/// Why a profile form was refused; the UI words each reason in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ProfileError {
    #[error("the name is empty")]
    NameEmpty,
    #[error("the name is longer than {max} characters")]
    NameTooLong { max: usize },
    #[error("a profile with this name already exists on this device")]
    NameTaken,
}

/// Longest accepted display name, in characters (not bytes: 张三 is 2).
pub const MAX_NAME_CHARS: usize = 40;

/// Validates a new profile against the ones already on the device and builds it.
/// The id and clock are passed in so the rule stays pure.
pub fn new_profile(
    id: String,
    name: &str,
    role: Role,
    now_ms: i64,
    existing: &[Profile],
) -> Result<Profile, ProfileError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ProfileError::NameEmpty);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(ProfileError::NameTooLong { max: MAX_NAME_CHARS });
    }
    if existing.iter().any(|p| p.name.eq_ignore_ascii_case(name)) {
        return Err(ProfileError::NameTaken);
    }
    Ok(Profile { id, name: name.to_owned(), role, created_ms: now_ms })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zhang() -> Profile {
        new_profile("p1".into(), " 张三 ", Role::Rep, 1, &[]).expect("valid")
    }

    #[test]
    fn a_name_is_trimmed_and_kept() {
        assert_eq!(zhang().name, "张三");
    }

    #[test]
    fn an_empty_or_blank_name_is_refused() {
        assert_eq!(new_profile("p".into(), "   ", Role::Rep, 1, &[]), Err(ProfileError::NameEmpty));
    }

    #[test]
    fn a_name_is_measured_in_characters_not_bytes() {
        let forty = "张".repeat(MAX_NAME_CHARS);
        assert!(new_profile("p".into(), &forty, Role::Rep, 1, &[]).is_ok());
        let forty_one = "张".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(
            new_profile("p".into(), &forty_one, Role::Rep, 1, &[]),
            Err(ProfileError::NameTooLong { max: MAX_NAME_CHARS })
        );
    }

    #[test]
    fn two_profiles_on_one_device_cannot_share_a_name() {
        let existing = [zhang()];
        assert_eq!(new_profile("p2".into(), "张三", Role::Manager, 2, &existing), Err(ProfileError::NameTaken));
    }

    #[test]
    fn role_codes_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::from_code(r.code()), Some(r));
        }
        assert_eq!(Role::from_code("boss"), None);
    }
}
