//! The team's rule settings (pool P1/P3/P8, tiers C3) as one synced document, each group
//! its own field. Until a manager saves them, the seed's numbers apply.

use serde_json::Value;

use super::codec::{decode_doc, Codec, FieldProblem, ProblemReason, Reader};
use super::customers::Author;
use super::{RecordStore, StorageError};
use crate::domain::pool::PoolSettings;
use crate::domain::team_rules::check_rules;
use crate::domain::tier::TierSettings;
use crate::record::replica::{Document, Replica};

pub const TEAM_RULES_ID: &str = "team:rules";
pub const TEAM_RULES_KIND: &str = "team_rules";

/// The team's pool and tier settings; a stored pair that fails [`check_rules`] (damaged
/// or forged) is ignored for the defaults.
pub async fn load_rules<S: RecordStore>(s: &S) -> Result<(PoolSettings, TierSettings), StorageError> {
    load_rules_restored(s, &mut Vec::new()).await
}

/// [`load_rules`], adding the fields that could not be read to `problems`.
pub async fn load_rules_restored<S: RecordStore>(
    s: &S,
    problems: &mut Vec<FieldProblem>,
) -> Result<(PoolSettings, TierSettings), StorageError> {
    let doc: Option<Document> = super::roster::counted_doc(s, TEAM_RULES_ID).await?;
    Ok(doc.and_then(|d| decode_doc::<TeamRules>(&d, problems)).map(|r| (r.pool, r.tiers)).unwrap_or_default())
}

pub fn rules_from_doc(d: &Document) -> (PoolSettings, TierSettings) {
    decode_doc::<TeamRules>(d, &mut Vec::new()).map(|r| (r.pool, r.tiers)).unwrap_or_default()
}

/// The rules document's two groups.
struct TeamRules {
    pool: PoolSettings,
    tiers: TierSettings,
}

impl Codec for TeamRules {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("pool", serde_json::to_value(&self.pool).unwrap_or(Value::Null)),
            ("tiers", serde_json::to_value(&self.tiers).unwrap_or(Value::Null)),
        ]
    }

    /// A pair that fails [`check_rules`] is reported and both groups read as the defaults.
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let pool: PoolSettings = r.value("pool").unwrap_or_default();
        let tiers: TierSettings = r.value("tiers").unwrap_or_default();
        if check_rules(&pool, &tiers).is_ok() {
            Some(TeamRules { pool, tiers })
        } else {
            r.problem("pool", ProblemReason::Malformed);
            r.problem("tiers", ProblemReason::Malformed);
            Some(TeamRules { pool: PoolSettings::default(), tiers: TierSettings::default() })
        }
    }
}

/// The rules document carrying the groups that changed; `None` when nothing did.
pub fn rules_change(
    old: &(PoolSettings, TierSettings),
    new: &(PoolSettings, TierSettings),
    by: &mut Author,
) -> Option<Replica> {
    let mut d = Document::new(TEAM_RULES_ID, TEAM_RULES_KIND);
    // The time zone belongs to the calendar; it is not part of this document.
    let pool = |p: &PoolSettings| PoolSettings { utc_offset_minutes: 0, ..p.clone() };
    if pool(&old.0) != pool(&new.0) {
        let s = by.clock.tick(by.now_ms);
        d.set("pool", serde_json::to_value(pool(&new.0)).unwrap_or(Value::Null), s, by.profile);
    }
    if old.1 != new.1 {
        let s = by.clock.tick(by.now_ms);
        d.set("tiers", serde_json::to_value(&new.1).unwrap_or(Value::Null), s, by.profile);
    }
    (!d.fields.is_empty()).then(|| Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() })
}
