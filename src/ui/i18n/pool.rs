//! zh-CN / en strings of the pool page and the manager's tools.

use crate::domain::handover::HandoverStatus;
use crate::domain::money::format_yuan;
use crate::domain::team_rules::RulesError;
use crate::ui::i18n::Lang;

crate::catalogue! { PMsg {
    TabPool => "公海", "Pool";
    TabReview => "新客户审核", "Review";
    TabReassign => "改派", "Reassign";
    TabDistribute => "线索分配", "Distribute";
    TabHandover => "交接", "Handover";
    ForYou => "需要你处理", "For you";
    NoteDue => "已退回公海，请补写交接说明。", "returned to the pool; write its release note.";
    BackSince => "回公海于", "back since";
    ReviewTitle => "待审核的新客户", "New customers to review";
    ReviewHint => "代表应在 2 个工作日内录入新客户，经理审核。超过 2 个工作日未审核的排在前面。", "Reps enter a new customer within 2 working days; the manager reviews it. Those waiting over 2 working days come first.";
    NothingToReview => "没有待审核的新客户。", "Nothing to review.";
    Overdue => "已超时", "Overdue";
    EnteredLate => "录入迟了", "Entered late";
    Reviewed => "审核通过", "Reviewed";
    ReassignTitle => "分配后一周未联系", "Assigned, not contacted within a week";
    ReassignHint => "分配给代表的客户须在一周内联系，否则经理可以改派。", "A rep must contact an assigned customer within a week, or the manager may reassign it.";
    NothingToReassign => "没有需要改派的客户。", "Nothing to reassign.";
    DueSince => "应联系期限", "contact was due";
    Reassign => "改派", "Reassign";
    DistributeTitle => "活动线索分配", "Distribute leads";
    DistributeHint => "选择公海中的线索，设置每位代表的容量；系统按现有客户数与容量平衡分配，可逐条修改后应用。", "Pick leads from the pool and set each rep's capacity; Outpost balances them against what each rep holds. Change any line, then apply.";
    LeadSource => "线索来源", "Lead source";
    AllPool => "公海全部", "Whole pool";
    SelectAll => "全选", "Select all";
    Capacity => "容量", "Capacity";
    Holds => "现有", "holds";
    Propose => "生成方案", "Propose";
    KeepInPool => "留在公海", "Keep in pool";
    NoRoom => "容量不足，留在公海的线索：", "No room left; leads staying in the pool:";
    Apply => "应用", "Apply";
    HandoverTitle => "客户交接", "Handover";
    HandoverHint => "离职或调岗时，把代表的每个客户连同真实状况与应收款交给他人；每个客户留下可追溯记录。离职代表交接完成前暂扣提成。", "When a rep leaves or changes role, hand each of their customers, with its true state and receivables, to someone else; every customer keeps a traceable record. A leaving rep's commission is held until the handover is complete.";
    HandoverFrom => "交出客户的代表", "Rep handing over";
    MarkLeaving => "标记为离职", "Mark as leaving";
    NotLeaving => "取消离职标记", "Not leaving after all";
    HeldAmount => "暂扣的销售提成：¥", "Sales commission held: ¥";
    Customer => "客户", "Customer";
    Receivable => "应收款", "Receivable";
    HandTo => "交给", "Hand to";
    TrueState => "真实状况", "True state";
    NotRecorded => "尚无订单数据", "no orders recorded yet";
    RulesTitle => "团队规则（公海与价值等级）", "Team rules (pool and value tiers)";
    RulesManagerOnly => "只有经理可以修改团队规则。", "Only a manager changes the team rules.";
    RuleP1 => "未成交回公海（月）", "Back to the pool without a deal after (months)";
    RuleP3 => "无销售回公海（月）", "Back to the pool after no sale for (months)";
    RuleP8 => "分配后须联系（天）", "Contact an assigned customer within (days)";
    RuleWindow => "价值等级统计近几个月回款", "Value tier: turnover over the last (months)";
    RuleVip => "VIP 起点（元）", "VIP from (yuan)";
    RuleA => "A 级起点（元）", "Tier A from (yuan)";
    RuleB => "B 级起点（元）", "Tier B from (yuan)";
    RuleLongTerm => "长期合作（月）", "Long-term partner after (months)";
    RuleLate => "逾期超过几天算付款不良", "A payment this many days late is poor";
    RequireNote => "客户须先有退回说明，才回到公海供认领", "A customer goes back to the pool for claiming only once its release note is in";
    HeldForNote => "等待原负责人的退回说明，暂不可认领。", "Waiting for the previous owner's release note: not open to claims yet.";
    LastNote => "最近的退回说明", "Latest release note";
    SendBack => "退回补充", "Send back for more detail";
    SendBackHint => "写明还需要补充什么，原负责人会在“今日”和客户页看到。", "Say what is missing; the rep sees it on Today and on the customer.";
    SendBackComment => "需要补充的内容", "What is missing";
    SendBackRequired => "请写明需要补充的内容。", "Say what is missing.";
    SentBack => "已退回给原负责人。", "Sent back to the rep.";
    SentBackAsking => "已退回，等待补充：", "Sent back, waiting for an answer to: ";
    ReturnedAsk => "经理退回了你的退回说明，要求补充：", "The manager sent your release note back asking: ";
    CapacitySave => "保存容量", "Save capacities";
    CapacitySaved => "容量已保存，全团队同步。", "Capacities saved for the whole team.";
    BadCapacity => "容量须是 0 到 10000 之间的整数。", "A capacity is a whole number from 0 to 10000.";
} }

