//! Statements as a CSV or XLSX file: one row per line with its item, basis, band,
//! arithmetic and amount in the reader's language, and one total row per payee. Cells
//! are formula-escaped by [`export_csv`] and written as text by [`export_xlsx`].

use crate::domain::export::{export_csv, export_xlsx, ExportError};
use crate::domain::incentive::Statement;
use crate::domain::money::format_yuan;
use crate::ui::i18n::incentives::{arithmetic_text, inputs_text, item_text, line_band, payee_kind, payee_name, IMsg};
use crate::ui::i18n::Lang;

/// The header and rows of `list`: each statement with the name to print for its payee
/// (blank: the payee's own name).
fn table<'a>(
    lang: Lang,
    list: impl IntoIterator<Item = (&'a Statement, String)>,
) -> ([&'static str; 7], Vec<Vec<String>>) {
    let headers = [IMsg::Kind, IMsg::Payee, IMsg::Item, IMsg::Inputs, IMsg::Band, IMsg::Arithmetic, IMsg::Amount]
        .map(|m| m.text(lang));
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (st, label) in list {
        let kind = payee_kind(&st.payee).text(lang).to_owned();
        let name = if label.is_empty() { payee_name(lang, &st.payee) } else { label };
        for l in &st.lines {
            rows.push(vec![
                kind.clone(),
                name.clone(),
                item_text(lang, &l.item),
                inputs_text(lang, l),
                line_band(lang, l),
                arithmetic_text(lang, l),
                format_yuan(l.amount_fen),
            ]);
        }
        let blank = String::new;
        let total = IMsg::Total.text(lang).to_owned();
        rows.push(vec![kind, name, total, blank(), blank(), blank(), format_yuan(st.total_fen())]);
    }
    (headers, rows)
}

pub fn statements_csv<'a>(lang: Lang, list: impl IntoIterator<Item = (&'a Statement, String)>) -> Vec<u8> {
    let (headers, rows) = table(lang, list);
    export_csv(&headers, rows)
}

/// One worksheet named after the month.
pub fn statements_xlsx<'a>(
    lang: Lang,
    month: &str,
    list: impl IntoIterator<Item = (&'a Statement, String)>,
) -> Result<Vec<u8>, ExportError> {
    let (headers, rows) = table(lang, list);
    export_xlsx(month, &headers, rows)
}

pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
