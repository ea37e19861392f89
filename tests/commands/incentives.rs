//! I1–I7 commands: only a manager imports a month's figures or edits a scheme (a
//! refusal stores nothing); an import records the scheme version, which freezes it; a
//! frozen version or the preset is changed by copying; statements are derived from the
//! stored month, never stored.

use chrono::NaiveDate;
use outpost::app::incentives::{can_edit_schemes, can_import_figures, copy_scheme_version, import_month, save_scheme};
use outpost::app::{Action, CommandError, RuleError};
use outpost::domain::incentive::{compute, import_figures, rural_stations, IncentiveError, MonthFigures, PRESET_ID};
use outpost::domain::kpi::Month;
use outpost::storage::incentives::load_incentives;
use outpost::storage::memory::MemoryStore;
use pollster::block_on;

use super::common::*;

const MONTH: &[u8] = include_bytes!("../fixtures/incentive_month.csv");

fn march() -> Month {
    Month { year: 2024, month: 3 }
}

fn figures() -> MonthFigures {
    import_figures(MONTH).expect("the fixture reads").figures
}

#[test]
fn i1_i6_a_rep_or_finance_importing_figures_is_refused_and_stores_nothing() {
    block_on(async {
        let s = MemoryStore::new();
        for actor in [li(at(0)), qian(at(0)), sun(at(0))] {
            let refused = import_month(&s, &actor, march(), None, &figures(), "march.csv").await;
            assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::ImportIncentiveFigures, .. })));
            assert!(!can_import_figures(&actor) && !can_edit_schemes(&actor));
        }
        assert_eq!(stored_count(&s).await, 0);
    });
}

#[test]
fn i1_i6_the_manager_imports_a_month_and_its_statements_are_derived_from_it() {
    block_on(async {
        let s = MemoryStore::new();
        import_month(&s, &wang(at(0)), march(), None, &figures(), "march.csv").await.unwrap();
        let data = load_incentives(&s).await.unwrap();
        let m = data.month("2024-03").expect("stored");
        assert_eq!(m.scheme_id, PRESET_ID);
        assert_eq!(m.file_name, "march.csv");
        assert_eq!(m.imported_by, "wang");
        assert_eq!(data.statements("2024-03"), Some(compute(&rural_stations(), &figures())));
        assert!(data.problems.is_empty());
        // The same import again changes nothing.
        let again = import_month(&s, &wang(at(1)), march(), None, &figures(), "march.csv").await;
        assert!(matches!(again, Err(CommandError::Rule(RuleError::Unchanged))));
    });
}

#[test]
fn i1_i6_an_import_without_a_station_is_refused() {
    block_on(async {
        let s = MemoryStore::new();
        let empty = import_month(&s, &wang(at(0)), march(), None, &MonthFigures::default(), "x.csv").await;
        assert_eq!(empty.unwrap_err(), CommandError::Rule(RuleError::Incentive(IncentiveError::NoStations)));
        assert_eq!(stored_count(&s).await, 0);
    });
}

#[test]
fn a_scheme_computed_for_a_month_is_frozen_and_changed_by_copying() {
    block_on(async {
        let s = MemoryStore::new();
        let manager = wang(at(0));
        // The preset is never edited in place.
        let mut preset = rural_stations();
        preset.maintenance.base_fen = 6_00;
        let refused = save_scheme(&s, &manager, &preset).await;
        assert_eq!(refused.unwrap_err(), CommandError::Rule(RuleError::Incentive(IncentiveError::Preset)));
        // A copy for next year, edited before any month uses it.
        let (_, id) =
            copy_scheme_version(&s, &manager, PRESET_ID, NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()).await.unwrap();
        let mut next = load_incentives(&s).await.unwrap().scheme(&id).cloned().unwrap();
        assert_eq!(next.based_on.as_deref(), Some(PRESET_ID));
        next.maintenance.base_fen = 6_00;
        save_scheme(&s, &wang(at(1)), &next).await.unwrap();
        // A rep may not copy or edit.
        let rep = copy_scheme_version(&s, &li(at(1)), &id, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()).await;
        assert!(matches!(rep, Err(CommandError::NotAllowed { action: Action::EditIncentiveScheme, .. })));
        // January 2025 takes the copy (the latest covering it) and freezes it.
        import_month(&s, &wang(at(2)), Month { year: 2025, month: 1 }, None, &figures(), "jan.csv").await.unwrap();
        let data = load_incentives(&s).await.unwrap();
        assert_eq!(data.month("2025-01").unwrap().scheme_id, id);
        next.maintenance.base_fen = 7_00;
        let frozen = save_scheme(&s, &wang(at(3)), &next).await;
        assert_eq!(
            frozen.unwrap_err(),
            CommandError::Rule(RuleError::Incentive(IncentiveError::Frozen { month: "2025-01".into() }))
        );
        // The frozen month still computes with the numbers it was imported under.
        let statements = data.statements("2025-01").unwrap();
        assert_eq!(statements, compute(data.scheme(&id).unwrap(), &figures()));
    });
}

