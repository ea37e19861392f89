//! Seed 002 territory assignment (region → reps, P7 balance as the tie-break) and the
//! reviewed file sent to marketing the next working day: the pure rules.

use chrono::NaiveDate;
use outpost::domain::calendar::TeamCalendar;
use outpost::domain::customer_list::{derive, CustomerView};
use outpost::domain::distribution::RepLoad;
use outpost::domain::forwarding::{for_marketing, forward_due, Reviewed};
use outpost::domain::pool::PoolSettings;
use outpost::domain::territory::{
    check_table, pending_leads, propose, Lead, TerritoryError, TerritoryRow, TerritoryTable,
};
use outpost::domain::tier::TierSettings;

fn reps() -> Vec<String> {
    ["li", "zhao", "zhou"].map(String::from).to_vec()
}

fn load(rep: &str, holding: usize, capacity: usize) -> RepLoad {
    RepLoad { rep: rep.into(), holding, capacity }
}

fn table(rows: &[(&str, &[&str])]) -> TerritoryTable {
    TerritoryTable::new(rows.iter().map(|(r, reps)| TerritoryRow::new(r, reps)).collect())
}

fn leads(pairs: &[(&str, &str)]) -> Vec<Lead> {
    pairs.iter().map(|(id, region)| Lead::new(id, region)).collect()
}

#[test]
fn seed002_a_table_of_regions_each_with_reps_of_the_team_passes() {
    assert_eq!(check_table(&table(&[("浦东", &["li", "zhao"]), ("徐汇", &["zhou"])]), &reps()), Ok(()));
    assert_eq!(check_table(&TerritoryTable::default(), &reps()), Ok(()), "an empty table assigns nothing");
}

#[test]
fn seed002_a_row_without_a_region_is_refused_naming_the_row() {
    let t = TerritoryTable { rows: vec![TerritoryRow::new("浦东", &["li"]), TerritoryRow::new("  ", &["zhao"])] };
    assert_eq!(check_table(&t, &reps()), Err(TerritoryError::EmptyRegion { row: 2 }));
}

#[test]
fn seed002_a_region_listed_twice_is_refused_whatever_its_spacing_or_case() {
    let t = TerritoryTable {
        rows: vec![TerritoryRow::new("North  Bay", &["li"]), TerritoryRow::new(" north bay", &["zhao"])],
    };
    assert_eq!(check_table(&t, &reps()), Err(TerritoryError::DuplicateRegion { region: "north bay".into() }));
}

#[test]
fn seed002_a_row_naming_someone_who_is_not_a_rep_of_the_team_is_refused() {
    let t = table(&[("浦东", &["li", "wang"])]);
    assert_eq!(check_table(&t, &reps()), Err(TerritoryError::UnknownRep { region: "浦东".into(), rep: "wang".into() }));
}

#[test]
fn seed002_a_row_without_any_rep_is_refused() {
    assert_eq!(check_table(&table(&[("浦东", &[])]), &reps()), Err(TerritoryError::NoRep { region: "浦东".into() }));
}

#[test]
fn seed002_each_lead_goes_to_the_rep_its_region_names() {
    let t = table(&[("浦东", &["li"]), ("徐汇", &["zhao"])]);
    let p = propose(&leads(&[("c1", "徐汇"), ("c2", " 浦东")]), &t, &[load("li", 50, 100), load("zhao", 0, 100)]);
    assert_eq!(p.assignments, vec![("c1".into(), "zhao".into()), ("c2".into(), "li".into())]);
    assert!(p.no_region.is_empty() && p.no_room.is_empty());
}

#[test]
fn p7_a_shared_region_goes_to_the_rep_with_the_lowest_load_against_capacity() {
    let t = table(&[("浦东", &["li", "zhao"])]);
    // Li holds 4 of 10 (0.4), Zhao 10 of 40 (0.25): Zhao takes leads until he is at
    // least as loaded as Li.
    let p =
        propose(&leads(&[("a", "浦东"), ("b", "浦东"), ("c", "浦东")]), &t, &[load("li", 4, 10), load("zhao", 10, 40)]);
    let to: Vec<&str> = p.assignments.iter().map(|(_, r)| r.as_str()).collect();
    assert_eq!(to, ["zhao", "zhao", "zhao"], "11/40, 12/40 and 13/40 all stay below 4/10");
}

#[test]
fn p7_equal_ratios_go_to_the_rep_holding_fewer_then_to_the_smaller_id() {
    let t = table(&[("浦东", &["zhao", "li"])]);
    // 2/10 and 4/20: the same ratio, Li holds fewer.
    let p = propose(&leads(&[("a", "浦东")]), &t, &[load("li", 2, 10), load("zhao", 4, 20)]);
    assert_eq!(p.assignments, vec![("a".into(), "li".into())]);
    // Everything equal: the stable order, the smaller id.
    let p = propose(&leads(&[("a", "浦东"), ("b", "浦东")]), &t, &[load("zhao", 0, 10), load("li", 0, 10)]);
    assert_eq!(p.assignments, vec![("a".into(), "li".into()), ("b".into(), "zhao".into())]);
}

#[test]
fn p7_a_rep_of_two_regions_carries_one_load_across_both() {
    let t = table(&[("浦东", &["li"]), ("徐汇", &["li", "zhao"])]);
    // Li starts lighter, but the 浦东 leads he takes first make Zhao the lighter in 徐汇.
    let ls = leads(&[("a", "浦东"), ("b", "浦东"), ("c", "徐汇")]);
    let p = propose(&ls, &t, &[load("li", 0, 10), load("zhao", 1, 10)]);
    assert_eq!(p.assignments[2], ("c".into(), "zhao".into()));
}

