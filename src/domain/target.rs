//! Targets: rules **T1** (annual, quarterly, monthly and weekly targets per rep and
//! team, tracked and adjusted), **T2** (expectation against result, continuously) and
//! **T3** (a team target split per head; net targets), with the **V7** monthly sales
//! figure.
//!
//! A target is set by an entry (who, when, why), so every adjustment is kept as history
//! and the current target is the newest setting for its period, measure and scope.
//! Results are never stored: they are folded from the records —
//! - **sales**: finance-confirmed payments (O3) by the rep, by the day they were paid;
//! - **new accounts**: customers whose first confirmed payment (the first deal, P2) was
//!   the rep's, counted in the period of that payment;
//! - **net accounts** (T3): new accounts minus customers the rep released to the pool;
//! - **visits** and **calls**: the rep's logged activities of that kind (V3).
//!
//! Progress reads the team's working-day calendar: the run-rate projection and what is
//! needed per working day left count working days only (holidays and make-up days
//! included).
//!
//! ```
//! use outpost::domain::target::split_per_head;
//! let reps = ["li".to_string(), "zhao".into(), "sun".into(), "qian".into()];
//! let split = split_per_head(80_000_000_00, &reps);
//! assert!(split.iter().all(|(_, fen)| *fen == 20_000_000_00));
//! ```

use std::collections::BTreeMap;

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::activity::ActivityKind;
use crate::domain::calendar::TeamCalendar;

/// How long a target's period is (T1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    Year,
    Quarter,
    Month,
    Week,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 4] = [PeriodKind::Year, PeriodKind::Quarter, PeriodKind::Month, PeriodKind::Week];

    pub fn code(self) -> &'static str {
        match self {
            PeriodKind::Year => "year",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Month => "month",
            PeriodKind::Week => "week",
        }
    }

    pub fn from_code(code: &str) -> Option<PeriodKind> {
        PeriodKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One period: its kind and first day. Weeks run Monday to Sunday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub kind: PeriodKind,
    pub start: NaiveDate,
}

impl Period {
    /// The period of `kind` that contains `day`.
    pub fn containing(kind: PeriodKind, day: NaiveDate) -> Period {
        let month0 = day.month0();
        let start = match kind {
            PeriodKind::Year => NaiveDate::from_ymd_opt(day.year(), 1, 1),
            PeriodKind::Quarter => NaiveDate::from_ymd_opt(day.year(), month0 / 3 * 3 + 1, 1),
            PeriodKind::Month => day.with_day(1),
            PeriodKind::Week => day.checked_sub_days(Days::new(u64::from(day.weekday().num_days_from_monday()))),
        };
        Period { kind, start: start.unwrap_or(day) }
    }

    /// The first and last day.
    pub fn range(&self) -> (NaiveDate, NaiveDate) {
        let next = match self.kind {
            PeriodKind::Year => self.start.checked_add_months(Months::new(12)),
            PeriodKind::Quarter => self.start.checked_add_months(Months::new(3)),
            PeriodKind::Month => self.start.checked_add_months(Months::new(1)),
            PeriodKind::Week => self.start.checked_add_days(Days::new(7)),
        };
        (self.start, next.and_then(|d| d.pred_opt()).unwrap_or(self.start))
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        let (a, b) = self.range();
        a <= day && day <= b
    }

    /// The period after (`1`) or before (`-1`) this one.
    pub fn step(&self, by: i32) -> Period {
        let (first, last) = self.range();
        let day = if by >= 0 { last.succ_opt() } else { first.pred_opt() };
        Period::containing(self.kind, day.unwrap_or(first))
    }

