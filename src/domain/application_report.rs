//! The application status report: rule **A1** (a checklist of materials, a status,
//! feedback to the customer, review within 3 working days) as seed 003 职责五's
//! deliverable 申请状态报告 — per rep and for the team, folded from the application
//! records, never stored.
//!
//! Readings chosen where the rules leave room:
//! - The report of a period lists every application still open (collecting, under
//!   review, returned: work in hand whatever the period) and those decided in the
//!   period.
//! - "Waiting" is the current review round of an application under review, in working
//!   days on the team calendar ([`Application::review_working_days`]); it is late past
//!   the team's limit (A2, 3 by default). A decided application is late if any of its
//!   rounds was.
//! - Feedback is given once the customer was told the last decision; an application
//!   under review or still collecting has none to give yet, and one whose decision
//!   carried no text (an old record) counts as not given.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::application::{Application, ApplicationStatus, Checklists};
use crate::domain::calendar::TeamCalendar;
use crate::domain::target::Period;

/// One application as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    pub id: String,
    pub customer_id: String,
    pub rep: String,
    pub product: String,
    pub status: ApplicationStatus,
    /// The last status change's day (none while collecting).
    pub since: Option<NaiveDate>,
    /// Working days of the current review round (under review only).
    pub waiting_days: Option<i64>,
    /// Over the review limit (now, or in any round).
    pub late: bool,
    /// Required materials not received (checklist order).
    pub missing: Vec<String>,
    /// `Some(true)` once the decision's feedback was given; `None` when there is no
    /// decision to feed back.
    pub feedback_given: Option<bool>,
}

/// Counts of one rep (or the team, `rep` empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusSummary {
    pub rep: String,
    /// Per status, in [`STATUS_ORDER`].
    pub counts: [u32; 5],
    /// The longest current wait under review, working days.
    pub oldest_waiting: Option<i64>,
    pub late: u32,
    pub missing_materials: u32,
    pub feedback_missing: u32,
}

pub const STATUS_ORDER: [ApplicationStatus; 5] = [
    ApplicationStatus::Collecting,
    ApplicationStatus::Submitted,
    ApplicationStatus::Returned,
    ApplicationStatus::Approved,
    ApplicationStatus::Rejected,
];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusReport {
    pub lines: Vec<StatusLine>,
    /// One per rep with an application in the report, by rep id, then the team's.
    pub summaries: Vec<StatusSummary>,
}

fn index(s: ApplicationStatus) -> usize {
    STATUS_ORDER.iter().position(|x| *x == s).unwrap_or(0)
}

/// A1: the report of `period` on `now_ms`, late past `max_days` working days.
pub fn status_report(
    apps: &[Application],
    lists: &Checklists,
    cal: &TeamCalendar,
    now_ms: i64,
    period: &Period,
    max_days: u32,
) -> StatusReport {
    let mut lines: Vec<StatusLine> = apps
        .iter()
        .filter_map(|a| {
            let status = a.status();
            let last = a.history.last();
            let since = last.map(|c| cal.local_date(c.at_ms));
            let decided = matches!(status, ApplicationStatus::Approved | ApplicationStatus::Rejected);
            if decided && !since.is_some_and(|d| period.contains(d)) {
                return None;
            }
            let waiting_days = (status == ApplicationStatus::Submitted)
                .then(|| a.review_working_days(cal, now_ms).last().copied())
                .flatten();
            let feedback_given = match status {
                ApplicationStatus::Collecting | ApplicationStatus::Submitted => None,
                _ => Some(last.is_some_and(|c| !c.feedback.trim().is_empty())),
            };
            Some(StatusLine {
                id: a.id.clone(),
                customer_id: a.customer_id.clone(),
                rep: a.rep.clone(),
                product: a.product.clone(),
                status,
                since,
                waiting_days,
                late: a.review_late(cal, now_ms, max_days),
                missing: a.missing(lists).unwrap_or_default(),
                feedback_given,
            })
        })
        .collect();
    // Oldest waiting first, then by status and id: what needs chasing is on top.
    lines.sort_by(|a, b| {
        b.waiting_days.cmp(&a.waiting_days).then(index(a.status).cmp(&index(b.status))).then(a.id.cmp(&b.id))
    });
    let mut per_rep: BTreeMap<String, StatusSummary> = BTreeMap::new();
    let mut team = StatusSummary::default();
    for l in &lines {
        let r =
            per_rep.entry(l.rep.clone()).or_insert_with(|| StatusSummary { rep: l.rep.clone(), ..Default::default() });
        for s in [r, &mut team] {
            s.counts[index(l.status)] += 1;
            s.oldest_waiting = s.oldest_waiting.max(l.waiting_days);
            s.late += u32::from(l.late);
            s.missing_materials += u32::from(
                !l.missing.is_empty() && !matches!(l.status, ApplicationStatus::Approved | ApplicationStatus::Rejected),
            );
            s.feedback_missing += u32::from(l.feedback_given == Some(false));
        }
    }
    let mut summaries: Vec<StatusSummary> = per_rep.into_values().collect();
    summaries.push(team);
    StatusReport { lines, summaries }
}
