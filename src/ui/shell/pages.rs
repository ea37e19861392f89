//! [`page_view`] maps a route to its page, each page under an owner of its own.

use leptos::prelude::*;

use crate::ui::activities::activities_page::ActivitiesPage;
use crate::ui::aftersales::aftersales_page::AftersalesPage;
use crate::ui::customers::customers_page::CustomersPage;
use crate::ui::events::events_page::EventsPage;
use crate::ui::incentives::incentives_page::IncentivesPage;
use crate::ui::orders::finance_page::FinancePage;
use crate::ui::pool::pool_page::PoolPage;
use crate::ui::reports::reports_page::ReportsPage;
use crate::ui::settings::join_page::JoinPage;
use crate::ui::settings::settings_page::SettingsPage;
use crate::ui::state::route::Page;
use crate::ui::state::scope::scoped;
use crate::ui::today::today_page::TodayPage;
use crate::ui::warehouse::warehouse_page::WarehousePage;

/// The page for a route, under an owner of its own ([`scoped`]): what a page provides
/// is disposed with it when the route changes.
pub fn page_view(page: Page) -> AnyView {
    scoped(|| match page {
        Page::Today => view! { <TodayPage /> }.into_any(),
        Page::Settings => view! { <SettingsPage /> }.into_any(),
        Page::Customers => view! { <CustomersPage /> }.into_any(),
        Page::Join => view! { <JoinPage /> }.into_any(),
        Page::Pool => view! { <PoolPage /> }.into_any(),
        Page::Activities => view! { <ActivitiesPage /> }.into_any(),
        Page::Finance => view! { <FinancePage /> }.into_any(),
        Page::Events => view! { <EventsPage /> }.into_any(),
        Page::Reports => view! { <ReportsPage /> }.into_any(),
        Page::Incentives => view! { <IncentivesPage /> }.into_any(),
        Page::Warehouse => view! { <WarehousePage /> }.into_any(),
        Page::Aftersales => view! { <AftersalesPage /> }.into_any(),
    })
}
