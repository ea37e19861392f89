//! Day plans: rule **V8** — calls and bookings in the morning, visits in the afternoon;
//! the visits of one day grouped by location.
//!
//! Each customer on a visit plan (V2) gets a [`PlanSlot`]: what the rep will do (a call
//! or booking, or a visit), in which half of the day, and optionally at what time. A
//! rep's day plan puts together the slots of the approved plans for that day and the
//! follow-ups the cadence engine says are due (V6, P8, K3, V1), and ticks off what the
//! day's activities have done. Everything here is derived; only the slots are stored.
//!
//! Readings chosen where the rules leave room:
//! - V8 is advice: a visit in the morning or a call in the afternoon is allowed and
//!   only earns a gentle [`SlotHint`]. A time, when given, decides the half of the day.
//! - A customer without a stored slot (a plan filed before slots existed) is a visit in
//!   the afternoon: that is what a visit plan was.
//! - Due follow-ups are phone contacts (morning), except K3's return visit (afternoon).
//!   A follow-up for a customer already on the plan joins that row instead of adding one
//!   (a planned visit is a contact too).
//! - A call is done by any activity with the customer that day; a visit by a visit or
//!   meeting (face to face) that day.
//! - Afternoon items are grouped by the customer file's region ("no region" last), and
//!   in a group sorted by time (untimed last), then address, then name, so neighbours
//!   follow each other.
//!
//! ```
//! use outpost::domain::day_plan::{slot_hint, PlanKind, Slot, SlotHint};
//! assert_eq!(slot_hint(PlanKind::Visit, Slot::Morning), Some(SlotHint::VisitInMorning)); // V8
//! assert_eq!(slot_hint(PlanKind::Call, Slot::Morning), None);
//! ```

use chrono::{NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use crate::domain::activity::ActivityKind;
use crate::domain::cadence::CadenceRule;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Slot {
    Morning,
    Afternoon,
}

impl Slot {
    /// The half of the day a time falls in (noon starts the afternoon).
    pub fn of_time(t: NaiveTime) -> Slot {
        if t.hour() < 12 {
            Slot::Morning
        } else {
            Slot::Afternoon
        }
    }
}

/// What the rep will do with a customer: phone (a call, or booking a meeting) or go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    Call,
    Visit,
}

/// V8: one customer's place in a visit plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSlot {
    pub customer: String,
    pub kind: PlanKind,
    pub slot: Slot,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<NaiveTime>,
}

impl PlanSlot {
    /// A customer without a stored slot: a visit in the afternoon (see module docs).
    pub fn default_for(customer: &str) -> PlanSlot {
        PlanSlot { customer: customer.to_owned(), kind: PlanKind::Visit, slot: Slot::Afternoon, time: None }
    }

    /// The half of the day: the time's, when there is one.
    pub fn half(&self) -> Slot {
        self.time.map_or(self.slot, Slot::of_time)
    }
}

/// V8: why a slot goes against the advice (computed, never stored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SlotHint {
    VisitInMorning,
    CallInAfternoon,
}

/// V8: the gentle hint for a kind of contact put in a half of the day; `None` when it
/// follows the advice.
pub fn slot_hint(kind: PlanKind, slot: Slot) -> Option<SlotHint> {
    match (kind, slot) {
        (PlanKind::Visit, Slot::Morning) => Some(SlotHint::VisitInMorning),
        (PlanKind::Call, Slot::Afternoon) => Some(SlotHint::CallInAfternoon),
        _ => None,
    }
}

/// V6/P8/K3/V1: the kind of contact a due follow-up asks for.
pub fn follow_up_kind(rule: CadenceRule) -> PlanKind {
    match rule {
        CadenceRule::ServiceReturnVisit => PlanKind::Visit,
        _ => PlanKind::Call,
    }
}

/// Where a customer is, as its file says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    pub name: String,
    pub region: String,
    pub address: String,
}

