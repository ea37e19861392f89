//! The team's working-day calendar as a synced document (V5, C6, A1 count working days on
//! it): parts merge independently, a device's older local copy is read until the team
//! saves one, and a damaged document cannot set an impossible time zone.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use outpost::domain::calendar::TeamCalendar;
use outpost::record::hlc::Clock;
use outpost::record::replica::{Document, Replica};
use outpost::storage::customers::Author;
use outpost::storage::data::apply_local;
use outpost::storage::memory::MemoryStore;
use outpost::storage::settings::{calendar_change, load_calendar, save_calendar, TEAM_CALENDAR_ID, TEAM_CALENDAR_KIND};
use pollster::block_on;
use serde_json::json;

fn day(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

#[test]
fn a_calendar_saved_on_one_tablet_is_the_calendar_on_another_after_sync() {
    block_on(async {
        let (a, b) = (MemoryStore::new(), MemoryStore::new());
        let mut clock = Clock::new("tab-a");
        let mut cal = TeamCalendar::default();
        cal.holidays.insert(day("2026-10-01"));
        cal.makeup_days.insert(day("2026-09-27"));
        let change = calendar_change(
            &TeamCalendar::default(),
            &cal,
            &mut Author { profile: "boss", clock: &mut clock, now_ms: 1_000 },
        )
        .expect("holidays changed");
        apply_local(&a, &change, &clock).await.unwrap();
        assert_eq!(load_calendar(&a).await.unwrap(), cal);
        // The other tablet merges the same document (as a pull would).
        apply_local(&b, &change, &Clock::new("tab-b")).await.unwrap();
        let on_b = load_calendar(&b).await.unwrap();
        assert!(!on_b.is_working_day(day("2026-10-01")));
        assert!(on_b.is_working_day(day("2026-09-27")), "a make-up Sunday is a working day");
    });
}

#[test]
fn two_managers_changing_different_parts_offline_both_keep_their_change() {
    let base = TeamCalendar::default();
    let mut with_holiday = base.clone();
    with_holiday.holidays.insert(day("2027-02-17"));
    let mut moved = base.clone();
    moved.set_utc_offset_minutes(420).unwrap();
    let a =
        calendar_change(&base, &with_holiday, &mut Author { profile: "m1", clock: &mut Clock::new("a"), now_ms: 10 })
            .unwrap();
    let b =
        calendar_change(&base, &moved, &mut Author { profile: "m2", clock: &mut Clock::new("b"), now_ms: 20 }).unwrap();
    assert_eq!(a.docs[TEAM_CALENDAR_ID].fields.len(), 1, "only the holidays are stamped");
    assert_eq!(a.docs[TEAM_CALENDAR_ID].kind, TEAM_CALENDAR_KIND);
    for merged in [a.clone().merge(b.clone()), b.merge(a)] {
        block_on(async {
            let s = MemoryStore::new();
            apply_local(&s, &merged, &Clock::new("c")).await.unwrap();
            let cal = load_calendar(&s).await.unwrap();
            assert!(cal.holidays.contains(&day("2027-02-17")));
            assert_eq!(cal.utc_offset_minutes, 420);
        });
    }
    assert!(
        calendar_change(&base, &base, &mut Author { profile: "m1", clock: &mut Clock::new("a"), now_ms: 30 }).is_none()
    );
}

#[test]
fn a_device_calendar_from_an_older_build_is_read_until_the_team_saves_one() {
    block_on(async {
        let s = MemoryStore::new();
        let mut local = TeamCalendar::default();
        local.holidays.insert(day("2026-05-01"));
        save_calendar(&s, &local).await.unwrap();
        assert_eq!(load_calendar(&s).await.unwrap(), local);
        // A team document with only a time zone keeps the local holidays.
        let mut d = Document::new(TEAM_CALENDAR_ID, TEAM_CALENDAR_KIND);
        d.set("utc_offset_minutes", json!(540), Clock::new("x").tick(5), "boss");
        apply_local(&s, &Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() }, &Clock::new("x"))
            .await
            .unwrap();
        let cal = load_calendar(&s).await.unwrap();
        assert_eq!(cal.utc_offset_minutes, 540);
        assert!(cal.holidays.contains(&day("2026-05-01")));
    });
}

#[test]
fn a_damaged_calendar_document_cannot_set_an_impossible_time_zone() {
    block_on(async {
        let s = MemoryStore::new();
        let mut d = Document::new(TEAM_CALENDAR_ID, TEAM_CALENDAR_KIND);
        let mut c = Clock::new("x");
        d.set("utc_offset_minutes", json!(100_000), c.tick(5), "mallory");
        d.set("holidays", json!("not a list"), c.tick(6), "mallory");
        apply_local(&s, &Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() }, &c).await.unwrap();
        assert_eq!(load_calendar(&s).await.unwrap(), TeamCalendar::default());
    });
}

mod rules {
    use outpost::domain::pool::PoolSettings;
    use outpost::domain::tier::TierSettings;
    use outpost::record::hlc::Clock;
    use outpost::record::replica::{Document, Replica};
    use outpost::storage::customers::Author;
    use outpost::storage::data::apply_local;
    use outpost::storage::memory::MemoryStore;
    use outpost::storage::team_rules::{load_rules, rules_change, TEAM_RULES_ID, TEAM_RULES_KIND};
    use pollster::block_on;
    use serde_json::json;

    #[test]
    fn a_team_that_reads_p1_as_three_months_and_c3_over_six_months_gets_exactly_that() {
        block_on(async {
            let s = MemoryStore::new();
            let old = (PoolSettings::default(), TierSettings::default());
            let new = (
                PoolSettings { p1_months: 3, ..Default::default() },
                TierSettings { window_months: 6, ..Default::default() },
            );
            let mut c = Clock::new("m");
            let change =
                rules_change(&old, &new, &mut Author { profile: "boss", clock: &mut c, now_ms: 1 }).expect("changed");
            assert_eq!(change.docs[TEAM_RULES_ID].kind, TEAM_RULES_KIND);
            apply_local(&s, &change, &c).await.unwrap();
            let (pool, tiers) = load_rules(&s).await.unwrap();
            assert_eq!((pool.p1_months, pool.p3_months, tiers.window_months), (3, 2 + 1, 6));
            assert!(rules_change(&new, &new, &mut Author { profile: "boss", clock: &mut c, now_ms: 2 }).is_none());
        });
    }

    #[test]
    fn stored_rules_that_fail_the_checks_fall_back_to_the_seed_numbers() {
        block_on(async {
            let s = MemoryStore::new();
            let mut d = Document::new(TEAM_RULES_ID, TEAM_RULES_KIND);
            let mut c = Clock::new("x");
            d.set("pool", json!({"p1_months": 0, "p3_months": 3, "p8_days": 7}), c.tick(1), "mallory");
            apply_local(&s, &Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() }, &c)
                .await
                .unwrap();
            assert_eq!(load_rules(&s).await.unwrap(), (PoolSettings::default(), TierSettings::default()));
        });
    }
}
