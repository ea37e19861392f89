//! The service log on the device (S1–S3): items read back with forwards and closing,
//! the overdue flag, and the first closing standing after a merge.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use outpost::domain::service::{overdue_items, satisfaction, Channel, Forward, ServiceItem};
use outpost::record::hlc::Clock;
use outpost::record::replica::Replica;
use outpost::storage::customers::{join, Author};
use outpost::storage::service_log::{assemble, closed, forwarded, item_created};

const T0: i64 = 1_767_225_600_000;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn read(r: &Replica) -> Vec<ServiceItem> {
    assemble(r.docs.values().cloned().collect(), r.entries.values().cloned().collect())
}

#[test]
fn s1_s2_a_forwarded_complaint_is_flagged_after_its_promise_and_closes_only_once() {
    let mut a = Clock::new("tab-a");
    let mut b = Clock::new("tab-b");
    let f =
        Forward { to: "Engineer Sun".into(), plan: "Replace the pump".into(), promised: d("2026-03-05"), at_ms: T0 };
    let item = ServiceItem::forwarded("sv1", "c1", "li", Channel::Complaint, "Pump leaks", d("2026-03-02"), f).unwrap();
    let created = item_created(&item, "f1", &mut Author { profile: "li", clock: &mut a, now_ms: T0 });
    let items = read(&created);
    assert_eq!(items[0].promised(), Some(d("2026-03-05")));
    assert_eq!(overdue_items(&items, d("2026-03-05")).len(), 0); // the promised day is on time
    assert_eq!(overdue_items(&items, d("2026-03-06")).len(), 1);
    let again = Forward {
        to: "Supplier".into(),
        plan: "New seal from the factory".into(),
        promised: d("2026-03-10"),
        at_ms: T0,
    };
    let later = forwarded("f2", "sv1", &again, &mut Author { profile: "li", clock: &mut a, now_ms: T0 + 10 });
    let c1 = closed("c1", "sv1", 5, "fixed", &mut Author { profile: "li", clock: &mut a, now_ms: T0 + 20 });
    let c2 = closed("c2", "sv1", 2, "late", &mut Author { profile: "sun", clock: &mut b, now_ms: T0 + 30 });
    let all = join([created, later, c2, c1]);
    let items = read(&all);
    assert_eq!(items[0].promised(), Some(d("2026-03-10")));
    assert_eq!(items[0].closure.as_ref().map(|c| c.score), Some(5));
    assert!(!items[0].is_overdue(d("2026-04-01")));
    assert_eq!(satisfaction(&items, 4).satisfied, 1);
}
