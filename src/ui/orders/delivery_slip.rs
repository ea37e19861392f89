use leptos::prelude::*;

use crate::domain::order::{DeliverySlip, Order, OrderStatus};
use crate::storage::orders::{signatory_code, SIGNATORIES};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::customers::date_text;
use crate::ui::i18n::orders::{order_error, signatory_label, yuan, OMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::orders::orders_ctx::use_orders;
use crate::ui::widgets::signature_pad::{SignatureImage, SignaturePad};

/// O1: the delivery slip of an approved order: what leaves the warehouse, and the three
/// signatures (warehouse keeper, warehouse supervisor, customer) taken on the tablet.
/// Once all three are there, delivery can be confirmed; the slip prints on its own.
#[component]
pub fn DeliverySlipView(order: Order, on_deliver: Callback<DeliverySlip>) -> impl IntoView {
    let orders = use_orders();
    let customers = use_customers();
    let i18n = use_i18n();
    let section = NodeRef::<leptos::html::Section>::new();
    let oid = order.id.clone();
    let slip = Memo::new(move |_| orders.data.with(|d| d.slips.get(&oid).cloned().unwrap_or_default()));
    let customer_name = customers
        .data
        .with_untracked(|d| d.get(&order.customer_id).map(|c| c.rec.file.name.clone()).unwrap_or_default());
    let name_of = move |p: &str| customers.data.with_untracked(|d| d.name_of(p));
    let delivered = order.status() == OrderStatus::Delivered;
    let error = RwSignal::new(None::<String>);
    let print = move |_| {
        // Marked straight on the element: print() blocks, so a reactive class would
        // not be drawn before the dialog opens. CSS prints only the marked slip.
        let Some(el) = section.get() else { return };
        let _ = el.set_attribute("data-print", "1");
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
        let _ = el.remove_attribute("data-print");
    };
    let deliver = move |_| {
        let s = slip.get_untracked().slip(Some(orders.today()));
        match s.check() {
            Ok(()) => on_deliver.run(s),
            Err(e) => error.set(Some(order_error(i18n.lang(), &e))),
        }
    };
    let lines = order
        .lines
        .iter()
        .map(|l| {
            let n = orders
                .data
                .with_untracked(|d| d.product(&l.product_id).map(|p| format!("{} × {} {}", p.name, l.qty, p.unit)))
                .unwrap_or_else(|| l.product_id.clone());
            view! { <li>{n}</li> }
        })
        .collect_view();
    let total = order.total_fen().unwrap_or(0);
    let oid2 = order.id.clone();
    view! {
        <section class="slip" node_ref=section data-testid="slip">
            <h3>{t(OMsg::Slip)}</h3>
            <p class="muted">{t(OMsg::SlipHint)}</p>
            <p><strong>{customer_name}</strong>" · "{t(OMsg::DeliveryDate)}" "{order.delivery_date.to_string()}" · "{yuan(total)}</p>
            <ul class="slip-lines">{lines}</ul>
            <div class="sig-grid">
                {SIGNATORIES.into_iter().map(|who| {
                    let code = signatory_code(who);
                    let oid = oid2.clone();
                    // Per slot, so saving one signature leaves the others' pads (and
                    // anything drawn on them) alone.
                    let mine = Memo::new(move |_| slip.with(|s| s.get(who).cloned()));
                    view! {
                        <div class="sig-slot" data-testid=format!("sig-slot-{code}")>
                            {move || match mine.get() {
                                Some(sig) => view! {
                                    <div class="sig-done" data-testid=format!("sig-done-{code}")>
                                        <h4>{move || signatory_label(i18n.lang(), who)}" ✓"</h4>
                                        <SignatureImage strokes=sig.strokes.clone() />
                                        <p><strong data-testid=format!("sig-signer-{code}")>{sig.name.clone()}</strong></p>
                                        <p class="muted">{date_text(i18n.lang(), sig.at_ms)}" · "{name_of(&sig.by)}</p>
                                    </div>
                                }.into_any(),
                                None if !delivered => view! { <SignaturePad order_id=oid.clone() who /> }.into_any(),
                                None => ().into_any(),
                            }}
                        </div>
                    }
                }).collect_view()}
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="slip-error">{e}</p> })}
            <div class="actions no-print">
                <button type="button" data-testid="slip-print" on:click=print>{t(OMsg::Print)}</button>
                {(!delivered).then(|| view! {
                    <button type="button" class="primary" data-testid="slip-deliver" disabled=move || slip.with(|s| s.signatures.len() < 3) on:click=deliver>{t(OMsg::MarkDelivered)}</button>
                })}
            </div>
        </section>
    }
}
