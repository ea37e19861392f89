//! zh-CN / en strings of events, invitations, the kiosk and the event report.

use crate::domain::chips::ChipsError;
use crate::domain::event::{EventError, InviteStatus, InviteSummary, Phase, Ratio};
use crate::domain::participant::{Child, ParticipantError, Relation};
use crate::ui::i18n::Lang;

crate::catalogue! { EMsg {
    Events => "活动", "Events";
    NewEvent => "新建活动", "New event";
    EditEvent => "活动信息", "Event details";
    NoEvents => "还没有活动。新建一个，邀请客户，当天用平板签到。", "No events yet. Create one, invite customers, and check people in on the day with a tablet.";
    EventMissing => "这台设备上没有这个活动（可能尚未同步）。", "This event is not on this device (perhaps not synced yet).";
    TabOverview => "概况与签到机", "Overview & kiosk";
    TabInvite => "邀请", "Invitations";
    TabPeople => "参与者与筹码", "People & chips";
    TabStock => "奖品库存", "Prize stock";
    TabReport => "活动报告", "Report";
    Theme => "主题", "Theme";
    Starts => "开始", "Starts";
    Ends => "结束", "Ends";
    Venue => "地点", "Venue";
    Organiser => "组织者", "Organiser";
    Audience => "对象", "Audience";
    Format => "形式", "Format";
    ConsentVersion => "知情同意书版本", "Consent text version";
    Budget => "预算", "Budget";
    LineName => "项目", "Line";
    Planned => "计划（元）", "Planned (yuan)";
    Actual => "实际（元）", "Actual (yuan)";
    AddLine => "添加预算项", "Add a budget line";
    RemoveLine => "删除此项", "Remove this line";
    Saved => "已保存", "Saved";
    SaveFailed => "保存失败。", "Could not save.";
    Required => "必填。", "Required.";
    ErrDate => "请选择日期和时间。", "Choose a date and time.";
    ErrAmount => "金额格式不对，例如 1200 或 1200.50。", "Not an amount; e.g. 1200 or 1200.50.";
    ConsentFrozen => "活动已开始，同意书版本不能再改。", "The event has started; the consent version can no longer change.";
    KioskTitle => "签到机模式", "Kiosk mode";
    KioskHint => "签到机模式让这台平板只做签到、登记、筹码、兑奖和问卷；退出需要工作人员 PIN。整天离线也能用。", "Kiosk mode locks this tablet to check-in, registration, chips, prizes and the questionnaire; leaving needs the staff PIN. Works offline all day.";
    Pin => "工作人员 PIN（4–12 位数字）", "Staff PIN (4–12 digits)";
    PinAgain => "再输一次", "PIN again";
    PinSave => "设置 PIN", "Set PIN";
    PinChange => "更换 PIN", "Change PIN";
    PinSet => "PIN 已设置（只保存加盐哈希）。", "PIN set (only a salted hash is stored).";
    PinInvalid => "PIN 须为 4–12 位数字。", "A PIN is 4–12 digits.";
    PinMismatch => "两次输入的 PIN 不一致。", "The two PINs differ.";
    KioskStart => "进入签到机模式", "Start kiosk mode";
    KioskNeedsPin => "先设置 PIN，才能进入签到机模式。", "Set a PIN before starting kiosk mode.";
    Questions => "问卷问题（每行一个，1–5 分）", "Questionnaire questions (one per line, rated 1–5)";
    SaveQuestions => "保存问题", "Save questions";
    KioskExit => "退出", "Exit";
    PinPrompt => "输入工作人员 PIN 退出签到机模式", "Staff PIN to leave kiosk mode";
    PinWrong => "PIN 不对。", "Wrong PIN.";
    StaffPinTitle => "团队工作人员 PIN", "Team staff PIN";
    StaffPinHint => "可解锁本团队所有签到机（即使活动的 PIN 被删除或活动已被删除）。仅经理可设置，同步到所有设备。", "Unlocks every kiosk of the team, even one whose event lost its PIN or was deleted. Only a manager sets it; it syncs to every tablet.";
    StaffPinIsSet => "已设置。", "Set.";
    StaffPinNotSet => "未设置。", "Not set.";
    StaffPinClear => "清除团队 PIN", "Clear the team PIN";
    StaffPinCleared => "团队 PIN 已清除。", "The team PIN is cleared.";
    Unlock => "退出签到机", "Leave kiosk";
    Back => "返回", "Back";
    KTabCheckin => "签到", "Check-in";
    KTabWalkIn => "现场登记", "Walk-in";
    KTabChips => "筹码", "Chips";
    KTabPrizes => "兑奖", "Prizes";
    KTabSurvey => "问卷", "Survey";
    ScanQr => "用摄像头扫码", "Scan with the camera";
    StopScan => "停止扫码", "Stop scanning";
    CameraFailed => "无法打开摄像头，请输入邀请码。", "The camera could not be opened; type the code instead.";
    InvitationCode => "邀请码（扫码或输入）", "Invitation code (scan or type)";
    CheckIn => "签到", "Check in";
    CodeUnknown => "没有这个邀请码。请核对，或按姓名、电话查找。", "No invitation has this code. Check it, or search by name or phone.";
    SearchInvitees => "按姓名或电话查找受邀客户", "Find an invitee by name or phone";
    NoInvitees => "还没有受邀客户。", "Nobody invited yet.";
    Here => "已到场", "Here";
    Name => "姓名", "Name";
    Phone => "手机", "Phone";
    Relation => "身份", "Relation";
    Children => "孩子", "Children";
    ChildName => "孩子姓名", "Child's name";
    ChildAge => "年龄", "Age";
    AddChild => "添加孩子", "Add a child";
    RemoveChild => "删除", "Remove";
    ErrAge => "请输入年龄（数字）。", "Enter an age (a number).";
    ConsentNeeded => "请先勾选同意。", "Tick the consent box first.";
    Register => "登记", "Register";
    SearchPeople => "按姓名或电话查找", "Find by name or phone";
    ChipsTitle => "游戏站：发放筹码", "Game station: award chips";
    Balance => "筹码余额", "Chips balance";
    Station => "游戏站", "Station";
    Chips => "筹码", "Chips";
    Award => "发放", "Award";
    Awarded => "已发放。", "Awarded.";
    Referee => "裁判：收回替玩者的筹码", "Referee: take back a substitute's chips";
    Reason => "原因", "Reason";
    TakeBack => "收回", "Take back";
    TakenBack => "已收回。", "Taken back.";
    PickSomeone => "请先选择参与者。", "Pick a participant first.";
    ErrChips => "请输入筹码数（正整数）。", "Enter a number of chips (1 or more).";
    PrizesTitle => "兑奖台", "Prize desk";
    PrizesAfterEnd => "活动结束后才能兑奖。", "Prizes are exchanged only after the event ends.";
    Prize => "奖品", "Prize";
    PickPrize => "请选择奖品。", "Choose a prize.";
    Redeem => "兑换", "Redeem";
    Redeemed => "已兑换。", "Redeemed.";
    ConflictsTitle => "重复兑换，待处理", "Double redemptions to settle";
    ConflictsHint => "两台平板离线时兑换了同一批筹码。作废：奖品收回、筹码退还；核销：保留兑换，差额不再追究。", "Two offline tablets redeemed the same chips. Void: the prize comes back and the chips are restored. Write off: keep it and forgive the shortfall.";
    SettleVoid => "作废这次兑换", "Void this redemption";
    SettleWriteOff => "核销差额", "Write off the shortfall";
    Participants => "参与者", "Participants";
    NoParticipants => "还没有参与者。", "No participants yet.";
    Registrations => "登记次数", "Registrations";
    StockTitle => "奖品库存", "Prize stock";
    Item => "物品", "Item";
    Level => "账面数", "Ledger";
    QtyInOut => "数量（入库为正，出库为负）", "Quantity (in positive, out negative)";
    StockAdd => "记录出入库", "Record movement";
    ErrStock => "请填写物品和非零数量。", "Enter an item and a quantity other than zero.";
    CountTitle => "盘点", "Count";
    Counted => "实点数", "Counted";
    CountSave => "记录盘点", "Record count";
    ErrCount => "请填写物品和实点数（不小于 0）。", "Enter an item and the count (0 or more).";
    CountAgrees => "账实相符。", "Ledger and goods agree.";
    CountDiffers => "账实不符：", "Ledger and goods differ:";
    Adjust => "按盘点调整账面", "Adjust the ledger to the count";
    BuildList => "从客户筛选生成邀请名单", "Build the list from customer filters";
    BuildListHint => "用下面的筛选选出客户（只有留了电话的客户会加入）；已在名单上的保留其回复。", "Choose customers with the filters below (only those with a phone are added); people already listed keep their answer.";
    AddToList => "加入邀请名单", "Add to the list";
    Invitees => "邀请名单", "Invitees";
    Sms => "短信", "SMS";
    Call => "电话", "Call";
    Status => "回复", "Answer";
    Invited => "已邀请", "Invited";
    Confirmed => "确认参加", "Confirmed";
    AttendedInvitees => "受邀到场", "Invitees attended";
    NewLeads => "新线索", "New leads";
    TurnUp => "到场率", "Turn-up rate";
    CostPerLead => "每条线索成本（元）", "Cost per lead (yuan)";
    BudgetVsActual => "预算 / 实际（元）", "Budget / actual (yuan)";
    ReportTitle => "活动报告", "Event report";
    PeopleChart => "人数", "People";
    BudgetChart => "预算与实际（元）", "Budget and actual (yuan)";
    SurveyChart => "问卷平均分", "Questionnaire average";
    NoBudget => "没有预算项。", "No budget lines.";
    NoQuestions => "还没有问卷问题。", "No questions yet.";
    SurveyTitle => "请为本次活动打分", "Please rate the event";
    Thanks => "谢谢！", "Thank you!";
    Submit => "提交", "Submit";
    LeadsTitle => "线索进公海", "Leads to the pool";
    LeadsHint => "把非老业主的参与者作为新客户放入公海（来源：公司活动；已有相同电话的客户跳过），再由经理均衡分配。", "Send participants who are not existing owners to the pool as new customers (source: company events; phones already on file are skipped), for the manager to distribute.";
    SendLeads => "放入公海", "Send to the pool";
    ToDistribution => "去分配线索", "Go to distribution";
    TabKit => "物料准备", "Materials kit";
    KitTitle => "物料准备清单", "Materials kit";
    KitHint => "谁在哪天之前准备好什么；准备好就勾上。过了日期还没准备好的会标红。", "Who prepares what by when; tick each item when it is ready. Items past their day and not ready are marked late.";
    KitEmpty => "清单还是空的。", "The kit list is empty.";
    KitWhat => "准备什么", "What to prepare";
    KitWho => "由谁准备", "Who prepares it";
    KitDue => "截止日期", "Ready by";
    KitBy => "截止", "by";
    KitAdd => "加入清单", "Add to the kit";
    KitRemove => "移除", "Remove";
    KitLate => "已逾期", "Late";
    KitPlannersOnly => "清单由活动组织者、经理或活动人员安排；负责准备的人可以勾选完成。", "The organiser, a manager or event staff plan the kit; whoever prepares an item ticks it.";
    KitErrWhat => "请写明要准备什么。", "Say what to prepare.";
    KitErrWhatLong => "描述太长（最多 200 字）。", "The description is too long (200 characters at most).";
    KitErrWho => "请选择由谁准备。", "Choose who prepares it.";
    KitErrDate => "请选择截止日期。", "Choose the day it must be ready by.";
} }

