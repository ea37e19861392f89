//! zh-CN / en strings of key-account support requests, activities and evaluations
//! (K1–K3).

use crate::domain::approval::{ActivityKind, ApprovalError, ApprovalStatus, Step};
use crate::domain::key_activity::{ActivityCounts, KeyActivityError, MAX_NOTES, MAX_WHO};
use crate::domain::key_service::Seat;
use crate::ui::i18n::Lang;

crate::catalogue! { KMsg {
    Title => "大客户支持与评价", "Key-account support and evaluations";
    Roles => "大客户审批角色", "Key-account approval roles";
    RolesHint => "主管先审核，经理再审批；两步须由两个人完成。", "The supervisor reviews first, then the manager approves; two different people.";
    RolesManagerOnly => "只有经理可以指定审批角色。", "Only a manager assigns approval roles.";
    Supervisor => "大客户主管（审核）", "Key-account supervisor (review)";
    Manager => "大客户经理（审批）", "Key-account manager (approval)";
    NewRequest => "申请支持", "Request support";
    SupportWanted => "需要的支持", "Support wanted";
    DeeperNeeds => "客户深层需求", "Deeper needs";
    Changes => "客户近期变化", "Recent changes";
    Organisation => "组织结构", "Organisation";
    PersonnelChanges => "人事变动", "Personnel changes";
    Applicant => "申请人", "Applicant";
    Date => "日期", "Date";
    Save => "保存", "Save";
    Cancel => "取消", "Cancel";
    Opinion => "意见", "Opinion";
    Pass => "同意", "Pass";
    RejectIt => "不同意", "Reject";
    Requests => "支持申请", "Support requests";
    NoRequests => "还没有支持申请。", "No support requests yet.";
    Evaluations => "服务评价", "Service evaluations";
    NoEvaluations => "还没有服务评价。", "No service evaluations yet.";
    NewEvaluation => "填写服务评价", "Write an evaluation";
    Activity => "活动", "Activity";
    ActivityDate => "活动日期", "Activity date";
    Evaluation => "评价", "Evaluation";
    ReturnVisit => "回访", "Return visit";
    ReturnVisitOn => "回访日期", "Visited on";
    CustomerOpinion => "客户意见", "Customer's opinion";
    RecordVisit => "记录回访", "Record the visit";
    NotYourStep => "等待有权限的人处理。", "Waiting for the person who holds this role.";
    Device => "设备", "device";
    KeyAccount => "大客户", "Key account";
    Activities => "大客户活动", "Key-account activities";
    NoActivities => "还没有记录大客户活动。", "No key-account activities recorded yet.";
    NewActivity => "记录活动", "Record an activity";
    ActivityKindLabel => "活动类型", "Kind";
    ActivityOn => "日期", "Date";
    ActivityWho => "参加人员", "Who took part";
    ActivityNotes => "备注", "Notes";
    ActivityEvent => "关联的公司活动", "Part of a team event";
    NoEvent => "无", "None";
    ActivitySaved => "活动已记录。", "Activity recorded.";
    RecordedBy => "记录人", "recorded by";
    ActivityCountsTitle => "评价可参考的已记录活动", "Recorded activities to weigh in the evaluation";
    ActivityCountsNone => "该客户还没有记录活动。", "No activities recorded for this customer.";
    ActivityCountLabel => "此类活动已记录", "Recorded activities of this kind";
    RecordOnlyTeam => "活动现场人员不能记录大客户活动。", "Event staff do not record key-account activities.";
    TermsTitle => "服务团队与服务条款", "Service team and terms";
    TermsNone => "还没有安排服务团队或约定服务条款。", "No service team or terms yet.";
    TermsSaved => "服务团队与条款已保存。", "Service team and terms saved.";
    TermsLeadsOnly => "服务团队与条款由经理或大客户主管/经理维护。", "A manager or a key-account supervisor or manager keeps the team and terms.";
    TermsEdit => "编辑团队与条款", "Edit team and terms";
    TeamLegend => "服务团队", "Service team";
    TermsLegend => "服务承诺", "What we promised";
    WarrantyLimited => "有限保修（年）", "Limited warranty (years)";
    WarrantyOnsite => "其中上门服务（年）", "Of which on-site (years)";
    WarrantyFull => "其中全保（年）", "Of which full cover (years)";
    SpecialRegions => "特殊地区保修承诺", "Special warranty regions";
    RushSupply => "加急供货", "Rush supply";
    PaidDelivery => "有偿点对点送货上门", "Paid door-to-door delivery";
    CustomProducts => "定制产品", "Made-to-order products";
    PaymentTerms => "特殊付款方式", "Special payment terms";
} }

