//! Orders and money on the device (O1–O4, feeding P2, P3 and C3).
//!
//! | record | kind | why |
//! |---|---|---|
//! | a product with its dated prices | document `product` | the team edits its price list; two managers editing two products both keep their edit |
//! | an order (customer, rep, lines, discount, delivery date, terms) | document `order` | edited field by field while it is a draft |
//! | a step of an order (submitted, approved, rejected, reopened, delivered) | entry `order.step`, subject the order | who decided, when, on which device (the stamp) never changes |
//! | the delivery slip's signatures | document `slip`, one field per signatory | each of the three signs when present, on any tablet |
//! | a payment a rep records | entry `payment.recorded`, subject the customer | what the rep says arrived |
//! | finance's confirmation (O3) | entry `finance.confirmation` + the `payment.confirmed` facts | the facts are what P2, P3 and C3 fold |
//!
//! An order's status, what it owes, ageing and reminders are derived from these on
//! every device ([`OrdersData::ledger`]), never stored.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::codec::{body_of, decode_doc, decode_entry, decode_whole, Codec, FieldProblem, ProblemReason, Reader};
use super::customers::{entry_change as one_entry, fact_entry, join, Author};
use super::{RecordStore, StorageError};
use crate::domain::order::{
    Discount, Order, OrderChange, OrderLine, OrderStatus, OrderStep, PaymentTerms, PriceEntry, PriceList, Product,
    Signatory,
};
use crate::domain::profile::Role;
use crate::domain::receivable::{apply_payments, ConfirmedPayment, InstalmentPlan, Ledger, Payment};
use crate::record::replica::{Document, Entry, Replica};
use crate::record::seal::{chain_digest, chain_prev, chained_body};

pub const PRODUCT: &str = "product";
pub const ORDER: &str = "order";
pub const SLIP: &str = "slip";
pub const ORDER_STEP: &str = "order.step";
pub const PAYMENT_RECORDED: &str = "payment.recorded";
pub const FINANCE_CONFIRMATION: &str = "finance.confirmation";

/// A product as the team keeps it: its dated prices, and whether it is still sold.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProductRecord {
    pub id: String,
    pub name: String,
    pub unit: String,
    /// `(from, unit price in fen)`, oldest first.
    pub prices: Vec<(NaiveDate, i64)>,
    pub retired: bool,
    /// T3: the product line its sales count under (blank: none).
    pub line: String,
}

impl ProductRecord {
    pub fn product(&self) -> Product {
        Product { id: self.id.clone(), name: self.name.clone(), unit: self.unit.clone() }
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        let prices: Vec<Value> = self.prices.iter().map(|(d, p)| json!({"from": d, "fen": p})).collect();
        vec![
            ("name", Value::from(self.name.clone())),
            ("unit", Value::from(self.unit.clone())),
            ("prices", Value::from(prices)),
            ("retired", Value::Bool(self.retired)),
            ("line", Value::from(self.line.clone())),
        ]
    }
}

/// One dated price as stored in a product's `prices` list.
#[derive(Deserialize)]
struct StoredPrice {
    from: NaiveDate,
    fen: i64,
}

impl Codec for ProductRecord {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        self.fields()
    }

    /// A price that does not read is reported and left out; the others stand.
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let mut prices: Vec<(NaiveDate, i64)> =
            r.list::<StoredPrice>("prices").into_iter().map(|p| (p.from, p.fen)).collect();
        prices.sort();
        prices.dedup_by_key(|p| p.0);
        Some(ProductRecord {
            id: r.record_id().to_owned(),
            name: r.text("name"),
            unit: r.text("unit"),
            prices,
            retired: r.bool("retired"),
            line: r.text("line"),
        })
    }
}

/// One signature on a delivery slip: the signer's name and the strokes drawn.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Signature {
    pub name: String,
    /// Compact stroke data ([`encode_strokes`]).
    pub strokes: String,
    /// Who held the tablet, when, and on which device (filled from the stamp on reading).
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub at_ms: i64,
    #[serde(default)]
    pub device: String,
}

/// A slip's signatures so far, by signatory.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SlipRecord {
    pub order_id: String,
    pub signatures: BTreeMap<&'static str, Signature>,
}

