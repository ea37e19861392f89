//! Team-key encryption for everything written to the host (rule S3: customer data never
//! leaves the team, so the host holds ciphertext only).
//!
//! - The team key is 32 random bytes (AES-256-GCM). It travels only in an invite link's
//!   `#fragment` (never sent to a server) or a QR code of that link, as unpadded base64url.
//! - [`seal`] output is `nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes)`; the caller binds
//!   the file's plaintext header as associated data, so a header swapped onto another
//!   file fails to open.
//! - A key may be wrapped under a passphrase with Argon2id ([`wrap_key`]).
//!
//! Randomness (key bytes, nonces, salts) is passed in: the browser draws it from
//! `crypto.getRandomValues`, tests pass fixed bytes.
//!
//! ```
//! use outpost::sync::crypto::{open, seal, TeamKey};
//! let key = TeamKey::from_bytes([7; 32]);
//! let sealed = seal(&key, [1; 12], b"header", "customer: 张三".as_bytes());
//! assert_eq!(open(&key, b"header", &sealed).unwrap(), "customer: 张三".as_bytes());
//! assert!(open(&TeamKey::from_bytes([8; 32]), b"header", &sealed).is_err());
//! ```

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use thiserror::Error;

pub const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CryptoError {
    /// Shorter than a nonce and a tag: the file was cut off.
    #[error("the encrypted data is truncated")]
    Truncated,
    /// The tag did not verify: another team's key, or the bytes were changed.
    #[error("the data was encrypted with another key or has been altered")]
    WrongKeyOrTampered,
    /// An invite's key text is not 32 bytes of base64url.
    #[error("the team key in this link is not valid")]
    BadKeyText,
    /// Passphrase parameters weaker than we accept, or not Argon2id.
    #[error("the passphrase parameters are not acceptable")]
    BadParams,
    /// Passphrase parameters that ask for more memory or passes than a tablet should
    /// spend ([`KdfParams::check`]): refused before any work, so a crafted link cannot
    /// hang or crash the device that opens it.
    #[error("the passphrase parameters ask for too much work ({m_kib} KiB × {t} passes)")]
    TooCostly { m_kib: u32, t: u32 },
}

/// The team's symmetric key. `Debug` never prints it.
#[derive(Clone, PartialEq, Eq)]
pub struct TeamKey([u8; 32]);

impl std::fmt::Debug for TeamKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TeamKey(…)")
    }
}

impl TeamKey {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// The key as it appears in an invite link's fragment.
    pub fn to_text(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.0)
    }

    pub fn from_text(text: &str) -> Result<Self, CryptoError> {
        let bytes = URL_SAFE_NO_PAD.decode(text.trim()).map_err(|_| CryptoError::BadKeyText)?;
        let arr: [u8; 32] = bytes.try_into().map_err(|_| CryptoError::BadKeyText)?;
        Ok(Self(arr))
    }

    fn cipher(&self) -> Aes256Gcm {
        Aes256Gcm::new(&self.0.into())
    }

    /// A 32-byte key for one other purpose, derived from the team key as
    /// HMAC-SHA256(team key, `label`). The team key is 32 uniformly random bytes, so HMAC
    /// as a PRF gives each distinct label an independent key (domain separation) and
    /// nothing about the team key or the other subkeys; the team key never leaves this
    /// type. Labels name their use and version, e.g. `b"outpost blob names v1"`.
    pub fn subkey(&self, label: &[u8]) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        mac.update(label);
        mac.finalize().into_bytes().into()
    }
}

/// Encrypts `plaintext`, binding `aad`. The nonce must never repeat under one key:
/// callers draw 12 fresh random bytes per file.
pub fn seal(key: &TeamKey, nonce: [u8; NONCE_LEN], aad: &[u8], plaintext: &[u8]) -> Vec<u8> {
    let ct = key
        .cipher()
        .encrypt(Nonce::from_slice(&nonce), Payload { msg: plaintext, aad })
        // aes-gcm fails only past 64 GiB of plaintext, far beyond any snapshot.
        .unwrap_or_default();
    let mut out = Vec::with_capacity(NONCE_LEN + ct.len());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&ct);
    out
}

/// Decrypts what [`seal`] produced with the same key and `aad`.
pub fn open(key: &TeamKey, aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
    if sealed.len() < NONCE_LEN + TAG_LEN {
        return Err(CryptoError::Truncated);
    }
    let (nonce, ct) = sealed.split_at(NONCE_LEN);
    key.cipher()
        .decrypt(Nonce::from_slice(nonce), Payload { msg: ct, aad })
        .map_err(|_| CryptoError::WrongKeyOrTampered)
}

/// Argon2id cost. The defaults follow OWASP's second recommended setting
/// (19 MiB, 2 passes, 1 lane), which takes about a second in wasm on a tablet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl Default for KdfParams {
    fn default() -> Self {
        Self { m_kib: 19 * 1024, t: 2, p: 1 }
    }
}

