//! Service items: rules **S1** (first-ask responsibility) and **S2** (record, escalate,
//! answer with a plan, close only when the customer is satisfied).
//!
//! Whoever the customer first asked owns the item to the end, even after forwarding it
//! (S1: never refuse, never delay). An item is either handled on the spot, or forwarded
//! with a plan and a promised date; forwarding again keeps the history and the newest
//! promise counts. An open item past its promised date is flagged. An item closes only
//! with the customer's word that they are satisfied and a score of 1–5, which feeds the
//! satisfaction KPI (A2) through [`satisfaction`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ServiceError {
    #[error("the item does not say who the customer first asked")]
    NoOwner,
    #[error("the item does not say what the customer asked")]
    NoQuestion,
    #[error("an answer given on the spot must be recorded")]
    NoAnswer,
    #[error("a forwarded item needs the person it went to")]
    NoForwardee,
    #[error("a forwarded item needs a plan for the customer")]
    NoPlan,
    #[error("the promised date {promised} is before the day it was asked, {asked}")]
    PromiseBeforeAsk { promised: NaiveDate, asked: NaiveDate },
    #[error("the item is already closed")]
    AlreadyClosed,
    #[error("an item closes only when the customer is satisfied")]
    NotSatisfied,
    #[error("a satisfaction score is 1 to 5, not {0}")]
    BadScore(u8),
}

/// How the customer asked (S1: a visit, a call, a question, a complaint).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Visit,
    Call,
    Question,
    Complaint,
}

/// The item was passed on (S1 "refers or forwards", S2 "escalated").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forward {
    pub to: String,
    /// The plan the customer was given.
    pub plan: String,
    pub promised: NaiveDate,
    pub at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    pub by: String,
    pub at_ms: i64,
    /// 1 (very unhappy) to 5 (very happy).
    pub score: u8,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceItem {
    pub id: String,
    pub customer_id: String,
    /// The profile the customer first asked; stays responsible (S1).
    pub owner: String,
    pub channel: Channel,
    pub asked: String,
    pub asked_on: NaiveDate,
    /// The answer, when solved on the spot.
    pub answer: Option<String>,
    /// Forwards, oldest first; the last one holds the current plan and promise.
    pub forwards: Vec<Forward>,
    pub closure: Option<Closure>,
}

impl ServiceItem {
    /// S1: a question solved on the spot.
    pub fn on_the_spot(
        id: impl Into<String>,
        customer_id: impl Into<String>,
        owner: impl Into<String>,
        channel: Channel,
        asked: &str,
        asked_on: NaiveDate,
        answer: &str,
    ) -> Result<Self, ServiceError> {
        if answer.trim().is_empty() {
            return Err(ServiceError::NoAnswer);
        }
        Self::open(
            id.into(),
            customer_id.into(),
            owner.into(),
            channel,
            asked,
            asked_on,
            Some(answer.trim().to_owned()),
        )
    }

    /// S1/S2: a question the owner cannot answer now, forwarded with a plan and a date.
    pub fn forwarded(
        id: impl Into<String>,
        customer_id: impl Into<String>,
        owner: impl Into<String>,
        channel: Channel,
        asked: &str,
        asked_on: NaiveDate,
        forward: Forward,
    ) -> Result<Self, ServiceError> {
        let mut item = Self::open(id.into(), customer_id.into(), owner.into(), channel, asked, asked_on, None)?;
        item.forward(forward)?;
        Ok(item)
    }

    fn open(
        id: String,
        customer_id: String,
        owner: String,
        channel: Channel,
        asked: &str,
        asked_on: NaiveDate,
        answer: Option<String>,
    ) -> Result<Self, ServiceError> {
        if owner.trim().is_empty() {
            return Err(ServiceError::NoOwner);
        }
        if asked.trim().is_empty() {
            return Err(ServiceError::NoQuestion);
        }
        Ok(Self {
            id,
            customer_id,
            owner,
            channel,
            asked: asked.trim().to_owned(),
            asked_on,
            answer,
            forwards: Vec::new(),
            closure: None,
        })
    }

    /// S2: escalate (again); the new plan and promise replace the old as current.
    pub fn forward(&mut self, f: Forward) -> Result<(), ServiceError> {
        if self.closure.is_some() {
            return Err(ServiceError::AlreadyClosed);
        }
        if f.to.trim().is_empty() {
            return Err(ServiceError::NoForwardee);
        }
        if f.plan.trim().is_empty() {
            return Err(ServiceError::NoPlan);
        }
        if f.promised < self.asked_on {
            return Err(ServiceError::PromiseBeforeAsk { promised: f.promised, asked: self.asked_on });
        }
        self.forwards.push(f);
        Ok(())
    }

