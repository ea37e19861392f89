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
    Import => "导入本月站点数据（CSV 或 Excel）", "Import the month's station figures (CSV or Excel)";
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
    ExportXlsx => "导出 Excel", "Export XLSX";
    XlsxFailed => "无法生成 Excel 文件：", "The spreadsheet could not be written: ";
    Kind => "类别", "Kind";
    Payee => "对象", "Payee";
    KindStation => "站点", "Station";
    KindMaintainer => "维护人员", "Maintainer";
    KindHead => "支局长", "Branch head";
    KindRep => "销售", "Sales rep";
    Commission => "销售提成", "Sales commission";
    CommissionHint => "按财务确认的回款计算；本月回款合计达到的档位适用于本月每一笔。", "From the payments finance confirmed; the tier the month's total reaches applies to every payment of the month.";
    CommissionNone => "当前方案没有设置销售提成比例。经理可以复制方案，在新版本中设置提成档位。", "The scheme sets no sales commission rate. A manager copies the scheme and sets the tiers in the new version.";
    CommissionNoReps => "本月没有销售人员的回款。", "No rep has confirmed payments this month.";
    Held => "离职交接未完成，暂停发放：", "Handover not complete, held: ";
    Sale => "回款", "Payment";
    SalesTiers => "销售提成档位", "Sales commission tiers";
    TierFrom => "本月回款合计从（元）", "Month's payments from (yuan)";
    TierRate => "提成比例（%）", "Rate (%)";
    AddTier => "增加一档", "Add a tier";
    RemoveTier => "删除最后一档", "Remove the last tier";
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
    Explain => "方案说明", "About the scheme";
    ExplainHint => "按方案的先后顺序说明：新内容、目的、主要内容、怎样赢、考核指标、细则。", "In the scheme's own order: what is new, why, the main elements, how to win, the KPIs, the fine print.";
    WhatsNew => "一、新内容", "1. What is new";
    FirstVersion => "这是方案的第一个版本。", "This is the scheme's first version.";
    ComparedWith => "与上一版本（{}）相比：", "Against the version before ({}):";
    NothingNew => "各项数字都没有变化。", "No number changed.";
    Kept => "其余 {} 项数字保持不变。", "The other {} numbers stay as they were.";
    SalesTiersChanged => "销售提成档位有调整。", "The sales commission tiers changed.";
    CalendarChanged => "兑现日程有调整。", "The payout days changed.";
    Purpose => "二、目的", "2. Purpose";
    PresetPurpose => "鼓励便民服务站多办代收费、助农取款和转介绍业务，成为有效站点；支局长和维护人员按站点成效获得维护奖励，持续维护渠道。", "Stations are rewarded for handling more bill payments, cash withdrawals and referrals and for becoming valid stations; branch heads and maintainers earn by how their stations do, so the channel keeps being looked after.";
    PurposeLabel => "方案目的（说明页显示）", "Purpose (shown on the explainer)";
    Elements => "三、主要内容", "3. The main elements";
    WinSteps => "四、怎样赢", "4. How to win";
    Kpis => "五、考核指标及计算方法", "5. The KPIs and how each is computed";
    FinePrint => "六、细则", "6. Fine print";
    WhatIf => "试算", "What if";
    WhatIfHint => "输入一个站点一个月的数字，按本方案试算奖励。只是试算，不会保存。", "Type a station's month and see what this scheme pays. Nothing is stored.";
    WhatIfSales => "销售提成试算：本月确认回款合计（元）", "Sales commission: the month's confirmed payments (yuan)";
    WhatIfMaint => "该站点带来的维护奖励（分配前）：", "Maintenance it brings (before the split): ";
    Area => "站点类型", "Station";
    Rural => "农村", "Rural";
    Urban => "城市", "Urban";
    Households => "村户数", "Households in the village";
    StationsInVillage => "本村站点数", "Stations in the village";
    ElectricityTx => "代收电费笔数", "Electricity payments";
    WithdrawalTx => "助农取款笔数（已按每卡每天上限计）", "Cash withdrawals (counted after the daily cap)";
    MobileAmount => "移动话费代收金额（元）", "Mobile bills collected (yuan)";
    UnicomTx => "联通话费笔数", "Unicom bill payments";
    TelecomAmount => "电信话费代收金额（元）", "Telecom bills collected (yuan)";
    PosTx => "商易通交易笔数", "POS transactions";
    SalesNext => "再确认回款 {}，本月提成比例由 {} 升到 {}，多得 {} 元", "{} more in confirmed payments: {} → {} for the whole month, +{}";
    ErrSalesTiers => "提成档位须从 0 开始、逐档递增，比例不超过 100%。", "Tiers start at 0, each above the one before, rates at most 100%.";
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

