//! zh-CN / en words of the incentives page: each statement line's item, inputs, band
//! and arithmetic worded from the data the domain computed.

use crate::domain::incentive::{
    Area, BandChoice, BillLine, Calc, Edge, FiguresError, IncentiveError, Item, Line, Payee, PayoutStep, Problem,
    ReferralKind, Share, Track,
};
use crate::domain::money::format_yuan;
use crate::ui::i18n::Lang;

crate::catalogue! { IMsg {
    Title => "激励", "Incentives";
    Month => "月份", "Month";
    Import => "导入本月站点数据（CSV）", "Import the month's station figures (CSV)";
    ImportHint => "每行一个站点；列名见说明文档。有问题的行会按行号列出，其余照常导入。", "One row per station; the columns are listed in the README. Bad rows are listed by line; the others go in.";
    ChooseFile => "选择文件", "Choose a file";
    RowsRead => "读取行数", "Rows read";
    RowsGood => "可导入", "Good rows";
    RowsBad => "有问题的行", "Bad rows";
    Line => "第 {} 行", "Line {}";
    Store => "保存本月数据", "Store the month's figures";
    Stored => "已保存，已按方案计算。", "Stored and computed.";
    NothingToStore => "没有可导入的站点。", "No station to store.";
    ManagerOnly => "只有经理可以导入数据和修改方案。", "Only a manager imports figures and changes schemes.";
    NoMonth => "这个月还没有数据。", "No figures for this month yet.";
    Imported => "数据来源", "Figures from";
    SchemeUsed => "计算方案", "Computed with";
    TabStations => "站点", "Stations";
    TabMaintainers => "维护人员", "Maintainers";
    TabHeads => "支局长", "Branch heads";
    Item => "项目", "Item";
    Inputs => "依据", "Basis";
    Band => "档位", "Band";
    Arithmetic => "计算", "Arithmetic";
    Amount => "金额（元）", "Amount (yuan)";
    Total => "合计", "Total";
    Print => "打印结算单", "Print statement";
    HowToWin => "怎样多拿", "How to win more";
    Signature => "本人签字确认：____________________　日期：____________", "Signed as correct: ____________________  Date: ____________";
    Export => "导出 CSV", "Export CSV";
    Kind => "类别", "Kind";
    Payee => "对象", "Payee";
    KindStation => "站点", "Station";
    KindMaintainer => "维护人员", "Maintainer";
    KindHead => "支局长", "Branch head";
    NoLines => "本月没有奖励。", "Nothing earned this month.";
    Statement => "奖励结算单", "Incentive statement";
    Calendar => "兑现日程", "Payout calendar";
    TrackStations => "便民站", "Stations";
    TrackBranches => "支局", "Branches";
    Schemes => "方案版本", "Scheme versions";
    PresetName => "便民服务站营销方案（预设）", "Rural service-station scheme (preset)";
    ValidFrom => "生效日期", "Valid from";
    BasedOn => "复制自", "Copied from";
    Frozen => "已用于计算，不可修改", "Used for a month: frozen";
    Editable => "可修改", "Editable";
    Copy => "复制为新版本", "Copy as a new version";
    Copied => "已复制。", "Copied.";
    Edit => "修改数字", "Edit numbers";
    Save => "保存", "Save";
    Saved => "已保存。", "Saved.";
    Cancel => "取消", "Cancel";
    SchemeName => "名称", "Name";
    Reading => "正在读取…", "Reading…";
    Mobile => "移动话费", "Mobile bills";
    Unicom => "联通话费", "Unicom bills";
    Telecom => "电信话费", "Telecom bills";
    ElectricityRural => "代收电费（农村站）", "Electricity bills (rural station)";
    ElectricityUrban => "代收电费（城市站）", "Electricity bills (urban station)";
    Withdrawals => "助农取款", "Cash withdrawals";
    FeeCovered => "通讯费由邮政承担", "Telecom fee covered";
    RefHousehold => "发展惠农通", "New household accounts";
    RefFinancial => "转介金融客户信息", "Financial leads";
    RefCarLead => "转介车险客户信息", "Car-insurance leads";
    RefCarConverted => "车险转介成功", "Car-insurance customers converted";
    MaintBase => "维护基础奖励", "Maintenance base";
    MaintCommission => "维护业务提成", "Maintenance commission";
    NotValid => "未达有效站点", "Not a valid station";
    BranchReward => "支局有效站点奖励", "Branch reward for valid stations";
    BranchPenalty => "未完成有效站点计划扣罚", "Penalty: below the valid-station plan";
    StepDataAllocated => "调取数据并分配奖励", "Data pulled and rewards allocated";
    StepCountyCheck => "县局核对", "County check";
    StepStationsSign => "便民站确认签字", "Stations confirm and sign";
    StepHeadsSign => "支局长、维护人员签字", "Branch heads and maintainers sign";
    StepFiled => "市场部备案", "Filed";
    StepCityReview => "市公司审核", "City review";
    StepToFinance => "县局领导签字后报财务", "County leader signs, to finance";
    StepFinancePays => "财务审核并兑现", "Finance checks and pays";
    StepAmountsSent => "短信告知奖励金额", "Amounts sent to each person";
    KnobBadNumber => "数字不正确：", "Not a valid number: ";
    KnobsBills => "代收话费", "Phone bills";
    KnobsElectricity => "代收电费", "Electricity bills";
    KnobsWithdrawals => "助农取款", "Cash withdrawals";
    KnobsReferrals => "转介绍", "Referrals";
    KnobsMaintenance => "渠道维护", "Maintenance";
    KnobsBranches => "支局奖励与扣罚", "Branch rewards and penalties";
    ValidTo => "截止日期（可空）", "Valid to (optional)";
    ErrMissing => "缺少内容", "missing";
    ErrCount => "不是整数笔数", "not a whole count";
    ErrAmount => "不是金额（元，最多两位小数）", "not an amount (yuan, at most two decimals)";
    ErrArea => "应为“农村”或“城市”", "should be rural or urban";
    ErrSwipe => "应写作 卡号@日*次数（日为 1–31），此处为：", "not written card@day*count (day 1–31): ";
    ErrHouseholds => "农村站代收电费需要村户数", "a rural station with electricity payments needs the households";
    ErrStations => "本村站点数不能为 0", "stations in the village cannot be 0";
    ErrDuplicate => "站点重复，首次出现在第 {} 行", "station repeated; first on line {}";
    ErrBranch => "与第 {} 行同一支局的信息不一致", "differs from the same branch on line {}";
    ErrMissingColumn => "文件缺少必需的列：", "The file lacks a required column: ";
    ErrFrozen => "该方案已用于 {} 的计算，不能修改；请复制为新版本。", "This scheme was used for {}; copy it to a new version to change it.";
    ErrPreset => "预设方案不能修改；请复制为新版本。", "The preset cannot be changed; copy it to a new version.";
    ErrBands => "档位必须首尾相接、覆盖所有数值。", "Bands must meet end to end and cover every value.";
    ErrScheme => "方案数字不符合要求。", "The scheme's numbers are not valid.";
    ErrNoScheme => "没有适用于该月份的方案。", "No scheme covers this month.";
    ErrNoStations => "没有可导入的站点。", "No station to store.";
    ErrNoFigures => "这个月还没有数据，不能办理兑现步骤。", "This month has no figures yet, so no payout step can be done.";
    ErrNoStep => "该流程没有这一步。", "This track has no such step.";
    ErrStepDone => "这一步已经完成。", "This step is done already.";
    ErrStepOrder => "请先完成前一步：", "Do the earlier step first: ";
    ErrStationExists => "本月已有站点 {}；请选择它进行修改。", "The month has station {} already; choose it to edit it.";
    Due => "截止", "Due";
    DoneBy => "已完成", "Done";
    Overdue => "已逾期", "Overdue";
    MarkDone => "完成", "Done";
    StepMarked => "已记录。", "Recorded.";
    SendAmounts => "短信发送金额", "Send amounts";
    SendHint => "点击姓名打开短信，内容已填好。", "Tap a name to open a text with the amount filled in.";
    NoStatements => "这个月还没有结算单。", "No statements for this month yet.";
    ByHand => "手工录入", "entered by hand";
    HandEntry => "手工录入站点数据", "Enter a station's figures by hand";
    HandHint => "与导入文件的列相同；有误的项会标出，已填写的内容不会丢失。", "The same fields as the import file; a wrong field is marked and nothing typed is lost.";
    EditStation => "修改站点", "Edit station";
    NewStation => "新站点", "New station";
    SaveStation => "保存站点", "Save station";
    StationSaved => "已保存，已重新计算。", "Saved and computed.";
    FixFields => "请修改标出的项。", "Please correct the marked fields.";
    AreaRural => "农村", "Rural";
    AreaUrban => "城市", "Urban";
    AreaSame => "同站点", "Same as the station";
    SwipesHint => "卡号@日*次数，用分号分隔", "card@day*count, separated by semicolons";
} }

