use leptos::prelude::*;

use crate::app::pool::review_customer;
use crate::domain::review::{review_queue, NewEntry};
use crate::storage::settings::load_calendar;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::customers::date_text;
use crate::ui::i18n::pool::{waiting_text, PMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::session::use_db;

/// C6: new customers waiting for a manager's review, those past 2 working days first,
/// with entries typed in late (more than 2 working days after collection) marked.
#[component]
pub fn ReviewQueue() -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    let db = use_db();
    let cal = LocalResource::new(move || {
        let db = db.clone();
        async move { load_calendar(db.store()).await.unwrap_or_default() }
    });
    let cmds = Commands::new();
    let queue = Memo::new(move |_| {
        let Some(cal) = cal.get() else {
            return Vec::new();
        };
        ctx.data.with(|d| {
            let items: Vec<NewEntry> = d
                .customers
                .iter()
                .map(|c| NewEntry {
                    id: c.rec.id.clone(),
                    created_ms: c.rec.created_ms,
                    collected_on: c.rec.file.collected_on,
                    reviewed: c.reviewed,
                })
                .collect();
            review_queue(&items, &cal, d.now_ms)
                .into_iter()
                .filter_map(|r| {
                    let c = d.get(&r.id)?;
                    Some((r, c.rec.file.name.clone(), d.name_of(&c.rec.created_by), c.rec.created_ms))
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card" data-testid="review-queue">
            <h2>{t(PMsg::ReviewTitle)}</h2>
            <p class="muted">{t(PMsg::ReviewHint)}</p>
            <Show when=move || queue.with(Vec::is_empty)>
                <p class="muted" data-testid="review-empty">{t(PMsg::NothingToReview)}</p>
            </Show>
            <ul class="plain-list">
                {move || queue.get().into_iter().map(|(r, name, by, at)| {
                    let id = r.id.clone();
                    view! {
                        <li class="queue-row" data-testid="review-row" data-overdue=r.overdue.to_string()>
                            <a href=format!("#/customers/{}", r.id)><strong>{name}</strong></a>
                            <span class="muted">{by}" · "{move || date_text(i18n.lang(), at)}" · "{move || waiting_text(i18n.lang(), r.waiting_working_days)}</span>
                            {r.overdue.then(|| view! { <span class="badge danger">{t(PMsg::Overdue)}</span> })}
                            {r.entered_late.then(|| view! { <span class="badge warn">{t(PMsg::EnteredLate)}</span> })}
                            <button type="button" class="primary" data-testid="review-ok"
                                on:click=move |_| { let c = id.clone(); cmds.run(move |db, a| async move { review_customer(db.store(), &a, &c).await }, |_| {}) }>{t(PMsg::Reviewed)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
