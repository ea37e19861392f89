//! Snapshot crypto: published AES-256-GCM vectors, wrong keys, tampering, truncation,
//! passphrase wrapping (rule S3: the host sees only ciphertext).
#![cfg(not(target_arch = "wasm32"))]

use outpost::sync::crypto::{open, seal, unwrap_key, wrap_key, CryptoError, KdfParams, TeamKey, WrappedKey};

fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

fn arr<const N: usize>(s: &str) -> [u8; N] {
    hex(s).try_into().unwrap()
}

/// McGrew & Viega GCM spec, test case 14 (AES-256, zero key, zero IV, one zero block).
#[test]
fn aes_256_gcm_matches_the_published_test_case_14() {
    let key = TeamKey::from_bytes([0; 32]);
    let sealed = seal(&key, [0; 12], b"", &[0; 16]);
    assert_eq!(&sealed[..12], &[0; 12]);
    assert_eq!(sealed[12..].to_vec(), hex("cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919"));
}

/// Test case 16: AES-256 with associated data.
#[test]
fn aes_256_gcm_matches_the_published_test_case_16_with_associated_data() {
    let key = TeamKey::from_bytes(arr("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"));
    let pt = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
    let aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    let sealed = seal(&key, arr("cafebabefacedbaddecaf888"), &aad, &pt);
    assert_eq!(
        sealed[12..].to_vec(),
        hex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f66276fc6ece0f4e1768cddf8853bb2d551b")
    );
    assert_eq!(open(&key, &aad, &sealed).unwrap(), pt);
}

#[test]
fn a_file_sealed_with_another_teams_key_does_not_open() {
    let sealed = seal(&TeamKey::from_bytes([1; 32]), [9; 12], b"h", b"secret");
    assert_eq!(open(&TeamKey::from_bytes([2; 32]), b"h", &sealed), Err(CryptoError::WrongKeyOrTampered));
}

#[test]
fn a_single_flipped_bit_anywhere_is_detected() {
    let key = TeamKey::from_bytes([3; 32]);
    let sealed = seal(&key, [4; 12], b"h", "张三 13800138000".as_bytes());
    for i in 0..sealed.len() {
        let mut bad = sealed.clone();
        bad[i] ^= 0x01;
        assert_eq!(open(&key, b"h", &bad), Err(CryptoError::WrongKeyOrTampered), "byte {i}");
    }
}

#[test]
fn a_header_moved_onto_another_file_fails_to_open() {
    let key = TeamKey::from_bytes([3; 32]);
    let sealed = seal(&key, [4; 12], b"device=a", b"x");
    assert_eq!(open(&key, b"device=b", &sealed), Err(CryptoError::WrongKeyOrTampered));
}

#[test]
fn a_truncated_file_is_reported_as_truncated_or_tampered() {
    let key = TeamKey::from_bytes([5; 32]);
    let sealed = seal(&key, [6; 12], b"", b"some customer data");
    assert_eq!(open(&key, b"", &sealed[..20]), Err(CryptoError::Truncated));
    assert_eq!(open(&key, b"", &sealed[..sealed.len() - 1]), Err(CryptoError::WrongKeyOrTampered));
    assert_eq!(open(&key, b"", &[]), Err(CryptoError::Truncated));
}

