//! Sales orders: rule **O1** — a price list, an order with lines and discounts, exact
//! totals in fen, and the path draft → submitted → approved/rejected (by a manager) →
//! delivered (the slip signed by the warehouse keeper, the warehouse supervisor and the
//! customer).
//!
//! **Exact money.** Amounts are integer fen ([`crate::domain::money`]). A discount is a
//! whole number of *basis points* (1250 = 12.5 %), never a float. Its amount is rounded
//! **half up to the fen** — `round(gross × bp / 10 000)`, a half fen going to the
//! customer — and the net is `gross − discount`, so gross, discount and net on a slip
//! always add up. Line discounts apply to each line; the order discount applies to the
//! sum of the line nets, and is rounded once, on that sum.
//!
//! **Status is derived.** An order keeps an append-only [`Order::history`]; its status is
//! the last step. Each transition checks the step it follows and who takes it.
//!
//! ```
//! use outpost::domain::order::{Discount, OrderLine};
//! // 3 × ¥33.33 at 10 % off: gross 99.99, discount 9.999 → 10.00 (half up), net 89.99.
//! let line = OrderLine::new("tea", 3, 3_333, Discount::percent(10)).unwrap();
//! let t = line.totals().unwrap();
//! assert_eq!((t.gross_fen, t.discount_fen, t.net_fen), (9_999, 1_000, 8_999));
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::money::parse_yuan;
use crate::domain::profile::Role;

/// Why an order, a line or a step was refused; the UI words each reason.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OrderError {
    #[error("the order names no customer")]
    NoCustomer,
    #[error("the order has no lines")]
    NoLines,
    #[error("a line names no product")]
    NoProduct,
    #[error("line {line}: the quantity must be at least 1")]
    ZeroQuantity { line: usize },
    #[error("a price cannot be negative")]
    NegativePrice,
    #[error("a discount is at most 100 %")]
    DiscountOver100,
    #[error("{0:?} is not a percentage with at most two decimals")]
    BadDiscount(String),
    #[error("the amount is too large")]
    TooLarge,
    #[error("the price list has no price for {product} on {on}")]
    NoPrice { product: String, on: NaiveDate },
    #[error("the price list has two prices for {product} from {from}")]
    DuplicatePrice { product: String, from: NaiveDate },
    #[error("the delivery date {delivery} is before {today}")]
    DeliveryInPast { delivery: NaiveDate, today: NaiveDate },
    #[error("an order that is {status:?} cannot be {wanted}")]
    WrongStatus { status: OrderStatus, wanted: &'static str },
    #[error("only a manager approves or rejects an order")]
    NotManager,
    #[error("only the order's rep or a manager may {0}")]
    NotOwnRep(&'static str),
    #[error("a rejection needs a reason")]
    NoReason,
    #[error("the delivery slip lacks the {0} signature")]
    MissingSignature(Signatory),
    #[error("the warehouse keeper and the warehouse supervisor must be two people")]
    SameWarehouseSigner,
}

/// A product the team sells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    pub id: String,
    pub name: String,
    /// The unit a quantity counts (台, 箱, set…).
    pub unit: String,
}

/// A product's unit price from a date on; a later entry supersedes an earlier one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceEntry {
    pub product_id: String,
    pub unit_price_fen: i64,
    pub from: NaiveDate,
}

/// The team's price list: at most one price per product and start date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceList {
    entries: Vec<PriceEntry>,
}

impl PriceList {
    pub fn new(entries: Vec<PriceEntry>) -> Result<Self, OrderError> {
        for (i, e) in entries.iter().enumerate() {
            if e.unit_price_fen < 0 {
                return Err(OrderError::NegativePrice);
            }
            if entries[..i].iter().any(|o| o.product_id == e.product_id && o.from == e.from) {
                return Err(OrderError::DuplicatePrice { product: e.product_id.clone(), from: e.from });
            }
        }
        Ok(Self { entries })
    }

    /// The unit price in force on `on`: the entry with the latest start on or before it.
    pub fn price_on(&self, product_id: &str, on: NaiveDate) -> Option<i64> {
        self.entries
            .iter()
            .filter(|e| e.product_id == product_id && e.from <= on)
            .max_by_key(|e| e.from)
            .map(|e| e.unit_price_fen)
    }

    pub fn entries(&self) -> &[PriceEntry] {
        &self.entries
    }
}

/// A discount in basis points (1 % = 100), 0..=10 000.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Discount(u32);

impl Discount {
    pub const NONE: Discount = Discount(0);

    /// A whole-percent discount; `percent(10)` is 10 %. Values over 100 are kept so
    /// [`Discount::check`] can refuse them with a reason.
    pub const fn percent(p: u32) -> Self {
        Discount(p.saturating_mul(100))
    }

