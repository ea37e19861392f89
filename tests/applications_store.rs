//! Applications on the device (A1): checklists, materials ticked on two tablets,
//! status history replayed in stamp order, and the 3-working-day review flag.
#![cfg(not(target_arch = "wasm32"))]

use outpost::domain::application::{Application, ApplicationStatus, Outcome};
use outpost::domain::calendar::TeamCalendar;
use outpost::record::hlc::Clock;
use outpost::record::replica::Replica;
use outpost::storage::applications::{
    application_created, assemble, checklists_change, format_checklists, material_change, parse_checklists,
    status_change,
};
use outpost::storage::customers::{join, Author};

/// Monday 2026-03-02 09:00 at UTC+8.
const MON: i64 = 1_772_413_200_000;
const DAY: i64 = 86_400_000;

fn read(r: &Replica) -> outpost::storage::applications::ApplicationsData {
    assemble(r.docs.values().cloned().collect(), r.entries.values().cloned().collect())
}

#[test]
fn a1_materials_ticked_on_two_tablets_complete_the_checklist_and_a_slow_review_is_flagged() {
    let lists = parse_checklists("Credit card: ID copy, Proof of income\nAccount：营业执照、法人身份证");
    assert_eq!(lists.0["Account"], ["营业执照", "法人身份证"]);
    assert_eq!(parse_checklists(&format_checklists(&lists)), lists);
    let mut a = Clock::new("tab-a");
    let mut b = Clock::new("tab-b");
    let app = Application::new("ap1", "c1", "Credit card", "li");
    let mut parts = vec![
        checklists_change(&Default::default(), &lists, &mut Author { profile: "li", clock: &mut a, now_ms: MON })
            .unwrap(),
        application_created(&app, &mut Author { profile: "li", clock: &mut a, now_ms: MON }),
        material_change("ap1", "ID copy", true, &mut Author { profile: "li", clock: &mut a, now_ms: MON + 1 }),
    ];
    parts.push(material_change(
        "ap1",
        "Proof of income",
        true,
        &mut Author { profile: "zhao", clock: &mut b, now_ms: MON + 2 },
    ));
    let r = join(parts);
    let data = read(&r);
    let got = &data.applications[0];
    assert!(got.is_complete(&data.checklists).unwrap());
    // Submitted Monday; a decision that never comes is late from Friday (4 working days).
    let sub = status_change(
        "s1",
        "ap1",
        ApplicationStatus::Submitted,
        "",
        None,
        &mut Author { profile: "li", clock: &mut a, now_ms: MON + 10 },
    );
    let r = r.merge(sub);
    let data = read(&r);
    let cal = TeamCalendar::default();
    assert!(!data.applications[0].review_late(&cal, MON + 3 * DAY, 3));
    assert!(data.applications[0].review_late(&cal, MON + 4 * DAY, 3));
    // A decision before submission arrives in stamp order after it; a second decision is ignored.
    let mut check = data.applications[0].clone();
    check.decide(Outcome::Returned, "wang", MON + DAY, "Sign page 2").unwrap();
    let d1 = status_change(
        "s2",
        "ap1",
        ApplicationStatus::Returned,
        "Sign page 2",
        None,
        &mut Author { profile: "wang", clock: &mut b, now_ms: MON + DAY },
    );
    let d2 = status_change(
        "s3",
        "ap1",
        ApplicationStatus::Approved,
        "ok",
        None,
        &mut Author { profile: "wang", clock: &mut b, now_ms: MON + DAY + 1 },
    );
    let data = read(&r.merge(d2).merge(d1));
    let statuses: Vec<_> = data.applications[0].history.iter().map(|h| h.status).collect();
    assert_eq!(statuses, [ApplicationStatus::Submitted, ApplicationStatus::Returned]);
    assert_eq!(data.applications[0].history[1].feedback, "Sign page 2");
}