pub const SIGNATORIES: [Signatory; 3] =
    [Signatory::WarehouseKeeper, Signatory::WarehouseSupervisor, Signatory::Customer];

pub fn signatory_code(s: Signatory) -> &'static str {
    match s {
        Signatory::WarehouseKeeper => "warehouse_keeper",
        Signatory::WarehouseSupervisor => "warehouse_supervisor",
        Signatory::Customer => "customer",
    }
}

impl SlipRecord {
    pub fn get(&self, s: Signatory) -> Option<&Signature> {
        self.signatures.get(signatory_code(s))
    }

    /// The domain slip (names as signed) for O1's check.
    pub fn slip(&self, delivered_on: Option<NaiveDate>) -> crate::domain::order::DeliverySlip {
        let name = |s| self.get(s).map(|x| x.name.clone()).unwrap_or_default();
        crate::domain::order::DeliverySlip {
            delivered_on,
            warehouse_keeper: name(Signatory::WarehouseKeeper),
            warehouse_supervisor: name(Signatory::WarehouseSupervisor),
            customer: name(Signatory::Customer),
        }
    }
}

/// A payment a rep recorded, with finance's confirmation once given (O3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRecord {
    pub id: String,
    pub customer_id: String,
    pub order_id: Option<String>,
    pub amount_fen: i64,
    pub paid_on: NaiveDate,
    pub note: String,
    pub recorded_by: String,
    pub recorded_ms: i64,
    pub confirmed: Option<Confirmation>,
}

impl PaymentRecord {
    /// The payment as the receivables see it (O2–O4).
    pub fn payment(&self) -> Payment {
        Payment {
            id: self.id.clone(),
            customer_id: self.customer_id.clone(),
            order_id: self.order_id.clone(),
            amount_fen: self.amount_fen,
            paid_on: self.paid_on,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmation {
    pub by: String,
    pub at_ms: i64,
    pub device: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderRecord {
    pub order: Order,
    /// The device each step of `order.history` was taken on, in the same order.
    pub devices: Vec<String>,
    /// Whether each step of `order.history` is verified: signed by a key the team
    /// roster held with the step's role, and chained to the step before it.
    pub verified: Vec<bool>,
    /// The roles the team roster gave each verified step's signer when they signed it
    /// (empty for an unverified step), in the order of `order.history`.
    pub signer_roles: Vec<Vec<Role>>,
    /// The [`chain_digest`] of the last step, which the next step names as its `prev`
    /// (empty before the first step).
    pub chain_head: String,
    pub created_ms: i64,
    pub created_by: String,
    pub note: String,
}

/// Everything about orders and money on the device.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrdersData {
    pub products: Vec<ProductRecord>,
    pub orders: Vec<OrderRecord>,
    pub slips: BTreeMap<String, SlipRecord>,
    pub payments: Vec<PaymentRecord>,
    /// Stored fields that could not be read (the records are shown with the others).
    pub problems: Vec<FieldProblem>,
}

fn first_stamp(d: &Document) -> (i64, String) {
    d.fields
        .values()
        .min_by(|a, b| a.stamp.cmp(&b.stamp))
        .map(|r| (r.stamp.wall_ms, r.author.clone()))
        .unwrap_or_default()
}

impl Codec for OrderRecord {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        order_fields(&self.order, &self.note)
    }

    /// An order cannot be shown without its delivery date and terms; a line that does
    /// not read is reported and left out.
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let delivery = r.date("delivery_date");
        let delivery = r.require("delivery_date", delivery)?;
        let terms: Option<PaymentTerms> = r.value("terms");
        let terms = r.require("terms", terms)?;
        let customer = r.text("customer");
        let mut order = Order::draft(r.record_id().to_owned(), customer, r.text("rep"), delivery, terms);
        order.lines = r.list::<OrderLine>("lines");
        order.order_discount = Discount::basis_points(r.opt_uint::<u32>("discount_bp").unwrap_or(0));
        let (created_ms, created_by) = r.doc().map(first_stamp).unwrap_or_default();
        Some(OrderRecord {
            order,
            devices: Vec::new(),
            verified: Vec::new(),
            signer_roles: Vec::new(),
            chain_head: String::new(),
            created_ms,
            created_by,
            note: r.text("note"),
        })
    }
}

/// Whether `step` may follow an order in `status`. Steps written on two tablets at once
/// (two managers deciding offline) are replayed in stamp order; one that no longer fits
/// is ignored, so every device derives the same status.
fn fits(status: OrderStatus, step: &OrderStep) -> bool {
    matches!(
        (status, step),
        (OrderStatus::Draft, OrderStep::Submitted)
            | (OrderStatus::Submitted, OrderStep::Approved { .. } | OrderStep::Rejected { .. })
            | (OrderStatus::Rejected, OrderStep::Reopened)
            | (OrderStatus::Approved, OrderStep::Delivered { .. })
    )
}

struct RecordedBody {
    order: Option<String>,
    amount_fen: i64,
    paid_on: NaiveDate,
    note: String,
}

impl Codec for RecordedBody {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("order", self.order.clone().map_or(Value::Null, Value::from)),
            ("amount_fen", Value::from(self.amount_fen)),
            ("paid_on", Value::from(self.paid_on.to_string())),
            ("note", Value::from(self.note.trim())),
        ]
    }

    /// A payment needs a positive amount and a day.
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let amount = r.money("amount_fen");
        let amount_fen = r.require("amount_fen", amount)?;
        if amount_fen <= 0 {
            r.problem("amount_fen", ProblemReason::BadAmount);
            return None;
        }
        let paid_on = r.date("paid_on");
        let paid_on = r.require("paid_on", paid_on)?;
        Some(RecordedBody { order: r.opt_text("order"), amount_fen, paid_on, note: r.text("note") })
    }
}