    /// A stable text: `2026`, `2026-Q1`, `2026-03`, `2026-W05` (ISO week).
    pub fn code(&self) -> String {
        let s = self.start;
        match self.kind {
            PeriodKind::Year => format!("{}", s.year()),
            PeriodKind::Quarter => format!("{}-Q{}", s.year(), s.month0() / 3 + 1),
            PeriodKind::Month => format!("{}-{:02}", s.year(), s.month()),
            PeriodKind::Week => {
                let w = s.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
        }
    }

    /// The period a [`Period::code`] names; `None` for anything else.
    pub fn parse(code: &str) -> Option<Period> {
        let (year, rest) = match code.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (code, None),
        };
        // Four-digit years only: "26" is not a year anyone means.
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        let (kind, start) = match rest {
            None => (PeriodKind::Year, NaiveDate::from_ymd_opt(year, 1, 1)?),
            Some(r) if r.starts_with('Q') => {
                let q: u32 = r[1..].parse().ok().filter(|q| (1..=4).contains(q))?;
                (PeriodKind::Quarter, NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1)?)
            }
            Some(r) if r.starts_with('W') => {
                let w: u32 = r[1..].parse().ok()?;
                (PeriodKind::Week, NaiveDate::from_isoywd_opt(year, w, chrono::Weekday::Mon)?)
            }
            Some(r) => (PeriodKind::Month, NaiveDate::from_ymd_opt(year, r.parse().ok()?, 1)?),
        };
        let p = Period { kind, start };
        (p.code() == code).then_some(p)
    }
}

/// What a target counts (T1, T3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Finance-confirmed payments, fen.
    Sales,
    NewAccounts,
    /// New accounts minus customers released to the pool.
    NetAccounts,
    Visits,
    Calls,
    /// Applications submitted for review (A1), counted for the application's rep on the
    /// day of its first submission.
    Applications,
    /// One of the counts the team defines, logged by each rep (the goal names it).
    Count,
}

impl Measure {
    /// The measures read from the records; [`Measure::Count`] goes with a count's name.
    pub const ALL: [Measure; 6] = [
        Measure::Sales,
        Measure::NewAccounts,
        Measure::NetAccounts,
        Measure::Visits,
        Measure::Calls,
        Measure::Applications,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Measure::Sales => "sales",
            Measure::NewAccounts => "new_accounts",
            Measure::NetAccounts => "net_accounts",
            Measure::Visits => "visits",
            Measure::Calls => "calls",
            Measure::Applications => "applications",
            Measure::Count => "count",
        }
    }

    pub fn from_code(code: &str) -> Option<Measure> {
        Measure::ALL.into_iter().chain([Measure::Count]).find(|m| m.code() == code)
    }

    /// Whether amounts are money (fen) rather than counts.
    pub fn is_money(self) -> bool {
        self == Measure::Sales
    }
}

/// What a target counts: a measure and what of it — for sales, optionally one product
/// line (T3; `None` counts every line); for [`Measure::Count`], the team's count by name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Goal {
    pub measure: Measure,
    pub of: Option<String>,
}

impl Goal {
    /// The measure over every product line.
    pub fn all(measure: Measure) -> Goal {
        Goal { measure, of: None }
    }

    /// Sales of one product line.
    pub fn line(name: &str) -> Goal {
        Goal { measure: Measure::Sales, of: Some(name.to_owned()) }
    }

    /// One of the counts the team defined.
    pub fn count(name: &str) -> Goal {
        Goal { measure: Measure::Count, of: Some(name.to_owned()) }
    }
}

/// Whose target: the team's, or one rep's (a profile id).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "of", content = "rep")]
pub enum Scope {
    Team,
    Rep(String),
}

/// One setting of a target: the entry's body with who set it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetSetting {
    pub period: Period,
    pub measure: Measure,
    pub scope: Scope,
    /// Fen for sales, a count otherwise.
    pub amount: i64,
    /// Why it was set or changed (T2: adjusted continuously, with the reason kept).
    pub reason: String,
    pub by: String,
    pub at_ms: i64,
    /// T3: the product line a sales target is for (`None`: every line), or the name of
    /// the team's count.
    pub of: Option<String>,
}

