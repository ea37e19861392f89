//! The team's A2 KPI targets as one synced document (`team:kpi_targets`): the monthly
//! new-account target per rep (`new_accounts_per_rep`). Only a field that changed is
//! stamped, so a later field added here and edited on another tablet keeps both edits.
//! Until a manager sets it the target is `0`: no target, and the card says so.

use serde_json::Value;

use super::codec::{decode_doc, Codec, Reader};
use super::customers::Author;
use super::{RecordStore, StorageError};
use crate::record::replica::{Document, Replica};

pub const KPI_TARGETS_ID: &str = "team:kpi_targets";
pub const KPI_TARGETS_KIND: &str = "team_kpi_targets";
const PER_REP: &str = "new_accounts_per_rep";

/// The targets a manager edits (the percentages stay [`crate::domain::application::KpiTargets`]'s).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KpiSettings {
    /// New accounts each rep should open per month; `0` = no target set.
    pub new_accounts_per_rep: u64,
}

/// The settings a team document describes; an unreadable field is ignored.
pub fn settings_from_doc(d: &Document) -> KpiSettings {
    if d.is_deleted() {
        return KpiSettings::default();
    }
    decode_doc(d, &mut Vec::new()).unwrap_or_default()
}

impl Codec for KpiSettings {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![(PER_REP, Value::from(self.new_accounts_per_rep))]
    }

    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        Some(KpiSettings { new_accounts_per_rep: r.opt_uint(PER_REP).unwrap_or(0) })
    }
}

pub async fn load_kpi_settings<S: RecordStore>(s: &S) -> Result<KpiSettings, StorageError> {
    let doc: Option<Document> = super::roster::counted_doc(s, KPI_TARGETS_ID).await?;
    Ok(doc.map(|d| settings_from_doc(&d)).unwrap_or_default())
}

/// The targets document carrying only the fields that changed; `None` when none did.
pub fn kpi_settings_change(old: &KpiSettings, new: &KpiSettings, by: &mut Author) -> Option<Replica> {
    let mut d = Document::new(KPI_TARGETS_ID, KPI_TARGETS_KIND);
    if old.new_accounts_per_rep != new.new_accounts_per_rep {
        let s = by.clock.tick(by.now_ms);
        d.set(PER_REP, Value::from(new.new_accounts_per_rep), s, by.profile);
    }
    (!d.fields.is_empty()).then(|| Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() })
}

/// Parses the target a manager typed: a whole number 0–9999.
pub fn parse_target(text: &str) -> Option<u64> {
    text.trim().parse::<u64>().ok().filter(|n| *n <= 9999)
}
