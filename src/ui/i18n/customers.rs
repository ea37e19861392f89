//! zh-CN / en strings of the customers, pool and import pages.

use chrono::{FixedOffset, TimeZone};

use crate::domain::customer::{CustomerError, SEGMENTS, SOURCES};
use crate::domain::customer_list::Sort;
use crate::domain::money::format_yuan;
use crate::domain::pool::{Change, HistoryItem, OwnReason, Rule};
use crate::domain::tier::Tier;
use crate::ui::i18n::Lang;

crate::catalogue! { CMsg {
    SearchHint => "搜索：公司、联系人、电话、拼音（如 zs）", "Search: company, contact, phone, pinyin (e.g. zs)";
    NewCustomer => "新建客户", "New customer";
    Import => "导入 CSV", "Import CSV";
    ExportCsv => "导出 CSV", "Export CSV";
    ExportXlsx => "导出 Excel", "Export Excel";
    ListLoading => "正在读取本机客户…", "Reading the customers on this device…";
    Empty => "还没有客户。点“新建客户”或“导入 CSV”开始。", "No customers yet. Start with “New customer” or “Import CSV”.";
    NotFound => "这台设备上没有这个客户（可能尚未同步）。", "This customer is not on this device (perhaps not synced yet).";
    BackToList => "‹ 客户列表", "‹ Customers";
    CustomerFile => "客户档案", "Customer file";
    DraftRestored => "已恢复上次未保存的输入。", "Restored what you typed last time and did not save.";
    DraftDiscard => "放弃这些输入", "Discard it";
    FixErrors => "请先改正标出的内容，再保存。", "Fix the marked fields, then save.";
    Saved => "已保存。", "Saved.";
    Required => "必填。", "Required.";
    FieldName => "公司名称", "Company name";
    FieldCreditCode => "统一社会信用代码", "Unified social credit code";
    FieldLicence => "营业执照号", "Business licence no.";
    FieldTax => "税务登记号", "Tax registration no.";
    FieldAddress => "地址", "Address";
    FieldRegion => "地区", "Region";
    FieldIndustry => "行业", "Industry";
    FieldNature => "经济性质", "Economic nature";
    FieldSize => "规模", "Size";
    FieldMainBusiness => "主营业务", "Main business";
    FieldCreditStanding => "资信状况", "Credit standing";
    FieldManagement => "管理层背景", "Management background";
    FieldSource => "来源渠道", "Source channel";
    FieldSegment => "客户分类", "Segment";
    FieldGrade => "需求等级", "Demand grade";
    FieldTier => "价值等级", "Value tier";
    FieldSpend => "年消费额（元）", "Annual spend (yuan)";
    FieldDiscount => "折扣（%）", "Discount (%)";
    FieldNotes => "备注", "Notes";
    FieldCollectedOn => "收集日期", "Collected on";
    FieldSpecial => "特殊背景（每周跟进）", "Special background (weekly follow-up)";
    FieldCreditFlag => "信用预警", "Credit warning";
    CreditFlagManagerOnly => "只有经理可以设置或取消信用预警。", "Only a manager sets or clears the credit warning.";
    FirstContact => "第一位联系人", "First contact";
    Contacts => "联系人", "Contacts";
    ContactName => "姓名", "Name";
    ContactTitle => "职务", "Title";
    ContactPhone => "电话", "Phone";
    ContactEmail => "邮箱", "Email";
    DecisionMaker => "决策人", "Decision maker";
    ContactInterests => "关注点与兴趣（见面前可准备的话题）", "Interests and concerns (topics to prepare before meeting)";
    PrepTitle => "见面前：对方关注什么（决策人在前）", "Before you meet: what the people there care about (decision makers first)";
    AddContact => "添加联系人", "Add a contact";
    Edit => "编辑", "Edit";
    FilterOwner => "归属", "Owner";
    Everyone => "全部", "Everyone";
    Mine => "我的客户", "Mine";
    InPool => "公海", "Pool";
    Any => "不限", "Any";
    FilterSoon => "7 天内回公海", "Back to pool within 7 days";
    SortBy => "排序", "Sort";
    Filters => "筛选", "Filters";
    TeamLists => "团队的来源渠道与客户分类（每行一项）", "Team source channels and segments (one per line)";
    TeamCounts => "团队自定义的计数（每行一个，用于目标）", "The team's own counts (one per line, for targets)";
    TeamCountsHint => "例如：产品演示、宣传资料发放。销售每天登记，经理按人设目标。", "For example: demos given, brochures handed out. Reps log them; the manager sets targets per rep.";
    ClearFilters => "清除筛选", "Clear filters";
    PoolEmpty => "公海里没有客户。", "The pool is empty.";
    Owner => "归属", "Owner";
    Claim => "认领", "Claim";
    LogContact => "记录一次联系", "Log a contact";
    Release => "退回公海", "Return to pool";
    MarkReviewed => "审核通过", "Mark reviewed";
    AssignTo => "分配给", "Assign to";
    AssignReason => "方式", "As";
    ReasonAssigned => "分配", "Assigned";
    ReasonReferred => "转介", "Referred";
    Note => "说明", "Note";
    Assign => "分配", "Assign";
    ChooseRep => "请选择销售代表。", "Choose a rep.";
    ReassignDue => "分配后一周内未联系，可以改派。", "Not contacted within a week of assignment: you may reassign it.";
    History => "归属记录", "Ownership history";
    ReleaseHint => "退回公海前请写明：", "Before it returns to the pool, record:";
    ReleaseExpiredHint => "这个客户已按规则退回公海，请补写交接说明：", "This customer returned to the pool under the rules; please write its release note:";
    ReleaseStatus => "客户现状", "Customer status";
    ReleaseContacts => "当前联系人", "Current contacts";
    ReleaseProgress => "洽谈进展", "How far talks got";
    ReleaseSave => "保存并退回公海", "Save and release";
    CreditFlag => "信用预警", "Credit warning";
    NextFollowUp => "下次跟进", "Next follow-up";
    Owed => "应收未收", "Owed";
    LastActivity => "最近一次跟进", "Last activity";
    Call => "打电话", "Call";
    Sms => "发短信", "Text";
    LogVisit => "记录拜访", "Log a visit";
    Sections => "页面分区", "Sections";
    SecOverview => "概况", "Overview";
    SecActivities => "跟进", "Activities";
    SecFile => "档案", "File";
    SecMoney => "订单与回款", "Orders & money";
    SecService => "服务", "Service";
    SecKeyAccount => "大客户", "Key account";
    SecApplications => "申请", "Applications";
    UnsavedChanges => "有未保存的修改", "unsaved changes";
    DiscardTyped => "刚才输入的修改还没有保存。", "What you typed is not saved.";
    DiscardChanges => "放弃修改", "Discard changes";
    KeepEditing => "继续编辑", "Keep editing";
    Yes => "是", "Yes";
    No => "否", "No";
    LatestActivities => "最近跟进", "Latest activities";
    NextStepAgreed => "约定的下一步", "Next step agreed";
    AllActivities => "查看全部跟进记录", "See all activities";
    CreditFlagHint => "付款记录不佳或已标记信用预警。", "Poor payment record or a credit warning is set.";
    Payments => "回款与价值等级", "Payments and value tier";
    Turnover => "近 12 个月已确认回款", "Confirmed payments, last 12 months";
    ConfirmPayment => "确认收款", "Confirm a payment received";
    ClosingRep => "成交代表", "Closing rep";
    AmountYuan => "金额（元）", "Amount (yuan)";
    PaidOn => "付款日期", "Paid on";
    DaysLate => "逾期天数", "Days late";
    ErrAmount => "请输入大于 0 的金额，最多两位小数。", "Enter an amount above 0 with at most two decimals.";
    ErrDate => "请选择日期。", "Choose a date.";
    ErrDaysLate => "逾期天数是 0 或正整数。", "Days late is 0 or a whole number.";
    ProblemCustomer => "问题客户", "Problem customer";
    MarkProblem => "标记为问题客户", "Mark as a problem customer";
    ClearProblem => "取消问题客户标记", "Clear the problem mark";
    ProblemReason => "原因（团队可见）", "Why (the team sees this)";
    ProblemReasonRequired => "请写明原因。", "Say why.";
    FilterProblem => "仅问题客户", "Problem customers only";
} }