fn fill(template: &str, v: impl std::fmt::Display) -> String {
    template.replacen("{}", &v.to_string(), 1)
}

fn zh(lang: Lang) -> bool {
    lang == Lang::ZhCn
}

/// `0.25` from fen.
/// I8: one tip in words, e.g. "71 more electricity payments: 0.25 → 0.30 per payment,
/// +33.80 this month".
pub fn tip_text(lang: Lang, t: &crate::domain::incentive::Tip) -> String {
    use crate::domain::incentive::Lever;
    let zh = lang == Lang::ZhCn;
    let what = match (t.lever, zh) {
        (Lever::Electricity, true) => "笔电费缴纳",
        (Lever::Electricity, false) => "more electricity payments",
        (Lever::Withdrawals, true) => "笔取款",
        (Lever::Withdrawals, false) => "more withdrawals",
    };
    let from = t.rate_now_fen.map(rate);
    let gain = format_yuan(t.gain_fen);
    match (zh, from) {
        (true, Some(f)) => {
            format!("再做 {} {what}：每笔由 {f} 升到 {}，本月多得 {gain} 元", t.more, rate(t.rate_next_fen))
        }
        (true, None) => format!("再做 {} {what}：每笔 {}，本月多得 {gain} 元", t.more, rate(t.rate_next_fen)),
        (false, Some(f)) => {
            format!("{} {what}: {f} → {} per transaction, +{gain} this month", t.more, rate(t.rate_next_fen))
        }
        (false, None) => format!("{} {what}: {} per transaction, +{gain} this month", t.more, rate(t.rate_next_fen)),
    }
}

