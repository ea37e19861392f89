//! zh-CN / en words for why a command (crate::app) stored nothing: one sentence per
//! machine reason, the domain's own reasons worded by their areas' catalogues.

use crate::app::{Action, CommandError, Needed, RuleError};
use crate::domain::collection::CollectionError;
use crate::domain::key_service::TermsError;
use crate::domain::pool::PoolError;
use crate::domain::project::ProjectError;
use crate::domain::receivable::ConfirmError;
use crate::domain::stock::StockError;
use crate::ui::i18n::activities::plan_error_text;
use crate::ui::i18n::activities::{activity_error_text, AMsg};
use crate::ui::i18n::applications::app_error;
use crate::ui::i18n::customers::field_error_text;
use crate::ui::i18n::events::{chips_error_text, participant_error_text};
use crate::ui::i18n::events::{event_error_text, kit_error_text};
use crate::ui::i18n::incentives::incentive_error;
use crate::ui::i18n::key_accounts::{approval_error, key_activity_error};
use crate::ui::i18n::orders::order_error;
use crate::ui::i18n::orders::OMsg;
use crate::ui::i18n::pool::rules_error_text;
use crate::ui::i18n::service::service_error;
use crate::ui::i18n::Lang;
use crate::ui::profiles::profile_form::role_msg;

crate::catalogue! { XMsg {
    NotAllowed => "当前角色无权执行此操作：", "This role may not do this: ";
    NotYourStep => "这一步不由你处理。", "This step is not yours to take.";
    OnlyFinanceConfirms => "只有财务可以确认收款。", "Only finance confirms payments.";
    OnlyManagerDecides => "只有经理可以审批拜访计划。", "Only a manager decides visit plans.";
    OnlyManagerPlans => "只有经理可以审批销售计划。", "Only a manager decides sales plans.";
    OnlyManagerCreditFlag => "只有经理可以设置或取消信用预警，其他改动未保存。", "Only a manager sets or clears the credit warning; nothing was saved.";
    NotFound => "本机找不到这条记录（可能已在别处删除）。", "This record is not on this device (deleted elsewhere?).";
    Owned => "该客户已有负责人，不能再认领。", "The customer already has an owner and cannot be claimed.";
    NotOwner => "只有负责人可以将客户退回公海。", "Only the owner returns this customer to the pool.";
    NotARep => "客户只能交给团队中的销售代表。", "A customer goes only to a rep of the team.";
    Unchanged => "没有需要保存的改动。", "Nothing changed.";
    NotReviewed => "客户档案须先经经理审核，才能发送市场部。", "The manager reviews a customer file before it goes to marketing.";
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
    OnlyKeyAccountLeads => "只有经理或大客户主管/经理可以维护服务团队和服务条款。", "Only a manager or a key-account supervisor or manager keeps the service team and terms.";
    WarrantyTooLong => "保修年限不能超过 30 年。", "A warranty cannot run more than 30 years.";
    OnsiteLongerThanLimited => "上门服务年限不能超过有限保修年限。", "On-site service cannot run longer than the limited warranty.";
    FullLongerThanOnsite => "全保年限不能超过上门服务年限。", "Full cover cannot run longer than on-site service.";
    TermsTextTooLong => "文字不能超过 500 字。", "A text cannot be longer than 500 characters.";
    SeatHolder => "服务团队的席位只能安排给可服务大客户的团队成员（活动现场人员除外）。", "A seat goes to someone of the team who may serve key accounts (not event staff).";
    NoAccountManager => "已安排支持人员，请同时指定大客户经理来带领团队。", "Support seats are filled: name the key-account manager who leads them.";
    Invalid => "输入不符合规则：", "The input breaks a rule: ";
    NeedProjectName => "请填写项目名称。", "Enter the project's name.";
    NeedMinutesText => "请先写下纪要内容。", "Write the minutes first.";
    NeedProduct => "请选择产品。", "Choose a product.";
    NeedAmount => "金额须大于零。", "The amount must be above zero.";
    StockItemEmpty => "请填写物品名称。", "Enter the item.";
    StockZero => "数量不能为 0。", "A quantity cannot be 0.";
    ProjectUnchanged => "项目已在这个阶段。", "The project is already at this stage.";
    ProjectBackward => "项目阶段只能向前推进。", "A project only moves forward.";
    ProjectDuplicate => "同一个付款节点出现了两次。", "The same milestone appears twice.";
    ContactInvalid => "联系人信息有误：", "The contact is not valid: ";
    StorageFailed => "保存到本机数据库失败：", "Saving to the local database failed: ";
} }

fn terms_error(e: &TermsError) -> XMsg {
    match e {
        TermsError::WarrantyTooLong => XMsg::WarrantyTooLong,
        TermsError::OnsiteLongerThanLimited => XMsg::OnsiteLongerThanLimited,
        TermsError::FullLongerThanOnsite => XMsg::FullLongerThanOnsite,
        TermsError::TextTooLong => XMsg::TermsTextTooLong,
        TermsError::NoAccountManager => XMsg::NoAccountManager,
    }
}