pub fn shown_count(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::ZhCn if shown == total => format!("共 {total} 个客户"),
        Lang::ZhCn => format!("显示 {shown} / {total} 个客户"),
        Lang::En if shown == total && total == 1 => "1 customer".to_owned(),
        Lang::En if shown == total => format!("{total} customers"),
        Lang::En if total == 1 => format!("{shown} of 1 customer"),
        Lang::En => format!("{shown} of {total} customers"),
    }
}

pub fn tier_label(lang: Lang, t: Tier) -> &'static str {
    match (t, lang) {
        (Tier::Vip, Lang::ZhCn) => "VIP",
        (Tier::Vip, Lang::En) => "VIP",
        (Tier::SpecialVip, Lang::ZhCn) => "特殊VIP",
        (Tier::SpecialVip, Lang::En) => "Special VIP",
        (Tier::A, _) => "A",
        (Tier::B, _) => "B",
        (Tier::C, _) => "C",
    }
}

pub fn grade_label(lang: Lang, g: &str) -> String {
    match lang {
        Lang::ZhCn => format!("需求{}", g.to_uppercase()),
        Lang::En => format!("Demand {}", g.to_uppercase()),
    }
}

/// A team list entry: a default code in the user's language, else the team's own label.
pub fn list_label(lang: Lang, code: &str) -> String {
    SOURCES
        .iter()
        .chain(SEGMENTS.iter())
        .find(|s| s.0 == code)
        .map(|s| if lang == Lang::ZhCn { s.1 } else { s.2 }.to_owned())
        .unwrap_or_else(|| code.to_owned())
}

