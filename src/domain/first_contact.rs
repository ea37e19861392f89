//! First contact: rule **V1** — company material first (email, post or the website),
//! then a call to confirm it arrived and book a meeting; invitations to seminars and
//! roadshows by phone.
//!
//! A step is what an activity was *for* ([`Activity::first_contact`]); the progress of
//! a customer's first contact is derived from its activities, never stored.
//!
//! Readings chosen where the rule leaves room:
//! - The confirm-and-book call and a seminar invitation are **calls** ("by phone").
//!   Material goes by email (an email activity), by post or through the website (then
//!   the activity is whatever contact told the customer about it: a call, an email or an
//!   SMS), never at a face-to-face meeting — that would already be the meeting.
//! - First contact is over at the first face-to-face activity (a visit or meeting); steps
//!   may be skipped (a customer who calls in and books at once needs no material).
//! - The confirm call falls due [`CadenceSettings::confirm_call_days`] after the material
//!   went out, in the follow-up cadence (`domain::cadence`), until the call is logged or
//!   the customer is met.
//!
//! [`CadenceSettings::confirm_call_days`]: crate::domain::cadence::CadenceSettings

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::activity::{Activity, ActivityKind};

/// How the company material went out (V1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MaterialsVia {
    Email,
    Post,
    Website,
}

impl MaterialsVia {
    pub const ALL: [MaterialsVia; 3] = [MaterialsVia::Email, MaterialsVia::Post, MaterialsVia::Website];
}

/// The first-contact step an activity was (V1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum FirstContactStep {
    /// Company material sent.
    Materials { via: MaterialsVia },
    /// The call that confirms the material arrived and books a meeting.
    ConfirmBooking,
    /// An invitation to a seminar or roadshow.
    Invitation,
}

/// Why a step does not fit its activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum FirstContactError {
    #[error("the confirm-and-book step is a phone call")]
    ConfirmNotACall,
    #[error("a seminar or roadshow invitation is made by phone")]
    InvitationNotACall,
    #[error("material sent by email is an email activity")]
    EmailMaterialsNotAnEmail,
    #[error("material is sent before a meeting, not at one")]
    MaterialsAtAMeeting,
}

/// Whether `step` fits an activity of `kind`.
pub fn check_step(kind: ActivityKind, step: FirstContactStep) -> Result<(), FirstContactError> {
    match step {
        FirstContactStep::ConfirmBooking if kind != ActivityKind::Call => Err(FirstContactError::ConfirmNotACall),
        FirstContactStep::Invitation if kind != ActivityKind::Call => Err(FirstContactError::InvitationNotACall),
        FirstContactStep::Materials { via: MaterialsVia::Email } if kind != ActivityKind::Email => {
            Err(FirstContactError::EmailMaterialsNotAnEmail)
        }
        FirstContactStep::Materials { .. } if kind.is_face_to_face() => Err(FirstContactError::MaterialsAtAMeeting),
        _ => Ok(()),
    }
}

/// What to do next for a customer not yet met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NextFirstStep {
    SendMaterials,
    ConfirmCall,
    FirstMeeting,
}

/// A customer's first contact so far, from its activities.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FirstContact {
    /// The first material sent, and how.
    pub materials: Option<(i64, MaterialsVia)>,
    /// The first confirm-and-book call.
    pub confirmed_ms: Option<i64>,
    /// The first face-to-face activity: first contact is over.
    pub met_ms: Option<i64>,
    /// Every seminar or roadshow invitation, oldest first.
    pub invitations: Vec<i64>,
}

impl FirstContact {
    /// The progress of one customer's first contact from its activities (any order).
    pub fn of<'a>(activities: impl IntoIterator<Item = &'a Activity>) -> Self {
        let mut out = FirstContact::default();
        let earliest = |slot: &mut Option<i64>, at: i64| *slot = Some(slot.map_or(at, |s| s.min(at)));
        for a in activities {
            if a.kind.is_face_to_face() {
                earliest(&mut out.met_ms, a.at_ms);
            }
            match a.first_contact {
                Some(FirstContactStep::Materials { via }) if out.materials.is_none_or(|(at, _)| a.at_ms < at) => {
                    out.materials = Some((a.at_ms, via));
                }
                Some(FirstContactStep::Materials { .. }) => {}
                Some(FirstContactStep::ConfirmBooking) => earliest(&mut out.confirmed_ms, a.at_ms),
                Some(FirstContactStep::Invitation) => out.invitations.push(a.at_ms),
                None => {}
            }
        }
        out.invitations.sort_unstable();
        out
    }

    /// The next step, or `None` once the customer has been met.
    pub fn next(&self) -> Option<NextFirstStep> {
        if self.met_ms.is_some() {
            None
        } else if self.confirmed_ms.is_some() {
            Some(NextFirstStep::FirstMeeting)
        } else if self.materials.is_some() {
            Some(NextFirstStep::ConfirmCall)
        } else {
            Some(NextFirstStep::SendMaterials)
        }
    }

    /// When the material went out, while its confirm call is still owed (the cadence's
    /// anchor for that call).
    pub fn confirm_owed_since(&self) -> Option<i64> {
        match self.next() {
            Some(NextFirstStep::ConfirmCall) => self.materials.map(|(at, _)| at),
            _ => None,
        }
    }
}
