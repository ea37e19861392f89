//! zh-CN / en strings of market feedback, competitor files and repair jobs (seeds
//! 000/002/003).

use crate::domain::competitor::CompetitorError;
use crate::domain::feedback::{Department, FeedbackError, FeedbackStatus};
use crate::domain::repair::{JobKind, RepairError, RepairStatus};
use crate::ui::i18n::Lang;

crate::catalogue! { FMsg {
    TabFeedback => "市场反馈", "Market feedback";
    TabCompetitors => "竞品档案", "Competitors";
    TabRepairs => "维修保养", "Repairs";
    FbTitle => "客户需求与市场反馈", "Customer needs and market feedback";
    FbHint => "把客户需求或市场信息提交给相关部门；经理记录部门的答复，答复后由经理或提交人关闭。", "Send a customer need or market observation to a department; a manager records the department's answer, then a manager or the author closes it.";
    FbNew => "提交需求或市场信息", "Report a need or observation";
    FbEmpty => "没有符合条件的反馈。", "No feedback matches.";
    Region => "地区", "Region";
    Topic => "产品或主题", "Product or topic";
    Text => "内容", "What was seen or asked for";
    Department => "提交部门", "Department";
    Choose => "请选择", "Choose";
    All => "全部", "All";
    Status => "状态", "Status";
    Author => "提交人", "Reported by";
    Customer => "客户", "Customer";
    Who => "部门跟进人", "Followed up by";
    Answer => "答复", "Answer";
    RecordAnswer => "记录部门答复", "Record the answer";
    CloseNote => "关闭说明", "Closing note";
    Close => "关闭", "Close";
    Save => "保存", "Save";
    Cancel => "取消", "Cancel";
    Saved => "已保存。", "Saved.";
    Edit => "修改", "Edit";
    CsTitle => "竞争对手产品档案", "Competitor products";
    CsHint => "在客户处或地区内看到的同类产品：价格、优缺点、时间和信息来源。", "Products of the same kind seen at a customer or in a region: price, strengths and weaknesses, when, and where the information came from.";
    CsNew => "记录竞品信息", "Record a competitor product";
    CsEmpty => "还没有竞品记录。", "No competitor products recorded yet.";
    Competitor => "竞争对手", "Competitor";
    Product => "产品", "Product";
    Price => "看到的价格（元）", "Price seen (yuan)";
    Strengths => "优势", "Strengths";
    Weaknesses => "劣势", "Weaknesses";
    SeenOn => "日期", "Date seen";
    Source => "信息来源", "Source";
    GroupBy => "分组", "Group by";
    NoRegion => "（未填地区）", "(no region)";
    Export => "导出 CSV", "Export CSV";
    RjTitle => "维修与保养", "Repair and maintenance";
    RjHint => "售后维修和保养：承诺日期已过而未完成的工单标为逾期（按团队工作日历）。", "After-sales repairs and maintenance: a job not done by its promised date is flagged overdue (team working calendar).";
    RjNew => "新建维修/保养工单", "New repair or maintenance job";
    RjEmpty => "没有维修或保养工单。", "No repair or maintenance jobs.";
    Kind => "类型", "Type";
    Equipment => "设备或产品", "Equipment or product";
    Problem => "问题", "Problem";
    Reported => "报修日期", "Reported on";
    Promised => "承诺完成日期", "Promised by";
    Assigned => "负责人", "Assigned to";
    Cost => "费用（元，免费留空）", "Cost (yuan, blank if free)";
    CostShort => "费用", "Cost";
    Next => "下一步", "Next step";
    BadDate => "请填写有效日期。", "Enter a valid date.";
    BadAmount => "请填写有效金额（如 1299.50）。", "Enter a valid amount (e.g. 1299.50).";
    OverdueOnly => "只看逾期", "Overdue only";
} }

fn zh_en(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    if lang == Lang::ZhCn {
        zh
    } else {
        en
    }
}

pub fn department_label(lang: Lang, d: Department) -> &'static str {
    match d {
        Department::SalesManagement => zh_en(lang, "销售管理", "Sales management"),
        Department::Marketing => zh_en(lang, "市场部", "Marketing"),
        Department::Product => zh_en(lang, "产品部", "Product"),
        Department::AfterSales => zh_en(lang, "售后服务", "After-sales"),
        Department::Finance => zh_en(lang, "财务", "Finance"),
    }
}

pub fn status_label(lang: Lang, s: FeedbackStatus) -> &'static str {
    match s {
        FeedbackStatus::Open => zh_en(lang, "待答复", "Open"),
        FeedbackStatus::Answered => zh_en(lang, "已答复", "Answered"),
        FeedbackStatus::Closed => zh_en(lang, "已关闭", "Closed"),
    }
}

