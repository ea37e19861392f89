//! Recovery files (issue 15): a person's profile and signing key, wrapped under a
//! passphrase with Argon2id, restore the same signer on a new tablet; a weak
//! passphrase, a wrong one, a tampered or crafted file, or another file type is refused
//! with why, and a profile that already has another key on the tablet keeps it.
#![cfg(not(target_arch = "wasm32"))]

use base64::Engine;
use outpost::domain::profile::{Profile, Role};
use outpost::record::seal::PersonalKey;
use outpost::storage::memory::MemoryStore;
use outpost::storage::personal_keys::{personal_key, restore_key};
use outpost::storage::recovery::{make_recovery, open_recovery, RecoveryError};
use outpost::sync::crypto::{CryptoError, KdfParams};
use outpost::sync::passphrase::Weakness;
use pollster::block_on;
use serde_json::{json, Value};

const PASS: &str = "kite day at the plaza";

fn li() -> Profile {
    Profile { id: "p-li".into(), name: "李明".into(), role: Role::Rep, created_ms: 1_780_000_000_000 }
}

/// The smallest parameters the app accepts, to keep the tests quick.
fn small() -> KdfParams {
    KdfParams { m_kib: KdfParams::MIN_M_KIB, t: 1, p: 1 }
}

fn file(key: &PersonalKey) -> String {
    make_recovery(&li(), key, PASS, [7; 16], [8; 12], small()).expect("made")
}

#[test]
fn a_recovery_file_restores_the_same_profile_and_signer_and_holds_no_plain_key() {
    let key = PersonalKey::from_seed([3; 32]);
    let text = file(&key);
    let seed_b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(key.seed());
    assert!(!text.contains(&seed_b64), "{text}");
    let (p, k) = open_recovery(&text, PASS).expect("opened");
    assert_eq!(p, li());
    assert_eq!(k.id(), key.id());
    assert_eq!(k.seed(), key.seed());
    // Same default parameters as a protected invite.
    let made = make_recovery(&li(), &key, PASS, [7; 16], [8; 12], KdfParams::default()).unwrap();
    assert_eq!(open_recovery(&made, PASS).unwrap().1.id(), key.id());
}

#[test]
fn a_weak_or_wrong_passphrase_is_refused() {
    let key = PersonalKey::from_seed([3; 32]);
    assert_eq!(
        make_recovery(&li(), &key, "short", [7; 16], [8; 12], small()).unwrap_err(),
        RecoveryError::Weak(Weakness::TooShort { min: 10 })
    );
    assert_eq!(open_recovery(&file(&key), "kite day at the beach").unwrap_err(), RecoveryError::WrongPassphrase);
}

#[test]
fn a_tampered_crafted_or_foreign_file_is_refused_before_or_without_opening() {
    let key = PersonalKey::from_seed([3; 32]);
    let v: Value = serde_json::from_str(&file(&key)).unwrap();
    let with = |path: &[&str], new: Value| {
        let mut v = v.clone();
        let mut at = &mut v;
        for p in &path[..path.len() - 1] {
            at = &mut at[*p];
        }
        at[path[path.len() - 1]] = new;
        v.to_string()
    };
    // Another person's public key named on this wrapped key.
    let other = PersonalKey::from_seed([4; 32]).id().0;
    assert_eq!(open_recovery(&with(&["key"], json!(other)), PASS).unwrap_err(), RecoveryError::KeyMismatch);
    // A crafted file demanding 1 GiB of memory is refused before any is spent.
    assert_eq!(
        open_recovery(&with(&["wrapped", "params", "m_kib"], json!(1 << 20)), PASS).unwrap_err(),
        RecoveryError::Damaged(CryptoError::TooCostly { m_kib: 1 << 20, t: 1 })
    );
    // A file from a newer Outpost, a team export, text that is not JSON, an empty file.
    assert_eq!(open_recovery(&with(&["version"], json!(2)), PASS).unwrap_err(), RecoveryError::TooNew(2));
    assert_eq!(
        open_recovery(&with(&["format"], json!("outpost.quarantine")), PASS).unwrap_err(),
        RecoveryError::NotARecoveryFile
    );
    assert_eq!(open_recovery("name,phone\nAcme,123", PASS).unwrap_err(), RecoveryError::NotARecoveryFile);
    assert_eq!(open_recovery("", PASS).unwrap_err(), RecoveryError::NotARecoveryFile);
    // A truncated file.
    let text = file(&key);
    assert_eq!(open_recovery(&text[..text.len() / 2], PASS).unwrap_err(), RecoveryError::NotARecoveryFile);
}

#[test]
fn a_restored_key_is_kept_wrapped_and_never_replaces_another_key_of_the_profile() {
    block_on(async {
        let key = PersonalKey::from_seed([3; 32]);
        // A new tablet: the restored key is the profile's key from then on.
        let fresh = MemoryStore::new();
        restore_key(&fresh, "p-li", &key).await.expect("restored");
        assert_eq!(personal_key(&fresh, "p-li", || [9; 32]).await.unwrap().id(), key.id());
        // Restoring the same key again changes nothing.
        restore_key(&fresh, "p-li", &key).await.expect("same key");
        // A tablet where the profile already signs with another key keeps that key.
        let used = MemoryStore::new();
        let own = personal_key(&used, "p-li", || [5; 32]).await.unwrap();
        assert!(restore_key(&used, "p-li", &key).await.is_err());
        assert_eq!(personal_key(&used, "p-li", || [9; 32]).await.unwrap().id(), own.id());
    });
}
