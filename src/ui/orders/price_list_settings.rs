use leptos::prelude::*;

use crate::app::orders::{can_edit_price_list, save_product};
use crate::domain::money::parse_yuan;
use crate::storage::orders::ProductRecord;
use crate::ui::i18n::orders::{yuan, OMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::orders::orders_ctx::use_orders;
use crate::ui::state::command::Commands;

/// O1: the team's products and dated prices. A manager adds a product, or a new price
/// for one already listed (same name), and stops selling one; everyone sees the list.
#[component]
pub fn PriceListSettings() -> impl IntoView {
    let orders = use_orders();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let is_manager = move || cmds.can(can_edit_price_list);
    let name = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let line = RwSignal::new(String::new());
    let price = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<(&'static str, OMsg)>::new());
    let err = move |f: &'static str| {
        move || errors.with(|e| e.iter().find(|(k, _)| *k == f).map(|(_, m)| m.text(i18n.lang())))
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut errs = Vec::new();
        let n = name.get_untracked().trim().to_owned();
        if n.is_empty() {
            errs.push(("name", OMsg::ErrProductName));
        }
        let fen = parse_yuan(&price.get_untracked());
        if fen.is_err() {
            errs.push(("price", OMsg::ErrPrice));
        }
        let day = from
            .get_untracked()
            .parse::<chrono::NaiveDate>()
            .ok()
            .or_else(|| from.get_untracked().is_empty().then(|| orders.today()));
        if day.is_none() {
            errs.push(("from", OMsg::ErrDate));
        }
        errors.set(errs);
        let (Ok(fen), Some(day)) = (fen, day) else {
            return;
        };
        if n.is_empty() {
            return;
        }
        let old = orders.data.with_untracked(|d| d.products.iter().find(|p| p.name == n).cloned());
        let mut new = old.unwrap_or_else(|| ProductRecord {
            id: String::new(),
            name: n.clone(),
            unit: unit.get_untracked().trim().to_owned(),
            prices: vec![],
            retired: false,
            line: String::new(),
        });
        new.prices.retain(|(d, _)| *d != day);
        new.prices.push((day, fen));
        new.prices.sort();
        new.retired = false;
        if !unit.get_untracked().trim().is_empty() {
            new.unit = unit.get_untracked().trim().to_owned();
        }
        if !line.get_untracked().trim().is_empty() {
            new.line = line.get_untracked().trim().to_owned();
        }
        // A new product gets its id from the command; a price for a listed one changes it.
        cmds.run(
            move |db, a| async move { save_product(db.store(), &a, new).await },
            move |r| {
                if r.is_ok() {
                    name.set(String::new());
                    price.set(String::new());
                    line.set(String::new());
                }
            },
        );
    };
    let retire = move |p: ProductRecord| {
        let mut new = p;
        new.retired = !new.retired;
        cmds.run(move |db, a| async move { save_product(db.store(), &a, new).await }, |_| {});
    };
    let rows = move || orders.data.with(|d| d.products.clone());
    view! {
        <section class="card price-list" data-testid="price-list">
            <h2>{t(OMsg::PriceList)}</h2>
            <p class="muted">{t(OMsg::PriceListHint)}</p>
            <Show when=move || !rows().is_empty() fallback=|| view! { <p class="muted" data-testid="products-empty">{t(OMsg::NoProducts)}</p> }>
                <ul class="plain-list">
                    {move || rows().into_iter().map(|p| {
                        let prices = p.prices.iter().map(|(d, f)| format!("{d}: {} / {}", yuan(*f), p.unit)).collect::<Vec<_>>().join(" · ");
                        let retired = p.retired;
                        let r = retire;
                        let pc = p.clone();
                        view! {
                            <li class="product-row" data-testid="product-row" class:retired=retired>
                                <strong>{p.name.clone()}</strong>
                                {(!p.line.is_empty()).then(|| view! { <span class="badge" data-testid="product-line">{p.line.clone()}</span> })}
                                {retired.then(|| view! { <span class="badge">{t(OMsg::Retired)}</span> })}
                                <span class="muted">" "{prices}</span>
                                <Show when=is_manager>
                                    <button type="button" data-testid="product-retire" on:click={let pc = pc.clone(); move |_| r(pc.clone())}>{t(OMsg::Retire)}</button>
                                </Show>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <Show when=is_manager fallback=|| view! { <p class="muted">{t(OMsg::PriceListManagerOnly)}</p> }>
                <form class="form" data-testid="product-form" on:submit=add novalidate>
                    <div class="grid-2">
                        <label class="field"><span>{t(OMsg::ProductName)}</span>
                            <input type="text" data-testid="product-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                            {move || err("name")().map(|e| view! { <small class="error">{e}</small> })}
                        </label>
                        <label class="field"><span>{t(OMsg::ProductUnit)}</span>
                            <input type="text" data-testid="product-unit" prop:value=move || unit.get() on:input=move |ev| unit.set(event_target_value(&ev)) />
                        </label>
                        <label class="field"><span>{t(OMsg::ProductLine)}</span>
                            <input type="text" data-testid="product-line-input" list="product-lines" prop:value=move || line.get() on:input=move |ev| line.set(event_target_value(&ev)) />
                            <datalist id="product-lines">
                                {move || orders.data.with(|d| d.product_lines()).into_iter().map(|l| view! { <option value=l></option> }).collect_view()}
                            </datalist>
                        </label>
                        <label class="field"><span>{t(OMsg::UnitPrice)}</span>
                            <input type="text" inputmode="decimal" data-testid="product-price" prop:value=move || price.get() on:input=move |ev| price.set(event_target_value(&ev)) />
                            {move || err("price")().map(|e| view! { <small class="error">{e}</small> })}
                        </label>
                        <label class="field"><span>{t(OMsg::PriceFrom)}</span>
                            <input type="date" data-testid="product-from" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev)) />
                            {move || err("from")().map(|e| view! { <small class="error">{e}</small> })}
                        </label>
                    </div>
                    <div class="actions"><button type="submit" class="primary" data-testid="product-add">{t(OMsg::AddProduct)}</button></div>
                </form>
            </Show>
        </section>
    }
}
