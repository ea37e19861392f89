//! zh-CN / en strings of the CSV import.

use crate::app::import::ImportOutcome;
use crate::domain::csv_import::{DuplicateKey, DuplicateOf, ImportCounts, ImportError, RowStatus, Target};
use crate::ui::i18n::Lang;

crate::catalogue! { IMsg {
    Title => "从 CSV 或 Excel 导入客户", "Import customers from CSV or Excel";
    Hint => "支持 Excel 文件（.xlsx/.xls，读第一个工作表）和 CSV（UTF-8 或 GBK）。第一行是列名。按电话或统一社会信用代码查重。", "Excel files (.xlsx/.xls, the first sheet) and CSV (UTF-8 or GBK) work. The first row holds column names. Duplicates are found by phone or credit code.";
    ChooseFile => "选择文件", "Choose a file";
    Columns => "列对应", "Columns";
    Ignore => "（不导入）", "(skip)";
    Preview => "预览前 5 行", "First 5 rows";
    Owner => "导入到", "Import into";
    ToPool => "公海", "The pool";
    ToMe => "我的客户（首次接触）", "My customers (first contact)";
    Check => "检查所有行", "Check every row";
} }

pub fn target_label(lang: Lang, t: Target) -> &'static str {
    let zh = lang == Lang::ZhCn;
    let (z, e) = match t {
        Target::Name => ("公司名称", "Company name"),
        Target::CreditCode => ("统一社会信用代码", "Credit code"),
        Target::LicenceNo => ("营业执照号", "Licence no."),
        Target::TaxNo => ("税务登记号", "Tax no."),
        Target::Address => ("地址", "Address"),
        Target::Region => ("地区", "Region"),
        Target::Industry => ("行业", "Industry"),
        Target::Nature => ("经济性质", "Economic nature"),
        Target::Size => ("规模", "Size"),
        Target::MainBusiness => ("主营业务", "Main business"),
        Target::CreditStanding => ("资信状况", "Credit standing"),
        Target::ManagementBackground => ("管理层背景", "Management background"),
        Target::Source => ("来源渠道", "Source channel"),
        Target::Segment => ("客户分类", "Segment"),
        Target::AnnualSpend => ("年消费额", "Annual spend"),
        Target::Discount => ("折扣", "Discount"),
        Target::Notes => ("备注", "Notes"),
        Target::Grade => ("需求等级", "Demand grade"),
        Target::SpecialBackground => ("特殊背景", "Special background"),
        Target::CollectedOn => ("收集日期", "Collected on"),
        Target::ContactName => ("联系人", "Contact name"),
        Target::ContactTitle => ("联系人职务", "Contact title"),
        Target::ContactPhone => ("电话", "Phone"),
        Target::ContactEmail => ("邮箱", "Email"),
        Target::ContactDecisionMaker => ("决策人", "Decision maker"),
    };
    if zh {
        z
    } else {
        e
    }
}

pub fn import_error_text(lang: Lang, e: &ImportError) -> String {
    let zh = lang == Lang::ZhCn;
    match e {
        ImportError::Empty => {
            if zh {
                "文件是空的。".into()
            } else {
                "The file is empty.".into()
            }
        }
        ImportError::TooLarge { bytes, max } => {
            const MB: u64 = 1024 * 1024;
            // Rounded up, so a file just over the limit never reads as the limit itself.
            let size = format!("{:.1}", (*bytes as f64 / MB as f64 * 10.0).ceil() / 10.0);
            let max = max / MB;
            if zh {
                format!("文件有 {size} MB，超过导入上限 {max} MB。请把文件拆成几个较小的文件分别导入。")
            } else {
                format!("The file is {size} MB, more than the {max} MB an import reads. Split it into smaller files and import each.")
            }
        }
        ImportError::NotText => {
            if zh {
                "这不是 CSV 或 Excel 文件。".into()
            } else {
                "This is not a CSV or Excel file.".into()
            }
        }
        ImportError::NoHeader => {
            if zh {
                "第一行是数据而不是列名；请加上列名行。".into()
            } else {
                "The first row holds data, not column names; add a header row.".into()
            }
        }
        ImportError::NoRows => {
            if zh {
                "文件只有列名，没有数据行。".into()
            } else {
                "The file has column names but no rows.".into()
            }
        }
        ImportError::Malformed { line } => {
            if zh {
                format!("第 {line} 行无法按 CSV 读取。")
            } else {
                format!("Line {line} cannot be read as CSV.")
            }
        }
        ImportError::NoNameColumn => {
            if zh {
                "请把一列对应到“公司名称”。".into()
            } else {
                "Map one column to “Company name”.".into()
            }
        }
        ImportError::BadWorkbook => {
            if zh {
                "无法读取这个 Excel 文件（文件损坏、加密，或第一个工作表过大）。可以另存为 CSV 再导入。".into()
            } else {
                "This Excel file cannot be read (damaged, password-protected, or its first sheet is too big). Save it as CSV and import that.".into()
            }
        }
    }
}

