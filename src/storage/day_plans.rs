//! A rep's day plan (V8) from the records: the approved visit plans' slots for the day,
//! the follow-ups the cadence engine has due by then (V6, P8, K3, V1), where each
//! customer is, and the rep's activities that day — pure, so Today and the tests read
//! the same thing.

use chrono::NaiveDate;

use super::activities::{cadence_inputs, ActivityData, ServiceReturn};
use super::projects::open_stages;
use crate::domain::cadence::{next_contact, CadenceRule};
use crate::domain::calendar::TeamCalendar;
use crate::domain::customer_list::CustomerView;
use crate::domain::day_plan::{day_plan, DayPlan, Place};
use crate::domain::visit_plan::PlanStatus;

/// What the cadence needs besides the activity records.
pub struct CadenceContext<'a> {
    pub customers: &'a [CustomerView],
    pub services: &'a [ServiceReturn],
    pub p8_days: u32,
    pub cal: &'a TeamCalendar,
    pub now_ms: i64,
}

/// V8: `rep`'s plan for the team-local `day`. Follow-ups count only for today or a later
/// day (what was due on a past day is not known any more, only what is due now).
pub fn rep_day_plan(data: &ActivityData, ctx: &CadenceContext<'_>, rep: &str, day: NaiveDate) -> DayPlan {
    let slots: Vec<_> = data
        .plans
        .iter()
        .filter(|p| p.rep == rep && p.status == PlanStatus::Approved && p.draft.day == Some(day))
        .flat_map(|p| p.draft.all_slots())
        .collect();
    let today = ctx.cal.local_date(ctx.now_ms);
    let mut due: Vec<(String, CadenceRule)> = Vec::new();
    if day >= today {
        let inputs = cadence_inputs(ctx.customers, &data.activities, &open_stages(&data.projects), ctx.services, rep);
        for (id, input) in inputs {
            let next = next_contact(&input, &data.rules.cadence, ctx.p8_days, ctx.cal, ctx.now_ms).ok().flatten();
            if let Some(n) = next.filter(|n| n.due_on <= day) {
                due.push((id, n.rule));
            }
        }
    }
    let places = |id: &str| {
        let f = &ctx.customers.iter().find(|c| c.rec.id == id)?.rec.file;
        Some(Place { name: f.name.clone(), region: f.region.clone(), address: f.address.clone() })
    };
    let done: Vec<_> = data
        .activities
        .iter()
        .filter(|a| a.rep == rep && ctx.cal.local_date(a.at_ms) == day)
        .map(|a| (a.customer_id.clone(), a.kind))
        .collect();
    day_plan(&slots, &due, &places, &done)
}
