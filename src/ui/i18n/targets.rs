//! zh-CN / en strings of the targets card (Reports).

use crate::domain::money::format_yuan;
use crate::domain::target::{Measure, Period, PeriodKind, TargetError};
use crate::ui::i18n::Lang;

crate::catalogue! { TMsg {
    Title => "目标与达成", "Targets and results";
    Hint => "目标按周期设定；销售额只计财务已确认的收款。", "Targets are set per period; sales count only payments finance has confirmed.";
    Period => "周期", "Period";
    Measure => "指标", "Measure";
    Prev => "上一期", "Previous";
    Next => "下一期", "Next";
    Team => "团队", "Team";
    Who => "对象", "Who";
    Target => "目标", "Target";
    Actual => "实际", "Result";
    Attainment => "达成率", "Attained";
    Projected => "按进度预计", "At this pace";
    PerDay => "每工作日还需", "Needed per working day";
    NotSet => "未设定", "not set";
    Done => "已完成", "met";
    DaysGone => "已过工作日", "Working days gone";
    SetTitle => "设定或调整目标", "Set or adjust a target";
    Amount => "目标值", "Target";
    Reason => "原因（调整时必填）", "Reason (needed for a change)";
    Save => "保存目标", "Save target";
    Split => "按人头平分团队目标", "Split the team target per head";
    Saved => "已保存。", "Saved.";
    History => "调整记录", "History";
    NoHistory => "本期尚无目标。", "No target for this period yet.";
    BadAmount => "请输入不小于 0 的数字。", "Enter a number of 0 or more.";
    ReportTitle => "月度销售报告", "Monthly sales report";
    Improvements => "改进之处", "Improvements";
    NextSteps => "下一步计划", "Next steps";
    SaveNotes => "保存报告", "Save the report";
    Signature => "签名", "Signature";
    Print => "打印报告", "Print report";
    Xlsx => "导出 XLSX", "Export XLSX";
    LogTitle => "登记我的计数", "Log my count";
    LogCount => "数量", "How many";
    LogDay => "日期", "Day";
    LogNote => "备注（可空）", "Note (optional)";
    LogSave => "登记", "Log it";
    Logged => "已登记。", "Logged.";
    BadCount => "请输入不为 0 的整数（负数用于更正）。", "Enter a whole number other than 0 (a negative one corrects).";
} }

pub fn kind_label(lang: Lang, k: PeriodKind) -> &'static str {
    let zh = lang == Lang::ZhCn;
    match k {
        PeriodKind::Year => {
            if zh {
                "年度"
            } else {
                "Year"
            }
        }
        PeriodKind::Quarter => {
            if zh {
                "季度"
            } else {
                "Quarter"
            }
        }
        PeriodKind::Month => {
            if zh {
                "月度"
            } else {
                "Month"
            }
        }
        PeriodKind::Week => {
            if zh {
                "周"
            } else {
                "Week"
            }
        }
    }
}

pub fn measure_label(lang: Lang, m: Measure) -> &'static str {
    let zh = lang == Lang::ZhCn;
    match m {
        Measure::Sales => {
            if zh {
                "销售额（已确认收款）"
            } else {
                "Sales (confirmed payments)"
            }
        }
        Measure::NewAccounts => {
            if zh {
                "新开客户"
            } else {
                "New accounts"
            }
        }
        Measure::NetAccounts => {
            if zh {
                "净增客户（新开减退回公海）"
            } else {
                "Net accounts (new minus released)"
            }
        }
        Measure::Visits => {
            if zh {
                "拜访"
            } else {
                "Visits"
            }
        }
        Measure::Calls => {
            if zh {
                "电话"
            } else {
                "Calls"
            }
        }
        Measure::Applications => {
            if zh {
                "提交申请"
            } else {
                "Applications submitted"
            }
        }
        Measure::Count => {
            if zh {
                "团队计数"
            } else {
                "Team count"
            }
        }
    }
}

