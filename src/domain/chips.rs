//! Game chips (**E4**): a per-participant ledger folded from immutable moves.
//!
//! A station awards chips; a referee takes back what a substitute player won (a
//! substitute earns no chips); after the event ends chips are redeemed for prizes.
//! [`ledger`] folds the moves of every tablet in `(stamp, id)` order — the HLC is a total
//! order — so every device computes the same balances and the same conflicts.
//!
//! **Double redemption.** Two kiosks offline can each redeem the same chips. In HLC
//! order the later redemption finds fewer chips than it asks for: it is applied only up
//! to the balance (which never goes negative) and reported as a [`Conflict`] naming it
//! and the earlier redemptions it competed with. Staff settle it with a new
//! [`MoveKind::Settle`] entry; nothing is edited. Settlements are applied after every
//! other move, whatever their stamps (see [`ledger`]).
//!
//! Readings chosen where E4 leaves room:
//! - A take-back names a number of chips, not an award entry: the referee may be on a
//!   tablet that has not yet received the award. It is capped at the balance.
//! - A redemption stamped before the event's end is refused in the fold (listed in
//!   [`Ledger::refused`]), whatever the writing tablet checked.
//! - [`Settlement::Void`] undoes the redemption (prize handed back, chips restored);
//!   [`Settlement::WriteOff`] keeps it and closes the conflict, the shortfall forgiven.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::event::{Event, Phase};
use crate::record::hlc::Hlc;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ChipsError {
    #[error("a move must be for at least one chip")]
    ZeroChips,
    #[error("chips can be exchanged for prizes only after the event ends")]
    EventNotOver,
    #[error("the participant has {balance} chips, the prize needs {asked}")]
    NotEnoughChips { balance: u32, asked: u32 },
}

/// One immutable chips entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChipMove {
    pub id: String,
    pub stamp: Hlc,
    /// The participant's key (normalised phone, [`super::participant::Participant::key`]).
    pub participant: String,
    pub kind: MoveKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MoveKind {
    /// Won at a game station.
    Award { station: String, chips: u32 },
    /// The referee takes back chips won by a substitute player.
    TakeBack { chips: u32, reason: String },
    /// Exchanged for a prize after the event.
    Redeem { prize: String, chips: u32 },
    /// Staff settle a double-redemption conflict on `redemption`.
    Settle { redemption: String, outcome: Settlement },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Settlement {
    Void,
    WriteOff,
}

/// One participant's chips.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Balance {
    pub earned: u32,
    pub taken_back: u32,
    pub redeemed: u32,
    pub balance: u32,
}

/// A redemption that asked for more chips than were left when it came, in HLC order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub participant: String,
    pub redemption: String,
    /// Earlier redemptions by the same participant that took the chips first.
    pub earlier: Vec<String>,
    pub asked: u32,
    pub available: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refused {
    pub id: String,
    pub reason: ChipsRefusal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChipsRefusal {
    RedeemedBeforeEventEnd,
    SettlesNoConflict,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ledger {
    pub balances: BTreeMap<String, Balance>,
    /// Open conflicts, in HLC order of the overdrawing redemption.
    pub conflicts: Vec<Conflict>,
    pub refused: Vec<Refused>,
}

impl Ledger {
    pub fn balance(&self, participant: &str) -> u32 {
        self.balances.get(participant).map_or(0, |b| b.balance)
    }
}

/// Folds the moves for one event, in any order, into balances and open conflicts.
pub fn ledger(moves: &[ChipMove], event: &Event) -> Ledger {
    let mut order: Vec<&ChipMove> = moves.iter().collect();
    order.sort_by(|a, b| a.stamp.cmp(&b.stamp).then_with(|| a.id.cmp(&b.id)));
    let mut seen = BTreeSet::new();
    order.retain(|m| seen.insert(m.id.as_str()));
    // Settlements come last whatever their stamps: a conflict exists only once the
    // tablets' entries met, and the tablet settling it may stamp earlier than the
    // redemption it answers (its clock corrected back to the host's after a day on a
    // fast clock). The sort is stable, so each half keeps HLC order.
    order.sort_by_key(|m| matches!(m.kind, MoveKind::Settle { .. }));

    let mut out = Ledger::default();
    // Redemption id → (participant, chips actually taken).
    let mut applied: BTreeMap<&str, (&str, u32)> = BTreeMap::new();
    let mut redemptions: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for m in order {
        let who = m.participant.as_str();
        let b = out.balances.entry(m.participant.clone()).or_default();
        match &m.kind {
            MoveKind::Award { chips, .. } => {
                b.earned += chips;
                b.balance += chips;
            }
            MoveKind::TakeBack { chips, .. } => {
                let taken = (*chips).min(b.balance);
                b.taken_back += taken;
                b.balance -= taken;
            }
            MoveKind::Redeem { chips, .. } => {
                if event.phase(m.stamp.wall_ms) != Phase::Ended {
                    out.refused.push(Refused { id: m.id.clone(), reason: ChipsRefusal::RedeemedBeforeEventEnd });
                    continue;
                }
                let taken = (*chips).min(b.balance);
                let earlier = redemptions.entry(who).or_default();
                if taken < *chips {
                    out.conflicts.push(Conflict {
                        participant: m.participant.clone(),
                        redemption: m.id.clone(),
                        earlier: earlier.iter().map(|s| s.to_string()).collect(),
                        asked: *chips,
                        available: b.balance,
                    });
                }
                b.redeemed += taken;
                b.balance -= taken;
                earlier.push(m.id.as_str());
                applied.insert(m.id.as_str(), (who, taken));
            }
            MoveKind::Settle { redemption, outcome } => {
                let Some(at) = out.conflicts.iter().position(|c| &c.redemption == redemption) else {
                    out.refused.push(Refused { id: m.id.clone(), reason: ChipsRefusal::SettlesNoConflict });
                    continue;
                };
                let conflict = out.conflicts.remove(at);
                if *outcome == Settlement::Void {
                    if let Some((_, taken)) = applied.remove(redemption.as_str()) {
                        let b = out.balances.entry(conflict.participant).or_default();
                        b.redeemed -= taken;
                        b.balance += taken;
                    }
                }
            }
        }
    }
    out
}

/// Checks a redemption before a kiosk writes it, against the ledger it can see now.
/// The fold re-checks after merging: two kiosks can both pass this offline.
pub fn check_redemption(
    ledger: &Ledger,
    event: &Event,
    participant: &str,
    chips: u32,
    now_ms: i64,
) -> Result<(), ChipsError> {
    if chips == 0 {
        return Err(ChipsError::ZeroChips);
    }
    if event.phase(now_ms) != Phase::Ended {
        return Err(ChipsError::EventNotOver);
    }
    let balance = ledger.balance(participant);
    if chips > balance {
        return Err(ChipsError::NotEnoughChips { balance, asked: chips });
    }
    Ok(())
}
