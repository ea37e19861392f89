use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::activities::activity_sheet::{provide_activity_sheet, ActivitySheetView};
use crate::ui::customers::contacts_editor::ContactsEditor;
use crate::ui::customers::customer_file_card::CustomerFileCard;
use crate::ui::customers::customer_form::{draft_key, CustomerForm};
use crate::ui::customers::customer_glance::CustomerGlance;
use crate::ui::customers::customer_overview::CustomerOverview;
use crate::ui::customers::customer_tabs::{current_section, CustomerTabs};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::customers::CMsg;
use crate::ui::i18n::t;
use crate::ui::orders::payments_card::PaymentsCard;
use crate::ui::pool::ownership_card::OwnershipCard;
use crate::ui::state::platform::local_get;

/// One customer, as a rep in front of them wants it: the glance on top (owner and
/// countdown, tier, grade, next follow-up, what is owed, last activity, call/text/log),
/// then one section at a time, chosen by the tabs under it and kept in the route
/// (`#/customers/<id>/<section>`): overview, activities, file, orders and money, service,
/// key account, applications. Every section is built once and hidden while another is
/// shown, so a tab switch is instant and keeps whatever is typed in it. Logging an
/// activity is a sheet over the page. `id: None` is the new-customer form.
#[component]
pub fn CustomerPage(id: Option<String>) -> impl IntoView {
    let ctx = use_customers();
    crate::ui::activities::activity_feed::provide_activity_feed();
    let Some(id) = id else {
        return view! {
            <a class="back" href="#/customers" data-testid="back">{t(CMsg::BackToList)}</a>
            <CustomerForm id=None />
        }
        .into_any();
    };
    let sheet = provide_activity_sheet();
    let section = current_section();
    let file_draft = RwSignal::new(local_get(&draft_key(Some(&id))).is_some());
    // A tab chosen while scrolled down into a long section starts the new one at its top.
    Effect::new(move |prev: Option<&'static str>| {
        let now = section.get();
        if prev.is_some_and(|p| p != now) {
            keep_tabs_in_view();
        }
        now
    });
    let known = {
        let id = id.clone();
        move || ctx.data.with(|d| d.get(&id).is_some())
    };
    let cid = StoredValue::new(id);
    let id = move || cid.get_value();
    view! {
        <a class="back" href="#/customers" data-testid="back">{t(CMsg::BackToList)}</a>
        <Show when=known fallback=move || view! {
            <p class="card muted" data-testid="customer-missing">
                {move || if ctx.loaded.get() { t(CMsg::NotFound)() } else { t(crate::ui::i18n::Msg::Loading)() }}
            </p>
        }>
            <CustomerGlance id=id() />
            <CustomerTabs id=id() current=section draft=file_draft />
            <SectionPanel section="overview" current=section>
                <crate::ui::customers::problem_mark::ProblemMark id=id() />
                <CustomerOverview id=id() />
                <OwnershipCard id=id() />
            </SectionPanel>
            <SectionPanel section="activities" current=section>
                <crate::ui::activities::activity_card::ActivityCard customer=id() />
                <crate::ui::activities::projects_card::ProjectsCard customer=Some(id()) />
            </SectionPanel>
            <SectionPanel section="file" current=section>
                <CustomerFileCard id=id() dirty=file_draft />
                <ContactsEditor customer=id() />
                <crate::ui::customers::photos_card::PhotosCard customer=id() />
            </SectionPanel>
            <SectionPanel section="money" current=section>
                <crate::ui::orders::orders_card::OrdersCard customer=id() />
                <PaymentsCard id=id() />
                <crate::ui::orders::receivables_card::ReceivablesCard id=id() />
            </SectionPanel>
            <SectionPanel section="service" current=section>
                <crate::ui::service::service_card::ServiceCard customer=id() />
                <crate::ui::aftersales::customer_aftersales::CustomerAftersales customer=id() />
            </SectionPanel>
            <SectionPanel section="key-account" current=section>
                <crate::ui::key_accounts::key_account_card::KeyAccountCard customer=id() />
            </SectionPanel>
            <SectionPanel section="applications" current=section>
                <crate::ui::service::applications_card::ApplicationsCard customer=id() />
            </SectionPanel>
            <ActivitySheetView customer=id() sheet />
        </Show>
    }
    .into_any()
}

/// One section of the customer page, shown while its tab is chosen.
#[component]
fn SectionPanel(section: &'static str, current: Memo<&'static str>, children: Children) -> impl IntoView {
    view! {
        <div class="section" role="tabpanel" id=format!("panel-{section}") aria-labelledby=format!("tab-{section}")
            data-section=section data-testid=format!("panel-{section}") hidden=move || current.get() != section>
            {children()}
        </div>
    }
}

/// If the page is scrolled past the tabs (they stick under the top bar), scrolls back so
/// the section just chosen starts right under them: where the tabs sit unstuck, one
/// page gap below the glance.
fn keep_tabs_in_view() {
    const GAP: i32 = 16;
    let Some(w) = web_sys::window() else { return };
    let Some(doc) = w.document() else { return };
    let html = |sel: &str| doc.query_selector(sel).ok().flatten()?.dyn_into::<web_sys::HtmlElement>().ok();
    let Some(glance) = html("[data-testid=\"customer-glance\"]") else { return };
    let bar = html(".top-bar").map_or(0, |e| e.offset_height());
    // Page coordinates: nothing between the glance and the page is positioned.
    let tabs_top = f64::from(glance.offset_top() + glance.offset_height() + GAP - bar);
    if w.scroll_y().unwrap_or(0.0) > tabs_top {
        w.scroll_to_with_x_and_y(0.0, tabs_top);
    }
}