pub fn sort_label(lang: Lang, s: Sort) -> &'static str {
    match (s, lang) {
        (Sort::Name, Lang::ZhCn) => "名称",
        (Sort::Name, Lang::En) => "Name",
        (Sort::Updated, Lang::ZhCn) => "最近更新",
        (Sort::Updated, Lang::En) => "Recently changed",
        (Sort::ReturnsSoonest, Lang::ZhCn) => "最快回公海",
        (Sort::ReturnsSoonest, Lang::En) => "Back to pool soonest",
        (Sort::Tier, Lang::ZhCn) => "价值等级",
        (Sort::Tier, Lang::En) => "Value tier",
    }
}

pub fn reason_label(lang: Lang, r: OwnReason) -> &'static str {
    match (r, lang) {
        (OwnReason::FirstContact, Lang::ZhCn) => "首次接触",
        (OwnReason::FirstContact, Lang::En) => "first contact",
        (OwnReason::Claimed, Lang::ZhCn) => "公海认领",
        (OwnReason::Claimed, Lang::En) => "claimed",
        (OwnReason::FirstDeal, Lang::ZhCn) => "首次成交",
        (OwnReason::FirstDeal, Lang::En) => "first deal",
        (OwnReason::Referred, Lang::ZhCn) => "转介",
        (OwnReason::Referred, Lang::En) => "referred",
        (OwnReason::Assigned, Lang::ZhCn) => "分配",
        (OwnReason::Assigned, Lang::En) => "assigned",
        (OwnReason::Handover, Lang::ZhCn) => "交接",
        (OwnReason::Handover, Lang::En) => "handover",
    }
}

fn rule_label(lang: Lang, r: Rule) -> &'static str {
    match (r, lang) {
        (Rule::P1, Lang::ZhCn) => "两个月未成交",
        (Rule::P1, Lang::En) => "no deal in 2 months",
        (Rule::P3, Lang::ZhCn) => "连续三个月无销售",
        (Rule::P3, Lang::En) => "3 quiet months",
    }
}

pub fn days_left(lang: Lang, d: i64) -> String {
    match lang {
        Lang::ZhCn if d <= 0 => "今天回公海".into(),
        Lang::ZhCn => format!("{d} 天后回公海"),
        Lang::En if d <= 0 => "back to pool today".into(),
        Lang::En => format!("back to pool in {d} d"),
    }
}

