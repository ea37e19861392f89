//! A month's statements as a CSV file: one row per line with its item, basis, band,
//! arithmetic and amount in the reader's language, and one total row per payee.
//! Cells are formula-escaped by [`export_csv`].

use crate::domain::export::export_csv;
use crate::domain::incentive::Statements;
use crate::domain::money::format_yuan;
use crate::ui::i18n::incentives::{arithmetic_text, inputs_text, item_text, line_band, payee_kind, payee_name, IMsg};
use crate::ui::i18n::Lang;

pub fn statements_csv(lang: Lang, s: &Statements) -> Vec<u8> {
    let headers = [IMsg::Kind, IMsg::Payee, IMsg::Item, IMsg::Inputs, IMsg::Band, IMsg::Arithmetic, IMsg::Amount]
        .map(|m| m.text(lang));
    let mut rows: Vec<Vec<String>> = Vec::new();
    for st in s.all() {
        let kind = payee_kind(&st.payee).text(lang).to_owned();
        let name = payee_name(lang, &st.payee);
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
    export_csv(&headers, rows)
}
