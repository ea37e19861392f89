//! zh-CN / en words for why a command (crate::app) stored nothing: one sentence per
//! machine reason, the domain's own reasons worded by their areas' catalogues.

use crate::app::{Action, CommandError, RuleError};
use crate::domain::pool::PoolError;
use crate::domain::receivable::ConfirmError;
use crate::ui::i18n::activities::plan_error_text;
use crate::ui::i18n::applications::app_error;
use crate::ui::i18n::events::{chips_error_text, participant_error_text};
use crate::ui::i18n::incentives::incentive_error;
use crate::ui::i18n::key_accounts::{approval_error, key_activity_error};
use crate::ui::i18n::orders::order_error;
use crate::ui::i18n::service::service_error;
use crate::ui::i18n::Lang;
use crate::ui::profiles::profile_form::role_msg;

crate::catalogue! { XMsg {
    NotAllowed => "当前角色无权执行此操作：", "This role may not do this: ";
    NotYourStep => "这一步不由你处理。", "This step is not yours to take.";
    OnlyFinanceConfirms => "只有财务可以确认收款。", "Only finance confirms payments.";
    OnlyManagerDecides => "只有经理可以审批拜访计划。", "Only a manager decides visit plans.";
    OnlyManagerCreditFlag => "只有经理可以设置或取消信用预警，其他改动未保存。", "Only a manager sets or clears the credit warning; nothing was saved.";
    NotFound => "本机找不到这条记录（可能已在别处删除）。", "This record is not on this device (deleted elsewhere?).";
    Owned => "该客户已有负责人，不能再认领。", "The customer already has an owner and cannot be claimed.";
    NotOwner => "只有负责人可以将客户退回公海。", "Only the owner returns this customer to the pool.";
    NotARep => "客户只能交给团队中的销售代表。", "A customer goes only to a rep of the team.";
    Unchanged => "没有需要保存的改动。", "Nothing changed.";
    Pin => "PIN 码不正确或不符合要求（4–12 位数字）。", "The PIN is wrong or not 4–12 digits.";
    HeldForNote => "该客户在等待原负责人的退回说明，暂不能认领。", "This customer waits for its release note and cannot be claimed yet.";
    NoReleaseNote => "该客户没有可退回的说明。", "There is no release note to send back.";
    EmptyComment => "请写明说明缺少什么。", "Say what the note is missing.";
    NoteIncomplete => "交接说明须写明状况、联系人和进展。", "The release note needs status, contacts and progress.";
    AlreadyConfirmed => "这笔收款已确认。", "This payment is already confirmed.";
    MinutesOrder => "纪要的步骤须按顺序：撰写、审阅、发送、确认收到。", "Minutes go in order: written, reviewed, sent, receipt confirmed.";
    NoKey => "此人还没有个人签名密钥（请在其设备上打开一次已更新的应用并同步）。", "This person has no personal signing key yet (open the updated app on their device once and sync).";
    NoRole => "请至少选择一个角色。", "Choose at least one role.";
    NoKeyActivity => "活动现场人员不能记录大客户活动。", "Event staff do not record key-account activities.";
    OnlyAdmins => "只有团队名册的管理员可以授予或撤销角色。", "Only an admin of the team roster grants or revokes roles.";
    Invalid => "输入不符合规则：", "The input breaks a rule: ";
    StorageFailed => "保存到本机数据库失败：", "Saving to the local database failed: ";
} }

/// Why a command was refused, in `lang`.
pub fn command_error(lang: Lang, e: &CommandError) -> String {
    let m = |x: XMsg| x.text(lang).to_owned();
    match e {
        CommandError::NotAllowed { action: Action::ConfirmPayment, .. } => m(XMsg::OnlyFinanceConfirms),
        CommandError::NotAllowed { action: Action::DecideVisitPlan, .. } => m(XMsg::OnlyManagerDecides),
        CommandError::NotAllowed { action: Action::SetCreditFlag, .. } => m(XMsg::OnlyManagerCreditFlag),
        CommandError::NotAllowed { action: Action::RecordKeyAccountActivity, .. } => m(XMsg::NoKeyActivity),
        CommandError::NotAllowed { action: Action::DecideKeyAccountStep, .. } => m(XMsg::NotYourStep),
        CommandError::NotAllowed { action: Action::ManageRoster, .. } => m(XMsg::OnlyAdmins),
        CommandError::NotAllowed { role, .. } => format!("{}{}", m(XMsg::NotAllowed), role_msg(*role).text(lang)),
        CommandError::Storage(s) => format!("{}{s}", m(XMsg::StorageFailed)),
        CommandError::Rule(r) => match r {
            RuleError::NotFound(_) | RuleError::Payment(ConfirmError::Unknown) => m(XMsg::NotFound),
            RuleError::Owned => m(XMsg::Owned),
            RuleError::NotOwner => m(XMsg::NotOwner),
            RuleError::HeldForNote => m(XMsg::HeldForNote),
            RuleError::NoReleaseNote => m(XMsg::NoReleaseNote),
            RuleError::Pool(PoolError::EmptyComment) => m(XMsg::EmptyComment),
            RuleError::NotARep(_) => m(XMsg::NotARep),
            RuleError::Unchanged => m(XMsg::Unchanged),
            RuleError::Pin => m(XMsg::Pin),
            RuleError::NoKey => m(XMsg::NoKey),
            RuleError::NoRole => m(XMsg::NoRole),
            RuleError::Pool(PoolError::IncompleteNote { .. }) => m(XMsg::NoteIncomplete),
            RuleError::Payment(ConfirmError::AlreadyConfirmed) => m(XMsg::AlreadyConfirmed),
            RuleError::Order(e) => order_error(lang, e),
            RuleError::Plan(e) => plan_error_text(lang, e).to_owned(),
            RuleError::Minutes(_) => m(XMsg::MinutesOrder),
            RuleError::Approval(e) => approval_error(lang, e),
            RuleError::KeyActivity(e) => key_activity_error(lang, e),
            RuleError::Application(e) => app_error(lang, e),
            RuleError::Chips(e) => chips_error_text(lang, e),
            RuleError::Participant(e) => participant_error_text(lang, e),
            RuleError::Service(e) => service_error(lang, e),
            RuleError::Incentive(e) => incentive_error(lang, e),
            RuleError::Target(e) => crate::ui::i18n::targets::target_error(lang, e),
            RuleError::Report(e) => crate::ui::i18n::targets::report_error(lang, e),
            RuleError::Pool(e) => format!("{}{e}", m(XMsg::Invalid)),
            RuleError::Payment(e) => format!("{}{e}", m(XMsg::Invalid)),
            RuleError::Invalid(e) => format!("{}{e}", m(XMsg::Invalid)),
        },
    }
}
