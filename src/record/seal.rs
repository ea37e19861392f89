//! Seals: a person's Ed25519 signature on each field change and each entry.
//!
//! Anyone holding the team key can write a snapshot, so what a record says about its
//! author is only a claim until it is signed with a key only that person holds. Each
//! [`Register`] (one field change of a document) and each [`Entry`] carries a [`Seal`]:
//! the signer's public key and an Ed25519 signature over the record's canonical bytes,
//! which include the document id and kind, the field, the value, the stamp (with the
//! device id) and the author. Changing any of them — the amount of a payment, the day
//! of a claim, the person or device named — breaks the seal.
//!
//! A seal proves only *which key* signed. Whether that key belongs to the author and
//! whether the author held the role the record needs at that time is the team roster's
//! question (`domain::roster`), answered when records are folded.
//!
//! The canonical bytes are `serde_json` of a tagged tuple; `serde_json` sorts object
//! keys (no `preserve_order` in this build), so equal records give equal bytes on every
//! device.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::record::replica::{Entry, Register, Replica};

/// A signature and the public key that made it, both base64url without padding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Seal {
    /// The signer's public key ([`KeyId`] text).
    pub key: String,
    /// The Ed25519 signature over the record's canonical bytes.
    pub sig: String,
}

/// A person's public key as text: base64url of its 32 bytes. Rosters bind it to a person.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct KeyId(pub String);

impl KeyId {
    /// The key id if `text` is one: base64url of a valid Ed25519 public key (a link's
    /// `a=` parameter, a grant's key) — checked before it is stored or trusted.
    pub fn parse(text: &str) -> Option<KeyId> {
        let bytes: [u8; 32] = URL_SAFE_NO_PAD.decode(text).ok()?.try_into().ok()?;
        VerifyingKey::from_bytes(&bytes).ok()?;
        Some(KeyId(text.to_owned()))
    }
}

impl fmt::Display for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a seal does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SealError {
    #[error("the signer's key is not a valid public key")]
    BadKey,
    #[error("the signature is malformed")]
    BadSignature,
    #[error("the signature does not match the record (altered, or signed by another key)")]
    Mismatch,
}

/// A person's signing key. The 32-byte seed is the whole secret: store it only wrapped.
#[derive(Clone)]
pub struct PersonalKey(SigningKey);

impl fmt::Debug for PersonalKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PersonalKey({})", self.id())
    }
}

impl PersonalKey {
    /// The key from 32 random bytes (the caller draws them from the platform's CSPRNG).
    pub fn from_seed(seed: [u8; 32]) -> Self {
        PersonalKey(SigningKey::from_bytes(&seed))
    }

    /// The secret seed, for wrapping and recovery files only.
    pub fn seed(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// The public key as text.
    pub fn id(&self) -> KeyId {
        KeyId(URL_SAFE_NO_PAD.encode(self.0.verifying_key().as_bytes()))
    }

    fn seal(&self, bytes: &[u8]) -> Seal {
        let sig: Signature = self.0.sign(bytes);
        Seal { key: self.id().0, sig: URL_SAFE_NO_PAD.encode(sig.to_bytes()) }
    }

    /// Signs one field change of document `doc_id` of `kind`, setting its seal.
    pub fn seal_register(&self, doc_id: &str, kind: &str, field: &str, reg: &mut Register) {
        reg.seal = Some(self.seal(&register_bytes(doc_id, kind, field, reg)));
    }

    /// Signs an entry, setting its seal.
    pub fn seal_entry(&self, e: &mut Entry) {
        e.seal = Some(self.seal(&entry_bytes(e)));
    }

    /// Signs every field change and entry of a local change: everything in it was just
    /// written by this key's person.
    pub fn seal_change(&self, r: &mut Replica) {
        for d in r.docs.values_mut() {
            for (field, reg) in d.fields.iter_mut() {
                reg.seal = Some(self.seal(&register_bytes(&d.id, &d.kind, field, reg)));
            }
        }
        for e in r.entries.values_mut() {
            self.seal_entry(e);
        }
    }
}

/// What a register's seal signs: everything about the change but the seal itself.
pub fn register_bytes(doc_id: &str, kind: &str, field: &str, reg: &Register) -> Vec<u8> {
    serde_json::to_vec(&("outpost.field.v1", doc_id, kind, field, &reg.value, &reg.stamp, &reg.author))
        .unwrap_or_default()
}

/// What an entry's seal signs: everything about the entry but the seal itself.
pub fn entry_bytes(e: &Entry) -> Vec<u8> {
    serde_json::to_vec(&("outpost.entry.v1", &e.id, &e.kind, &e.subject, &e.stamp, &e.author, &e.body))
        .unwrap_or_default()
}

/// The link the next step of an approval chain names as its `prev` (issue 15): a hash
/// of this entry's signed bytes and its signature, so a step is bound to the exact
/// signed history it was taken on.
pub fn chain_digest(e: &Entry) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(entry_bytes(e));
    if let Some(s) = &e.seal {
        h.update(s.key.as_bytes());
        h.update(s.sig.as_bytes());
    }
    URL_SAFE_NO_PAD.encode(h.finalize())
}

/// `body` naming `prev` as the link it was taken on (`None` leaves it unchained, as
/// builds before the chain wrote it).
pub fn chained_body(mut body: serde_json::Value, prev: Option<&str>) -> serde_json::Value {
    if let (Some(p), serde_json::Value::Object(m)) = (prev, &mut body) {
        m.insert("prev".into(), serde_json::Value::String(p.to_owned()));
    }
    body
}

/// The link an entry names as taken on; `None` for an unchained one.
pub fn chain_prev(e: &Entry) -> Option<&str> {
    e.body.get("prev").and_then(|p| p.as_str())
}

fn check(seal: &Seal, bytes: &[u8]) -> Result<(), SealError> {
    let key: [u8; 32] =
        URL_SAFE_NO_PAD.decode(&seal.key).ok().and_then(|k| k.try_into().ok()).ok_or(SealError::BadKey)?;
    let key = VerifyingKey::from_bytes(&key).map_err(|_| SealError::BadKey)?;
    let sig: [u8; 64] =
        URL_SAFE_NO_PAD.decode(&seal.sig).ok().and_then(|s| s.try_into().ok()).ok_or(SealError::BadSignature)?;
    key.verify_strict(bytes, &Signature::from_bytes(&sig)).map_err(|_| SealError::Mismatch)
}

/// Whether a register's seal holds. An unsealed register (written before seals, or by
/// a build without them) is `Ok`: it is judged by the roster, not here.
pub fn verify_register(doc_id: &str, kind: &str, field: &str, reg: &Register) -> Result<(), SealError> {
    match &reg.seal {
        Some(seal) => check(seal, &register_bytes(doc_id, kind, field, reg)),
        None => Ok(()),
    }
}

/// Whether an entry's seal holds; an unsealed entry is `Ok` (see [`verify_register`]).
pub fn verify_entry(e: &Entry) -> Result<(), SealError> {
    match &e.seal {
        Some(seal) => check(seal, &entry_bytes(e)),
        None => Ok(()),
    }
}