pub fn rate(fen: i64) -> String {
    format_yuan(fen)
}

/// `62.5%` from basis points, up to two decimals.
pub fn percent_bp(bp: u128) -> String {
    let (whole, frac) = (bp / 100, bp % 100);
    if frac == 0 {
        format!("{whole}%")
    } else if frac % 10 == 0 {
        format!("{whole}.{}%", frac / 10)
    } else {
        format!("{whole}.{frac:02}%")
    }
}

pub fn payee_name(lang: Lang, p: &Payee) -> String {
    let name = p.name();
    if name.is_empty() {
        if zh(lang) { "（未填写）" } else { "(not given)" }.to_owned()
    } else {
        name.to_owned()
    }
}

pub fn payee_kind(p: &Payee) -> IMsg {
    match p {
        Payee::Station(_) => IMsg::KindStation,
        Payee::Maintainer(_) => IMsg::KindMaintainer,
        Payee::BranchHead(_) => IMsg::KindHead,
    }
}

fn referral(kind: ReferralKind) -> IMsg {
    match kind {
        ReferralKind::NewHousehold => IMsg::RefHousehold,
        ReferralKind::FinancialLead => IMsg::RefFinancial,
        ReferralKind::CarInsuranceLead => IMsg::RefCarLead,
        ReferralKind::CarInsuranceConverted => IMsg::RefCarConverted,
    }
}

/// The line's item, e.g. "代收电费（农村站）" or "Maintenance base · BM001".
pub fn item_text(lang: Lang, item: &Item) -> String {
    let with = |m: IMsg, what: &str| format!("{} · {what}", m.text(lang));
    match item {
        Item::Bill { line, .. } => match line {
            BillLine::Mobile => IMsg::Mobile,
            BillLine::Unicom => IMsg::Unicom,
            BillLine::Telecom => IMsg::Telecom,
        }
        .text(lang)
        .to_owned(),
        Item::ElectricityRural { .. } => IMsg::ElectricityRural.text(lang).to_owned(),
        Item::ElectricityUrban { .. } => IMsg::ElectricityUrban.text(lang).to_owned(),
        Item::Withdrawals { .. } => IMsg::Withdrawals.text(lang).to_owned(),
        Item::FeeCovered { .. } => IMsg::FeeCovered.text(lang).to_owned(),
        Item::Referral { kind, .. } => referral(*kind).text(lang).to_owned(),
        Item::MaintenanceBase { station, .. } => with(IMsg::MaintBase, station),
        Item::MaintenanceCommission { station, .. } => with(IMsg::MaintCommission, station),
        Item::NotValid { station, .. } => with(IMsg::NotValid, station),
        Item::BranchReward { branch, .. } => with(IMsg::BranchReward, branch),
        Item::BranchPenalty { branch, .. } => with(IMsg::BranchPenalty, branch),
    }
}