impl TargetSetting {
    pub fn goal(&self) -> Goal {
        Goal { measure: self.measure, of: self.of.clone() }
    }
}

/// Why a target cannot be set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error("a target cannot be negative")]
    Negative,
    #[error("a change of a target needs a reason")]
    NoReason,
    #[error("there is no team target to split for this period and measure")]
    NoTeamTarget,
    #[error("there are no reps to split the target between")]
    NoReps,
    /// Only sales are counted per product line.
    #[error("a product line's target counts sales only")]
    LineNotSales,
    /// A count target names one of the team's counts.
    #[error("a count target names one of the team's counts")]
    NoCountName,
    /// A tally is a whole number other than 0, for a day not in the future.
    #[error("a tally is not zero and not for a day to come")]
    BadTally,
}

/// Every setting, oldest first; the current target of a (period, measure, scope) is the
/// newest setting of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Targets {
    pub history: Vec<TargetSetting>,
}

impl Targets {
    /// From settings in any order: sorted by when they were made (then by who, so two
    /// settings in the same millisecond order the same on every device).
    pub fn fold(mut settings: Vec<TargetSetting>) -> Targets {
        settings.sort_by(|a, b| a.at_ms.cmp(&b.at_ms).then_with(|| a.by.cmp(&b.by)));
        Targets { history: settings }
    }

    /// The current target of `measure` over every product line.
    pub fn current(&self, period: &Period, measure: Measure, scope: &Scope) -> Option<&TargetSetting> {
        self.current_for(period, &Goal::all(measure), scope)
    }

    pub fn current_for(&self, period: &Period, goal: &Goal, scope: &Scope) -> Option<&TargetSetting> {
        self.history.iter().rev().find(|s| s.period == *period && s.goal() == *goal && s.scope == *scope)
    }

    /// The settings of one period and measure, newest first (the history a screen shows).
    pub fn history_of(&self, period: &Period, measure: Measure) -> Vec<&TargetSetting> {
        self.history_for(period, &Goal::all(measure))
    }

    pub fn history_for(&self, period: &Period, goal: &Goal) -> Vec<&TargetSetting> {
        self.history.iter().rev().filter(|s| s.period == *period && s.goal() == *goal).collect()
    }
}

/// T2: a new setting is checked before it is written: not negative, and a change of an
/// existing target says why.
pub fn check_setting(targets: &Targets, s: &TargetSetting) -> Result<(), TargetError> {
    if s.amount < 0 {
        return Err(TargetError::Negative);
    }
    match (s.measure, &s.of) {
        (Measure::Count, None) => return Err(TargetError::NoCountName),
        (Measure::Sales | Measure::Count, _) | (_, None) => {}
        (_, Some(_)) => return Err(TargetError::LineNotSales),
    }
    if targets.current_for(&s.period, &s.goal(), &s.scope).is_some() && s.reason.trim().is_empty() {
        return Err(TargetError::NoReason);
    }
    Ok(())
}

/// T3: `total` split evenly per head (80 M for 4 reps → 20 M each); a remainder that
/// does not divide goes one unit each to the first reps in `reps`' order, so the parts
/// always add up to the total.
pub fn split_per_head(total: i64, reps: &[String]) -> Vec<(String, i64)> {
    let n = reps.len() as i64;
    if n == 0 {
        return Vec::new();
    }
    let (each, rest) = (total.div_euclid(n), total.rem_euclid(n));
    reps.iter().enumerate().map(|(i, r)| (r.clone(), each + i64::from((i as i64) < rest))).collect()
}

/// A confirmed payment as targets read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaidFact {
    pub customer: String,
    pub rep: String,
    pub amount_fen: i64,
    pub paid_on: NaiveDate,
}

/// T3: a confirmed payment's share of one product line (see [`share_by_line`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineSale {
    pub rep: String,
    pub line: String,
    pub amount_fen: i64,
    pub paid_on: NaiveDate,
}

