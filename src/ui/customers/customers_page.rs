use leptos::prelude::*;

use crate::domain::customer_list::select;
use crate::ui::customers::customer_filters::{CustomerFilters, SortSelect};
use crate::ui::customers::customer_page::CustomerPage;
use crate::ui::customers::customer_row::CustomerRow;
use crate::ui::customers::customers_ctx::{search_positions, use_customers};
use crate::ui::customers::import_page::ImportPage;
use crate::ui::i18n::customers::{shown_count, CMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::route::use_route;
use crate::ui::state::scope::scoped;
use crate::ui::widgets::virtual_list::VirtualList;

/// Height of one list row in CSS pixels (two lines, a 48 px touch target and padding).
pub const ROW_HEIGHT: f64 = 76.0;

/// `#/customers` lists; `#/customers/new`, `#/customers/import` and `#/customers/<id>`
/// open a form.
#[component]
pub fn CustomersPage() -> impl IntoView {
    let route = use_route();
    // The customer, not the tab after it (`#/customers/<id>/money`): switching tabs keeps
    // the customer page and what is typed in it.
    let arg = Memo::new(move |_| route.arg());
    move || {
        let arg = arg.get();
        scoped(move || match arg.as_deref() {
            None => view! { <CustomerListPage /> }.into_any(),
            Some("import") => view! { <ImportPage /> }.into_any(),
            Some(id) => {
                let id = (id != "new").then(|| id.to_owned());
                view! { <CustomerPage id /> }.into_any()
            }
        })
    }
}

/// Search as you type, filters, sort and a virtualised list (50k customers on a tablet).
#[component]
fn CustomerListPage() -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    let shown = Memo::new(move |_| {
        let data = ctx.data.get();
        let q = ctx.query.get();
        let hits: Option<Vec<usize>> =
            (!q.trim().is_empty()).then(|| ctx.index.with(|index| search_positions(&data, index, &q)));
        select(&data.customers, hits.as_deref(), &ctx.filter.get(), ctx.sort.get(), data.now_ms)
    });
    let count = Signal::derive(move || shown.with(Vec::len));
    let row = move |i: usize| {
        let pos = shown.with_untracked(|v| v.get(i).copied());
        pos.map(|p| view! { <CustomerRow pos=p /> })
    };
    let export = crate::ui::customers::customer_export::export_handler(shown);
    view! {
        <section class="list-tools" data-testid="customer-tools">
            <input type="search" class="search" data-testid="customer-search" autocomplete="off"
                placeholder=move || t(CMsg::SearchHint)()
                aria-label=move || t(CMsg::SearchHint)()
                prop:value=move || ctx.query.get()
                on:input=move |ev| ctx.query.set(event_target_value(&ev)) />
            <SortSelect />
            <a class="button primary" href="#/customers/new" data-testid="customer-new">{t(CMsg::NewCustomer)}</a>
            <a class="button" href="#/customers/import" data-testid="customer-import">{t(CMsg::Import)}</a>
            <button type="button" data-testid="export-csv" on:click={let e = export.clone(); move |_| e(false)}>{t(CMsg::ExportCsv)}</button>
            <button type="button" data-testid="export-xlsx" on:click=move |_| export(true)>{t(CMsg::ExportXlsx)}</button>
        </section>
        <CustomerFilters />
        <p class="muted count" data-testid="customer-count" data-count=move || count.get().to_string()
            data-read=move || ctx.read.get().map(|r| r.as_str())>
            {move || shown_count(i18n.lang(), count.get(), ctx.data.with(|d| d.customers.len()))}
        </p>
        <Show when=move || !ctx.loaded.get()>
            <p class="card muted" role="status" data-testid="customers-loading">{t(CMsg::ListLoading)}</p>
        </Show>
        <Show when=move || ctx.loaded.get() && ctx.data.with(|d| d.customers.is_empty())>
            <p class="card muted" data-testid="customers-empty">{t(CMsg::Empty)}</p>
        </Show>
        <Show when=move || ctx.error.get().is_some()>
            <p class="error" role="alert">{move || ctx.error.get()}</p>
        </Show>
        <VirtualList count row_height=ROW_HEIGHT row track=move || { shown.track(); ctx.data.track(); } test_id="customer-list" />
    }
}
