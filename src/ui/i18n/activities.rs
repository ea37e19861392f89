//! zh-CN / en strings of activities, visit plans, minutes, the Today page and the
//! activity rules in Settings (V2–V9, P8, K3).

use crate::domain::first_contact::{FirstContactError, MaterialsVia};
use chrono::NaiveDate;

use crate::domain::activity::{ActivityError, ActivityKind, VisitStage};
use crate::domain::cadence::CadenceRule;
use crate::domain::minutes::MinutesStep;
use crate::domain::quota::{CustomerStatus, QuotaPeriod, QuotaProgress};
use crate::domain::visit_plan::{PlanError, PlanStatus};
use crate::ui::i18n::Lang;

crate::catalogue! { AMsg {
    ActivityLog => "跟进记录", "Activity log";
    LogActivity => "记录一次跟进", "Log an activity";
    Kind => "方式", "Kind";
    When => "时间", "When";
    PersonMet => "见到的人", "Person met";
    PersonTitle => "职务", "Title";
    DecisionMaker => "决策人", "Decision maker";
    Needs => "客户提出的需求与问题", "Needs and problems stated";
    Stage => "拜访阶段", "Visit stage";
    NextStep => "下一步", "Next step";
    NextStepDue => "下一步日期", "Next step by";
    Notes => "备注", "Notes";
    SaveActivity => "保存记录", "Save activity";
    Logged => "已记录。", "Logged.";
    CloseSheet => "关闭", "Close";
    DraftKept => "草稿已保留", "draft kept";
    NoActivities => "还没有跟进记录。", "No activities yet.";
    QuickContact => "联系客户（自动记入跟进）", "Contact (logged automatically)";
    CallBtn => "打电话", "Call";
    SmsBtn => "发短信", "SMS";
    EmailBtn => "发邮件", "Email";
    NoContactWays => "联系人还没有电话或邮箱。", "No contact has a phone or email yet.";
    TabPlans => "拜访计划", "Visit plans";
    TabMinutes => "会议纪要", "Minutes";
    NewPlan => "新建拜访计划", "New visit plan";
    PlanHint => "出发前提交拜访计划与目标，经理批准后再出发。", "File the plan with its goals before going out; the manager approves it before you leave.";
    PlanDay => "拜访日期", "Day";
    PlanGoals => "拜访目标", "Goals";
    PlanCustomers => "拜访客户", "Customers";
    PickCustomers => "选择客户（可多选）", "Pick customers (several allowed)";
    FilePlan => "提交审批", "File for approval";
    Filed => "已提交，等待经理审批。", "Filed; waiting for the manager.";
    Opinion => "经理意见", "Manager's opinion";
    Approve => "批准", "Approve";
    Reject => "驳回", "Reject";
    Print => "打印拜访单", "Print visit form";
    PrintNow => "打印", "Print";
    Back => "‹ 返回", "‹ Back";
    NoPlans => "还没有拜访计划。", "No visit plans yet.";
    Rep => "代表", "Rep";
    AllReps => "全部代表", "All reps";
    OnlyPending => "只看待审批", "Only awaiting approval";
    VisitForm => "拜访单", "Visit form";
    Signature => "经理签字", "Manager's signature";
    Result => "拜访结果", "Result";
    MinutesTitle => "会议纪要", "Minutes";
    MinutesHint => "拜访或会议后 2 个工作日内写纪要；经理审阅；发给客户并确认收到。逾期会提示代表和经理。", "Write minutes within 2 working days of a visit or meeting; the manager reviews them; send them to the customer and confirm receipt. Overdue minutes are flagged to the rep and the manager.";
    NoMinutes => "没有需要写的纪要。", "No minutes owed.";
    DueBy => "截止", "Due";
    Overdue => "已逾期", "Overdue";
    WrittenLate => "迟交", "Written late";
    WriteMinutes => "写纪要", "Write minutes";
    MinutesText => "纪要内容", "Minutes";
    SaveMinutes => "保存纪要", "Save minutes";
    ErrMinutesEmpty => "请写纪要内容。", "Write the minutes.";
    OverdueAlert => "有纪要逾期未写。", "Some minutes are overdue.";
    ShowDone => "显示已完成", "Show finished";
    FollowUps => "待跟进客户", "Follow-ups due";
    NoFollowUps => "今天没有到期的跟进。", "No follow-ups due.";
    Upcoming => "即将到期", "Coming up";
    NoRegion => "未填地区", "No region";
    Quotas => "指标进度", "Quotas";
    MinutesDue => "待写纪要", "Minutes due";
    RulesTitle => "跟进节奏与指标", "Follow-up cadence and quotas";
    RulesManagerOnly => "只有经理可以修改。", "Only a manager changes these.";
    EarlyDesignDays => "初步设计项目：每几天跟进", "Early-design projects: follow up every (days)";
    OtherStageDays => "其他阶段项目：每几天跟进", "Projects in other stages: every (days)";
    SpecialDays => "特殊背景客户：每几天跟进", "Special-background customers: every (days)";
    ServiceDays => "服务后几天内回访", "Return visit after a service within (days)";
    ConfirmDays => "寄出资料后几天内电话确认并预约", "Call to confirm and book within (days) of sending material";
    FirstContactTitle => "首次接触", "First contact";
    FcPurpose => "这次联系是", "This contact was";
    FcNone => "一般跟进", "A follow-up";
    FcMaterials => "寄送公司资料", "Company material sent";
    FcConfirm => "电话确认并预约拜访", "Call to confirm and book a meeting";
    FcInvitation => "邀请参加研讨会/巡展", "Invitation to a seminar or roadshow";
    FcVia => "资料寄送方式", "Material sent by";
    FcViaEmail => "电子邮件", "Email";
    FcViaPost => "邮寄", "Post";
    FcViaWebsite => "公司网站", "Website";
    FcNextMaterials => "下一步：寄送公司资料", "Next: send company material";
    FcNextConfirm => "下一步：电话确认资料已收到并预约拜访", "Next: call to confirm the material arrived and book a meeting";
    FcNextMeeting => "下一步：按约拜访", "Next: the booked meeting";
    FcDone => "已见面", "Met";
    FcInvitations => "次邀请", "invitations";
    ErrFcConfirm => "“电话确认并预约”须是一次电话。", "A confirm-and-book contact is a phone call.";
    ErrFcInvitation => "研讨会/巡展邀请须通过电话。", "A seminar or roadshow invitation is made by phone.";
    ErrFcEmail => "通过电子邮件寄送资料，须记录为邮件。", "Material sent by email is logged as an email.";
    ErrFcMeeting => "资料在见面之前寄送；见面请记录为拜访或会议。", "Material goes out before a meeting; log the meeting itself as a visit or meeting.";
    RollToWorkingDay => "到期日遇节假日顺延到下一个工作日", "Move a due day off to the next working day";
    QuotaPreset => "指标方案", "Quota preset";
    PresetDefault => "每天 20 个电话，每周 20 次拜访", "20 calls a day, 20 visits a week";
    Preset234 => "2-3-4：每天 2 个新客户、3 个老客户拜访，4 个电话", "2-3-4: 2 new and 3 existing customers visited, 4 calls a day";
    ProrateWeeks => "节假日周按工作日折算周指标", "Shrink weekly quotas in short weeks";
    SaveRules => "保存", "Save";
    RulesSaved => "已保存。", "Saved.";
    RulesChangedElsewhere => "这些规则刚在另一台设备上被修改。保存时只保存你在这里改动的项，其余采用新的规则。", "These rules were just changed on another tablet. Saving keeps only what you changed here and takes the rest from theirs.";
    RulesUseTheirs => "改用最新的", "Use the new ones";
    ErrInterval => "天数须在 1 到 90 之间。", "Days must be between 1 and 90.";
    ErrQuota => "指标须在 1 到 500 之间，且不重复。", "Each quota must be between 1 and 500, and not repeated.";
    Me => "我", "me";
    TabProjects => "项目", "Projects";
    Projects => "项目跟踪", "Projects";
    NewProject => "新建项目", "New project";
    ProjectName => "项目名称", "Project name";
    StartStage => "当前阶段", "Current stage";
    BidDeadline => "投标截止日", "Bid deadline";
    BidDocs => "授权与投标文件（截止前 2 天备齐）", "Authorisation and bid documents (ready 2 days before)";
    BidDocsDue => "须备齐于", "Ready by";
    BidDocsLate => "文件未备齐", "Documents not ready";
    MoveTo => "推进到", "Move to";
    Move => "推进", "Move";
    StageHistory => "阶段记录", "Stage history";
    KeyDates => "关键日期", "Key dates";
    AddKeyDate => "添加日期", "Add date";
    Label => "事项", "What";
    Date => "日期", "Date";
    CloseProject => "结束项目", "Close project";
    Reopen => "重新打开", "Reopen";
    Closed => "已结束", "Closed";
    NoProjects => "还没有项目。", "No projects yet.";
    ErrProjectName => "请填写项目名称。", "Enter the project name.";
    ErrKeyDate => "请填写事项和日期。", "Enter what and when.";
    Customer => "客户", "Customer";
    CreateProject => "创建项目", "Create project";
    Diary => "工作日记", "Work diary";
    DiaryDay => "日期", "Day";
    DayActivities => "当天的跟进", "The day's activities";
    DiaryText => "日记", "Diary";
    OpenQuestions => "待解决的问题（每行一个）", "Open questions (one per line)";
    Improvements => "改进", "Improvements";
    SaveDiary => "保存日记", "Save diary";
    DiarySaved => "日记已保存。", "Diary saved.";
    Reports => "工作报告", "Work reports";
    Period => "周期", "Period";
    PeriodDay => "日报", "Daily";
    PeriodWeek => "周报", "Weekly";
    PeriodMonth => "月报", "Monthly";
    Team => "全队", "Team";
    Activities => "跟进", "Activities";
    Planned => "计划拜访", "Planned visits";
    PlannedMet => "已见", "met";
    Unplanned => "计划外拜访", "Unplanned visits";
    CoverNotPlanned => "当天没有已批准的拜访计划包含这位客户。拜访照常记录，并在报表中计为计划外拜访。", "No approved visit plan names this customer on this day. The visit is recorded and counts as unplanned in the reports.";
    CoverPending => "当天的拜访计划还在等经理批准。", "The visit plan for this day is still waiting for the manager's approval.";
    CoverRejected => "当天包含这位客户的拜访计划被经理驳回了。", "The manager rejected the visit plan that names this customer on this day.";
    Closings => "促成/签约", "Closings / signings";
    MinutesOnTime => "按时纪要", "Minutes on time";
    MinutesLate => "迟交/逾期纪要", "Minutes late / overdue";
    DiaryDays => "日记天数", "Diary days";
    ProgressResults => "计划进度与成果", "Progress against plan and results";
    OpenProblems => "未解决的问题", "Unresolved problems";
    NoOpenProblems => "没有未解决的问题。", "No unresolved problems.";
    NoImprovements => "没有记录改进。", "No improvements noted.";
    ExportXlsx => "导出 Excel", "Export Excel";
    PrintReport => "打印报告", "Print report";
    From => "从", "From";
    To => "至", "to";
    Revise => "修改计划", "Revise";
    V8Hint => "上午打电话、预约，下午拜访；同一天的拜访按地区安排。", "Calls and bookings in the morning, visits in the afternoon; a day's visits grouped by area.";
    Milestones => "合同与回款节点", "Contract and payments";
    PlannedOn => "计划日期", "Planned";
    AmountYuan => "金额（元）", "Amount (yuan)";
    Done => "已完成", "Done";
    Late => "已过计划日期", "Past its planned date";
    ErrBeforeContract => "合同完成之前，其他节点不能标记完成。", "Nothing can be done before the contract.";
    ErrAmount => "回款须填写大于零的金额。", "A payment needs an amount above zero.";
    Revising => "修改拜访计划（修改后需重新审批）", "Revise the visit plan (it goes back for approval)";
} }

