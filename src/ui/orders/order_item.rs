use leptos::prelude::*;

use crate::app::orders::{can_decide_order, can_edit_order, take_order_step};
use crate::domain::order::{OrderStatus, OrderStep};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::customers::date_text;
use crate::ui::i18n::orders::{order_title, status_code, status_label, step_text, yuan, OMsg};
use crate::ui::i18n::{t, use_i18n, Lang};
use crate::ui::orders::delivery_slip::DeliverySlipView;
use crate::ui::orders::order_form::OrderForm;
use crate::ui::orders::orders_ctx::use_orders;
use crate::ui::profiles::profile_form::role_msg;
use crate::ui::state::command::Commands;
use crate::ui::widgets::verified_badge::VerifiedBadge;

/// One order: lines and totals, its history (who decided, when), and the step the
/// current profile may take — submit (its rep), approve or reject (a manager), revise
/// after a rejection, and the delivery slip once approved.
#[component]
pub fn OrderItem(id: String) -> impl IntoView {
    let orders = use_orders();
    let customers = use_customers();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let rid = id.clone();
    let rec = Memo::new(move |_| orders.data.with(|d| d.order(&rid).cloned()));
    let open = RwSignal::new(false);
    let editing = RwSignal::new(false);
    let opinion = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let product_name = move |pid: &str| {
        orders
            .data
            .with_untracked(|d| d.product(pid).map(|p| (p.name.clone(), p.unit.clone())))
            .unwrap_or_else(|| (pid.to_owned(), String::new()))
    };
    let name_of = move |p: &str| customers.data.with_untracked(|d| d.name_of(p));

    // The command checks the step with the domain (role, status, reason) and stores it.
    let take = move |step: OrderStep| {
        let Some(r) = rec.get_untracked() else { return };
        error.set(None);
        let oid = r.order.id.clone();
        cmds.run(
            move |db, a| async move { take_order_step(db.store(), &a, &oid, step).await },
            move |r| error.set(r.err().map(|e| command_error(i18n.lang(), &e))),
        );
    };
    view! {
        {move || rec.get().map(|r| {
            let o = r.order.clone();
            let status = o.status();
            let totals = o.totals().unwrap_or_default();
            let created = date_text(i18n.lang(), r.created_ms);
            let rep_name = name_of(&o.rep);
            let is_manager = cmds.can(can_decide_order);
            let may_edit = cmds.can(|a| can_edit_order(a, &o.rep));
            let customer = o.customer_id.clone();
                        view! {
                <li class="order-item" data-testid="order-row" data-status=status_code(status)>
                    <button type="button" class="order-head" data-testid="order-open" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|v| *v = !*v)>
                        <span data-testid="order-title">{order_title(i18n.lang(), &created, totals.total_fen)}</span>
                        <span class="muted">" · "{rep_name}</span>
                        <span class=format!("badge status-{}", status_code(status)) data-testid="order-status">{move || status_label(i18n.lang(), status)}</span>
                    </button>
                    <Show when=move || open.get()>
                        {
                            let o = o.clone();
                            let r = r.clone();
                            let customer = customer.clone();
                                                        move || {
                                                                let (customer, r) = (customer.clone(), r.clone());
                                let o2 = o.clone();
                                view! {
                                <div class="order-body" data-testid="order-body">
                                    <table class="lines">
                                        <thead><tr><th>{t(OMsg::Product)}</th><th>{t(OMsg::Qty)}</th><th>{t(OMsg::UnitPrice)}</th><th>{t(OMsg::LineDiscount)}</th><th>{t(OMsg::Total)}</th></tr></thead>
                                        <tbody>
                                            {o.lines.iter().map(|l| {
                                                let (n, u) = product_name(&l.product_id);
                                                let net = l.totals().map(|x| x.net_fen).unwrap_or(0);
                                                let bp = l.discount.as_basis_points();
                                                view! { <tr data-testid="order-line-row"><td>{n}</td><td>{format!("{} {u}", l.qty)}</td><td>{yuan(l.unit_price_fen)}</td>
                                                    <td>{if bp == 0 { String::new() } else { format!("{}%", crate::domain::money::format_yuan(i64::from(bp))) }}</td><td>{yuan(net)}</td></tr> }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                    <p class="totals" data-testid="order-totals">
                                        {move || format!("{} {} · {} −{} · {} {}",
                                            OMsg::Gross.text(i18n.lang()), yuan(totals.gross_fen),
                                            OMsg::Discounts.text(i18n.lang()), yuan(totals.line_discounts_fen + totals.order_discount_fen),
                                            OMsg::Total.text(i18n.lang()), yuan(totals.total_fen))}
                                    </p>
                                    <p class="muted">{t(OMsg::DeliveryDate)}": "{o.delivery_date.to_string()}{(!r.note.is_empty()).then(|| format!(" · {}", r.note))}</p>
                                    <ol class="history" data-testid="order-history">
                                        {o.history.iter().zip(r.devices.iter().map(Some).chain(std::iter::repeat(None))).enumerate().map(|(i, (c, dev))| {
                                            let ok = r.verified.get(i).copied().unwrap_or(false);
                                            let roles = r.signer_roles.get(i).cloned().unwrap_or_default();
                                            let codes = roles.iter().map(|x| x.code()).collect::<Vec<_>>().join(" ");
                                            let (step, who, at) = (c.step.clone(), name_of(&c.by), c.at_ms);
                                            // A verified signer's name carries the roles the roster gave them then.
                                            let who = move |lang: Lang| if roles.is_empty() { who.clone() } else {
                                                format!("{who} ({})", roles.iter().map(|x| role_msg(*x).text(lang)).collect::<Vec<_>>().join(" / "))
                                            };
                                            let dev = dev.cloned().unwrap_or_default();
                                            let short: String = dev.chars().take(8).collect();
                                            view! { <li data-testid="order-step" data-device=dev data-roles=codes>{move || step_text(i18n.lang(), &step, &who(i18n.lang()), &date_text(i18n.lang(), at))}<span class="muted">" · "{short}" "</span><VerifiedBadge verified=ok /></li> }
                                        }).collect_view()}
                                    </ol>
                                    {match status {
                                        OrderStatus::Draft if may_edit => {
                                            let t1 = take;
                                            view! {
                                                <div class="actions">
                                                    <button type="button" data-testid="order-edit" on:click=move |_| editing.set(true)>{t(OMsg::Edit)}</button>
                                                    <button type="button" class="primary" data-testid="order-submit" on:click=move |_| t1(OrderStep::Submitted)>{t(OMsg::Submit)}</button>
                                                </div>
                                            }.into_any()
                                        }
                                        OrderStatus::Submitted if is_manager => {
                                            let (t1, t2) = (take, take);
                                            view! {
                                                <div class="approval">
                                                    <label class="field"><span>{t(OMsg::Opinion)}</span>
                                                        <input type="text" data-testid="order-opinion" prop:value=move || opinion.get() on:input=move |ev| opinion.set(event_target_value(&ev)) />
                                                    </label>
                                                    <div class="actions">
                                                        <button type="button" class="danger" data-testid="order-reject" on:click=move |_| t2(OrderStep::Rejected { reason: opinion.get_untracked() })>{t(OMsg::Reject)}</button>
                                                        <button type="button" class="primary" data-testid="order-approve" on:click=move |_| t1(OrderStep::Approved { opinion: opinion.get_untracked() })>{t(OMsg::Approve)}</button>
                                                    </div>
                                                </div>
                                            }.into_any()
                                        }
                                        OrderStatus::Submitted => view! { <p class="muted" data-testid="order-waiting">{t(OMsg::ManagerApproves)}</p> }.into_any(),
                                        OrderStatus::Rejected if may_edit => {
                                            let t1 = take;
                                            view! { <div class="actions"><button type="button" data-testid="order-reopen" on:click=move |_| t1(OrderStep::Reopened)>{t(OMsg::Reopen)}</button></div> }.into_any()
                                        }
                                        OrderStatus::Approved | OrderStatus::Delivered => {
                                            let t1 = take;
                                            view! { <DeliverySlipView order=o2.clone() on_deliver=Callback::new(move |slip| t1(OrderStep::Delivered { slip })) /> }.into_any()
                                        }
                                        _ => ().into_any(),
                                    }}
                                    {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="order-error">{e}</p> })}
                                    <Show when=move || editing.get()>
                                        <OrderForm customer=customer.clone() existing=Some(r.clone()) on_done=move |_| editing.set(false) />
                                    </Show>
                                </div>
                            }}
                        }
                    </Show>
                </li>
            }
        })}
    }
}
