//! Exporting a list of customers as CSV or XLSX for a spreadsheet (**C1**). What leaves
//! the device is the team's own confidential data (**S3**): it goes to a file the user
//! chose, never anywhere else.
//!
//! Every cell is text and is defended against formula injection (OWASP "CSV
//! Injection"): a cell starting with `=`, `+`, `-`, `@`, tab or carriage return (or their
//! full-width forms) gets a leading `'`, so a company named `=HYPERLINK(…)` stays a
//! name when the file is opened.
//!
//! ```
//! use outpost::domain::export::{escape_cell, export_csv};
//! assert_eq!(escape_cell("=1+1"), "'=1+1");
//! assert_eq!(escape_cell("张三五金"), "张三五金");
//! let bytes = export_csv(&["客户名称"], [["张三五金"]]);
//! assert_eq!(bytes, "\u{feff}客户名称\r\n张三五金\r\n".as_bytes());
//! ```

use std::borrow::Cow;

use rust_xlsxwriter::{Format, Workbook, XlsxError};
use thiserror::Error;

/// Why an XLSX file could not be written; the UI words each variant.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExportError {
    /// Excel holds at most 1,048,576 rows and 16,384 columns.
    #[error("too many rows or columns for a spreadsheet")]
    TooLarge,
    /// Excel holds at most 32,767 characters in a cell. `row` counts data rows from 1.
    #[error("row {row}, column {column}: the text is too long for a spreadsheet cell")]
    CellTooLong { row: usize, column: usize },
    #[error("the spreadsheet could not be written: {0}")]
    Xlsx(String),
}

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: &[char] = &['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// The cell as it is safe to put in a spreadsheet: with a leading `'` when it would
/// otherwise start a formula.
pub fn escape_cell(s: &str) -> Cow<'_, str> {
    if s.starts_with(FORMULA_START) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A CSV file Excel opens correctly in any locale: UTF-8 with a BOM (without it Chinese
/// Excel reads GBK), CRLF line ends, quoting where needed, every cell escaped.
pub fn export_csv<H, R, C>(headers: &[H], rows: impl IntoIterator<Item = R>) -> Vec<u8>
where
    H: AsRef<str>,
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).flexible(true).from_writer(&mut out);
        let mut write = |cells: Vec<Cow<'_, str>>| {
            // Writing to memory cannot fail (no I/O, and `flexible` allows any row length).
            w.write_record(cells.iter().map(|c| c.as_bytes())).expect("writing CSV to memory");
        };
        write(headers.iter().map(|h| escape_cell(h.as_ref())).collect());
        for row in rows {
            let cells: Vec<C> = row.into_iter().collect();
            write(cells.iter().map(|c| escape_cell(c.as_ref())).collect());
        }
        w.flush().expect("writing CSV to memory");
    }
    out
}

/// A sheet name Excel accepts: no `[ ] : * ? / \`, no apostrophe at either end, at most
/// 31 characters, not "History"; blank becomes `Sheet1`.
fn sheet_name(name: &str) -> String {
    let cleaned: String =
        name.chars().map(|c| if "[]:*?/\\".contains(c) || c.is_control() { '_' } else { c }).collect();
    let trimmed: String = cleaned.trim().trim_matches('\'').chars().take(31).collect();
    let trimmed = trimmed.trim().to_owned();
    if trimmed.is_empty() {
        "Sheet1".to_owned()
    } else if trimmed.eq_ignore_ascii_case("history") {
        format!("{trimmed}_")
    } else {
        trimmed
    }
}

/// Rows looked at to size columns: enough for what is on screen, cheap for 50k rows.
const AUTOFIT_ROWS: u32 = 2000;
/// Widest a column is sized to, in pixels (long notes wrap to this rather than run on).
const MAX_WIDTH_PX: u32 = 400;

/// One worksheet of text cells: a bold header row frozen at the top, columns sized to
/// their content. Every cell is written as a string (never a formula) and escaped.
pub fn export_xlsx<H, R, C>(
    sheet: &str,
    headers: &[H],
    rows: impl IntoIterator<Item = R>,
) -> Result<Vec<u8>, ExportError>
where
    H: AsRef<str>,
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let too_large = |e: XlsxError| match e {
        XlsxError::RowColumnLimitError => ExportError::TooLarge,
        e => ExportError::Xlsx(e.to_string()),
    };
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet_name(sheet)).map_err(|e| ExportError::Xlsx(e.to_string()))?;
    let bold = Format::new().set_bold();
    let cell_error = |row: usize, col: usize| {
        move |e: XlsxError| match e {
            XlsxError::MaxStringLengthExceeded => ExportError::CellTooLong { row, column: col + 1 },
            e => too_large(e),
        }
    };
    for (c, h) in headers.iter().enumerate() {
        let col = u16::try_from(c).map_err(|_| ExportError::TooLarge)?;
        ws.write_string_with_format(0, col, escape_cell(h.as_ref()), &bold).map_err(cell_error(0, c))?;
    }
    for (r, row) in rows.into_iter().enumerate() {
        let rn = u32::try_from(r + 1).map_err(|_| ExportError::TooLarge)?;
        for (c, cell) in row.into_iter().enumerate() {
            let col = u16::try_from(c).map_err(|_| ExportError::TooLarge)?;
            ws.write_string(rn, col, escape_cell(cell.as_ref())).map_err(cell_error(r + 1, c))?;
        }
    }
    ws.set_freeze_panes(1, 0).map_err(too_large)?;
    ws.set_autofit_max_row(AUTOFIT_ROWS);
    ws.set_autofit_max_width(MAX_WIDTH_PX);
    ws.autofit();
    book.save_to_buffer().map_err(|e| ExportError::Xlsx(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s3_sheet_names_are_made_acceptable_to_excel() {
        assert_eq!(sheet_name("客户/2024:Q1"), "客户_2024_Q1");
        assert_eq!(sheet_name("  "), "Sheet1");
        assert_eq!(sheet_name("'history'"), "history_");
        assert_eq!(sheet_name(&"长".repeat(40)).chars().count(), 31);
    }
}
