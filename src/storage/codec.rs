//! One record codec: how each record type is written to and restored from a document's
//! fields or an entry's body, and the one set of field readers every area uses.
//!
//! Stored records are untrusted input: another build, a damaged file or a forged
//! snapshot may hold a field of the wrong JSON type, a date that does not parse or an
//! enum value this build does not know. Like Excalidraw's `restore.ts`, reading is a
//! restore step: a [`Reader`] hands back the good fields and records a [`FieldProblem`]
//! for each bad one, instead of silently turning it blank. A record with a bad field is
//! still shown with its good fields; only a record missing a field it cannot exist
//! without (an order's delivery date) is left out, and that is reported too.
//!
//! A **missing** field is not a problem: a new document stores only its filled fields
//! (and `null` clears one), so absence reads as the field's default.
//!
//! ```
//! use outpost::record::replica::Document;
//! use outpost::record::hlc::Hlc;
//! use outpost::storage::codec::{ProblemReason, Reader};
//! use serde_json::json;
//!
//! let mut d = Document::new("c1", "customer");
//! let at = Hlc { wall_ms: 1, counter: 0, device: "t1".into() };
//! d.set("name", json!("Acme"), at.clone(), "rep");
//! d.set("annual_spend_fen", json!("lots"), at, "rep");
//! let mut r = Reader::of_doc(&d);
//! assert_eq!(r.text("name"), "Acme");
//! assert_eq!(r.money("annual_spend_fen"), None);
//! assert_eq!(r.text("notes"), ""); // missing: the default, no problem
//! let problems = r.finish();
//! assert_eq!(problems.len(), 1);
//! assert_eq!(problems[0].field, "annual_spend_fen");
//! assert_eq!(problems[0].reason, ProblemReason::BadAmount);
//! ```

use std::fmt;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::record::replica::{Document, Entry};

/// Why a stored field could not be read. A machine code; the UI words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemReason {
    /// The field holds another JSON type than the one expected (a number for a text).
    WrongType { expected: &'static str },
    /// Not a `YYYY-MM-DD` date.
    BadDate,
    /// Not a whole number of fen.
    BadAmount,
    /// A code this build does not know (an enum value from a newer build, or damage).
    UnknownValue,
    /// A structured value (a list, a nested object) that does not have its shape.
    Malformed,
    /// A field the record cannot exist without is missing. A record whose required
    /// field is missing or bad (reported with the reason above) is left out of the view;
    /// it stays stored and syncs on.
    Required,
}

impl fmt::Display for ProblemReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemReason::WrongType { expected } => write!(f, "expected {expected}"),
            ProblemReason::BadDate => f.write_str("not a date"),
            ProblemReason::BadAmount => f.write_str("not an amount in fen"),
            ProblemReason::UnknownValue => f.write_str("unknown value"),
            ProblemReason::Malformed => f.write_str("malformed"),
            ProblemReason::Required => f.write_str("required field missing; record left out"),
        }
    }
}

/// One stored field that is present but could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldProblem {
    /// The document's or entry's id.
    pub record_id: String,
    /// The field name (for an entry, the key in its body; `body` for the body itself;
    /// `list[3]` for one item of a list).
    pub field: String,
    pub reason: ProblemReason,
    /// The stored value, shortened, for a support person to look at.
    pub found: String,
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}: {} (found {})", self.record_id, self.field, self.reason, self.found)
    }
}

/// The longest `found` text kept in a [`FieldProblem`].
const FOUND_CHARS: usize = 60;

fn shorten(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() <= FOUND_CHARS {
        s
    } else {
        let mut t: String = s.chars().take(FOUND_CHARS).collect();
        t.push('…');
        t
    }
}

/// The field name an entry's whole body is reported under.
pub const BODY: &str = "body";

#[derive(Clone, Copy)]
enum Source<'a> {
    Doc(&'a Document),
    Body(&'a Value),
}

/// Reads one record's fields, collecting a [`FieldProblem`] for every present field
/// that does not read as asked. Every reader treats a missing field and `null` alike:
/// the default, no problem.
pub struct Reader<'a> {
    record_id: &'a str,
    source: Source<'a>,
    problems: Vec<FieldProblem>,
}

impl<'a> Reader<'a> {
    /// Reads a document's fields.
    pub fn of_doc(d: &'a Document) -> Self {
        Reader { record_id: &d.id, source: Source::Doc(d), problems: Vec::new() }
    }