/// One row of a day plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayItem {
    pub customer: String,
    pub name: String,
    pub address: String,
    pub kind: PlanKind,
    pub half: Slot,
    pub time: Option<NaiveTime>,
    /// On an approved plan (else only a due follow-up).
    pub planned: bool,
    /// The follow-up rule that is due for this customer, if any.
    pub follow_up: Option<CadenceRule>,
    pub hint: Option<SlotHint>,
    /// An activity that day did it.
    pub done: bool,
}

/// The afternoon's items in one region; `region` empty = no region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionGroup {
    pub region: String,
    pub items: Vec<DayItem>,
}

/// V8: a rep's day.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DayPlan {
    pub morning: Vec<DayItem>,
    pub afternoon: Vec<RegionGroup>,
}

impl DayPlan {
    pub fn is_empty(&self) -> bool {
        self.morning.is_empty() && self.afternoon.is_empty()
    }

    /// Every item, morning first.
    pub fn items(&self) -> impl Iterator<Item = &DayItem> {
        self.morning.iter().chain(self.afternoon.iter().flat_map(|g| g.items.iter()))
    }
}

/// V8: builds a rep's day plan from the slots of their approved plans for the day (in
/// filing order; a customer's first slot of a kind counts), the follow-ups due by that
/// day (customer, rule), where each customer is (`None`: no file on this device), and
/// the rep's activities that day (customer, kind).
pub fn day_plan(
    slots: &[PlanSlot],
    due: &[(String, CadenceRule)],
    places: &dyn Fn(&str) -> Option<Place>,
    done: &[(String, ActivityKind)],
) -> DayPlan {
    let mut items: Vec<(String, DayItem)> = Vec::new();
    let place = |c: &str| places(c).unwrap_or_else(|| Place { name: c.to_owned(), ..Place::default() });
    // Each item with its region (trimmed; empty = none).
    let item = |customer: &str, kind: PlanKind, half: Slot, time: Option<NaiveTime>, planned: bool| {
        let p = place(customer);
        let done = done.iter().any(|(c, k)| c == customer && (kind == PlanKind::Call || k.is_face_to_face()));
        let region = p.region.trim().to_owned();
        let item = DayItem {
            customer: customer.to_owned(),
            name: p.name,
            address: p.address,
            kind,
            half,
            time,
            planned,
            follow_up: None,
            hint: slot_hint(kind, half),
            done,
        };
        (region, item)
    };
    for s in slots {
        if !items.iter().any(|(_, i)| i.customer == s.customer && i.kind == s.kind) {
            items.push(item(&s.customer, s.kind, s.half(), s.time, true));
        }
    }
    for (customer, rule) in due {
        let kind = follow_up_kind(*rule);
        // A visit serves a call's contact; a call does not make a visit.
        let joins =
            items.iter().position(|(_, i)| &i.customer == customer && (kind == PlanKind::Call || i.kind == kind));
        match joins {
            Some(i) => {
                items[i].1.follow_up.get_or_insert(*rule);
            }
            None => {
                let half = if kind == PlanKind::Call { Slot::Morning } else { Slot::Afternoon };
                let mut it = item(customer, kind, half, None, false);
                it.1.follow_up = Some(*rule);
                items.push(it);
            }
        }
    }
    // One sort: the morning ahead of the afternoon, whose regions follow each other
    // ("no region" last); then time, address, name.
    items.sort_by(|(ra, a), (rb, b)| sort_key(ra, a).cmp(&sort_key(rb, b)));
    let mut plan = DayPlan::default();
    for (region, it) in items {
        if it.half == Slot::Morning {
            plan.morning.push(it);
        } else if let Some(g) = plan.afternoon.last_mut().filter(|g| g.region == region) {
            g.items.push(it);
        } else {
            plan.afternoon.push(RegionGroup { region, items: vec![it] });
        }
    }
    plan
}

type SortKey<'a> = (bool, bool, &'a str, bool, Option<NaiveTime>, &'a str, &'a str, &'a str);

fn sort_key<'a>(region: &'a str, i: &'a DayItem) -> SortKey<'a> {
    let pm = i.half == Slot::Afternoon;
    let region = if pm { region } else { "" };
    (pm, pm && region.is_empty(), region, i.time.is_none(), i.time, &i.address, &i.name, &i.customer)
}
