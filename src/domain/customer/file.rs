//! The customer file (**C1**) as one document's fields.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::collection::{CollectSlot, CollectionHabits};

/// A customer as the rep knows it. Text fields are empty when unknown.
/// Serialised (the list's snapshot) without its empty fields; a missing field reads as
/// empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomerFile {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// 统一社会信用代码, 18 characters (GB 32100-2015), stored upper-case.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub credit_code: String,
    /// Business licence number.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub licence_no: String,
    /// Tax registration number.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub tax_no: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub address: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub region: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub industry: String,
    /// Economic nature (state-owned, private, foreign-invested…).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub nature: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub size: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub main_business: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub credit_standing: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub management_background: String,
    /// A C2 channel code ([`SOURCES`](super::SOURCES) or a team's own).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// A C5 segment code ([`SEGMENTS`](super::SEGMENTS) or a team's own).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub segment: String,
    /// Annual spend in fen (1/100 yuan).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annual_spend_fen: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount_pct: Option<u32>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// C4 demand grade: `"a"`, `"b"` or `"c"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// A special background asks for weekly follow-up (V6).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub special_background: bool,
    /// Set by a manager: a poor payment record, shown whatever the tier (C3).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub manual_credit_flag: bool,
    /// When the rep collected the customer (C6 counts two working days from here).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collected_on: Option<NaiveDate>,
    /// O2: the day of the month the customer's money comes in (1–31).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payday: Option<u32>,
    /// O2: when the customer prefers to be asked for money; empty = any time.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub collect_slots: Vec<CollectSlot>,
    /// Set by a manager: a problem customer (P5), with why.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub problem: bool,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub problem_note: String,
}

fn text(v: Option<&Value>) -> String {
    v.and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn flag(v: Option<&Value>) -> bool {
    v.and_then(Value::as_bool).unwrap_or(false)
}

fn opt(s: &Option<String>) -> Value {
    s.as_ref().map_or(Value::Null, |s| Value::String(s.clone()))
}

/// Slot codes this build knows, in order; unknown codes are dropped.
pub fn slots(v: Option<&Value>) -> Vec<CollectSlot> {
    let mut out: Vec<CollectSlot> = v
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).filter_map(CollectSlot::from_code).collect())
        .unwrap_or_default();
    out.sort();
    out.dedup();
    out
}

const DATE_FORMAT: &str = "%Y-%m-%d";

impl CustomerFile {
    /// The document kind customers are stored as.
    pub const KIND: &'static str = "customer";