    pub const fn basis_points(bp: u32) -> Self {
        Discount(bp)
    }

    /// Parses a percentage as typed: `12.5`, `12.5%`, `１２．５` (at most two decimals).
    pub fn parse(input: &str) -> Result<Self, OrderError> {
        let bad = || OrderError::BadDiscount(input.to_owned());
        let trimmed = input.trim().trim_end_matches(['%', '％']);
        if trimmed.trim().is_empty() {
            return Ok(Discount::NONE);
        }
        // Hundredths of a percent parse exactly like fen: "12.5" → 1250.
        let bp = parse_yuan(trimmed).map_err(|_| bad())?;
        let d = Discount(u32::try_from(bp).map_err(|_| OrderError::DiscountOver100)?);
        d.check()?;
        Ok(d)
    }

    pub fn as_basis_points(self) -> u32 {
        self.0
    }

    pub fn check(self) -> Result<(), OrderError> {
        if self.0 > 10_000 {
            return Err(OrderError::DiscountOver100);
        }
        Ok(())
    }

    /// The discount on `gross_fen`, rounded half up to the fen.
    pub fn of(self, gross_fen: i64) -> Result<i64, OrderError> {
        self.check()?;
        if gross_fen < 0 {
            return Err(OrderError::NegativePrice);
        }
        let fen = round_half_up(i128::from(gross_fen) * i128::from(self.0), 10_000);
        i64::try_from(fen).map_err(|_| OrderError::TooLarge)
    }
}

/// `n / d` rounded half up, for `n >= 0`, `d > 0`.
fn round_half_up(n: i128, d: i128) -> i128 {
    (2 * n + d) / (2 * d)
}

/// Gross, discount and net of a line or an order, in fen: `gross − discount = net`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub gross_fen: i64,
    pub discount_fen: i64,
    pub net_fen: i64,
}

/// An order's amounts: `gross − line discounts − order discount = total`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderTotals {
    pub gross_fen: i64,
    pub line_discounts_fen: i64,
    pub order_discount_fen: i64,
    pub total_fen: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    pub product_id: String,
    pub qty: u32,
    pub unit_price_fen: i64,
    pub discount: Discount,
}

impl OrderLine {
    pub fn new(
        product_id: impl Into<String>,
        qty: u32,
        unit_price_fen: i64,
        discount: Discount,
    ) -> Result<Self, OrderError> {
        let line = Self { product_id: product_id.into(), qty, unit_price_fen, discount };
        line.check(0)?;
        Ok(line)
    }

    /// A line at the price in force on `on`.
    pub fn priced(
        list: &PriceList,
        product_id: &str,
        qty: u32,
        on: NaiveDate,
        discount: Discount,
    ) -> Result<Self, OrderError> {
        let price =
            list.price_on(product_id, on).ok_or_else(|| OrderError::NoPrice { product: product_id.to_owned(), on })?;
        Self::new(product_id, qty, price, discount)
    }

    fn check(&self, index: usize) -> Result<(), OrderError> {
        if self.product_id.trim().is_empty() {
            return Err(OrderError::NoProduct);
        }
        if self.qty == 0 {
            return Err(OrderError::ZeroQuantity { line: index + 1 });
        }
        if self.unit_price_fen < 0 {
            return Err(OrderError::NegativePrice);
        }
        self.discount.check()
    }

    pub fn totals(&self) -> Result<Totals, OrderError> {
        let gross_fen = self.unit_price_fen.checked_mul(i64::from(self.qty)).ok_or(OrderError::TooLarge)?;
        let discount_fen = self.discount.of(gross_fen)?;
        Ok(Totals { gross_fen, discount_fen, net_fen: gross_fen - discount_fen })
    }
}

/// When the customer pays; the instalment plan (O2) is drawn from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PaymentTerms {
    /// Payable on the delivery date.
    OnDelivery,
    /// Payable `days` calendar days after delivery.
    NetDays { days: u32 },
    /// Payable in instalments on the dates of an agreed plan.
    Instalments { dates: Vec<NaiveDate> },
}

/// A profile acting on an order, with the clock passed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub profile: String,
    pub role: Role,
    pub at_ms: i64,
}

/// Who signs a delivery slip (O1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Signatory {
    WarehouseKeeper,
    WarehouseSupervisor,
    Customer,
}

impl std::fmt::Display for Signatory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Signatory::WarehouseKeeper => "warehouse keeper",
            Signatory::WarehouseSupervisor => "warehouse supervisor",
            Signatory::Customer => "customer",
        })
    }
}

