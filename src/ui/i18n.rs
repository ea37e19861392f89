//! The zh-CN / en catalogue: a typed enum of every string the UI shows.
//!
//! Why not leptos_i18n: a `match` over [`Msg`] with one arm per key and both languages
//! in the arm makes a missing translation a compile error, costs no build-time
//! locale-file macro on a 2-core machine, and adds no dependency. Messages with values
//! in them are functions below the enum.

use crate::sync::passphrase::Weakness;
use leptos::prelude::*;

pub mod activities;
pub mod aftersales;
pub mod applications;
pub mod bucket;
pub mod commands;
pub mod customers;
pub mod day_plan;
pub mod events;
pub mod import;
pub mod incentives;
pub mod key_accounts;
pub mod kpi;
pub mod orders;
pub mod photos;
pub mod plans;
pub mod pool;
pub mod recovery;
pub mod roster;
pub mod service;
pub mod sync_status;
pub mod targets;
pub mod territory;
pub mod warehouse;

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    ZhCn,
    En,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>` and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.to_ascii_lowercase();
        if t.starts_with("zh") {
            Some(Lang::ZhCn)
        } else if t.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::ZhCn => Lang::En,
            Lang::En => Lang::ZhCn,
        }
    }
}

/// A typed message catalogue: every key has a zh-CN and an en text.
pub trait Catalogue: Copy + Send + Sync + 'static {
    fn text(self, lang: Lang) -> &'static str;
}

/// Defines a catalogue enum; one arm per key with both languages, so a missing
/// translation is a compile error. Feature areas keep their own catalogue file.
#[macro_export]
macro_rules! catalogue {
    ($name:ident { $($key:ident => $zh:literal, $en:literal;)* }) => {
        /// Fixed strings of the UI.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($key,)* }

        impl $name {
            pub fn text(self, lang: $crate::ui::i18n::Lang) -> &'static str {
                use $crate::ui::i18n::Lang;
                match (self, lang) {
                    $(($name::$key, Lang::ZhCn) => $zh, ($name::$key, Lang::En) => $en,)*
                }
            }
        }

        impl $crate::ui::i18n::Catalogue for $name {
            fn text(self, lang: $crate::ui::i18n::Lang) -> &'static str {
                $name::text(self, lang)
            }
        }
    };
}

catalogue! { Msg {
    AppName => "Outpost 外勤", "Outpost";
    Loading => "正在打开本机数据…", "Opening local data…";
    StorageFailed => "无法打开本机数据库：", "The local database could not be opened: ";
    DbBlocked => "另一个标签页中打开着旧版 Outpost，本页无法打开本机数据。请关闭其他 Outpost 标签页，本页会自动继续。", "An older Outpost is open in another tab and keeps this one from opening the local data. Close the other Outpost tabs; this one continues by itself.";
    DbSuperseded => "Outpost 已在另一个标签页中更新。本页已停止使用本机数据，请重新加载。", "Outpost was updated in another tab. This tab has stopped using the local data; please reload it.";
    Reload => "重新加载", "Reload";
    DbOpenFailed => "无法打开本机数据库", "The local database could not be opened";
    DbWriteFailed => "本机数据库操作失败，未做任何更改", "A local database operation failed; nothing was changed";
    DbDecodeFailed => "本机有一条记录无法读取", "A record on this device could not be read";
    NavToday => "今日", "Today";
    NavCustomers => "客户", "Customers";
    NavPool => "公海", "Pool";
    NavActivities => "跟进", "Activities";
    NavEvents => "活动", "Events";
    NavReports => "报表", "Reports";
    NavSettings => "设置", "Settings";
    NavFinance => "财务", "Finance";
    NavIncentives => "激励", "Incentives";
    NavWarehouse => "仓库", "Warehouse";
    NavAftersales => "售后与市场", "After-sales";
    Online => "在线", "Online";
    Offline => "离线", "Offline";
    OfflineHint => "离线也可以继续工作，联网后再同步。", "You can keep working offline; sync when the network is back.";
    SwitchLang => "English", "中文";
    SwitchLangLabel => "切换到英文", "Switch to Chinese";
    TableRegion => "表格（可左右滚动）", "Table (scrolls sideways)";
    UpdateReady => "新版本已就绪。", "A new version is ready.";
    UpdateReload => "重新加载", "Reload";
    FirstRunTitle => "谁在使用这台平板？", "Who is using this tablet?";
    FirstRunIntro => "每位使用者一个档案。共用一台平板时可以随时切换。", "One profile per person. On a shared tablet, switch at any time.";
    AddProfileTitle => "添加使用者", "Add a person";
    FieldName => "姓名", "Name";
    FieldRole => "角色", "Role";
    RoleRep => "销售代表", "Sales rep";
    RoleManager => "销售经理", "Manager";
    RoleFinance => "财务", "Finance";
    RoleEventStaff => "活动人员", "Event staff";
    Save => "保存", "Save";
    Cancel => "取消", "Cancel";
    ErrNameEmpty => "请输入姓名。", "Enter a name.";
    ErrNameTaken => "本机已有同名档案。", "A profile with this name is already on this device.";
    ErrSaveFailed => "保存失败：", "Could not save: ";
    SwitchProfile => "切换使用者", "Switch person";
    AddProfile => "添加使用者", "Add a person";
    TodayWorkingDay => "今天是工作日。", "Today is a working day.";
    TodayRestDay => "今天不是工作日。", "Today is not a working day.";
    SettingsStorage => "本机存储", "Storage on this device";
    StoragePersisted => "持久存储：已授予", "Persistent storage: granted";
    StorageNotPersisted => "持久存储：未授予（浏览器空间紧张时可能清除数据）", "Persistent storage: not granted (the browser may clear data when space runs low)";
    StorageUnknown => "持久存储：此浏览器不支持", "Persistent storage: not supported by this browser";
    StorageRequest => "申请持久存储", "Ask for persistent storage";
    StorageUsageUnknown => "用量：未知", "Usage: unknown";
    SettingsLanguage => "语言", "Language";
    SettingsDevice => "本机", "This device";
    SettingsProfiles => "使用者", "People on this device";
    SettingsCalendar => "团队工作日历", "Team working-day calendar";
    CalendarTz => "团队时区（UTC 偏移）", "Team time zone (UTC offset)";
    CalendarHolidays => "节假日（每行一个日期，YYYY-MM-DD）", "Holidays (one date per line, YYYY-MM-DD)";
    CalendarMakeup => "调休上班日（周末改为上班，每行一个日期）", "Make-up working days (weekend days worked, one per line)";
    CalendarSave => "保存日历", "Save calendar";
    CalendarSaved => "日历已保存。", "Calendar saved.";
    SettingsSync => "团队同步", "Team sync";
    SyncNoTeam => "本机尚未加入团队，数据只保存在这台设备上。", "This device is not in a team yet; its data stays on this device only.";
    SyncCreateTitle => "新建团队", "Create a team";
    SyncHostUrl => "同步文件夹地址（支持 PUT 的静态主机）", "Sync folder URL (a static host that accepts PUT)";
    SyncUser => "用户名（可选）", "User (optional)";
    SyncPassword => "密码（可选）", "Password (optional)";
    SyncCreate => "新建团队并生成密钥", "Create team and key";
    SyncJoinTitle => "用邀请链接加入", "Join with an invite link";
    SyncJoinPaste => "粘贴邀请链接", "Paste the invite link";
    SyncJoin => "加入", "Join";
    ErrBadInvite => "这不是有效的邀请链接。", "This is not a valid invite link.";
    ErrBadHostUrl => "请输入以 http:// 或 https:// 开头的地址。", "Enter an address starting with http:// or https://.";
    SyncHost => "同步文件夹", "Sync folder";
    SyncDevice => "本机编号", "This device";
    SyncLast => "上次同步", "Last sync";
    SyncNever => "从未", "never";
    SyncUnsynced => "待同步的更改", "Changes not yet synced";
    SyncNow => "立即同步", "Sync now";
    SyncRunning => "正在同步…", "Syncing…";
    SyncOtherTab => "另一个标签页正在同步，本页将在它完成后同步。", "Another tab is syncing; this one syncs when it is done.";
    SyncOk => "本轮同步完成。", "Sync round finished.";
    SyncInvite => "邀请同事：打开此链接或扫描二维码。密钥在 # 之后，不会发送给任何服务器。", "Invite a colleague: open this link or scan the code. The key sits after the #, which is never sent to any server.";
    SyncCopy => "复制链接", "Copy link";
    ErrUnreachable => "无法连接同步主机（离线或地址有误）。更改已保存在本机，稍后会再试。", "The sync host could not be reached (offline or a wrong address). Your changes are saved on this device and will be sent later.";
    ErrReadOnly => "同步主机只读：本机可以接收，但无法上传。", "The sync host is read-only: this device can receive but not publish.";
    ErrUnauthorized => "同步主机拒绝了用户名或密码。", "The sync host refused the user name or password.";
    ErrClockSkew => "本机时钟与存储桶的时间相差太大（超过 15 分钟）：请校正本机的日期和时间。", "This device's clock is too far from the bucket's (over 15 minutes): set the device's date and time.";
    ErrSignature => "存储桶拒绝了签名：访问密钥的密码（Secret）不对。", "The bucket refused the signature: the secret key is wrong.";
    ErrAccessKey => "存储桶不认识这个访问密钥（Access Key）。", "The bucket does not know this access key.";
    ErrAccessDenied => "存储桶拒绝访问：此密钥无权读写团队文件夹。", "The bucket denied access: this key may not read or write the team's folder.";
    ErrNoBucket => "找不到存储桶：请检查桶名、区域和地址。", "No such bucket: check the bucket name, region and endpoint.";
    ErrHostRefused => "存储桶拒绝了请求：", "The bucket refused the request: ";
    ErrStorage => "本机数据库出错：", "The local database failed: ";
    ErrKey => "团队密钥无效。", "The team key is not valid.";
    JoinTitle => "加入团队", "Join a team";
    JoinReplace => "本机已加入另一个团队；加入后将改为与这个团队同步。", "This device already syncs with a team; joining switches it to this one.";
    JoinConfirm => "加入此团队", "Join this team";
    JoinSwitchConfirm => "确认切换到新团队", "Switch to the new team";
    JoinSwitchCancel => "取消，留在原团队", "Cancel, stay in the current team";
    JoinSwitchWait => "正在同步，请稍候再切换。", "A sync is running; switch when it has finished.";
    CustomersQuickAdd => "快速登记客户", "Quick add a customer";
    FieldCompany => "公司名称", "Company name";
    FieldPhone => "电话", "Phone";
    Add => "添加", "Add";
    ErrCompanyEmpty => "请输入公司名称。", "Enter the company name.";
    ErrCompanyLong => "公司名称最多 100 个字。", "A company name has at most 100 characters.";
    ErrPhone => "电话由 5–20 位数字组成，可含空格、+ 和 -。", "A phone number has 5–20 digits and may contain spaces, + and -.";
    CustomersEmpty => "还没有客户。", "No customers yet.";
    SyncBadge => "待同步", "Unsynced";
    InviteShow => "显示邀请链接", "Show invite link";
    InviteHide => "隐藏邀请链接", "Hide invite link";
    InviteWarning => "持有此链接（或其二维码）的任何人都能读取团队的全部数据。只通过私密渠道发给同事；更稳妥的是生成口令保护的链接，口令另行告知。", "Anyone holding this link (or its QR code) can read all of the team's data. Send it only to colleagues over a private channel; safer still, make a passphrase-protected link and tell the passphrase separately.";
    InvitePassphrase => "口令（单独告知同事）", "Passphrase (tell it separately)";
    InviteProtect => "生成口令保护的链接", "Make a passphrase-protected link";
    InviteProtected => "链接中的密钥已用口令加密；对方加入时需要输入口令。", "The key in this link is locked with the passphrase; the colleague types it to join.";
    JoinPassphrase => "输入邀请人告诉你的口令", "Enter the passphrase the inviter gave you";
    JoinHostLogin => "同步主机需要登录？", "Does the sync host need a login?";
    JoinUnlocking => "正在解锁…", "Unlocking…";
    ErrWrongPassphrase => "口令不对，请再试一次。", "That passphrase is wrong; try again.";
    DbSecretFailed => "本机加密保存的团队密钥无法读取（可能是从其他设备复制来的数据）。请重新用邀请链接加入团队。", "The team key kept encrypted on this device could not be read (perhaps the data was copied from another device). Join the team again with an invite link.";
    ErrInviteTooCostly => "这个链接要求的解锁计算量超出平板能承受的范围，可能被人改过。请向邀请人索取新链接。", "This link asks for more unlocking work than a tablet should do; it may have been altered. Ask the inviter for a new link.";
    Remove => "移除", "Remove";
    Confirm => "确认", "Confirm";
    ClearDevice => "清除本机所有数据", "Clear all data on this device";
    ClearDeviceHint => "删除这台设备上的客户、记录、使用者和团队设置。已同步的数据仍在团队其他设备上。", "Deletes this device's customers, records, people and team settings. Data already synced stays on the team's other devices.";
    SyncExport => "导出加密文件", "Export encrypted file";
    SyncImport => "导入文件", "Import a file";
    SyncFileHint => "完全没有网络时：把加密文件拷给同事，对方用“导入文件”合并。", "No network at all? Hand the encrypted file to a colleague; they merge it with “Import a file”.";
    ErrFileUnreadable => "文件无法打开：不是本团队的文件、被篡改或已损坏。本机数据未受影响。", "The file could not be opened: another team's, altered or damaged. Nothing on this device changed.";
    ErrFileTooNew => "该文件由更新版本的 Outpost 生成，请先更新应用。本机数据未受影响。", "This file was written by a newer Outpost; update the app first. Nothing on this device changed.";
} }

/// Messages with values in them.
pub fn storage_usage(lang: Lang, used: &str, quota: &str) -> String {
    match lang {
        Lang::ZhCn => format!("已用 {used}，可用上限 {quota}"),
        Lang::En => format!("Using {used} of {quota}"),
    }
}

pub fn name_too_long(lang: Lang, max: usize) -> String {
    match lang {
        Lang::ZhCn => format!("姓名最多 {max} 个字。"),
        Lang::En => format!("A name has at most {max} characters."),
    }
}

pub fn bad_date_line(lang: Lang, line: usize, text: &str) -> String {
    match lang {
        Lang::ZhCn => format!("第 {line} 行“{text}”不是 YYYY-MM-DD 格式的日期。"),
        Lang::En => format!("Line {line}, “{text}”, is not a date in YYYY-MM-DD form."),
    }
}

pub fn host_status(lang: Lang, status: u16) -> String {
    match lang {
        Lang::ZhCn => format!("同步主机返回 HTTP {status}。本机数据未受影响。"),
        Lang::En => {
            format!("The sync host answered HTTP {status}. Nothing on this device changed.")
        }
    }
}

pub fn clock_ahead(lang: Lang, device: &str, hours: i64) -> String {
    match lang {
        Lang::ZhCn => format!(
            "设备 {device} 的时钟快了约 {hours} 小时，其时间戳在未来的更改暂缓合并，等时间赶上；请校正该设备的时间。"
        ),
        Lang::En => {
            format!("Device {device}'s clock is about {hours} h ahead; its changes stamped in the future wait until the time catches up. Please set its time.")
        }
    }
}

pub fn imported(lang: Lang, n: usize) -> String {
    match lang {
        Lang::ZhCn => format!("已导入，{n} 条记录有更新。"),
        Lang::En => format!("Imported; {n} record(s) changed."),
    }
}

/// Why a passphrase may not protect an invite, and what to change.
pub fn passphrase_weak(lang: Lang, w: Weakness) -> String {
    match (lang, w) {
        (Lang::ZhCn, Weakness::TooShort { min }) => format!("口令至少 {min} 个字符。"),
        (Lang::En, Weakness::TooShort { min }) => format!("A passphrase has at least {min} characters."),
        (Lang::ZhCn, Weakness::Repetitive { min }) => format!("口令太单调：至少要有 {min} 个不同的字符。"),
        (Lang::En, Weakness::Repetitive { min }) => {
            format!("That passphrase repeats itself: use at least {min} different characters.")
        }
        (Lang::ZhCn, Weakness::OneKind { long }) => {
            format!("请混用两类字符（字母、大写字母、数字、空格或标点、汉字），或者把口令加长到 {long} 个字符以上。")
        }
        (Lang::En, Weakness::OneKind { long }) => format!(
            "Mix two kinds of character (lower case, capitals, digits, spaces or punctuation, Chinese), or make it at least {long} characters long."
        ),
    }
}

/// The warning before joining another team: which team is left, what becomes of the
/// changes it has not received and of the data on this device.
pub fn team_switch_warning(lang: Lang, current_host: &str, unsynced: usize) -> String {
    match lang {
        Lang::ZhCn => format!(
            "本机目前与 {current_host} 的团队同步，有 {unsynced} 条更改尚未同步到该团队。切换后本机不再与原团队同步，这些更改不会再发给原团队。本机所有数据都保留；本机自己录入的全部记录（包括这 {unsynced} 条）会在下一次同步时发给新团队。原团队其他成员录入的记录留在本机，但不会发给新团队。"
        ),
        Lang::En => format!(
            "This device syncs with the team at {current_host}, which has not received {unsynced} change(s) made here. After the switch this device no longer syncs with that team, so it will not receive them. All data stays on this device; every record entered on this device (these {unsynced} changes included) is sent to the new team on the next sync. Records other members of the old team entered stay on this device but are not sent to the new team."
        ),
    }
}

/// The warning before something that could lose unsynced changes.
pub fn unsynced_warning(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::ZhCn, 0) => "所有更改都已同步。".into(),
        (Lang::En, 0) => "Every change has been synced.".into(),
        (Lang::ZhCn, n) => format!("注意：本机还有 {n} 项更改未同步。请先同步或导出文件，否则这些更改只存在于这台设备上。"),
        (Lang::En, n) => format!("Careful: {n} change(s) on this device are not synced yet. Sync or export a file first, or they exist only on this device."),
    }
}

/// A storage failure as the user reads it: what happened, then the database's own words.
pub fn storage_error(lang: Lang, e: &crate::storage::StorageError) -> String {
    use crate::storage::StorageError as E;
    let (head, detail) = match e {
        E::Open(d) => (Msg::DbOpenFailed, d),
        E::Transaction(d) => (Msg::DbWriteFailed, d),
        E::Decode(d) => (Msg::DbDecodeFailed, d),
        E::Secret(d) => (Msg::DbSecretFailed, d),
    };
    match lang {
        Lang::ZhCn => format!("{}（{detail}）", head.text(lang)),
        Lang::En => format!("{} ({detail})", head.text(lang)),
    }
}

pub fn confirm_remove_profile(lang: Lang, name: &str) -> String {
    match lang {
        Lang::ZhCn => format!("从这台设备移除“{name}”？其记录保留。"),
        Lang::En => format!("Remove “{name}” from this device? Their records stay."),
    }
}

pub fn greeting(lang: Lang, name: &str) -> String {
    match lang {
        Lang::ZhCn => format!("{name}，你好"),
        Lang::En => format!("Hello, {name}"),
    }
}

const LANG_KEY: &str = "outpost.lang";

/// The language context: one signal, persisted per device in localStorage.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Lang>);

impl I18n {
    pub fn lang(&self) -> Lang {
        self.0.get()
    }
}

/// Chooses the saved language, else the browser's, else English; keeps `<html lang>`
/// and localStorage in step with the signal.
pub fn provide_i18n() -> I18n {
    let saved = crate::ui::state::platform::local_get(LANG_KEY).and_then(|t| Lang::from_tag(&t));
    let initial = saved
        .or_else(|| crate::ui::state::platform::browser_language().and_then(|t| Lang::from_tag(&t)))
        .unwrap_or(Lang::En);
    let i18n = I18n(RwSignal::new(initial));
    Effect::new(move |_| {
        let lang = i18n.0.get();
        crate::ui::state::platform::set_html_lang(lang.tag());
        crate::ui::state::platform::local_set(LANG_KEY, lang.tag());
    });
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// A reactive text for `msg` in the current language.
pub fn t<M: Catalogue>(msg: M) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || Catalogue::text(msg, i18n.0.get())
}