/// The signatures on a slip document, with who signed, when and where from the stamps.
fn slip_from_doc(d: &Document, r: &mut Reader<'_>) -> SlipRecord {
    let mut slip = SlipRecord { order_id: r.text("order"), signatures: BTreeMap::new() };
    for s in SIGNATORIES {
        let code = signatory_code(s);
        let Some(reg) = d.fields.get(code) else {
            continue;
        };
        if let Some(mut sig) = r.value::<Signature>(code) {
            if sig.name.trim().is_empty() {
                continue;
            }
            sig.by = reg.author.clone();
            sig.at_ms = reg.stamp.wall_ms;
            sig.device = reg.stamp.device.clone();
            slip.signatures.insert(code, sig);
        }
    }
    slip
}

/// Builds the orders view from raw documents and entries (pure; tested natively).
/// Records that do not parse are left out, never a panic; they stay stored and sync on.
pub fn assemble(docs: Vec<Document>, entries: Vec<Entry>) -> OrdersData {
    let mut data = OrdersData::default();
    let problems = &mut data.problems;
    let mut orders: BTreeMap<String, OrderRecord> = BTreeMap::new();
    for d in docs.iter().filter(|d| !d.is_deleted()) {
        match d.kind.as_str() {
            PRODUCT => data.products.extend(decode_doc::<ProductRecord>(d, problems)),
            ORDER => {
                if let Some(o) = decode_doc::<OrderRecord>(d, problems) {
                    orders.insert(d.id.clone(), o);
                }
            }
            SLIP => {
                let mut r = Reader::of_doc(d);
                let slip = slip_from_doc(d, &mut r);
                problems.extend(r.finish());
                data.slips.insert(slip.order_id.clone(), slip);
            }
            _ => {}
        }
    }
    let mut steps: Vec<&Entry> = entries.iter().filter(|e| e.kind == ORDER_STEP).collect();
    steps.sort_by(|a, b| a.stamp.cmp(&b.stamp));
    for e in steps {
        let Some(rec) = orders.get_mut(&e.subject) else {
            continue;
        };
        let Some(step) = decode_whole::<OrderStep>(e, problems) else {
            continue;
        };
        // A chained step names the step it was taken after; one taken on another
        // history (a concurrent decision that lost) does not fit. Steps from before
        // the chain name none and fit by status alone, unverified.
        let prev = chain_prev(e);
        if prev.is_some_and(|p| p != rec.chain_head) {
            continue;
        }
        if fits(rec.order.status(), &step) {
            rec.order.history.push(OrderChange { by: e.author.clone(), at_ms: e.stamp.wall_ms, step });
            rec.devices.push(e.stamp.device.clone());
            rec.verified.push(e.seal.is_some() && prev.is_some());
            rec.chain_head = chain_digest(e);
        }
    }
    let mut confirmations: BTreeMap<String, Confirmation> = BTreeMap::new();
    for e in entries.iter().filter(|e| e.kind == FINANCE_CONFIRMATION) {
        let mut r = Reader::of_entry(e);
        let p = r.opt_text("payment");
        let p = r.require("payment", p);
        problems.extend(r.finish());
        let Some(p) = p else {
            continue;
        };
        let c = Confirmation { by: e.author.clone(), at_ms: e.stamp.wall_ms, device: e.stamp.device.clone() };
        // Two finance people confirming offline: the earlier confirmation stands.
        let keep = confirmations.get(&p).is_none_or(|old| old.at_ms > c.at_ms);
        if keep {
            confirmations.insert(p, c);
        }
    }
    for e in entries.iter().filter(|e| e.kind == PAYMENT_RECORDED) {
        let Some(b) = decode_entry::<RecordedBody>(e, problems) else {
            continue;
        };
        data.payments.push(PaymentRecord {
            id: e.id.clone(),
            customer_id: e.subject.clone(),
            order_id: b.order.filter(|o| !o.is_empty()),
            amount_fen: b.amount_fen,
            paid_on: b.paid_on,
            note: b.note,
            recorded_by: e.author.clone(),
            recorded_ms: e.stamp.wall_ms,
            confirmed: confirmations.remove(&e.id),
        });
    }
    data.payments.sort_by(|a, b| (a.paid_on, a.recorded_ms, &a.id).cmp(&(b.paid_on, b.recorded_ms, &b.id)));
    data.orders = orders.into_values().collect();
    data.orders.sort_by(|a, b| b.created_ms.cmp(&a.created_ms).then_with(|| a.order.id.cmp(&b.order.id)));
    data.products.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
    data
}