/// The delivery slip: goods leave against three signatures, names as signed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliverySlip {
    pub delivered_on: Option<NaiveDate>,
    pub warehouse_keeper: String,
    pub warehouse_supervisor: String,
    pub customer: String,
}

impl DeliverySlip {
    /// O1: all three signatures; keeper and supervisor are two different people, so
    /// the check the second signature stands for is real.
    pub fn check(&self) -> Result<(), OrderError> {
        let signed = [
            (Signatory::WarehouseKeeper, &self.warehouse_keeper),
            (Signatory::WarehouseSupervisor, &self.warehouse_supervisor),
            (Signatory::Customer, &self.customer),
        ];
        if let Some((who, _)) = signed.iter().find(|(_, name)| name.trim().is_empty()) {
            return Err(OrderError::MissingSignature(*who));
        }
        if self.warehouse_keeper.trim() == self.warehouse_supervisor.trim() {
            return Err(OrderError::SameWarehouseSigner);
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    Draft,
    Submitted,
    Approved,
    Rejected,
    Delivered,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum OrderStep {
    Submitted,
    Approved {
        opinion: String,
    },
    Rejected {
        reason: String,
    },
    /// A rejected order back to draft for the rep to revise and resubmit.
    Reopened,
    Delivered {
        slip: DeliverySlip,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderChange {
    pub by: String,
    pub at_ms: i64,
    pub step: OrderStep,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub id: String,
    pub customer_id: String,
    /// The rep who takes the order; receivables (O4) age under this rep.
    pub rep: String,
    pub lines: Vec<OrderLine>,
    pub order_discount: Discount,
    pub delivery_date: NaiveDate,
    pub terms: PaymentTerms,
    pub history: Vec<OrderChange>,
}

impl Order {
    pub fn draft(
        id: impl Into<String>,
        customer_id: impl Into<String>,
        rep: impl Into<String>,
        delivery_date: NaiveDate,
        terms: PaymentTerms,
    ) -> Self {
        Self {
            id: id.into(),
            customer_id: customer_id.into(),
            rep: rep.into(),
            lines: Vec::new(),
            order_discount: Discount::NONE,
            delivery_date,
            terms,
            history: Vec::new(),
        }
    }

    pub fn status(&self) -> OrderStatus {
        match self.history.last().map(|c| &c.step) {
            None | Some(OrderStep::Reopened) => OrderStatus::Draft,
            Some(OrderStep::Submitted) => OrderStatus::Submitted,
            Some(OrderStep::Approved { .. }) => OrderStatus::Approved,
            Some(OrderStep::Rejected { .. }) => OrderStatus::Rejected,
            Some(OrderStep::Delivered { .. }) => OrderStatus::Delivered,
        }
    }

    /// Order totals: line nets summed, then the order discount rounded once on that sum.
    pub fn totals(&self) -> Result<OrderTotals, OrderError> {
        let (mut gross_fen, mut lines_net) = (0i64, 0i64);
        for line in &self.lines {
            let t = line.totals()?;
            gross_fen = gross_fen.checked_add(t.gross_fen).ok_or(OrderError::TooLarge)?;
            lines_net = lines_net.checked_add(t.net_fen).ok_or(OrderError::TooLarge)?;
        }
        let order_discount_fen = self.order_discount.of(lines_net)?;
        Ok(OrderTotals {
            gross_fen,
            line_discounts_fen: gross_fen - lines_net,
            order_discount_fen,
            total_fen: lines_net - order_discount_fen,
        })
    }

    /// The amount the customer owes: the order's net total.
    pub fn total_fen(&self) -> Result<i64, OrderError> {
        Ok(self.totals()?.total_fen)
    }

    /// Everything a submitted order must satisfy; `today` in the team's time zone.
    pub fn validate(&self, today: NaiveDate) -> Result<(), OrderError> {
        if self.customer_id.trim().is_empty() {
            return Err(OrderError::NoCustomer);
        }
        if self.lines.is_empty() {
            return Err(OrderError::NoLines);
        }
        for (i, line) in self.lines.iter().enumerate() {
            line.check(i)?;
        }
        self.totals()?;
        if self.delivery_date < today {
            return Err(OrderError::DeliveryInPast { delivery: self.delivery_date, today });
        }
        Ok(())
    }

    fn expect(&self, status: OrderStatus, wanted: &'static str) -> Result<(), OrderError> {
        if self.status() != status {
            return Err(OrderError::WrongStatus { status: self.status(), wanted });
        }
        Ok(())
    }

    fn own_rep_or_manager(&self, by: &Actor, what: &'static str) -> Result<(), OrderError> {
        if by.profile != self.rep && by.role != Role::Manager {
            return Err(OrderError::NotOwnRep(what));
        }
        Ok(())
    }

    fn push(&mut self, by: &Actor, step: OrderStep) {
        self.history.push(OrderChange { by: by.profile.clone(), at_ms: by.at_ms, step });
    }

    pub fn submit(&mut self, by: &Actor, today: NaiveDate) -> Result<(), OrderError> {
        self.expect(OrderStatus::Draft, "submitted")?;
        self.own_rep_or_manager(by, "submit it")?;
        self.validate(today)?;
        self.push(by, OrderStep::Submitted);
        Ok(())
    }

    pub fn approve(&mut self, by: &Actor, opinion: &str) -> Result<(), OrderError> {
        self.expect(OrderStatus::Submitted, "approved")?;
        if by.role != Role::Manager {
            return Err(OrderError::NotManager);
        }
        self.push(by, OrderStep::Approved { opinion: opinion.trim().to_owned() });
        Ok(())
    }

    pub fn reject(&mut self, by: &Actor, reason: &str) -> Result<(), OrderError> {
        self.expect(OrderStatus::Submitted, "rejected")?;
        if by.role != Role::Manager {
            return Err(OrderError::NotManager);
        }
        if reason.trim().is_empty() {
            return Err(OrderError::NoReason);
        }
        self.push(by, OrderStep::Rejected { reason: reason.trim().to_owned() });
        Ok(())
    }

    pub fn reopen(&mut self, by: &Actor) -> Result<(), OrderError> {
        self.expect(OrderStatus::Rejected, "reopened")?;
        self.own_rep_or_manager(by, "reopen it")?;
        self.push(by, OrderStep::Reopened);
        Ok(())
    }

    /// O1: approved goods leave only against a slip with all three signatures.
    pub fn deliver(&mut self, by: &Actor, slip: DeliverySlip) -> Result<(), OrderError> {
        self.expect(OrderStatus::Approved, "delivered")?;
        slip.check()?;
        self.push(by, OrderStep::Delivered { slip });
        Ok(())
    }

    /// The date goods were delivered: the slip's date, else the planned delivery date.
    pub fn delivered_on(&self) -> Option<NaiveDate> {
        self.history.iter().rev().find_map(|c| match &c.step {
            OrderStep::Delivered { slip } => Some(slip.delivered_on.unwrap_or(self.delivery_date)),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn o1_a_half_fen_discount_rounds_up_to_the_customer() {
        // 5 fen at 10 % = 0.5 fen → 1 fen off; 4 fen at 10 % = 0.4 → 0.
        assert_eq!(Discount::percent(10).of(5), Ok(1));
        assert_eq!(Discount::percent(10).of(4), Ok(0));
        assert_eq!(Discount::basis_points(1250).of(1_004), Ok(126)); // 125.5 → 126
    }

    #[test]
    fn o1_discounts_parse_as_typed_and_over_100_percent_is_refused() {
        assert_eq!(Discount::parse("12.5%"), Ok(Discount::basis_points(1250)));
        assert_eq!(Discount::parse("１２．５"), Ok(Discount::basis_points(1250)));
        assert_eq!(Discount::parse(""), Ok(Discount::NONE));
        assert_eq!(Discount::parse("100.01"), Err(OrderError::DiscountOver100));
        assert!(matches!(Discount::parse("ten"), Err(OrderError::BadDiscount(_))));
        assert_eq!(Discount::percent(101).of(100), Err(OrderError::DiscountOver100));
    }

    #[test]
    fn o1_the_latest_price_on_or_before_the_day_applies() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let list = PriceList::new(vec![
            PriceEntry { product_id: "p".into(), unit_price_fen: 100, from: d("2026-01-01") },
            PriceEntry { product_id: "p".into(), unit_price_fen: 120, from: d("2026-06-01") },
        ])
        .unwrap();
        assert_eq!(list.price_on("p", d("2026-05-31")), Some(100));
        assert_eq!(list.price_on("p", d("2026-06-01")), Some(120));
        assert_eq!(list.price_on("p", d("2025-12-31")), None);
    }

    #[test]
    fn o1_a_slip_needs_three_signatures_from_two_warehouse_people() {
        let mut slip = DeliverySlip {
            delivered_on: None,
            warehouse_keeper: "Keeper Wu".into(),
            warehouse_supervisor: "Supervisor Ma".into(),
            customer: " ".into(),
        };
        assert_eq!(slip.check(), Err(OrderError::MissingSignature(Signatory::Customer)));
        slip.customer = "Ms Zhao".into();
        assert_eq!(slip.check(), Ok(()));
        slip.warehouse_supervisor = "Keeper Wu".into();
        assert_eq!(slip.check(), Err(OrderError::SameWarehouseSigner));
    }
}