    /// Reads an entry's body as fields.
    pub fn of_entry(e: &'a Entry) -> Self {
        Reader::of_body(&e.id, &e.body)
    }

    /// Reads a JSON object as fields, reporting under `record_id`.
    pub fn of_body(record_id: &'a str, body: &'a Value) -> Self {
        Reader { record_id, source: Source::Body(body), problems: Vec::new() }
    }

    /// The id problems are reported under.
    pub fn record_id(&self) -> &'a str {
        self.record_id
    }

    /// The document being read (for a codec that also reads the fields' stamps);
    /// `None` for an entry body.
    pub fn doc(&self) -> Option<&'a Document> {
        match self.source {
            Source::Doc(d) => Some(d),
            Source::Body(_) => None,
        }
    }

    /// The raw stored value; `None` when missing or `null`.
    pub fn raw(&self, field: &str) -> Option<&'a Value> {
        let v = match self.source {
            Source::Doc(d) => d.get(field),
            Source::Body(b) => b.get(field),
        };
        v.filter(|v| !v.is_null())
    }

    /// Records a problem with a field (for checks the readers cannot know, such as an
    /// amount that must be positive).
    pub fn problem(&mut self, field: &str, reason: ProblemReason) {
        let found = match field {
            BODY => self.body().map(shorten),
            f => self.raw(f).map(shorten),
        }
        .unwrap_or_else(|| "nothing".to_owned());
        self.problems.push(FieldProblem {
            record_id: self.record_id.to_owned(),
            field: field.to_owned(),
            reason,
            found,
        });
    }

    /// Passes `value` on; when it is `None` the record cannot be built, and a missing
    /// `field` is reported as [`ProblemReason::Required`] (a present but bad one has
    /// been reported by its reader already).
    pub fn require<T>(&mut self, field: &str, value: Option<T>) -> Option<T> {
        if value.is_none() && !self.problems.iter().any(|p| p.field == field) {
            self.problem(field, ProblemReason::Required);
        }
        value
    }

    /// The problems found so far, ending the read.
    pub fn finish(self) -> Vec<FieldProblem> {
        self.problems
    }

    /// Runs `read` on the field's value; a `None` from it is reported with `reason`.
    fn read<T>(&mut self, field: &str, reason: ProblemReason, read: impl FnOnce(&'a Value) -> Option<T>) -> Option<T> {
        let v = self.raw(field)?;
        let out = read(v);
        if out.is_none() {
            self.problem(field, reason);
        }
        out
    }

    /// A text; missing reads as empty.
    pub fn text(&mut self, field: &str) -> String {
        self.opt_text(field).unwrap_or_default()
    }

    /// A text, `None` when missing or empty.
    pub fn opt_text(&mut self, field: &str) -> Option<String> {
        self.read(field, ProblemReason::WrongType { expected: "text" }, |v| v.as_str().map(str::to_owned))
            .filter(|s| !s.is_empty())
    }

    /// A whole number; missing reads as 0.
    pub fn int(&mut self, field: &str) -> i64 {
        self.opt_int(field).unwrap_or(0)
    }

    /// A whole number, `None` when missing.
    pub fn opt_int(&mut self, field: &str) -> Option<i64> {
        self.read(field, ProblemReason::WrongType { expected: "whole number" }, Value::as_i64)
    }

    /// A whole number ≥ 0 that fits `T`, `None` when missing.
    pub fn opt_uint<T: TryFrom<u64>>(&mut self, field: &str) -> Option<T> {
        self.read(field, ProblemReason::WrongType { expected: "whole number ≥ 0" }, |v| {
            v.as_u64().and_then(|n| T::try_from(n).ok())
        })
    }

    /// An amount in fen (a whole number), `None` when missing.
    pub fn money(&mut self, field: &str) -> Option<i64> {
        self.read(field, ProblemReason::BadAmount, Value::as_i64)
    }

    /// A `YYYY-MM-DD` date, `None` when missing.
    pub fn date(&mut self, field: &str) -> Option<NaiveDate> {
        self.read(field, ProblemReason::BadDate, |v| v.as_str().and_then(|s| s.parse().ok()))
    }

    /// A yes/no; missing reads as `false`.
    pub fn bool(&mut self, field: &str) -> bool {
        self.read(field, ProblemReason::WrongType { expected: "true or false" }, Value::as_bool).unwrap_or(false)
    }

    /// One of a set of codes (a serde enum), `None` when missing or unknown.
    pub fn choice<T: DeserializeOwned>(&mut self, field: &str) -> Option<T> {
        self.read(field, ProblemReason::UnknownValue, |v| serde_json::from_value(v.clone()).ok())
    }

    /// A structured value (an object, a settings group), `None` when missing or
    /// malformed.
    pub fn value<T: DeserializeOwned>(&mut self, field: &str) -> Option<T> {
        self.read(field, ProblemReason::Malformed, |v| serde_json::from_value(v.clone()).ok())
    }

    /// A list; an item that does not read is reported as `field[i]` and skipped, the
    /// others kept. Missing reads as empty.
    pub fn list<T: DeserializeOwned>(&mut self, field: &str) -> Vec<T> {
        let Some(v) = self.raw(field) else {
            return Vec::new();
        };
        let Some(items) = v.as_array() else {
            self.problem(field, ProblemReason::WrongType { expected: "list" });
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match serde_json::from_value(item.clone()) {
                Ok(x) => out.push(x),
                Err(_) => self.problems.push(FieldProblem {
                    record_id: self.record_id.to_owned(),
                    field: format!("{field}[{i}]"),
                    reason: ProblemReason::Malformed,
                    found: shorten(item),
                }),
            }
        }
        out
    }

    /// The whole entry body as one value (a body that is itself an enum, such as an
    /// order step), reported under [`BODY`].
    pub fn whole<T: DeserializeOwned>(&mut self) -> Option<T> {
        let v = self.body()?;
        let out = serde_json::from_value(v.clone()).ok();
        if out.is_none() {
            self.problem(BODY, ProblemReason::Malformed);
        }
        out
    }

    fn body(&self) -> Option<&'a Value> {
        match self.source {
            Source::Body(b) => Some(b),
            Source::Doc(_) => None,
        }
    }
}

