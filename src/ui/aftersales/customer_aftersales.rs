use leptos::prelude::*;

use super::competitor_form::CompetitorForm;
use super::competitor_list::CompetitorList;
use super::feedback_form::FeedbackForm;
use super::feedback_list::FeedbackList;
use super::repair_form::RepairForm;
use super::repair_list::RepairList;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::aftersales::FMsg;
use crate::ui::i18n::t;

/// The customer's service tab, after the service log: its repair and maintenance jobs,
/// the market feedback reported about it, and the competitor products seen there.
#[component]
pub fn CustomerAftersales(customer: String) -> impl IntoView {
    let customers = use_customers();
    let region =
        customers.data.with_untracked(|d| d.get(&customer).map(|c| c.rec.file.region.clone())).unwrap_or_default();
    let edit_job = RwSignal::new(None);
    let edit_sighting = RwSignal::new(None);
    view! {
        <section class="card" data-testid="repairs">
            <h2>{t(FMsg::RjTitle)}</h2>
            <p class="muted">{t(FMsg::RjHint)}</p>
            <RepairList customer=customer.clone() edit=edit_job />
            <RepairForm customer=customer.clone() edit=edit_job />
        </section>
        <section class="card" data-testid="feedback">
            <h2>{t(FMsg::FbTitle)}</h2>
            <p class="muted">{t(FMsg::FbHint)}</p>
            <FeedbackList customer=customer.clone() />
            <FeedbackForm customer=customer.clone() region=region.clone() />
        </section>
        <section class="card" data-testid="competitors">
            <h2>{t(FMsg::CsTitle)}</h2>
            <p class="muted">{t(FMsg::CsHint)}</p>
            <CompetitorList customer=customer.clone() edit=edit_sighting />
            <CompetitorForm customer=customer region edit=edit_sighting />
        </section>
    }
}
