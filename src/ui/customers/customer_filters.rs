use leptos::prelude::*;

use std::sync::Arc;

use crate::domain::customer_list::{Filter, OwnerFilter, Sort};
use crate::domain::tier::Tier;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::customers::{grade_label, list_label, sort_label, tier_label, CMsg};
use crate::ui::i18n::territory::TerMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::session::use_session;

/// Days ahead for the "returns to the pool soon" filter.
pub const SOON_DAYS: i64 = 7;

const TIERS: [Tier; 5] = [Tier::Vip, Tier::SpecialVip, Tier::A, Tier::B, Tier::C];

fn owner_code(o: &OwnerFilter) -> String {
    match o {
        OwnerFilter::Everyone => String::new(),
        OwnerFilter::Pool => "pool".into(),
        OwnerFilter::Person(p) => format!("p:{p}"),
    }
}

fn owner_from(code: &str) -> OwnerFilter {
    match code {
        "" => OwnerFilter::Everyone,
        "pool" => OwnerFilter::Pool,
        c => OwnerFilter::Person(c.trim_start_matches("p:").to_owned()),
    }
}

/// K1–K3: while the key-account filter is on, its set is read from the key-account
/// records (derived, as on the customer page) and read again after every change or pull;
/// mounted only while the filter is on, so nothing is read otherwise.
#[component]
fn KeyAccountsFeed(f: RwSignal<Filter>) -> impl IntoView {
    let ka = crate::ui::key_accounts::key_account_card::key_accounts_signal();
    Effect::new(move |_| {
        let ids = Arc::new(ka.with(|d| d.key_account_ids()));
        f.try_update(|f| {
            if f.key_accounts.is_some() {
                f.key_accounts = Some(ids);
            }
        });
    });
}

/// The sort, always in view beside the search box.
#[component]
pub fn SortSelect() -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    view! {
        <label class="sort">
            <span class="visually-hidden">{t(CMsg::SortBy)}</span>
            <select data-testid="sort" aria-label=move || t(CMsg::SortBy)() on:change=move |ev| ctx.sort.set(Sort::from_code(&event_target_value(&ev)))>
                {Sort::ALL.into_iter().map(|s| view! { <option value=s.code() selected=move || ctx.sort.get() == s>{move || sort_label(i18n.lang(), s)}</option> }).collect_view()}
            </select>
        </label>
    }
}

