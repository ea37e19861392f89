//! zh-CN / en strings of orders, payments, receivables and the finance queue (O1–O4).

use chrono::NaiveDate;

use crate::domain::collection::{ChaseHint, CollectSlot};
use crate::domain::money::format_yuan;
use crate::domain::order::{OrderError, OrderStatus, OrderStep, Signatory};
use crate::domain::receivable::{AgeBucket, ReceivableError};
use crate::ui::i18n::Lang;

crate::catalogue! { OMsg {
    PriceList => "产品与价格表", "Products and price list";
    PriceListHint => "价格自生效日起适用；同一产品可有多个生效日的价格。", "A price applies from its start date; a product may have several dated prices.";
    PriceListManagerOnly => "只有经理可以修改价格表。", "Only a manager changes the price list.";
    NoProducts => "还没有产品。", "No products yet.";
    ProductName => "产品名称", "Product name";
    ProductUnit => "单位", "Unit";
    ProductLine => "产品线（可空）", "Product line (optional)";
    UnitPrice => "单价（元）", "Unit price (yuan)";
    PriceFrom => "生效日期", "Price from";
    AddProduct => "添加产品或新价格", "Add product or new price";
    Retire => "停售", "Stop selling";
    Retired => "已停售", "not sold";
    ErrProductName => "请输入产品名称。", "Enter the product name.";
    ErrPrice => "请输入单价，最多两位小数。", "Enter a unit price with at most two decimals.";
    ErrDate => "请选择日期。", "Choose a date.";
    Orders => "订单", "Orders";
    NoOrders => "还没有订单。", "No orders yet.";
    NewOrder => "新建订单", "New order";
    Product => "产品", "Product";
    Qty => "数量", "Qty";
    LineDiscount => "行折扣 %", "Line discount %";
    AddLine => "添加一行", "Add a line";
    RemoveLine => "删除此行", "Remove line";
    OrderDiscount => "整单折扣 %", "Order discount %";
    DeliveryDate => "交货日期", "Delivery date";
    Terms => "付款条件", "Payment terms";
    TermsOnDelivery => "货到付款", "On delivery";
    TermsNet => "交货后若干天付款", "Net days after delivery";
    TermsInstalments => "分期付款", "Instalments";
    NetDays => "天数", "Days";
    InstalmentDates => "分期日期（每行一个，YYYY-MM-DD）", "Instalment dates (one per line, YYYY-MM-DD)";
    Note => "备注", "Note";
    Gross => "原价", "Gross";
    Discounts => "折扣", "Discounts";
    Total => "合计", "Total";
    SaveDraft => "保存草稿", "Save draft";
    SaveSubmit => "保存并提交审批", "Save and submit";
    Cancel => "取消", "Cancel";
    Submit => "提交审批", "Submit for approval";
    Approve => "批准", "Approve";
    Reject => "驳回", "Reject";
    Reopen => "重新修改", "Revise";
    Edit => "修改", "Edit";
    Opinion => "审批意见（驳回时必填）", "Opinion (required to reject)";
    History => "经过", "History";
    ManagerApproves => "等待经理审批。", "Waiting for a manager's approval.";
    Slip => "送货单", "Delivery slip";
    SlipHint => "仓库管理员、仓库主管和客户分别签字后货物方可出库。", "Goods leave once the warehouse keeper, the warehouse supervisor and the customer have signed.";
    SignerName => "签字人姓名", "Signer's name";
    SignHere => "在此签名", "Sign here";
    Clear => "清除", "Clear";
    SaveSignature => "保存签名", "Save signature";
    Signed => "已签", "Signed";
    Print => "打印送货单", "Print slip";
    MarkDelivered => "确认出库", "Confirm delivery";
    ErrSignEmpty => "请先签名。", "Sign first.";
    Payments => "回款与价值等级", "Payments and value tier";
    RecordPayment => "登记回款", "Record a payment";
    ForOrder => "对应订单", "For order";
    OnAccount => "未指定（按最早到期冲抵）", "Not named (oldest due first)";
    AmountYuan => "金额（元）", "Amount (yuan)";
    PaidOn => "到账日期", "Paid on";
    Record => "登记", "Record";
    Recorded => "已登记，等待财务确认。", "Recorded; waiting for finance to confirm.";
    Pending => "待财务确认", "Awaiting finance";
    ConfirmedBy => "财务已确认", "Confirmed by finance";
    ConfirmPayment => "确认到账", "Confirm receipt";
    ErrAmount => "请输入大于 0 的金额，最多两位小数。", "Enter an amount above 0 with at most two decimals.";
    FinanceQueue => "待确认回款", "Payments to confirm";
    FinanceHint => "代表登记的回款经财务确认后才计入成交、无销售期限和价值等级。", "A payment a rep records counts for the first deal, the no-sale clock and the value tier only once finance confirms it.";
    FinanceOnly => "只有财务可以确认回款。", "Only finance confirms payments.";
    QueueEmpty => "没有待确认的回款。", "Nothing to confirm.";
    Customer => "客户", "Customer";
    RecordedBy => "登记人", "Recorded by";
    Receivables => "应收款", "Receivables";
    NoReceivables => "没有应收款。", "Nothing owed.";
    Due => "到期日", "Due";
    Amount => "金额", "Amount";
    Paid => "已付", "Paid";
    Outstanding => "未付", "Outstanding";
    Ageing => "账龄", "Ageing";
    Reminders => "催款提醒", "Reminders";
    NoReminders => "近期没有到期的分期。", "No instalments due soon.";
    Habits => "付款习惯", "Payment habits";
    NoHabits => "还没有确认的回款。", "No confirmed payments yet.";
    CreditStanding => "信用状况", "Credit standing";
    CreditGood => "良好", "Good";
    CreditWatch => "关注：有逾期未付", "Watch: overdue amounts";
    CreditPoor => "不良：付款记录差或被标记", "Poor: late payer or flagged";
    AgeingByRep => "各代表应收账龄", "Ageing per rep";
    Rep => "代表", "Rep";
    NotDue => "未到期", "Not due";
    Credit => "预收余额", "Credit on account";
    OrderOf => "订单", "Order";
    HabitsTitle => "付款日与催款时段", "Payday and times to ask";
    Payday => "付款日（每月几号）", "Payday (day of the month)";
    PreferredTimes => "方便催款的时段（不选＝任何时段）", "Preferred times to ask (none = any time)";
    SlotMorning => "上午", "Mornings";
    SlotAfternoon => "下午", "Afternoons";
    SlotEvening => "傍晚", "Evenings";
    AnyTime => "任何时段", "Any time";
    NoPayday => "未记录付款日", "No payday recorded";
    BadPayday => "付款日须是 1 到 31 之间的整数，或留空。", "A payday is a whole number from 1 to 31, or blank.";
    SaveHabits => "保存付款习惯", "Save payment habits";
    HabitsSaved => "已保存", "Saved";
    ChaseOn => "催款日", "Chase on";
    PaydayMark => "付款日", "payday";
    RemindTitle => "催款提醒", "Receivable reminders";
    RemindDays => "到期前几天开始提醒", "Start reminders this many days before a due date";
    RemindHint => "客户的付款日若更早，提醒从那天开始。", "If a customer's payday comes earlier, reminders start on that payday.";
    BadRemindDays => "天数须是 0 到 60 之间的整数。", "Days are a whole number from 0 to 60.";
    ManagerOnlySetting => "只有经理可以修改。", "Only a manager changes this.";
    SettingSaved => "已保存，全团队同步。", "Saved for the whole team.";
} }

