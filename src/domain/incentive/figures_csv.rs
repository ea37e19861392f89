//! A month's station figures from a CSV file (the inputs of I1–I6), read the way the
//! customer import reads files ([`crate::domain::csv_import::parse`]: UTF-8 or GBK, `,`
//! `;` or tab, line numbers as the file has them). One row per station; columns are
//! found by their zh or en header in any order (see the README for the list). A bad row
//! is reported with its line, column and reason and left out; the good rows go on.
//!
//! Withdrawals (I3) are one cell listing each card's swipes on a day as
//! `card@day*count` (or `card@day` for one), separated by `;` or spaces.

use std::collections::BTreeMap;

use super::figures::{Area, BranchFigures, LineFigures, MonthFigures, StationFigures, Swipe};
use super::scheme::{BillLine, ReferralKind};
use crate::domain::csv_import::{normalize_header, parse, ImportError};
use crate::domain::money::parse_yuan;

/// A column of the figures file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Station,
    Name,
    Village,
    Households,
    StationsInVillage,
    Area,
    Branch,
    BranchHead,
    BranchArea,
    BranchPlan,
    Maintainer,
    Tx(BillLine),
    Amount(BillLine),
    ElectricityTx,
    PosTx,
    Withdrawals,
    Referral(ReferralKind),
}

impl Column {
    pub const ALL: [Column; 24] = [
        Column::Station,
        Column::Name,
        Column::Village,
        Column::Households,
        Column::StationsInVillage,
        Column::Area,
        Column::Branch,
        Column::BranchHead,
        Column::BranchArea,
        Column::BranchPlan,
        Column::Maintainer,
        Column::Tx(BillLine::Mobile),
        Column::Amount(BillLine::Mobile),
        Column::Tx(BillLine::Unicom),
        Column::Amount(BillLine::Unicom),
        Column::Tx(BillLine::Telecom),
        Column::Amount(BillLine::Telecom),
        Column::ElectricityTx,
        Column::PosTx,
        Column::Withdrawals,
        Column::Referral(ReferralKind::NewHousehold),
        Column::Referral(ReferralKind::FinancialLead),
        Column::Referral(ReferralKind::CarInsuranceLead),
        Column::Referral(ReferralKind::CarInsuranceConverted),
    ];

    /// The English header (also the column's machine name).
    pub fn code(self) -> &'static str {
        self.names()[0]
    }

    /// Headers that name the column: the en code first, then zh ones.
    pub fn names(self) -> &'static [&'static str] {
        use BillLine::*;
        use ReferralKind::*;
        match self {
            Column::Station => &["station", "站点编号", "站点", "便民站"],
            Column::Name => &["station_name", "站点名称"],
            Column::Village => &["village", "村庄", "行政村"],
            Column::Households => &["households", "村户数", "户数"],
            Column::StationsInVillage => &["stations_in_village", "本村站点数"],
            Column::Area => &["area", "城乡", "站点类型"],
            Column::Branch => &["branch", "支局"],
            Column::BranchHead => &["branch_head", "支局长"],
            Column::BranchArea => &["branch_area", "支局类型"],
            Column::BranchPlan => &["branch_plan", "有效站点计划"],
            Column::Maintainer => &["maintainer", "维护人员", "维护人"],
            Column::Tx(Mobile) => &["mobile_tx", "移动笔数"],
            Column::Amount(Mobile) => &["mobile_amount", "移动金额"],
            Column::Tx(Unicom) => &["unicom_tx", "联通笔数"],
            Column::Amount(Unicom) => &["unicom_amount", "联通金额"],
            Column::Tx(Telecom) => &["telecom_tx", "电信笔数"],
            Column::Amount(Telecom) => &["telecom_amount", "电信金额"],
            Column::ElectricityTx => &["electricity_tx", "电费笔数"],
            Column::PosTx => &["pos_tx", "商易通笔数"],
            Column::Withdrawals => &["withdrawals", "助农取款"],
            Column::Referral(NewHousehold) => &["ref_household", "惠农通"],
            Column::Referral(FinancialLead) => &["ref_financial", "金融客户信息"],
            Column::Referral(CarInsuranceLead) => &["ref_car_lead", "车险信息"],
            Column::Referral(CarInsuranceConverted) => &["ref_car_converted", "车险成交"],
        }
    }

    pub(super) const REQUIRED: [Column; 5] =
        [Column::Station, Column::Area, Column::Branch, Column::BranchHead, Column::Maintainer];
}

