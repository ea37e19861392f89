//! Turning one CSV row into a customer file and a contact: the cells a spreadsheet
//! holds (`12,345.60`, `15%`, `2024/3/5`, `是`, `展会`) become typed values.

use chrono::NaiveDate;

use super::mapping::Target;
use crate::domain::customer::{
    choice_code, Contact, CustomerError, CustomerFile, FieldError, GRADES, SEGMENTS, SOURCES,
};
use crate::domain::money::{parse_yuan, MoneyError};

fn amount(cell: &str) -> Result<i64, CustomerError> {
    parse_yuan(cell).map_err(|e| match e {
        MoneyError::Negative => CustomerError::NegativeAmount,
        _ => CustomerError::NotAnAmount,
    })
}

fn percent(cell: &str) -> Result<u32, CustomerError> {
    let t = cell.trim().trim_end_matches(['%', '％']).trim();
    t.parse::<u32>().map_err(|_| CustomerError::NotAPercentage)
}

/// `2024-03-05`, `2024/3/5`, `2024.3.5`, `2024年3月5日`, `20240305`.
fn date(cell: &str) -> Result<NaiveDate, CustomerError> {
    let t = cell.trim().trim_end_matches('日');
    let unified: String = t.chars().map(|c| if matches!(c, '/' | '.' | '年' | '月') { '-' } else { c }).collect();
    NaiveDate::parse_from_str(&unified, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y%m%d"))
        .map_err(|_| CustomerError::NotADate)
}

fn yes_no(cell: &str) -> Result<bool, CustomerError> {
    match cell.trim().to_lowercase().as_str() {
        "是" | "有" | "√" | "✓" | "y" | "yes" | "true" | "1" | "x" => Ok(true),
        "否" | "无" | "不是" | "n" | "no" | "false" | "0" => Ok(false),
        _ => Err(CustomerError::NotYesNo),
    }
}

/// A coded field: a known code or label becomes the code; other text is kept as the
/// team's own value (C2 and C5 lists are editable).
fn coded(list: &[(&'static str, &'static str, &'static str)], cell: &str) -> String {
    choice_code(list, cell).map_or_else(|| cell.to_owned(), str::to_owned)
}

/// Fills `file` and `contact` from one row; cells that cannot be read become errors.
/// Blank cells leave the field empty.
pub(super) fn read_row(
    cells: &[(Target, &str)],
    file: &mut CustomerFile,
    contact: &mut Contact,
    errors: &mut Vec<FieldError>,
) {
    for &(target, raw) in cells {
        let cell = raw.trim();
        if cell.is_empty() {
            continue;
        }
        let mut fail = |reason| errors.push(FieldError::new(target.code(), reason));
        match target {
            Target::Name => file.name = cell.to_owned(),
            Target::CreditCode => file.credit_code = cell.to_owned(),
            Target::LicenceNo => file.licence_no = cell.to_owned(),
            Target::TaxNo => file.tax_no = cell.to_owned(),
            Target::Address => file.address = cell.to_owned(),
            Target::Region => file.region = cell.to_owned(),
            Target::Industry => file.industry = cell.to_owned(),
            Target::Nature => file.nature = cell.to_owned(),
            Target::Size => file.size = cell.to_owned(),
            Target::MainBusiness => file.main_business = cell.to_owned(),
            Target::CreditStanding => file.credit_standing = cell.to_owned(),
            Target::ManagementBackground => file.management_background = cell.to_owned(),
            Target::Source => file.source = coded(SOURCES, cell),
            Target::Segment => file.segment = coded(SEGMENTS, cell),
            Target::Notes => file.notes = cell.to_owned(),
            Target::AnnualSpend => match amount(cell) {
                Ok(fen) => file.annual_spend_fen = Some(fen),
                Err(e) => fail(e),
            },
            Target::Discount => match percent(cell) {
                Ok(p) => file.discount_pct = Some(p),
                Err(e) => fail(e),
            },
            // An unknown grade is kept so validation names it (C4 allows only A, B, C).
            Target::Grade => file.grade = Some(coded(GRADES, cell)),
            Target::SpecialBackground => match yes_no(cell) {
                Ok(b) => file.special_background = b,
                Err(e) => fail(e),
            },
            Target::CollectedOn => match date(cell) {
                Ok(d) => file.collected_on = Some(d),
                Err(e) => fail(e),
            },
            Target::ContactName => contact.name = cell.to_owned(),
            Target::ContactTitle => contact.title = cell.to_owned(),
            Target::ContactPhone => contact.phone = cell.to_owned(),
            Target::ContactEmail => contact.email = cell.to_owned(),
            Target::ContactDecisionMaker => match yes_no(cell) {
                Ok(b) => contact.decision_maker = b,
                Err(e) => fail(e),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c1_spreadsheet_dates_in_common_chinese_shapes_are_read() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 5);
        for s in ["2024-03-05", "2024/3/5", "2024.3.5", "2024年3月5日", "20240305"] {
            assert_eq!(date(s).ok(), d, "{s}");
        }
        assert_eq!(date("3/5/2024"), Err(CustomerError::NotADate));
    }

    #[test]
    fn c1_discounts_may_carry_a_percent_sign() {
        assert_eq!(percent("15%"), Ok(15));
        assert_eq!(percent(" 8 ％"), Ok(8));
        assert_eq!(percent("九折"), Err(CustomerError::NotAPercentage));
    }

    #[test]
    fn c1_yes_and_no_read_in_chinese_and_english() {
        assert_eq!(yes_no("是"), Ok(true));
        assert_eq!(yes_no("No"), Ok(false));
        assert_eq!(yes_no("maybe"), Err(CustomerError::NotYesNo));
    }

    #[test]
    fn c2_a_channel_label_becomes_its_code_and_a_team_channel_is_kept() {
        assert_eq!(coded(SOURCES, "展会"), "trade_fair");
        assert_eq!(coded(SOURCES, "Trade fairs"), "trade_fair");
        assert_eq!(coded(SOURCES, "抖音"), "抖音");
    }
}
