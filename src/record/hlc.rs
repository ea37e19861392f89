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
//!   ([`Clock::correct_to_host`]) and stamps later changes with the corrected time.
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
}

impl Clock {
    pub fn new(device: &str) -> Self {
        Self { device: device.to_owned(), wall_ms: 0, counter: 0, offset_ms: 0 }
    }

    fn now(&self, local_now_ms: i64) -> i64 {
        local_now_ms.saturating_add(self.offset_ms)
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
    /// (`offset_ms`) is this clock's, the newer reading of the host.
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

    /// Adopts the host's time when this device's clock is off by more than the bound.
    /// Returns the correction now in force.
    pub fn correct_to_host(&mut self, host_now_ms: i64, local_now_ms: i64) -> i64 {
        let diff = host_now_ms - local_now_ms;
        self.offset_ms = if diff.abs() > MAX_SKEW_MS { diff } else { 0 };
        // A clock that had run far ahead starts again from the host's time for this
        // round's reckoning; the stored clock never goes back (`merged_with_stored`), so
        // no stamp is issued twice. Changes it already stamped keep their stamps; other
        // devices name this device when they see them (`observe`).
        if self.wall_ms > host_now_ms.saturating_add(MAX_SKEW_MS) {
            self.wall_ms = host_now_ms;
            self.counter = 0;
        }
        self.offset_ms
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

    #[test]
    fn the_host_date_corrects_a_clock_that_is_far_off_and_ignores_small_drift() {
        let mut c = Clock::new("a");
        assert_eq!(c.correct_to_host(10_000, 10_000 + 1_000), 0);
        let year = 365 * 24 * 3600 * 1000_i64;
        assert_eq!(c.correct_to_host(10_000, 10_000 + year), -year);
        assert_eq!(c.tick(10_000 + year).wall_ms, 10_000);
        // A clock that already issued stamps a year ahead is pulled back too.
        let mut bad = Clock::new("bad");
        bad.tick(10_000 + year);
        bad.correct_to_host(10_000, 10_000 + year);
        assert_eq!(bad.tick(10_000 + year).wall_ms, 10_000);
    }
}
