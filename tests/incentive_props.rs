//! I5/I6 properties: the 2:8 split (and any split by weights) always adds up to the
//! whole and never loses or makes a fen; every maintenance and branch line is shared out
//! exactly between the head and the maintainers; a band table covers every value once.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use outpost::domain::incentive::{
    compute, rural_stations, split_fen, Area, BranchFigures, Item, MonthFigures, Payee, RuleId, StationFigures,
};
use proptest::prelude::*;

proptest! {
    #[test]
    fn a_split_by_weights_always_adds_up_to_the_total(total in -10_000_000i64..10_000_000, weights in prop::collection::vec(0u64..50, 1..6)) {
        let parts = split_fen(total, &weights);
        prop_assert_eq!(parts.len(), weights.len());
        let sum: u64 = weights.iter().sum();
        if sum == 0 {
            prop_assert!(parts.iter().all(|&p| p == 0));
        } else {
            prop_assert_eq!(parts.iter().sum::<i64>(), total);
            // Each part is within one fen of its exact share.
            for (p, w) in parts.iter().zip(&weights) {
                let exact = total as f64 * *w as f64 / sum as f64;
                prop_assert!((*p as f64 - exact).abs() < 1.0 + 1e-6);
            }
        }
    }

    #[test]
    fn the_2_to_8_split_never_loses_a_fen(total in 0i64..100_000_000) {
        let parts = split_fen(total, &[2, 8]);
        prop_assert_eq!(parts[0] + parts[1], total);
        prop_assert!(parts[0] <= parts[1] || total == 0);
    }

    #[test]
    fn maintenance_and_branch_money_is_shared_out_exactly(
        rows in prop::collection::vec((0usize..3, 0usize..3, 0u64..60, 0u64..10), 1..25),
        plans in prop::collection::vec(0u64..12, 3),
        urban in prop::collection::vec(any::<bool>(), 3),
    ) {
        let maintainers = ["wang", "li", "zhou"];
        let stations: Vec<StationFigures> = rows.iter().enumerate().map(|(i, &(b, m, bill, pos))| {
            let mut st = StationFigures::new(&format!("S{i}"), Area::Rural, &format!("B{b}"), maintainers[m]);
            st.households = 100;
            st.electricity_tx = bill;
            st.pos_tx = pos;
            st
        }).collect();
        let branches = (0..3).map(|b| BranchFigures {
            branch: format!("B{b}"),
            head: format!("head{b}"),
            area: if urban[b] { Area::Urban } else { Area::Rural },
            plan: plans[b],
        }).collect();
        let s = compute(&rural_stations(), &MonthFigures { stations, branches });
        // Sum every shared line's parts per (rule, item); each must equal its whole.
        let mut parts: BTreeMap<String, (i64, i64)> = BTreeMap::new();
        for st in s.maintainers.iter().chain(&s.heads) {
            prop_assert!(matches!(st.payee, Payee::Maintainer(_) | Payee::BranchHead(_)));
            prop_assert_eq!(st.total_fen(), st.lines.iter().map(|l| l.amount_fen).sum::<i64>());
            for l in &st.lines {
                prop_assert!(matches!(l.rule, RuleId::I5 | RuleId::I6));
                if let Some(share) = l.share {
                    let key = format!("{:?}", l.item);
                    let e = parts.entry(key).or_insert((share.whole_fen, 0));
                    e.1 += l.amount_fen;
                }
            }
        }
        for (item, (whole, sum)) in parts {
            if item.starts_with("NotValid") { continue; }
            prop_assert_eq!(whole, sum, "{}", item);
        }
        // Penalties are negative, rewards positive.
        for st in s.all() {
            for l in &st.lines {
                if matches!(l.item, Item::BranchPenalty { .. }) { prop_assert!(l.amount_fen <= 0); }
                else { prop_assert!(l.amount_fen >= 0); }
            }
        }
    }
}

proptest! {
    #[test]
    fn any_figures_compute_without_a_panic_and_statements_add_up(
        tx in any::<u64>(), households in any::<u64>(), stations in any::<u64>(), pos in any::<u64>(),
        swipes in prop::collection::vec((any::<u32>(), 0u32..40), 0..5), urban in any::<bool>(), plan in any::<u64>(),
    ) {
        use outpost::domain::incentive::{BillLine, LineFigures, Swipe};
        let mut st = StationFigures::new("S", if urban { Area::Urban } else { Area::Rural }, "B", "m");
        st.electricity_tx = tx;
        st.households = households;
        st.stations_in_village = stations;
        st.pos_tx = pos;
        st.bills.insert(BillLine::Mobile, LineFigures { tx, amount_fen: i64::MAX });
        st.swipes = swipes.into_iter().map(|(count, day)| Swipe { card: "c".into(), day, count }).collect();
        let branches = vec![BranchFigures { branch: "B".into(), head: "h".into(), area: Area::Rural, plan }];
        let s = compute(&rural_stations(), &MonthFigures { stations: vec![st], branches });
        for st in s.all() {
            let sum = st.lines.iter().fold(0i64, |t, l| t.saturating_add(l.amount_fen));
            prop_assert_eq!(st.total_fen(), sum);
        }
    }
}
