//! The zh-CN / en catalogue: a typed enum of every string the UI shows.
//!
//! Why not leptos_i18n: a `match` over [`Msg`] with one arm per key and both languages
//! in the arm makes a missing translation a compile error, costs no build-time
//! locale-file macro on a 2-core machine, and adds no dependency. Messages with values
//! in them are functions below the enum.

use leptos::prelude::*;

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

macro_rules! catalogue {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// Every fixed string in the UI.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($key,)* }

        impl Msg {
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::ZhCn) => $zh, (Msg::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

catalogue! {
    AppName => "Outpost 外勤", "Outpost";
    Loading => "正在打开本机数据…", "Opening local data…";
    StorageFailed => "无法打开本机数据库：", "The local database could not be opened: ";
    NavToday => "今日", "Today";
    NavCustomers => "客户", "Customers";
    NavPool => "公海", "Pool";
    NavActivities => "跟进", "Activities";
    NavEvents => "活动", "Events";
    NavReports => "报表", "Reports";
    NavSettings => "设置", "Settings";
    Online => "在线", "Online";
    Offline => "离线", "Offline";
    OfflineHint => "离线也可以继续工作，联网后再同步。", "You can keep working offline; sync when the network is back.";
    SwitchLang => "English", "中文";
    SwitchLangLabel => "切换到英文", "Switch to Chinese";
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
    TodayComing => "到期跟进、拜访与指标将随“拜访与跟进”版本提供。", "Due follow-ups, visits and quotas arrive with the activities release.";
    CustomersComing => "客户档案、搜索与导入将随“客户与公海”版本提供。", "Customer files, search and import arrive with the customers release.";
    PoolComing => "公海客户与认领规则将随“客户与公海”版本提供。", "The customer pool and claiming arrive with the customers release.";
    ActivitiesComing => "拜访记录、纪要与项目将随“拜访与跟进”版本提供。", "Visits, minutes and projects arrive with the activities release.";
    EventsComing => "活动与签到台模式将随“活动”版本提供。", "Events and kiosk check-in arrive with the events release.";
    ReportsComing => "报表将随“拜访与跟进”及“订单”版本提供。", "Reports arrive with the activities and orders releases.";
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
}

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
    let saved = super::platform::local_get(LANG_KEY).and_then(|t| Lang::from_tag(&t));
    let initial = saved
        .or_else(|| super::platform::browser_language().and_then(|t| Lang::from_tag(&t)))
        .unwrap_or(Lang::En);
    let i18n = I18n(RwSignal::new(initial));
    Effect::new(move |_| {
        let lang = i18n.0.get();
        super::platform::set_html_lang(lang.tag());
        super::platform::local_set(LANG_KEY, lang.tag());
    });
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// A reactive text for `msg` in the current language.
pub fn t(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || msg.text(i18n.0.get())
}
