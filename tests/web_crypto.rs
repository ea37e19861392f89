//! The snapshot crypto gives the same bytes in the browser's wasm as natively.
#![cfg(target_arch = "wasm32")]

use outpost::sync::crypto::{open, seal, unwrap_key, wrap_key, CryptoError, KdfParams, TeamKey};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn aes_256_gcm_in_wasm_matches_the_published_test_case_14() {
    let sealed = seal(&TeamKey::from_bytes([0; 32]), [0; 12], b"", &[0; 16]);
    let hex: String = sealed[12..].iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, "cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919");
}

#[wasm_bindgen_test]
fn a_tampered_or_foreign_file_is_refused_in_wasm() {
    let key = TeamKey::from_bytes([1; 32]);
    let mut sealed = seal(&key, [2; 12], b"h", "客户 张三".as_bytes());
    assert_eq!(open(&TeamKey::from_bytes([9; 32]), b"h", &sealed), Err(CryptoError::WrongKeyOrTampered));
    let last = sealed.len() - 1;
    sealed[last] ^= 1;
    assert_eq!(open(&key, b"h", &sealed), Err(CryptoError::WrongKeyOrTampered));
}

#[wasm_bindgen_test]
fn argon2id_key_wrapping_runs_in_wasm() {
    let key = TeamKey::from_bytes([5; 32]);
    let w = wrap_key(&key, "口令", [3; 16], [4; 12], KdfParams { m_kib: 8 * 1024, t: 1, p: 1 }).unwrap();
    assert_eq!(unwrap_key(&w, "口令").unwrap(), key);
    assert!(unwrap_key(&w, "wrong").is_err());
}
