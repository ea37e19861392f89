//! E3 kiosk PIN, E5/P7 leads to the pool, W1 settling double redemptions.

use outpost::app::events::{
    can_settle_conflict, kiosk_guards, may_leave_kiosk, send_leads_to_pool, set_kiosk_pin, set_team_staff_pin,
    settle_conflict, try_leave_kiosk, KioskGuards, KioskUnlock,
};
use outpost::app::{Action, CommandError, RuleError};
use outpost::domain::chips::Settlement;

use outpost::domain::participant::{RegistrationForm, Relation};
use outpost::domain::pin_attempts::PinAttempts;
use outpost::storage::customers::load_customers;
use outpost::storage::events::{event_change, pin_hash, registration_entry};
use outpost::storage::memory::MemoryStore;
use pollster::block_on;

use super::common::*;
use super::kite_day;

async fn with_event() -> MemoryStore {
    let s = MemoryStore::new();
    seed_team(&s).await;
    let mut t = Tablet::new("wang", "tab-b");
    let change = event_change(None, &kite_day("ev1", "wang"), &mut t.at(at(0))).unwrap();
    seed(&s, &change, &t.clock).await;
    s
}

#[test]
fn e3_staff_set_a_kiosk_pin_of_4_to_12_digits_and_leaving_asks_for_it() {
    block_on(async {
        let s = with_event().await;
        assert!(matches!(
            set_kiosk_pin(&s, &li(at(0)), "ev1", "2468", b"salt-salt-salt16").await,
            Err(CommandError::NotAllowed { .. })
        ));
        assert_eq!(set_kiosk_pin(&s, &sun(at(0)), "ev1", "12", b"salt-salt-salt16").await, Err(RuleError::Pin.into()));
        set_kiosk_pin(&s, &sun(at(0)), "ev1", "2468", b"salt-salt-salt16").await.unwrap();
        let guards = kiosk_guards(&s, "ev1", "").await.unwrap();
        assert!(!may_leave_kiosk(&guards, "0000"));
        assert!(may_leave_kiosk(&guards, "2468"));
    });
}

#[test]
fn e3_a_kiosk_whose_event_has_no_pin_or_is_gone_does_not_open_for_any_pin() {
    block_on(async {
        let s = with_event().await;
        // No PIN anywhere: nothing opens it (before, an empty PIN let anyone out).
        let none = kiosk_guards(&s, "ev1", "").await.unwrap();
        assert_eq!(none, KioskGuards::default());
        for pin in ["", "0000", "2468"] {
            assert!(!may_leave_kiosk(&none, pin), "{pin:?} opened a kiosk with no PIN");
        }
        // The event deleted on another tablet: the PIN remembered on entry still opens it.
        let entry = pin_hash("2468", b"salt-salt-salt16").unwrap();
        let gone = kiosk_guards(&s, "ev-deleted-elsewhere", &entry).await.unwrap();
        assert_eq!(gone.event_pin, "");
        assert!(!may_leave_kiosk(&gone, "0000"));
        assert!(may_leave_kiosk(&gone, "2468"));
    });
}

#[test]
fn e3_the_team_staff_pin_set_by_a_manager_opens_every_kiosk() {
    block_on(async {
        let s = with_event().await;
        for not_manager in [sun(at(0)), li(at(0))] {
            assert!(matches!(
                set_team_staff_pin(&s, &not_manager, "97531", b"team-salt-team16").await,
                Err(CommandError::NotAllowed { .. })
            ));
        }
        assert_eq!(set_team_staff_pin(&s, &wang(at(0)), "9a", b"team-salt-team16").await, Err(RuleError::Pin.into()));
        set_team_staff_pin(&s, &wang(at(0)), "97531", b"team-salt-team16").await.unwrap();
        for event in ["ev1", "ev-deleted-elsewhere"] {
            let guards = kiosk_guards(&s, event, "").await.unwrap();
            assert!(may_leave_kiosk(&guards, "97531"), "{event}");
            assert!(!may_leave_kiosk(&guards, "13579"), "{event}");
        }
        // Cleared again: no kiosk opens by it.
        set_team_staff_pin(&s, &wang(at(1)), "", b"team-salt-team16").await.unwrap();
        assert!(!may_leave_kiosk(&kiosk_guards(&s, "ev1", "").await.unwrap(), "97531"));
    });
}

#[test]
fn e3_five_wrong_pins_lock_the_kiosk_and_even_the_right_pin_waits_out_the_lock() {
    let guards = KioskGuards { event_pin: pin_hash("2468", b"salt-salt-salt16").unwrap(), ..KioskGuards::default() };
    let mut attempts = PinAttempts::default();
    for i in 1..=4 {
        let (got, after) = try_leave_kiosk(&guards, "0000", attempts, at(i));
        assert_eq!(got, KioskUnlock::Wrong { wait_ms: 0 });
        attempts = after;
    }
    let (got, after) = try_leave_kiosk(&guards, "0000", attempts, at(5));
    assert_eq!(got, KioskUnlock::Wrong { wait_ms: 30_000 });
    attempts = after;
    // Locked: the right PIN is not even checked, and the lock does not grow.
    let (got, same) = try_leave_kiosk(&guards, "2468", attempts, at(5) + 10_000);
    assert_eq!(got, KioskUnlock::Locked { wait_ms: 20_000 });
    assert_eq!(same, attempts);
    // Once it passes, another wrong PIN locks for twice as long ...
    let (got, after) = try_leave_kiosk(&guards, "1111", attempts, at(5) + 30_000);
    assert_eq!(got, KioskUnlock::Wrong { wait_ms: 60_000 });
    attempts = after;
    // ... and after that, the right PIN opens it and clears the count.
    let (got, after) = try_leave_kiosk(&guards, "2468", attempts, at(5) + 90_000);
    assert_eq!(got, KioskUnlock::Open);
    assert_eq!(after, PinAttempts::default());
}

