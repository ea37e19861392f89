//! Who sees what on Today and Reports (V7, V9, A2): reps see their own numbers, the
//! manager sees the team's; quotas, diaries and KPIs are kept per rep. These are read
//! views, not commands, but the role policy lives here with the commands' so the
//! components ask one place.

use super::Actor;
use crate::domain::profile::Role;
use crate::storage::people::Person;

/// V7/V9/A2: the manager sees every rep's quota progress, reports and KPIs.
pub fn can_see_team(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// V7/V9/A2: whose work is reported: the team's reps.
pub fn is_reported(person: &Person) -> bool {
    person.role == Role::Rep
}