pub fn waiting_text(lang: Lang, days: i64) -> String {
    match lang {
        Lang::ZhCn => format!("已等待 {days} 个工作日"),
        Lang::En => format!("waiting {days} working day(s)"),
    }
}

pub fn distributed_text(lang: Lang, n: usize) -> String {
    match lang {
        Lang::ZhCn => format!("已分配 {n} 条线索。"),
        Lang::En => format!("{n} lead(s) assigned."),
    }
}

pub fn handover_status_text(lang: Lang, s: &HandoverStatus, leaving: bool) -> String {
    let money = format_yuan(s.receivables_fen);
    match (lang, leaving && s.commission_held, leaving) {
        (Lang::ZhCn, true, _) => format!("仍持有 {} 个客户（已知应收 ¥{money}）；交接完成前暂扣提成。", s.remaining),
        (Lang::En, true, _) => format!(
            "Still holds {} customer(s) (known receivables ¥{money}); commission held until the handover is complete.",
            s.remaining
        ),
        (Lang::ZhCn, false, true) => "交接已完成，提成不再暂扣。".into(),
        (Lang::En, false, true) => "Handover complete; commission no longer held.".into(),
        (Lang::ZhCn, _, false) => format!("持有 {} 个客户（已知应收 ¥{money}）。", s.remaining),
        (Lang::En, _, false) => format!("Holds {} customer(s) (known receivables ¥{money}).", s.remaining),
    }
}

pub fn rules_error_text(lang: Lang, e: Option<&RulesError>) -> String {
    match (lang, e) {
        (Lang::ZhCn, None) => "请填写整数；金额以元为单位，最多两位小数。".into(),
        (Lang::En, None) => "Enter whole numbers; amounts in yuan with at most two decimals.".into(),
        (Lang::ZhCn, Some(RulesError::OutOfRange { max, .. })) => {
            format!("月数与天数须在 1 到 {max} 之间。")
        }
        (Lang::En, Some(RulesError::OutOfRange { max, .. })) => {
            format!("Months and days must be between 1 and {max}.")
        }
        (Lang::ZhCn, Some(RulesError::ThresholdsOutOfOrder)) => "等级起点须递增：B < A < VIP，且都大于 0。".into(),
        (Lang::En, Some(RulesError::ThresholdsOutOfOrder)) => "Thresholds must rise: B < A < VIP, all above 0.".into(),
    }
}