impl KdfParams {
    /// Least memory accepted (KiB): below this a stolen link is cheap to guess.
    pub const MIN_M_KIB: u32 = 8 * 1024;
    /// Most memory accepted (KiB), about 3× the default.
    pub const MAX_M_KIB: u32 = 64 * 1024;
    /// Most passes accepted.
    pub const MAX_T: u32 = 4;
    /// Most total work (memory × passes, KiB), about 3× the default's 38 MiB: a few
    /// seconds in wasm on a tablet.
    pub const MAX_WORK_KIB: u64 = 128 * 1024;

    /// Whether these are parameters this app would ever write, checked on every read
    /// (they come from a link anyone can craft) before any memory is allocated.
    pub fn check(&self) -> Result<(), CryptoError> {
        let work = u64::from(self.m_kib) * u64::from(self.t);
        if self.m_kib > Self::MAX_M_KIB || self.t > Self::MAX_T || work > Self::MAX_WORK_KIB {
            return Err(CryptoError::TooCostly { m_kib: self.m_kib, t: self.t });
        }
        if self.m_kib < Self::MIN_M_KIB || self.t == 0 || self.p != 1 {
            return Err(CryptoError::BadParams);
        }
        Ok(())
    }
}

/// A team key encrypted under a passphrase, safe to store or print as a QR code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrappedKey {
    pub kdf: String,
    pub params: KdfParams,
    /// base64url salt (16 bytes).
    pub salt: String,
    /// base64url of `seal(kek, …, b"outpost.key", key)`.
    pub sealed: String,
}

fn derive(passphrase: &str, salt: &[u8], params: KdfParams) -> Result<TeamKey, CryptoError> {
    params.check()?;
    let p = Params::new(params.m_kib, params.t, params.p, Some(32)).map_err(|_| CryptoError::BadParams)?;
    let mut out = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, p)
        .hash_password_into(passphrase.as_bytes(), salt, &mut out)
        .map_err(|_| CryptoError::BadParams)?;
    Ok(TeamKey(out))
}

pub fn wrap_key(
    key: &TeamKey,
    passphrase: &str,
    salt: [u8; 16],
    nonce: [u8; NONCE_LEN],
    params: KdfParams,
) -> Result<WrappedKey, CryptoError> {
    wrap_secret(b"outpost.key", &key.0, passphrase, salt, nonce, params)
}

/// Wraps any 32-byte secret under a passphrase (Argon2id, then AES-GCM), bound to
/// `purpose` so a secret wrapped for one use cannot be passed off as another.
pub fn wrap_secret(
    purpose: &[u8],
    secret: &[u8; 32],
    passphrase: &str,
    salt: [u8; 16],
    nonce: [u8; NONCE_LEN],
    params: KdfParams,
) -> Result<WrappedKey, CryptoError> {
    let kek = derive(passphrase, &salt, params)?;
    Ok(WrappedKey {
        kdf: "argon2id".into(),
        params,
        salt: URL_SAFE_NO_PAD.encode(salt),
        sealed: URL_SAFE_NO_PAD.encode(seal(&kek, nonce, purpose, secret)),
    })
}

impl WrappedKey {
    /// Everything about the wrapped form that can be checked without the passphrase:
    /// the KDF and its bounded parameters, a 16-byte salt and a sealed 32-byte key. The
    /// join page asks this before it asks for the passphrase.
    pub fn check(&self) -> Result<(), CryptoError> {
        if self.kdf != "argon2id" {
            return Err(CryptoError::BadParams);
        }
        self.params.check()?;
        let salt = URL_SAFE_NO_PAD.decode(&self.salt).map_err(|_| CryptoError::BadKeyText)?;
        let sealed = URL_SAFE_NO_PAD.decode(&self.sealed).map_err(|_| CryptoError::BadKeyText)?;
        if salt.len() != 16 || sealed.len() != NONCE_LEN + 32 + TAG_LEN {
            return Err(CryptoError::BadKeyText);
        }
        Ok(())
    }
}

/// The team key, or [`CryptoError::WrongKeyOrTampered`] for a wrong passphrase. The
/// wrapped form is checked first ([`WrappedKey::check`]), before any key derivation.
pub fn unwrap_key(w: &WrappedKey, passphrase: &str) -> Result<TeamKey, CryptoError> {
    unwrap_secret(b"outpost.key", w, passphrase).map(TeamKey)
}

/// The secret [`wrap_secret`] wrapped for `purpose`, checked as [`unwrap_key`] is.
pub fn unwrap_secret(purpose: &[u8], w: &WrappedKey, passphrase: &str) -> Result<[u8; 32], CryptoError> {
    w.check()?;
    let salt = URL_SAFE_NO_PAD.decode(&w.salt).map_err(|_| CryptoError::BadKeyText)?;
    let sealed = URL_SAFE_NO_PAD.decode(&w.sealed).map_err(|_| CryptoError::BadKeyText)?;
    let kek = derive(passphrase, &salt, w.params)?;
    let raw = open(&kek, purpose, &sealed)?;
    raw.try_into().map_err(|_| CryptoError::BadKeyText)
}
