//! Incentive schemes and months on the device (I1–I7), as synced documents.
//!
//! - A scheme version is a document `incentive_scheme:<id>` whose one field `scheme`
//!   holds the whole [`Scheme`]: a version changes as a whole, never half of one tablet's
//!   edit and half of another's. The preset is built in and never stored.
//! - A month is a document `incentive_month:<YYYY-MM>` whose one field `import` holds the
//!   scheme version it is computed with and the figures imported, together, so two
//!   imports of a month on two tablets resolve to one of them, whole. Recording the
//!   version is what freezes it ([`crate::domain::incentive::check_editable`]). The
//!   import also keeps a copy of the version as it was: an edit of that version made
//!   offline on another tablet before it heard of the month cannot change the month.
//!
//! Statements are derived from these on every read, never stored.

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::codec::{decode_doc, Codec, FieldProblem, ProblemReason, Reader};
use super::customers::Author;
use super::{RecordStore, StorageError};

use crate::domain::incentive::{
    check_scheme, compute, payout_progress, rural_stations, scheme_for, BranchFigures, ComputedMonth, MonthFigures,
    Scheme, Statements, StationFigures, StepDone, StepState,
};
use crate::domain::kpi::Month;
use crate::record::replica::{Document, Replica};

pub const SCHEME_KIND: &str = "incentive_scheme";
pub const MONTH_KIND: &str = "incentive_month";

pub fn scheme_doc_id(id: &str) -> String {
    format!("{SCHEME_KIND}:{id}")
}

pub fn month_doc_id(month: &str) -> String {
    format!("{MONTH_KIND}:{month}")
}

/// A month as stored: the version it is computed with, its figures, the file they came
/// from, and who imported them when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthRecord {
    /// `YYYY-MM`.
    pub month: String,
    pub scheme_id: String,
    /// The version as it was when the month was imported (absent from older imports).
    pub scheme: Option<Scheme>,
    pub figures: MonthFigures,
    pub file_name: String,
    pub imported_by: String,
    pub imported_at_ms: i64,
}

/// Every scheme version (the preset first) and every imported month.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IncentivesData {
    pub schemes: Vec<Scheme>,
    /// Newest month first.
    pub months: Vec<MonthRecord>,
    /// I7: every payout step recorded done that counts ([`super::payout_steps`]).
    pub steps: Vec<StepDone>,
    pub problems: Vec<FieldProblem>,
}

impl IncentivesData {
    pub fn scheme(&self, id: &str) -> Option<&Scheme> {
        self.schemes.iter().find(|s| s.id == id)
    }

    pub fn month(&self, month: &str) -> Option<&MonthRecord> {
        self.months.iter().find(|m| m.month == month)
    }

    pub fn computed_months(&self) -> Vec<ComputedMonth> {
        self.months.iter().map(|m| ComputedMonth { month: m.month.clone(), scheme_id: m.scheme_id.clone() }).collect()
    }

    /// The version a month is computed with: the copy it kept, else the stored version.
    pub fn scheme_of<'a>(&'a self, m: &'a MonthRecord) -> Option<&'a Scheme> {
        m.scheme.as_ref().or_else(|| self.scheme(&m.scheme_id))
    }

    /// The version a month's payout follows: the month's own, else the latest covering it.
    pub fn payout_scheme(&self, month: Month) -> Option<&Scheme> {
        match self.month(&month.to_string()) {
            Some(rec) => self.scheme_of(rec),
            None => NaiveDate::from_ymd_opt(month.year, month.month, 1).and_then(|d| scheme_for(&self.schemes, d)),
        }
    }

    /// I7: the month's payout steps as they stand on `today`.
    pub fn payout(&self, month: Month, today: NaiveDate) -> Vec<StepState> {
        self.payout_scheme(month).map(|s| payout_progress(s, month, &self.steps, today)).unwrap_or_default()
    }

    /// A month's statements, computed now with the version the month recorded; `None`
    /// when the month or its version is not on this device.
    pub fn statements(&self, month: &str) -> Option<Statements> {
        let m = self.month(month)?;
        Some(compute(self.scheme_of(m)?, &m.figures))
    }
}

struct SchemeDoc(Scheme);

