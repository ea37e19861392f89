use leptos::prelude::*;

use crate::ui::activities::activity_sheet::{provide_activity_sheet, ActivitySheetView};
use crate::ui::customers::contacts_editor::ContactsEditor;
use crate::ui::customers::customer_file_card::CustomerFileCard;
use crate::ui::customers::customer_form::{draft_key, CustomerForm};
use crate::ui::customers::customer_glance::CustomerGlance;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::customers::CMsg;
use crate::ui::i18n::t;
use crate::ui::orders::payments_card::PaymentsCard;
use crate::ui::pool::ownership_card::OwnershipCard;
use crate::ui::state::platform::local_get;

/// One customer: what a rep needs at the door at a glance (owner and countdown, tier,
/// grade, next follow-up, what is owed, last activity, call/text/log) with a menu to the
/// sections — ownership, activities, file, orders and money, service, key account,
/// applications; logging an activity is a sheet over the page. `id: None` is the
/// new-customer form.
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
    let file_draft = RwSignal::new(local_get(&draft_key(Some(&id))).is_some());
    let known = {
        let id = id.clone();
        move || ctx.data.with(|d| d.get(&id).is_some())
    };
    let id_form = id.clone();
    let id_contacts = id.clone();
    let id_own = id.clone();
    view! {
        <a class="back" href="#/customers" data-testid="back">{t(CMsg::BackToList)}</a>
        <Show when=known fallback=move || view! {
            <p class="card muted" data-testid="customer-missing">
                {move || if ctx.loaded.get() { t(CMsg::NotFound)() } else { t(crate::ui::i18n::Msg::Loading)() }}
            </p>
        }>
            <CustomerGlance id=id.clone() />
            <div class="section" data-section="overview">
                <crate::ui::customers::problem_mark::ProblemMark id=id.clone() />
                <OwnershipCard id=id_own.clone() />
            </div>
            <div class="section" data-section="activities">
                <crate::ui::activities::activity_card::ActivityCard customer=id.clone() />
                <crate::ui::activities::projects_card::ProjectsCard customer=Some(id.clone()) />
            </div>
            <div class="section" data-section="file">
                <CustomerFileCard id=id_form.clone() dirty=file_draft />
                <ContactsEditor customer=id_contacts.clone() />
                <crate::ui::customers::photos_card::PhotosCard customer=id.clone() />
            </div>
            <div class="section" data-section="money">
                <crate::ui::orders::orders_card::OrdersCard customer=id.clone() />
                <PaymentsCard id=id.clone() />
                <crate::ui::orders::receivables_card::ReceivablesCard id=id.clone() />
            </div>
            <div class="section" data-section="service"><crate::ui::service::service_card::ServiceCard customer=id.clone() /></div>
            <div class="section" data-section="key-account"><crate::ui::key_accounts::key_account_card::KeyAccountCard customer=id.clone() /></div>
            <div class="section" data-section="applications"><crate::ui::service::applications_card::ApplicationsCard customer=id.clone() /></div>
            <ActivitySheetView customer=id.clone() sheet />
        </Show>
    }
    .into_any()
}