/// Every product, order, slip and payment on the device.
pub async fn load_orders<S: RecordStore>(s: &S) -> Result<OrdersData, StorageError> {
    let mut docs = s.docs_of_kind(PRODUCT).await?;
    docs.extend(s.docs_of_kind(ORDER).await?);
    docs.extend(s.docs_of_kind(SLIP).await?);
    let entries: Vec<Entry> = s.entries_of_kinds(&[ORDER_STEP, PAYMENT_RECORDED, FINANCE_CONFIRMATION]).await?;
    let judge = super::roster::Judge::load(s).await?;
    let mut data = assemble(judge.docs(docs), judge.entries(entries));
    // O1, issue 15: a slip is signed on the tablet of the order's rep or a manager; a
    // signature stored by anyone else (a tampered tablet) is left out on every device.
    // Without a roster nobody's role can be vouched for, so every signature counts.
    if let Some(roster) = judge.roster() {
        let reps: BTreeMap<String, String> =
            data.orders.iter().map(|o| (o.order.id.clone(), o.order.rep.clone())).collect();
        for slip in data.slips.values_mut() {
            let rep = reps.get(&slip.order_id);
            slip.signatures.retain(|_, sig| {
                rep.is_some_and(|r| *r == sig.by) || roster.roles_of(&sig.by, sig.at_ms).contains(&Role::Manager)
            });
        }
    }
    for o in &mut data.orders {
        match judge.roster() {
            Some(roster) => {
                o.signer_roles = o
                    .order
                    .history
                    .iter()
                    .zip(&o.verified)
                    .map(|(c, ok)| if *ok { roster.roles_of(&c.by, c.at_ms) } else { Vec::new() })
                    .collect();
            }
            // Without a roster a seal names a key, not a person the team vouched for.
            None => o.verified.iter_mut().for_each(|v| *v = false),
        }
    }
    Ok(data)
}

