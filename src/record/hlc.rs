//! Hybrid logical clocks: the stamp on every change.
//!
//! A stamp orders by `(wall_ms, counter, device)`: wall time first so "last writer
//! wins" means what a person expects, a counter for changes in the same millisecond,
//! and the device id as the final tie-break so two devices never produce equal stamps.
//!
//! **Clock trouble.** A tablet whose clock is a year ahead would stamp every change a
//! year ahead and win every conflict until the world caught up. Two defences:
//! - [`Clock::observe`] merges remote stamps but never lets this device's clock jump
//!   more than [`MAX_SKEW_MS`] past its own wall time; it reports a [`SkewWarning`]
//!   naming the device instead, and the data is still merged.
//! - A device learns the real time from the host's `Date` header on every sync
//!   ([`Clock::correct_to_host`]) and stamps later changes with the corrected time — but
//!   only a correction the team's own stamps do not contradict: a host whose clock is
//!   behind what the team already stamped (a NAS reset to 2000), or far from this
//!   device's with nothing to confirm it (a hostile host), is not believed, and the
//!   round says so ([`HostClock`]). The clock itself never goes back.
//! - A correction is remembered with the local time it was learned at, and dropped when
//!   the local clock shows it was set since ([`Clock::offset_ms`]): a tablet told its
//!   clock is three days behind, whose owner then sets it right, would otherwise add the
//!   three days to the right time and stamp every change until its next sync three days
//!   ahead — changes the other tablets hold back, and that win every conflict meanwhile.
//!
//! ```
//! use outpost::record::hlc::Clock;
//! let mut clock = Clock::new("tablet-a");
//! let a = clock.tick(1_000);
//! let b = clock.tick(1_000); // same millisecond: the counter moves
//! let c = clock.tick(900);   // wall clock stepped back: the stamp still moves forward
//! assert!(a < b && b < c);
//! ```

use serde::{Deserialize, Serialize};

/// How far ahead of this device's wall time a remote stamp may pull its clock.
pub const MAX_SKEW_MS: i64 = 5 * 60 * 1000;

/// One change's stamp. Field order is the comparison order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Hlc {
    pub wall_ms: i64,
    pub counter: u32,
    pub device: String,
}

/// How far ahead of this device's (host-corrected) time a remote change may be stamped
/// and still merge at once. Further ahead, it is held back until the time catches up, so
/// a `_deleted` stamped in year 9999 cannot freeze a record. An hour, not
/// [`MAX_SKEW_MS`]: a kiosk that worked offline all day with a clock half an hour fast
/// is common in the field, and its changes are wanted now (its device is still named in a
/// [`SkewWarning`]); a tablet a time zone or a date off is held back and named.
pub const MAX_AHEAD_MS: i64 = 60 * 60 * 1000;

/// How far a host may move this device's clock with nothing in the team's stamps to
/// confirm it.
pub const MAX_UNCONFIRMED_CORRECTION_MS: i64 = 24 * 3600 * 1000;

/// What became of the host's clock reading in a sync round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostClock {
    /// Host and device agree within [`MAX_SKEW_MS`]: no correction.
    InStep,
    /// This device's clock is off; later stamps use the host's time.
    Corrected { offset_ms: i64 },
    /// Not believed: the host's time is behind changes the team has already stamped.
    BehindTeam { host_ms: i64, team_ms: i64 },
    /// Not believed: the host's time is far from this device's and nothing the team
    /// stamped confirms it.
    Unconfirmed { host_ms: i64, off_ms: i64 },
}

/// A remote device whose stamps run ahead of real time by more than [`MAX_SKEW_MS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkewWarning {
    pub device: String,
    pub ahead_ms: i64,
}