/// What the line was computed from, e.g. "250 笔 ÷ 400 户 = 62.5%".
pub fn inputs_text(lang: Lang, line: &Line) -> String {
    let z = zh(lang);
    let tx = |n: u64| if z { format!("{n} 笔") } else { format!("{n} payments") };
    let share = line.band.map(|b| percent_bp(b.measure.rounded())).unwrap_or_default();
    match &line.item {
        Item::Bill { tx: n, amount_fen: 0, .. } => tx(*n),
        Item::Bill { tx: n, amount_fen, .. } => {
            if z {
                format!("{n} 笔，金额 {}", format_yuan(*amount_fen))
            } else {
                format!("{n} payments, {} collected", format_yuan(*amount_fen))
            }
        }
        Item::ElectricityRural { tx: n, households, stations_in_village } => {
            let hh = if *stations_in_village > 1 {
                if z {
                    format!("({households} 户 ÷ {stations_in_village} 站)")
                } else {
                    format!("({households} households ÷ {stations_in_village} stations)")
                }
            } else if z {
                format!("{households} 户")
            } else {
                format!("{households} households")
            };
            format!("{} ÷ {hh} = {share}", tx(*n))
        }
        Item::ElectricityUrban { tx: n } => tx(*n),
        Item::Withdrawals { swipes, counted, cap } => {
            if z {
                format!("刷卡 {swipes} 次，计入 {counted} 笔（每卡每天最多 {cap} 笔）")
            } else {
                format!("{swipes} swipes, {counted} counted (at most {cap} per card a day)")
            }
        }
        Item::FeeCovered { counted, from_tx } => {
            if z {
                format!("计入 {counted} 笔 ≥ {from_tx} 笔")
            } else {
                format!("{counted} counted ≥ {from_tx}")
            }
        }
        Item::Referral { count, .. } => {
            if z {
                format!("{count} 个")
            } else {
                format!("{count}")
            }
        }
        Item::MaintenanceBase { bill_tx, pos_tx, .. } | Item::MaintenanceCommission { bill_tx, pos_tx, .. } => {
            if z {
                format!("缴费 {bill_tx} 笔，商易通 {pos_tx} 笔：有效站点")
            } else {
                format!("{bill_tx} bill payments, {pos_tx} POS: a valid station")
            }
        }
        Item::NotValid { bill_tx, pos_tx, min_bill_tx, min_pos_tx, .. } => {
            if z {
                format!("缴费 {bill_tx} 笔（需 {min_bill_tx}），商易通 {pos_tx} 笔（需 {min_pos_tx}）")
            } else {
                format!("{bill_tx} bill payments (needs {min_bill_tx}), {pos_tx} POS (needs {min_pos_tx})")
            }
        }
        Item::BranchReward { area, stations, valid, .. } => match (area, z) {
            (Area::Rural, true) => format!("农村支局，有效站点 {valid}/{stations}，全部有效"),
            (Area::Rural, false) => format!("rural branch, {valid} of {stations} stations valid: all"),
            (Area::Urban, true) => format!("城市支局，有效站点 {valid} 个"),
            (Area::Urban, false) => format!("urban branch, {valid} valid stations"),
        },
        Item::BranchPenalty { plan, valid, missing, .. } => {
            if z {
                format!("计划 {plan} 个，有效 {valid} 个，差 {missing} 个")
            } else {
                format!("plan {plan}, valid {valid}, {missing} missing")
            }
        }
    }
}

fn edge(e: Edge, percent: bool) -> String {
    if percent {
        percent_bp(u128::from(e.at))
    } else {
        e.at.to_string()
    }
}