    /// The date promised to the customer, if the item was forwarded.
    pub fn promised(&self) -> Option<NaiveDate> {
        self.forwards.last().map(|f| f.promised)
    }

    pub fn is_open(&self) -> bool {
        self.closure.is_none()
    }

    /// S1: open after the promised date (the promised day itself is still on time).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.promised().is_some_and(|p| today > p)
    }

    /// S2: closes only with the customer satisfied and a score of 1–5.
    pub fn close(
        &mut self,
        by: &str,
        at_ms: i64,
        customer_satisfied: bool,
        score: u8,
        note: &str,
    ) -> Result<(), ServiceError> {
        if self.closure.is_some() {
            return Err(ServiceError::AlreadyClosed);
        }
        if !customer_satisfied {
            return Err(ServiceError::NotSatisfied);
        }
        if !(1..=5).contains(&score) {
            return Err(ServiceError::BadScore(score));
        }
        self.closure = Some(Closure { by: by.to_owned(), at_ms, score, note: note.trim().to_owned() });
        Ok(())
    }
}

/// Open items past their promise, oldest promise first.
pub fn overdue_items(items: &[ServiceItem], today: NaiveDate) -> Vec<&ServiceItem> {
    let mut out: Vec<&ServiceItem> = items.iter().filter(|i| i.is_overdue(today)).collect();
    out.sort_by(|a, b| (a.promised(), &a.id).cmp(&(b.promised(), &b.id)));
    out
}

/// Scores of closed items, for the satisfaction KPI (A2): `satisfied` counts scores of
/// at least `satisfied_from` (the team's setting; 4 = "satisfied" or better).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Satisfaction {
    pub scored: u64,
    pub satisfied: u64,
    pub score_sum: u64,
}

pub fn satisfaction<'a>(items: impl IntoIterator<Item = &'a ServiceItem>, satisfied_from: u8) -> Satisfaction {
    let mut s = Satisfaction::default();
    for c in items.into_iter().filter_map(|i| i.closure.as_ref()) {
        s.scored += 1;
        s.score_sum += u64::from(c.score);
        if c.score >= satisfied_from {
            s.satisfied += 1;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn forwarded() -> ServiceItem {
        let f = Forward {
            to: "engineer Sun".into(),
            plan: "site check Tuesday".into(),
            promised: d("2026-03-10"),
            at_ms: 0,
        };
        ServiceItem::forwarded("s1", "c1", "li", Channel::Complaint, "printer jams", d("2026-03-02"), f).unwrap()
    }

    #[test]
    fn s1_an_open_item_is_flagged_the_day_after_its_promise() {
        let item = forwarded();
        assert!(!item.is_overdue(d("2026-03-10")));
        assert!(item.is_overdue(d("2026-03-11")));
    }

    #[test]
    fn s1_a_forward_needs_someone_a_plan_and_a_date() {
        let mut item = forwarded();
        let f = Forward { to: " ".into(), plan: "x".into(), promised: d("2026-03-10"), at_ms: 1 };
        assert_eq!(item.forward(f), Err(ServiceError::NoForwardee));
        let f = Forward { to: "Sun".into(), plan: "".into(), promised: d("2026-03-10"), at_ms: 1 };
        assert_eq!(item.forward(f), Err(ServiceError::NoPlan));
        assert_eq!(item.owner, "li", "the first-asked rep stays responsible");
    }

    #[test]
    fn s2_an_item_closes_only_with_a_satisfied_customer_and_a_score_of_1_to_5() {
        let mut item = forwarded();
        assert_eq!(item.close("li", 1, false, 5, ""), Err(ServiceError::NotSatisfied));
        assert_eq!(item.close("li", 1, true, 0, ""), Err(ServiceError::BadScore(0)));
        assert_eq!(item.close("li", 1, true, 6, ""), Err(ServiceError::BadScore(6)));
        assert_eq!(item.close("li", 1, true, 4, "fixed"), Ok(()));
        assert!(!item.is_overdue(d("2026-04-01")), "a closed item is never overdue");
        assert_eq!(satisfaction([&item], 4), Satisfaction { scored: 1, satisfied: 1, score_sum: 4 });
    }
}
