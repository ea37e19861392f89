//! Market feedback: seed 000 (“actively collect market information and report it in
//! time”; “an information feedback mechanism: each department summarises customer needs
//! and submits them”; “collect guests' opinions and suggestions during visits and
//! provide feedback to the relevant departments”), seed 002 step 7 信息反馈, seed 003
//! 职责四 收集市场信息及客户反馈. Completes S2 for needs that are not a customer's
//! question: a need or observation is addressed to a department and followed up there.
//!
//! A report is a fact (who saw what, on which day), so it is an immutable entry, and so
//! is each follow-up: the department's answer (who answered, what) and the closing.
//! Status is folded, never stored: open → answered (one or more follow-ups) → closed.
//! Who may answer: a manager, for whichever department the report is addressed to —
//! the team has no department roles, so the manager speaks for them. Who may close: a
//! manager, or the author closing their own report once it has been answered. Both are
//! checked by the commands and again on every device when folding (a forged answer
//! from a rep counts nowhere).
//!
//! ```
//! use outpost::domain::feedback::{Department, Feedback, FeedbackStatus};
//! let mut f = Feedback::new("fb1", "li", "2026-03-02".parse().unwrap(), None, "East", "cards", "wants a fee-free card", Department::Product).unwrap();
//! assert_eq!(f.status(), FeedbackStatus::Open);
//! f.answer("wang", "Ms Zhou (product)", "on the Q3 roadmap", 1).unwrap();
//! assert_eq!(f.status(), FeedbackStatus::Answered);
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Longest text a report or an answer may hold.
pub const MAX_TEXT: usize = 2000;

/// The departments a report goes to (a fixed list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Department {
    SalesManagement,
    Marketing,
    Product,
    AfterSales,
    Finance,
}

impl Department {
    pub const ALL: [Department; 5] = [
        Department::SalesManagement,
        Department::Marketing,
        Department::Product,
        Department::AfterSales,
        Department::Finance,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Department::SalesManagement => "sales_management",
            Department::Marketing => "marketing",
            Department::Product => "product",
            Department::AfterSales => "after_sales",
            Department::Finance => "finance",
        }
    }

    pub fn from_code(code: &str) -> Option<Department> {
        Department::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// Folded from the follow-ups: open → answered → closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FeedbackStatus {
    Open,
    Answered,
    Closed,
}

impl FeedbackStatus {
    pub const ALL: [FeedbackStatus; 3] = [FeedbackStatus::Open, FeedbackStatus::Answered, FeedbackStatus::Closed];

    pub fn code(self) -> &'static str {
        match self {
            FeedbackStatus::Open => "open",
            FeedbackStatus::Answered => "answered",
            FeedbackStatus::Closed => "closed",
        }
    }

    pub fn from_code(code: &str) -> Option<FeedbackStatus> {
        FeedbackStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FeedbackError {
    #[error("a report names its product or topic")]
    NoTopic,
    #[error("a report says what was seen or asked for")]
    NoText,
    #[error("a report names a customer or a region")]
    NoPlace,
    #[error("a text is at most {MAX_TEXT} characters")]
    TooLong,
    #[error("an answer says who followed up and what")]
    NoAnswer,
    #[error("the report is closed")]
    Closed,
    #[error("a report closes once it has been answered")]
    NotAnswered,
}

/// A department's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// The profile who recorded it.
    pub by: String,
    /// Who in the department followed up (a name as typed).
    pub who: String,
    pub answer: String,
    pub at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closing {
    pub by: String,
    pub note: String,
    pub at_ms: i64,
}

/// A customer need or market observation and its follow-ups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    pub id: String,
    pub author: String,
    pub raised_on: NaiveDate,
    pub customer_id: Option<String>,
    pub region: String,
    /// The product or topic it is about.
    pub topic: String,
    pub text: String,
    pub department: Department,
    pub follow_ups: Vec<FollowUp>,
    pub closing: Option<Closing>,
}

fn too_long(s: &str) -> bool {
    s.chars().count() > MAX_TEXT
}

