//! C6: a rep enters a newly collected customer within 2 working days; the manager
//! reviews new entries. [`review_queue`] is the manager's list of unreviewed entries,
//! overdue ones first, each flagged when it was entered late.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::calendar::TeamCalendar;
use crate::domain::pool::{Fact, FactKind};

/// Working days allowed both to enter a collected customer and to review the entry (C6).
pub const C6_WORKING_DAYS: u32 = 2;

/// A newly entered customer as the review queue sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewEntry {
    pub id: String,
    pub created_ms: i64,
    /// The day the rep collected the customer (a card at a fair), when known.
    pub collected_on: Option<NaiveDate>,
    pub reviewed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItem {
    pub id: String,
    /// Working days since the entry was created (the creation day itself not counted).
    pub waiting_working_days: i64,
    /// Still unreviewed after its 2 working days.
    pub overdue: bool,
    /// Entered more than 2 working days after it was collected.
    pub entered_late: bool,
}

/// The unreviewed entries, overdue first, then oldest first (id breaks ties).
pub fn review_queue(items: &[NewEntry], cal: &TeamCalendar, now_ms: i64) -> Vec<ReviewItem> {
    let today = cal.local_date(now_ms);
    let mut queue: Vec<(i64, ReviewItem)> = items
        .iter()
        .filter(|e| !e.reviewed)
        .map(|e| {
            let created = cal.local_date(e.created_ms);
            // A calendar with no working days has no deadline to miss.
            let overdue = cal.is_overdue(e.created_ms, C6_WORKING_DAYS, now_ms).unwrap_or(false);
            let entered_late = e.collected_on.is_some_and(|collected| {
                cal.add_working_days(collected, C6_WORKING_DAYS).is_ok_and(|due| created > due)
            });
            let item = ReviewItem {
                id: e.id.clone(),
                waiting_working_days: cal.working_days_between(created, today),
                overdue,
                entered_late,
            };
            (e.created_ms, item)
        })
        .collect();
    queue.sort_by(|(a_ms, a), (b_ms, b)| b.overdue.cmp(&a.overdue).then(a_ms.cmp(b_ms)).then_with(|| a.id.cmp(&b.id)));
    queue.into_iter().map(|(_, item)| item).collect()
}

/// Whether a manager has reviewed the customer (a `customer.reviewed` fact).
pub fn is_reviewed(facts: &[Fact]) -> bool {
    facts.iter().any(|f| f.kind == FactKind::Reviewed)
}