/// Why a cell of a row was refused. The UI words each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing,
    NotACount,
    NotAnAmount,
    NotAnArea,
    /// A withdrawals entry that is not `card@day*count` with a day 1–31.
    BadSwipe {
        entry: String,
    },
    /// A rural station with electricity payments needs the village's households.
    NoHouseholds,
    /// `stations_in_village` of 0.
    NoStations,
    /// The station was already on an earlier line.
    Duplicate {
        first_line: usize,
    },
    /// The branch's head, area or plan differs from the earlier line of the branch.
    BranchDiffers {
        first_line: usize,
    },
}

/// One refused row: its line in the file, the column and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    pub column: Column,
    pub problem: Problem,
}

/// Why the whole file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FiguresError {
    File(ImportError),
    /// A column the figures cannot do without is not in the header.
    MissingColumn(Column),
}

/// What a file gave: the good rows as figures, and every bad row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FiguresImport {
    pub figures: MonthFigures,
    pub errors: Vec<RowError>,
    /// Data rows read (good and bad).
    pub rows: usize,
}

/// The largest count a cell may hold: far above a station's month, far below overflow.
const MAX_COUNT: u64 = 1_000_000_000;

pub(super) fn count(cell: &str) -> Result<u64, Problem> {
    let t = cell.trim().replace([',', '，'], "");
    if t.is_empty() {
        return Ok(0);
    }
    t.parse::<u64>().ok().filter(|&n| n <= MAX_COUNT).ok_or(Problem::NotACount)
}

pub(super) fn area(cell: &str) -> Result<Area, Problem> {
    match cell.trim().to_lowercase().as_str() {
        "rural" | "农村" | "乡村" | "r" => Ok(Area::Rural),
        "urban" | "城市" | "城镇" | "u" => Ok(Area::Urban),
        "" => Err(Problem::Missing),
        _ => Err(Problem::NotAnArea),
    }
}

/// `card@day*count` entries separated by `;`, `；`, `,` or spaces.
pub fn parse_swipes(cell: &str) -> Result<Vec<Swipe>, Problem> {
    let mut out = Vec::new();
    for entry in cell.split([';', '；', ' ', '\n']).map(str::trim).filter(|e| !e.is_empty()) {
        let bad = || Problem::BadSwipe { entry: entry.to_owned() };
        let (card, rest) = entry.split_once('@').ok_or_else(bad)?;
        let (day, n) = rest.split_once(['*', '×', 'x']).unwrap_or((rest, "1"));
        let day: u32 = day.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if card.trim().is_empty() || !(1..=31).contains(&day) {
            return Err(bad());
        }
        out.push(Swipe { card: card.trim().to_owned(), day, count });
    }
    Ok(out)
}

