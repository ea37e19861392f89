//! Market feedback commands (seeds 000/002/003): anyone of the team reports a customer
//! need or a market observation to a department (every role meets customers, as in S1);
//! a manager records the department's answer — the team has no department roles, so the
//! manager answers for sales management, marketing, product, after-sales and finance
//! alike; a manager, or the author of the report once it is answered, closes it. The
//! same rules hold on every device when folding (`storage::feedback`).

use super::{store, Action, Actor, CommandError, RuleError};
use crate::domain::feedback::{Department, Feedback};
use crate::domain::profile::Role;
use crate::record::replica::Replica;
use crate::storage::feedback::{load_feedback, raised, stepped, Step};
use crate::storage::settings::load_calendar;
use crate::storage::RecordStore;

/// What a report says (the form's fields).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedbackDraft {
    pub customer: Option<String>,
    pub region: String,
    pub topic: String,
    pub text: String,
    pub department: Option<Department>,
}

/// A manager records a department's answer.
pub fn can_answer_feedback(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// A manager, or the report's author, closes it.
pub fn can_close_feedback(actor: &Actor, f: &Feedback) -> bool {
    can_answer_feedback(actor) || actor.profile == f.author
}

/// Reports a need or observation, dated today in the team's calendar.
pub async fn raise_feedback<S: RecordStore>(s: &S, actor: &Actor, d: &FeedbackDraft) -> Result<Replica, CommandError> {
    let today = load_calendar(s).await?.local_date(actor.now_ms);
    let id = format!("fb:{}", actor.id());
    let department = d.department.ok_or(RuleError::NoDepartment)?;
    let f = Feedback::new(&id, &actor.profile, today, d.customer.clone(), &d.region, &d.topic, &d.text, department)
        .map_err(CommandError::rule)?;
    store(s, actor, |by| Ok(raised(&id, &f, by))).await
}

async fn report<S: RecordStore>(s: &S, id: &str) -> Result<Feedback, CommandError> {
    load_feedback(s).await?.into_iter().find(|f| f.id == id).ok_or(RuleError::NotFound("feedback").into())
}

/// A department's follow-up: who answered and what (a manager records it).
pub async fn answer_feedback<S: RecordStore>(
    s: &S,
    actor: &Actor,
    id: &str,
    who: &str,
    answer: &str,
) -> Result<Replica, CommandError> {
    actor.allow(Action::AnswerFeedback, can_answer_feedback(actor))?;
    let mut f = report(s, id).await?;
    f.answer(&actor.profile, who, answer, actor.now_ms).map_err(CommandError::rule)?;
    let eid = actor.id();
    store(s, actor, |by| Ok(stepped(&eid, id, Step::Answered, who, answer, by))).await
}

/// Closes an answered report (a manager, or its author).
pub async fn close_feedback<S: RecordStore>(
    s: &S,
    actor: &Actor,
    id: &str,
    note: &str,
) -> Result<Replica, CommandError> {
    let mut f = report(s, id).await?;
    actor.allow(Action::CloseFeedback, can_close_feedback(actor, &f))?;
    f.close(&actor.profile, note, actor.now_ms).map_err(CommandError::rule)?;
    let eid = actor.id();
    store(s, actor, |by| Ok(stepped(&eid, id, Step::Closed, "", note, by))).await
}