pub fn fill(template: &str, v: impl std::fmt::Display) -> String {
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
        Payee::Rep(_) => IMsg::KindRep,
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
        Item::Sale { name, paid_on, .. } => {
            format!("{} · {name} · {}", IMsg::Sale.text(lang), paid_on.format("%Y-%m-%d"))
        }
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
        Item::Sale { month_total_fen, .. } => {
            if z {
                format!("本月确认回款合计 {}", format_yuan(*month_total_fen))
            } else {
                format!("the month's confirmed payments: {}", format_yuan(*month_total_fen))
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
    if let Item::Sale { tier, tier_from_fen, .. } = line.item {
        return if zh(lang) {
            format!("第 {} 档（≥ {}）", tier + 1, format_yuan(tier_from_fen))
        } else {
            format!("tier {} (≥ {})", tier + 1, format_yuan(tier_from_fen))
        };
    }
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
        IncentiveError::Bands { table: "sales" } => m(IMsg::ErrSalesTiers),
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

/// `template` with each `{}` filled in turn.
pub fn fill_all(template: &str, values: &[String]) -> String {
    values.iter().fold(template.to_owned(), |t, v| t.replacen("{}", v, 1))
}

/// I8: a changed number, e.g. "代收电费（农村站）第 2 档：0.25 → 0.28".
pub fn changed_text(lang: Lang, c: &crate::domain::incentive::Changed) -> String {
    use crate::domain::incentive::Unit;
    let v = |n: i64| match c.unit {
        Unit::Fen => format_yuan(n),
        Unit::BasisPoints => percent_bp(u128::try_from(n.max(0)).unwrap_or(0)),
        Unit::Count => n.to_string(),
    };
    format!("{}: {} → {}", knob_label(lang, c.knob), v(c.before), v(c.after))
}

/// The title of one chart.
pub fn chart_title(lang: Lang, c: crate::domain::incentive::Chart) -> String {
    use crate::domain::incentive::{Chart, Table};
    let z = zh(lang);
    match (c, z) {
        (Chart::Band(Table::RuralElectricity), true) => "农村站代收电费：按占比，每笔".into(),
        (Chart::Band(Table::RuralElectricity), false) => "Rural electricity: by share, per payment".into(),
        (Chart::Band(Table::UrbanElectricity), true) => "城市站代收电费：按笔数，每笔".into(),
        (Chart::Band(Table::UrbanElectricity), false) => "Urban electricity: by count, per payment".into(),
        (Chart::Band(Table::Withdrawals), true) => "助农取款：按月笔数，每笔".into(),
        (Chart::Band(Table::Withdrawals), false) => "Cash withdrawals: by the month's count, per withdrawal".into(),
        (Chart::Sales, true) => "销售提成：按本月确认回款合计".into(),
        (Chart::Sales, false) => "Sales commission: by the month's confirmed payments".into(),
    }
}

/// One bar's band and value, e.g. ("50%–80%", "0.25").
pub fn bar_text(lang: Lang, b: &crate::domain::incentive::Bar) -> (String, String) {
    use crate::domain::incentive::{BandChoice, Chart, Measure, Table};
    match (b.band, b.tier) {
        (Some(band), _) => {
            let percent = b.chart == Chart::Band(Table::RuralElectricity);
            let choice = BandChoice { index: 0, band, measure: Measure::count(0) };
            (band_text(lang, &choice, percent), rate(b.value))
        }
        (None, Some(t)) => (format!("≥ {}", format_yuan(t.from_fen)), percent_bp(u128::from(t.bp))),
        (None, None) => (String::new(), String::new()),
    }
}

/// I8: one step up, e.g. "代收电费占比达到 80% 以上：每笔 0.30".
pub fn step_up_text(lang: Lang, s: &crate::domain::incentive::Step) -> String {
    use crate::domain::incentive::Table;
    let z = zh(lang);
    let at = match s.table {
        Table::RuralElectricity => percent_bp(u128::from(s.from)),
        _ => s.from.to_string(),
    };
    let edge = match (s.inclusive, z) {
        (true, true) => format!("{at}（含）"),
        (false, true) => format!("超过 {at}"),
        (true, false) => format!("{at} or more"),
        (false, false) => format!("more than {at}"),
    };
    let r = rate(s.rate_fen);
    match (s.table, z) {
        (Table::RuralElectricity, true) => format!("农村站代收电费占比达到 {edge}：每笔 {r} 元"),
        (Table::RuralElectricity, false) => format!("Rural electricity share {edge}: {r} per payment"),
        (Table::UrbanElectricity, true) => format!("城市站代收电费 {edge} 笔：每笔 {r} 元"),
        (Table::UrbanElectricity, false) => format!("Urban electricity, {edge} payments: {r} each"),
        (Table::Withdrawals, true) => format!("助农取款 {edge} 笔：每笔 {r} 元"),
        (Table::Withdrawals, false) => format!("Cash withdrawals, {edge} a month: {r} each"),
    }
}

/// I8: the other levers of the scheme, the KPIs with how each is computed, and the fine
/// print — each a sentence with the version's own numbers.
pub fn levers_text(lang: Lang, s: &crate::domain::incentive::Scheme) -> Vec<String> {
    let (m, w, b) = (&s.maintenance, &s.withdrawals, &s.branches);
    if zh(lang) {
        vec![
            format!("月取款达到 {} 笔（含），站点 {} 元通讯费由邮政承担。", w.fee_from_tx, format_yuan(w.fee_fen)),
            format!(
                "缴费 {} 笔以上且商易通 {} 笔以上成为有效站点：维护基础奖励 {} 元，每笔再提 {} 元。",
                m.min_bill_tx,
                m.min_pos_tx,
                format_yuan(m.base_fen),
                rate(m.commission_fen)
            ),
            format!(
                "农村支局站点全部有效奖励 {} 元；城市支局每 {} 个有效站点奖励 {} 元。",
                format_yuan(b.rural_all_valid_fen),
                b.urban_per,
                format_yuan(b.urban_fen)
            ),
        ]
    } else {
        vec![
            format!("From {} counted withdrawals a month, the station's {} telecom fee is covered.", w.fee_from_tx, format_yuan(w.fee_fen)),
            format!(
                "{} bill payments and {} POS transactions make a valid station: a maintenance base of {} and {} per transaction.",
                m.min_bill_tx,
                m.min_pos_tx,
                format_yuan(m.base_fen),
                rate(m.commission_fen)
            ),
            format!(
                "A rural branch with every station valid earns {}; an urban branch earns {} per {} valid stations.",
                format_yuan(b.rural_all_valid_fen),
                format_yuan(b.urban_fen),
                b.urban_per
            ),
        ]
    }
}

pub fn kpis_text(lang: Lang, s: &crate::domain::incentive::Scheme) -> Vec<String> {
    let (m, w) = (&s.maintenance, &s.withdrawals);
    let mut out = if zh(lang) {
        vec![
            "代收电费占比 = 当月代收电费笔数 ÷（村户数 ÷ 本村站点数）。一个村有两个站点时，户数减半。".to_owned(),
            format!("助农取款笔数：同一张卡同一天最多计 {} 笔。", w.max_per_card_per_day),
            format!("有效站点：话费和电费代收合计 ≥ {} 笔，且商易通 ≥ {} 笔。", m.min_bill_tx, m.min_pos_tx),
            "支局有效站点数：当月有效站点个数，与支局的有效站点计划相比。".to_owned(),
        ]
    } else {
        vec![
            "Electricity share = the month's electricity payments ÷ (households ÷ stations in the village). Two stations in a village halve its households.".to_owned(),
            format!("Cash withdrawals: one card counts at most {} a day.", w.max_per_card_per_day),
            format!("Valid station: at least {} phone and electricity bill payments and at least {} POS transactions.", m.min_bill_tx, m.min_pos_tx),
            "A branch's valid stations: the month's count, against the branch's plan.".to_owned(),
        ]
    };
    if s.sales.pays() {
        out.push(
            (if zh(lang) {
                "销售提成：财务确认的回款，按回款日期计入当月；本月合计达到的档位适用于本月每一笔。"
            } else {
                "Sales commission: payments finance confirmed, in the month they were paid; the tier the month's total reaches applies to every payment."
            })
            .to_owned(),
        );
    }
    out
}

pub fn fine_print_text(lang: Lang, s: &crate::domain::incentive::Scheme) -> Vec<String> {
    let b = &s.branches;
    let days: Vec<String> = {
        let mut d: Vec<u32> = s.calendar.iter().map(|c| c.day).collect();
        d.sort_unstable();
        d.dedup();
        d.into_iter().map(|x| x.to_string()).collect()
    };
    let to = s.valid_to.map(|d| d.format("%Y-%m-%d").to_string());
    let from = s.valid_from.format("%Y-%m-%d").to_string();
    if zh(lang) {
        vec![
            match to {
                Some(t) => format!("本版本适用于 {from} 至 {t}。"),
                None => format!("本版本自 {from} 起适用。"),
            },
            "金额以分计。按金额比例计算的项目，以当月该项合计四舍五入到分；销售提成按每笔回款四舍五入到分。".into(),
            format!(
                "维护奖励和支局奖罚按 支局长 {} : 维护人员 {} 分配，余下的分按余数大小分给各人，合计不差一分。",
                b.split.head, b.split.maintainer
            ),
            format!("每少一个计划内的有效站点扣 {} 元，同样按比例分摊。", format_yuan(b.penalty_per_missing_fen)),
            format!("兑现在次月的 {} 日等步骤完成。", days.join("、")),
            "某月已按本版本计算后，本版本不再修改；调整请复制为新版本。".into(),
        ]
    } else {
        vec![
            match to {
                Some(t) => format!("This version applies from {from} to {t}."),
                None => format!("This version applies from {from}."),
            },
            "Money is counted in fen. Rates on amounts are rounded half up to the fen on the month's total of the line; sales commission on each payment.".into(),
            format!(
                "Maintenance and branch money is split branch head {} : maintainers {}; leftover fen go by largest remainder, so the parts add up exactly.",
                b.split.head, b.split.maintainer
            ),
            format!("Each valid station missing from the plan costs {}, split the same way.", format_yuan(b.penalty_per_missing_fen)),
            format!("The payout follows steps on days {} of the following month.", days.join(", ")),
            "Once a month is computed with this version it is frozen; changes go into a copy.".into(),
        ]
    }
}

/// I8 for a rep: "再确认回款 20,000.00，…".
pub fn sales_tip_text(lang: Lang, t: &crate::domain::incentive::SalesTip) -> String {
    fill_all(
        IMsg::SalesNext.text(lang),
        &[
            format_yuan(t.more_fen),
            percent_bp(u128::from(t.bp_now)),
            percent_bp(u128::from(t.bp_next)),
            format_yuan(t.gain_fen),
        ],
    )
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
