//! zh-CN / en strings of sales plans, the application status report and training
//! records (Reports).

use crate::domain::sales_plan::{SalesPlanError, SalesPlanStatus};
use crate::domain::training::TrainingError;
use crate::ui::i18n::Lang;

crate::catalogue! { PMsg {
    Title => "销售计划", "Sales plans";
    Hint => "按年、季度或月制定计划；提交后由经理审批，修改后需重新审批。", "Plan per year, quarter or month; the manager approves it, and a revision is approved again.";
    MyPlan => "我的计划", "My plan";
    TeamPlans => "团队计划", "Team plans";
    NoPlan => "本期还没有计划。", "No plan for this period yet.";
    Goals => "目标", "Goals";
    GoalHint => "留空表示不设此项目标；销售额以元为单位。", "Leave blank for no goal; sales in yuan.";
    Actions => "行动计划（每行一项：要争取的客户、活动）", "Actions (one per line: customers to win, activities)";
    ActionsShort => "行动计划", "Actions planned";
    Submit => "提交计划", "Submit the plan";
    Revise => "修改并重新提交", "Revise and resubmit";
    Submitted => "已提交，等待经理审批。", "Submitted; waiting for the manager.";
    BadGoal => "目标须是大于 0 的数字。", "A goal is a number above 0.";
    Status => "状态", "Status";
    Rep => "销售代表", "Rep";
    Versions => "版本", "Versions";
    Progress => "进度", "Progress";
    PerDay => "每工作日还需", "Needed per working day";
    Met => "已达成", "met";
    Comment => "审批意见（退回时必填）", "Comment (needed to return)";
    Approve => "批准", "Approve";
    Return => "退回修改", "Return";
    Decided => "已处理。", "Done.";
    ManagerSaid => "经理意见", "Manager's comment";
    History => "修改记录", "Revision history";
    AllStatuses => "全部状态", "All statuses";
    SortBy => "排序", "Sort by";
    ByRep => "按销售代表", "By rep";
    ByStatus => "按状态", "By status";
    ByAttainment => "按平均达成率", "By average attainment";
    PlanInReport => "本月计划进度", "This month's plan progress";
    AppsTitle => "申请状态报告", "Application status report";
    AppsHint => "列出未结的申请与本期已审结的申请；审核超过 3 个工作日标红。", "Open applications and those decided in the period; reviews over 3 working days are flagged.";
    Customer => "客户", "Customer";
    Product => "产品", "Product";
    Since => "状态日期", "Since";
    Waiting => "已等待工作日", "Working days waiting";
    Oldest => "最久等待", "Oldest wait";
    Late => "超时", "Late";
    Missing => "缺少材料", "Missing materials";
    Feedback => "已反馈客户", "Customer told";
    Yes => "是", "yes";
    No => "否", "no";
    NoApps => "本期没有申请。", "No applications in this period.";
    Csv => "导出 CSV", "Export CSV";
    TrainTitle => "培训记录", "Training record";
    TrainHint => "记录参加的培训；经理可为团队成员登记并查看各人培训时长。", "Record the trainings attended; a manager records them for the team and sees everyone's hours.";
    Day => "日期", "Day";
    TrainTitleField => "培训名称", "Title";
    Topic => "主题或产品", "Topic or product";
    Hours => "时长（小时）", "Hours";
    Trainer => "讲师", "Trainer";
    Notes => "备注", "Notes";
    Add => "添加培训记录", "Add the training";
    Added => "已记录。", "Recorded.";
    BadHours => "请输入时长，例如 1.5。", "Enter the hours, e.g. 1.5.";
    BadDay => "请选择日期。", "Choose the day.";
    NoTrainings => "本期没有培训记录。", "No trainings in this period.";
    HoursPerRep => "各人培训时长", "Training hours per person";
    Total => "合计", "Total";
} }

pub fn status_text(lang: Lang, s: SalesPlanStatus) -> &'static str {
    let zh = lang == Lang::ZhCn;
    match (s, zh) {
        (SalesPlanStatus::Submitted, true) => "待审批",
        (SalesPlanStatus::Submitted, false) => "Waiting for approval",
        (SalesPlanStatus::Approved, true) => "已批准",
        (SalesPlanStatus::Approved, false) => "Approved",
        (SalesPlanStatus::Returned, true) => "已退回",
        (SalesPlanStatus::Returned, false) => "Returned",
    }
}

pub fn status_code(s: SalesPlanStatus) -> &'static str {
    match s {
        SalesPlanStatus::Submitted => "submitted",
        SalesPlanStatus::Approved => "approved",
        SalesPlanStatus::Returned => "returned",
    }
}

pub fn plan_error(lang: Lang, e: &SalesPlanError) -> String {
    let zh = lang == Lang::ZhCn;
    let s = match (e, zh) {
        (SalesPlanError::NotAPlanPeriod, true) => "销售计划按年、季度或月制定。",
        (SalesPlanError::NotAPlanPeriod, false) => "A sales plan is for a year, a quarter or a month.",
        (SalesPlanError::NoGoals, true) => "请至少填写一项目标。",
        (SalesPlanError::NoGoals, false) => "Enter at least one goal.",
        (SalesPlanError::BadGoal, true) => "目标须大于 0。",
        (SalesPlanError::BadGoal, false) => "A goal is above 0.",
        (SalesPlanError::DuplicateGoal, true) => "同一指标只能有一个目标。",
        (SalesPlanError::DuplicateGoal, false) => "One goal per measure.",
        (SalesPlanError::NotAPlanMeasure, true) => "这个指标不能写入计划。",
        (SalesPlanError::NotAPlanMeasure, false) => "This measure cannot be planned.",
        (SalesPlanError::TooLong { .. }, true) => "行动计划太长（最多 4000 字）。",
        (SalesPlanError::TooLong { .. }, false) => "The actions are too long (4000 characters at most).",
        (SalesPlanError::ReturnWithoutComment, true) => "退回计划时请写明原因。",
        (SalesPlanError::ReturnWithoutComment, false) => "Say why the plan is returned.",
        (SalesPlanError::Stale, true) => "计划已被修改，请查看新版本后再审批。",
        (SalesPlanError::Stale, false) => "The plan was revised; look at the new version first.",
        (SalesPlanError::AlreadyDecided, true) => "这一版本已审批。",
        (SalesPlanError::AlreadyDecided, false) => "This version is already decided.",
    };
    s.to_owned()
}

pub fn training_error(lang: Lang, e: &TrainingError) -> String {
    let zh = lang == Lang::ZhCn;
    let s = match (e, zh) {
        (TrainingError::NoTitle, true) => "请填写培训名称。",
        (TrainingError::NoTitle, false) => "Enter the training's title.",
        (TrainingError::BadHours, true) => "时长须大于 0 且不超过 24 小时。",
        (TrainingError::BadHours, false) => "The hours are above 0 and at most 24.",
        (TrainingError::Future, true) => "培训日期不能在将来。",
        (TrainingError::Future, false) => "A training attended is not in the future.",
    };
    s.to_owned()
}