/// The name of a seat in a key account's service team (K2).
pub fn seat_label(lang: Lang, r: Seat) -> &'static str {
    let zh = lang == Lang::ZhCn;
    match (r, zh) {
        (Seat::AccountManager, true) => "大客户经理",
        (Seat::AccountManager, false) => "Key-account manager",
        (Seat::Sales, true) => "销售支持",
        (Seat::Sales, false) => "Sales support",
        (Seat::Marketing, true) => "市场支持",
        (Seat::Marketing, false) => "Marketing support",
        (Seat::Finance, true) => "财务支持",
        (Seat::Finance, false) => "Finance support",
        (Seat::Training, true) => "培训支持",
        (Seat::Training, false) => "Training support",
    }
}

/// "5 years limited warranty, 3 on-site, 1 full cover" (K2).
pub fn warranty_text(lang: Lang, limited: u8, onsite: u8, full: u8) -> String {
    if lang == Lang::ZhCn {
        let mut s = format!("{limited} 年有限保修");
        if onsite > 0 {
            s.push_str(&format!("，{onsite} 年上门"));
        }
        if full > 0 {
            s.push_str(&format!("，{full} 年全保"));
        }
        s
    } else {
        let mut s = format!("{limited} years limited warranty");
        if onsite > 0 {
            s.push_str(&format!(", {onsite} on-site"));
        }
        if full > 0 {
            s.push_str(&format!(", {full} full cover"));
        }
        s
    }
}

pub fn status_label(lang: Lang, s: ApprovalStatus) -> &'static str {
    let zh = lang == Lang::ZhCn;
    match s {
        ApprovalStatus::AwaitingReview => {
            if zh {
                "待主管审核"
            } else {
                "Awaiting supervisor review"
            }
        }
        ApprovalStatus::AwaitingApproval => {
            if zh {
                "待经理审批"
            } else {
                "Awaiting manager approval"
            }
        }
        ApprovalStatus::Approved => {
            if zh {
                "已批准"
            } else {
                "Approved"
            }
        }
        ApprovalStatus::Rejected { .. } => {
            if zh {
                "未通过"
            } else {
                "Rejected"
            }
        }
    }
}

pub fn status_code(s: ApprovalStatus) -> &'static str {
    match s {
        ApprovalStatus::AwaitingReview => "awaiting_review",
        ApprovalStatus::AwaitingApproval => "awaiting_approval",
        ApprovalStatus::Approved => "approved",
        ApprovalStatus::Rejected { .. } => "rejected",
    }
}

pub fn step_label(lang: Lang, s: Step) -> &'static str {
    match (s, lang) {
        (Step::Review, Lang::ZhCn) => "主管审核",
        (Step::Review, Lang::En) => "Supervisor review",
        (Step::Approve, Lang::ZhCn) => "经理审批",
        (Step::Approve, Lang::En) => "Manager approval",
    }
}

