//! zh-CN / en strings of the team warehouse: slips, the stock card, the ledger, the
//! reports and the stocktake.

use crate::domain::warehouse::report::Overdrawn;
use crate::domain::warehouse::{Party, Signer, SlipKind, WarehouseError};
use crate::ui::i18n::Lang;

crate::catalogue! { WMsg {
    TabStock => "库存", "Stock";
    TabSlips => "出入库单", "Slips";
    TabLedger => "明细账与卡片", "Ledger & card";
    TabReports => "报表", "Reports";
    TabStocktake => "盘点", "Stocktake";
    Item => "物品", "Item";
    Spec => "规格", "Spec";
    Unit => "单位", "Unit";
    OnHand => "结存", "On hand";
    NoItems => "物品目录还是空的。", "The item catalogue is empty.";
    Catalogue => "物品目录", "Item catalogue";
    NewItem => "新物品", "New item";
    SaveItem => "保存物品", "Save item";
    EditItem => "编辑", "Edit";
    NewSlip => "开单", "New slip";
    Receipt => "入库单", "Receipt slip";
    Issue => "出库单", "Issue slip";
    Kind => "单据类型", "Slip type";
    Day => "日期", "Date";
    Party => "对方类型", "Counterparty type";
    Counterparty => "对方（单位或人）", "Counterparty (firm or person)";
    Event => "活动", "Event";
    Note => "备注", "Note";
    Qty => "数量", "Quantity";
    AddLine => "再加一行", "Add a line";
    RemoveLine => "删除此行", "Remove this line";
    ChooseItem => "选择物品", "Choose an item";
    WriteSlip => "保存单据", "Save slip";
    SlipSaved => "单据已保存：", "Slip saved: ";
    Number => "单号", "Number";
    By => "制单人", "Written by";
    Reverse => "冲销", "Reverse";
    ReversesNo => "冲销单号：", "Reverses: ";
    Reversed => "已冲销", "Reversed";
    Adjustment => "盘点调整", "Stocktake adjustment";
    Print => "打印", "Print";
    Back => "返回单据列表", "Back to the slips";
    NoSlips => "还没有单据。", "No slips yet.";
    SlipMissing => "这台设备上没有这张单据（可能尚未同步）。", "This slip is not on this device (perhaps not synced yet).";
    OnlyDesk => "只有经理和活动人员可以开单和盘点。", "Only managers and event staff write slips and take stock.";
    OnlyManagerCatalogue => "只有经理可以修改物品目录。", "Only a manager edits the item catalogue.";
    PartySupplier => "供应商", "Supplier";
    PartyCustomer => "客户", "Customer";
    PartyEvent => "活动", "Event";
    PartyRep => "销售代表领样品", "Rep taking samples";
    PartyStocktake => "盘点调整", "Stocktake";
    CopyStub => "第一联 存根（仓库留存）", "Copy 1 — stub (kept by the keeper)";
    CopyFinance => "第二联 财务联", "Copy 2 — finance";
    CopyCustomer => "第三联 客户联", "Copy 3 — customer";
    CopyDeliverer => "第三联 送货方联", "Copy 3 — deliverer";
    SigKeeper => "仓管员签字", "Keeper's signature";
    SigSupervisor => "仓库主管签字", "Supervisor's signature";
    SigCustomer => "客户签收", "Customer's signature";
    SigDeliverer => "送货人签字", "Deliverer's signature";
    From => "从", "From";
    To => "到", "To";
    All => "全部", "All";
    In => "入库", "In";
    Out => "出库", "Out";
    Balance => "结存", "Balance";
    Card => "物品卡片", "Stock card";
    CardHint => "选择一个物品即为该物品的出入库卡。", "Choose one item to see its stock card.";
    NoLines => "没有符合条件的记录。", "No lines match.";
    Daily => "库存日报表", "Daily stock report";
    MonthEnd => "月末出入库结存报表", "Month-end stock report";
    Month => "月份", "Month";
    Opening => "期初", "Opening";
    Closing => "期末", "Closing";
    Counted => "盘点数", "Counted";
    Difference => "差异", "Difference";
    ExportCsv => "导出 CSV", "Export CSV";
    SaveCount => "保存盘点数", "Save count";
    LedgerQty => "账面", "Ledger";
    Agrees => "账、物、卡一致。", "Ledger, goods and card agree.";
    Differs => "账面与实物不符：", "Ledger and goods differ:";
    NotCounted => "未盘点", "Not counted";
    Settle => "生成调整单", "Write the adjustment slips";
    StocktakeHint => "逐项填写实际清点数量并保存；差异由调整单处理，不改原单。", "Enter each counted quantity and save it; a difference is settled by an adjustment slip, never by editing.";
    ErrQty => "数量须为大于 0 的整数。", "A quantity is a whole number above 0.";
    ErrCount => "盘点数须为 0 或以上的整数。", "A count is a whole number, 0 or more.";
    ErrItem => "请选择物品。", "Choose an item.";
    ErrCounterparty => "请填写对方。", "Enter the counterparty.";
    ErrDay => "请选择日期。", "Choose a date.";
    ErrName => "请填写物品名称。", "Enter the item's name.";
    Sign => "签字", "Sign";
    SignerName => "签字人姓名", "Name of who signs";
    NoSignerName => "请填写签字人姓名。", "Enter the name of who signs.";
    AlreadySigned => "这一栏已经签过字。", "This line is signed already.";
}}