/// The band chosen, e.g. "50%–80%" or "≥ 20".
pub fn band_text(lang: Lang, b: &BandChoice, percent: bool) -> String {
    let unit = if percent || !zh(lang) { "" } else { " 笔" };
    let lo = |e: Edge| format!("{} {}", if e.inclusive { "≥" } else { ">" }, edge(e, percent));
    let hi = |e: Edge| format!("{} {}", if e.inclusive { "≤" } else { "<" }, edge(e, percent));
    let text = match (b.band.from, b.band.to) {
        (None, None) => String::new(),
        (Some(a), None) => lo(a),
        (None, Some(z)) => hi(z),
        (Some(a), Some(z)) if a.inclusive && z.inclusive => format!("{}–{}", edge(a, percent), edge(z, percent)),
        (Some(a), Some(z)) => format!("{}, {}", lo(a), hi(z)),
    };
    format!("{text}{unit}")
}

/// The line's band, if it has one.
pub fn line_band(lang: Lang, line: &Line) -> String {
    let percent = matches!(line.item, Item::ElectricityRural { .. });
    line.band.map(|b| band_text(lang, &b, percent)).unwrap_or_default()
}

fn whole_calc(calc: &Calc, whole_fen: i64) -> String {
    let w = format_yuan(whole_fen);
    match *calc {
        Calc::PerTx { count, rate_fen } => format!("{} × {count} = {w}", rate(rate_fen)),
        Calc::PerAmount { amount_fen, bp } => {
            format!("{} × {} = {w}", format_yuan(amount_fen), percent_bp(u128::from(bp)))
        }
        Calc::Fixed { .. } => w,
        Calc::PerBlock { count, fen, .. } => format!("{count} × {} = {w}", format_yuan(fen)),
        Calc::Penalty { count, rate_fen } => format!("{} × {count} = {w}", format_yuan(-rate_fen)),
    }
}

/// The arithmetic, e.g. "0.25 × 250 = 62.50", with the payee's part when shared:
/// "… ; 本人 4/5：4.00".
pub fn arithmetic_text(lang: Lang, line: &Line) -> String {
    match line.share {
        None => whole_calc(&line.calc, line.amount_fen),
        Some(Share { whole_fen, num, den }) => {
            let whole = whole_calc(&line.calc, whole_fen);
            let part = format_yuan(line.amount_fen);
            if zh(lang) {
                format!("{whole}；本人 {num}/{den}：{part}")
            } else {
                format!("{whole}; your share {num}/{den}: {part}")
            }
        }
    }
}

pub fn step_text(step: PayoutStep) -> IMsg {
    match step {
        PayoutStep::DataAllocated => IMsg::StepDataAllocated,
        PayoutStep::CountyCheck => IMsg::StepCountyCheck,
        PayoutStep::StationsSign => IMsg::StepStationsSign,
        PayoutStep::HeadsSign => IMsg::StepHeadsSign,
        PayoutStep::Filed => IMsg::StepFiled,
        PayoutStep::CityReview => IMsg::StepCityReview,
        PayoutStep::ToFinance => IMsg::StepToFinance,
        PayoutStep::FinancePays => IMsg::StepFinancePays,
        PayoutStep::AmountsSent => IMsg::StepAmountsSent,
    }
}

pub fn track_text(track: Track) -> IMsg {
    match track {
        Track::Stations => IMsg::TrackStations,
        Track::Branches => IMsg::TrackBranches,
    }
}

/// Why a row of a figures file was refused.
pub fn problem_text(lang: Lang, p: &Problem) -> String {
    let m = |x: IMsg| x.text(lang).to_owned();
    match p {
        Problem::Missing => m(IMsg::ErrMissing),
        Problem::NotACount => m(IMsg::ErrCount),
        Problem::NotAnAmount => m(IMsg::ErrAmount),
        Problem::NotAnArea => m(IMsg::ErrArea),
        Problem::BadSwipe { entry } => format!("{}{entry}", m(IMsg::ErrSwipe)),
        Problem::NoHouseholds => m(IMsg::ErrHouseholds),
        Problem::NoStations => m(IMsg::ErrStations),
        Problem::Duplicate { first_line } => fill(IMsg::ErrDuplicate.text(lang), first_line),
        Problem::BranchDiffers { first_line } => fill(IMsg::ErrBranch.text(lang), first_line),
    }
}

/// "第 6 行" / "Line 6".
pub fn line_no(lang: Lang, line: usize) -> String {
    fill(IMsg::Line.text(lang), line)
}