/// An instant as a date at China time (the default team offset).
pub fn date_text(lang: Lang, ms: i64) -> String {
    let tz = FixedOffset::east_opt(8 * 3600).unwrap_or(FixedOffset::east_opt(0).expect("UTC"));
    let Some(dt) = tz.timestamp_millis_opt(ms).single() else {
        return String::new();
    };
    match lang {
        Lang::ZhCn => dt.format("%Y年%-m月%-d日").to_string(),
        Lang::En => dt.format("%-d %b %Y").to_string(),
    }
}

/// `days`: team-local calendar days to the return (as the list and the glance count them).
pub fn returns_text(lang: Lang, at_ms: i64, rule: Option<Rule>, days: i64) -> String {
    let rule = rule.map(|r| rule_label(lang, r)).unwrap_or_default();
    match lang {
        Lang::ZhCn => format!("{} 回公海（{}，还有 {} 天）", date_text(lang, at_ms), rule, days.max(0)),
        Lang::En => format!("Returns to the pool on {} — {}, {} days left", date_text(lang, at_ms), rule, days.max(0)),
    }
}

/// P6: the notice a rep sees when an earlier claim won.
pub fn lost_claim_text(lang: Lang, holder: &str, since_ms: i64, claimed_ms: i64) -> String {
    match lang {
        Lang::ZhCn => format!(
            "你在 {} 的认领未生效：{} 自 {} 起已持有该客户（先认领者优先）。",
            date_text(lang, claimed_ms),
            holder,
            date_text(lang, since_ms)
        ),
        Lang::En => format!(
            "Your claim of {} did not take effect: {} has held this customer since {} (earliest claim wins).",
            date_text(lang, claimed_ms),
            holder,
            date_text(lang, since_ms)
        ),
    }
}

pub fn payment_text(lang: Lang, day: chrono::NaiveDate, fen: i64, late: u32, rep: &str) -> String {
    match lang {
        Lang::ZhCn if late > 0 => {
            format!("{day} ¥{}，{rep} 成交，逾期 {late} 天", format_yuan(fen))
        }
        Lang::ZhCn => format!("{day} ¥{}，{rep} 成交", format_yuan(fen)),
        Lang::En if late > 0 => format!("{day} ¥{} by {rep}, {late} days late", format_yuan(fen)),
        Lang::En => format!("{day} ¥{} by {rep}", format_yuan(fen)),
    }
}

/// A rule id such as `P7`: for code and tests, never shown to users.
fn is_rule_id(note: &str) -> bool {
    let mut c = note.chars();
    c.next().is_some_and(|l| l.is_ascii_uppercase()) && (2..=3).contains(&note.len()) && c.all(|d| d.is_ascii_digit())
}

/// One line of the ownership history (H2: every change of hands is traceable).
pub fn history_text(lang: Lang, h: &HistoryItem, name: &dyn Fn(&str) -> String) -> String {
    let when = date_text(lang, h.at_ms);
    let who = |p: &Option<String>| p.as_deref().map(name).unwrap_or_else(|| "—".into());
    let (from, to) = (who(&h.from), who(&h.to));
    let by = h.by.as_deref().map(name);
    let by_text = |lang: Lang| match (lang, &by) {
        (_, None) => String::new(),
        (Lang::ZhCn, Some(b)) => format!("（{b} 操作）"),
        (Lang::En, Some(b)) => format!(" (by {b})"),
    };
    match (&h.change, lang) {
        (Change::Owned { reason, note }, _) if is_rule_id(note) => {
            // Older builds stored the rule id ("P7", "P8") as the note of automatic assignments.
            let h = HistoryItem { change: Change::Owned { reason: *reason, note: String::new() }, ..h.clone() };
            history_text(lang, &h, name)
        }
        (Change::Owned { reason, note }, Lang::ZhCn) => {
            let note = if note.is_empty() { String::new() } else { format!("：{note}") };
            format!("{when} {to} 获得归属（{}）{}{note}", reason_label(lang, *reason), by_text(lang))
        }
        (Change::Owned { reason, note }, Lang::En) => {
            let note = if note.is_empty() { String::new() } else { format!(": {note}") };
            format!("{when} {to} owns it ({}){}{note}", reason_label(lang, *reason), by_text(lang))
        }
        (Change::Expired { rule }, _) => match lang {
            Lang::ZhCn => format!("{when} 从 {from} 退回公海：{}", rule_label(lang, *rule)),
            Lang::En => format!("{when} back to the pool from {from}: {}", rule_label(lang, *rule)),
        },
        (Change::Released { note, .. }, Lang::ZhCn) => {
            format!("{when} {from} 退回公海。现状：{}；联系人：{}；进展：{}", note.status, note.contacts, note.progress)
        }
        (Change::Released { note, .. }, Lang::En) => format!(
            "{when} {from} released it. Status: {}; contacts: {}; talks: {}",
            note.status, note.contacts, note.progress
        ),
        (Change::NoteReturned { comment }, Lang::ZhCn) => {
            format!("{when} {from} 的退回说明被退回补充{}：{comment}", by_text(lang))
        }
        (Change::NoteReturned { comment }, Lang::En) => {
            format!("{when} {from}'s release note sent back{}: {comment}", by_text(lang))
        }
    }
}

