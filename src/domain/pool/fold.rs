//! The ownership fold: P1–P9 applied to one customer's facts in stamp order.
//!
//! Before each fact, and finally at `now_ms`, the owner's deadline is checked: a
//! customer whose P1/P3 deadline has come returned to the pool *at the deadline*, so a
//! claim stamped a minute later finds it ownerless on every device.
//!
//! Readings chosen where the rules leave room (domain.md asks us to say which):
//! - **P2 in the pool.** A confirmed payment while the customer is ownerless makes the
//!   closing rep the owner (reason `FirstDeal`), not only the first payment ever: a
//!   customer actively buying from a rep should not sit in the pool for anyone to claim.
//! - **P3 clock.** A sale counts from its payment date (team midnight), capped at the
//!   confirmation stamp so a mistyped future date cannot extend ownership. The deadline
//!   runs from the later of the last sale and the start of the current holding, so a rep
//!   who claims a lapsed customer gets a full `p3_months`.
//! - **P8.** Assigning a customer to the rep who already holds it starts no new contact
//!   window (it is not *newly* assigned). A contact after the week still clears the flag:
//!   the manager *may* reassign, and once the rep has called there is nothing to act on.
//!   A confirmed payment closed by the owner counts as contact.
//! - **P9.** The release note is accepted from the owner, or after an expiry from the rep
//!   it expired from, whatever the fact's `expired` flag says: that flag is one tablet's
//!   view before merging, the fold decides from the merged state.
//! - **P9 sent back.** A manager's `pool.note_returned` counts only while the customer is
//!   still in the pool from that rep's release; the rep then owes a fuller note, and the
//!   answer is a second release entry (history keeps both notes). A claim meanwhile
//!   clears the request unless the team requires notes, which holds the customer.
//! - A first-contact entry by another rep while the customer is held is a conflicting
//!   claim and is reported as a [`LostClaim`](super::LostClaim) (two reps entering the
//!   same customer offline); once the customer has ever been owned it is ignored —
//!   the pool is entered by claim.

use std::collections::BTreeSet;

use chrono::{DateTime, Months, NaiveDate, NaiveTime};

use super::ownership::{days_ms, team_offset};
use super::{
    Change, Expiry, Fact, FactKind, HistoryItem, LostClaim, OwnReason, Ownership, PoolSettings, ReleaseNote,
    ReturnedNote, Rule,
};

/// Folds one customer's facts, in any order, into its ownership as of `now_ms`.
/// Facts with the same id are one fact (an entry merged twice).
pub fn ownership(facts: &[Fact], now_ms: i64, settings: &PoolSettings) -> Ownership {
    let mut order: Vec<&Fact> = facts.iter().collect();
    order.sort_by(|a, b| a.stamp.cmp(&b.stamp).then_with(|| a.id.cmp(&b.id)));
    let mut seen = BTreeSet::new();
    let mut fold = Fold { o: Ownership::empty(settings.utc_offset_minutes), settings };
    for fact in order {
        if !seen.insert(fact.id.as_str()) {
            continue;
        }
        fold.expire_by(fact.stamp.wall_ms);
        fold.apply(fact);
    }
    fold.expire_by(now_ms);
    fold.finish()
}

struct Fold<'a> {
    o: Ownership,
    settings: &'a PoolSettings,
}

