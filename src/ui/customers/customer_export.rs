//! Export of the filtered customer list as CSV or XLSX. Every cell goes through
//! [`escape_cell`](crate::domain::export::escape_cell), so a name like `=HYPERLINK(…)`
//! stays text in Excel.

use leptos::prelude::*;

use crate::domain::export::{export_csv, export_xlsx};
use crate::domain::money::format_yuan;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::customers::{date_text, grade_label, list_label, reason_label, tier_label, CMsg};
use crate::ui::i18n::{use_i18n, Lang};
use crate::ui::widgets::file_io::download;

fn headers(lang: Lang) -> Vec<&'static str> {
    [
        CMsg::FieldName,
        CMsg::FieldCreditCode,
        CMsg::FieldRegion,
        CMsg::FieldAddress,
        CMsg::FieldIndustry,
        CMsg::FieldSegment,
        CMsg::FieldSource,
        CMsg::FieldGrade,
        CMsg::FieldTier,
        CMsg::Turnover,
        CMsg::Owner,
        CMsg::ContactName,
        CMsg::ContactPhone,
        CMsg::ContactEmail,
        CMsg::FieldNotes,
    ]
    .into_iter()
    .map(|m| m.text(lang))
    .collect()
}

/// A click handler: `handler(true)` downloads XLSX, `handler(false)` CSV, of the rows
/// the list shows now (positions into the loaded customers).
pub fn export_handler(shown: Memo<Vec<usize>>) -> impl Fn(bool) + Clone + 'static {
    let ctx = use_customers();
    let i18n = use_i18n();
    move |xlsx: bool| {
        let lang = i18n.lang();
        let rows: Vec<Vec<String>> = ctx.data.with_untracked(|d| {
            shown.with_untracked(|v| {
                v.iter()
                    .filter_map(|&i| d.customers.get(i))
                    .map(|c| {
                        let f = &c.rec.file;
                        let first = c.rec.contacts.first().map(|x| x.contact.clone()).unwrap_or_default();
                        let owner = match &c.own.owner {
                            Some(o) => {
                                let why = c.own.reason.map(|r| reason_label(lang, r)).unwrap_or_default();
                                format!("{} ({why})", d.name_of(o))
                            }
                            None => CMsg::InPool.text(lang).to_owned(),
                        };
                        let owner = match c.own.returns_at_ms {
                            Some(at) => format!("{owner} → {}", date_text(lang, at)),
                            None => owner,
                        };
                        vec![
                            f.name.clone(),
                            f.credit_code.clone(),
                            f.region.clone(),
                            f.address.clone(),
                            f.industry.clone(),
                            list_label(lang, &f.segment),
                            list_label(lang, &f.source),
                            f.grade.as_deref().map(|g| grade_label(lang, g)).unwrap_or_default(),
                            tier_label(lang, c.tier.tier).to_owned(),
                            format_yuan(c.tier.turnover_fen),
                            owner,
                            first.name,
                            first.phone,
                            first.email,
                            f.notes.clone(),
                        ]
                    })
                    .collect()
            })
        });
        let h = headers(lang);
        if xlsx {
            if let Ok(bytes) = export_xlsx("Customers", &h, rows) {
                download("customers.xlsx", &bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
        } else {
            let bytes = export_csv(&h, rows);
            download("customers.csv", &bytes, "text/csv;charset=utf-8");
        }
    }
}
