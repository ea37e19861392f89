//! Seed 002, 第三条（一）, after C6: the rep's 《客户信息档案》 "经经理审核后……并于次日由
//! 公司指定专人发送市场营销部" — once the manager has reviewed a new customer's file, it
//! is sent to marketing the next working day (team calendar, holidays and make-up days).
//!
//! The due day is derived from the review's stamp, never stored; sending is an entry
//! (who, when). [`for_marketing`] lists the reviewed files not yet sent, overdue first.
//!
//! ```
//! use outpost::domain::calendar::TeamCalendar;
//! use outpost::domain::forwarding::forward_due;
//! let cal = TeamCalendar { utc_offset_minutes: 0, ..Default::default() };
//! // Reviewed on Friday 2026-01-02: due on Monday the 5th.
//! let friday_noon = 1_767_355_200_000;
//! assert_eq!(forward_due(&cal, friday_noon).unwrap().to_string(), "2026-01-05");
//! ```

use chrono::NaiveDate;

use super::calendar::{CalendarError, TeamCalendar};

/// Working days after the review by which the file reaches marketing ("次日").
pub const FORWARD_WORKING_DAYS: u32 = 1;

/// The day a file reviewed at `reviewed_ms` is due at marketing.
pub fn forward_due(cal: &TeamCalendar, reviewed_ms: i64) -> Result<NaiveDate, CalendarError> {
    cal.due_date_after(reviewed_ms, FORWARD_WORKING_DAYS)
}

/// A reviewed customer file as the marketing list sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviewed {
    pub id: String,
    /// The first manager's review (C6).
    pub reviewed_ms: i64,
    /// Already sent to marketing.
    pub forwarded: bool,
}

/// One file still to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForwardItem {
    pub id: String,
    pub reviewed_ms: i64,
    /// `None` under a calendar with no working day left.
    pub due: Option<NaiveDate>,
    /// Past its due day and not sent.
    pub overdue: bool,
}

/// The reviewed files not yet sent to marketing: overdue first, then by due day, then
/// by review time and id.
pub fn for_marketing(items: &[Reviewed], cal: &TeamCalendar, now_ms: i64) -> Vec<ForwardItem> {
    let today = cal.local_date(now_ms);
    let mut out: Vec<ForwardItem> = items
        .iter()
        .filter(|r| !r.forwarded)
        .map(|r| {
            let due = forward_due(cal, r.reviewed_ms).ok();
            ForwardItem { id: r.id.clone(), reviewed_ms: r.reviewed_ms, due, overdue: due.is_some_and(|d| today > d) }
        })
        .collect();
    out.sort_by(|a, b| {
        b.overdue.cmp(&a.overdue).then(a.due.cmp(&b.due)).then(a.reviewed_ms.cmp(&b.reviewed_ms)).then(a.id.cmp(&b.id))
    });
    out
}
