//! Is the team in step? Computed from heads, never assumed from "the round finished".
//!
//! Every head says which published changes of every other device its author has merged
//! (`known_devices`: each device's `content_ms`, when it last published). From the heads this device has read it
//! can tell, per device: whether it has merged everything that device listed, whether
//! that device has read this device's newest head, and whether that device is behind
//! on anyone else. The team is **in step** from this device's view when every known
//! device has read every other's newest head, this device has merged every listed
//! chunk, nothing was refused or held back, and nothing waits in the outbox.

use super::engine::{Held, Rejected, SyncState};
use super::snapshot::known_of;

/// One other device as this device sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceStatus {
    pub device: String,
    /// When it wrote the newest head this device merged fully (its clock), if any.
    pub head_written_ms: Option<i64>,
    /// Its clock as its newest head read says.
    pub clock_ms: Option<i64>,
    /// Chunks its head lists that this device has not merged.
    pub missing: usize,
    /// Files or records of it refused in the last round.
    pub refused: usize,
    /// Its changes held back for being stamped too far ahead.
    pub held: usize,
    /// Whether it has read this device's newest head.
    pub has_mine: bool,
    /// Devices whose newest head (as this device knows it) it has not read.
    pub behind_on: Vec<String>,
}

impl DeviceStatus {
    pub fn in_step(&self) -> bool {
        self.missing == 0 && self.refused == 0 && self.held == 0 && self.has_mine && self.behind_on.is_empty()
    }
}

/// The team as this device sees it after a round.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamStatus {
    pub devices: Vec<DeviceStatus>,
    /// Changes of this device not yet published.
    pub unsynced: usize,
}

impl TeamStatus {
    /// Everyone has everyone's newest changes (this device's view); a team of one is in
    /// step once its changes are published.
    pub fn in_step(&self) -> bool {
        self.unsynced == 0 && self.devices.iter().all(DeviceStatus::in_step)
    }
}

/// Computes the status from the stored sync state and the last round's refusals.
pub fn team_status(me: &str, state: &SyncState, rejected: &[Rejected], held: &[Held], unsynced: usize) -> TeamStatus {
    let mine = state.content_ms;
    let devices = state
        .peers
        .iter()
        .filter(|(d, _)| d.as_str() != me)
        .map(|(d, p)| {
            let read = p.head_hlc.is_some();
            let behind_on = state
                .peers
                .iter()
                .filter(|(q, qs)| *q != d && q.as_str() != me && qs.head_hlc.is_some())
                .filter(|(q, qs)| known_of(&p.known_devices, p.in_step_ms, q).is_none_or(|ms| ms < qs.content_ms))
                .map(|(q, _)| q.clone())
                .collect();
            DeviceStatus {
                device: d.clone(),
                head_written_ms: read.then_some(p.head_written_ms),
                clock_ms: p.head_hlc.as_ref().map(|h| h.wall_ms),
                missing: p.unmerged,
                refused: rejected.iter().filter(|r| &r.device == d).count(),
                held: held.iter().filter(|h| &h.device == d).map(|h| h.count).sum(),
                has_mine: mine
                    .is_none_or(|mine| known_of(&p.known_devices, p.in_step_ms, me).is_some_and(|ms| ms >= mine)),
                behind_on,
            }
        })
        .collect();
    TeamStatus { devices, unsynced }
}