pub fn problem_text(lang: Lang, s: &RowStatus) -> String {
    let zh = lang == Lang::ZhCn;
    match s {
        RowStatus::Ok | RowStatus::Error(_) => String::new(),
        RowStatus::AlreadyPresent => {
            if zh {
                "已导入过（客户已存在）".into()
            } else {
                "imported before (already a customer)".into()
            }
        }
        RowStatus::WrongCellCount { expected, found } => {
            if zh {
                format!("应有 {expected} 列，实际 {found} 列")
            } else {
                format!("{found} cells where the header has {expected}")
            }
        }
        RowStatus::Duplicate { of, key } => {
            let k = match key {
                DuplicateKey::Phone(p) => {
                    if zh {
                        format!("电话 {p}")
                    } else {
                        format!("phone {p}")
                    }
                }
                DuplicateKey::CreditCode(c) => {
                    if zh {
                        format!("信用代码 {c}")
                    } else {
                        format!("credit code {c}")
                    }
                }
                DuplicateKey::SameRow => {
                    if zh {
                        "同一公司和联系人".into()
                    } else {
                        "the same company and contact".into()
                    }
                }
            };
            match (of, zh) {
                (DuplicateOf::Existing, true) => format!("重复：{k} 已在客户中"),
                (DuplicateOf::Existing, false) => format!("duplicate: {k} is already a customer"),
                (DuplicateOf::EarlierRow(l), true) => format!("重复：{k} 与第 {l} 行相同"),
                (DuplicateOf::EarlierRow(l), false) => format!("duplicate: {k} as on line {l}"),
            }
        }
    }
}

pub fn progress_text(lang: Lang, done: usize, total: usize) -> String {
    match lang {
        Lang::ZhCn => format!("{done} / {total} 行"),
        Lang::En => format!("{done} of {total} rows"),
    }
}

pub fn report_text(lang: Lang, c: &ImportCounts) -> String {
    match lang {
        Lang::ZhCn => format!(
            "共 {} 行：{} 行可导入，{} 行有错误，{} 行重复（不导入），{} 行已导入过（已存在）。",
            c.total, c.ok, c.errors, c.duplicates, c.present
        ),
        Lang::En => format!(
            "{} rows: {} ready, {} with errors, {} duplicates (not imported), {} already present (imported before).",
            c.total, c.ok, c.errors, c.duplicates, c.present
        ),
    }
}

/// The button that starts writing `n` checked rows.
pub fn imported_text(lang: Lang, n: usize) -> String {
    match lang {
        Lang::ZhCn => format!("导入 {n} 个客户"),
        Lang::En => format!("Import {n} customers"),
    }
}

/// What an import did, truthfully: how many rows were stored, how many were there
/// already, and — when a batch failed — how many were not stored and why.
pub fn outcome_text(lang: Lang, o: &ImportOutcome) -> String {
    let zh = lang == Lang::ZhCn;
    let mut text = if zh {
        format!("已导入 {} 个客户，{} 个已存在（之前导入过，未重复导入）。", o.imported, o.already_present)
    } else {
        format!(
            "Imported {} customers; {} already present (imported before, not added again).",
            o.imported, o.already_present
        )
    };
    if let Some(e) = &o.failure {
        let why = match (e.is_quota_exceeded(), zh) {
            (true, true) => "设备存储空间已满",
            (true, false) => "the device's storage is full",
            (false, true) => "本机数据库写入失败",
            (false, false) => "the device's database refused the write",
        };
        text.push_str(&if zh {
            format!(
                " 另有 {} 行未导入：{why}。已导入的客户完整保留；腾出空间后再次导入同一文件，只会补上未导入的行。",
                o.not_imported
            )
        } else {
            format!(
                " {} rows were NOT imported: {why}. The customers imported are complete; free some space and import the same file again to add only the missing rows.",
                o.not_imported
            )
        });
    }
    text
}