pub fn project_stage_label(lang: Lang, s: crate::domain::project::ProjectStage) -> &'static str {
    let zh = ["初步设计", "投标", "深化设计", "备货/实施", "验收"];
    let en = ["Preliminary design", "Bidding", "Detailed design", "Stocking / execution", "Acceptance"];
    match lang {
        Lang::ZhCn => zh[s as usize],
        Lang::En => en[s as usize],
    }
}

/// The default checklist items are stored in English; show them in the user's language.
pub fn checklist_label(lang: Lang, label: &str) -> String {
    match (label, lang) {
        ("authorisation", Lang::ZhCn) => "授权书".into(),
        ("authorisation", Lang::En) => "Authorisation".into(),
        ("bid documents", Lang::ZhCn) => "投标文件".into(),
        ("bid documents", Lang::En) => "Bid documents".into(),
        (other, _) => other.into(),
    }
}

pub fn kind_label(lang: Lang, k: ActivityKind) -> &'static str {
    match (k, lang) {
        (ActivityKind::Call, Lang::ZhCn) => "电话",
        (ActivityKind::Call, Lang::En) => "Call",
        (ActivityKind::Visit, Lang::ZhCn) => "拜访",
        (ActivityKind::Visit, Lang::En) => "Visit",
        (ActivityKind::Meeting, Lang::ZhCn) => "会议",
        (ActivityKind::Meeting, Lang::En) => "Meeting",
        (ActivityKind::Email, Lang::ZhCn) => "邮件",
        (ActivityKind::Email, Lang::En) => "Email",
        (ActivityKind::Sms, Lang::ZhCn) => "短信",
        (ActivityKind::Sms, Lang::En) => "SMS",
    }
}