pub fn status_label(lang: Lang, s: OrderStatus) -> &'static str {
    match (s, lang) {
        (OrderStatus::Draft, Lang::ZhCn) => "草稿",
        (OrderStatus::Draft, Lang::En) => "Draft",
        (OrderStatus::Submitted, Lang::ZhCn) => "待审批",
        (OrderStatus::Submitted, Lang::En) => "Awaiting approval",
        (OrderStatus::Approved, Lang::ZhCn) => "已批准",
        (OrderStatus::Approved, Lang::En) => "Approved",
        (OrderStatus::Rejected, Lang::ZhCn) => "已驳回",
        (OrderStatus::Rejected, Lang::En) => "Rejected",
        (OrderStatus::Delivered, Lang::ZhCn) => "已出库",
        (OrderStatus::Delivered, Lang::En) => "Delivered",
    }
}

pub fn status_code(s: OrderStatus) -> &'static str {
    match s {
        OrderStatus::Draft => "draft",
        OrderStatus::Submitted => "submitted",
        OrderStatus::Approved => "approved",
        OrderStatus::Rejected => "rejected",
        OrderStatus::Delivered => "delivered",
    }
}

pub fn step_text(lang: Lang, step: &OrderStep, who: &str, when: &str) -> String {
    let (zh, en, extra) = match step {
        OrderStep::Submitted => ("提交审批", "submitted", String::new()),
        OrderStep::Approved { opinion } => ("批准", "approved", opinion.clone()),
        OrderStep::Rejected { reason } => ("驳回", "rejected", reason.clone()),
        OrderStep::Reopened => ("重新修改", "reopened", String::new()),
        OrderStep::Delivered { .. } => ("确认出库", "delivered", String::new()),
    };
    let extra = if extra.is_empty() { extra } else { format!(" — {extra}") };
    match lang {
        Lang::ZhCn => format!("{when} {who} {zh}{extra}"),
        Lang::En => format!("{when} {who} {en}{extra}"),
    }
}

