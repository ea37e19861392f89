use leptos::prelude::*;

use crate::ui::i18n::orders::OMsg;
use crate::ui::i18n::t;
use crate::ui::orders::order_form::OrderForm;
use crate::ui::orders::order_item::OrderItem;
use crate::ui::orders::orders_ctx::use_orders;

/// O1: a customer's orders, newest first, with the new-order form.
#[component]
pub fn OrdersCard(customer: String) -> impl IntoView {
    let orders = use_orders();
    // An order typed but not saved reopens where it was left.
    let adding = RwSignal::new(
        crate::ui::state::platform::local_get(&crate::ui::orders::order_form::draft_key(&customer)).is_some(),
    );
    let c = customer.clone();
    let ids = Memo::new(move |_| orders.data.with(|d| d.orders_of(&c).map(|o| o.order.id.clone()).collect::<Vec<_>>()));
    let c2 = customer.clone();
    view! {
        <section class="card orders" data-testid="orders">
            <div class="card-head">
                <h2>{t(OMsg::Orders)}</h2>
                <Show when=move || !adding.get()>
                    <button type="button" class="primary" data-testid="order-new" on:click=move |_| adding.set(true)>{t(OMsg::NewOrder)}</button>
                </Show>
            </div>
            <Show when=move || adding.get()>
                <OrderForm customer=c2.clone() existing=None on_done=move |_| adding.set(false) />
            </Show>
            <Show when=move || !ids.with(Vec::is_empty) fallback=|| view! { <p class="muted" data-testid="orders-empty">{t(OMsg::NoOrders)}</p> }>
                <ul class="plain-list order-list">
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <OrderItem id />
                    </For>
                </ul>
            </Show>
        </section>
    }
}