pub fn kind_label(k: SlipKind) -> WMsg {
    match k {
        SlipKind::Receipt => WMsg::Receipt,
        SlipKind::Issue => WMsg::Issue,
    }
}

pub fn party_label(p: Party) -> WMsg {
    match p {
        Party::Supplier => WMsg::PartySupplier,
        Party::Customer => WMsg::PartyCustomer,
        Party::Event => WMsg::PartyEvent,
        Party::Rep => WMsg::PartyRep,
        Party::Stocktake => WMsg::PartyStocktake,
    }
}

pub fn signer_label(s: Signer) -> WMsg {
    match s {
        Signer::Keeper => WMsg::SigKeeper,
        Signer::Supervisor => WMsg::SigSupervisor,
        Signer::Customer => WMsg::SigCustomer,
        Signer::Deliverer => WMsg::SigDeliverer,
    }
}

/// An item the ledger took below zero, in `lang`: what happened and what to do.
pub fn overdrawn_text(lang: Lang, o: &Overdrawn) -> String {
    let (item, day, number, lowest, now) = (&o.name, o.day, &o.number, o.lowest, o.now);
    if lang == Lang::ZhCn {
        format!(
            "“{item}”在 {day} 出库单 {number} 后结存低于零（最低 {lowest}，现为 {now}）：两台平板离线时各自出库，同步后合计超出库存。请清点实物并用盘点调整。"
        )
    } else {
        format!(
            "“{item}” went below zero on {day} with slip {number} (lowest {lowest}, now {now}): two tablets issued it offline and together issued more than there was. Count the stock and settle it with a stocktake."
        )
    }
}

/// Why the warehouse refused, in `lang`.
pub fn warehouse_error(lang: Lang, e: &WarehouseError) -> String {
    let zh = lang == Lang::ZhCn;
    match e {
        WarehouseError::ItemName => WMsg::ErrName.text(lang).to_owned(),
        WarehouseError::ItemDuplicate => if zh {
            "目录里已有同名同规格的物品。"
        } else {
            "The catalogue already has an item with this name and spec."
        }
        .to_owned(),
        WarehouseError::NoLines => {
            if zh { "单据至少要有一行物品。" } else { "A slip needs at least one line." }.to_owned()
        }
        WarehouseError::NoCounterparty => WMsg::ErrCounterparty.text(lang).to_owned(),
        WarehouseError::UnknownItem(_) => if zh {
            "物品不在目录中（可能已在别处删除）。"
        } else {
            "The item is not in the catalogue (removed elsewhere?)."
        }
        .to_owned(),
        WarehouseError::BadQty { item } => {
            if zh {
                format!("“{item}”的数量须为大于 0 的整数。")
            } else {
                format!("The quantity of “{item}” must be a whole number above 0.")
            }
        }
        WarehouseError::BelowZero { item, on_hand, asked } => {
            if zh {
                format!("“{item}”库存不足：要出库 {asked}，现有 {on_hand}。")
            } else {
                format!("Not enough “{item}”: {asked} asked, {on_hand} on hand.")
            }
        }
        WarehouseError::AlreadyReversed => {
            if zh { "这张单据已经冲销过。" } else { "This slip is already reversed." }.to_owned()
        }
        WarehouseError::ReverseOfReversal => if zh {
            "冲销单不能再冲销；请另开新单。"
        } else {
            "A reversing slip is not reversed again; write a new slip."
        }
        .to_owned(),
        WarehouseError::NoSignerName => WMsg::NoSignerName.text(lang).to_owned(),
        WarehouseError::AlreadySigned => WMsg::AlreadySigned.text(lang).to_owned(),
        WarehouseError::NegativeCount { item } => {
            if zh {
                format!("“{item}”的盘点数不能为负。")
            } else {
                format!("The count of “{item}” cannot be negative.")
            }
        }
    }
}