    /// The stored field names, in [`to_fields`](Self::to_fields) order.
    pub const FIELDS: &'static [&'static str] = &[
        "name",
        "credit_code",
        "licence_no",
        "tax_no",
        "address",
        "region",
        "industry",
        "nature",
        "size",
        "main_business",
        "credit_standing",
        "management_background",
        "source",
        "segment",
        "annual_spend_fen",
        "discount_pct",
        "notes",
        "grade",
        "special_background",
        "manual_credit_flag",
        "collected_on",
        "payday",
        "collect_slots",
        "problem",
        "problem_note",
    ];

    /// The fields only a manager writes: the credit flag (C3) and the problem mark (P5).
    pub const MANAGER_FIELDS: &'static [&'static str] = &["manual_credit_flag", "problem", "problem_note"];

    fn texts(&self) -> [(&'static str, &String); 15] {
        [
            ("name", &self.name),
            ("credit_code", &self.credit_code),
            ("licence_no", &self.licence_no),
            ("tax_no", &self.tax_no),
            ("address", &self.address),
            ("region", &self.region),
            ("industry", &self.industry),
            ("nature", &self.nature),
            ("size", &self.size),
            ("main_business", &self.main_business),
            ("credit_standing", &self.credit_standing),
            ("management_background", &self.management_background),
            ("source", &self.source),
            ("segment", &self.segment),
            ("notes", &self.notes),
        ]
    }

    pub(crate) fn text_fields(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.texts().into_iter().map(|(k, v)| (k, v.as_str()))
    }

    /// Every field as stored: absent values are JSON `null`, so writing them clears a
    /// value set earlier.
    pub fn to_fields(&self) -> Vec<(&'static str, Value)> {
        let mut out: Vec<(&'static str, Value)> =
            self.texts().into_iter().map(|(k, v)| (k, Value::String(v.clone()))).collect();
        out.extend([
            ("annual_spend_fen", self.annual_spend_fen.map_or(Value::Null, Value::from)),
            ("discount_pct", self.discount_pct.map_or(Value::Null, Value::from)),
            ("grade", opt(&self.grade)),
            ("special_background", Value::Bool(self.special_background)),
            ("manual_credit_flag", Value::Bool(self.manual_credit_flag)),
            (
                "collected_on",
                self.collected_on.map_or(Value::Null, |d| Value::String(d.format(DATE_FORMAT).to_string())),
            ),
            ("payday", self.payday.map_or(Value::Null, Value::from)),
            ("collect_slots", Value::from(self.collect_slots.iter().map(|s| s.code()).collect::<Vec<_>>())),
            ("problem", Value::Bool(self.problem)),
            ("problem_note", Value::String(self.problem_note.clone())),
        ]);
        let order = |k: &str| Self::FIELDS.iter().position(|f| *f == k);
        out.sort_by_key(|(k, _)| order(k));
        out
    }

    /// Reads a stored document. Missing or ill-typed fields become defaults.
    pub fn from_fields<'a>(get: impl Fn(&str) -> Option<&'a Value>) -> CustomerFile {
        CustomerFile {
            name: text(get("name")),
            credit_code: text(get("credit_code")),
            licence_no: text(get("licence_no")),
            tax_no: text(get("tax_no")),
            address: text(get("address")),
            region: text(get("region")),
            industry: text(get("industry")),
            nature: text(get("nature")),
            size: text(get("size")),
            main_business: text(get("main_business")),
            credit_standing: text(get("credit_standing")),
            management_background: text(get("management_background")),
            source: text(get("source")),
            segment: text(get("segment")),
            annual_spend_fen: get("annual_spend_fen").and_then(Value::as_i64),
            discount_pct: get("discount_pct").and_then(Value::as_u64).and_then(|n| u32::try_from(n).ok()),
            notes: text(get("notes")),
            grade: get("grade")
                .and_then(Value::as_str)
                .map(str::to_ascii_lowercase)
                .filter(|g| super::GRADES.iter().any(|c| c.0 == g)),
            special_background: flag(get("special_background")),
            manual_credit_flag: flag(get("manual_credit_flag")),
            collected_on: get("collected_on")
                .and_then(Value::as_str)
                .and_then(|s| NaiveDate::parse_from_str(s, DATE_FORMAT).ok()),
            payday: get("payday")
                .and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok())
                .filter(|d| (1..=31).contains(d)),
            collect_slots: slots(get("collect_slots")),
            problem: flag(get("problem")),
            problem_note: text(get("problem_note")),
        }
    }

    /// O2: the collection habits recorded on the file.
    pub fn habits(&self) -> CollectionHabits {
        CollectionHabits { payday: self.payday, slots: self.collect_slots.clone() }
    }

    /// Tidies what a form or a file delivered before validating and saving: trims every
    /// text, upper-cases the credit code and lower-cases the grade (an empty grade is none).
    pub fn tidy(&mut self) {
        for s in [
            &mut self.name,
            &mut self.credit_code,
            &mut self.licence_no,
            &mut self.tax_no,
            &mut self.address,
            &mut self.region,
            &mut self.industry,
            &mut self.nature,
            &mut self.size,
            &mut self.main_business,
            &mut self.credit_standing,
            &mut self.management_background,
            &mut self.source,
            &mut self.segment,
            &mut self.notes,
            &mut self.problem_note,
        ] {
            let t = s.trim();
            if t.len() != s.len() {
                *s = t.to_owned();
            }
        }
        self.credit_code.make_ascii_uppercase();
        self.collect_slots.sort();
        self.collect_slots.dedup();
        self.grade = self.grade.take().map(|g| g.trim().to_ascii_lowercase()).filter(|g| !g.is_empty());
    }
}