pub fn kind_code(k: ActivityKind) -> &'static str {
    match k {
        ActivityKind::Call => "call",
        ActivityKind::Visit => "visit",
        ActivityKind::Meeting => "meeting",
        ActivityKind::Email => "email",
        ActivityKind::Sms => "sms",
    }
}

pub fn stage_label(lang: Lang, s: VisitStage) -> &'static str {
    let zh = ["准备", "观察", "开场", "产品介绍", "处理异议", "促成", "签约"];
    let en =
        ["Preparation", "Observation", "Opening", "Product introduction", "Handling objections", "Closing", "Signing"];
    match lang {
        Lang::ZhCn => zh[s as usize],
        Lang::En => en[s as usize],
    }
}

pub fn status_label(lang: Lang, s: PlanStatus) -> &'static str {
    match (s, lang) {
        (PlanStatus::Pending, Lang::ZhCn) => "待审批",
        (PlanStatus::Pending, Lang::En) => "Awaiting approval",
        (PlanStatus::Approved, Lang::ZhCn) => "已批准",
        (PlanStatus::Approved, Lang::En) => "Approved",
        (PlanStatus::Rejected, Lang::ZhCn) => "已驳回",
        (PlanStatus::Rejected, Lang::En) => "Rejected",
    }
}

pub fn status_code(s: PlanStatus) -> &'static str {
    match s {
        PlanStatus::Pending => "pending",
        PlanStatus::Approved => "approved",
        PlanStatus::Rejected => "rejected",
    }
}

