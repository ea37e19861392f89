//! The in-memory store behaves like the IndexedDB one for everything above storage.
#![cfg(not(target_arch = "wasm32"))]

use outpost::domain::calendar::TeamCalendar;
use outpost::domain::profile::{Profile, Role};
use outpost::storage::memory::MemoryStore;
use outpost::storage::settings::{load_calendar, save_calendar};
use outpost::storage::{get_all_typed, get_typed, put_typed, RecordStore, StorageError, StoreName};
use pollster::block_on;
use serde_json::json;

#[test]
fn a_record_is_read_back_in_key_order_and_deleted() {
    block_on(async {
        let s = MemoryStore::new();
        s.put_all(StoreName::Meta, vec![("b".into(), json!(2)), ("a".into(), json!(1))]).await.unwrap();
        assert_eq!(s.get_all(StoreName::Meta).await.unwrap(), vec![json!(1), json!(2)]);
        s.delete(StoreName::Meta, "a").await.unwrap();
        assert_eq!(s.get(StoreName::Meta, "a").await.unwrap(), None);
    });
}

#[test]
fn typed_helpers_round_trip_a_profile() {
    block_on(async {
        let s = MemoryStore::new();
        let p = Profile { id: "p1".into(), name: "张三".into(), role: Role::EventStaff, created_ms: 5 };
        put_typed(&s, StoreName::Profiles, &p.id, &p).await.unwrap();
        assert_eq!(get_typed::<_, Profile>(&s, StoreName::Profiles, "p1").await.unwrap(), Some(p.clone()));
        assert_eq!(get_all_typed::<_, Profile>(&s, StoreName::Profiles).await.unwrap(), vec![p]);
    });
}

#[test]
fn a_stored_record_of_the_wrong_shape_is_a_decode_error() {
    block_on(async {
        let s = MemoryStore::new();
        s.put_all(StoreName::Profiles, vec![("x".into(), json!({"name": 3}))]).await.unwrap();
        let r = get_all_typed::<_, Profile>(&s, StoreName::Profiles).await;
        assert!(matches!(r, Err(StorageError::Decode(_))), "{r:?}");
    });
}

#[test]
fn the_team_calendar_defaults_until_saved_then_reads_back() {
    block_on(async {
        let s = MemoryStore::new();
        assert_eq!(load_calendar(&s).await.unwrap(), TeamCalendar::default());
        let mut cal = TeamCalendar::default();
        cal.set_utc_offset_minutes(60).unwrap();
        save_calendar(&s, &cal).await.unwrap();
        assert_eq!(load_calendar(&s).await.unwrap().utc_offset_minutes, 60);
    });
}