pub fn activity_label(lang: Lang, a: ActivityKind) -> &'static str {
    let zh = lang == Lang::ZhCn;
    match a {
        ActivityKind::TechnicalSeminar => {
            if zh {
                "技术交流会"
            } else {
                "Technical seminar"
            }
        }
        ActivityKind::IndustryMeeting => {
            if zh {
                "行业会议"
            } else {
                "Industry meeting"
            }
        }
        ActivityKind::AppreciationEvent => {
            if zh {
                "客户答谢会"
            } else {
                "Appreciation event"
            }
        }
        ActivityKind::Launch => {
            if zh {
                "新品发布"
            } else {
                "Launch"
            }
        }
        ActivityKind::Tickets => {
            if zh {
                "赠票"
            } else {
                "Tickets"
            }
        }
    }
}

pub fn visit_due_text(lang: Lang, due: chrono::NaiveDate, overdue: bool) -> String {
    match (lang, overdue) {
        (Lang::ZhCn, false) => format!("须在 {due} 前回访客户"),
        (Lang::ZhCn, true) => format!("回访已超期（应在 {due} 前）"),
        (Lang::En, false) => format!("Return visit due by {due}"),
        (Lang::En, true) => format!("Return visit overdue (was due by {due})"),
    }
}

pub fn approval_error(lang: Lang, e: &ApprovalError) -> String {
    let zh = lang == Lang::ZhCn;
    match e {
        ApprovalError::WrongRole { .. } => {
            if zh {
                "你没有这一步的审批权限。".into()
            } else {
                "You do not hold the role for this step.".into()
            }
        }
        ApprovalError::NoOpinion => {
            if zh {
                "请填写意见。".into()
            } else {
                "Write an opinion.".into()
            }
        }
        ApprovalError::SamePerson => {
            if zh {
                "审核人不能同时审批。".into()
            } else {
                "The reviewer cannot also approve.".into()
            }
        }
        ApprovalError::NoSupportWanted => {
            if zh {
                "请写明需要的支持。".into()
            } else {
                "Say what support is wanted.".into()
            }
        }
        ApprovalError::NoApplicant => {
            if zh {
                "请填写申请人。".into()
            } else {
                "Name the applicant.".into()
            }
        }
        ApprovalError::NoEvaluation => {
            if zh {
                "请填写评价。".into()
            } else {
                "Write the evaluation.".into()
            }
        }
        ApprovalError::BeforeActivity { activity_on } => {
            if zh {
                format!("活动（{activity_on}）结束前不能评价。")
            } else {
                format!("An evaluation cannot be written before the activity on {activity_on}.")
            }
        }
        other => other.to_string(),
    }
}

/// Why a K2 activity was not recorded, in `lang`.
pub fn key_activity_error(lang: Lang, e: &KeyActivityError) -> String {
    let zh = lang == Lang::ZhCn;
    match e {
        KeyActivityError::NoAttendees => {
            if zh {
                "请填写参加人员。".into()
            } else {
                "Say who took part.".into()
            }
        }
        KeyActivityError::AttendeesTooLong => {
            if zh {
                format!("参加人员最多 {MAX_WHO} 个字。")
            } else {
                format!("Who took part fits in {MAX_WHO} characters.")
            }
        }
        KeyActivityError::NotesTooLong => {
            if zh {
                format!("备注最多 {MAX_NOTES} 个字。")
            } else {
                format!("The notes fit in {MAX_NOTES} characters.")
            }
        }
        KeyActivityError::InFuture { on } => {
            if zh {
                format!("活动举办后才能记录（{on} 还没到）；计划中的活动请在“活动”里安排。")
            } else {
                format!("An activity is recorded once it has happened ({on} is still ahead); plan it under Events.")
            }
        }
        KeyActivityError::UnknownEvent(_) => {
            if zh {
                "本机找不到所选的公司活动。".into()
            } else {
                "The chosen team event is not on this device.".into()
            }
        }
    }
}

/// K3's input from K2: the recorded activities by kind ("Technical seminar 2 · Tickets 1"),
/// or `None` when there are none.
pub fn counts_text(lang: Lang, counts: &ActivityCounts) -> Option<String> {
    let parts: Vec<String> = counts.0.iter().map(|(k, n)| format!("{} {n}", activity_label(lang, *k))).collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}