/// A period as people say it: "2026年5月", "May 2026", "2026 Q2", "2026年第20周".
pub fn period_label(lang: Lang, p: &Period) -> String {
    use chrono::Datelike;
    let (s, zh) = (p.start, lang == Lang::ZhCn);
    match p.kind {
        PeriodKind::Year => {
            if zh {
                format!("{}年", s.year())
            } else {
                s.year().to_string()
            }
        }
        PeriodKind::Quarter => {
            let q = s.month0() / 3 + 1;
            if zh {
                format!("{}年第{q}季度", s.year())
            } else {
                format!("{} Q{q}", s.year())
            }
        }
        PeriodKind::Month => {
            if zh {
                format!("{}年{}月", s.year(), s.month())
            } else {
                s.format("%B %Y").to_string()
            }
        }
        PeriodKind::Week => {
            let (first, last) = p.range();
            let w = s.iso_week().week();
            if zh {
                format!("第{w}周（{}–{}）", first.format("%m-%d"), last.format("%m-%d"))
            } else {
                format!("Week {w} ({}–{})", first.format("%b %d"), last.format("%b %d"))
            }
        }
    }
}

/// Attainment in basis points as a percentage with one decimal: 2380 → "23.8 %".
pub fn attainment_text(bp: Option<i64>) -> String {
    bp.map(|b| format!("{}.{} %", b / 100, (b % 100) / 10)).unwrap_or_else(|| "—".into())
}

/// An amount of `m`: yuan for sales, a plain count otherwise.
pub fn amount_text(m: Measure, v: i64) -> String {
    if m.is_money() {
        format!("¥{}", format_yuan(v))
    } else {
        v.to_string()
    }
}

pub fn report_error(lang: Lang, e: &crate::domain::sales_report::ReportError) -> String {
    use crate::domain::sales_report::ReportError;
    let zh = lang == Lang::ZhCn;
    match e {
        ReportError::NotAMonth => {
            if zh {
                "销售报告按自然月填写。".to_owned()
            } else {
                "A sales report covers a calendar month.".to_owned()
            }
        }
        ReportError::TooLong { max } => {
            if zh {
                format!("每一部分最多 {max} 个字。")
            } else {
                format!("Each part holds at most {max} characters.")
            }
        }
    }
}

pub fn target_error(lang: Lang, e: &TargetError) -> String {
    let zh = lang == Lang::ZhCn;
    match e {
        TargetError::Negative => {
            if zh {
                "目标不能为负数。"
            } else {
                "A target cannot be negative."
            }
        }
        TargetError::NoReason => {
            if zh {
                "调整已有目标时请写明原因。"
            } else {
                "Say why when you change a target."
            }
        }
        TargetError::NoTeamTarget => {
            if zh {
                "本期此指标还没有团队目标可以分配。"
            } else {
                "There is no team target to split for this period and measure."
            }
        }
        TargetError::NoReps => {
            if zh {
                "团队里还没有销售代表。"
            } else {
                "The team has no reps yet."
            }
        }
        TargetError::NoCountName => {
            if zh {
                "请选择团队设定的计数。"
            } else {
                "Pick one of the team's counts."
            }
        }
        TargetError::BadTally => {
            if zh {
                "数量不能为 0，日期不能晚于今天。"
            } else {
                "The number cannot be 0 and the day cannot be after today."
            }
        }
        TargetError::LineNotSales => {
            if zh {
                "产品线目标只统计销售额。"
            } else {
                "A product line's target counts sales only."
            }
        }
    }
    .to_owned()
}

/// A product line's sales, e.g. "销售额 · 风筝" / "Sales · Kites".
pub fn line_label(lang: Lang, line: &str) -> String {
    if lang == Lang::ZhCn {
        format!("销售额 · {line}")
    } else {
        format!("Sales · {line}")
    }
}
