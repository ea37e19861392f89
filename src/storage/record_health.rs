//! Records this build could read only in part: the record-level half of the quarantine.
//!
//! Every area restores its records through [`super::codec`], which reports a present but
//! unreadable field as a [`FieldProblem`] instead of turning it blank. Those records stay
//! stored verbatim and keep syncing; this module gathers the problems of every area into
//! one list the Settings quarantine shows (who wrote the field, from which device, when,
//! why) and exports for support.
//!
//! The list is computed on every read, never stored: after an app update that can read a
//! field, or a later edit that fixes it, the item is gone with nothing to clean up — the
//! "retried after an app update" of the quarantine, for records.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::codec::{FieldProblem, ProblemReason, BODY};
use super::{get_typed, RecordStore, StorageError, StoreName};
use crate::domain::authority::split_slot;
use crate::record::replica::{Document, Entry};

/// One field a peer (or this device) wrote that this build could not read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnreadableField {
    pub record_id: String,
    /// The record's kind ("customer", "order_step"…).
    pub kind: String,
    /// The field (`body` for an entry's whole body, `list[3]` for one list item).
    pub field: String,
    /// A stable reason code ([`reason_code`]), worded by the UI.
    pub code: &'static str,
    /// The reason and the stored value in English, for support.
    pub detail: String,
    /// The device whose change wrote the field (its stamp's device).
    pub device: String,
    /// The profile that made that change.
    pub author: String,
    /// When that change was made (its stamp's wall time), ms since the epoch.
    pub at_ms: i64,
    /// The whole record verbatim (document or entry JSON), for the support export.
    pub record: Value,
}

/// The stable code of a problem's reason.
pub fn reason_code(r: ProblemReason) -> &'static str {
    match r {
        ProblemReason::WrongType { .. } => "wrong_type",
        ProblemReason::BadDate => "bad_date",
        ProblemReason::BadAmount => "bad_amount",
        ProblemReason::UnknownValue => "unknown_value",
        ProblemReason::Malformed => "malformed",
        ProblemReason::Required => "required",
    }
}

/// Every field of every stored record this build could not read, oldest change first.
///
/// Reads each area the way its screens do, so what is listed here is exactly what the
/// screens show blank or leave out.
pub async fn unreadable_fields<S: RecordStore>(s: &S) -> Result<Vec<UnreadableField>, StorageError> {
    let mut problems: Vec<FieldProblem> = Vec::new();
    problems.extend(super::customers::load_customers_restored(s).await?.problems);
    problems.extend(super::orders::load_orders(s).await?.problems);
    problems.extend(super::activities::load_activity_data(s).await?.problems);
    problems.extend(super::applications::load_applications(s).await?.problems);
    problems.extend(super::key_accounts::load_key_accounts(s).await?.problems);
    problems.extend(super::events::load_events_restored(s).await?.problems);
    problems.extend(super::service_log::load_service_restored(s).await?.problems);
    problems.extend(super::incentives::load_incentives(s).await?.problems);
    problems.extend(super::people::people_restored(&s.docs_of_kind(super::people::PERSON).await?).problems);
    for d in s.docs_of_kind(super::attachments::ATTACHMENT).await? {
        super::attachments::Attachment::from_doc_restored(&d, &mut problems);
    }
    super::team_lists::load_team_lists_restored(s, &mut problems).await?;
    super::team_rules::load_rules_restored(s, &mut problems).await?;
    let calendar: Option<Document> = super::roster::counted_doc(s, super::settings::TEAM_CALENDAR_ID).await?;
    if let Some(d) = calendar.filter(|d| !d.is_deleted()) {
        super::settings::calendar_restored(&d, Default::default(), &mut problems);
    }
    let kpi: Option<Document> = super::roster::counted_doc(s, super::kpi::KPI_TARGETS_ID).await?;
    if let Some(d) = kpi.filter(|d| !d.is_deleted()) {
        super::codec::decode_doc::<super::kpi::KpiSettings>(&d, &mut problems);
    }

    // One item per record and field (an area may read a record another area reads too).
    let mut by_key: BTreeMap<(String, String), FieldProblem> = BTreeMap::new();
    for p in problems {
        by_key.entry((p.record_id.clone(), p.field.clone())).or_insert(p);
    }
    let mut out = Vec::with_capacity(by_key.len());
    for ((id, _), p) in by_key {
        if let Some(item) = attribute(s, &id, p).await? {
            out.push(item);
        }
    }
    out.extend(refused_by_roster(s).await?);
    out.sort_by(|a, b| a.at_ms.cmp(&b.at_ms).then_with(|| a.record_id.cmp(&b.record_id)));
    Ok(out)
}