impl Codec for SchemeDoc {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![("scheme", serde_json::to_value(&self.0).unwrap_or(Value::Null))]
    }

    /// A scheme that does not read, or fails [`check_scheme`], is reported and left out.
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let s: Scheme = r.value("scheme")?;
        if check_scheme(&s).is_err() {
            r.problem("scheme", ProblemReason::Malformed);
            return None;
        }
        Some(SchemeDoc(s))
    }
}

/// The `import` field: the scheme id with the figures.
fn import_value(scheme: &Scheme, figures: &MonthFigures, file_name: &str) -> Value {
    json!({
        "scheme_id": scheme.id,
        "scheme": serde_json::to_value(scheme).unwrap_or(Value::Null),
        "file_name": file_name,
        "stations": serde_json::to_value(&figures.stations).unwrap_or(Value::Null),
        "branches": serde_json::to_value(&figures.branches).unwrap_or(Value::Null),
    })
}

fn decode_month(d: &Document, problems: &mut Vec<FieldProblem>) -> Option<MonthRecord> {
    let month = d.id.strip_prefix(&format!("{MONTH_KIND}:"))?.to_owned();
    let reg = d.fields.get("import")?;
    let mut r = Reader::of_body(&d.id, &reg.value);
    let scheme_id = r.opt_text("scheme_id");
    let scheme_id = r.require("scheme_id", scheme_id);
    let scheme: Option<Scheme> = r.value("scheme");
    let file_name = r.text("file_name");
    let stations: Vec<StationFigures> = r.list("stations");
    let branches: Vec<BranchFigures> = r.list("branches");
    // Reported under the document's one field: `import.stations[3]`.
    problems.extend(r.finish().into_iter().map(|p| FieldProblem { field: format!("import.{}", p.field), ..p }));
    Some(MonthRecord {
        month,
        scheme_id: scheme_id?,
        scheme: scheme.filter(|s| check_scheme(s).is_ok()),
        figures: MonthFigures { stations, branches },
        file_name,
        imported_by: reg.author.clone(),
        imported_at_ms: reg.stamp.wall_ms,
    })
}

pub async fn load_incentives<S: RecordStore>(s: &S) -> Result<IncentivesData, StorageError> {
    let mut out = IncentivesData { schemes: vec![rural_stations()], ..Default::default() };
    // Schemes and a month's figures are the manager's (`domain::authority`): money
    // follows them, so only what the roster lets count is read.
    let judge = super::roster::Judge::load(s).await?;
    for d in judge.docs(s.docs_of_kind(SCHEME_KIND).await?) {
        if d.is_deleted() {
            continue;
        }
        if let Some(SchemeDoc(scheme)) = decode_doc(&d, &mut out.problems) {
            if out.scheme(&scheme.id).is_none() {
                out.schemes.push(scheme);
            }
        }
    }
    for d in judge.docs(s.docs_of_kind(MONTH_KIND).await?) {
        if !d.is_deleted() {
            out.months.extend(decode_month(&d, &mut out.problems));
        }
    }
    out.months.sort_by(|a, b| b.month.cmp(&a.month));
    // I7: a payout step counts only when signed by the step's role.
    let steps = judge.entries(s.entries_of_kind(super::payout_steps::PAYOUT_STEP).await?);
    out.steps = super::payout_steps::step_facts(&steps, &mut out.problems);
    Ok(out)
}

/// The scheme's document; `None` when it is stored as it is already.
pub fn scheme_change(old: Option<&Scheme>, new: &Scheme, by: &mut Author) -> Option<Replica> {
    if old == Some(new) {
        return None;
    }
    let mut d = Document::new(&scheme_doc_id(&new.id), SCHEME_KIND);
    for (field, value) in SchemeDoc(new.clone()).encode() {
        let stamp = by.clock.tick(by.now_ms);
        d.set(field, value, stamp, by.profile);
    }
    Some(Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() })
}

/// The month's document with a new import; `None` when it holds the same already.
pub fn month_change(
    old: Option<&MonthRecord>,
    month: &str,
    scheme: &Scheme,
    figures: &MonthFigures,
    file_name: &str,
    by: &mut Author,
) -> Option<Replica> {
    if old.is_some_and(|o| o.scheme_id == scheme.id && &o.figures == figures && o.file_name == file_name) {
        return None;
    }
    let mut d = Document::new(&month_doc_id(month), MONTH_KIND);
    let stamp = by.clock.tick(by.now_ms);
    d.set("import", import_value(scheme, figures, file_name), stamp, by.profile);
    Some(Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() })
}