/// The minutes' state: the step reached, or "to write".
pub fn step_label(lang: Lang, s: Option<MinutesStep>) -> &'static str {
    match (s, lang) {
        (None, Lang::ZhCn) => "待写",
        (None, Lang::En) => "To write",
        (Some(MinutesStep::Written), Lang::ZhCn) => "已写，待经理审阅",
        (Some(MinutesStep::Written), Lang::En) => "Written, awaiting review",
        (Some(MinutesStep::Reviewed), Lang::ZhCn) => "经理已审阅，待发给客户",
        (Some(MinutesStep::Reviewed), Lang::En) => "Reviewed, to send to the customer",
        (Some(MinutesStep::SentToCustomer), Lang::ZhCn) => "已发给客户，待确认收到",
        (Some(MinutesStep::SentToCustomer), Lang::En) => "Sent to the customer, awaiting receipt",
        (Some(MinutesStep::ReceiptConfirmed), Lang::ZhCn) => "客户已确认收到",
        (Some(MinutesStep::ReceiptConfirmed), Lang::En) => "Receipt confirmed",
    }
}

/// The button that records `s`.
pub fn step_action(lang: Lang, s: MinutesStep) -> &'static str {
    match (s, lang) {
        (MinutesStep::Written, Lang::ZhCn) => "保存纪要",
        (MinutesStep::Written, Lang::En) => "Save minutes",
        (MinutesStep::Reviewed, Lang::ZhCn) => "审阅通过",
        (MinutesStep::Reviewed, Lang::En) => "Mark reviewed",
        (MinutesStep::SentToCustomer, Lang::ZhCn) => "已发给客户",
        (MinutesStep::SentToCustomer, Lang::En) => "Mark sent to customer",
        (MinutesStep::ReceiptConfirmed, Lang::ZhCn) => "客户已确认收到",
        (MinutesStep::ReceiptConfirmed, Lang::En) => "Mark receipt confirmed",
    }
}

pub fn step_code(s: MinutesStep) -> &'static str {
    match s {
        MinutesStep::Written => "written",
        MinutesStep::Reviewed => "reviewed",
        MinutesStep::SentToCustomer => "sent_to_customer",
        MinutesStep::ReceiptConfirmed => "receipt_confirmed",
    }
}