pub fn phase_label(lang: Lang, p: Phase) -> &'static str {
    match (p, lang) {
        (Phase::Before, Lang::ZhCn) => "未开始",
        (Phase::Before, Lang::En) => "upcoming",
        (Phase::Running, Lang::ZhCn) => "进行中",
        (Phase::Running, Lang::En) => "running",
        (Phase::Ended, Lang::ZhCn) => "已结束",
        (Phase::Ended, Lang::En) => "ended",
    }
}

pub fn relation_label(lang: Lang, r: Relation) -> &'static str {
    match (r, lang) {
        (Relation::ExistingOwner, Lang::ZhCn) => "老业主",
        (Relation::ExistingOwner, Lang::En) => "Existing owner",
        (Relation::FriendOfOwner, Lang::ZhCn) => "业主的朋友",
        (Relation::FriendOfOwner, Lang::En) => "Friend of an owner",
        (Relation::Prospect, Lang::ZhCn) => "意向客户",
        (Relation::Prospect, Lang::En) => "Prospect",
        (Relation::PartnerStaff, Lang::ZhCn) => "合作企业员工",
        (Relation::PartnerStaff, Lang::En) => "Partner company staff",
    }
}

pub fn status_label(lang: Lang, s: InviteStatus) -> &'static str {
    match (s, lang) {
        (InviteStatus::Invited, Lang::ZhCn) => "已邀请",
        (InviteStatus::Invited, Lang::En) => "Invited",
        (InviteStatus::Confirmed, Lang::ZhCn) => "确认参加",
        (InviteStatus::Confirmed, Lang::En) => "Confirmed",
        (InviteStatus::Declined, Lang::ZhCn) => "婉拒",
        (InviteStatus::Declined, Lang::En) => "Declined",
        (InviteStatus::NoAnswer, Lang::ZhCn) => "未接通",
        (InviteStatus::NoAnswer, Lang::En) => "No answer",
    }
}