/// The records the roster does not let count (issue 15): a forged confirmation,
/// assignment or approval, a key the roster does not hold or had revoked, an unsealed
/// change after the team began to sign. An entry is listed under the field `seal`, a
/// document's field under its name, with the verdict's code. The people directory is
/// not judged (a newcomer announces their key there before it is granted).
async fn refused_by_roster<S: RecordStore>(s: &S) -> Result<Vec<UnreadableField>, StorageError> {
    // This device's view: a profile here waiting for its grant does not see its own work
    // listed (it shows on this device; elsewhere it is listed until the grant).
    let judge = super::roster::Judge::load(s).await?;
    if judge.roster().is_none() {
        return Ok(Vec::new());
    }
    let entries: Vec<Entry> = s.get_all_as(StoreName::Entries).await?;
    let mut out: Vec<UnreadableField> = entries
        .iter()
        .filter(|e| e.kind != crate::domain::roster::GRANT)
        .map(|e| (e, judge.entry(e)))
        .filter(|(_, v)| !v.counts())
        .map(|(e, verdict)| UnreadableField {
            record_id: e.id.clone(),
            kind: e.kind.clone(),
            field: "seal".into(),
            code: verdict.code(),
            detail: format!("{}: not counted ({})", e.id, verdict.code()),
            device: e.stamp.device.clone(),
            author: e.author.clone(),
            at_ms: e.stamp.wall_ms,
            record: serde_json::to_value(e).unwrap_or(Value::Null),
        })
        .collect();
    let docs: Vec<Document> = s.get_all_as(StoreName::Docs).await?;
    for d in docs.iter().filter(|d| d.kind != super::people::PERSON) {
        let (_, refused) = judge.sift(d);
        for (stored, verdict) in refused {
            let Some(reg) = d.fields.get(&stored) else { continue };
            // A role-gated field kept in its signer's slot is listed under its own name.
            let field = split_slot(&stored).0.to_owned();
            out.push(UnreadableField {
                record_id: d.id.clone(),
                kind: d.kind.clone(),
                detail: format!("{}.{stored}: not counted ({})", d.id, verdict.code()),
                field,
                code: verdict.code(),
                device: reg.stamp.device.clone(),
                author: reg.author.clone(),
                at_ms: reg.stamp.wall_ms,
                record: serde_json::to_value(d).unwrap_or(Value::Null),
            });
        }
    }
    Ok(out)
}

/// Finds who wrote the problem's field: the field's register for a document, the stamp
/// for an entry. `None` only if the record is gone meanwhile.
async fn attribute<S: RecordStore>(s: &S, id: &str, p: FieldProblem) -> Result<Option<UnreadableField>, StorageError> {
    let detail = p.to_string();
    let code = reason_code(p.reason);
    if let Some(d) = get_typed::<_, Document>(s, StoreName::Docs, id).await? {
        // `list[3]` was written as the register `list` (or, for a role-gated field, in
        // its signers' slots: the newest stands for it); a missing required field was
        // never written, so the document's newest change stands for it.
        let name = p.field.split('[').next().unwrap_or(&p.field);
        let reg = d
            .fields
            .iter()
            .filter(|(k, _)| split_slot(k).0 == name)
            .map(|(_, r)| r)
            .max_by(|a, b| a.stamp.cmp(&b.stamp))
            .or_else(|| d.fields.values().max_by(|a, b| a.stamp.cmp(&b.stamp)));
        let (device, author, at_ms) =
            reg.map(|r| (r.stamp.device.clone(), r.author.clone(), r.stamp.wall_ms)).unwrap_or_default();
        let record = serde_json::to_value(&d).unwrap_or(Value::Null);
        return Ok(Some(UnreadableField {
            record_id: p.record_id,
            kind: d.kind,
            field: p.field,
            code,
            detail,
            device,
            author,
            at_ms,
            record,
        }));
    }
    if let Some(e) = get_typed::<_, Entry>(s, StoreName::Entries, id).await? {
        let record = serde_json::to_value(&e).unwrap_or(Value::Null);
        let field = if p.field.is_empty() { BODY.to_owned() } else { p.field };
        return Ok(Some(UnreadableField {
            record_id: p.record_id,
            kind: e.kind,
            field,
            code,
            detail,
            device: e.stamp.device,
            author: e.author,
            at_ms: e.stamp.wall_ms,
            record,
        }));
    }
    Ok(None)
}