/// This device's clock: the last stamp it issued or accepted, plus a correction learned
/// from the host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    pub device: String,
    pub wall_ms: i64,
    pub counter: u32,
    /// Added to the local wall clock: host time minus local time, when they differ by
    /// more than [`MAX_SKEW_MS`]; zero otherwise.
    pub offset_ms: i64,
    /// The local wall time the correction was learned at; `None` for a clock stored by a
    /// build before this was kept (its correction applies as it did then).
    ///
    /// Without a monotonic clock that survives a reload, a later local reading cannot
    /// tell time that passed from a clock that was set; the correction is dropped in the
    /// two cases that reading can tell, and in both the local clock is used alone:
    /// - the device was behind (`offset_ms > 0`) and its clock has since moved on by the
    ///   correction or more: it may have been set right, and adding the correction again
    ///   would stamp the future. If instead that much time passed without a sync, the
    ///   device stamps behind real time, which loses a conflict it might have won but
    ///   holds nothing back anywhere;
    /// - the device was ahead (`offset_ms < 0`) and its clock now reads earlier than when
    ///   the correction was learned: it was set back.
    #[serde(default)]
    pub offset_at_ms: Option<i64>,
}

impl Clock {
    pub fn new(device: &str) -> Self {
        Self { device: device.to_owned(), wall_ms: 0, counter: 0, offset_ms: 0, offset_at_ms: None }
    }

    fn now(&self, local_now_ms: i64) -> i64 {
        let set_since = match self.offset_at_ms {
            Some(at) if self.offset_ms > 0 => {
                local_now_ms >= at.saturating_add(self.offset_ms).saturating_sub(MAX_SKEW_MS)
            }
            Some(at) if self.offset_ms < 0 => local_now_ms < at.saturating_sub(MAX_SKEW_MS),
            _ => false,
        };
        if set_since {
            local_now_ms
        } else {
            local_now_ms.saturating_add(self.offset_ms)
        }
    }

    /// A fresh stamp for a local change, greater than every stamp issued or accepted.
    pub fn tick(&mut self, local_now_ms: i64) -> Hlc {
        let now = self.now(local_now_ms);
        if now > self.wall_ms {
            self.wall_ms = now;
            self.counter = 0;
        } else if let Some(next) = self.counter.checked_add(1) {
            self.counter = next;
        } else {
            // A remote stamp with a counter at u32::MAX must not freeze this clock on one
            // stamp (two changes would tie): move to the next millisecond instead.
            self.wall_ms = self.wall_ms.saturating_add(1);
            self.counter = 0;
        }
        Hlc { wall_ms: self.wall_ms, counter: self.counter, device: self.device.clone() }
    }

    /// This clock kept as the later of itself and `stored`, the clock already in the
    /// store: a sync round reads the clock when it starts and writes it back when it
    /// ends, and an edit stored meanwhile ticked the stored one further. Keeping the
    /// greater (wall, counter) means no stamp is ever issued twice; the correction
    /// (`offset_ms`, `offset_at_ms`) is this clock's, the newer reading of the host.
    pub fn merged_with_stored(mut self, stored: &Clock) -> Clock {
        if (stored.wall_ms, stored.counter) > (self.wall_ms, self.counter) {
            self.wall_ms = stored.wall_ms;
            self.counter = stored.counter;
        }
        self
    }

    /// Takes a remote stamp into account so later local stamps sort after it — unless it
    /// lies more than [`MAX_SKEW_MS`] in the future, in which case the clock advances
    /// only to the bound and the offending device is named.
    pub fn observe(&mut self, remote: &Hlc, local_now_ms: i64) -> Option<SkewWarning> {
        let now = self.now(local_now_ms);
        let bound = now.saturating_add(MAX_SKEW_MS);
        let (wall, counter, warning) = if remote.wall_ms > bound {
            let w = SkewWarning { device: remote.device.clone(), ahead_ms: remote.wall_ms - now };
            (bound, 0, Some(w))
        } else {
            (remote.wall_ms, remote.counter, None)
        };
        if (wall, counter) > (self.wall_ms, self.counter) {
            self.wall_ms = wall;
            self.counter = counter;
        }
        warning
    }

    /// The time this clock stamps with: the local wall clock plus the host correction.
    pub fn corrected_now(&self, local_now_ms: i64) -> i64 {
        self.now(local_now_ms)
    }

