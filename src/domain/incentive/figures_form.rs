//! One station's figures entered by hand: the same fields, parsers and checks as a row
//! of the figures file ([`super::figures_csv`]), but every field is checked so the form
//! can say what is wrong with each, and the station then replaces (or joins) the month's.

use super::figures::{BranchFigures, MonthFigures, StationFigures};
use super::figures_csv::{area, count, parse_swipes, read_row, Column, Problem};
use super::scheme::BillLine;
use super::IncentiveError;
use crate::domain::money::{format_yuan, parse_yuan};

/// A cell's own problem, without looking at the others.
fn check_cell(c: Column, v: &str) -> Result<(), Problem> {
    let v = v.trim();
    if Column::REQUIRED.contains(&c) && v.is_empty() {
        return Err(Problem::Missing);
    }
    match c {
        Column::Area => area(v).map(|_| ()),
        Column::BranchArea if !v.is_empty() => area(v).map(|_| ()),
        Column::StationsInVillage if !v.is_empty() => match count(v)? {
            0 => Err(Problem::NoStations),
            _ => Ok(()),
        },
        Column::Households
        | Column::BranchPlan
        | Column::Tx(_)
        | Column::ElectricityTx
        | Column::PosTx
        | Column::Referral(_) => count(v).map(|_| ()),
        Column::Amount(_) if !v.is_empty() => parse_yuan(v).map(|_| ()).map_err(|_| Problem::NotAnAmount),
        Column::Withdrawals => parse_swipes(v).map(|_| ()),
        _ => Ok(()),
    }
}

/// The station and its branch from a form's fields, or every field's problem (a field
/// left out reads as empty).
pub fn station_from_cells(cells: &[(Column, &str)]) -> Result<(StationFigures, BranchFigures), Vec<(Column, Problem)>> {
    let get = |c: Column| cells.iter().find(|(t, _)| *t == c).map_or("", |(_, v)| v.trim());
    let problems: Vec<(Column, Problem)> =
        Column::ALL.into_iter().filter_map(|c| check_cell(c, get(c)).err().map(|p| (c, p))).collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    let trimmed: Vec<(Column, &str)> = Column::ALL.into_iter().map(|c| (c, get(c))).collect();
    read_row(&trimmed).map_err(|p| vec![p])
}

fn area_cell(a: super::figures::Area) -> String {
    match a {
        super::figures::Area::Rural => "rural",
        super::figures::Area::Urban => "urban",
    }
    .to_owned()
}

/// A stored station as the form's fields, to edit it.
pub fn station_cells(st: &StationFigures, branch: Option<&BranchFigures>) -> Vec<(Column, String)> {
    let n = |v: u64| if v == 0 { String::new() } else { v.to_string() };
    Column::ALL
        .into_iter()
        .map(|c| {
            let v = match c {
                Column::Station => st.station.clone(),
                Column::Name => st.name.clone(),
                Column::Village => st.village.clone(),
                Column::Households => n(st.households),
                Column::StationsInVillage => st.stations_in_village.to_string(),
                Column::Area => area_cell(st.area),
                Column::Branch => st.branch.clone(),
                Column::BranchHead => branch.map(|b| b.head.clone()).unwrap_or_default(),
                Column::BranchArea => branch.map(|b| area_cell(b.area)).unwrap_or_default(),
                Column::BranchPlan => n(branch.map_or(0, |b| b.plan)),
                Column::Maintainer => st.maintainer.clone(),
                Column::Tx(l) => n(st.line(l).tx),
                Column::Amount(l) => amount(st, l),
                Column::ElectricityTx => n(st.electricity_tx),
                Column::PosTx => n(st.pos_tx),
                Column::Withdrawals => {
                    st.swipes.iter().map(|s| format!("{}@{}*{}", s.card, s.day, s.count)).collect::<Vec<_>>().join("; ")
                }
                Column::Referral(k) => n(st.referrals.get(&k).copied().unwrap_or(0)),
            };
            (c, v)
        })
        .collect()
}

fn amount(st: &StationFigures, l: BillLine) -> String {
    match st.line(l).amount_fen {
        0 => String::new(),
        fen => format_yuan(fen),
    }
}

/// The month with `st` in place of station `replaces` (its code before an edit; `None`
/// adds a new station, refused when the code is taken). The branch's head, area and plan
/// are the branch's own, so the form's replace them for every station of the branch; a
/// branch left without a station is dropped.
pub fn put_station(
    month: &MonthFigures,
    st: StationFigures,
    branch: BranchFigures,
    replaces: Option<&str>,
) -> Result<MonthFigures, IncentiveError> {
    let taken = month.stations.iter().any(|s| s.station == st.station && Some(s.station.as_str()) != replaces);
    if taken {
        return Err(IncentiveError::StationExists(st.station));
    }
    let mut out = month.clone();
    match out.stations.iter().position(|s| Some(s.station.as_str()) == replaces) {
        Some(i) => out.stations[i] = st,
        None => out.stations.push(st),
    }
    match out.branches.iter_mut().find(|b| b.branch == branch.branch) {
        Some(b) => *b = branch,
        None => out.branches.push(branch),
    }
    let used: Vec<String> = out.stations.iter().map(|s| s.branch.clone()).collect();
    out.branches.retain(|b| used.contains(&b.branch));
    Ok(out)
}
