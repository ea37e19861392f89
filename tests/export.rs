//! Exporting customers (C1) to CSV and XLSX: files Excel opens correctly, in which no
//! cell can run as a formula (OWASP CSV injection); the data stays the team's (S3).
#![cfg(not(target_arch = "wasm32"))]

use std::io::{Cursor, Read};

use outpost::domain::csv_import::{guess_mapping, parse, validate_rows, ExistingKeys, RowStatus};
use outpost::domain::export::{escape_cell, export_csv, export_xlsx, ExportError};

fn xlsx_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("an xlsx is a zip");
    let mut text = String::new();
    zip.by_name(name).expect(name).read_to_string(&mut text).expect("utf-8 xml");
    text
}

#[test]
fn export_escapes_every_character_that_starts_a_formula() {
    for s in ["=1+1", "+86 138", "-5", "@SUM(A1)", "\tx", "\rx", "＝1+1"] {
        assert_eq!(escape_cell(s), format!("'{s}"), "{s:?}");
    }
    for s in ["张三五金", "13800138000", "a=b", "", " =1", "'quoted"] {
        assert_eq!(escape_cell(s), s, "{s:?}");
    }
}

#[test]
fn export_csv_escapes_cells_that_start_a_formula() {
    let bytes = export_csv(&["名称", "=evil"], [["=HYPERLINK(\"http://x\",\"点我\")", "+86 138 0013 8000"]]);
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(text, "\u{feff}名称,'=evil\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",'+86 138 0013 8000\r\n");
}

#[test]
fn export_csv_is_utf8_with_a_bom_crlf_lines_and_quotes_where_needed() {
    let bytes = export_csv(&["客户名称", "备注"], [["张三五金, 深圳", "第一行\n第二行"], ["李四", "说\"好\""]]);
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert_eq!(text, "客户名称,备注\r\n\"张三五金, 深圳\",\"第一行\n第二行\"\r\n李四,\"说\"\"好\"\"\"\r\n");
}

#[test]
fn export_csv_reads_back_through_the_importer() {
    let rows = [["张三五金", "张三", "138 0013 8000", "每月5号, 月结"], ["李四建材", "李四", "13912345678", ""]];
    let bytes = export_csv(&["客户名称", "联系人", "手机", "备注"], rows);
    let parsed = parse(&bytes).unwrap();
    let report = validate_rows(&parsed, &guess_mapping(&parsed.headers), &ExistingKeys::default()).unwrap();
    assert_eq!(report.counts.ok, 2);
    assert_eq!(report.rows[0].customer.notes, "每月5号, 月结");
    assert_eq!(report.rows[1].contact.as_ref().map(|c| c.phone.as_str()), Some("13912345678"));
    assert!(report.rows.iter().all(|r| r.status == RowStatus::Ok));
}

#[test]
fn export_xlsx_writes_every_cell_as_text_with_a_bold_frozen_header() {
    let rows = vec![
        vec!["张三五金".to_owned(), "=1+1".to_owned(), "00123".to_owned()],
        vec!["李四建材".to_owned(), "@cmd".to_owned(), "1.5E3".to_owned()],
    ];
    let bytes = export_xlsx("客户/2026", &["客户名称", "备注", "编号"], rows).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));

    let sheet = xlsx_part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<f>"), "no cell is a formula");
    assert_eq!(sheet.matches("<c ").count(), 9);
    assert_eq!(sheet.matches(" t=\"s\"").count(), 9, "every cell is a shared string, even 00123 and 1.5E3");
    assert!(sheet.contains("<pane ySplit=\"1\""), "the header row is frozen");
    assert!(sheet.contains("<cols>"), "columns are sized");

    let strings = xlsx_part(&bytes, "xl/sharedStrings.xml");
    for s in ["客户名称", "张三五金", "'=1+1", "'@cmd", "00123", "1.5E3"] {
        assert!(strings.contains(&format!(">{s}<")), "{s}");
    }
    assert!(xlsx_part(&bytes, "xl/styles.xml").contains("<b/>"), "the header is bold");
    assert!(xlsx_part(&bytes, "xl/workbook.xml").contains("name=\"客户_2026\""), "a sheet name Excel accepts");
}

#[test]
fn export_xlsx_refuses_a_cell_longer_than_excel_allows() {
    let rows = [["ok".to_owned(), "长".repeat(32_768)]];
    assert_eq!(export_xlsx("s", &["a", "b"], rows), Err(ExportError::CellTooLong { row: 1, column: 2 }));
}
