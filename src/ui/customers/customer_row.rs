use leptos::prelude::*;

use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::customers::{grade_label, tier_label, CMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::pool::owner_badge::OwnerBadge;

/// One line of the customer list: name, tier and grade; contact, phone and owner with
/// the countdown back to the pool (P1, P3). The whole row opens the customer.
#[component]
pub fn CustomerRow(pos: usize) -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    let Some(c) = ctx.data.with_untracked(|d| d.customers.get(pos).cloned()) else {
        return ().into_any();
    };
    let href = format!("#/customers/{}", c.rec.id);
    let tier = c.tier.tier;
    let grade = c.rec.file.grade.clone();
    let credit = c.tier.credit_flag;
    let problem = c.rec.file.problem;
    let sub = [c.contact_name().unwrap_or_default().to_owned(), c.phone().unwrap_or_default().to_owned()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let name = c.rec.file.name.clone();
    view! {
        <a class="customer-row" href=href data-testid="customer-row" data-id=c.rec.id.clone()>
            <span class="row-main">
                <strong class="row-name" data-testid="customer-row-name">{name}</strong>
                <span class="badge tier" data-tier=format!("{tier:?}")>{move || tier_label(i18n.lang(), tier)}</span>
                {grade.map(|g| view! { <span class="badge grade">{move || grade_label(i18n.lang(), &g)}</span> })}
                {credit.then(|| view! { <span class="badge danger" data-testid="credit-flag">"!"</span> })}
                {problem.then(|| view! { <span class="badge danger" data-testid="problem-flag">{t(CMsg::ProblemCustomer)}</span> })}
            </span>
            <span class="row-sub muted">
                <span class="row-contact">{sub}</span>
                <OwnerBadge own=c.own.clone() now_ms=ctx.data.with_untracked(|d| d.now_ms) />
            </span>
        </a>
    }
    .into_any()
}