pub fn signatory_label(lang: Lang, s: Signatory) -> &'static str {
    match (s, lang) {
        (Signatory::WarehouseKeeper, Lang::ZhCn) => "仓库管理员",
        (Signatory::WarehouseKeeper, Lang::En) => "Warehouse keeper",
        (Signatory::WarehouseSupervisor, Lang::ZhCn) => "仓库主管",
        (Signatory::WarehouseSupervisor, Lang::En) => "Warehouse supervisor",
        (Signatory::Customer, Lang::ZhCn) => "客户",
        (Signatory::Customer, Lang::En) => "Customer",
    }
}

pub fn bucket_label(lang: Lang, b: AgeBucket) -> &'static str {
    match (b, lang) {
        (AgeBucket::NotDue, Lang::ZhCn) => "未到期",
        (AgeBucket::NotDue, Lang::En) => "Not due",
        (AgeBucket::Days0To30, _) => "0–30",
        (AgeBucket::Days31To60, _) => "31–60",
        (AgeBucket::Days61To90, _) => "61–90",
        (AgeBucket::Over90, _) => "> 90",
    }
}

pub fn yuan(fen: i64) -> String {
    format!("¥{}", format_yuan(fen))
}

pub fn order_error(lang: Lang, e: &OrderError) -> String {
    let zh = lang == Lang::ZhCn;
    match e {
        OrderError::NoLines => {
            if zh {
                "订单至少要有一行。".into()
            } else {
                "An order needs at least one line.".into()
            }
        }
        OrderError::NoProduct => {
            if zh {
                "每一行都要选择产品。".into()
            } else {
                "Choose a product on every line.".into()
            }
        }
        OrderError::ZeroQuantity { line } => {
            if zh {
                format!("第 {line} 行：数量至少为 1。")
            } else {
                format!("Line {line}: the quantity must be at least 1.")
            }
        }
        OrderError::DiscountOver100 => {
            if zh {
                "折扣不能超过 100%。".into()
            } else {
                "A discount is at most 100 %.".into()
            }
        }
        OrderError::BadDiscount(s) => {
            if zh {
                format!("“{s}”不是百分比（最多两位小数）。")
            } else {
                format!("“{s}” is not a percentage with at most two decimals.")
            }
        }
        OrderError::NoPrice { on, .. } => {
            if zh {
                format!("价格表中没有该产品在 {on} 的价格。")
            } else {
                format!("The price list has no price for this product on {on}.")
            }
        }
        OrderError::DeliveryInPast { today, .. } => {
            if zh {
                format!("交货日期不能早于今天（{today}）。")
            } else {
                format!("The delivery date cannot be before today ({today}).")
            }
        }
        OrderError::NotManager => {
            if zh {
                "只有经理可以审批订单。".into()
            } else {
                "Only a manager approves or rejects an order.".into()
            }
        }
        OrderError::NotOwnRep(_) => {
            if zh {
                "只有订单的代表或经理可以操作。".into()
            } else {
                "Only the order's rep or a manager may do this.".into()
            }
        }
        OrderError::NoReason => {
            if zh {
                "驳回时请写明原因。".into()
            } else {
                "A rejection needs a reason.".into()
            }
        }
        OrderError::MissingSignature(s) => {
            if zh {
                format!("送货单缺少{}签字。", signatory_label(lang, *s))
            } else {
                format!("The slip lacks the {} signature.", signatory_label(lang, *s).to_lowercase())
            }
        }
        OrderError::SameWarehouseSigner => {
            if zh {
                "仓库管理员与仓库主管须为两个人。".into()
            } else {
                "The warehouse keeper and supervisor must be two people.".into()
            }
        }
        other => other.to_string(),
    }
}