/// One record type's codec: the fields it writes and how it is restored from them.
///
/// The same trait serves documents (each field its own register) and entries (the
/// fields are the keys of the body object, see [`body_of`]).
pub trait Codec: Sized {
    /// Every stored field of the value, in a fixed order.
    fn encode(&self) -> Vec<(&'static str, Value)>;
    /// Restores a value from its fields; `None` only when a field the value cannot exist
    /// without is missing or unreadable (reported through [`Reader::require`]).
    fn decode(r: &mut Reader<'_>) -> Option<Self>;
}

/// An entry body: the value's fields as one JSON object.
pub fn body_of<T: Codec>(v: &T) -> Value {
    Value::Object(v.encode().into_iter().map(|(k, v)| (k.to_owned(), v)).collect::<Map<String, Value>>())
}

/// Restores a `T` from a document, adding its problems to `problems`.
pub fn decode_doc<T: Codec>(d: &Document, problems: &mut Vec<FieldProblem>) -> Option<T> {
    let mut r = Reader::of_doc(d);
    let v = T::decode(&mut r);
    problems.extend(r.finish());
    v
}

/// Restores a `T` from an entry's body, adding its problems to `problems`.
pub fn decode_entry<T: Codec>(e: &Entry, problems: &mut Vec<FieldProblem>) -> Option<T> {
    let mut r = Reader::of_entry(e);
    let v = if e.body.is_object() {
        T::decode(&mut r)
    } else {
        r.problem(BODY, ProblemReason::WrongType { expected: "object" });
        None
    };
    problems.extend(r.finish());
    v
}

/// Restores a `T` from a document with its problems (for tests and one-off reads).
pub fn restore_doc<T: Codec>(d: &Document) -> (Option<T>, Vec<FieldProblem>) {
    let mut p = Vec::new();
    let v = decode_doc(d, &mut p);
    (v, p)
}

/// Restores a `T` from an entry with its problems.
pub fn restore_entry<T: Codec>(e: &Entry) -> (Option<T>, Vec<FieldProblem>) {
    let mut p = Vec::new();
    let v = decode_entry(e, &mut p);
    (v, p)
}

/// Restores a whole body that is one serde value (an enum step, a count), reporting it
/// under [`BODY`] when it does not parse.
pub fn decode_whole<T: DeserializeOwned>(e: &Entry, problems: &mut Vec<FieldProblem>) -> Option<T> {
    let mut r = Reader::of_entry(e);
    let v = r.whole();
    problems.extend(r.finish());
    v
}

/// An area's records with the fields that could not be read, for views whose read
/// model is a plain list (customers, people, events, the service log).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Restored<T> {
    pub records: T,
    pub problems: Vec<FieldProblem>,
}
