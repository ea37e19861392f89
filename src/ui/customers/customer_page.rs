use leptos::prelude::*;

use crate::ui::customers::contacts_editor::ContactsEditor;
use crate::ui::customers::customer_form::CustomerForm;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::customers::{tier_label, CMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::orders::payments_card::PaymentsCard;
use crate::ui::pool::ownership_card::OwnershipCard;

/// One customer: ownership and its actions first (what a rep checks at the door), then
/// the file, contacts and payments. `id: None` is the new-customer form.
#[component]
pub fn CustomerPage(id: Option<String>) -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    crate::ui::activities::activity_feed::provide_activity_feed();
    let Some(id) = id else {
        return view! {
            <a class="back" href="#/customers" data-testid="back">{t(CMsg::BackToList)}</a>
            <CustomerForm id=None />
        }
        .into_any();
    };
    let known = {
        let id = id.clone();
        move || ctx.data.with(|d| d.get(&id).is_some())
    };
    let header = {
        let id = id.clone();
        move || ctx.data.with(|d| d.get(&id).map(|c| (c.rec.file.name.clone(), c.tier.tier, c.tier.credit_flag)))
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
            {
                let header = header.clone();
                move || header().map(|(name, tier, credit)| view! {
                    <header class="customer-head">
                        <h2 data-testid="customer-title">{name}</h2>
                        <span class="badge tier" data-testid="customer-tier" data-tier=format!("{tier:?}")>{move || tier_label(i18n.lang(), tier)}</span>
                        {credit.then(|| view! { <span class="badge danger" data-testid="customer-credit-flag">{t(CMsg::CreditFlag)}</span> })}
                    </header>
                })
            }
            <OwnershipCard id=id_own.clone() />
            <crate::ui::activities::activity_card::ActivityCard customer=id.clone() />
            <crate::ui::activities::projects_card::ProjectsCard customer=Some(id.clone()) />
            <CustomerForm id=Some(id_form.clone()) />
            <ContactsEditor customer=id_contacts.clone() />
            <crate::ui::customers::photos_card::PhotosCard customer=id.clone() />
            <crate::ui::orders::orders_card::OrdersCard customer=id.clone() />
            <PaymentsCard id=id.clone() />
            <crate::ui::orders::receivables_card::ReceivablesCard id=id.clone() />
            <crate::ui::service::service_card::ServiceCard customer=id.clone() />
            <crate::ui::key_accounts::key_account_card::KeyAccountCard customer=id.clone() />
            <crate::ui::service::applications_card::ApplicationsCard customer=id.clone() />
        </Show>
    }
    .into_any()
}
