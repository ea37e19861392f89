//! Work diary and reports: rule **V9** — a daily work diary with open questions marked;
//! daily, weekly (and monthly) reports per rep and per team stating progress against
//! the plan, results, unresolved problems and improvements.
//!
//! Everything is derived from activities (V3, V4), approved visit plans (V2), minutes
//! (V5) and the diaries; nothing here is stored.
//!
//! Readings chosen where the rules leave room:
//! - Periods are team-local: a day, a Monday–Sunday week, a calendar month.
//! - "Progress against plan" counts the customers of the rep's **approved** plans in the
//!   period, and how many of them the rep met face to face (visit or meeting) on the
//!   planned day or later within the period.
//! - "Results" are visits that reached closing or signing (V4), and minutes written on
//!   time (V5).
//! - Open questions are the diary lines the rep marked as open; improvements are the
//!   diary's improvements text. Both are listed with their day.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::activity::{Activity, ActivityKind, VisitStage};
use crate::domain::calendar::TeamCalendar;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportPeriod {
    Day,
    Week,
    Month,
}

/// The first and last day of the period containing `day`.
pub fn period_range(period: ReportPeriod, day: NaiveDate) -> (NaiveDate, NaiveDate) {
    match period {
        ReportPeriod::Day => (day, day),
        ReportPeriod::Week => {
            let monday = day - Days::new(u64::from(day.weekday().num_days_from_monday()));
            (monday, monday + Days::new(6))
        }
        ReportPeriod::Month => {
            let first = day.with_day(1).unwrap_or(day);
            let last = first.checked_add_months(Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(day);
            (first, last)
        }
    }
}

/// One rep's diary for one day (V9).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Diary {
    pub rep: String,
    pub day: Option<NaiveDate>,
    pub text: String,
    /// One open question per line.
    pub open_questions: String,
    pub improvements: String,
}

impl Diary {
    /// The open questions, one per non-blank line.
    pub fn questions(&self) -> Vec<String> {
        self.open_questions.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
    }
}

/// A customer on an approved plan for a day (V2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedVisit {
    pub rep: String,
    pub day: NaiveDate,
    pub customer_id: String,
}

/// Where one visit's or meeting's minutes stand, for the report (V5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinutesFact {
    pub rep: String,
    pub meeting_day: NaiveDate,
    pub written: bool,
    pub late_or_overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RepReport {
    pub rep: String,
    /// Activities by kind, in [`ActivityKind`] order: call, visit, meeting, email, SMS.
    pub counts: [u32; 5],
    /// Customers on approved plans in the period.
    pub planned: u32,
    /// Of those, met face to face on the day or later in the period.
    pub planned_met: u32,
    /// Visits no approved plan named for their customer and day (V2): made without the
    /// manager's approval.
    pub unplanned: u32,
    /// Visits that reached closing or signing (V4).
    pub closings: u32,
    pub minutes_on_time: u32,
    pub minutes_late: u32,
    /// `(day, question)`.
    pub open_questions: Vec<(NaiveDate, String)>,
    pub improvements: Vec<(NaiveDate, String)>,
    /// Days in the period with a diary.
    pub diary_days: u32,
}

impl RepReport {
    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }
}

fn kind_index(k: ActivityKind) -> usize {
    match k {
        ActivityKind::Call => 0,
        ActivityKind::Visit => 1,
        ActivityKind::Meeting => 2,
        ActivityKind::Email => 3,
        ActivityKind::Sms => 4,
    }
}

/// V9: one report row per rep in `reps` for the period containing `day`, then (when
/// more than one rep) the team's total as a last row with an empty `rep`.
#[allow(clippy::too_many_arguments)]
pub fn report(
    reps: &[String],
    activities: &[Activity],
    plans: &[PlannedVisit],
    minutes: &[MinutesFact],
    diaries: &[Diary],
    cal: &TeamCalendar,
    period: ReportPeriod,
    day: NaiveDate,
) -> Vec<RepReport> {
    let (first, last) = period_range(period, day);
    let within = |d: NaiveDate| d >= first && d <= last;
    let mut out: Vec<RepReport> = reps
        .iter()
        .map(|rep| {
            let mut r = RepReport { rep: rep.clone(), ..Default::default() };
            let mine: Vec<&Activity> =
                activities.iter().filter(|a| &a.rep == rep && within(cal.local_date(a.at_ms))).collect();
            for a in &mine {
                r.counts[kind_index(a.kind)] += 1;
                if a.visit_stage.is_some_and(|s| s >= VisitStage::Closing) {
                    r.closings += 1;
                }
                if a.kind == ActivityKind::Visit {
                    let day = cal.local_date(a.at_ms);
                    if !plans.iter().any(|p| &p.rep == rep && p.customer_id == a.customer_id && p.day == day) {
                        r.unplanned += 1;
                    }
                }
            }
            let mut seen: Vec<(&str, NaiveDate)> = Vec::new();
            for p in plans.iter().filter(|p| &p.rep == rep && within(p.day)) {
                if seen.contains(&(p.customer_id.as_str(), p.day)) {
                    continue;
                }
                seen.push((&p.customer_id, p.day));
                r.planned += 1;
                if mine.iter().any(|a| {
                    a.kind.is_face_to_face() && a.customer_id == p.customer_id && cal.local_date(a.at_ms) >= p.day
                }) {
                    r.planned_met += 1;
                }
            }
            for m in minutes.iter().filter(|m| &m.rep == rep && within(m.meeting_day)) {
                if m.written && !m.late_or_overdue {
                    r.minutes_on_time += 1;
                } else if m.late_or_overdue {
                    r.minutes_late += 1;
                }
            }
            let mut ds: Vec<&Diary> = diaries.iter().filter(|d| &d.rep == rep && d.day.is_some_and(within)).collect();
            ds.sort_by_key(|d| d.day);
            for d in ds {
                let Some(on) = d.day else { continue };
                r.diary_days += 1;
                r.open_questions.extend(d.questions().into_iter().map(|q| (on, q)));
                if !d.improvements.trim().is_empty() {
                    r.improvements.push((on, d.improvements.trim().to_owned()));
                }
            }
            r
        })
        .collect();
    if out.len() > 1 {
        let mut team = RepReport::default();
        for r in &out {
            for i in 0..5 {
                team.counts[i] += r.counts[i];
            }
            team.planned += r.planned;
            team.planned_met += r.planned_met;
            team.unplanned += r.unplanned;
            team.closings += r.closings;
            team.minutes_on_time += r.minutes_on_time;
            team.minutes_late += r.minutes_late;
            team.diary_days += r.diary_days;
        }
        out.push(team);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("a date")
    }

    #[test]
    fn v9_periods_are_a_day_a_monday_week_and_a_calendar_month() {
        let d = day("2026-02-18"); // a Wednesday
        assert_eq!(period_range(ReportPeriod::Day, d), (d, d));
        assert_eq!(period_range(ReportPeriod::Week, d), (day("2026-02-16"), day("2026-02-22")));
        assert_eq!(period_range(ReportPeriod::Month, d), (day("2026-02-01"), day("2026-02-28")));
        assert_eq!(period_range(ReportPeriod::Month, day("2026-12-31")), (day("2026-12-01"), day("2026-12-31")));
    }

    #[test]
    fn v9_open_questions_are_the_non_blank_lines() {
        let d = Diary { open_questions: "price?\n\n  delivery date? \n".into(), ..Default::default() };
        assert_eq!(d.questions(), vec!["price?".to_string(), "delivery date?".to_string()]);
    }
}
