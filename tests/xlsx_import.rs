//! Imports read Excel workbooks as well as CSV (C1 customers, I1–I6 a month's station
//! figures): the first sheet's rows with their row numbers, numbers as written; a
//! damaged workbook is refused whole with its own reason and changes nothing.
#![cfg(not(target_arch = "wasm32"))]

use outpost::domain::csv_import::{is_workbook, parse, ImportError};
use outpost::domain::incentive::import_figures;
use rust_xlsxwriter::Workbook;

/// A workbook whose first sheet holds `rows` (a cell that parses as a number is written
/// as a number, as Excel keeps phone numbers and counts), with a blank row after the header.
fn workbook(rows: &[Vec<&str>]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        let at = if r == 0 { 0 } else { r as u32 + 1 };
        for (c, cell) in row.iter().enumerate() {
            match cell.parse::<f64>() {
                Ok(n) if !cell.is_empty() => sheet.write_number(at, c as u16, n).map(|_| ()),
                _ => sheet.write_string(at, c as u16, *cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    book.add_worksheet().write_string(0, 0, "a second sheet is not read").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn c1_a_workbooks_first_sheet_reads_like_a_csv_with_its_row_numbers() {
    let bytes = workbook(&[
        vec!["公司名称", "联系人", "电话", "金额"],
        vec!["风筝厂", "李四", "13800138000", "12.5"],
        vec!["茶具店", "王五", "13900139000", "30000"],
    ]);
    assert!(is_workbook(&bytes));
    let p = parse(&bytes).expect("reads");
    assert_eq!(p.headers, vec!["公司名称", "联系人", "电话", "金额"]);
    assert_eq!(p.encoding, "xlsx");
    let rows: Vec<(usize, Vec<String>)> = p.rows.iter().map(|r| (r.line, r.cells.clone())).collect();
    assert_eq!(
        rows,
        vec![
            (3, vec!["风筝厂".into(), "李四".into(), "13800138000".into(), "12.5".into()]),
            (4, vec!["茶具店".into(), "王五".into(), "13900139000".into(), "30000".into()]),
        ],
        "the blank row 2 is skipped; a whole number reads without .0"
    );
}

#[test]
fn c1_a_damaged_or_empty_workbook_is_refused_with_its_reason() {
    let bytes = workbook(&[vec!["公司名称"], vec!["风筝厂"]]);
    assert_eq!(parse(&bytes[..bytes.len() / 2]), Err(ImportError::BadWorkbook));
    let mut fake = b"PK\x03\x04".to_vec();
    fake.extend_from_slice(&[7u8; 300]);
    assert_eq!(parse(&fake), Err(ImportError::BadWorkbook));
    assert_eq!(parse(&workbook(&[vec!["公司名称", "电话"]])), Err(ImportError::NoRows));
    assert_eq!(parse(&workbook(&[vec!["风筝厂", "13800138000"], vec!["x", "1"]])), Err(ImportError::NoHeader));
}

#[test]
fn i1_i6_a_month_of_station_figures_from_excel_computes_as_from_its_csv() {
    let csv = include_str!("fixtures/incentive_month.csv");
    let records: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap())
        .collect();
    let owned: Vec<Vec<String>> = records.iter().map(|r| r.iter().map(str::to_owned).collect()).collect();
    let table: Vec<Vec<&str>> = owned.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
    let from_csv = import_figures(csv.as_bytes()).expect("the csv reads");
    let from_xlsx = import_figures(&workbook(&table)).expect("the workbook reads");
    assert_eq!(from_xlsx.figures, from_csv.figures);
    assert_eq!(from_xlsx.errors.len(), from_csv.errors.len());
}

#[test]
fn i1_i6_a_workbook_saved_by_another_program_reads_the_same() {
    // tests/fixtures/incentive_month.xlsx was saved by openpyxl from the CSV fixture
    // (counts as numbers, amounts as text), a writer other than the one above.
    let from_csv = import_figures(include_bytes!("fixtures/incentive_month.csv")).expect("the csv reads");
    let from_xlsx = import_figures(include_bytes!("fixtures/incentive_month.xlsx")).expect("the workbook reads");
    assert_eq!(from_xlsx.figures, from_csv.figures);
}
