//! V1 first contact: material first (email, post, website), then a call to confirm and
//! book, invitations by phone; the confirm call in the follow-up cadence.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use outpost::domain::activity::{Activity, ActivityError, ActivityKind, PersonMet, VisitStage};
use outpost::domain::cadence::{next_contact, obligations, CadenceInput, CadenceRule, CadenceSettings};
use outpost::domain::calendar::TeamCalendar;
use outpost::domain::first_contact::{
    check_step, FirstContact, FirstContactError, FirstContactStep, MaterialsVia, NextFirstStep,
};

/// 10:00 China time on `s`.
fn at(s: &str) -> i64 {
    let d: NaiveDate = s.parse().unwrap();
    d.and_hms_opt(2, 0, 0).unwrap().and_utc().timestamp_millis()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn act(kind: ActivityKind, at_ms: i64, step: Option<FirstContactStep>) -> Activity {
    let face = kind == ActivityKind::Visit || kind == ActivityKind::Meeting;
    Activity {
        id: format!("a{at_ms}"),
        customer_id: "c1".into(),
        rep: "li".into(),
        kind,
        at_ms,
        people_met: if face { vec![PersonMet { name: "Ms Zhao".into(), ..Default::default() }] } else { vec![] },
        needs: String::new(),
        visit_stage: (kind == ActivityKind::Visit).then_some(VisitStage::Opening),
        next_step: None,
        notes: String::new(),
        first_contact: step,
    }
}

const EMAIL: FirstContactStep = FirstContactStep::Materials { via: MaterialsVia::Email };
const POST: FirstContactStep = FirstContactStep::Materials { via: MaterialsVia::Post };

#[test]
fn v1_each_step_fits_only_the_contact_it_is_made_by() {
    use ActivityKind::*;
    assert_eq!(check_step(Call, FirstContactStep::ConfirmBooking), Ok(()));
    assert_eq!(check_step(Sms, FirstContactStep::ConfirmBooking), Err(FirstContactError::ConfirmNotACall));
    assert_eq!(check_step(Visit, FirstContactStep::ConfirmBooking), Err(FirstContactError::ConfirmNotACall));
    assert_eq!(check_step(Call, FirstContactStep::Invitation), Ok(()));
    assert_eq!(check_step(Email, FirstContactStep::Invitation), Err(FirstContactError::InvitationNotACall));
    assert_eq!(check_step(Email, EMAIL), Ok(()));
    assert_eq!(check_step(Call, EMAIL), Err(FirstContactError::EmailMaterialsNotAnEmail));
    // By post or the website: the contact that told the customer about it.
    for k in [Call, Email, Sms] {
        assert_eq!(check_step(k, POST), Ok(()), "{k:?}");
    }
    assert_eq!(check_step(Meeting, POST), Err(FirstContactError::MaterialsAtAMeeting));
    assert_eq!(
        check_step(Visit, FirstContactStep::Materials { via: MaterialsVia::Website }),
        Err(FirstContactError::MaterialsAtAMeeting)
    );
}

#[test]
fn v1_an_activity_with_a_step_that_does_not_fit_is_refused_with_the_reason() {
    let a = act(ActivityKind::Sms, at("2026-03-02"), Some(FirstContactStep::ConfirmBooking));
    assert_eq!(
        a.check(day("2026-03-02"), at("2026-03-02")),
        Err(ActivityError::FirstContact(FirstContactError::ConfirmNotACall))
    );
    let ok = act(ActivityKind::Call, at("2026-03-02"), Some(FirstContactStep::ConfirmBooking));
    assert_eq!(ok.check(day("2026-03-02"), at("2026-03-02")), Ok(()));
}

#[test]
fn v1_progress_follows_the_steps_in_any_arrival_order_and_ends_at_the_first_meeting() {
    assert_eq!(FirstContact::of([]).next(), Some(NextFirstStep::SendMaterials));
    let sent = act(ActivityKind::Email, at("2026-03-02"), Some(EMAIL));
    let invited = act(ActivityKind::Call, at("2026-03-03"), Some(FirstContactStep::Invitation));
    let confirmed = act(ActivityKind::Call, at("2026-03-04"), Some(FirstContactStep::ConfirmBooking));
    let met = act(ActivityKind::Visit, at("2026-03-06"), None);

    let p = FirstContact::of([&invited, &sent]);
    assert_eq!(p.next(), Some(NextFirstStep::ConfirmCall));
    assert_eq!(p.materials, Some((at("2026-03-02"), MaterialsVia::Email)));
    assert_eq!(p.invitations, vec![at("2026-03-03")]);
    assert_eq!(p.confirm_owed_since(), Some(at("2026-03-02")));

    let p = FirstContact::of([&confirmed, &sent, &invited]);
    assert_eq!(p.next(), Some(NextFirstStep::FirstMeeting));
    assert_eq!(p.confirm_owed_since(), None);

    let p = FirstContact::of([&met, &confirmed, &sent]);
    assert_eq!((p.next(), p.met_ms), (None, Some(at("2026-03-06"))));
    // Material sent twice: the first one counts, whatever order the tablets merged.
    let again = act(ActivityKind::Sms, at("2026-03-01"), Some(POST));
    assert_eq!(FirstContact::of([&sent, &again]).materials, Some((at("2026-03-01"), MaterialsVia::Post)));
    // A customer who booked straight away needs no material; meeting them ends it too.
    assert_eq!(FirstContact::of([&met]).next(), None);
}

#[test]
fn v1_the_confirm_call_falls_due_three_days_after_the_material_and_clears_with_the_call() {
    let cal = TeamCalendar::default();
    let s = CadenceSettings::default();
    assert_eq!(s.confirm_call_days, 3);
    let sent = at("2026-03-02"); // Monday
    let input = CadenceInput { materials_sent_ms: Some(sent), last_contact_ms: Some(sent), ..Default::default() };
    let n = next_contact(&input, &s, 7, &cal, sent).unwrap().unwrap();
    assert_eq!((n.rule, n.due_on, n.days_left), (CadenceRule::ConfirmCall, day("2026-03-05"), 3));
    // Overdue the morning after the due day.
    let late = next_contact(&input, &s, 7, &cal, at("2026-03-06")).unwrap().unwrap();
    assert!(late.overdue);
    // Once the call is logged the caller no longer passes the anchor: nothing is owed.
    let done = CadenceInput { materials_sent_ms: None, ..input.clone() };
    assert_eq!(obligations(&done, &s, 7, &cal, sent).unwrap(), vec![]);
    // Sent on a Thursday: the Sunday due date moves to Monday (working days).
    let thu = at("2026-03-05");
    let input = CadenceInput { materials_sent_ms: Some(thu), ..Default::default() };
    let n = next_contact(&input, &s, 7, &cal, thu).unwrap().unwrap();
    assert_eq!(n.due_on, day("2026-03-09"));
    // The interval is a team setting, checked like the others.
    let bad = CadenceSettings { confirm_call_days: 0, ..CadenceSettings::default() };
    assert!(bad.check().is_err());
}

#[test]
fn v1_an_activity_of_an_earlier_build_reads_as_no_step_and_a_step_survives_json() {
    let old = serde_json::json!({
        "id": "a1", "customer_id": "c1", "rep": "li", "kind": "call", "at_ms": 5,
        "people_met": [], "needs": "", "visit_stage": null, "next_step": null, "notes": ""
    });
    let a: Activity = serde_json::from_value(old.clone()).unwrap();
    assert_eq!(a.first_contact, None);
    // Serialised again, it is the same JSON (no new field), so nothing re-signs it.
    assert_eq!(serde_json::to_value(&a).unwrap(), old);
    let b = act(ActivityKind::Email, 5, Some(EMAIL));
    let v = serde_json::to_value(&b).unwrap();
    assert_eq!(v["first_contact"], serde_json::json!({"step": "materials", "via": "email"}));
    assert_eq!(serde_json::from_value::<Activity>(v).unwrap(), b);
}
