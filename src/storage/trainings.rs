//! Training records on the device (seed 003 职责六): each an immutable entry `training`
//! about its rep. It counts on every device when its author is the rep or held the
//! manager role at its stamp (against the roster; a team without one counts all, as
//! every area does before seals).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::codec::{decode_whole, FieldProblem};
use super::customers::{entry_change, Author};
use super::{RecordStore, StorageError};
use crate::domain::authority::TRAINING;
use crate::domain::profile::Role;
use crate::domain::training::Training;
use crate::record::replica::{Entry, Replica};

#[derive(Serialize, Deserialize)]
struct Body {
    rep: String,
    day: NaiveDate,
    title: String,
    #[serde(default)]
    topic: String,
    minutes: i64,
    #[serde(default)]
    trainer: String,
    #[serde(default)]
    notes: String,
}

/// A stored training with who wrote it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainingEntry {
    pub id: String,
    pub training: Training,
    pub by: String,
    pub at_ms: i64,
}

/// The trainings of `entries` that read, newest day first.
pub fn trainings(entries: &[Entry], problems: &mut Vec<FieldProblem>) -> Vec<TrainingEntry> {
    let mut out: Vec<TrainingEntry> = entries
        .iter()
        .filter(|e| e.kind == TRAINING)
        .filter_map(|e| decode_whole::<Body>(e, problems).map(|b| (e, b)))
        .map(|(e, b)| TrainingEntry {
            id: e.id.clone(),
            training: Training {
                rep: b.rep,
                day: b.day,
                title: b.title,
                topic: b.topic,
                minutes: b.minutes,
                trainer: b.trainer,
                notes: b.notes,
            },
            by: e.author.clone(),
            at_ms: e.stamp.wall_ms,
        })
        .collect();
    out.sort_by(|a, b| b.training.day.cmp(&a.training.day).then(b.at_ms.cmp(&a.at_ms)).then(a.id.cmp(&b.id)));
    out
}

/// Every training the roster lets count: the rep's own, or a manager's for them.
pub async fn load_trainings<S: RecordStore>(s: &S) -> Result<Vec<TrainingEntry>, StorageError> {
    let judge = super::roster::Judge::load(s).await?;
    let entries = judge.entries(s.entries_of_kind(TRAINING).await?);
    let mut out = trainings(&entries, &mut Vec::new());
    if let Some(roster) = judge.roster() {
        out.retain(|t| t.by == t.training.rep || roster.roles_of(&t.by, t.at_ms).contains(&Role::Manager));
    }
    Ok(out)
}

/// One training as an entry (`id` fresh).
pub fn training_change(id: &str, t: &Training, by: &mut Author) -> Replica {
    let body = Body {
        rep: t.rep.clone(),
        day: t.day,
        title: t.title.trim().to_owned(),
        topic: t.topic.trim().to_owned(),
        minutes: t.minutes,
        trainer: t.trainer.trim().to_owned(),
        notes: t.notes.trim().to_owned(),
    };
    entry_change(id, TRAINING, &t.rep, serde_json::to_value(body).unwrap_or(Value::Null), by)
}