#[test]
fn seed002_leads_whose_region_no_row_names_are_listed_for_assignment_by_hand() {
    let t = table(&[("浦东", &["li"])]);
    let p = propose(&leads(&[("a", "闵行"), ("b", ""), ("c", "浦东")]), &t, &[load("li", 0, 10)]);
    assert_eq!(p.no_region, vec!["a".to_owned(), "b".to_owned()]);
    assert_eq!(p.assignments, vec![("c".into(), "li".into())]);
}

#[test]
fn p7_leads_of_a_region_whose_reps_are_full_or_gone_stay_unassigned() {
    let t = table(&[("浦东", &["li"]), ("徐汇", &["gone"])]);
    let p = propose(&leads(&[("a", "浦东"), ("b", "浦东"), ("c", "徐汇")]), &t, &[load("li", 9, 10)]);
    assert_eq!(p.assignments, vec![("a".into(), "li".into())]);
    assert_eq!(p.no_room, vec!["b".to_owned(), "c".to_owned()]);
}

#[test]
fn seed002_the_same_input_gives_the_same_proposal_and_a_lead_listed_twice_is_given_once() {
    let t = table(&[("浦东", &["li", "zhao"])]);
    let ls = leads(&[("a", "浦东"), ("a", "浦东"), ("b", "浦东")]);
    let reps = [load("li", 0, 10), load("zhao", 0, 10)];
    assert_eq!(propose(&ls, &t, &reps), propose(&ls, &t, &reps));
    assert_eq!(propose(&ls, &t, &reps).assignments.len(), 2);
}

/// Beijing time: 2026-01-01 is a Thursday.
fn cal() -> TeamCalendar {
    TeamCalendar::default()
}

fn ms(day: &str, hour: u32) -> i64 {
    let d: NaiveDate = day.parse().unwrap();
    d.and_hms_opt(hour, 0, 0).unwrap().and_utc().timestamp_millis() - 8 * 3600 * 1000
}

fn date(day: &str) -> NaiveDate {
    day.parse().unwrap()
}

#[test]
fn seed002_a_file_reviewed_on_a_friday_is_due_at_marketing_on_monday() {
    assert_eq!(forward_due(&cal(), ms("2026-01-09", 17)).unwrap(), date("2026-01-12"));
    assert_eq!(forward_due(&cal(), ms("2026-01-07", 9)).unwrap(), date("2026-01-08"), "midweek: the next day");
}

#[test]
fn seed002_the_next_working_day_skips_a_holiday_and_counts_a_makeup_day() {
    let mut c = cal();
    c.holidays.insert(date("2026-01-12"));
    assert_eq!(forward_due(&c, ms("2026-01-09", 17)).unwrap(), date("2026-01-13"), "Monday is a holiday");
    c.makeup_days.insert(date("2026-01-10"));
    assert_eq!(forward_due(&c, ms("2026-01-09", 17)).unwrap(), date("2026-01-10"), "Saturday is worked");
}

#[test]
fn seed002_files_past_their_day_come_first_flagged_and_sent_ones_leave_the_list() {
    let items = [
        Reviewed { id: "new".into(), reviewed_ms: ms("2026-01-13", 10), forwarded: false },
        Reviewed { id: "late".into(), reviewed_ms: ms("2026-01-09", 10), forwarded: false },
        Reviewed { id: "sent".into(), reviewed_ms: ms("2026-01-08", 10), forwarded: true },
    ];
    // Tuesday the 13th: the Friday file was due on Monday.
    let list = for_marketing(&items, &cal(), ms("2026-01-13", 12));
    let got: Vec<(&str, bool)> = list.iter().map(|i| (i.id.as_str(), i.overdue)).collect();
    assert_eq!(got, [("late", true), ("new", false)]);
    assert_eq!(list[1].due, Some(date("2026-01-14")));
}

fn customer(id: &str, source: &str, created_ms: i64, claimed_by: Option<&str>) -> CustomerView {
    use outpost::domain::customer::CustomerFile;
    use outpost::domain::customer_list::CustomerRecord;
    use outpost::domain::pool::{Fact, FactKind};
    use outpost::record::hlc::Hlc;
    let facts = claimed_by
        .map(|rep| Fact {
            id: format!("f-{id}"),
            stamp: Hlc { wall_ms: created_ms + 1, counter: 0, device: "t".into() },
            author: rep.into(),
            kind: FactKind::Claim { rep: rep.into() },
        })
        .into_iter()
        .collect();
    let file = CustomerFile { name: id.into(), source: source.into(), region: "浦东".into(), ..Default::default() };
    let rec = CustomerRecord {
        id: id.into(),
        file,
        contacts: vec![],
        facts,
        created_ms,
        created_by: "wang".into(),
        updated_ms: created_ms,
    };
    derive(rec, created_ms + 1000, &PoolSettings::default(), &TierSettings::default())
}

#[test]
fn seed002_pending_leads_are_marketing_and_event_customers_never_owned_first_entered_first() {
    let list = [
        customer("z-late", "marketing", 300, None),
        customer("a-event", "event", 200, None),
        customer("fair", "trade_fair", 100, None),
        customer("claimed", "marketing", 100, Some("li")),
        customer("b-first", "marketing", 100, None),
    ];
    let ids: Vec<String> = pending_leads(&list).into_iter().map(|l| l.id).collect();
    assert_eq!(ids, ["b-first", "a-event", "z-late"], "whatever order the list is in");
}