impl Fold<'_> {
    fn apply(&mut self, fact: &Fact) {
        let at = fact.stamp.wall_ms;
        // A first contact, a claim and a logged contact are a rep's own acts (P1, P5/P6,
        // P8): one naming another rep than its author counts on no device, so nobody can
        // claim a customer for someone else or clear someone else's P8 deadline.
        if let FactKind::FirstContact { rep } | FactKind::Claim { rep } | FactKind::Contact { rep } = &fact.kind {
            if rep != &fact.author {
                return;
            }
        }
        match &fact.kind {
            FactKind::FirstContact { rep } => {
                if self.o.owner.is_none() && !self.o.ever_owned {
                    self.take(fact, rep, OwnReason::FirstContact, String::new());
                } else {
                    self.lose_claim(fact, rep);
                }
            }
            FactKind::Claim { rep } => {
                if self.held() {
                    // Held for the P9 note: not in the pool yet, the claim takes nothing.
                } else if self.o.owner.is_none() {
                    self.take(fact, rep, OwnReason::Claimed, String::new());
                } else {
                    self.lose_claim(fact, rep);
                }
            }
            FactKind::Assign { rep, reason, note } => {
                let already = self.holds(rep);
                let pending = self.o.reassign_due;
                self.take(fact, rep, (*reason).into(), note.clone());
                self.o.reassign_due =
                    if already { pending } else { Some(at.saturating_add(days_ms(self.settings.p8_days))) };
            }
            FactKind::Release { rep, note, .. } => self.release(fact, rep, note),
            FactKind::Payment { rep, paid_on, .. } => {
                let first = self.o.first_sale_ms.is_none();
                let sale = self.sale_instant(*paid_on).min(at);
                self.o.first_sale_ms = Some(self.o.first_sale_ms.map_or(sale, |s| s.min(sale)));
                self.o.last_sale_ms = Some(self.o.last_sale_ms.map_or(sale, |s| s.max(sale)));
                if first || self.o.owner.is_none() {
                    self.take(fact, rep, OwnReason::FirstDeal, String::new());
                } else if self.holds(rep) {
                    self.o.reassign_due = None;
                }
            }
            FactKind::Contact { rep } => {
                if self.holds(rep) {
                    self.o.reassign_due = None;
                }
            }
            FactKind::Reviewed => {}
            FactKind::NoteReturned { rep, comment } => self.note_returned(fact, rep, comment),
        }
    }

    /// P9 with the team's requirement on: an owed note keeps the customer out of the pool.
    fn held(&self) -> bool {
        self.settings.require_release_note && self.o.owner.is_none() && self.o.needs_release_note.is_some()
    }

    /// P9: a manager asks `rep` for more detail on the release that put the customer in
    /// the pool; ignored when the customer has an owner again or `rep` did not release it.
    fn note_returned(&mut self, fact: &Fact, rep: &str, comment: &str) {
        if self.o.last_release().map(|(r, _)| r) != Some(rep) {
            return;
        }
        self.o.needs_release_note = Some(rep.to_owned());
        self.o.returned_note =
            Some(ReturnedNote { by: fact.author.clone(), at_ms: fact.stamp.wall_ms, comment: comment.to_owned() });
        self.o.history.push(HistoryItem {
            at_ms: fact.stamp.wall_ms,
            fact_id: Some(fact.id.clone()),
            by: Some(fact.author.clone()),
            from: Some(rep.to_owned()),
            to: None,
            change: Change::NoteReturned { comment: comment.to_owned() },
        });
    }

    fn holds(&self, rep: &str) -> bool {
        self.o.owner.as_deref() == Some(rep)
    }

    /// `rep` becomes (or stays) the owner. A holder keeps their `since`: the holding is
    /// unbroken, only its reason changes.
    fn take(&mut self, fact: &Fact, rep: &str, reason: OwnReason, note: String) {
        let from = self.o.owner.take();
        if from.as_deref() != Some(rep) {
            self.o.since_ms = Some(fact.stamp.wall_ms);
        }
        self.o.owner = Some(rep.to_owned());
        self.o.reason = Some(reason);
        self.o.ever_owned = true;
        self.o.needs_release_note = None;
        self.o.returned_note = None;
        self.o.reassign_due = None;
        self.o.history.push(HistoryItem {
            at_ms: fact.stamp.wall_ms,
            fact_id: Some(fact.id.clone()),
            by: Some(fact.author.clone()),
            from,
            to: Some(rep.to_owned()),
            change: Change::Owned { reason, note },
        });
    }

    /// P6: the earlier holder keeps the customer; the loser learns who and since when.
    fn lose_claim(&mut self, fact: &Fact, rep: &str) {
        let (Some(holder), Some(since)) = (&self.o.owner, self.o.since_ms) else {
            return;
        };
        if holder == rep {
            return;
        }
        self.o.lost_claims.push(LostClaim {
            fact_id: fact.id.clone(),
            rep: rep.to_owned(),
            at_ms: fact.stamp.wall_ms,
            holder: holder.clone(),
            holder_since_ms: since,
        });
    }

    fn release(&mut self, fact: &Fact, rep: &str, note: &ReleaseNote) {
        let after_expiry = if self.holds(rep) {
            false
        } else if self.o.owner.is_none() && self.o.needs_release_note.as_deref() == Some(rep) {
            true
        } else {
            return;
        };
        let after_expiry = after_expiry && self.o.returned_note.is_none();
        self.return_to_pool();
        self.o.needs_release_note = None;
        self.o.returned_note = None;
        self.o.history.push(HistoryItem {
            at_ms: fact.stamp.wall_ms,
            fact_id: Some(fact.id.clone()),
            by: Some(fact.author.clone()),
            from: Some(rep.to_owned()),
            to: None,
            change: Change::Released { note: note.clone(), after_expiry },
        });
    }

    /// P1/P3: if the owner's deadline has come by `t`, the customer went back at the deadline.
    fn expire_by(&mut self, t: i64) {
        let Some((deadline, rule)) = self.deadline() else {
            return;
        };
        if deadline > t {
            return;
        }
        let Some(rep) = self.return_to_pool() else {
            return;
        };
        self.o.history.push(HistoryItem {
            at_ms: deadline,
            fact_id: None,
            by: None,
            from: Some(rep.clone()),
            to: None,
            change: Change::Expired { rule },
        });
        self.o.needs_release_note = Some(rep.clone());
        self.o.last_expiry = Some(Expiry { rep, at_ms: deadline, rule });
    }

    fn return_to_pool(&mut self) -> Option<String> {
        self.o.reason = None;
        self.o.since_ms = None;
        self.o.reassign_due = None;
        self.o.owner.take()
    }

    /// The current owner's return deadline: P1 without any sale, P3 with one.
    fn deadline(&self) -> Option<(i64, Rule)> {
        self.o.owner.as_ref()?;
        let since = self.o.since_ms?;
        match self.o.last_sale_ms {
            None => self.add_months(since, self.settings.p1_months).map(|t| (t, Rule::P1)),
            Some(sale) => self.add_months(since.max(sale), self.settings.p3_months).map(|t| (t, Rule::P3)),
        }
    }

    /// Calendar months in the team's time zone; a day past the month's end clamps to it
    /// (31 January + 1 month = 28 or 29 February). `None` only past the end of time.
    fn add_months(&self, instant_ms: i64, months: u32) -> Option<i64> {
        let local = DateTime::from_timestamp_millis(instant_ms)?.with_timezone(&self.offset());
        local.checked_add_months(Months::new(months)).map(|t| t.timestamp_millis())
    }

    fn sale_instant(&self, paid_on: NaiveDate) -> i64 {
        paid_on
            .and_time(NaiveTime::MIN)
            .and_local_timezone(self.offset())
            .single()
            .map_or(i64::MIN, |t| t.timestamp_millis())
    }

    fn offset(&self) -> chrono::FixedOffset {
        team_offset(self.settings.utc_offset_minutes)
    }

    fn finish(mut self) -> Ownership {
        let deadline = self.deadline();
        self.o.returns_at_ms = deadline.map(|(t, _)| t);
        self.o.returns_rule = deadline.map(|(_, rule)| rule);
        self.o.held_for_note = self.held();
        self.o
    }
}
