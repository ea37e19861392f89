use leptos::prelude::*;

use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::customers::lost_claim_text;
use crate::ui::i18n::pool::PMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::session::use_session;

/// What the current rep must act on: claims that lost to an earlier one (P6) and
/// customers that expired from them and need a release note, or whose note a manager
/// sent back for more detail (P9). On Today and on the pool page.
#[component]
pub fn MyNotices() -> impl IntoView {
    let ctx = use_customers();
    let session = use_session();
    let i18n = use_i18n();
    let items = Memo::new(move |_| {
        let me = session.current.get().unwrap_or_default();
        ctx.data.with(|d| {
            let mut lost = Vec::new();
            let mut notes = Vec::new();
            for c in &d.customers {
                for l in c.own.lost_claims.iter().filter(|l| l.rep == me) {
                    lost.push((
                        c.rec.id.clone(),
                        c.rec.file.name.clone(),
                        d.name_of(&l.holder),
                        l.holder_since_ms,
                        l.at_ms,
                    ));
                }
                if c.own.needs_release_note.as_deref() == Some(me.as_str()) {
                    let ask = c.own.returned_note.as_ref().map(|r| r.comment.clone());
                    notes.push((c.rec.id.clone(), c.rec.file.name.clone(), ask));
                }
            }
            (lost, notes)
        })
    });
    view! {
        <Show when=move || items.with(|(l, n)| !l.is_empty() || !n.is_empty())>
            <section class="card notices" data-testid="my-notices">
                <h2>{t(PMsg::ForYou)}</h2>
                <ul class="plain-list">
                    {move || items.get().0.into_iter().map(|(id, name, holder, since, at)| view! {
                        <li data-testid="notice-lost-claim">
                            <a href=format!("#/customers/{id}")><strong>{name}</strong></a>" "
                            {move || lost_claim_text(i18n.lang(), &holder, since, at)}
                        </li>
                    }).collect_view()}
                    {move || items.get().1.into_iter().map(|(id, name, ask)| { let returned = ask.is_some().to_string(); view! {
                        <li data-testid="notice-release-note" data-returned=returned>
                            <a href=format!("#/customers/{id}")><strong>{name}</strong></a>" "
                            {match ask {
                                Some(a) => view! { {t(PMsg::ReturnedAsk)}<em data-testid="notice-returned-ask">{a}</em> }.into_any(),
                                None => t(PMsg::NoteDue).into_any(),
                            }}
                        </li>
                    } }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