#[test]
fn the_key_survives_the_trip_through_a_link_fragment() {
    let key = TeamKey::from_bytes(arr("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
    let text = key.to_text();
    assert_eq!(text.len(), 43, "unpadded base64url of 32 bytes");
    assert!(text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    assert_eq!(TeamKey::from_text(&text).unwrap(), key);
    assert_eq!(TeamKey::from_text("too-short"), Err(CryptoError::BadKeyText));
    assert_eq!(TeamKey::from_text("!!!"), Err(CryptoError::BadKeyText));
}

#[test]
fn the_key_is_never_printed() {
    assert_eq!(format!("{:?}", TeamKey::from_bytes([7; 32])), "TeamKey(…)");
}

#[test]
fn a_passphrase_wrapped_key_opens_with_the_passphrase_only() {
    let key = TeamKey::from_bytes([11; 32]);
    let params = KdfParams { m_kib: 8 * 1024, t: 1, p: 1 }; // the floor, to keep the test fast
    let w = wrap_key(&key, "风筝节 2026", [1; 16], [2; 12], params).unwrap();
    assert_eq!(unwrap_key(&w, "风筝节 2026").unwrap(), key);
    assert_eq!(unwrap_key(&w, "wrong"), Err(CryptoError::WrongKeyOrTampered));
    let json = serde_json::to_string(&w).unwrap();
    assert!(!json.contains(&key.to_text()), "the wrapped form must not contain the key");
}

#[test]
fn weakened_passphrase_parameters_from_a_tampered_file_are_refused() {
    let key = TeamKey::from_bytes([11; 32]);
    let mut w = wrap_key(&key, "p", [1; 16], [2; 12], KdfParams { m_kib: 8 * 1024, t: 1, p: 1 }).unwrap();
    w.params.m_kib = 16;
    assert_eq!(unwrap_key(&w, "p"), Err(CryptoError::BadParams));
    assert_eq!(KdfParams::default(), KdfParams { m_kib: 19456, t: 2, p: 1 });
}

/// A wrapped key whose salt and sealed key are not even base64: a refusal of its
/// parameters shows they were checked before anything was decoded or derived.
fn crafted(m_kib: u32, t: u32) -> WrappedKey {
    WrappedKey { kdf: "argon2id".into(), params: KdfParams { m_kib, t, p: 1 }, salt: "!".into(), sealed: "!".into() }
}

#[test]
fn a_crafted_link_demanding_256_mib_and_ten_passes_is_refused_before_any_work() {
    let w = crafted(256 * 1024, 10);
    let refused = CryptoError::TooCostly { m_kib: 256 * 1024, t: 10 };
    assert_eq!(w.check(), Err(refused.clone()));
    assert_eq!(unwrap_key(&w, "whatever they typed"), Err(refused));
}

#[test]
fn passphrase_parameters_are_bounded_in_memory_passes_and_their_product() {
    let too_costly = |m_kib, t| Err(CryptoError::TooCostly { m_kib, t });
    assert_eq!(crafted(64 * 1024 + 1, 1).params.check(), too_costly(64 * 1024 + 1, 1));
    assert_eq!(crafted(8 * 1024, 5).params.check(), too_costly(8 * 1024, 5));
    assert_eq!(crafted(64 * 1024, 3).params.check(), too_costly(64 * 1024, 3));
    assert_eq!(crafted(64 * 1024, 2).params.check(), Ok(()));
    assert_eq!(crafted(32 * 1024, 4).params.check(), Ok(()));
    assert_eq!(KdfParams::default().check(), Ok(()));
    // Weak ones stay refused as before.
    assert_eq!(crafted(4 * 1024, 2).params.check(), Err(CryptoError::BadParams));
    assert_eq!(crafted(19 * 1024, 0).params.check(), Err(CryptoError::BadParams));
}

#[test]
fn a_wrapped_key_with_a_short_salt_or_a_cut_sealed_key_is_refused_without_the_passphrase() {
    let key = TeamKey::from_bytes([11; 32]);
    let good = wrap_key(&key, "p", [1; 16], [2; 12], KdfParams { m_kib: 8 * 1024, t: 1, p: 1 }).unwrap();
    assert_eq!(good.check(), Ok(()));
    let mut short_salt = good.clone();
    short_salt.salt = "AAAA".into();
    assert_eq!(short_salt.check(), Err(CryptoError::BadKeyText));
    let mut cut = good.clone();
    cut.sealed.truncate(20);
    assert_eq!(cut.check(), Err(CryptoError::BadKeyText));
    let mut other_kdf = good;
    other_kdf.kdf = "pbkdf2".into();
    assert_eq!(unwrap_key(&other_kdf, "p"), Err(CryptoError::BadParams));
}