/// Why a whole figures file was refused.
pub fn figures_error(lang: Lang, e: &FiguresError) -> String {
    match e {
        FiguresError::File(e) => crate::ui::i18n::import::import_error_text(lang, e),
        FiguresError::MissingColumn(c) => format!("{}{}", IMsg::ErrMissingColumn.text(lang), c.names().join(" / ")),
    }
}

/// Why a scheme or import command was refused.
pub fn incentive_error(lang: Lang, e: &IncentiveError) -> String {
    let m = |x: IMsg| x.text(lang).to_owned();
    match e {
        IncentiveError::Frozen { month } => fill(IMsg::ErrFrozen.text(lang), month),
        IncentiveError::Preset => m(IMsg::ErrPreset),
        IncentiveError::Bands { .. } => m(IMsg::ErrBands),
        IncentiveError::NoScheme | IncentiveError::UnknownScheme(_) => m(IMsg::ErrNoScheme),
        IncentiveError::NoStations => m(IMsg::ErrNoStations),
        IncentiveError::NoFigures => m(IMsg::ErrNoFigures),
        IncentiveError::NoPayoutStep => m(IMsg::ErrNoStep),
        IncentiveError::PayoutStepDone => m(IMsg::ErrStepDone),
        IncentiveError::PayoutStepOrder { earlier } => {
            format!("{}{}", m(IMsg::ErrStepOrder), step_text(*earlier).text(lang))
        }
        IncentiveError::StationExists(code) => fill(IMsg::ErrStationExists.text(lang), code),
        IncentiveError::Dates
        | IncentiveError::Split
        | IncentiveError::ZeroCount
        | IncentiveError::Negative
        | IncentiveError::CalendarDay
        | IncentiveError::NoId
        | IncentiveError::Month => m(IMsg::ErrScheme),
    }
}

/// The label of one editable number of a scheme, with its unit.
pub fn knob_label(lang: Lang, k: crate::domain::incentive::Knob) -> String {
    use crate::domain::incentive::{Knob, Table};
    let z = zh(lang);
    let table = |t: Table| match (t, z) {
        (Table::RuralElectricity, true) => "农村站电费",
        (Table::RuralElectricity, false) => "Rural electricity",
        (Table::UrbanElectricity, true) => "城市站电费",
        (Table::UrbanElectricity, false) => "Urban electricity",
        (Table::Withdrawals, true) => "助农取款",
        (Table::Withdrawals, false) => "Withdrawals",
    };
    let per_tx = if z { "元/笔" } else { "yuan each" };
    let yuan = if z { "元" } else { "yuan" };
    match k {
        Knob::BillRate(line) => {
            let name = item_text(lang, &Item::Bill { line, tx: 0, amount_fen: 0 });
            match line {
                BillLine::Unicom => format!("{name} ({per_tx})"),
                _ => format!("{name} (%)"),
            }
        }
        Knob::BandRate(t, i) => {
            if z {
                format!("{}第 {} 档（{per_tx}）", table(t), i + 1)
            } else {
                format!("{} band {} ({per_tx})", table(t), i + 1)
            }
        }
        Knob::BandEdge(t, i) => {
            let unit = if t == Table::RuralElectricity {
                "%"
            } else if z {
                "笔"
            } else {
                "payments"
            };
            if z {
                format!("{}第 {}、{} 档分界（{unit}）", table(t), i + 1, i + 2)
            } else {
                format!("{} edge between bands {} and {} ({unit})", table(t), i + 1, i + 2)
            }
        }
        Knob::WithdrawalCap => (if z { "每卡每天计入笔数上限" } else { "Swipes counted per card a day" }).to_owned(),
        Knob::FeeFromTx => (if z { "通讯费补贴起点（笔）" } else { "Fee covered from (payments)" }).to_owned(),
        Knob::FeeFen => format!("{} ({yuan})", IMsg::FeeCovered.text(lang)),
        Knob::Referral(kind) => format!("{} ({yuan})", referral(kind).text(lang)),
        Knob::MinBillTx => {
            (if z { "有效站点：缴费笔数至少" } else { "Valid station: bill payments at least" }).to_owned()
        }
        Knob::MinPosTx => {
            (if z { "有效站点：商易通笔数至少" } else { "Valid station: POS transactions at least" }).to_owned()
        }
        Knob::BaseFen => format!("{} ({yuan})", IMsg::MaintBase.text(lang)),
        Knob::CommissionFen => format!("{} ({per_tx})", IMsg::MaintCommission.text(lang)),
        Knob::RuralRewardFen => {
            (if z { "农村支局全部有效奖励（元）" } else { "Rural branch, all valid (yuan)" }).to_owned()
        }
        Knob::UrbanPer => {
            (if z { "城市支局每多少个有效站点" } else { "Urban branch: per how many valid stations" }).to_owned()
        }
        Knob::UrbanRewardFen => {
            (if z { "城市支局每档奖励（元）" } else { "Urban branch reward per block (yuan)" }).to_owned()
        }
        Knob::PenaltyFen => {
            (if z { "每缺一个有效站点扣罚（元）" } else { "Penalty per missing valid station (yuan)" }).to_owned()
        }
        Knob::SplitHead => (if z { "分配比例：支局长" } else { "Split: branch head parts" }).to_owned(),
        Knob::SplitMaintainer => (if z { "分配比例：维护人员" } else { "Split: maintainer parts" }).to_owned(),
    }
}

