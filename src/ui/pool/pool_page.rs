use leptos::prelude::*;

use crate::app::pool::can_manage_pool;
use crate::ui::i18n::pool::PMsg;
use crate::ui::i18n::t;
use crate::ui::pool::handover_wizard::HandoverWizard;
use crate::ui::pool::lead_distribution::LeadDistribution;
use crate::ui::pool::my_notices::MyNotices;
use crate::ui::pool::pool_list::PoolList;
use crate::ui::pool::reassign_list::ReassignList;
use crate::ui::pool::review_queue::ReviewQueue;
use crate::ui::state::route::use_route;

const TABS: [(&str, PMsg); 5] = [
    ("", PMsg::TabPool),
    ("review", PMsg::TabReview),
    ("reassign", PMsg::TabReassign),
    ("distribute", PMsg::TabDistribute),
    ("handover", PMsg::TabHandover),
];

/// The pool (P5): ownerless customers any rep may claim, with the rep's own notices (P6,
/// P9). A manager also gets the review queue (C6), the reassign list (P8), lead
/// distribution (P7) and the handover wizard (H1, H2), one tab each.
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
                            {t(label)}
                        </a>
                    }
                }).collect_view()}
            </nav>
        </Show>
        {move || match (is_manager(), tab().as_str()) {
            (true, "review") => view! { <ReviewQueue /> }.into_any(),
            (true, "reassign") => view! { <ReassignList /> }.into_any(),
            (true, "distribute") => view! { <LeadDistribution /> }.into_any(),
            (true, "handover") => view! { <HandoverWizard /> }.into_any(),
            _ => view! { <PoolList /> }.into_any(),
        }}
    }
}