/// Why a command was refused, in `lang`.
pub fn command_error(lang: Lang, e: &CommandError) -> String {
    let m = |x: XMsg| x.text(lang).to_owned();
    match e {
        CommandError::NotAllowed { action: Action::ConfirmPayment, .. } => m(XMsg::OnlyFinanceConfirms),
        CommandError::NotAllowed { action: Action::DecideVisitPlan, .. } => m(XMsg::OnlyManagerDecides),
        CommandError::NotAllowed { action: Action::DecideSalesPlan, .. } => m(XMsg::OnlyManagerPlans),
        CommandError::NotAllowed { action: Action::SetCreditFlag, .. } => m(XMsg::OnlyManagerCreditFlag),
        CommandError::NotAllowed { action: Action::RecordKeyAccountActivity, .. } => m(XMsg::NoKeyActivity),
        CommandError::NotAllowed { action: Action::DecideKeyAccountStep, .. } => m(XMsg::NotYourStep),
        CommandError::NotAllowed { action: Action::ManageRoster, .. } => m(XMsg::OnlyAdmins),
        CommandError::NotAllowed { action: Action::KeepServiceTerms, .. } => m(XMsg::OnlyKeyAccountLeads),
        CommandError::NotAllowed { action: Action::WriteSlip, .. } => {
            crate::ui::i18n::warehouse::WMsg::OnlyDesk.text(lang).to_owned()
        }
        CommandError::NotAllowed { action: Action::EditWarehouseCatalogue, .. } => {
            crate::ui::i18n::warehouse::WMsg::OnlyManagerCatalogue.text(lang).to_owned()
        }
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
            RuleError::SalesPlan(e) => crate::ui::i18n::plans::plan_error(lang, e),
            RuleError::Feedback(e) => crate::ui::i18n::aftersales::feedback_error(lang, e),
            RuleError::NoDepartment => crate::ui::i18n::aftersales::no_department(lang),
            RuleError::Competitor(e) => crate::ui::i18n::aftersales::competitor_error(lang, e),
            RuleError::Repair(e) => crate::ui::i18n::aftersales::repair_error(lang, e),
            RuleError::Training(e) => crate::ui::i18n::plans::training_error(lang, e),
            RuleError::Pool(e) => format!("{}{e}", m(XMsg::Invalid)),
            RuleError::Payment(e) => format!("{}{e}", m(XMsg::Invalid)),
            RuleError::Event(e) => event_error_text(lang, e),
            RuleError::Stock(e) => stock_error(lang, e),
            RuleError::Warehouse(e) => crate::ui::i18n::warehouse::warehouse_error(lang, e),
            RuleError::Activity(e) => activity_error_text(lang, e).to_owned(),
            RuleError::Project(e) => project_error(lang, e),
            RuleError::Territory(e) => crate::ui::i18n::territory::territory_error(lang, e),
            RuleError::NotReviewed => m(XMsg::NotReviewed),
            RuleError::TeamRules(e) => rules_error_text(lang, Some(e)),
            RuleError::Collection(CollectionError::BadPayday) => OMsg::BadPayday.text(lang).to_owned(),
            RuleError::Collection(CollectionError::BadRemindDays) => OMsg::BadRemindDays.text(lang).to_owned(),
            RuleError::Contact(errors) => {
                let reasons: Vec<String> = errors.iter().map(|e| field_error_text(lang, &e.reason)).collect();
                format!("{}{}", m(XMsg::ContactInvalid), reasons.join(" "))
            }
            RuleError::Empty(Needed::ProjectName) => m(XMsg::NeedProjectName),
            RuleError::Empty(Needed::MinutesText) => m(XMsg::NeedMinutesText),
            RuleError::Empty(Needed::Product) => m(XMsg::NeedProduct),
            RuleError::Empty(Needed::Amount) => m(XMsg::NeedAmount),
            RuleError::Kit(e) => kit_error_text(lang, *e).to_owned(),
            RuleError::Terms(e) => m(terms_error(e)),
            RuleError::SeatHolder(_) => m(XMsg::SeatHolder),
            RuleError::Capacity(max) => capacity_error(lang, *max),
            RuleError::Invalid(e) => format!("{}{e}", m(XMsg::Invalid)),
        },
    }
}

fn stock_error(lang: Lang, e: &StockError) -> String {
    match e {
        StockError::ItemEmpty => XMsg::StockItemEmpty.text(lang).to_owned(),
        StockError::ZeroQuantity => XMsg::StockZero.text(lang).to_owned(),
        StockError::NegativeCount { item } => match lang {
            Lang::ZhCn => format!("“{item}”的盘点数量不能为负。"),
            Lang::En => format!("The count of “{item}” cannot be negative."),
        },
    }
}

fn project_error(lang: Lang, e: &ProjectError) -> String {
    let m = |x: XMsg| x.text(lang).to_owned();
    match e {
        ProjectError::Unchanged(_) => m(XMsg::ProjectUnchanged),
        ProjectError::Backward { .. } => m(XMsg::ProjectBackward),
        ProjectError::BeforeContract(_) => AMsg::ErrBeforeContract.text(lang).to_owned(),
        ProjectError::BadAmount(_) => AMsg::ErrAmount.text(lang).to_owned(),
        ProjectError::DuplicateMilestone(_) => m(XMsg::ProjectDuplicate),
    }
}

fn capacity_error(lang: Lang, max: usize) -> String {
    match lang {
        Lang::ZhCn => format!("客户容量须是 0 到 {max} 之间的整数。"),
        Lang::En => format!("A capacity is a whole number from 0 to {max}."),
    }
}
