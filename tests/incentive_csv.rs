//! I1–I6 inputs from a CSV file: the seed-style month (`tests/fixtures/incentive_month.csv`,
//! Chinese headers) read into figures with each bad row reported by line, column and
//! reason, and the statements it gives, figure by figure.
#![cfg(not(target_arch = "wasm32"))]

use outpost::domain::incentive::{
    compute, import_figures, parse_swipes, rural_stations, Area, BillLine, Column, FiguresError, Payee, Problem,
    RowError, Swipe,
};

const MONTH: &[u8] = include_bytes!("fixtures/incentive_month.csv");

#[test]
fn the_seed_style_month_reads_four_stations_and_reports_three_bad_rows_by_line() {
    let got = import_figures(MONTH).unwrap();
    assert_eq!(got.rows, 7);
    let codes: Vec<&str> = got.figures.stations.iter().map(|s| s.station.as_str()).collect();
    assert_eq!(codes, ["BM001", "BM002", "BM003", "BM101"]);
    assert_eq!(
        got.errors,
        vec![
            RowError { line: 6, column: Column::Area, problem: Problem::NotAnArea },
            RowError {
                line: 7,
                column: Column::Withdrawals,
                problem: Problem::BadSwipe { entry: "6217009@32".into() }
            },
            RowError { line: 8, column: Column::Households, problem: Problem::NoHouseholds },
        ]
    );
    let bm001 = &got.figures.stations[0];
    assert_eq!(bm001.line(BillLine::Mobile).amount_fen, 1_000_00);
    assert_eq!(bm001.swipes.len(), 8);
    assert_eq!(got.figures.stations[1].stations_in_village, 2);
    assert_eq!(got.figures.branches.len(), 2);
    assert_eq!(got.figures.branches[1].area, Area::Urban);
}

#[test]
fn the_seed_style_month_gives_the_statements_worked_out_by_hand() {
    let figures = import_figures(MONTH).unwrap().figures;
    let s = compute(&rural_stations(), &figures);
    let total = |p: Payee| s.find(&p).map(|st| st.total_fen());
    // BM001: 10.00 + 2.00 + 1.00 (I1) + 62.50 (I2) + 5.00 + 5.00 (I3) + 4.00 (I4).
    assert_eq!(total(Payee::Station("BM001".into())), Some(89_50));
    // BM002: two stations in the village: 250 ÷ 200 → 0.30 × 250.
    assert_eq!(total(Payee::Station("BM002".into())), Some(75_00));
    assert_eq!(total(Payee::Station("BM003".into())), Some(4_00));
    assert_eq!(total(Payee::Station("BM101".into())), Some(9_00));
    // Maintenance split 2:8 and the branch's penalty of 2.00 for one missing station.
    assert_eq!(total(Payee::Maintainer("王磊".into())), Some(28_85));
    assert_eq!(total(Payee::Maintainer("李娜".into())), Some(4_87));
    assert_eq!(total(Payee::BranchHead("赵强".into())), Some(7_08));
    assert_eq!(total(Payee::BranchHead("钱敏".into())), Some(1_35));
}

#[test]
fn english_headers_in_any_order_read_the_same() {
    let csv = "maintainer,station,area,branch,branch_head,electricity_tx,households\nwang,S1,rural,B1,zhao,250,400\n";
    let got = import_figures(csv.as_bytes()).unwrap();
    assert!(got.errors.is_empty());
    assert_eq!(got.figures.stations[0].electricity_tx, 250);
    assert_eq!(got.figures.stations[0].maintainer, "wang");
}

#[test]
fn a_file_without_a_required_column_is_refused_whole() {
    let csv = "station,area,branch,maintainer\nS1,rural,B1,wang\n";
    assert_eq!(import_figures(csv.as_bytes()), Err(FiguresError::MissingColumn(Column::BranchHead)));
}

#[test]
fn a_station_twice_and_a_branch_with_two_heads_are_reported_on_the_later_line() {
    let csv = "station,area,branch,branch_head,maintainer\nS1,rural,B1,zhao,wang\nS1,rural,B1,zhao,wang\nS2,rural,B1,qian,wang\n";
    let got = import_figures(csv.as_bytes()).unwrap();
    assert_eq!(got.figures.stations.len(), 1);
    assert_eq!(
        got.errors,
        vec![
            RowError { line: 3, column: Column::Station, problem: Problem::Duplicate { first_line: 2 } },
            RowError { line: 4, column: Column::BranchHead, problem: Problem::BranchDiffers { first_line: 2 } },
        ]
    );
}

#[test]
fn counts_that_are_not_numbers_and_missing_names_are_reported() {
    let csv = "station,area,branch,branch_head,maintainer,pos_tx,mobile_amount\nS1,rural,B1,zhao,wang,lots,\nS2,rural,B1,zhao,,1,\nS3,urban,B1,zhao,li,1,12.345\n";
    let got = import_figures(csv.as_bytes()).unwrap();
    let reasons: Vec<(usize, Column, Problem)> =
        got.errors.into_iter().map(|e| (e.line, e.column, e.problem)).collect();
    assert_eq!(
        reasons,
        vec![
            (2, Column::PosTx, Problem::NotACount),
            (3, Column::Maintainer, Problem::Missing),
            (4, Column::Amount(BillLine::Mobile), Problem::NotAnAmount),
        ]
    );
}

#[test]
fn withdrawal_cells_list_card_day_and_count() {
    assert_eq!(
        parse_swipes("6217001@3*3; 6217002@4").unwrap(),
        vec![Swipe { card: "6217001".into(), day: 3, count: 3 }, Swipe { card: "6217002".into(), day: 4, count: 1 }]
    );
    assert!(parse_swipes("6217001").is_err());
    assert!(parse_swipes("@3").is_err());
    assert!(parse_swipes("c@0").is_err());
    assert_eq!(parse_swipes("").unwrap(), vec![]);
}

#[test]
fn a_month_saved_as_gbk_by_chinese_excel_reads_the_same() {
    let text = std::str::from_utf8(MONTH).unwrap();
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable);
    assert_ne!(&gbk[..], MONTH);
    assert_eq!(import_figures(&gbk).unwrap(), import_figures(MONTH).unwrap());
}

#[test]
fn a_count_beyond_a_billion_is_refused_rather_than_overflowing() {
    let csv = "station,area,branch,branch_head,maintainer,electricity_tx\nS1,urban,B1,zhao,wang,18446744073709551615\nS2,urban,B1,zhao,wang,1000000000\n";
    let got = import_figures(csv.as_bytes()).unwrap();
    assert_eq!(got.errors, vec![RowError { line: 2, column: Column::ElectricityTx, problem: Problem::NotACount }]);
    assert_eq!(got.figures.stations.len(), 1);
}