pub fn counts_text(lang: Lang, invited: u64, people: usize) -> String {
    match lang {
        Lang::ZhCn => format!("邀请 {invited} 人 · 到场 {people} 人"),
        Lang::En => format!("{invited} invited · {people} came"),
    }
}

pub fn children_text(lang: Lang, kids: &[Child]) -> String {
    kids.iter()
        .map(|k| match lang {
            Lang::ZhCn => format!("{}（{} 岁）", k.name, k.age),
            Lang::En => format!("{} ({})", k.name, k.age),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn consent_text(lang: Lang, version: &str) -> String {
    match lang {
        Lang::ZhCn => format!("我同意主办方为本次活动登记我和孩子的姓名、电话，并在活动后联系我（同意书 {version}）。"),
        Lang::En => format!("I agree that the organiser records my and my children's names and my phone for this event and may contact me afterwards (consent {version})."),
    }
}

pub fn registered_text(lang: Lang, name: &str) -> String {
    match lang {
        Lang::ZhCn => format!("{name} 已登记。下一位！"),
        Lang::En => format!("{name} is registered. Next!"),
    }
}

pub fn conflict_text(lang: Lang, name: &str, asked: u32, available: u32) -> String {
    match lang {
        Lang::ZhCn => format!("{name}：一次兑换要 {asked} 个筹码，合并后只剩 {available} 个（另一台平板已兑换）。"),
        Lang::En => format!("{name}: a redemption asked for {asked} chips, only {available} were left after merging (another tablet redeemed them)."),
    }
}

pub fn rate_text(lang: Lang, r: Option<Ratio>) -> String {
    match (r, r.and_then(|r| r.per_mille())) {
        (Some(r), Some(pm)) => match lang {
            Lang::ZhCn => format!("到场率 {}.{}%（{} / {}）", pm / 10, pm % 10, r.num, r.den),
            Lang::En => format!("Turn-up {}.{}% ({} of {})", pm / 10, pm % 10, r.num, r.den),
        },
        _ => match lang {
            Lang::ZhCn => "到场率 —（尚未邀请）".into(),
            Lang::En => "Turn-up — (nobody invited yet)".into(),
        },
    }
}

pub fn summary_text(lang: Lang, s: &InviteSummary) -> String {
    match lang {
        Lang::ZhCn => {
            format!("确认 {} · 婉拒 {} · 未接通 {} · 未回复 {}", s.confirmed, s.declined, s.no_answer, s.pending)
        }
        Lang::En => format!(
            "{} confirmed · {} declined · {} no answer · {} pending",
            s.confirmed, s.declined, s.no_answer, s.pending
        ),
    }
}

pub fn invite_text(lang: Lang, theme: &str, when: &str, venue: &str, code: &str) -> String {
    match lang {
        Lang::ZhCn => {
            format!("诚邀您和孩子参加「{theme}」，时间 {when}，地点 {venue}。到场出示邀请码 {code} 即可签到。")
        }
        Lang::En => format!(
            "You and your children are invited to “{theme}” on {when} at {venue}. Show code {code} to check in."
        ),
    }
}

pub fn leads_sent_text(lang: Lang, n: usize) -> String {
    match lang {
        Lang::ZhCn => format!("{n} 条新线索已放入公海。"),
        Lang::En => format!("{n} new lead(s) sent to the pool."),
    }
}

pub fn event_error_text(lang: Lang, e: &EventError) -> String {
    let zh = match e {
        EventError::ThemeEmpty => "请填写主题。".to_owned(),
        EventError::VenueEmpty => "请填写地点。".to_owned(),
        EventError::OrganiserEmpty => "请填写组织者。".to_owned(),
        EventError::EndsBeforeStart => "结束时间早于开始时间。".to_owned(),
        EventError::NegativeAmount { line } => format!("预算项“{line}”的金额不能为负。"),
        EventError::LineNameEmpty => "每个预算项都要有名称。".to_owned(),
    };
    let en = match e {
        EventError::ThemeEmpty => "Enter a theme.".to_owned(),
        EventError::VenueEmpty => "Enter a venue.".to_owned(),
        EventError::OrganiserEmpty => "Enter an organiser.".to_owned(),
        EventError::EndsBeforeStart => "The event ends before it starts.".to_owned(),
        EventError::NegativeAmount { line } => {
            format!("Budget line “{line}” has a negative amount.")
        }
        EventError::LineNameEmpty => "Every budget line needs a name.".to_owned(),
    };
    if lang == Lang::ZhCn {
        zh
    } else {
        en
    }
}

pub fn participant_error_text(lang: Lang, e: &ParticipantError) -> String {
    use ParticipantError as P;
    match (e, lang) {
        (P::NameEmpty, Lang::ZhCn) => "请填写姓名。".into(),
        (P::NameEmpty, Lang::En) => "Enter a name.".into(),
        (P::PhoneMissing, Lang::ZhCn) => "请填写手机号。".into(),
        (P::PhoneMissing, Lang::En) => "Enter a phone number.".into(),
        (P::ChildNameEmpty { position }, Lang::ZhCn) => format!("第 {position} 个孩子需要姓名。"),
        (P::ChildNameEmpty { position }, Lang::En) => format!("Child {position} needs a name."),
        (P::ChildAgeOutOfRange { child, age }, Lang::ZhCn) => {
            format!("{child} {age} 岁：DIY 活动只接待 2–6 岁的孩子。")
        }
        (P::ChildAgeOutOfRange { child, age }, Lang::En) => {
            format!("{child} is {age}: the DIY activities take children aged 2 to 6 only.")
        }
        (P::ConsentVersionMismatch { current, .. }, Lang::ZhCn) => {
            format!("同意书已更新为 {current}，请重新勾选。")
        }
        (P::ConsentVersionMismatch { current, .. }, Lang::En) => {
            format!("The consent text is now {current}; tick it again.")
        }
        (P::ConsentFrozen, Lang::ZhCn) => "活动已开始，同意书不能再改。".into(),
        (P::ConsentFrozen, Lang::En) => "The event has started; the consent text is frozen.".into(),
        (P::EventOver, Lang::ZhCn) => "活动已结束，登记已关闭。".into(),
        (P::EventOver, Lang::En) => "The event is over; registration is closed.".into(),
    }
}

pub fn chips_error_text(lang: Lang, e: &ChipsError) -> String {
    match (e, lang) {
        (ChipsError::ZeroChips, Lang::ZhCn) => "至少 1 个筹码。".into(),
        (ChipsError::ZeroChips, Lang::En) => "At least one chip.".into(),
        (ChipsError::EventNotOver, Lang::ZhCn) => "活动结束后才能兑奖。".into(),
        (ChipsError::EventNotOver, Lang::En) => "Prizes are exchanged only after the event ends.".into(),
        (ChipsError::NotEnoughChips { balance, asked }, Lang::ZhCn) => {
            format!("筹码不够：有 {balance} 个，需要 {asked} 个。")
        }
        (ChipsError::NotEnoughChips { balance, asked }, Lang::En) => {
            format!("Not enough chips: {balance} held, {asked} needed.")
        }
    }
}

/// A kiosk refusing every PIN for a while after too many wrong ones.
pub fn pin_locked_text(lang: Lang, seconds: i64) -> String {
    match lang {
        Lang::ZhCn => format!("PIN 错误次数过多，请 {seconds} 秒后再试。"),
        Lang::En => format!("Too many wrong PINs. Try again in {seconds} s."),
    }
}

/// E2: why a kit item was refused.
pub fn kit_error_text(lang: Lang, e: crate::domain::event_kit::KitError) -> &'static str {
    use crate::domain::event_kit::KitError;
    match e {
        KitError::WhatEmpty => EMsg::KitErrWhat.text(lang),
        KitError::WhatTooLong => EMsg::KitErrWhatLong.text(lang),
        KitError::WhoEmpty => EMsg::KitErrWho.text(lang),
    }
}