/// T3: a payment applied to an order shared out over the order's product lines by each
/// line's net amount (lines of one product line added together, in first-seen order),
/// the fen left over by largest remainder, so the shares add up to the payment. An
/// order with no amount puts it all on the blank line.
pub fn share_by_line(amount_fen: i64, lines: &[(String, i64)]) -> Vec<(String, i64)> {
    let mut weights: Vec<(String, u64)> = Vec::new();
    for (line, fen) in lines {
        let w = u64::try_from(*fen).unwrap_or(0);
        match weights.iter_mut().find(|(l, _)| l == line) {
            Some((_, x)) => *x = x.saturating_add(w),
            None => weights.push((line.clone(), w)),
        }
    }
    if weights.iter().all(|(_, w)| *w == 0) {
        return vec![(String::new(), amount_fen)];
    }
    let parts = crate::domain::incentive::split_fen(amount_fen, &weights.iter().map(|(_, w)| *w).collect::<Vec<_>>());
    weights.into_iter().zip(parts).map(|((l, _), p)| (l, p)).collect()
}

/// A count a rep logged against one of the team's counts (T1: "any count the team
/// defines"): who, which count, the day it is for, how many (negative corrects).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub rep: String,
    pub name: String,
    pub day: NaiveDate,
    pub count: i64,
}

fn mine(scope: &Scope, rep: &str) -> bool {
    match scope {
        Scope::Team => true,
        Scope::Rep(r) => r == rep,
    }
}

/// What results are folded from (every input already filtered by the roster).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TargetFacts {
    pub payments: Vec<PaidFact>,
    /// Confirmed payments applied to orders, per product line (T3).
    pub line_sales: Vec<LineSale>,
    /// What reps logged against the team's own counts.
    pub tallies: Vec<Tally>,
    /// Customers a rep released to the pool: (rep, day).
    pub releases: Vec<(String, NaiveDate)>,
    /// Logged activities: (rep, kind, day).
    pub activities: Vec<(String, ActivityKind, NaiveDate)>,
    /// Applications first submitted for review (A1): (rep, day).
    pub applications: Vec<(String, NaiveDate)>,
}

impl TargetFacts {
    /// The result of `goal` for `scope` in `period`: one product line's sales, or the
    /// measure over every line.
    pub fn actual_for(&self, goal: &Goal, scope: &Scope, period: &Period) -> i64 {
        match (&goal.of, goal.measure) {
            (Some(name), Measure::Count) => self
                .tallies
                .iter()
                .filter(|t| t.name == *name && period.contains(t.day) && mine(scope, &t.rep))
                .map(|t| t.count)
                .sum(),
            (None, Measure::Count) => 0,
            (Some(line), _) => self
                .line_sales
                .iter()
                .filter(|s| s.line == *line && period.contains(s.paid_on) && mine(scope, &s.rep))
                .map(|s| s.amount_fen)
                .sum(),
            (None, _) => self.actual(goal.measure, scope, period),
        }
    }

    /// The result of `measure` for `scope` in `period`.
    pub fn actual(&self, measure: Measure, scope: &Scope, period: &Period) -> i64 {
        let mine = |rep: &str| match scope {
            Scope::Team => true,
            Scope::Rep(r) => r == rep,
        };
        let count = |n: usize| n as i64;
        match measure {
            Measure::Sales => {
                self.payments.iter().filter(|p| mine(&p.rep) && period.contains(p.paid_on)).map(|p| p.amount_fen).sum()
            }
            Measure::NewAccounts => {
                count(self.first_deals().filter(|p| mine(&p.rep) && period.contains(p.paid_on)).count())
            }
            Measure::NetAccounts => {
                let lost = self.releases.iter().filter(|(r, d)| mine(r) && period.contains(*d)).count();
                self.actual(Measure::NewAccounts, scope, period) - count(lost)
            }
            Measure::Visits | Measure::Calls => {
                let kind = if measure == Measure::Visits { ActivityKind::Visit } else { ActivityKind::Call };
                count(self.activities.iter().filter(|(r, k, d)| mine(r) && *k == kind && period.contains(*d)).count())
            }
            Measure::Applications => {
                count(self.applications.iter().filter(|(r, d)| mine(r) && period.contains(*d)).count())
            }
            // A team's count is read by its name ([`Self::actual_for`]).
            Measure::Count => 0,
        }
    }