impl OrdersData {
    /// O1: the team's price list from every product's dated prices.
    pub fn price_list(&self) -> PriceList {
        let entries = self
            .products
            .iter()
            .flat_map(|p| {
                p.prices.iter().map(|(from, fen)| PriceEntry {
                    product_id: p.id.clone(),
                    unit_price_fen: *fen,
                    from: *from,
                })
            })
            .collect();
        PriceList::new(entries).unwrap_or_default()
    }

    /// T3: the product lines named in the price list, sorted, each once.
    pub fn product_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> =
            self.products.iter().map(|p| p.line.trim().to_owned()).filter(|l| !l.is_empty()).collect();
        lines.sort();
        lines.dedup();
        lines
    }

    pub fn product(&self, id: &str) -> Option<&ProductRecord> {
        self.products.iter().find(|p| p.id == id)
    }

    pub fn order(&self, id: &str) -> Option<&OrderRecord> {
        self.orders.iter().find(|o| o.order.id == id)
    }

    pub fn orders_of<'a>(&'a self, customer: &'a str) -> impl Iterator<Item = &'a OrderRecord> + 'a {
        self.orders.iter().filter(move |o| o.order.customer_id == customer)
    }

    /// O2: what approved and delivered orders owe. Drafts, submitted and rejected
    /// orders owe nothing yet. An order whose plan cannot be drawn (damaged terms) is
    /// left out rather than failing every figure.
    pub fn plans(&self) -> Vec<InstalmentPlan> {
        self.orders
            .iter()
            .filter(|o| matches!(o.order.status(), OrderStatus::Approved | OrderStatus::Delivered))
            .filter_map(|o| InstalmentPlan::for_order(&o.order).ok())
            .collect()
    }

    /// O3: only payments finance has confirmed count.
    pub fn confirmed_payments(&self) -> Vec<Payment> {
        self.payments.iter().filter(|p| p.confirmed.is_some()).map(PaymentRecord::payment).collect()
    }

    /// Plans with confirmed payments applied, oldest due first (O2, O4).
    pub fn ledger(&self) -> Ledger {
        apply_payments(&self.plans(), &self.confirmed_payments()).unwrap_or_default()
    }

    /// Payments waiting for finance, oldest first.
    pub fn queue(&self) -> Vec<&PaymentRecord> {
        self.payments.iter().filter(|p| p.confirmed.is_none()).collect()
    }

    pub fn payment(&self, id: &str) -> Option<&PaymentRecord> {
        self.payments.iter().find(|p| p.id == id)
    }
}

fn one_doc(d: Document) -> Option<Replica> {
    (!d.fields.is_empty()).then(|| Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() })
}

