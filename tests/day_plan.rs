//! Day plans (V8) and the unplanned-visit warning (V2): slot hints, the afternoon grouped
//! by region with a fixed set of customers, ticking from the day's activities, follow-ups
//! joining the plan, and slots stored on a visit plan read back after a merge.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};
use common::Tablet;
use outpost::domain::activity::ActivityKind;
use outpost::domain::cadence::CadenceRule;
use outpost::domain::day_plan::{day_plan, slot_hint, DayPlan, Place, PlanKind, PlanSlot, Slot, SlotHint};
use outpost::domain::visit_plan::{visit_cover, visit_warning, PlanDraft, PlanStatus, VisitCover};
use outpost::storage::activities::{assemble, plan_change};

fn day(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

fn slot(c: &str, kind: PlanKind, half: Slot) -> PlanSlot {
    PlanSlot { customer: c.into(), kind, slot: half, time: None }
}

/// Six customers in two regions, one without a region, one with no file at all.
fn places() -> HashMap<String, Place> {
    [
        ("c1", "风筝厂", "浦东", "张江路 8 号"),
        ("c2", "河流单车", "闵行", "七莘路 100 号"),
        ("c3", "北桥仓库", "闵行", "北松路 2 号"),
        ("c4", "海港物流", "浦东", "东方路 1 号"),
        ("c5", "无名店", "  ", ""),
        ("c6", "电话客户", "浦东", ""),
    ]
    .into_iter()
    .map(|(id, name, region, address)| {
        (id.to_owned(), Place { name: name.into(), region: region.into(), address: address.into() })
    })
    .collect()
}

fn names(p: &DayPlan) -> (Vec<&str>, Vec<(&str, Vec<&str>)>) {
    (
        p.morning.iter().map(|i| i.customer.as_str()).collect(),
        p.afternoon
            .iter()
            .map(|g| (g.region.as_str(), g.items.iter().map(|i| i.customer.as_str()).collect()))
            .collect(),
    )
}

#[test]
fn v8_a_visit_in_the_morning_or_a_call_in_the_afternoon_gets_a_hint_not_a_refusal() {
    assert_eq!(slot_hint(PlanKind::Visit, Slot::Morning), Some(SlotHint::VisitInMorning));
    assert_eq!(slot_hint(PlanKind::Call, Slot::Afternoon), Some(SlotHint::CallInAfternoon));
    assert_eq!(slot_hint(PlanKind::Call, Slot::Morning), None);
    assert_eq!(slot_hint(PlanKind::Visit, Slot::Afternoon), None);
    // A plan with such a slot still passes its check (V8 is advice).
    let draft = PlanDraft {
        day: Some(day("2026-03-05")),
        goals: "demo".into(),
        customers: vec!["c1".into()],
        slots: vec![slot("c1", PlanKind::Visit, Slot::Morning)],
    };
    assert_eq!(draft.check(day("2026-03-05")), Ok(()));
    // The hint is computed on the day plan's row.
    let plan = day_plan(&draft.all_slots(), &[], &|c| places().get(c).cloned(), &[]);
    assert_eq!(plan.morning[0].hint, Some(SlotHint::VisitInMorning));
}

#[test]
fn v8_a_time_decides_the_half_of_the_day_and_a_customer_without_a_slot_is_an_afternoon_visit() {
    let at_ten = PlanSlot { time: NaiveTime::from_hms_opt(10, 0, 0), ..slot("c1", PlanKind::Call, Slot::Afternoon) };
    assert_eq!(at_ten.half(), Slot::Morning);
    let at_noon = PlanSlot { time: NaiveTime::from_hms_opt(12, 0, 0), ..slot("c1", PlanKind::Visit, Slot::Morning) };
    assert_eq!(at_noon.half(), Slot::Afternoon);
    let old =
        PlanDraft { day: Some(day("2026-03-05")), goals: "g".into(), customers: vec!["c9".into()], slots: vec![] };
    assert_eq!(old.slot_of("c9"), PlanSlot::default_for("c9"));
    assert_eq!((old.slot_of("c9").kind, old.slot_of("c9").half()), (PlanKind::Visit, Slot::Afternoon));
}

#[test]
fn v8_the_afternoon_is_grouped_by_region_with_no_region_last_and_sorted_by_time_then_address() {
    let two_pm = NaiveTime::from_hms_opt(14, 0, 0);
    let slots = vec![
        slot("c6", PlanKind::Call, Slot::Morning),
        slot("c5", PlanKind::Visit, Slot::Afternoon),
        slot("c1", PlanKind::Visit, Slot::Afternoon),
        slot("c2", PlanKind::Visit, Slot::Afternoon),
        PlanSlot { time: two_pm, ..slot("c3", PlanKind::Visit, Slot::Afternoon) },
        slot("c4", PlanKind::Visit, Slot::Afternoon),
        slot("c7", PlanKind::Visit, Slot::Afternoon), // no customer file on this device
    ];
    let plan = day_plan(&slots, &[], &|c| places().get(c).cloned(), &[]);
    let (morning, afternoon) = names(&plan);
    assert_eq!(morning, vec!["c6"]);
    // 浦 (U+6D66) sorts before 闵 (U+95F5); in a group the timed visit leads, then the
    // address (东方路 before 张江路); "no region" (blank counts as none) comes last.
    assert_eq!(afternoon, vec![("浦东", vec!["c4", "c1"]), ("闵行", vec!["c3", "c2"]), ("", vec!["c7", "c5"])]);
    // A customer without a file is named by its id, not dropped.
    assert_eq!(plan.afternoon[2].items[0].name, "c7");
}

#[test]
fn v8_what_the_days_activities_did_is_ticked_a_call_by_any_contact_a_visit_only_face_to_face() {
    let slots = vec![
        slot("c6", PlanKind::Call, Slot::Morning),
        slot("c1", PlanKind::Visit, Slot::Afternoon),
        slot("c2", PlanKind::Visit, Slot::Afternoon),
    ];
    let done = vec![("c6".to_owned(), ActivityKind::Sms), ("c2".to_owned(), ActivityKind::Call)];
    let plan = day_plan(&slots, &[], &|c| places().get(c).cloned(), &done);
    let ticked: Vec<(&str, bool)> = plan.items().map(|i| (i.customer.as_str(), i.done)).collect();
    // c2 was only phoned: its visit is still to do.
    assert_eq!(ticked, vec![("c6", true), ("c1", false), ("c2", false)]);
    let done = vec![("c2".to_owned(), ActivityKind::Visit), ("c1".to_owned(), ActivityKind::Meeting)];
    let plan = day_plan(&slots, &[], &|c| places().get(c).cloned(), &done);
    assert!(plan.afternoon.iter().flat_map(|g| &g.items).all(|i| i.done));
    assert!(!plan.morning[0].done);
}

#[test]
fn v8_due_phone_follow_ups_fill_the_morning_and_join_a_planned_row_instead_of_doubling_it() {
    let slots = vec![slot("c1", PlanKind::Visit, Slot::Afternoon)];
    let due = vec![
        ("c1".to_owned(), CadenceRule::EarlyDesignProject), // the planned visit is the contact
        ("c2".to_owned(), CadenceRule::ConfirmCall),        // V1 confirm-and-book call
        ("c6".to_owned(), CadenceRule::NewlyAssigned),
        ("c3".to_owned(), CadenceRule::ServiceReturnVisit), // K3 asks for a visit
    ];
    let plan = day_plan(&slots, &due, &|c| places().get(c).cloned(), &[]);
    let (morning, afternoon) = names(&plan);
    assert_eq!(morning, vec!["c6", "c2"]); // untimed: by address, the blank one first
    assert_eq!(afternoon, vec![("浦东", vec!["c1"]), ("闵行", vec!["c3"])]);
    assert_eq!(plan.afternoon[0].items[0].follow_up, Some(CadenceRule::EarlyDesignProject));
    assert!(plan.afternoon[0].items[0].planned);
    assert!(!plan.afternoon[1].items[0].planned);
    assert!(plan.morning.iter().all(|i| i.kind == PlanKind::Call && !i.planned && i.hint.is_none()));
}

#[test]
fn v2_the_form_warns_about_a_visit_without_an_approved_plan_and_only_about_a_visit() {
    let d = day("2026-03-05");
    let plan = PlanDraft { day: Some(d), goals: "g".into(), customers: vec!["c1".into()], slots: vec![] };
    let approved = [(&plan, PlanStatus::Approved)];
    let pending = [(&plan, PlanStatus::Pending)];
    assert_eq!(visit_warning(ActivityKind::Visit, visit_cover(approved, "c1", d)), None);
    assert_eq!(visit_warning(ActivityKind::Visit, visit_cover(pending, "c1", d)), Some(VisitCover::Pending));
    assert_eq!(visit_warning(ActivityKind::Visit, visit_cover(approved, "c2", d)), Some(VisitCover::NotPlanned));
    let next_day = d.succ_opt().unwrap();
    assert_eq!(visit_warning(ActivityKind::Visit, visit_cover(approved, "c1", next_day)), Some(VisitCover::NotPlanned));
    // A call needs no plan.
    assert_eq!(visit_warning(ActivityKind::Call, visit_cover(approved, "c2", d)), None);
}

#[test]
fn v8_slots_filed_with_a_plan_are_read_back_and_a_revision_of_a_slot_alone_is_a_change() {
    let mut li = Tablet::new("li", "tab-a");
    let draft = PlanDraft {
        day: Some(day("2026-03-05")),
        goals: "morning calls, afternoon visits".into(),
        customers: vec!["c6".into(), "c1".into(), "c2".into()],
        slots: vec![
            slot("c6", PlanKind::Call, Slot::Morning),
            slot("c1", PlanKind::Visit, Slot::Afternoon),
            slot("c9", PlanKind::Call, Slot::Morning), // c9 was taken off the plan
        ],
    };
    let at = 1_772_600_000_000;
    let filed = plan_change("p1", "li", None, &draft, &mut li.at(at)).unwrap();
    let docs: Vec<_> = filed.docs.values().cloned().collect();
    let data = assemble(docs, vec![], None);
    // c2 has no slot: it reads as the default, an afternoon visit; c9's slot is dropped.
    assert_eq!(data.plans[0].draft, PlanDraft { slots: draft.slots[..2].to_vec(), ..draft.clone() });
    assert_eq!(data.plans[0].draft.slot_of("c2"), PlanSlot::default_for("c2"));
    assert_eq!(data.plans[0].status, PlanStatus::Pending);
    let mut moved = data.plans[0].draft.clone();
    moved.slots[1].slot = Slot::Morning;
    let change = plan_change("p1", "li", Some(&data.plans[0].draft), &moved, &mut li.at(at + 1000)).unwrap();
    let fields: Vec<_> = change.docs.values().flat_map(|d| d.fields.keys().cloned()).collect();
    assert_eq!(fields, vec!["slots".to_owned()]);
    assert!(plan_change("p1", "li", Some(&moved), &moved, &mut li.at(at + 2000)).is_none());
}