pub fn kind_label(lang: Lang, k: JobKind) -> &'static str {
    match k {
        JobKind::Repair => zh_en(lang, "维修", "Repair"),
        JobKind::Maintenance => zh_en(lang, "保养", "Maintenance"),
    }
}

pub fn repair_status_label(lang: Lang, s: RepairStatus) -> &'static str {
    match s {
        RepairStatus::Reported => zh_en(lang, "已报修", "Reported"),
        RepairStatus::Scheduled => zh_en(lang, "已安排", "Scheduled"),
        RepairStatus::Done => zh_en(lang, "已完成", "Done"),
        RepairStatus::Confirmed => zh_en(lang, "客户已确认", "Confirmed by the customer"),
    }
}

/// "Overdue by 2 working days".
pub fn overdue_text(lang: Lang, days: i64) -> String {
    match lang {
        Lang::ZhCn => format!("已逾期 {days} 个工作日"),
        Lang::En => format!("Overdue by {days} working day{}", if days == 1 { "" } else { "s" }),
    }
}

/// K2: the customer's on-site warranty.
pub fn onsite_text(lang: Lang, years: u8) -> String {
    match lang {
        Lang::ZhCn => format!("享有 {years} 年现场保修"),
        Lang::En => format!("On-site warranty: {years} year{}", if years == 1 { "" } else { "s" }),
    }
}

pub fn feedback_error(lang: Lang, e: &FeedbackError) -> String {
    let s = match e {
        FeedbackError::NoTopic => zh_en(lang, "请填写产品或主题。", "Enter the product or topic."),
        FeedbackError::NoText => zh_en(lang, "请填写内容。", "Say what was seen or asked for."),
        FeedbackError::NoPlace => {
            zh_en(lang, "请填写地区（或在客户页面提交）。", "Enter a region (or report it from a customer's page).")
        }
        FeedbackError::TooLong => {
            zh_en(lang, "文字太长（最多 2000 字）。", "The text is too long (2,000 characters at most).")
        }
        FeedbackError::NoAnswer => zh_en(lang, "请填写跟进人和答复。", "Enter who followed up and the answer."),
        FeedbackError::Closed => zh_en(lang, "这条反馈已关闭。", "This report is closed."),
        FeedbackError::NotAnswered => {
            zh_en(lang, "部门答复后才能关闭。", "A report closes once a department has answered it.")
        }
    };
    s.to_owned()
}

pub fn no_department(lang: Lang) -> String {
    zh_en(lang, "请选择提交部门。", "Choose the department.").to_owned()
}

pub fn competitor_error(lang: Lang, e: &CompetitorError) -> String {
    let s = match e {
        CompetitorError::NoCompetitor => zh_en(lang, "请填写竞争对手。", "Enter the competitor."),
        CompetitorError::NoProduct => zh_en(lang, "请填写产品。", "Enter the product."),
        CompetitorError::NoPlace => {
            zh_en(lang, "请填写地区（或在客户页面记录）。", "Enter a region (or record it from a customer's page).")
        }
        CompetitorError::NegativePrice => zh_en(lang, "价格不能为负数。", "A price cannot be negative."),
        CompetitorError::Future => zh_en(lang, "日期不能在将来。", "The date cannot be in the future."),
        CompetitorError::TooLong => {
            zh_en(lang, "文字太长（最多 2000 字）。", "The text is too long (2,000 characters at most).")
        }
    };
    s.to_owned()
}

pub fn repair_error(lang: Lang, e: &RepairError) -> String {
    let s = match e {
        RepairError::NoEquipment => zh_en(lang, "请填写设备或产品。", "Enter the equipment or product."),
        RepairError::NoProblem => zh_en(lang, "请填写问题。", "Enter the problem."),
        RepairError::Future => zh_en(lang, "报修日期不能在将来。", "The reported date cannot be in the future."),
        RepairError::PromiseBeforeReport => {
            zh_en(lang, "承诺日期不能早于报修日期。", "The promised date cannot be before the reported date.")
        }
        RepairError::NegativeCost => zh_en(lang, "费用不能为负数。", "A cost cannot be negative."),
        RepairError::TooLong => {
            zh_en(lang, "文字太长（最多 2000 字）。", "The text is too long (2,000 characters at most).")
        }
        RepairError::Backward => zh_en(
            lang,
            "工单只能向前推进，完成后才能由客户确认。",
            "A job only moves forward, and the customer confirms it only once done.",
        ),
    };
    s.to_owned()
}
