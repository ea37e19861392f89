use leptos::prelude::*;

use crate::app::orders::save_order;
use crate::domain::order::{Discount, Order, OrderError, OrderLine, PaymentTerms};
use crate::domain::receivable::InstalmentPlan;
use crate::storage::orders::OrderRecord;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::orders::{order_error, receivable_error, yuan, OMsg};
use crate::ui::i18n::{t, use_i18n, Lang};
use crate::ui::orders::orders_ctx::use_orders;
use crate::ui::state::platform::{local_get, local_remove, local_set};

/// Where a new order being typed for `customer` is kept until it is saved or cancelled.
pub fn draft_key(customer: &str) -> String {
    format!("outpost.draft.order.{customer}")
}

type Draft = (Vec<(String, String, String)>, String, String, String, String, String, String);
use crate::ui::state::session::use_session;

/// O1: a new order (or a draft being revised) for one customer: lines priced from the
/// price list in force on the day it is taken, line and order discounts, delivery date and payment
/// terms (O2 instalments). Totals follow as the rep types; every field says what is
/// wrong before anything is saved.
#[component]
pub fn OrderForm(
    customer: String,
    existing: Option<OrderRecord>,
    #[prop(into)] on_done: Callback<()>,
) -> impl IntoView {
    let orders = use_orders();
    let session = use_session();
    let i18n = use_i18n();
    let cmds = crate::ui::state::command::Commands::new();
    let pct = |d: Discount| {
        if d.as_basis_points() == 0 {
            String::new()
        } else {
            crate::domain::money::format_yuan(i64::from(d.as_basis_points()))
        }
    };
    let (init_lines, init_disc, init_day, init_terms, init_days, init_dates, init_note) = match &existing {
        Some(r) => {
            let o = &r.order;
            let (kind, days, dates) = match &o.terms {
                PaymentTerms::OnDelivery => ("on_delivery", String::new(), String::new()),
                PaymentTerms::NetDays { days } => ("net", days.to_string(), String::new()),
                PaymentTerms::Instalments { dates } => {
                    ("instalments", String::new(), dates.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"))
                }
            };
            (
                o.lines.iter().map(|l| (l.product_id.clone(), l.qty.to_string(), pct(l.discount))).collect(),
                pct(o.order_discount),
                o.delivery_date.to_string(),
                kind,
                days,
                dates,
                r.note.clone(),
            )
        }
        None => (
            vec![(String::new(), "1".to_owned(), String::new())],
            String::new(),
            String::new(),
            "on_delivery",
            "30".to_owned(),
            String::new(),
            String::new(),
        ),
    };
    // A new order keeps what was typed across a reload or a dropped tab (nothing typed
    // is lost); a draft being revised is already stored.
    let key = existing.is_none().then(|| draft_key(&customer));
    let (init_lines, init_disc, init_day, init_terms, init_days, init_dates, init_note) =
        match key.as_deref().and_then(local_get).and_then(|t| serde_json::from_str::<Draft>(&t).ok()) {
            Some((l, di, de, te, nd, da, no)) => (
                l,
                di,
                de,
                if te == "net" {
                    "net"
                } else if te == "instalments" {
                    "instalments"
                } else {
                    "on_delivery"
                },
                nd,
                da,
                no,
            ),
            None => (init_lines, init_disc, init_day, init_terms, init_days, init_dates, init_note),
        };
    let lines = RwSignal::new(init_lines);
    let discount = RwSignal::new(init_disc);
    let delivery = RwSignal::new(init_day);
    let terms = RwSignal::new(init_terms.to_owned());
    let net_days = RwSignal::new(init_days);
    let dates = RwSignal::new(init_dates);
    let note = RwSignal::new(init_note);
    let error = RwSignal::new(None::<String>);
    let draft = StoredValue::new(key.clone());
    Effect::new(move |_| {
        let d: Draft =
            (lines.get(), discount.get(), delivery.get(), terms.get(), net_days.get(), dates.get(), note.get());
        let blank = d.0.iter().all(|l| l.0.is_empty() && l.2.is_empty())
            && d.1.is_empty()
            && d.2.is_empty()
            && d.5.is_empty()
            && d.6.is_empty();
        match draft.get_value() {
            Some(k) if blank => local_remove(&k),
            Some(k) => local_set(&k, &serde_json::to_string(&d).unwrap_or_default()),
            None => {}
        }
    });
    let forget = move || {
        if let Some(k) = draft.get_value() {
            local_remove(&k);
        }
    };
    let products = move || {
        orders.data.with(|d| {
            d.products
                .iter()
                .filter(|p| !p.retired)
                .map(|p| (p.id.clone(), format!("{} ({})", p.name, p.unit)))
                .collect::<Vec<_>>()
        })
    };
    let (order_id, rep) = match &existing {
        Some(r) => (Some(r.order.id.clone()), r.order.rep.clone()),
        None => (None, session.current.get_untracked().unwrap_or_default()),
    };

    // The order as typed, or the first thing wrong with it, in the user's language.
    let build = {
        let customer = customer.clone();
        let rep = rep.clone();
        move |lang: Lang| -> Result<Order, String> {
            let day: chrono::NaiveDate = delivery.get().parse().map_err(|_| OMsg::ErrDate.text(lang).to_owned())?;
            let terms = match terms.get().as_str() {
                "net" => PaymentTerms::NetDays {
                    days: net_days.get().trim().parse().map_err(|_| OMsg::NetDays.text(lang).to_owned())?,
                },
                "instalments" => {
                    let mut ds = Vec::new();
                    for l in dates.get().lines().map(str::trim).filter(|l| !l.is_empty()) {
                        ds.push(
                            l.parse::<chrono::NaiveDate>().map_err(|_| format!("{}: {l}", OMsg::ErrDate.text(lang)))?,
                        );
                    }
                    PaymentTerms::Instalments { dates: ds }
                }
                _ => PaymentTerms::OnDelivery,
            };
            let mut o = Order::draft("", customer.clone(), rep.clone(), day, terms);
            let list = orders.data.with(|d| d.price_list());
            for (i, (p, q, disc)) in lines.get().into_iter().enumerate() {
                if p.is_empty() {
                    return Err(order_error(lang, &OrderError::NoProduct));
                }
                let qty: u32 =
                    q.trim().parse().map_err(|_| order_error(lang, &OrderError::ZeroQuantity { line: i + 1 }))?;
                let line = OrderLine::priced(
                    &list,
                    &p,
                    qty,
                    orders.today(),
                    Discount::parse(&disc).map_err(|e| order_error(lang, &e))?,
                )
                .map_err(|e| match e {
                    OrderError::ZeroQuantity { .. } => OrderError::ZeroQuantity { line: i + 1 },
                    e => e,
                })
                .map_err(|e| order_error(lang, &e))?;
                o.lines.push(line);
            }
            o.order_discount = Discount::parse(&discount.get()).map_err(|e| order_error(lang, &e))?;
            o.validate(orders.today()).map_err(|e| order_error(lang, &e))?;
            InstalmentPlan::for_order(&o).map_err(|e| receivable_error(lang, &e))?;
            Ok(o)
        }
    };
    let preview = {
        let build = build.clone();
        move || build(i18n.lang()).ok().and_then(|o| o.totals().ok())
    };
    let save = {
        move |submit: bool| {
            let lang = i18n.lang();
            let mut o = match build(lang) {
                Ok(o) => o,
                Err(e) => return error.set(Some(e)),
            };
            error.set(None);
            o.id = order_id.clone().unwrap_or_default();
            let note = note.get_untracked();
            cmds.run(
                move |db, a| async move { save_order(db.store(), &a, o, &note, submit).await },
                move |r| match r {
                    Ok(_) => {
                        forget();
                        on_done.run(())
                    }
                    Err(e) => error.set(Some(command_error(lang, &e))),
                },
            );
        }
    };
    let save2 = save.clone();
    view! {
        <form class="form order-form" data-testid="order-form" on:submit=move |ev| { ev.prevent_default(); save2(true) } novalidate>
            <h3>{t(OMsg::NewOrder)}</h3>
            <table class="lines">
                <thead><tr><th>{t(OMsg::Product)}</th><th>{t(OMsg::Qty)}</th><th>{t(OMsg::LineDiscount)}</th><th></th></tr></thead>
                <tbody>
                    {move || lines.get().into_iter().enumerate().map(|(i, (p, q, d))| view! {
                        <tr data-testid="order-line">
                            <td><select data-testid="ol-product" on:change=move |ev| { let v = event_target_value(&ev); lines.update(|l| l[i].0 = v) }>
                                <option value="">"—"</option>
                                {products().into_iter().map(|(id, n)| { let sel = id == p; view! { <option value=id.clone() selected=sel>{n}</option> } }).collect_view()}
                            </select></td>
                            <td><input type="number" min="1" class="qty" data-testid="ol-qty" prop:value=q on:change=move |ev| { let v = event_target_value(&ev); lines.update(|l| l[i].1 = v) } /></td>
                            <td><input type="text" inputmode="decimal" class="pct" data-testid="ol-discount" prop:value=d on:change=move |ev| { let v = event_target_value(&ev); lines.update(|l| l[i].2 = v) } /></td>
                            <td><button type="button" data-testid="ol-remove" aria-label=t(OMsg::RemoveLine) on:click=move |_| lines.update(|l| { if l.len() > 1 { l.remove(i); } })>"✕"</button></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <button type="button" data-testid="ol-add" on:click=move |_| lines.update(|l| l.push((String::new(), "1".into(), String::new())))>{t(OMsg::AddLine)}</button>
            <div class="grid-2">
                <label class="field"><span>{t(OMsg::OrderDiscount)}</span>
                    <input type="text" inputmode="decimal" data-testid="of-discount" prop:value=move || discount.get() on:input=move |ev| discount.set(event_target_value(&ev)) />
                </label>
                <label class="field"><span>{t(OMsg::DeliveryDate)}</span>
                    <input type="date" data-testid="of-delivery" prop:value=move || delivery.get() on:input=move |ev| { error.set(None); delivery.set(event_target_value(&ev)) } />
                </label>
                <label class="field"><span>{t(OMsg::Terms)}</span>
                    <select data-testid="of-terms" on:change=move |ev| terms.set(event_target_value(&ev))>
                        <option value="on_delivery" selected=move || terms.get() == "on_delivery">{t(OMsg::TermsOnDelivery)}</option>
                        <option value="net" selected=move || terms.get() == "net">{t(OMsg::TermsNet)}</option>
                        <option value="instalments" selected=move || terms.get() == "instalments">{t(OMsg::TermsInstalments)}</option>
                    </select>
                </label>
                <Show when=move || terms.get() == "net">
                    <label class="field"><span>{t(OMsg::NetDays)}</span>
                        <input type="number" min="0" data-testid="of-net-days" prop:value=move || net_days.get() on:input=move |ev| net_days.set(event_target_value(&ev)) />
                    </label>
                </Show>
                <Show when=move || terms.get() == "instalments">
                    <label class="field"><span>{t(OMsg::InstalmentDates)}</span>
                        <textarea rows="3" data-testid="of-instalments" prop:value=move || dates.get() on:input=move |ev| dates.set(event_target_value(&ev))></textarea>
                    </label>
                </Show>
                <label class="field"><span>{t(OMsg::Note)}</span>
                    <input type="text" data-testid="of-note" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev)) />
                </label>
            </div>
            <p class="totals" data-testid="of-total">{move || preview().map(|tt| format!(
                "{} {} · {} −{} · {} {}",
                OMsg::Gross.text(i18n.lang()), yuan(tt.gross_fen),
                OMsg::Discounts.text(i18n.lang()), yuan(tt.line_discounts_fen + tt.order_discount_fen),
                OMsg::Total.text(i18n.lang()), yuan(tt.total_fen),
            ))}</p>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="of-error">{e}</p> })}
            <div class="actions">
                <button type="button" data-testid="of-cancel" on:click=move |_| { forget(); on_done.run(()) }>{t(OMsg::Cancel)}</button>
                <button type="button" data-testid="of-save" on:click=move |_| save(false)>{t(OMsg::SaveDraft)}</button>
                <button type="submit" class="primary" data-testid="of-submit">{t(OMsg::SaveSubmit)}</button>
            </div>
        </form>
    }
}
