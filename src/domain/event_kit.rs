//! Materials kits per event (**E2** preparation): a checklist of what is prepared, by
//! whom, by when. Each item is its own document, so two tablets ticking or editing
//! different items offline both keep their change; whether an item is late is derived
//! from its date and the team's today, never stored.
//!
//! ```
//! use chrono::NaiveDate;
//! use outpost::domain::event_kit::{KitItem, KitState};
//! let d = |s: &str| s.parse::<NaiveDate>().unwrap();
//! let item = KitItem { id: "k1".into(), event: "e1".into(), what: "Kite frames ×40".into(), who: "li".into(), due: d("2026-03-05"), done: false };
//! assert_eq!(item.state(d("2026-03-04")), KitState::Open);
//! assert_eq!(item.state(d("2026-03-06")), KitState::Late);
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The longest description of one kit item.
pub const MAX_WHAT_CHARS: usize = 200;

/// One thing to prepare for an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KitItem {
    pub id: String,
    pub event: String,
    /// What to prepare ("Kite frames ×40", "Printed invitations").
    pub what: String,
    /// The profile who prepares it.
    pub who: String,
    /// Ready by this day (team-local).
    pub due: NaiveDate,
    pub done: bool,
}

/// Where an item stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KitState {
    Done,
    /// Not done, due today or later.
    Open,
    /// Not done and its day has passed.
    Late,
}

/// Why a kit item was refused; the UI words each reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum KitError {
    #[error("say what to prepare")]
    WhatEmpty,
    #[error("the description is longer than {MAX_WHAT_CHARS} characters")]
    WhatTooLong,
    #[error("say who prepares it")]
    WhoEmpty,
}

impl KitItem {
    /// The form check: something to prepare and someone to prepare it.
    pub fn check(&self) -> Result<(), KitError> {
        let what = self.what.trim();
        if what.is_empty() {
            return Err(KitError::WhatEmpty);
        }
        if what.chars().count() > MAX_WHAT_CHARS {
            return Err(KitError::WhatTooLong);
        }
        if self.who.trim().is_empty() {
            return Err(KitError::WhoEmpty);
        }
        Ok(())
    }

    pub fn state(&self, today: NaiveDate) -> KitState {
        match (self.done, self.due < today) {
            (true, _) => KitState::Done,
            (false, true) => KitState::Late,
            (false, false) => KitState::Open,
        }
    }
}

/// The kit in the order to work through it: by date, then description; and how many
/// items are done of how many.
pub fn kit_progress(items: &mut [KitItem]) -> (usize, usize) {
    items.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.what.cmp(&b.what)).then_with(|| a.id.cmp(&b.id)));
    (items.iter().filter(|i| i.done).count(), items.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(what: &str, who: &str, due: &str, done: bool) -> KitItem {
        KitItem {
            id: what.into(),
            event: "e1".into(),
            what: what.into(),
            who: who.into(),
            due: due.parse().unwrap(),
            done,
        }
    }

    #[test]
    fn e2_an_item_needs_what_and_who() {
        assert_eq!(item(" ", "li", "2026-03-05", false).check(), Err(KitError::WhatEmpty));
        assert_eq!(item("Kites", "", "2026-03-05", false).check(), Err(KitError::WhoEmpty));
        assert_eq!(item(&"x".repeat(201), "li", "2026-03-05", false).check(), Err(KitError::WhatTooLong));
        assert_eq!(item("Kites", "li", "2026-03-05", false).check(), Ok(()));
    }

    #[test]
    fn e2_an_item_is_late_only_after_its_day_and_never_once_done() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(item("Kites", "li", "2026-03-05", false).state(d("2026-03-05")), KitState::Open);
        assert_eq!(item("Kites", "li", "2026-03-05", false).state(d("2026-03-06")), KitState::Late);
        assert_eq!(item("Kites", "li", "2026-03-05", true).state(d("2026-03-09")), KitState::Done);
    }

    #[test]
    fn e2_the_kit_is_worked_through_by_date() {
        let mut kit = vec![item("Prizes", "li", "2026-03-06", true), item("Kites", "li", "2026-03-05", false)];
        assert_eq!(kit_progress(&mut kit), (1, 2));
        assert_eq!(kit[0].what, "Kites");
    }
}
