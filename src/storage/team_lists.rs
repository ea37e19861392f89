//! The lists a team edits for itself: source channels (C2) and segments (C5). One
//! synced document, so every device offers the same choices; until someone edits it,
//! the defaults from the domain apply.

use serde_json::Value;

use super::codec::{decode_doc, Codec, FieldProblem, Reader};
use super::customers::Author;
use super::{RecordStore, StorageError};
use crate::domain::customer::{SEGMENTS, SOURCES};
use crate::record::replica::{Document, Replica};

pub const TEAM_LISTS_ID: &str = "team:lists";
pub const TEAM_LISTS_KIND: &str = "team_lists";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamLists {
    /// Codes of the defaults, or the team's own labels.
    pub sources: Vec<String>,
    pub segments: Vec<String>,
    /// T1: the counts the team tracks against targets beside the measures read from
    /// the records (e.g. demos given), each logged by the reps. None until a manager adds one.
    pub counts: Vec<String>,
}

impl Default for TeamLists {
    fn default() -> Self {
        Self {
            sources: SOURCES.iter().map(|s| s.0.to_owned()).collect(),
            segments: SEGMENTS.iter().map(|s| s.0.to_owned()).collect(),
            counts: Vec::new(),
        }
    }
}

impl Codec for TeamLists {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("sources", Value::from(self.sources.clone())),
            ("segments", Value::from(self.segments.clone())),
            ("counts", Value::from(self.counts.clone())),
        ]
    }

    /// A list nobody saved yet is the default one.
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let d = TeamLists::default();
        let mut list = |f: &str, default: Vec<String>| match r.raw(f) {
            None => default,
            Some(v) if !v.is_array() => {
                let _ = r.list::<String>(f); // reports the wrong type
                default
            }
            Some(_) => r.list(f),
        };
        let sources = list("sources", d.sources);
        let segments = list("segments", d.segments);
        let counts = list("counts", d.counts);
        Some(TeamLists { sources, segments, counts })
    }
}

/// The team's lists as last synced, or the defaults.
pub async fn load_team_lists<S: RecordStore>(s: &S) -> Result<TeamLists, StorageError> {
    load_team_lists_restored(s, &mut Vec::new()).await
}

/// [`load_team_lists`], adding the fields that could not be read to `problems`.
pub async fn load_team_lists_restored<S: RecordStore>(
    s: &S,
    problems: &mut Vec<FieldProblem>,
) -> Result<TeamLists, StorageError> {
    let doc: Option<Document> = super::roster::counted_doc(s, TEAM_LISTS_ID).await?;
    Ok(doc.and_then(|d| decode_doc(&d, problems)).unwrap_or_default())
}

/// Parses a textarea (one entry per line), dropping blanks and repeats.
pub fn parse_list(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !out.iter().any(|o| o == line) {
            out.push(line.to_owned());
        }
    }
    out
}

/// The team-lists document carrying only the lists that differ from `old`, so two
/// managers editing different lists offline both keep their edit. `None`: no change.
pub fn team_lists_change(old: &TeamLists, new: &TeamLists, by: &mut Author) -> Option<Replica> {
    let mut d = Document::new(TEAM_LISTS_ID, TEAM_LISTS_KIND);
    if old.sources != new.sources {
        let s = by.clock.tick(by.now_ms);
        d.set("sources", Value::from(new.sources.clone()), s, by.profile);
    }
    if old.segments != new.segments {
        let s = by.clock.tick(by.now_ms);
        d.set("segments", Value::from(new.segments.clone()), s, by.profile);
    }
    if old.counts != new.counts {
        let s = by.clock.tick(by.now_ms);
        d.set("counts", Value::from(new.counts.clone()), s, by.profile);
    }
    (!d.fields.is_empty()).then(|| Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() })
}