/// Which group of the editor a knob is in.
pub fn knob_group(k: crate::domain::incentive::Knob) -> IMsg {
    use crate::domain::incentive::{Knob, Table};
    match k {
        Knob::BillRate(_) => IMsg::KnobsBills,
        Knob::BandRate(Table::Withdrawals, _)
        | Knob::BandEdge(Table::Withdrawals, _)
        | Knob::WithdrawalCap
        | Knob::FeeFromTx
        | Knob::FeeFen => IMsg::KnobsWithdrawals,
        Knob::BandRate(..) | Knob::BandEdge(..) => IMsg::KnobsElectricity,
        Knob::Referral(_) => IMsg::KnobsReferrals,
        Knob::MinBillTx | Knob::MinPosTx | Knob::BaseFen | Knob::CommissionFen => IMsg::KnobsMaintenance,
        _ => IMsg::KnobsBranches,
    }
}

/// I7: the text sent to one person with their month's total, e.g. "BM001 张庄便民站：2024-03
/// 激励合计 89.50 元".
pub fn amount_sms(lang: Lang, name: &str, month: &str, total_fen: i64) -> String {
    let total = format_yuan(total_fen);
    if zh(lang) {
        format!("{name}：{month} 激励合计 {total} 元，详见结算单。")
    } else {
        format!("{name}: your incentives for {month} total {total} yuan; see your statement.")
    }
}

/// A field of the station form, in the reader's words.
pub fn column_label(lang: Lang, c: crate::domain::incentive::Column) -> String {
    use crate::domain::incentive::Column;
    let z = zh(lang);
    let pick = |zh_text: &str, en: &str| if z { zh_text.to_owned() } else { en.to_owned() };
    match c {
        Column::Station => pick("站点编号", "Station code"),
        Column::Name => pick("站点名称", "Station name"),
        Column::Village => pick("村庄", "Village"),
        Column::Households => pick("村户数", "Households in the village"),
        Column::StationsInVillage => pick("本村站点数", "Stations in the village"),
        Column::Area => pick("城乡", "Rural or urban"),
        Column::Branch => pick("支局", "Branch"),
        Column::BranchHead => pick("支局长", "Branch head"),
        Column::BranchArea => pick("支局类型", "Branch: rural or urban"),
        Column::BranchPlan => pick("有效站点计划", "Valid stations planned"),
        Column::Maintainer => pick("维护人员", "Maintainer"),
        Column::Tx(l) => format!("{}{}", bill_msg(l).text(lang), if z { "笔数" } else { ": transactions" }),
        Column::Amount(l) => format!("{}{}", bill_msg(l).text(lang), if z { "金额（元）" } else { ": amount (yuan)" }),
        Column::ElectricityTx => pick("电费笔数", "Electricity payments"),
        Column::PosTx => pick("商易通笔数", "POS transactions"),
        Column::Withdrawals => pick("助农取款", "Cash withdrawals"),
        Column::Referral(k) => referral(k).text(lang).to_owned(),
    }
}

fn bill_msg(l: BillLine) -> IMsg {
    match l {
        BillLine::Mobile => IMsg::Mobile,
        BillLine::Unicom => IMsg::Unicom,
        BillLine::Telecom => IMsg::Telecom,
    }
}