pub fn rule_label(lang: Lang, r: CadenceRule) -> &'static str {
    match (r, lang) {
        (CadenceRule::NewlyAssigned, Lang::ZhCn) => "新分配，一周内联系",
        (CadenceRule::NewlyAssigned, Lang::En) => "Newly assigned: contact within a week",
        (CadenceRule::ServiceReturnVisit, Lang::ZhCn) => "服务后回访",
        (CadenceRule::ServiceReturnVisit, Lang::En) => "Return visit after a service",
        (CadenceRule::ConfirmCall, Lang::ZhCn) => "资料已寄出，电话确认并预约",
        (CadenceRule::ConfirmCall, Lang::En) => "Material sent: call to confirm and book",
        (CadenceRule::SpecialBackground, Lang::ZhCn) => "特殊背景，每周跟进",
        (CadenceRule::SpecialBackground, Lang::En) => "Special background: weekly",
        (CadenceRule::EarlyDesignProject, Lang::ZhCn) => "初步设计项目，每周跟进",
        (CadenceRule::EarlyDesignProject, Lang::En) => "Early-design project: weekly",
        (CadenceRule::ProjectFollowUp, Lang::ZhCn) => "项目跟进，每两周",
        (CadenceRule::ProjectFollowUp, Lang::En) => "Project: every two weeks",
    }
}

/// "due today", "3 days overdue", "due in 2 days".
pub fn days_left_text(lang: Lang, days: i64) -> String {
    match (lang, days) {
        (Lang::ZhCn, 0) => "今天到期".into(),
        (Lang::En, 0) => "due today".into(),
        (Lang::ZhCn, d) if d < 0 => format!("逾期 {} 天", -d),
        (Lang::En, d) if d < 0 => format!("{} day(s) overdue", -d),
        (Lang::ZhCn, d) => format!("{d} 天后到期"),
        (Lang::En, d) => format!("due in {d} day(s)"),
    }
}

pub fn day_text(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::ZhCn => d.format("%Y年%-m月%-d日").to_string(),
        Lang::En => d.format("%a %-d %b %Y").to_string(),
    }
}

/// "Calls today", "Visits to new customers today", "Visits this week".
pub fn quota_label(lang: Lang, p: &QuotaProgress) -> String {
    let kind = kind_label(lang, p.quota.kind);
    let who = match (p.quota.customer, lang) {
        (Some(CustomerStatus::New), Lang::ZhCn) => "新客户",
        (Some(CustomerStatus::New), Lang::En) => " to new customers",
        (Some(CustomerStatus::Existing), Lang::ZhCn) => "老客户",
        (Some(CustomerStatus::Existing), Lang::En) => " to existing customers",
        (None, _) => "",
    };
    let when = match (p.quota.period, lang) {
        (QuotaPeriod::WorkingDay, Lang::ZhCn) => "今日",
        (QuotaPeriod::WorkingDay, Lang::En) => "today",
        (QuotaPeriod::Week, Lang::ZhCn) => "本周",
        (QuotaPeriod::Week, Lang::En) => "this week",
    };
    match lang {
        Lang::ZhCn => format!("{when}{who}{kind}"),
        Lang::En => format!("{kind}s{who} {when}").replace("SMSs", "SMS"),
    }
}

pub fn activity_error_text(lang: Lang, e: &ActivityError) -> &'static str {
    match (e, lang) {
        (ActivityError::NobodyMet(_), Lang::ZhCn) => "拜访和会议须记录见到的人。",
        (ActivityError::NobodyMet(_), Lang::En) => "A visit or meeting records who was met.",
        (ActivityError::UnnamedPerson { .. }, Lang::ZhCn) => "请填写见到的人的姓名。",
        (ActivityError::UnnamedPerson { .. }, Lang::En) => "Enter the name of the person met.",
        (ActivityError::NoVisitStage, Lang::ZhCn) => "拜访须记录达到的阶段。",
        (ActivityError::NoVisitStage, Lang::En) => "A visit records the stage it reached.",
        (ActivityError::InFuture, Lang::ZhCn) => "跟进时间不能晚于现在。",
        (ActivityError::InFuture, Lang::En) => "An activity cannot lie in the future.",
        (ActivityError::EmptyNextStep, Lang::ZhCn) => "请写下一步做什么。",
        (ActivityError::EmptyNextStep, Lang::En) => "Say what the next step is.",
        (ActivityError::NextStepBeforeActivity, Lang::ZhCn) => "下一步日期不能早于这次跟进。",
        (ActivityError::NextStepBeforeActivity, Lang::En) => "The next step cannot be due before the activity.",
        (ActivityError::FirstContact(f), lang) => first_contact_error(lang, *f).text(lang),
        (_, Lang::ZhCn) => "记录不完整。",
        (_, Lang::En) => "The activity is incomplete.",
    }
}

