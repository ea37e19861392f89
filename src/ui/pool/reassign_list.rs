use leptos::prelude::*;

use crate::app::pool::assign_customer;
use crate::domain::pool::AssignReason;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::customers::date_text;
use crate::ui::i18n::pool::PMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;

/// P8: customers assigned to a rep who has not contacted them within a week; the
/// manager picks another rep on the row and reassigns.
#[component]
pub fn ReassignList() -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let rows = Memo::new(move |_| {
        ctx.data.with(|d| {
            d.customers
                .iter()
                .filter(|c| c.own.is_reassign_due(d.now_ms))
                .map(|c| {
                    let owner = c.own.owner.clone().unwrap_or_default();
                    (
                        c.rec.id.clone(),
                        c.rec.file.name.clone(),
                        owner.clone(),
                        d.name_of(&owner),
                        c.own.reassign_due.unwrap_or(0),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let reps = move || ctx.rep_choices();
    view! {
        <section class="card" data-testid="reassign-list">
            <h2>{t(PMsg::ReassignTitle)}</h2>
            <p class="muted">{t(PMsg::ReassignHint)}</p>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="muted" data-testid="reassign-empty">{t(PMsg::NothingToReassign)}</p>
            </Show>
            <ul class="plain-list">
                {move || rows.get().into_iter().map(|(id, name, owner, owner_name, due)| {
                    let to = RwSignal::new(String::new());
                    let reassign = move |_| {
                        let rep = to.get_untracked();
                        if !rep.is_empty() {
                            let c = id.clone();
                            cmds.run(move |db, a| async move { assign_customer(db.store(), &a, &c, &rep, AssignReason::Assigned, "").await }, |_| {});
                        }
                    };
                    view! {
                        <li class="queue-row" data-testid="reassign-row">
                            <strong>{name}</strong>
                            <span class="muted">{owner_name}" · "{t(PMsg::DueSince)}" "{move || date_text(i18n.lang(), due)}</span>
                            <select data-testid="reassign-to" on:change=move |ev| to.set(event_target_value(&ev))>
                                <option value="">"—"</option>
                                {reps().into_iter().filter(|(p, _)| *p != owner).map(|(p, n)| view! { <option value=p>{n}</option> }).collect_view()}
                            </select>
                            <button type="button" class="primary" data-testid="reassign-apply" on:click=reassign>{t(PMsg::Reassign)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
