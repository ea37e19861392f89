//! zh-CN / en strings of the A2 KPI card.

use crate::domain::application::Ratio;
use crate::ui::i18n::Lang;

crate::catalogue! { KMsg {
    Title => "考核指标", "KPIs";
    Month => "月份", "Month";
    Team => "团队", "Team";
    NewAccounts => "本月新开户", "New accounts this month";
    Satisfaction => "客户满意度", "Customer satisfaction";
    ReviewOnTime => "按时审核", "Reviews on time";
    Conversion => "转化率", "Conversion rate";
    Complaints => "投诉率", "Complaint rate";
    Target => "目标", "Target";
    Met => "达标", "Met";
    Missed => "未达标", "Missed";
    NoData => "无数据", "No data";
    NoTarget => "无目标", "No target";
    NoTargetSet => "未设定", "not set";
    NoReps => "团队里还没有销售代表。", "The team has no reps yet.";
    TargetLabel => "每位销售每月新开户目标", "Monthly new accounts target per rep";
    TargetHint => "团队目标 = 每人目标 × 销售人数；达到 80% 即达标。", "The team's target is this times the number of reps; 80 % of it is met.";
    SaveTarget => "保存目标", "Save target";
    Saved => "已保存", "Saved";
    BadTarget => "请输入 0 到 9999 的整数。", "Enter a whole number from 0 to 9999.";
    ManagerOnly => "只有经理可以修改目标。", "Only a manager changes the target.";
    Reading => "正在读取…", "Reading…";
    Basis => "新开户 = 本月审批通过的申请；满意度 = 本月结案的服务评分 ≥ 4；按时审核 = 本月决定的申请 ≤ 3 个工作日；转化 = 本月有活动记录的客户中本月财务确认收款的；投诉率 = 本月投诉 ÷ 本月服务的客户。",
        "New accounts = applications approved this month; satisfaction = service items closed this month scored 4 or 5; on time = applications decided this month within 3 working days; conversion = customers with an activity this month who paid (finance-confirmed) this month; complaint rate = complaints this month ÷ customers served this month.";
} }

/// "87.5 %" from a ratio's tenths of a percent; "—" with nothing measured.
pub fn percent(r: Ratio) -> String {
    match r.per_mille() {
        None => "—".into(),
        Some(pm) if pm % 10 == 0 => format!("{} %", pm / 10),
        Some(pm) => format!("{}.{} %", pm / 10, pm % 10),
    }
}

/// The counts behind a ratio: "9 of 10" / "9/10".
pub fn counts(lang: Lang, r: Ratio) -> String {
    if r.den == 0 {
        return String::new();
    }
    match lang {
        Lang::ZhCn => format!("{}/{}", r.num, r.den),
        Lang::En => format!("{} of {}", r.num, r.den),
    }
}

/// The target of a rate: "≥ 90 %" / "≤ 3 working days".
pub fn at_least(percent: u64) -> String {
    format!("≥ {percent} %")
}

pub fn review_target(lang: Lang, days: u32) -> String {
    match lang {
        Lang::ZhCn => format!("全部 ≤ {days} 个工作日"),
        Lang::En => format!("all ≤ {days} working days"),
    }
}

pub fn accounts_target(lang: Lang, target: u64, percent: u64) -> String {
    match lang {
        Lang::ZhCn => format!("{target}（≥ {percent}%）"),
        Lang::En => format!("{target} (≥ {percent} %)"),
    }
}