/// Reads a figures file. The file fails as a whole only when it cannot be read or lacks
/// a required column; each bad row is reported and left out.
pub fn import_figures(bytes: &[u8]) -> Result<FiguresImport, FiguresError> {
    let parsed = parse(bytes).map_err(FiguresError::File)?;
    let mut columns: BTreeMap<usize, Column> = BTreeMap::new();
    for (i, h) in parsed.headers.iter().enumerate() {
        let key = normalize_header(h);
        let found = Column::ALL
            .into_iter()
            .find(|c| !columns.values().any(|t| t == c) && c.names().iter().any(|n| normalize_header(n) == key));
        if let Some(c) = found {
            columns.insert(i, c);
        }
    }
    for c in Column::REQUIRED {
        if !columns.values().any(|&t| t == c) {
            return Err(FiguresError::MissingColumn(c));
        }
    }
    let mut out = FiguresImport { rows: parsed.rows.len(), ..Default::default() };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut branch_lines: BTreeMap<String, usize> = BTreeMap::new();
    for row in &parsed.rows {
        let cells: Vec<(Column, &str)> =
            columns.iter().map(|(&i, &c)| (c, row.cells.get(i).map_or("", |s| s.trim()))).collect();
        match read_row(&cells) {
            Err((column, problem)) => out.errors.push(RowError { line: row.line, column, problem }),
            Ok((st, branch)) => {
                if let Some(&first_line) = seen.get(&st.station) {
                    let problem = Problem::Duplicate { first_line };
                    out.errors.push(RowError { line: row.line, column: Column::Station, problem });
                    continue;
                }
                if let Some(&first_line) = branch_lines.get(&branch.branch) {
                    let known = out.figures.branches.iter().find(|b| b.branch == branch.branch);
                    if let Some(col) = known.and_then(|k| branch_difference(k, &branch)) {
                        let problem = Problem::BranchDiffers { first_line };
                        out.errors.push(RowError { line: row.line, column: col, problem });
                        continue;
                    }
                } else {
                    branch_lines.insert(branch.branch.clone(), row.line);
                    out.figures.branches.push(branch);
                }
                seen.insert(st.station.clone(), row.line);
                out.figures.stations.push(st);
            }
        }
    }
    Ok(out)
}

fn branch_difference(known: &BranchFigures, new: &BranchFigures) -> Option<Column> {
    if known.head != new.head {
        Some(Column::BranchHead)
    } else if known.area != new.area {
        Some(Column::BranchArea)
    } else if known.plan != new.plan {
        Some(Column::BranchPlan)
    } else {
        None
    }
}

pub(super) type Refusal = (Column, Problem);

pub(super) fn read_row(cells: &[(Column, &str)]) -> Result<(StationFigures, BranchFigures), Refusal> {
    let get = |c: Column| cells.iter().find(|(t, _)| *t == c).map_or("", |(_, v)| *v);
    let required = |c: Column| {
        let v = get(c);
        if v.is_empty() {
            Err((c, Problem::Missing))
        } else {
            Ok(v.to_owned())
        }
    };
    let num = |c: Column| count(get(c)).map_err(|p| (c, p));
    let station_area = area(get(Column::Area)).map_err(|p| (Column::Area, p))?;
    let mut st = StationFigures::new(
        &required(Column::Station)?,
        station_area,
        &required(Column::Branch)?,
        &required(Column::Maintainer)?,
    );
    st.name = get(Column::Name).to_owned();
    st.village = get(Column::Village).to_owned();
    st.households = num(Column::Households)?;
    if !get(Column::StationsInVillage).is_empty() {
        st.stations_in_village = num(Column::StationsInVillage)?;
        if st.stations_in_village == 0 {
            return Err((Column::StationsInVillage, Problem::NoStations));
        }
    }
    for line in BillLine::ALL {
        let tx = num(Column::Tx(line))?;
        let amount = get(Column::Amount(line));
        let amount_fen = if amount.is_empty() {
            0
        } else {
            parse_yuan(amount).map_err(|_| (Column::Amount(line), Problem::NotAnAmount))?
        };
        if tx > 0 || amount_fen > 0 {
            st.bills.insert(line, LineFigures { tx, amount_fen });
        }
    }
    st.electricity_tx = num(Column::ElectricityTx)?;
    if st.area == Area::Rural && st.electricity_tx > 0 && st.households == 0 {
        return Err((Column::Households, Problem::NoHouseholds));
    }
    st.pos_tx = num(Column::PosTx)?;
    st.swipes = parse_swipes(get(Column::Withdrawals)).map_err(|p| (Column::Withdrawals, p))?;
    for kind in ReferralKind::ALL {
        let n = num(Column::Referral(kind))?;
        if n > 0 {
            st.referrals.insert(kind, n);
        }
    }
    let branch_area = match get(Column::BranchArea) {
        "" => st.area,
        a => area(a).map_err(|p| (Column::BranchArea, p))?,
    };
    let branch = BranchFigures {
        branch: st.branch.clone(),
        head: required(Column::BranchHead)?,
        area: branch_area,
        plan: num(Column::BranchPlan)?,
    };
    Ok((st, branch))
}
