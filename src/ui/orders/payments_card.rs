use leptos::prelude::*;

use crate::app::orders::{can_confirm_payment, confirm_payment, record_payment};
use crate::domain::money::parse_yuan;
use crate::domain::order::OrderStatus;
use crate::domain::pool::FactKind;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::customers::{date_text, payment_text, CMsg};
use crate::ui::i18n::orders::{order_title, payment_line, OMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::orders::orders_ctx::use_orders;
use crate::ui::state::command::Commands;

/// The value tier (C3) with its turnover and credit flag and the confirmed payments it
/// is computed from; payments a rep records against an order (O3) with their state,
/// and — for finance — the confirmation that makes them count for P2, P3 and C3.
#[component]
pub fn PaymentsCard(id: String) -> impl IntoView {
    let ctx = use_customers();
    let orders = use_orders();
    let i18n = use_i18n();
    let vid = id.clone();
    let view_of = Memo::new(move |_| ctx.data.with(|d| d.get(&vid).map(|c| (c.tier.clone(), c.rec.facts.clone()))));
    let cmds = Commands::new();
    let is_finance = move || cmds.can(can_confirm_payment);
    let pid = id.clone();
    let recorded = Memo::new(move |_| {
        orders.data.with(|d| d.payments.iter().filter(|p| p.customer_id == pid).cloned().rev().collect::<Vec<_>>())
    });
    let oid = id.clone();
    let open_orders = Memo::new(move |_| {
        orders.data.with(|d| {
            d.orders_of(&oid)
                .filter(|o| !matches!(o.order.status(), OrderStatus::Draft | OrderStatus::Rejected))
                .map(|o| (o.order.id.clone(), o.created_ms, o.order.total_fen().unwrap_or(0)))
                .collect::<Vec<_>>()
        })
    });
    let order = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let paid_on = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let confirm_error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let customer = id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let fen = match parse_yuan(&amount.get_untracked()) {
            Ok(f) if f > 0 => f,
            _ => return error.set(Some(OMsg::ErrAmount.text(i18n.lang()).to_owned())),
        };
        let day = match paid_on.get_untracked().parse::<chrono::NaiveDate>() {
            Ok(d) => d,
            Err(_) if paid_on.get_untracked().is_empty() => orders.today(),
            Err(_) => return error.set(Some(CMsg::ErrDate.text(i18n.lang()).to_owned())),
        };
        error.set(None);
        let (c, o, n) = (customer.clone(), order.get_untracked(), note.get_untracked());
        cmds.run(
            move |db, a| async move {
                record_payment(db.store(), &a, &c, (!o.is_empty()).then_some(o.as_str()), fen, day, &n).await
            },
            move |r| match r {
                Ok(_) => {
                    amount.set(String::new());
                    note.set(String::new());
                    saved.set(true);
                }
                Err(e) => error.set(Some(command_error(i18n.lang(), &e))),
            },
        );
    };
    let confirm = move |payment: String| {
        confirm_error.set(None);
        cmds.run(
            move |db, a| async move { confirm_payment(db.store(), &a, &payment).await },
            move |r| confirm_error.set(r.err().map(|e| command_error(i18n.lang(), &e))),
        );
    };
    view! {
        <section class="card payments" data-testid="payments">
            <h2>{t(OMsg::Payments)}</h2>
            {move || view_of.get().map(|(tier, facts)| {
                let mut pays: Vec<_> = facts.iter().filter_map(|f| match &f.kind {
                    FactKind::Payment { rep, amount_fen, paid_on, days_late } => Some((*paid_on, *amount_fen, *days_late, rep.clone(), f.stamp.wall_ms)),
                    _ => None,
                }).collect();
                pays.sort_by_key(|p| std::cmp::Reverse(p.0));
                view! {
                    <p data-testid="turnover">{t(CMsg::Turnover)}": ¥"{crate::domain::money::format_yuan(tier.turnover_fen)}</p>
                    {tier.credit_flag.then(|| view! { <p class="error" data-testid="credit-warning">{t(CMsg::CreditFlagHint)}</p> })}
                    <ul class="plain-list">
                        {pays.into_iter().map(|(d, fen, late, r, at)| {
                            let who = ctx.data.with_untracked(|x| x.name_of(&r));
                            view! { <li data-testid="payment-row">{move || payment_text(i18n.lang(), d, fen, late, &who)}<span class="muted">" · "{move || date_text(i18n.lang(), at)}</span></li> }
                        }).collect_view()}
                    </ul>
                }
            })}
            <Show when=move || !recorded.with(Vec::is_empty)>
                <h3>{t(OMsg::RecordPayment)}</h3>
                <ul class="plain-list" data-testid="recorded-payments">
                    {move || recorded.get().into_iter().map(|p| {
                        let who = ctx.data.with_untracked(|x| x.name_of(&p.recorded_by));
                        let confirmed = p.confirmed.clone();
                        let is_confirmed = confirmed.is_some().to_string();
                        let (day, fen, pid) = (p.paid_on, p.amount_fen, p.id.clone());
                        let c = confirm;
                        view! {
                            <li class="recorded-payment" data-testid="recorded-payment" data-confirmed=is_confirmed>
                                <span>{move || payment_line(i18n.lang(), day, fen, &who)}</span>
                                {match confirmed {
                                    Some(cf) => {
                                        let by = ctx.data.with_untracked(|x| x.name_of(&cf.by));
                                        view! { <span class="badge ok">{t(OMsg::ConfirmedBy)}" · "{by}" · "{move || date_text(i18n.lang(), cf.at_ms)}</span> }.into_any()
                                    }
                                    None => view! {
                                        <span class="badge warn">{t(OMsg::Pending)}</span>
                                        <Show when=is_finance>
                                            <button type="button" class="primary" data-testid="pay-confirm" on:click={let pid = pid.clone(); move |_| c(pid.clone())}>{t(OMsg::ConfirmPayment)}</button>
                                        </Show>
                                    }.into_any(),
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {move || confirm_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </Show>
            <form class="form" data-testid="payment-form" on:submit=submit novalidate>
                <h3>{t(OMsg::RecordPayment)}</h3>
                <div class="grid-2">
                    <label class="field"><span>{t(OMsg::ForOrder)}</span>
                        <select data-testid="pay-order" on:change=move |ev| order.set(event_target_value(&ev))>
                            <option value="">{t(OMsg::OnAccount)}</option>
                            {move || open_orders.get().into_iter().map(|(oid, at, total)| {
                                let sel = order.get_untracked() == oid;
                                view! { <option value=oid selected=sel>{order_title(i18n.lang(), &date_text(i18n.lang(), at), total)}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="field"><span>{t(OMsg::AmountYuan)}</span>
                        <input type="text" inputmode="decimal" data-testid="pay-amount" prop:value=move || amount.get() on:input=move |ev| amount.set(event_target_value(&ev)) />
                    </label>
                    <label class="field"><span>{t(OMsg::PaidOn)}</span>
                        <input type="date" data-testid="pay-date" prop:value=move || paid_on.get() on:input=move |ev| paid_on.set(event_target_value(&ev)) />
                    </label>
                    <label class="field"><span>{t(OMsg::Note)}</span>
                        <input type="text" data-testid="pay-note" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev)) />
                    </label>
                </div>
                {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="pay-error">{e}</p> })}
                <div class="actions">
                    <Show when=move || saved.get()><span class="ok" role="status" data-testid="pay-saved">{t(OMsg::Recorded)}</span></Show>
                    <button type="submit" class="primary" data-testid="pay-record">{t(OMsg::Record)}</button>
                </div>
            </form>
        </section>
    }
}
