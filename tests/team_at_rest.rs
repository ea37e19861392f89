//! The team key and host password at rest (native, against the in-memory store and its
//! stand-in device secret; `web_team_at_rest.rs` runs the same on real IndexedDB with a
//! WebCrypto key).
#![cfg(not(target_arch = "wasm32"))]

use outpost::storage::device_secret::{DeviceSecret, Wrapped};
use outpost::storage::memory::MemoryStore;
use outpost::storage::team::{save_team, switch_preview, team, S3Team, Team, TeamSaved};
use outpost::storage::{RecordStore, StorageError, StoreName, Write};
use pollster::block_on;

const KEY: &str = "hQx2Gk0pY3t9nB7vR1mL5sW8cE4aJ6dF0iU2oZ9yT3k";

fn kite_team() -> Team {
    Team {
        host_url: "https://files.example/outpost/".into(),
        key: KEY.into(),
        inviter: None,
        user: Some("outpost".into()),
        password: Some("host-pa55".into()),
        s3: None,
    }
}

const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

fn bucket_team() -> Team {
    let bucket = S3Team {
        endpoint: "https://s3.eu-west-1.amazonaws.com".into(),
        bucket: "acme-outpost".into(),
        region: "eu-west-1".into(),
        prefix: "teams/north".into(),
        access_key: "AKIAIOSFODNN7EXAMPLE".into(),
        secret: SECRET.into(),
        path_style: false,
    };
    Team {
        host_url: bucket.folder_url().unwrap(),
        key: KEY.into(),
        inviter: None,
        user: None,
        password: None,
        s3: Some(bucket),
    }
}

fn stored_text(s: &MemoryStore) -> String {
    block_on(s.get(StoreName::Meta, "team")).unwrap().expect("a stored team").to_string()
}

#[test]
fn a_saved_team_is_stored_without_its_key_or_password_and_reads_back_whole() {
    let s = MemoryStore::new();
    block_on(save_team(&s, &kite_team(), "dev-a")).unwrap();
    let text = stored_text(&s);
    assert!(!text.contains(KEY) && !text.contains("host-pa55"), "{text}");
    assert!(text.contains("files.example") && text.contains("\"user\":\"outpost\""), "{text}");
    assert_eq!(block_on(team(&s)).unwrap(), Some(kite_team()));
}

#[test]
fn a_plain_team_from_an_older_build_is_wrapped_the_first_time_it_is_read() {
    let s = MemoryStore::new();
    let plain = serde_json::to_value(kite_team()).unwrap();
    block_on(s.write(vec![Write::Put(StoreName::Meta, "team".into(), plain)])).unwrap();
    assert!(stored_text(&s).contains(KEY));
    assert_eq!(block_on(team(&s)).unwrap(), Some(kite_team()));
    assert!(!stored_text(&s).contains(KEY), "still plain after the first read");
    assert_eq!(block_on(team(&s)).unwrap(), Some(kite_team()));
}

#[test]
fn a_team_record_copied_to_another_device_does_not_open_there() {
    let a = MemoryStore::new();
    block_on(save_team(&a, &kite_team(), "dev-a")).unwrap();
    let copied = block_on(a.get(StoreName::Meta, "team")).unwrap().unwrap();
    let b = MemoryStore::new();
    block_on(b.write(vec![Write::Put(StoreName::Meta, "team".into(), copied)])).unwrap();
    assert!(matches!(block_on(team(&b)), Err(StorageError::Secret(_))));
}

#[test]
fn a_wrapped_value_of_an_unknown_version_or_cut_short_is_refused() {
    let s = MemoryStore::new();
    let w = block_on(s.wrap(b"personal signing key")).unwrap();
    assert_eq!(block_on(s.unwrap(&w)).unwrap(), b"personal signing key");
    let newer = Wrapped { v: 2, ..w.clone() };
    assert!(matches!(block_on(s.unwrap(&newer)), Err(StorageError::Secret(_))));
    let cut = Wrapped { ct: w.ct[..8].to_owned(), ..w };
    assert!(matches!(block_on(s.unwrap(&cut)), Err(StorageError::Secret(_))));
}

#[test]
fn a_bucket_team_is_stored_without_its_secret_and_reads_back_whole() {
    let t = bucket_team();
    assert_eq!(t.host_url, "https://acme-outpost.s3.eu-west-1.amazonaws.com/teams/north/");
    assert!(!format!("{t:?}").contains(SECRET), "never printed");
    let s = MemoryStore::new();
    block_on(save_team(&s, &t, "dev-a")).unwrap();
    let text = stored_text(&s);
    assert!(!text.contains(SECRET) && !text.contains(KEY), "{text}");
    assert!(text.contains("acme-outpost") && text.contains("AKIAIOSFODNN7EXAMPLE"), "{text}");
    assert_eq!(block_on(team(&s)).unwrap(), Some(t));
}

#[test]
fn another_bucket_or_folder_is_another_team_and_a_new_secret_is_the_same_one() {
    let s = MemoryStore::new();
    block_on(save_team(&s, &bucket_team(), "dev-a")).unwrap();
    let mut rotated = bucket_team();
    if let Some(b) = rotated.s3.as_mut() {
        b.secret = "a-rotated-secret".into();
        b.prefix = "/teams/north/".into();
    }
    assert_eq!(block_on(switch_preview(&s, &rotated)).unwrap(), None);
    assert_eq!(block_on(save_team(&s, &rotated, "dev-a")).unwrap(), TeamSaved::Updated);
    let mut elsewhere = bucket_team();
    if let Some(b) = elsewhere.s3.as_mut() {
        b.prefix = "teams/south".into();
    }
    assert!(block_on(switch_preview(&s, &elsewhere)).unwrap().is_some());
    // The same folder URL through WebDAV is not the bucket team either.
    let webdav = Team { s3: None, ..bucket_team() };
    assert!(!bucket_team().same_team(&webdav));
}