    /// Each customer's first confirmed payment (P2: the first deal), earliest paid day
    /// first, ties by rep so every device picks the same.
    fn first_deals(&self) -> impl Iterator<Item = &PaidFact> {
        let mut first: BTreeMap<&str, &PaidFact> = BTreeMap::new();
        for p in &self.payments {
            let keep = first.get(p.customer.as_str()).is_none_or(|f| (p.paid_on, &p.rep) < (f.paid_on, &f.rep));
            if keep {
                first.insert(&p.customer, p);
            }
        }
        first.into_values()
    }
}

/// T2: expectation against result on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Progress {
    pub target: i64,
    pub actual: i64,
    /// Result ÷ target in basis points (10,000 = 100 %), rounded down; `None` without a
    /// target above zero.
    pub attainment_bp: Option<i64>,
    /// Working days of the period gone by `today` (today included) and in all.
    pub days_done: i64,
    pub days_total: i64,
    /// The result at this pace by the period's end: actual × days_total ÷ days_done,
    /// rounded down; the actual itself before the first working day.
    pub projected: i64,
    /// What is still missing (never negative).
    pub gap: i64,
    /// The gap spread over the working days left after today, rounded up; `None` when
    /// none are left or nothing is missing.
    pub per_day_needed: Option<i64>,
}

/// T2: the current target of `measure` for `scope` in `period` and the progress against
/// it on `today` — what the board and the monthly report (A3) both show.
pub fn standing<'a>(
    targets: &'a Targets,
    facts: &TargetFacts,
    period: &Period,
    measure: Measure,
    scope: &Scope,
    today: NaiveDate,
    cal: &TeamCalendar,
) -> (Option<&'a TargetSetting>, Progress) {
    standing_for(targets, facts, period, &Goal::all(measure), scope, today, cal)
}

/// [`standing`] of any goal (a product line's sales included).
pub fn standing_for<'a>(
    targets: &'a Targets,
    facts: &TargetFacts,
    period: &Period,
    goal: &Goal,
    scope: &Scope,
    today: NaiveDate,
    cal: &TeamCalendar,
) -> (Option<&'a TargetSetting>, Progress) {
    let target = targets.current_for(period, goal, scope);
    let actual = facts.actual_for(goal, scope, period);
    (target, progress(target.map_or(0, |t| t.amount), actual, period, today, cal))
}

/// Working days in `from..=to`.
fn working_days(cal: &TeamCalendar, from: NaiveDate, to: NaiveDate) -> i64 {
    match from.pred_opt() {
        Some(before) if to >= from => cal.working_days_between(before, to),
        _ => 0,
    }
}

pub fn progress(target: i64, actual: i64, period: &Period, today: NaiveDate, cal: &TeamCalendar) -> Progress {
    let (first, last) = period.range();
    let days_total = working_days(cal, first, last);
    let days_done = working_days(cal, first, today.min(last));
    let projected = if days_done > 0 && days_total > 0 {
        i64::try_from(i128::from(actual) * i128::from(days_total) / i128::from(days_done)).unwrap_or(i64::MAX)
    } else {
        actual
    };
    let gap = (target - actual).max(0);
    let left = days_total - days_done;
    let per_day_needed = (gap > 0 && left > 0).then(|| (gap + left - 1) / left);
    let attainment_bp =
        (target > 0).then(|| i64::try_from(i128::from(actual) * 10_000 / i128::from(target)).unwrap_or(i64::MAX));
    Progress { target, actual, attainment_bp, days_done, days_total, projected, gap, per_day_needed }
}
