//! Repair and maintenance jobs on the device (seed 002 售后服務): a job is an editable
//! document `repair_job`, its status steps immutable entries `repair.step`; both are
//! role-gated to the sales side (rep, manager) in `domain::authority`, re-checked on
//! every device. Steps fold in stamp order, forward only (`RepairJob::push_step`).

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::codec::{decode_doc, decode_whole, Codec, Reader};
use super::customers::{entry_change, Author};
use super::{RecordStore, StorageError};
use crate::domain::authority::{REPAIR_JOB, REPAIR_STEP};
use crate::domain::repair::{RepairJob, RepairStatus, RepairStep};
use crate::record::replica::{Document, Entry, Replica};

impl Codec for RepairJob {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("customer", json!(self.customer_id)),
            ("kind", serde_json::to_value(self.kind).unwrap_or(Value::Null)),
            ("equipment", json!(self.equipment)),
            ("problem", json!(self.problem)),
            ("reported_on", json!(self.reported_on)),
            ("promised_on", self.promised_on.map(|d| json!(d)).unwrap_or(Value::Null)),
            ("assigned_to", json!(self.assigned_to)),
            ("cost", self.cost_fen.map(|c| json!(c)).unwrap_or(Value::Null)),
        ]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let reported_on = r.date("reported_on");
        let reported_on = r.require("reported_on", reported_on)?;
        Some(RepairJob {
            id: r.record_id().to_owned(),
            customer_id: r.text("customer"),
            kind: r.choice("kind").unwrap_or_default(),
            equipment: r.text("equipment"),
            problem: r.text("problem"),
            reported_on,
            promised_on: r.date("promised_on"),
            assigned_to: r.text("assigned_to"),
            cost_fen: r.money("cost"),
            steps: Vec::new(),
        })
    }
}

#[derive(Serialize, Deserialize)]
struct StepBody {
    status: RepairStatus,
    #[serde(default)]
    note: String,
}

/// Jobs with their steps (pure; tested natively).
pub fn assemble(docs: &[Document], entries: &[Entry]) -> Vec<RepairJob> {
    let mut problems = Vec::new();
    let mut jobs: Vec<RepairJob> = docs
        .iter()
        .filter(|d| d.kind == REPAIR_JOB && !d.is_deleted())
        .filter_map(|d| decode_doc::<RepairJob>(d, &mut problems))
        .collect();
    let mut steps: Vec<&Entry> = entries.iter().filter(|e| e.kind == REPAIR_STEP).collect();
    steps.sort_by(|a, b| a.stamp.cmp(&b.stamp));
    for e in steps {
        let Some(job) = jobs.iter_mut().find(|j| j.id == e.subject) else { continue };
        if let Some(b) = decode_whole::<StepBody>(e, &mut problems) {
            job.push_step(RepairStep { status: b.status, by: e.author.clone(), at_ms: e.stamp.wall_ms, note: b.note });
        }
    }
    jobs
}

/// Every job as it counts on this device.
pub async fn load_repairs<S: RecordStore>(s: &S) -> Result<Vec<RepairJob>, StorageError> {
    let judge = super::roster::Judge::load(s).await?;
    let docs = judge.docs(s.docs_of_kind(REPAIR_JOB).await?);
    let entries = judge.entries(s.entries_of_kind(REPAIR_STEP).await?);
    Ok(assemble(&docs, &entries))
}

/// A status step (checked by [`RepairJob::may_step`] first).
pub fn stepped(entry_id: &str, job: &str, status: RepairStatus, note: &str, by: &mut Author) -> Replica {
    let body = StepBody { status, note: note.trim().to_owned() };
    entry_change(entry_id, REPAIR_STEP, job, serde_json::to_value(body).unwrap_or(Value::Null), by)
}
