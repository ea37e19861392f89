//! One file per page; [`page_view`] maps a route to its page.

pub mod activities_page;
pub mod customer_page;
pub mod customers_page;
pub mod finance_page;
pub mod events_page;
pub mod import_page;
pub mod join_page;
pub mod pool_page;
pub mod reports_page;
pub mod settings_page;
pub mod today_page;

use leptos::prelude::*;

use super::route::Page;
use customers_page::CustomersPage;
use events_page::EventsPage;
use join_page::JoinPage;
use pool_page::PoolPage;
use settings_page::SettingsPage;
use today_page::TodayPage;

pub fn page_view(page: Page) -> AnyView {
    match page {
        Page::Today => view! { <TodayPage /> }.into_any(),
        Page::Settings => view! { <SettingsPage /> }.into_any(),
        Page::Customers => view! { <CustomersPage /> }.into_any(),
        Page::Join => view! { <JoinPage /> }.into_any(),
        Page::Pool => view! { <PoolPage /> }.into_any(),
        Page::Activities => view! { <activities_page::ActivitiesPage /> }.into_any(),
        Page::Finance => view! { <finance_page::FinancePage /> }.into_any(),
        Page::Events => view! { <EventsPage /> }.into_any(),
        Page::Reports => view! { <reports_page::ReportsPage /> }.into_any(),
    }
}