impl Feedback {
    /// A new report, checked: a topic, a text, a customer or a region, texts within bounds.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: &str,
        author: &str,
        raised_on: NaiveDate,
        customer_id: Option<String>,
        region: &str,
        topic: &str,
        text: &str,
        department: Department,
    ) -> Result<Feedback, FeedbackError> {
        let customer_id = customer_id.filter(|c| !c.trim().is_empty());
        let f = Feedback {
            id: id.to_owned(),
            author: author.to_owned(),
            raised_on,
            customer_id,
            region: region.trim().to_owned(),
            topic: topic.trim().to_owned(),
            text: text.trim().to_owned(),
            department,
            follow_ups: Vec::new(),
            closing: None,
        };
        if f.topic.is_empty() {
            return Err(FeedbackError::NoTopic);
        }
        if f.text.is_empty() {
            return Err(FeedbackError::NoText);
        }
        if f.customer_id.is_none() && f.region.is_empty() {
            return Err(FeedbackError::NoPlace);
        }
        if too_long(&f.text) || too_long(&f.topic) || too_long(&f.region) {
            return Err(FeedbackError::TooLong);
        }
        Ok(f)
    }

    pub fn status(&self) -> FeedbackStatus {
        match (&self.closing, self.follow_ups.is_empty()) {
            (Some(_), _) => FeedbackStatus::Closed,
            (None, true) => FeedbackStatus::Open,
            (None, false) => FeedbackStatus::Answered,
        }
    }

    /// A department's follow-up; appended while the report is not closed.
    pub fn answer(&mut self, by: &str, who: &str, answer: &str, at_ms: i64) -> Result<(), FeedbackError> {
        if self.closing.is_some() {
            return Err(FeedbackError::Closed);
        }
        let (who, answer) = (who.trim(), answer.trim());
        if who.is_empty() || answer.is_empty() {
            return Err(FeedbackError::NoAnswer);
        }
        if too_long(who) || too_long(answer) {
            return Err(FeedbackError::TooLong);
        }
        self.follow_ups.push(FollowUp { by: by.into(), who: who.into(), answer: answer.into(), at_ms });
        Ok(())
    }

    /// Closes an answered report; the first closing stands.
    pub fn close(&mut self, by: &str, note: &str, at_ms: i64) -> Result<(), FeedbackError> {
        match self.status() {
            FeedbackStatus::Closed => Err(FeedbackError::Closed),
            FeedbackStatus::Open => Err(FeedbackError::NotAnswered),
            FeedbackStatus::Answered if too_long(note) => Err(FeedbackError::TooLong),
            FeedbackStatus::Answered => {
                self.closing = Some(Closing { by: by.into(), note: note.trim().into(), at_ms });
                Ok(())
            }
        }
    }
}

/// What the team list shows; `None` is "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedbackFilter {
    pub department: Option<Department>,
    pub status: Option<FeedbackStatus>,
    /// Matched ignoring case and surrounding blanks.
    pub region: Option<String>,
}

/// The reports `filter` keeps: open ones first, oldest first (they have waited longest),
/// then answered ones oldest first, then closed ones newest first.
pub fn feedback_list<'a>(items: &'a [Feedback], filter: &FeedbackFilter) -> Vec<&'a Feedback> {
    let region = filter.region.as_ref().map(|r| r.trim().to_lowercase()).filter(|r| !r.is_empty());
    let mut out: Vec<&Feedback> = items
        .iter()
        .filter(|f| filter.department.is_none_or(|d| f.department == d))
        .filter(|f| filter.status.is_none_or(|s| f.status() == s))
        .filter(|f| region.as_ref().is_none_or(|r| f.region.to_lowercase() == *r))
        .collect();
    out.sort_by(|a, b| {
        let (sa, sb) = (a.status(), b.status());
        sa.cmp(&sb)
            .then_with(|| match sa {
                FeedbackStatus::Closed => b.raised_on.cmp(&a.raised_on),
                _ => a.raised_on.cmp(&b.raised_on),
            })
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn seed000_a_report_closes_only_after_an_answer_and_only_once() {
        let mut f = Feedback::new("f", "li", d("2026-03-02"), None, "East", "t", "x", Department::Marketing).unwrap();
        assert_eq!(f.close("li", "", 1), Err(FeedbackError::NotAnswered));
        assert_eq!(f.answer("wang", " ", "x", 1), Err(FeedbackError::NoAnswer));
        f.answer("wang", "Zhou", "noted", 2).unwrap();
        f.close("li", "thanks", 3).unwrap();
        assert_eq!(f.status(), FeedbackStatus::Closed);
        assert_eq!(f.close("wang", "", 4), Err(FeedbackError::Closed));
        assert_eq!(f.answer("wang", "Zhou", "more", 5), Err(FeedbackError::Closed));
    }
}