#[test]
fn a_scheme_that_breaks_its_checks_is_refused() {
    block_on(async {
        let s = MemoryStore::new();
        let (_, id) = copy_scheme_version(&s, &wang(at(0)), PRESET_ID, NaiveDate::from_ymd_opt(2025, 1, 1).unwrap())
            .await
            .unwrap();
        let mut bad = load_incentives(&s).await.unwrap().scheme(&id).cloned().unwrap();
        bad.withdrawals.bands.bands.pop();
        let refused = save_scheme(&s, &wang(at(1)), &bad).await;
        assert!(matches!(refused, Err(CommandError::Rule(RuleError::Incentive(IncentiveError::Bands { .. })))));
    });
}

#[test]
fn an_edit_of_a_version_that_lands_after_a_month_was_computed_with_it_does_not_change_the_month() {
    block_on(async {
        use outpost::storage::incentives::scheme_change;
        use outpost::sync::engine::SyncState;
        let s = MemoryStore::new();
        let (_, id) = copy_scheme_version(&s, &wang(at(0)), PRESET_ID, NaiveDate::from_ymd_opt(2024, 1, 1).unwrap())
            .await
            .unwrap();
        let before = load_incentives(&s).await.unwrap().scheme(&id).cloned().unwrap();
        import_month(&s, &wang(at(1)), march(), Some(&id), &figures(), "march.csv").await.unwrap();
        let statements = load_incentives(&s).await.unwrap().statements("2024-03").unwrap();
        // Another tablet, offline and unaware of March, raised the base; its edit syncs in.
        let mut edited = before.clone();
        edited.maintenance.base_fen = 9_00;
        let mut other = Tablet::new("wang", "tab-z");
        let change = scheme_change(Some(&before), &edited, &mut other.at(at(2))).unwrap();
        outpost::storage::data::apply_remote(&s, &change, &SyncState::default(), &other.clock).await.unwrap();
        let data = load_incentives(&s).await.unwrap();
        assert_eq!(data.scheme(&id).unwrap().maintenance.base_fen, 9_00);
        assert_eq!(data.statements("2024-03").unwrap(), statements);
    });
}

#[test]
fn a_stored_station_this_build_cannot_read_is_left_out_and_listed_in_the_quarantine() {
    block_on(async {
        use outpost::storage::record_health::unreadable_fields;
        let s = MemoryStore::new();
        import_month(&s, &wang(at(0)), march(), None, &figures(), "march.csv").await.unwrap();
        // A newer build (or damage) wrote a station this build cannot read.
        let id = outpost::storage::incentives::month_doc_id("2024-03");
        // The month as it counts (its fields are kept in their signer's slots).
        let doc = outpost::storage::roster::counted_doc(&s, &id).await.unwrap().unwrap();
        let mut import = doc.get("import").cloned().unwrap();
        import["stations"][1] = serde_json::json!({ "station": 7 });
        let mut other = Tablet::new("wang", "tab-z");
        let mut d = outpost::record::replica::Document::new(&id, outpost::storage::incentives::MONTH_KIND);
        d.set("import", import, other.clock.tick(at(1)), "wang");
        let change = outpost::record::replica::Replica { docs: [(id.clone(), d)].into(), entries: Default::default() };
        seed(&s, &change, &other.clock).await;
        let data = load_incentives(&s).await.unwrap();
        assert_eq!(data.month("2024-03").unwrap().figures.stations.len(), 3);
        assert_eq!(data.problems.len(), 1);
        assert_eq!(data.problems[0].field, "import.stations[1]");
        let listed = unreadable_fields(&s).await.unwrap();
        assert!(listed.iter().any(|u| u.record_id == id && u.field == "import.stations[1]" && u.device == "tab-z"));
    });
}
