use leptos::prelude::*;

use crate::ui::i18n::t;
use crate::ui::i18n::warehouse::WMsg;
use crate::ui::state::route::use_route;
use crate::ui::warehouse::ledger_tab::LedgerTab;
use crate::ui::warehouse::reports_tab::ReportsTab;
use crate::ui::warehouse::slip_form::SlipForm;
use crate::ui::warehouse::slip_print::SlipPrint;
use crate::ui::warehouse::slips_list::SlipsList;
use crate::ui::warehouse::stock_tab::StockTab;
use crate::ui::warehouse::stocktake_tab::StocktakeTab;
use crate::ui::warehouse::warehouse_ctx::provide_warehouse;

const TABS: [(&str, WMsg); 5] = [
    ("", WMsg::TabStock),
    ("slips", WMsg::TabSlips),
    ("ledger", WMsg::TabLedger),
    ("reports", WMsg::TabReports),
    ("stocktake", WMsg::TabStocktake),
];

/// The team warehouse (W1), one section at a time by tabs kept in the address
/// (`#/warehouse/ledger`); `#/warehouse/slip/<id>` is one slip's print view.
#[component]
pub fn WarehousePage() -> impl IntoView {
    let ctx = provide_warehouse();
    let route = use_route();
    let tab = move || route.arg().unwrap_or_default();
    view! {
        {move || ctx.error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        <Show when=move || tab() != "slip">
            <nav class="tabs no-print" data-testid="warehouse-tabs">
                {TABS.into_iter().map(|(slug, label)| {
                    let href = if slug.is_empty() { "#/warehouse".to_owned() } else { format!("#/warehouse/{slug}") };
                    let id = if slug.is_empty() { "stock" } else { slug };
                    view! { <a class="tab" href=href class:active=move || tab() == slug data-testid=format!("wh-tab-{id}")>{t(label)}</a> }
                }).collect_view()}
            </nav>
        </Show>
        {move || match tab().as_str() {
            "slips" => view! { <SlipForm /> <SlipsList /> }.into_any(),
            "ledger" => view! { <LedgerTab /> }.into_any(),
            "reports" => view! { <ReportsTab /> }.into_any(),
            "stocktake" => view! { <StocktakeTab /> }.into_any(),
            "slip" => view! { <SlipPrint id=route.part(1).unwrap_or_default() /> }.into_any(),
            _ => view! { <StockTab /> }.into_any(),
        }}
    }
}
