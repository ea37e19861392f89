//! **E3** Kiosk PIN attempts: a tablet left in kiosk mode at a public event is handed to
//! strangers all day, and a 4–12 digit PIN falls to patient guessing unless guesses are
//! slowed. The first [`FREE_FAILURES`] wrong PINs cost nothing (staff mistype); every
//! wrong PIN from then on locks the kiosk for [`FIRST_LOCK_MS`], doubling each time up
//! to [`MAX_LOCK_MS`]. While locked, no PIN is checked at all — not even the right one.
//! A right PIN clears the count. The clock is handed in.
//!
//! ```
//! use outpost::domain::pin_attempts::PinAttempts;
//! let mut a = PinAttempts::default();
//! for _ in 0..5 {
//!     assert_eq!(a.wait_ms(0), 0);
//!     a = a.failed(0);
//! }
//! assert_eq!(a.wait_ms(0), 30_000);
//! assert_eq!(a.wait_ms(30_000), 0);
//! assert_eq!(a.failed(30_000).wait_ms(30_000), 60_000);
//! ```

use serde::{Deserialize, Serialize};

/// Wrong PINs allowed before the first lock.
pub const FREE_FAILURES: u32 = 5;
/// The first lock; each later wrong PIN doubles it.
pub const FIRST_LOCK_MS: i64 = 30_000;
/// The longest lock (an hour), so a kiosk is never locked for the rest of the day.
pub const MAX_LOCK_MS: i64 = 60 * 60_000;

/// Wrong PINs since the last right one, and until when the kiosk refuses every PIN.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinAttempts {
    pub failures: u32,
    pub locked_until_ms: i64,
}

/// How long the `failures`-th wrong PIN locks the kiosk.
pub fn lock_for(failures: u32) -> i64 {
    if failures < FREE_FAILURES {
        return 0;
    }
    let doublings = (failures - FREE_FAILURES).min(20);
    FIRST_LOCK_MS.saturating_mul(1 << doublings).min(MAX_LOCK_MS)
}

impl PinAttempts {
    /// Milliseconds before another PIN may be tried; 0 when one may be tried now.
    pub fn wait_ms(&self, now_ms: i64) -> i64 {
        (self.locked_until_ms - now_ms).max(0)
    }

    /// After a wrong PIN at `now_ms`.
    pub fn failed(self, now_ms: i64) -> Self {
        let failures = self.failures.saturating_add(1);
        let lock = lock_for(failures);
        Self { failures, locked_until_ms: if lock > 0 { now_ms.saturating_add(lock) } else { self.locked_until_ms } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_wrong_pins_lock_for_thirty_seconds_and_each_later_one_doubles_it() {
        let leg: Vec<i64> = (1..=9).map(lock_for).collect();
        assert_eq!(leg, [0, 0, 0, 0, 30_000, 60_000, 120_000, 240_000, 480_000]);
    }

    #[test]
    fn the_lock_stops_growing_at_an_hour_however_many_guesses() {
        assert_eq!(lock_for(12), MAX_LOCK_MS);
        assert_eq!(lock_for(u32::MAX), MAX_LOCK_MS);
        let a = PinAttempts { failures: u32::MAX, locked_until_ms: 0 }.failed(i64::MAX - 5);
        assert_eq!(a.failures, u32::MAX);
        assert_eq!(a.locked_until_ms, i64::MAX);
    }

    #[test]
    fn a_clock_set_back_does_not_shorten_the_wait() {
        let a = PinAttempts { failures: 4, locked_until_ms: 0 }.failed(1_000_000);
        assert_eq!(a.wait_ms(1_000_000), 30_000);
        assert_eq!(a.wait_ms(0), 1_030_000);
    }
}