fn stamp_changed(
    d: &mut Document,
    old: Option<Vec<(&'static str, Value)>>,
    new: Vec<(&'static str, Value)>,
    by: &mut Author,
) {
    for (k, v) in new {
        let same = old.as_ref().is_some_and(|o| o.iter().any(|(ok, ov)| *ok == k && *ov == v));
        if !same {
            let s = by.clock.tick(by.now_ms);
            d.set(k, v, s, by.profile);
        }
    }
}

/// A product document with the fields that changed (all for a new one); `None` when
/// nothing did.
pub fn product_change(old: Option<&ProductRecord>, new: &ProductRecord, by: &mut Author) -> Option<Replica> {
    let mut d = Document::new(&new.id, PRODUCT);
    stamp_changed(&mut d, old.map(ProductRecord::fields), new.fields(), by);
    one_doc(d)
}

fn order_fields(o: &Order, note: &str) -> Vec<(&'static str, Value)> {
    vec![
        ("customer", Value::from(o.customer_id.clone())),
        ("rep", Value::from(o.rep.clone())),
        ("lines", serde_json::to_value(&o.lines).unwrap_or(Value::Null)),
        ("discount_bp", Value::from(o.order_discount.as_basis_points())),
        ("delivery_date", Value::from(o.delivery_date.to_string())),
        ("terms", serde_json::to_value(&o.terms).unwrap_or(Value::Null)),
        ("note", Value::from(note.to_owned())),
    ]
}

/// An order document with the fields that changed; `None` when nothing did.
pub fn order_change(old: Option<&OrderRecord>, new: &Order, note: &str, by: &mut Author) -> Option<Replica> {
    let mut d = Document::new(&new.id, ORDER);
    stamp_changed(&mut d, old.map(|o| order_fields(&o.order, &o.note)), order_fields(new, note), by);
    one_doc(d)
}

/// One step of an order (O1); the domain has checked it before it is written. `prev`
/// is the order's [`OrderRecord::chain_head`] the step was taken on (`None` writes an
/// unchained step, as builds before the chain did).
pub fn order_step(entry_id: &str, order_id: &str, step: &OrderStep, prev: Option<&str>, by: &mut Author) -> Replica {
    let body = chained_body(serde_json::to_value(step).unwrap_or(Value::Null), prev);
    one_entry(entry_id, ORDER_STEP, order_id, body, by)
}

pub fn slip_id(order_id: &str) -> String {
    format!("slip:{order_id}")
}

/// One signature on an order's delivery slip; the other signatories' fields are not
/// touched, so three people signing on two tablets all keep their signature.
pub fn signature_change(order_id: &str, who: Signatory, sig: &Signature, by: &mut Author) -> Replica {
    let mut d = Document::new(&slip_id(order_id), SLIP);
    let s = by.clock.tick(by.now_ms);
    d.set("order", Value::from(order_id.to_owned()), s, by.profile);
    let s = by.clock.tick(by.now_ms);
    d.set(signatory_code(who), json!({"name": sig.name.trim(), "strokes": sig.strokes}), s, by.profile);
    Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() }
}

/// A payment as the rep records it (not yet confirmed: it feeds nothing).
pub fn payment_recorded(
    entry_id: &str,
    customer: &str,
    order: Option<&str>,
    amount_fen: i64,
    paid_on: NaiveDate,
    note: &str,
    by: &mut Author,
) -> Replica {
    let body = RecordedBody { order: order.map(str::to_owned), amount_fen, paid_on, note: note.to_owned() };
    one_entry(entry_id, PAYMENT_RECORDED, customer, body_of(&body), by)
}

/// O3: finance's confirmation of a payment and the `payment.confirmed` facts for P2,
/// P3 and C3, as [`crate::domain::receivable::confirm_payment`] derived them (it
/// refuses an unknown payment or one already confirmed).
///
/// Entry ids derive from the payment (and the rep a fact credits), so two finance
/// people confirming the same payment offline write the same ids: after sync one
/// confirmation and one set of facts remain, and the turnover is not counted twice.
pub fn payment_confirmed(c: &ConfirmedPayment, by: &mut Author) -> Replica {
    let p = &c.payment;
    let mut parts = vec![one_entry(
        &format!("{}:confirmation", p.id),
        FINANCE_CONFIRMATION,
        &p.customer_id,
        json!({"payment": p.id}),
        by,
    )];
    for feed in &c.feeds {
        let rep = match &feed.kind {
            crate::domain::pool::FactKind::Payment { rep, .. } => rep.clone(),
            _ => String::new(),
        };
        if let Ok(r) = fact_entry(&format!("{}:confirmed:{rep}", p.id), &feed.customer_id, &feed.kind, by) {
            parts.push(r);
        }
    }
    join(parts)
}

/// Signature strokes as a compact string: strokes split by `;`, points `x,y` split by
/// spaces, integer canvas units. ~8 bytes a point keeps three signatures far below a
/// photo, and the text syncs like any other field.
pub fn encode_strokes(strokes: &[Vec<(i32, i32)>]) -> String {
    strokes
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| s.iter().map(|(x, y)| format!("{x},{y}")).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(";")
}

/// The inverse of [`encode_strokes`]; malformed points are skipped.
pub fn decode_strokes(s: &str) -> Vec<Vec<(i32, i32)>> {
    s.split(';')
        .map(|stroke| {
            stroke
                .split_whitespace()
                .filter_map(|p| {
                    let (x, y) = p.split_once(',')?;
                    Some((x.parse().ok()?, y.parse().ok()?))
                })
                .collect::<Vec<_>>()
        })
        .filter(|s| !s.is_empty())
        .collect()
}
