//! zh-CN / en strings of applications (A1).

use crate::domain::application::{ApplicationError, ApplicationStatus};
use crate::ui::i18n::Lang;

crate::catalogue! { AMsg {
    Title => "申请材料（信用卡、开户等）", "Applications (credit card, account…)";
    Empty => "还没有申请。", "No applications yet.";
    New => "新建申请", "New application";
    Product => "产品", "Product";
    Create => "创建", "Create";
    Materials => "所需材料", "Required materials";
    Submit => "提交审核", "Submit for review";
    Feedback => "给客户的反馈", "Feedback to the customer";
    Approve => "通过", "Approve";
    Reject => "拒绝", "Reject";
    Return => "退回补材料", "Return for materials";
    Late => "审核超过 3 个工作日", "Review over 3 working days";
    Checklists => "申请材料清单", "Application checklists";
    ChecklistsHint => "每行一个产品：产品: 材料1, 材料2", "One product per line: product: material, material";
    Save => "保存清单", "Save checklists";
    NoChecklists => "请先在设置中填写申请材料清单。", "Set up the checklists in Settings first.";
    ManagerOnly => "只有经理可以修改清单。", "Only a manager changes the checklists.";
    ReviewDays => "审核工作日", "Review working days";
} }

pub fn status_label(lang: Lang, s: ApplicationStatus) -> &'static str {
    let zh = lang == Lang::ZhCn;
    match s {
        ApplicationStatus::Collecting => {
            if zh {
                "收集材料中"
            } else {
                "Collecting materials"
            }
        }
        ApplicationStatus::Submitted => {
            if zh {
                "审核中"
            } else {
                "Under review"
            }
        }
        ApplicationStatus::Returned => {
            if zh {
                "已退回补材料"
            } else {
                "Returned for materials"
            }
        }
        ApplicationStatus::Approved => {
            if zh {
                "已通过"
            } else {
                "Approved"
            }
        }
        ApplicationStatus::Rejected => {
            if zh {
                "已拒绝"
            } else {
                "Rejected"
            }
        }
    }
}

pub fn completeness(lang: Lang, got: usize, of: usize) -> String {
    match lang {
        Lang::ZhCn => format!("材料 {got}/{of}"),
        Lang::En => format!("{got} of {of} materials"),
    }
}

pub fn app_error(lang: Lang, e: &ApplicationError) -> String {
    let zh = lang == Lang::ZhCn;
    match e {
        ApplicationError::Incomplete(m) => {
            if zh {
                format!("缺少材料：{}", m.join("、"))
            } else {
                format!("Materials missing: {}", m.join(", "))
            }
        }
        ApplicationError::NoFeedback => {
            if zh {
                "请填写给客户的反馈。".into()
            } else {
                "Write the feedback for the customer.".into()
            }
        }
        other => other.to_string(),
    }
}
