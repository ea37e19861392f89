//! zh-CN / en strings of the service log (S1–S3).

use crate::domain::service::{Channel, ServiceError};
use crate::ui::i18n::Lang;

crate::catalogue! { SMsg {
    Title => "服务记录（首问负责）", "Service log (first-ask responsibility)";
    Hint => "客户先问到谁，谁负责到底：当场解决，或转交并给出方案和承诺日期。", "Whoever the customer asked first stays responsible: solve it on the spot, or forward it with a plan and a promised date.";
    Empty => "还没有服务记录。", "No service items yet.";
    New => "记录客户问题或投诉", "Log a question or complaint";
    Channel => "渠道", "Channel";
    Asked => "客户的问题", "What the customer asked";
    Answer => "当场答复（当场解决时填写）", "Answer given on the spot (if solved now)";
    ForwardTo => "转交给（未当场解决时）", "Forwarded to (if not solved now)";
    Plan => "给客户的方案", "Plan given to the customer";
    Promised => "承诺日期", "Promised date";
    Save => "保存", "Save";
    Cancel => "取消", "Cancel";
    Open => "处理中", "Open";
    Closed => "已关闭", "Closed";
    Overdue => "已超过承诺日期", "Past the promised date";
    Satisfied => "客户满意", "Customer satisfied";
    Score => "满意度（1–5）", "Satisfaction (1–5)";
    Note => "备注", "Note";
    Close => "关闭", "Close";
    ForwardAgain => "再次转交（升级）", "Forward again (escalate)";
    ForwardAgainTo => "转交给", "Forward to";
    Responsible => "负责人", "Responsible";
} }

pub fn channel_label(lang: Lang, c: Channel) -> &'static str {
    let zh = lang == Lang::ZhCn;
    match c {
        Channel::Visit => {
            if zh {
                "拜访"
            } else {
                "Visit"
            }
        }
        Channel::Call => {
            if zh {
                "电话"
            } else {
                "Call"
            }
        }
        Channel::Question => {
            if zh {
                "咨询"
            } else {
                "Question"
            }
        }
        Channel::Complaint => {
            if zh {
                "投诉"
            } else {
                "Complaint"
            }
        }
    }
}

pub fn service_error(lang: Lang, e: &ServiceError) -> String {
    let zh = lang == Lang::ZhCn;
    match e {
        ServiceError::NoQuestion => {
            if zh {
                "请写下客户的问题。".into()
            } else {
                "Write what the customer asked.".into()
            }
        }
        ServiceError::NoAnswer => {
            if zh {
                "请填写当场答复，或转交给他人。".into()
            } else {
                "Give the answer, or forward it to someone.".into()
            }
        }
        ServiceError::NoForwardee => {
            if zh {
                "请填写转交给谁。".into()
            } else {
                "Say who it was forwarded to.".into()
            }
        }
        ServiceError::NoPlan => {
            if zh {
                "请填写给客户的方案。".into()
            } else {
                "Write the plan given to the customer.".into()
            }
        }
        ServiceError::PromiseBeforeAsk { .. } => {
            if zh {
                "承诺日期不能早于提问日期。".into()
            } else {
                "The promised date cannot be before the day it was asked.".into()
            }
        }
        ServiceError::NotSatisfied => {
            if zh {
                "客户满意后才能关闭。".into()
            } else {
                "An item closes only when the customer is satisfied.".into()
            }
        }
        ServiceError::BadScore(_) => {
            if zh {
                "满意度为 1–5。".into()
            } else {
                "The score is 1 to 5.".into()
            }
        }
        other => other.to_string(),
    }
}

pub fn forward_text(lang: Lang, to: &str, plan: &str, promised: chrono::NaiveDate) -> String {
    match lang {
        Lang::ZhCn => format!("转交 {to}：{plan}（承诺 {promised}）"),
        Lang::En => format!("Forwarded to {to}: {plan} (promised {promised})"),
    }
}
