//! Personal signing keys on the device (issue 15): made once per profile, stored only
//! wrapped under the device secret, the same key every time after, and useless in
//! another device's store.
#![cfg(not(target_arch = "wasm32"))]

use outpost::domain::profile::{Profile, Role};
use outpost::storage::memory::MemoryStore;
use outpost::storage::personal_keys::{personal_key, personal_keys};
use outpost::storage::schema::StoreName;
use outpost::storage::RecordStore;
use pollster::block_on;

fn seed(n: u8) -> impl FnMut() -> [u8; 32] {
    move || [n; 32]
}

#[test]
fn a_profiles_key_is_made_once_kept_wrapped_and_the_same_ever_after() {
    block_on(async {
        let s = MemoryStore::new();
        let k = personal_key(&s, "li", seed(4)).await.unwrap();
        // Asked again (a reload), with other random bytes offered: the stored key.
        let again = personal_key(&s, "li", seed(9)).await.unwrap();
        assert_eq!(again.id(), k.id());
        // What is stored holds no seed in any form.
        let stored = s.get(StoreName::Meta, "personal_key:li").await.unwrap().expect("stored").to_string();
        let seed_b64 = base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, k.seed());
        assert!(!stored.contains(&seed_b64) && !stored.contains("4,4,4,4"), "{stored}");
        // A copy of the record in another device's store does not open.
        let other = MemoryStore::new();
        let record = s.get(StoreName::Meta, "personal_key:li").await.unwrap().unwrap();
        other.put_all(StoreName::Meta, vec![("personal_key:li".into(), record)]).await.unwrap();
        assert!(personal_key(&other, "li", seed(5)).await.is_err(), "never silently replaced by a new key");
    });
}

#[test]
fn each_profile_on_a_shared_tablet_has_its_own_key() {
    block_on(async {
        let s = MemoryStore::new();
        let p = |id: &str| Profile { id: id.into(), name: id.into(), role: Role::Rep, created_ms: 0 };
        let mut n = 0u8;
        let (keys, failed) = personal_keys(&s, &[p("li"), p("zhao")], || {
            n += 1;
            [n; 32]
        })
        .await;
        assert!(failed.is_empty());
        assert_ne!(keys["li"].id(), keys["zhao"].id());
    });
}