    /// Considers the host's time (its `Date` header). `team_newest_ms` is the newest
    /// stamp this device has seen from another device (their heads' clocks), the evidence
    /// a correction is checked against:
    /// - within [`MAX_SKEW_MS`] of the device: no correction;
    /// - behind the team's newest stamp by more than the skew: refused, whatever the size;
    /// - ahead of the device: taken if the team's stamps are ahead of the device too, or
    ///   if it is within [`MAX_UNCONFIRMED_CORRECTION_MS`];
    /// - behind the device (and not behind the team): taken.
    ///
    /// A refused reading leaves the correction in force as it was. The clock's last stamp
    /// is never moved back, so no stamp is issued twice and a later local change always
    /// sorts after an earlier one.
    pub fn correct_to_host(&mut self, host_now_ms: i64, local_now_ms: i64, team_newest_ms: Option<i64>) -> HostClock {
        let diff = host_now_ms.saturating_sub(local_now_ms);
        if let Some(team) = team_newest_ms {
            if host_now_ms < team.saturating_sub(MAX_SKEW_MS) {
                return HostClock::BehindTeam { host_ms: host_now_ms, team_ms: team };
            }
        }
        if diff.abs() <= MAX_SKEW_MS {
            self.offset_ms = 0;
            self.offset_at_ms = None;
            return HostClock::InStep;
        }
        let confirmed = match team_newest_ms {
            Some(team) if diff > 0 => team > local_now_ms.saturating_add(MAX_SKEW_MS),
            Some(_) => true,
            None => false,
        };
        if !confirmed && diff.abs() > MAX_UNCONFIRMED_CORRECTION_MS {
            return HostClock::Unconfirmed { host_ms: host_now_ms, off_ms: diff };
        }
        self.offset_ms = diff;
        self.offset_at_ms = Some(local_now_ms);
        HostClock::Corrected { offset_ms: diff }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_counter_at_its_limit_moves_to_the_next_millisecond_instead_of_repeating_a_stamp() {
        let mut c = Clock::new("a");
        c.observe(&Hlc { wall_ms: 100, counter: u32::MAX - 1, device: "b".into() }, 100);
        let one = c.tick(50);
        let two = c.tick(50);
        let three = c.tick(50);
        assert!(one < two && two < three, "{one:?} {two:?} {three:?}");
        assert_eq!((two.wall_ms, two.counter), (101, 0));
    }

    #[test]
    fn a_clock_written_back_never_goes_behind_the_stored_one() {
        let mut stored = Clock::new("a");
        stored.tick(200);
        let mut older = Clock::new("a");
        older.tick(100);
        older.offset_ms = 7;
        let kept = older.merged_with_stored(&stored);
        assert_eq!((kept.wall_ms, kept.counter, kept.offset_ms), (200, 0, 7));
    }

    #[test]
    fn stamps_from_two_devices_in_the_same_millisecond_are_ordered_by_device() {
        let a = Clock::new("a").tick(5);
        let b = Clock::new("b").tick(5);
        assert!(a < b);
    }

    #[test]
    fn observing_a_later_stamp_makes_the_next_local_stamp_later_still() {
        let mut c = Clock::new("a");
        c.tick(100);
        let remote = Hlc { wall_ms: 200, counter: 7, device: "b".into() };
        assert_eq!(c.observe(&remote, 150), None);
        assert!(c.tick(150) > remote);
    }

    #[test]
    fn a_stamp_a_year_ahead_is_merged_but_does_not_drag_the_clock_with_it() {
        let year = 365 * 24 * 3600 * 1000_i64;
        let mut c = Clock::new("a");
        let remote = Hlc { wall_ms: 1_000 + year, counter: 0, device: "bad-tablet".into() };
        let w = c.observe(&remote, 1_000).expect("warning");
        assert_eq!(w.device, "bad-tablet");
        assert_eq!(w.ahead_ms, year);
        let next = c.tick(1_001);
        assert!(next.wall_ms <= 1_001 + MAX_SKEW_MS, "clock stayed near real time");
    }

    const YEAR: i64 = 365 * 24 * 3600 * 1000;
    const NOW: i64 = 1_780_000_000_000;

    #[test]
    fn the_host_date_corrects_a_clock_that_is_far_off_and_ignores_small_drift() {
        let mut c = Clock::new("a");
        assert_eq!(c.correct_to_host(NOW, NOW + 1_000, None), HostClock::InStep);
        // A tablet a year behind, in a team whose changes are stamped around the host's time.
        let out = c.correct_to_host(NOW, NOW - YEAR, Some(NOW - 60_000));
        assert_eq!(out, HostClock::Corrected { offset_ms: YEAR });
        assert_eq!(c.tick(NOW - YEAR).wall_ms, NOW);
        // A few hours off with nothing to confirm it is still taken.
        let mut d = Clock::new("d");
        assert_eq!(
            d.correct_to_host(NOW, NOW - 3 * 3600 * 1000, None),
            HostClock::Corrected { offset_ms: 3 * 3600 * 1000 }
        );
    }

    #[test]
    fn a_host_whose_clock_reset_to_2000_moves_no_clock_and_is_named() {
        let y2000 = 946_684_800_000;
        let mut c = Clock::new("a");
        let before = c.tick(NOW);
        let out = c.correct_to_host(y2000, NOW, Some(NOW - 60_000));
        assert_eq!(out, HostClock::BehindTeam { host_ms: y2000, team_ms: NOW - 60_000 });
        assert_eq!(c.offset_ms, 0);
        let after = c.tick(NOW + 1);
        assert!(after > before && after.wall_ms == NOW + 1, "new edits keep real time: {after:?}");
        // With no peer stamps yet, a 26-year jump is still refused (unconfirmed).
        let mut fresh = Clock::new("b");
        assert!(matches!(fresh.correct_to_host(y2000, NOW, None), HostClock::Unconfirmed { .. }));
        assert_eq!(fresh.offset_ms, 0);
    }

    #[test]
    fn a_host_claiming_a_day_ahead_that_the_team_does_not_confirm_is_refused() {
        let mut c = Clock::new("a");
        let out = c.correct_to_host(NOW + 3 * 24 * 3600 * 1000, NOW, Some(NOW - 60_000));
        assert!(matches!(out, HostClock::Unconfirmed { .. }), "{out:?}");
        assert_eq!(c.tick(NOW).wall_ms, NOW);
    }

    /// The device was three days behind and corrected by the host; its owner then sets
    /// the clock right while offline. Its next change is stamped at the right time, not
    /// three days ahead (where every other tablet would hold it back).
    #[test]
    fn a_correction_is_dropped_once_the_device_clock_is_set_right() {
        const DAY: i64 = 24 * 3600 * 1000;
        let mut c = Clock::new("a");
        let behind = NOW - 3 * DAY;
        assert_eq!(c.correct_to_host(NOW, behind, Some(NOW - 60_000)), HostClock::Corrected { offset_ms: 3 * DAY });
        // An hour later, clock still wrong: the correction holds.
        assert_eq!(c.tick(behind + 3_600_000).wall_ms, NOW + 3_600_000);
        // Set right two hours after the correction: the local clock alone.
        assert_eq!(c.tick(NOW + 7_200_000).wall_ms, NOW + 7_200_000);
        // A device ahead by a day and corrected, then set back: the local clock alone too.
        let mut d = Clock::new("d");
        assert_eq!(d.correct_to_host(NOW, NOW + DAY, Some(NOW - 60_000)), HostClock::Corrected { offset_ms: -DAY });
        assert_eq!(d.corrected_now(NOW + DAY + 60_000), NOW + 60_000, "not set yet");
        assert_eq!(d.corrected_now(NOW + 120_000), NOW + 120_000, "set back");
        // A clock stored before the learning time was kept applies its correction as before.
        let mut old = Clock::new("o");
        old.offset_ms = 3 * DAY;
        assert_eq!(old.corrected_now(NOW), NOW + 3 * DAY);
        // In step again: nothing to remember.
        c.correct_to_host(NOW + 8_000_000, NOW + 8_000_000, None);
        assert_eq!((c.offset_ms, c.offset_at_ms), (0, None));
    }

    #[test]
    fn the_clock_never_goes_back_even_when_the_host_says_it_is_far_ahead() {
        let mut c = Clock::new("a");
        let ahead = c.tick(NOW + YEAR);
        assert_eq!(c.correct_to_host(NOW, NOW + YEAR, Some(NOW - 1_000)), HostClock::Corrected { offset_ms: -YEAR });
        let next = c.tick(NOW + YEAR);
        assert!(next > ahead, "{next:?} after {ahead:?}");
    }
}
