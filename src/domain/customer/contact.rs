//! A contact person at a customer (**C1**): one document of kind `"contact"` each, so
//! two reps adding contacts offline both keep theirs.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Serialised (the list's snapshot) without its empty fields; a missing field reads as
/// empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub decision_maker: bool,
    /// What the person cares about — interests, hobbies, concerns — so a rep can prepare
    /// topics before meeting them (seed 000: know the decision maker's interests first).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub interests: String,
}

impl Contact {
    /// The document kind contacts are stored as.
    pub const KIND: &'static str = "contact";
    /// The field naming the customer document a contact belongs to (written by storage,
    /// not part of [`FIELDS`](Self::FIELDS)).
    pub const CUSTOMER_FIELD: &'static str = "customer";

    /// The stored attribute field names, in [`to_fields`](Self::to_fields) order.
    pub const FIELDS: &'static [&'static str] = &["name", "title", "phone", "email", "decision_maker", "interests"];

    pub fn to_fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("name", Value::String(self.name.clone())),
            ("title", Value::String(self.title.clone())),
            ("phone", Value::String(self.phone.clone())),
            ("email", Value::String(self.email.clone())),
            ("decision_maker", Value::Bool(self.decision_maker)),
            ("interests", Value::String(self.interests.clone())),
        ]
    }

    /// Reads a stored document. Missing or ill-typed fields become defaults.
    pub fn from_fields<'a>(get: impl Fn(&str) -> Option<&'a Value>) -> Contact {
        let text = |k: &str| get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
        Contact {
            name: text("name"),
            title: text("title"),
            phone: text("phone"),
            email: text("email"),
            decision_maker: get("decision_maker").and_then(Value::as_bool).unwrap_or(false),
            interests: text("interests"),
        }
    }

    /// Trims every text field.
    pub fn tidy(&mut self) {
        for s in [&mut self.name, &mut self.title, &mut self.phone, &mut self.email, &mut self.interests] {
            let t = s.trim();
            if t.len() != s.len() {
                *s = t.to_owned();
            }
        }
    }

    /// Nothing typed at all (an empty row of a form or a file).
    pub fn is_blank(&self) -> bool {
        [&self.name, &self.title, &self.phone, &self.email, &self.interests].iter().all(|s| s.trim().is_empty())
            && !self.decision_maker
    }
}

/// What to prepare before meeting a customer face to face (seed 000: learn the decision
/// maker's interests first): the contacts with interests noted, decision makers first,
/// then by name.
pub fn talking_points<'a>(contacts: impl IntoIterator<Item = &'a Contact>) -> Vec<&'a Contact> {
    let mut out: Vec<&Contact> = contacts.into_iter().filter(|c| !c.interests.trim().is_empty()).collect();
    out.sort_by(|a, b| b.decision_maker.cmp(&a.decision_maker).then_with(|| a.name.cmp(&b.name)));
    out
}
