//! The rep's part of the monthly sales report (A3) on the device: one document per rep
//! and month, `sales_report:<YYYY-MM>:<rep>`, with the improvements and next steps. Only
//! the rep's own writing counts: a field written by anyone else is read as never
//! written, whatever their role.

use serde_json::Value;

use super::customers::Author;
use super::{RecordStore, StorageError};
use crate::domain::sales_report::ReportNotes;
use crate::domain::target::Period;
use crate::record::replica::{Document, Replica};

pub const SALES_REPORT: &str = "sales_report";

pub fn report_id(month: &Period, rep: &str) -> String {
    format!("{SALES_REPORT}:{}:{rep}", month.code())
}

/// The notes of `rep` for `month` (empty when none are written).
pub async fn load_notes<S: RecordStore>(s: &S, month: &Period, rep: &str) -> Result<ReportNotes, StorageError> {
    let Some(d) = super::roster::counted_doc(s, &report_id(month, rep)).await? else {
        return Ok(ReportNotes::default());
    };
    let own = |field: &str| {
        d.fields
            .get(field)
            .filter(|r| r.author == rep)
            .and_then(|r| r.value.as_str())
            .map(str::to_owned)
            .unwrap_or_default()
    };
    Ok(ReportNotes { improvements: own("improvements"), next_steps: own("next_steps") })
}

/// The fields of `new` that differ from `old`; `None` when nothing changed.
pub fn notes_change(
    month: &Period,
    rep: &str,
    old: &ReportNotes,
    new: &ReportNotes,
    by: &mut Author,
) -> Option<Replica> {
    let id = report_id(month, rep);
    let mut d = Document::new(&id, SALES_REPORT);
    for (name, was, now) in
        [("improvements", &old.improvements, &new.improvements), ("next_steps", &old.next_steps, &new.next_steps)]
    {
        if was.trim() != now.trim() {
            let stamp = by.clock.tick(by.now_ms);
            d.set(name, Value::String(now.trim().to_owned()), stamp, by.profile);
        }
    }
    (!d.fields.is_empty()).then(|| Replica { docs: [(id, d)].into(), entries: Default::default() })
}
