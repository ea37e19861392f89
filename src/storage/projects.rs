//! Projects on the device (J1–J3): each project is a document — name, customer, bid
//! deadline, key dates, bid documents checklist, milestones, closed — one register per
//! field, so two tablets editing different parts offline both keep theirs. Each stage
//! change is an immutable `project.stage` entry that
//! [`stage_history`](crate::domain::project::stage_history) folds, so the stage only
//! moves forward whatever order the tablets sync in.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::codec::{decode_doc, decode_entry, Codec, FieldProblem, Reader};
use super::customers::Author;
use super::StorageError;
use crate::domain::project::{stage_history, Project, ProjectStage, StageChange, StageHistory};
use crate::record::replica::{Document, Entry, Replica};

pub const PROJECT: &str = "project";
pub const PROJECT_STAGE: &str = "project.stage";

/// A project with its folded stage history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectRecord {
    pub project: Project,
    pub stages: StageHistory,
    /// Won, lost or abandoned: no longer followed up (V6).
    pub closed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct StageBody {
    stage: ProjectStage,
}

impl Codec for StageBody {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![("stage", serde_json::to_value(self.stage).unwrap_or(Value::Null))]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let stage = r.choice("stage");
        Some(StageBody { stage: r.require("stage", stage)? })
    }
}

/// A project document: the project and whether it is closed.
struct ProjectDoc {
    project: Project,
    closed: bool,
}

impl Codec for ProjectDoc {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        fields(&self.project, self.closed)
    }

    /// A project belongs to a customer; one without is left out.
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let customer_id = r.opt_text("customer");
        let customer_id = r.require("customer", customer_id)?;
        let project = Project {
            id: r.record_id().to_owned(),
            customer_id,
            name: r.text("name"),
            bid_deadline_ms: r.opt_int("bid_deadline_ms"),
            key_dates: r.value("key_dates").unwrap_or_default(),
            bid_checklist: r.value("bid_checklist").unwrap_or_default(),
            milestones: r.value("milestones").unwrap_or_default(),
        };
        Some(ProjectDoc { project, closed: r.bool("closed") })
    }
}

/// Every live project with its stages (pure; tested natively).
pub fn assemble_projects(docs: &[Document], entries: &[Entry]) -> Vec<ProjectRecord> {
    assemble_projects_restored(docs, entries, &mut Vec::new())
}

/// [`assemble_projects`], adding the fields that could not be read to `problems`.
pub fn assemble_projects_restored(
    docs: &[Document],
    entries: &[Entry],
    problems: &mut Vec<FieldProblem>,
) -> Vec<ProjectRecord> {
    let mut changes: HashMap<&str, Vec<StageChange>> = HashMap::new();
    for e in entries.iter().filter(|e| e.kind == PROJECT_STAGE) {
        if let Some(b) = decode_entry::<StageBody>(e, problems) {
            changes.entry(&e.subject).or_default().push(StageChange {
                id: e.id.clone(),
                stage: b.stage,
                at_ms: e.stamp.wall_ms,
                by: e.author.clone(),
            });
        }
    }
    let mut out: Vec<ProjectRecord> = docs
        .iter()
        .filter(|d| d.kind == PROJECT && !d.is_deleted())
        .filter_map(|d| {
            let ProjectDoc { project, closed } = decode_doc(d, problems)?;
            let stages = stage_history(changes.get(d.id.as_str()).map(Vec::as_slice).unwrap_or(&[]));
            Some(ProjectRecord { project, stages, closed })
        })
        .collect();
    out.sort_by(|a, b| a.project.name.cmp(&b.project.name).then_with(|| a.project.id.cmp(&b.project.id)));
    out
}

/// V6: the stages of each customer's open projects (closed ones are not followed up).
pub fn open_stages(projects: &[ProjectRecord]) -> HashMap<String, Vec<ProjectStage>> {
    let mut m: HashMap<String, Vec<ProjectStage>> = HashMap::new();
    for p in projects.iter().filter(|p| !p.closed) {
        if let Some(s) = p.stages.current {
            m.entry(p.project.customer_id.clone()).or_default().push(s);
        }
    }
    m
}

fn fields(p: &Project, closed: bool) -> Vec<(&'static str, Value)> {
    vec![
        ("customer", Value::String(p.customer_id.clone())),
        ("name", Value::String(p.name.clone())),
        ("bid_deadline_ms", p.bid_deadline_ms.map(Value::from).unwrap_or(Value::Null)),
        ("key_dates", serde_json::to_value(&p.key_dates).unwrap_or(Value::Null)),
        ("bid_checklist", serde_json::to_value(&p.bid_checklist).unwrap_or(Value::Null)),
        ("milestones", serde_json::to_value(&p.milestones).unwrap_or(Value::Null)),
        ("closed", Value::Bool(closed)),
    ]
}

/// A new project (every field) or the fields that changed; `None` when nothing did.
pub fn project_change(old: Option<(&Project, bool)>, new: &Project, closed: bool, by: &mut Author) -> Option<Replica> {
    let before = old.map(|(p, c)| fields(p, c));
    let mut d = Document::new(&new.id, PROJECT);
    for (i, (name, value)) in fields(new, closed).into_iter().enumerate() {
        if before.as_ref().is_none_or(|b| b[i].1 != value) {
            let stamp = by.clock.tick(by.now_ms);
            d.set(name, value, stamp, by.profile);
        }
    }
    (!d.fields.is_empty()).then(|| Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() })
}

/// J1: a stage change entry.
pub fn stage_change(
    entry_id: &str,
    project_id: &str,
    stage: ProjectStage,
    by: &mut Author,
) -> Result<Replica, StorageError> {
    let e = Entry {
        id: entry_id.to_owned(),
        kind: PROJECT_STAGE.to_owned(),
        subject: project_id.to_owned(),
        stamp: by.clock.tick(by.now_ms),
        author: by.profile.to_owned(),
        body: super::to_json(&StageBody { stage })?,
        seal: None,
    };
    Ok(Replica { docs: Default::default(), entries: [(e.id.clone(), e)].into() })
}
