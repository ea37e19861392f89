use leptos::prelude::*;

use crate::app::pool::can_manage_pool;
use crate::ui::i18n::pool::PMsg;
use crate::ui::i18n::territory::TerMsg;
use crate::ui::pool::for_marketing::ForMarketing;
use crate::ui::pool::handover_wizard::HandoverWizard;
use crate::ui::pool::lead_distribution::LeadDistribution;
use crate::ui::pool::my_notices::MyNotices;
use crate::ui::pool::pool_list::PoolList;
use crate::ui::pool::reassign_list::ReassignList;
use crate::ui::pool::review_queue::ReviewQueue;
use crate::ui::pool::territory_assign::TerritoryAssign;
use crate::ui::state::route::use_route;

const TABS: [(&str, Tab); 6] = [
    ("", Tab::Pool(PMsg::TabPool)),
    ("review", Tab::Pool(PMsg::TabReview)),
    ("reassign", Tab::Pool(PMsg::TabReassign)),
    ("distribute", Tab::Pool(PMsg::TabDistribute)),
    ("territory", Tab::Territory(TerMsg::TabTerritory)),
    ("handover", Tab::Pool(PMsg::TabHandover)),
];

/// A tab's label, from the pool's catalogue or the territory one.
#[derive(Clone, Copy)]
enum Tab {
    Pool(PMsg),
    Territory(TerMsg),
}

fn tab_label(tab: Tab) -> impl Fn() -> &'static str + Copy {
    let i18n = crate::ui::i18n::use_i18n();
    move || match tab {
        Tab::Pool(m) => m.text(i18n.lang()),
        Tab::Territory(m) => m.text(i18n.lang()),
    }
}

/// The pool (P5): ownerless customers any rep may claim, with the rep's own notices (P6,
/// P9). A manager also gets the review queue (C6), the reassign list (P8), lead
/// distribution (P7), with the files for marketing under the review queue and marketing's
/// leads assigned by territory (seed 002), and the handover wizard (H1, H2), one tab each.
#[component]
pub fn PoolPage() -> impl IntoView {
    let route = use_route();
    let cmds = crate::ui::state::command::Commands::new();
    let is_manager = move || cmds.can(can_manage_pool);
    let tab = move || route.arg().unwrap_or_default();
    view! {
        <MyNotices />
        <Show when=is_manager>
            <nav class="tabs" data-testid="pool-tabs">
                {TABS.into_iter().map(|(slug, label)| {
                    let href = if slug.is_empty() { "#/pool".to_owned() } else { format!("#/pool/{slug}") };
                    view! {
                        <a class="tab" href=href class:active=move || tab() == slug data-testid=format!("pool-tab-{}", if slug.is_empty() { "pool" } else { slug })>
                            {tab_label(label)}
                        </a>
                    }
                }).collect_view()}
            </nav>
        </Show>
        {move || match (is_manager(), tab().as_str()) {
            (true, "review") => view! { <ReviewQueue /><ForMarketing /> }.into_any(),
            (true, "territory") => view! { <TerritoryAssign /> }.into_any(),
            (true, "reassign") => view! { <ReassignList /> }.into_any(),
            (true, "distribute") => view! { <LeadDistribution /> }.into_any(),
            (true, "handover") => view! { <HandoverWizard /> }.into_any(),
            _ => view! { <PoolList /> }.into_any(),
        }}
    }
}