#[test]
fn e5_p7_event_staff_send_new_leads_to_the_pool_and_a_rep_may_not() {
    block_on(async {
        let s = with_event().await;
        let form = RegistrationForm {
            name: "Liu".into(),
            phone: "13900139000".into(),
            relation: Relation::Prospect,
            children: vec![],
            consent_version: "v2".into(),
        };
        let mut k = Tablet::new("sun", "tab-k");
        let change =
            registration_entry("r1", &form, &kite_day("ev1", "wang"), &mut k.at(at(10 * 3600 * 1000))).unwrap();
        seed(&s, &change, &k.clock).await;
        let refused = send_leads_to_pool(&s, &li(at(DAY)), "ev1").await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::SendLeadsToPool, .. })));
        let (_, n) = send_leads_to_pool(&s, &sun(at(DAY)), "ev1").await.unwrap();
        assert_eq!(n, 1);
        let customers = load_customers(&s).await.unwrap();
        assert_eq!(customers.len(), 1);
        assert!(customers[0].facts.is_empty(), "ownerless: the manager distributes it (P7)");
        // Sent twice, the lead is known by its phone: nothing new.
        let (again, n) = send_leads_to_pool(&s, &wang(at(DAY)), "ev1").await.unwrap();
        assert_eq!((again.docs.len(), n), (0, 0));
    });
}

#[test]
fn w1_settling_is_for_staff_and_managers_and_only_for_a_flagged_redemption() {
    block_on(async {
        let s = with_event().await;
        let refused = settle_conflict(&s, &qian(at(DAY)), "ev1", "red-1", Settlement::Void).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::SettleConflict, .. })));
        let none = settle_conflict(&s, &sun(at(DAY)), "ev1", "red-1", Settlement::Void).await;
        assert_eq!(none, Err(RuleError::NotFound("conflict").into()));
        assert!(can_settle_conflict(&wang(0)) && can_settle_conflict(&sun(0)) && !can_settle_conflict(&li(0)));
    });
}

#[test]
fn e4_the_prize_desk_opens_only_after_the_event_and_pays_out_of_the_balance() {
    use outpost::app::events::{move_chips, redeem_chips};
    use outpost::domain::chips::{ChipsError, MoveKind};
    block_on(async {
        let s = with_event().await;
        let during = at(10 * 3600 * 1000);
        let award = MoveKind::Award { station: "kites".into(), chips: 5 };
        let by_rep = move_chips(&s, &li(during), "ev1", "13900139000", award.clone()).await;
        assert!(matches!(by_rep, Err(CommandError::NotAllowed { action: Action::KioskChips, .. })));
        let zero = MoveKind::Award { station: "kites".into(), chips: 0 };
        assert_eq!(
            move_chips(&s, &sun(during), "ev1", "p1", zero).await,
            Err(RuleError::Chips(ChipsError::ZeroChips).into())
        );
        move_chips(&s, &sun(during), "ev1", "p1", award).await.unwrap();
        let early = redeem_chips(&s, &sun(during), "ev1", "p1", "kite", 3).await;
        assert!(matches!(early, Err(CommandError::Rule(RuleError::Chips(_)))));
        let after = at(13 * 3600 * 1000);
        let too_many = redeem_chips(&s, &sun(after), "ev1", "p1", "kite", 6).await;
        assert!(matches!(too_many, Err(CommandError::Rule(RuleError::Chips(_)))));
        redeem_chips(&s, &sun(after), "ev1", "p1", "kite", 5).await.unwrap();
    });
}

#[test]
fn e3_a_walk_in_registers_only_with_children_aged_2_to_6() {
    use outpost::app::events::register_walk_in;
    use outpost::domain::participant::{Child, ParticipantError};
    block_on(async {
        let s = with_event().await;
        let mut form = RegistrationForm {
            name: "Liu".into(),
            phone: "13900139000".into(),
            relation: Relation::Prospect,
            children: vec![Child { name: "Mei".into(), age: 8 }],
            consent_version: "v2".into(),
        };
        let during = at(10 * 3600 * 1000);
        let refused = register_walk_in(&s, &sun(during), "ev1", &form).await;
        assert!(matches!(
            refused,
            Err(CommandError::Rule(RuleError::Participant(ParticipantError::ChildAgeOutOfRange { .. })))
        ));
        form.children[0].age = 5;
        register_walk_in(&s, &sun(during), "ev1", &form).await.unwrap();
        assert_eq!(register_walk_in(&s, &sun(during), "ev9", &form).await, Err(RuleError::NotFound("event").into()));
    });
}