/// A refused field in words.
pub fn field_error_text(lang: Lang, e: &CustomerError) -> String {
    use CustomerError as E;
    let zh = lang == Lang::ZhCn;
    match e {
        E::CompanyEmpty => {
            if zh {
                "请输入公司名称。".into()
            } else {
                "Enter the company name.".into()
            }
        }
        E::CompanyTooLong => {
            if zh {
                "公司名称最多 100 个字。".into()
            } else {
                "A company name has at most 100 characters.".into()
            }
        }
        E::BadPhone => {
            if zh {
                "电话由 5–20 位数字组成，可含空格、+ 和 -。".into()
            } else {
                "A phone number has 5–20 digits and may contain spaces, + and -.".into()
            }
        }
        E::TooLong { max } => {
            if zh {
                format!("最多 {max} 个字。")
            } else {
                format!("At most {max} characters.")
            }
        }
        E::CreditCodeLength(n) => {
            if zh {
                format!("统一社会信用代码是 18 位，这里是 {n} 位。")
            } else {
                format!("A unified social credit code has 18 characters, not {n}.")
            }
        }
        E::CreditCodeChar(c) => {
            if zh {
                format!("统一社会信用代码里不能有“{c}”（不含 I、O、Z、S、V）。")
            } else {
                format!("“{c}” cannot appear in a unified social credit code (no I, O, Z, S, V).")
            }
        }
        E::CreditCodeCheck { expected } => {
            if zh {
                format!("校验位不对，应为 {expected}；请核对代码。")
            } else {
                format!("The check character is wrong (expected {expected}); check the code.")
            }
        }
        E::BadEmail => {
            if zh {
                "邮箱格式不对。".into()
            } else {
                "This is not a valid email address.".into()
            }
        }
        E::DiscountOutOfRange => {
            if zh {
                "折扣在 0 到 100 之间。".into()
            } else {
                "A discount is between 0 and 100.".into()
            }
        }
        E::NegativeAmount => {
            if zh {
                "金额不能为负。".into()
            } else {
                "An amount cannot be negative.".into()
            }
        }
        E::BadGrade => {
            if zh {
                "需求等级是 A、B 或 C。".into()
            } else {
                "The demand grade is A, B or C.".into()
            }
        }
        E::ContactEmpty => {
            if zh {
                "联系人至少要有姓名、电话或邮箱之一。".into()
            } else {
                "A contact needs a name, a phone or an email.".into()
            }
        }
        E::NotAnAmount => {
            if zh {
                "请输入金额（元），最多两位小数。".into()
            } else {
                "Enter an amount in yuan with at most two decimals.".into()
            }
        }
        E::NotAPercentage => {
            if zh {
                "请输入 0–100 的整数。".into()
            } else {
                "Enter a whole number from 0 to 100.".into()
            }
        }
        E::NotADate => {
            if zh {
                "请输入日期（YYYY-MM-DD）。".into()
            } else {
                "Enter a date (YYYY-MM-DD).".into()
            }
        }
        E::NotYesNo => {
            if zh {
                "请填“是”或“否”。".into()
            } else {
                "Enter yes or no.".into()
            }
        }
    }
}