/// Which form field an activity error belongs to.
pub fn activity_error_field(e: &ActivityError) -> &'static str {
    match e {
        ActivityError::NobodyMet(_) | ActivityError::UnnamedPerson { .. } => "person",
        ActivityError::NoVisitStage | ActivityError::StageOnNonVisit(_) => "stage",
        ActivityError::InFuture => "when",
        ActivityError::EmptyNextStep | ActivityError::NextStepBeforeActivity => "next",
        ActivityError::Missing(_) => "kind",
        ActivityError::FirstContact(_) => "purpose",
    }
}

/// A first-contact step that does not fit its activity, in words (V1).
pub fn first_contact_error(_lang: Lang, e: FirstContactError) -> AMsg {
    match e {
        FirstContactError::ConfirmNotACall => AMsg::ErrFcConfirm,
        FirstContactError::InvitationNotACall => AMsg::ErrFcInvitation,
        FirstContactError::EmailMaterialsNotAnEmail => AMsg::ErrFcEmail,
        FirstContactError::MaterialsAtAMeeting => AMsg::ErrFcMeeting,
    }
}

/// How material went out, in words.
pub fn via_label(v: MaterialsVia) -> AMsg {
    match v {
        MaterialsVia::Email => AMsg::FcViaEmail,
        MaterialsVia::Post => AMsg::FcViaPost,
        MaterialsVia::Website => AMsg::FcViaWebsite,
    }
}

pub fn plan_error_text(lang: Lang, e: &PlanError) -> &'static str {
    match (e, lang) {
        (PlanError::NoDay, Lang::ZhCn) => "请选择拜访日期。",
        (PlanError::NoDay, Lang::En) => "Choose the day.",
        (PlanError::DayPassed, Lang::ZhCn) => "拜访日期已过。",
        (PlanError::DayPassed, Lang::En) => "That day has passed.",
        (PlanError::NoGoals, Lang::ZhCn) => "请写拜访目标。",
        (PlanError::NoGoals, Lang::En) => "Write the goals.",
        (PlanError::NoCustomers, Lang::ZhCn) => "请至少选择一个客户。",
        (PlanError::NoCustomers, Lang::En) => "Pick at least one customer.",
        (PlanError::RejectWithoutOpinion, Lang::ZhCn) => "驳回时请写明意见。",
        (PlanError::RejectWithoutOpinion, Lang::En) => "Give your opinion when rejecting.",
    }
}

pub fn plan_error_field(e: &PlanError) -> &'static str {
    match e {
        PlanError::NoDay | PlanError::DayPassed => "day",
        PlanError::NoGoals => "goals",
        PlanError::NoCustomers => "customers",
        PlanError::RejectWithoutOpinion => "opinion",
    }
}

pub fn milestone_label(lang: Lang, k: crate::domain::project::MilestoneKind) -> &'static str {
    use crate::domain::project::MilestoneKind::*;
    match (k, lang) {
        (Contract, Lang::ZhCn) => "合同",
        (Contract, Lang::En) => "Contract",
        (AdvancePayment, Lang::ZhCn) => "预付款",
        (AdvancePayment, Lang::En) => "Advance payment",
        (EarlyStocking, Lang::ZhCn) => "提前备货",
        (EarlyStocking, Lang::En) => "Early stocking",
        (EarlyFinalPayment, Lang::ZhCn) => "提前收尾款",
        (EarlyFinalPayment, Lang::En) => "Early final payment",
    }
}

/// A quota as a team rule: "Calls a working day", "每周拜访".
pub fn quota_rule_label(lang: Lang, q: &crate::domain::quota::Quota) -> String {
    let kind = kind_label(lang, q.kind);
    let who = match (q.customer, lang) {
        (Some(CustomerStatus::New), Lang::ZhCn) => "新客户",
        (Some(CustomerStatus::New), Lang::En) => " to new customers",
        (Some(CustomerStatus::Existing), Lang::ZhCn) => "老客户",
        (Some(CustomerStatus::Existing), Lang::En) => " to existing customers",
        (None, _) => "",
    };
    match (q.period, lang) {
        (QuotaPeriod::WorkingDay, Lang::ZhCn) => format!("每个工作日{who}{kind}"),
        (QuotaPeriod::Week, Lang::ZhCn) => format!("每周{who}{kind}"),
        (QuotaPeriod::WorkingDay, Lang::En) => format!("{kind}s{who} a working day").replace("SMSs", "SMS"),
        (QuotaPeriod::Week, Lang::En) => format!("{kind}s{who} a week").replace("SMSs", "SMS"),
    }
}
