//! Team warehouse commands (**W1**): the item catalogue, receipt and issue slips, their
//! reversal, the stocktake and its settlement.
//!
//! The roster has no warehouse keeper role. Slips and counts are the warehouse desk's:
//! a manager, or event staff — they already keep the events' prize stock and hand out
//! prizes and samples — and every device re-checks that on synced slips
//! (`domain::authority::WAREHOUSE_KINDS`). The catalogue is the manager's, as the
//! price list is.

use chrono::NaiveDate;

use super::{store, Action, Actor, CommandError, RuleError};
use crate::domain::profile::Role;
use crate::domain::warehouse::report::stocktake;
use crate::domain::warehouse::{
    check_reversal, check_slip, Item, Party, Signer, Slip, SlipDraft, SlipKind, SlipLine, WarehouseError,
};
use crate::record::replica::Replica;
use crate::storage::customers::join;
use crate::storage::warehouse::{count_entry, item_change, load_warehouse, sign_entry, slip_entry, WarehouseData};
use crate::storage::RecordStore;

/// W1: slips and stocktake counts are written by a manager or event staff.
pub fn can_write_slips(actor: &Actor) -> bool {
    actor.is(&[Role::Manager, Role::EventStaff])
}

/// W1: the item catalogue is the manager's.
pub fn can_edit_catalogue(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

fn refuse(e: WarehouseError) -> CommandError {
    RuleError::Warehouse(e).into()
}

/// W1: adds or edits a catalogue item (a name is required; name and spec unique).
pub async fn save_item<S: RecordStore>(s: &S, actor: &Actor, item: &Item) -> Result<Replica, CommandError> {
    actor.allow(Action::EditWarehouseCatalogue, can_edit_catalogue(actor))?;
    let data = load_warehouse(s).await?;
    let mut item = item.clone();
    item.name = item.name.trim().to_owned();
    item.spec = item.spec.trim().to_owned();
    item.unit = item.unit.trim().to_owned();
    if item.id.is_empty() {
        item.id = actor.id();
    }
    item.validate(&data.items).map_err(refuse)?;
    let old = data.item(&item.id).cloned();
    store(s, actor, |by| item_change(old.as_ref(), &item, by).ok_or(RuleError::Unchanged.into())).await
}

fn slip_of(actor: &Actor, id: String, draft: &SlipDraft, data: &WarehouseData) -> Slip {
    Slip {
        id,
        stamp: crate::domain::warehouse::unstamped(),
        kind: draft.kind,
        day: draft.day,
        party: draft.party,
        counterparty: draft.counterparty.trim().to_owned(),
        event: if draft.party == Party::Event { draft.event.clone() } else { String::new() },
        lines: draft
            .lines
            .iter()
            .map(|(item, qty)| SlipLine {
                item: item.clone(),
                name: data.item(item).map(Item::label).unwrap_or_default(),
                qty: *qty,
            })
            .collect(),
        note: draft.note.trim().to_owned(),
        by: actor.profile.clone(),
        reverses: None,
        adjustment: false,
    }
}

/// W1: writes a receipt or issue slip, checked against the catalogue and — an issue —
/// what this device has on hand. Returns the change; the slip's id is its one entry.
pub async fn write_slip<S: RecordStore>(s: &S, actor: &Actor, draft: &SlipDraft) -> Result<Replica, CommandError> {
    actor.allow(Action::WriteSlip, can_write_slips(actor))?;
    let data = load_warehouse(s).await?;
    check_slip(draft, &data.items, &data.slips).map_err(refuse)?;
    let slip = slip_of(actor, actor.id(), draft, &data);
    store(s, actor, |by| Ok(slip_entry(&slip, by))).await
}

/// W1: corrects a slip by a new slip of the other kind with the same lines, dated
/// `day`, that names the one it reverses; the original stays as written.
pub async fn reverse_slip<S: RecordStore>(
    s: &S,
    actor: &Actor,
    slip_id: &str,
    day: NaiveDate,
) -> Result<Replica, CommandError> {
    actor.allow(Action::WriteSlip, can_write_slips(actor))?;
    let data = load_warehouse(s).await?;
    let original = data.slip(slip_id).ok_or(RuleError::NotFound("slip"))?;
    check_reversal(original, &data.items, &data.slips).map_err(refuse)?;
    let slip = Slip {
        id: actor.id(),
        stamp: crate::domain::warehouse::unstamped(),
        kind: original.kind.other(),
        day,
        by: actor.profile.clone(),
        reverses: Some(original.id.clone()),
        ..original.clone()
    };
    store(s, actor, |by| Ok(slip_entry(&slip, by))).await
}

/// W1: a stocktake count of one item (zero or more) on `day`.
pub async fn record_count<S: RecordStore>(
    s: &S,
    actor: &Actor,
    item: &str,
    day: NaiveDate,
    counted: i64,
) -> Result<Replica, CommandError> {
    actor.allow(Action::WriteSlip, can_write_slips(actor))?;
    let data = load_warehouse(s).await?;
    let it = data.item(item).ok_or_else(|| refuse(WarehouseError::UnknownItem(item.to_owned())))?;
    if counted < 0 {
        return Err(refuse(WarehouseError::NegativeCount { item: it.label() }));
    }
    let id = actor.id();
    store(s, actor, |by| Ok(count_entry(&id, item, day, counted, by))).await
}

/// W1: settles the stocktake's differences with adjustment slips dated `day` — one
/// receipt for what was found over, one issue for what was missing — so ledger, goods
/// and card agree; nothing to settle stores nothing. The count is the truth here, so
/// an adjustment is not checked against what is on hand.
pub async fn settle_stocktake<S: RecordStore>(s: &S, actor: &Actor, day: NaiveDate) -> Result<Replica, CommandError> {
    actor.allow(Action::WriteSlip, can_write_slips(actor))?;
    let data = load_warehouse(s).await?;
    let adjustments = stocktake(&data.slips, &data.counts).map(|r| r.adjustments()).unwrap_or_default();
    let mut slips = Vec::new();
    for kind in [SlipKind::Receipt, SlipKind::Issue] {
        let lines: Vec<(String, i64)> = adjustments
            .iter()
            .filter(|(_, q)| q.signum() == kind.sign())
            .map(|(item, q)| (item.clone(), q.abs()))
            .collect();
        if lines.is_empty() {
            continue;
        }
        let draft = SlipDraft {
            kind,
            day,
            party: Party::Stocktake,
            counterparty: "—".into(),
            event: String::new(),
            lines,
            note: String::new(),
        };
        slips.push(Slip { adjustment: true, ..slip_of(actor, actor.id(), &draft, &data) });
    }
    store(s, actor, |by| Ok(join(slips.iter().map(|sl| slip_entry(sl, by)).collect::<Vec<_>>()))).await
}

/// W1: records the name signed on one signature line of a slip (the keeper's, the
/// supervisor's, or the customer's or deliverer's given on the desk's tablet); a line is
/// signed once — after an offline double, the first signature stands everywhere.
pub async fn sign_slip<S: RecordStore>(
    s: &S,
    actor: &Actor,
    slip_id: &str,
    signer: Signer,
    name: &str,
) -> Result<Replica, CommandError> {
    actor.allow(Action::WriteSlip, can_write_slips(actor))?;
    let data = load_warehouse(s).await?;
    let slip = data.slip(slip_id).ok_or(RuleError::NotFound("slip"))?;
    if !Signer::lines(slip.kind).contains(&signer) {
        return Err(RuleError::NotFound("signature line").into());
    }
    if name.trim().is_empty() {
        return Err(refuse(WarehouseError::NoSignerName));
    }
    if data.signature(slip_id, signer).is_some() {
        return Err(refuse(WarehouseError::AlreadySigned));
    }
    let id = actor.id();
    store(s, actor, |by| Ok(sign_entry(&id, slip_id, signer, name, by))).await
}