/// Filters by owner, pool, tier, grade, segment, source, region and "returns to the pool
/// within 7 days", problem customers only (P5), key accounts only (K1–K3), and the sort. Every control is a native select: big, touch friendly.
#[component]
pub fn CustomerFilters() -> impl IntoView {
    let ctx = use_customers();
    let session = use_session();
    let i18n = use_i18n();
    let f = ctx.filter;
    let people = move || ctx.data.with(|d| d.people.iter().map(|p| (p.id.clone(), p.name.clone())).collect::<Vec<_>>());
    let me = move || session.current.get().unwrap_or_default();
    let count = |f: &Filter| {
        [
            f.owner != OwnerFilter::Everyone,
            f.tier.is_some(),
            !f.grade.is_empty(),
            !f.segment.is_empty(),
            !f.source.is_empty(),
            !f.region.is_empty(),
            f.returns_within_days.is_some(),
            f.problem_only,
            f.key_accounts.is_some(),
        ]
        .into_iter()
        .filter(|b| *b)
        .count()
    };
    let active = move || f.with(count);
    // Coming back to the list with filters set shows them.
    let initially_open = f.with_untracked(count) > 0;
    view! {
        <details class="filters-box" open=initially_open>
        <summary data-testid="filters-toggle">{t(CMsg::Filters)}{move || match active() { 0 => String::new(), n => format!(" ({n})") }}</summary>
        <section class="filters" data-testid="customer-filters">
            <label class="field compact"><span>{t(CMsg::FilterOwner)}</span>
                <select data-testid="filter-owner"
                    prop:value=move || owner_code(&f.with(|f| f.owner.clone()))
                    on:change=move |ev| f.update(|f| f.owner = owner_from(&event_target_value(&ev)))>
                    <option value="">{t(CMsg::Everyone)}</option>
                    <option value=move || format!("p:{}", me())>{t(CMsg::Mine)}</option>
                    <option value="pool">{t(CMsg::InPool)}</option>
                    {move || people().into_iter().map(|(id, name)| view! { <option value=format!("p:{id}")>{name}</option> }).collect_view()}
                </select>
            </label>
            <label class="field compact"><span>{t(CMsg::FieldTier)}</span>
                <select data-testid="filter-tier"
                    on:change=move |ev| { let v = event_target_value(&ev); f.update(|f| f.tier = TIERS.into_iter().find(|t| format!("{t:?}") == v)) }>
                    <option value="">{t(CMsg::Any)}</option>
                    {TIERS.into_iter().map(|tr| view! { <option value=format!("{tr:?}")>{move || tier_label(i18n.lang(), tr)}</option> }).collect_view()}
                </select>
            </label>
            <label class="field compact"><span>{t(CMsg::FieldGrade)}</span>
                <select data-testid="filter-grade" on:change=move |ev| f.update(|f| f.grade = event_target_value(&ev))>
                    <option value="">{t(CMsg::Any)}</option>
                    {["a", "b", "c"].into_iter().map(|g| view! { <option value=g>{move || grade_label(i18n.lang(), g)}</option> }).collect_view()}
                </select>
            </label>
            <label class="field compact"><span>{t(CMsg::FieldSegment)}</span>
                <select data-testid="filter-segment" on:change=move |ev| f.update(|f| f.segment = event_target_value(&ev))>
                    <option value="">{t(CMsg::Any)}</option>
                    {move || ctx.lists.get().segments.into_iter().map(|s| { let l = s.clone(); view! { <option value=s>{move || list_label(i18n.lang(), &l)}</option> } }).collect_view()}
                </select>
            </label>
            <label class="field compact"><span>{t(CMsg::FieldSource)}</span>
                <select data-testid="filter-source" on:change=move |ev| f.update(|f| f.source = event_target_value(&ev))>
                    <option value="">{t(CMsg::Any)}</option>
                    {move || ctx.lists.get().sources.into_iter().map(|s| { let l = s.clone(); view! { <option value=s>{move || list_label(i18n.lang(), &l)}</option> } }).collect_view()}
                </select>
            </label>
            <label class="field compact"><span>{t(CMsg::FieldRegion)}</span>
                <input type="text" data-testid="filter-region" prop:value=move || f.with(|f| f.region.clone())
                    on:input=move |ev| f.update(|f| f.region = event_target_value(&ev)) />
            </label>
            <label class="check">
                <input type="checkbox" data-testid="filter-soon"
                    prop:checked=move || f.with(|f| f.returns_within_days.is_some())
                    on:change=move |ev| { let on = event_target_checked(&ev); f.update(|f| f.returns_within_days = on.then_some(SOON_DAYS)) } />
                <span>{t(CMsg::FilterSoon)}</span>
            </label>
            <label class="check">
                <input type="checkbox" data-testid="filter-problem"
                    prop:checked=move || f.with(|f| f.problem_only)
                    on:change=move |ev| { let on = event_target_checked(&ev); f.update(|f| f.problem_only = on) } />
                <span>{t(CMsg::FilterProblem)}</span>
            </label>
            <label class="check">
                <input type="checkbox" data-testid="filter-key-accounts"
                    prop:checked=move || f.with(|f| f.key_accounts.is_some())
                    on:change=move |ev| { let on = event_target_checked(&ev); f.update(|f| f.key_accounts = on.then(Default::default)) } />
                <span>{t(TerMsg::KeyAccountsOnly)}</span>
            </label>
            <Show when=move || f.with(|f| f.key_accounts.is_some())><KeyAccountsFeed f /></Show>
            <button type="button" data-testid="filters-clear" on:click=move |_| f.set(Default::default())>{t(CMsg::ClearFilters)}</button>
        </section>
        </details>
    }
}
