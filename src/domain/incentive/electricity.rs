//! **I2** electricity bills. A rural station's share is its transactions ÷ the village's
//! households divided among its stations (halved for two, a third for three): compared
//! exactly as `tx × stations × 10,000` against `band edge (bp) × households`, so 200 of
//! 400 households is exactly 50 %. An urban station is banded by its transactions.
//! Every transaction is paid at the chosen band's rate; no rounding is needed.

use super::band::Measure;
use super::bills::tx_amount;
use super::figures::{Area, StationFigures};
use super::scheme::Scheme;
use super::statement::{BandChoice, Calc, Item, Line, RuleId};

/// The rural share in basis points of a household, as an exact fraction.
pub fn rural_share(tx: u64, households: u64, stations_in_village: u64) -> Measure {
    Measure {
        num: u128::from(tx).saturating_mul(u128::from(stations_in_village.max(1))).saturating_mul(10_000),
        den: u128::from(households),
    }
}

/// The station's I2 line, if it took electricity payments.
pub fn electricity_line(scheme: &Scheme, st: &StationFigures) -> Option<Line> {
    let tx = st.electricity_tx;
    if tx == 0 {
        return None;
    }
    let (item, table, measure) = match st.area {
        Area::Rural => (
            Item::ElectricityRural { tx, households: st.households, stations_in_village: st.stations_in_village },
            &scheme.electricity.rural_share_bp,
            rural_share(tx, st.households, st.stations_in_village),
        ),
        Area::Urban => (Item::ElectricityUrban { tx }, &scheme.electricity.urban_tx, Measure::count(tx)),
    };
    let (index, band) = table.pick(measure)?;
    Some(Line {
        rule: RuleId::I2,
        item,
        band: Some(BandChoice { index, band, measure }),
        calc: Calc::PerTx { count: tx, rate_fen: band.rate_fen },
        share: None,
        amount_fen: tx_amount(tx, band.rate_fen),
    })
}
