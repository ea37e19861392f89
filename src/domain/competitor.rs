//! Competitor files: seed 002 step 1 信息收集及分析 (the market files include 同類產品檔案,
//! files on products of the same kind) and seed 000 (“brand war and price war … collect
//! information as extensively as possible”): a competitor's product seen at a customer or
//! in a region — who makes it, the product, the price seen, its strengths and weaknesses,
//! the day and where the information came from.
//!
//! A sighting is an editable document (a typo in a price is corrected, not appended);
//! the team list groups sightings by competitor and by region, newest first within a
//! group, and exports them as CSV with every cell escaped (`domain::export`).
//!
//! ```
//! use outpost::domain::competitor::{by_competitor, Sighting};
//! let s = Sighting { id: "s1".into(), competitor: " Acme ".into(), product: "P1".into(),
//!     region: "East".into(), seen_on: "2026-03-02".parse().unwrap(), ..Sighting::default() };
//! let acme = Sighting { id: "s2".into(), competitor: "ACME".into(), ..s.clone() };
//! assert_eq!(by_competitor(&[s, acme])[0].1.len(), 2);
//! ```

use chrono::NaiveDate;

use crate::domain::export::export_csv;
use crate::domain::money::format_yuan;

/// Longest text a field may hold.
pub const MAX_TEXT: usize = 2000;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sighting {
    pub id: String,
    pub customer_id: Option<String>,
    pub region: String,
    pub competitor: String,
    pub product: String,
    /// The price seen, in fen; `None` when none was seen.
    pub price_fen: Option<i64>,
    pub strengths: String,
    pub weaknesses: String,
    pub seen_on: NaiveDate,
    /// Where the information came from (the customer, a trade fair, a price list…).
    pub source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CompetitorError {
    #[error("a sighting names the competitor")]
    NoCompetitor,
    #[error("a sighting names the product")]
    NoProduct,
    #[error("a sighting names a customer or a region")]
    NoPlace,
    #[error("a price seen is not negative")]
    NegativePrice,
    #[error("a sighting is not dated in the future")]
    Future,
    #[error("a text is at most {MAX_TEXT} characters")]
    TooLong,
}

impl Sighting {
    /// Trimmed copy of the typed fields.
    pub fn tidied(mut self) -> Sighting {
        for s in [
            &mut self.region,
            &mut self.competitor,
            &mut self.product,
            &mut self.strengths,
            &mut self.weaknesses,
            &mut self.source,
        ] {
            *s = s.trim().to_owned();
        }
        self.customer_id = self.customer_id.filter(|c| !c.trim().is_empty());
        self
    }

    /// Checked before it is saved: a competitor, a product, a customer or a region, a
    /// price not below zero, a day not after `today`.
    pub fn check(&self, today: NaiveDate) -> Result<(), CompetitorError> {
        if self.competitor.trim().is_empty() {
            return Err(CompetitorError::NoCompetitor);
        }
        if self.product.trim().is_empty() {
            return Err(CompetitorError::NoProduct);
        }
        if self.customer_id.is_none() && self.region.trim().is_empty() {
            return Err(CompetitorError::NoPlace);
        }
        if self.price_fen.is_some_and(|p| p < 0) {
            return Err(CompetitorError::NegativePrice);
        }
        if self.seen_on > today {
            return Err(CompetitorError::Future);
        }
        let texts = [&self.region, &self.competitor, &self.product, &self.strengths, &self.weaknesses, &self.source];
        if texts.iter().any(|t| t.chars().count() > MAX_TEXT) {
            return Err(CompetitorError::TooLong);
        }
        Ok(())
    }
}

/// The key a name is grouped under: blanks trimmed, case folded.
fn key(s: &str) -> String {
    s.trim().to_lowercase()
}

fn group(items: &[Sighting], name: impl Fn(&Sighting) -> &str) -> Vec<(String, Vec<&Sighting>)> {
    let mut groups: Vec<(String, String, Vec<&Sighting>)> = Vec::new();
    let mut sorted: Vec<&Sighting> = items.iter().collect();
    sorted.sort_by(|a, b| b.seen_on.cmp(&a.seen_on).then_with(|| a.id.cmp(&b.id)));
    for s in sorted {
        let k = key(name(s));
        match groups.iter_mut().find(|g| g.0 == k) {
            Some(g) => g.2.push(s),
            None => groups.push((k, name(s).trim().to_owned(), vec![s])),
        }
    }
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    groups.into_iter().map(|(_, shown, v)| (shown, v)).collect()
}

/// Sightings per competitor (names matched ignoring case), by name; newest first within.
pub fn by_competitor(items: &[Sighting]) -> Vec<(String, Vec<&Sighting>)> {
    group(items, |s| &s.competitor)
}

/// Sightings per region (a blank region is its own group, first), newest first within.
pub fn by_region(items: &[Sighting]) -> Vec<(String, Vec<&Sighting>)> {
    group(items, |s| &s.region)
}

/// The sightings as CSV (grouped by competitor), cells escaped against formulas;
/// `headers` in the user's language, `customer_name` names a customer id.
pub fn sightings_csv(items: &[Sighting], headers: &[&str; 9], customer_name: impl Fn(&str) -> String) -> Vec<u8> {
    let rows = by_competitor(items).into_iter().flat_map(|(_, v)| v).map(|s| {
        vec![
            s.competitor.clone(),
            s.product.clone(),
            s.price_fen.map(format_yuan).unwrap_or_default(),
            s.customer_id.as_deref().map(&customer_name).unwrap_or_default(),
            s.region.clone(),
            s.seen_on.to_string(),
            s.source.clone(),
            s.strengths.clone(),
            s.weaknesses.clone(),
        ]
    });
    export_csv(headers, rows)
}