pub fn receivable_error(lang: Lang, e: &ReceivableError) -> String {
    let zh = lang == Lang::ZhCn;
    match e {
        ReceivableError::NoInstalments => {
            if zh {
                "分期付款至少要有一个日期。".into()
            } else {
                "Instalments need at least one date.".into()
            }
        }
        ReceivableError::DatesOutOfOrder => {
            if zh {
                "分期日期须按先后排列。".into()
            } else {
                "Instalment dates must not go backwards.".into()
            }
        }
        ReceivableError::NonPositiveInstalment { .. } => {
            if zh {
                "每期金额须大于 0（期数过多）。".into()
            } else {
                "Every instalment must be above 0 (too many dates).".into()
            }
        }
        ReceivableError::Order(o) => order_error(lang, o),
        other => other.to_string(),
    }
}

pub fn reminder_text(lang: Lang, due: NaiveDate, days: i64, fen: i64) -> String {
    match lang {
        Lang::ZhCn if days < 0 => format!("{due} 到期 {}，已逾期 {} 天", yuan(fen), -days),
        Lang::ZhCn => format!("{due} 到期 {}，还有 {days} 天", yuan(fen)),
        Lang::En if days < 0 => format!("{} due {due}, {} days overdue", yuan(fen), -days),
        Lang::En => format!("{} due {due}, in {days} days", yuan(fen)),
    }
}

pub fn habits_text(lang: Lang, n: u32, payday: Option<u32>, avg_late: Option<u32>) -> String {
    let day = payday.map(|d| d.to_string()).unwrap_or_else(|| "—".into());
    let late = avg_late.unwrap_or(0);
    match lang {
        Lang::ZhCn => format!("{n} 笔回款；常在每月 {day} 日付款；平均逾期 {late} 天"),
        Lang::En => {
            let payments = if n == 1 { "1 payment".to_owned() } else { format!("{n} payments") };
            let days = if late == 1 { "day" } else { "days" };
            format!("{payments}; usually paid on day {day} of the month; {late} {days} late on average")
        }
    }
}

pub fn payment_line(lang: Lang, day: NaiveDate, fen: i64, who: &str) -> String {
    match lang {
        Lang::ZhCn => format!("{day} {}，{who} 登记", yuan(fen)),
        Lang::En => format!("{day} {} recorded by {who}", yuan(fen)),
    }
}

pub fn order_title(lang: Lang, created: &str, total_fen: i64) -> String {
    match lang {
        Lang::ZhCn => format!("{created} 订单 {}", yuan(total_fen)),
        Lang::En => format!("Order of {created}, {}", yuan(total_fen)),
    }
}

/// O2: a part of the day a customer prefers to be asked for money.
pub fn slot_label(lang: Lang, s: CollectSlot) -> &'static str {
    match s {
        CollectSlot::Morning => OMsg::SlotMorning.text(lang),
        CollectSlot::Afternoon => OMsg::SlotAfternoon.text(lang),
        CollectSlot::Evening => OMsg::SlotEvening.text(lang),
    }
}

/// O2: the preferred times, or "any time".
pub fn slots_text(lang: Lang, slots: &[CollectSlot]) -> String {
    if slots.is_empty() {
        return OMsg::AnyTime.text(lang).to_owned();
    }
    let sep = if lang == Lang::ZhCn { "、" } else { ", " };
    slots.iter().map(|s| slot_label(lang, *s)).collect::<Vec<_>>().join(sep)
}

/// O2: when and how to chase one reminder: "Chase on 2026-03-25 (payday) · Afternoons".
pub fn chase_text(lang: Lang, h: &ChaseHint) -> String {
    let payday = h.payday == Some(h.chase_on);
    let mark = if payday {
        match lang {
            Lang::ZhCn => format!("（{}）", OMsg::PaydayMark.text(lang)),
            Lang::En => format!(" ({})", OMsg::PaydayMark.text(lang)),
        }
    } else {
        String::new()
    };
    let sep = if lang == Lang::ZhCn { "：" } else { ": " };
    format!("{}{sep}{}{mark} · {}", OMsg::ChaseOn.text(lang), h.chase_on, slots_text(lang, &h.slots))
}

/// O2: a recorded payday, "每月 10 日付款" / "Payday: day 10 of each month".
pub fn payday_text(lang: Lang, day: u32) -> String {
    match lang {
        Lang::ZhCn => format!("每月 {day} 日付款"),
        Lang::En => format!("Payday: day {day} of each month"),
    }
}
