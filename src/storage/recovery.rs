//! A person's recovery file (issue 15): their profile and personal signing key, the key
//! wrapped under a passphrase with Argon2id, so they can move to a new tablet — or come
//! back after theirs was wiped — as the same signer the roster knows.
//!
//! The file is a versioned envelope, `{format, version, profile, key, wrapped}`: `key`
//! is the public half, so a restore proves the passphrase opened *this* person's key
//! and not some other secret. The private key is never in the file unwrapped, the
//! passphrase must pass [`check_passphrase`], and the KDF parameters are bounded on
//! read ([`KdfParams::check`]) before any memory is spent on a crafted file.
//!
//! ```
//! use outpost::domain::profile::{Profile, Role};
//! use outpost::record::seal::PersonalKey;
//! use outpost::sync::crypto::KdfParams;
//! use outpost::storage::recovery::{make_recovery, open_recovery, RecoveryError};
//! let li = Profile { id: "li".into(), name: "Li".into(), role: Role::Rep, created_ms: 1 };
//! let key = PersonalKey::from_seed([3; 32]);
//! let small = KdfParams { m_kib: 8 * 1024, t: 1, p: 1 };
//! let text = make_recovery(&li, &key, "kite day 2026", [1; 16], [2; 12], small).unwrap();
//! let (p, k) = open_recovery(&text, "kite day 2026").unwrap();
//! assert_eq!((p, k.id()), (li, key.id()));
//! assert_eq!(open_recovery(&text, "kite day 2025").unwrap_err(), RecoveryError::WrongPassphrase);
//! ```

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::profile::Profile;
use crate::record::seal::PersonalKey;
use crate::sync::crypto::{unwrap_secret, wrap_secret, CryptoError, KdfParams, WrappedKey, NONCE_LEN};
use crate::sync::passphrase::{check_passphrase, Weakness};

pub const RECOVERY_FORMAT: &str = "outpost.recovery";
pub const RECOVERY_VERSION: u32 = 1;
/// What the wrapped secret is bound to (the AEAD's associated data).
const PURPOSE: &[u8] = b"outpost.recovery";
/// A recovery file is a few hundred bytes; anything much larger is not one.
pub const MAX_RECOVERY_BYTES: usize = 16 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct RecoveryFile {
    format: String,
    version: u32,
    profile: Profile,
    /// The public key ([`crate::record::seal::KeyId`] text).
    key: String,
    wrapped: WrappedKey,
}

/// Why a recovery file could not be made or opened; the UI words each.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RecoveryError {
    #[error("the passphrase is too weak: {0}")]
    Weak(Weakness),
    #[error("this is not an Outpost recovery file")]
    NotARecoveryFile,
    #[error("the recovery file was written by a newer Outpost (version {0})")]
    TooNew(u32),
    #[error("the passphrase does not open this recovery file (or the file was altered)")]
    WrongPassphrase,
    #[error("the recovery file holds another key than the one it names")]
    KeyMismatch,
    #[error("the recovery file is damaged: {0}")]
    Damaged(CryptoError),
}

/// The text of `profile`'s recovery file, its key wrapped under `passphrase`.
pub fn make_recovery(
    profile: &Profile,
    key: &PersonalKey,
    passphrase: &str,
    salt: [u8; 16],
    nonce: [u8; NONCE_LEN],
    params: KdfParams,
) -> Result<String, RecoveryError> {
    check_passphrase(passphrase).map_err(RecoveryError::Weak)?;
    let wrapped = wrap_secret(PURPOSE, &key.seed(), passphrase, salt, nonce, params).map_err(RecoveryError::Damaged)?;
    let file = RecoveryFile {
        format: RECOVERY_FORMAT.into(),
        version: RECOVERY_VERSION,
        profile: profile.clone(),
        key: key.id().0,
        wrapped,
    };
    // Compact, so the same text also fits a printable QR code.
    serde_json::to_string(&file).map_err(|_| RecoveryError::NotARecoveryFile)
}

/// The profile and key a recovery file holds, or why not. Everything that can be
/// checked without the passphrase is checked first.
pub fn open_recovery(text: &str, passphrase: &str) -> Result<(Profile, PersonalKey), RecoveryError> {
    if text.len() > MAX_RECOVERY_BYTES {
        return Err(RecoveryError::NotARecoveryFile);
    }
    let v: serde_json::Value = serde_json::from_str(text).map_err(|_| RecoveryError::NotARecoveryFile)?;
    if v.get("format").and_then(|f| f.as_str()) != Some(RECOVERY_FORMAT) {
        return Err(RecoveryError::NotARecoveryFile);
    }
    match v.get("version").and_then(|n| n.as_u64()) {
        Some(n) if n > u64::from(RECOVERY_VERSION) => {
            return Err(RecoveryError::TooNew(n.try_into().unwrap_or(u32::MAX)))
        }
        Some(_) => {}
        None => return Err(RecoveryError::NotARecoveryFile),
    }
    let file: RecoveryFile = serde_json::from_value(v).map_err(|_| RecoveryError::NotARecoveryFile)?;
    file.wrapped.check().map_err(RecoveryError::Damaged)?;
    let seed = unwrap_secret(PURPOSE, &file.wrapped, passphrase).map_err(|e| match e {
        CryptoError::WrongKeyOrTampered => RecoveryError::WrongPassphrase,
        e => RecoveryError::Damaged(e),
    })?;
    let key = PersonalKey::from_seed(seed);
    if key.id().0 != file.key {
        return Err(RecoveryError::KeyMismatch);
    }
    Ok((file.profile, key))
}
