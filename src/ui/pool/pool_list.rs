use leptos::prelude::*;

use crate::app::pool::{can_claim, claim_customer};
use crate::domain::customer_list::{select, Filter, OwnerFilter, Sort};
use crate::ui::customers::customers_ctx::{search_positions, use_customers};
use crate::ui::i18n::customers::{date_text, list_label, shown_count, CMsg};
use crate::ui::i18n::pool::PMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::widgets::virtual_list::VirtualList;

const ROW: f64 = 76.0;

/// Every ownerless customer (P5), searchable, with a claim button on each row for reps.
/// Two reps claiming offline both see "claimed" at first; after sync the earliest claim
/// holds everywhere and the other rep gets the P6 notice.
#[component]
pub fn PoolList() -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    let query = RwSignal::new(String::new());
    let shown = Memo::new(move |_| {
        let data = ctx.data.get();
        let q = query.get();
        let hits: Option<Vec<usize>> =
            (!q.trim().is_empty()).then(|| ctx.index.with(|index| search_positions(&data, index, &q)));
        let f = Filter { owner: OwnerFilter::Pool, ..Default::default() };
        select(&data.customers, hits.as_deref(), &f, Sort::Name, data.now_ms)
    });
    let cmds = Commands::new();
    let is_rep = move || cmds.can(can_claim);
    let row = move |i: usize| {
        let pos = shown.with_untracked(|v| v.get(i).copied())?;
        let c = ctx.data.with_untracked(|d| d.customers.get(pos).cloned())?;
        let id = c.rec.id.clone();
        let claim = move |_| {
            let c = id.clone();
            cmds.run(move |db, a| async move { claim_customer(db.store(), &a, &c).await }, |_| {});
        };
        let back = c.own.last_expiry.as_ref().map(|e| e.at_ms);
        // P9: held out of the pool until the release note is in.
        let held = c.own.held_for_note;
        let seg = c.rec.file.segment.clone();
        let src = c.rec.file.source.clone();
        Some(view! {
            <div class="pool-row" data-testid="pool-row" data-id=c.rec.id.clone()>
                <a class="row-main" href=format!("#/customers/{}", c.rec.id)>
                    <strong>{c.rec.file.name.clone()}</strong>
                    <span class="muted">{c.phone().unwrap_or_default().to_owned()}" "{c.rec.file.region.clone()}</span>
                    <span class="muted">
                        {(!seg.is_empty()).then(|| { let s = seg.clone(); move || list_label(i18n.lang(), &s) })}
                        " "{(!src.is_empty()).then(|| { let s = src.clone(); move || list_label(i18n.lang(), &s) })}
                        {back.map(|b| view! { " · "{t(PMsg::BackSince)}" "{move || date_text(i18n.lang(), b)} })}
                    </span>
                </a>
                {if held {
                    view! { <span class="muted small" data-testid="pool-held">{t(PMsg::HeldForNote)}</span> }.into_any()
                } else {
                    view! {
                        <Show when=is_rep>
                            <button type="button" class="primary" data-testid="pool-claim" on:click=claim.clone()>{t(CMsg::Claim)}</button>
                        </Show>
                    }.into_any()
                }}
            </div>
        })
    };
    view! {
        <section class="list-tools">
            <input type="search" class="search" data-testid="pool-search" placeholder=move || t(CMsg::SearchHint)()
                aria-label=move || t(CMsg::SearchHint)()
                prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
        </section>
        <p class="muted count" data-testid="pool-count" data-count=move || shown.with(Vec::len).to_string()>
            {move || shown_count(i18n.lang(), shown.with(Vec::len), shown.with(Vec::len))}
        </p>
        <Show when=move || ctx.loaded.get() && shown.with(Vec::is_empty)>
            <p class="card muted" data-testid="pool-empty">{t(CMsg::PoolEmpty)}</p>
        </Show>
        <VirtualList count=Signal::derive(move || shown.with(Vec::len)) row_height=ROW row track=move || { shown.track(); ctx.data.track(); } test_id="pool-list" />
    }
}
