use leptos::prelude::*;

use crate::domain::chips::{ledger, MoveKind, Settlement};
use crate::domain::participant::participants;
use crate::domain::profile::Role;
use crate::domain::stock::MoveReason;
use crate::storage::events::{chips_entry, stock_entry};
use crate::ui::events::events_ctx::use_events;
use crate::ui::i18n::events::{conflict_text, EMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::platform::new_id;

/// **E4** Redemptions of the same chips on two offline tablets, found when their entries
/// met. Staff settle each with a new entry: void it (the prize comes back, chips are
/// restored) or write the shortfall off.
#[component]
pub fn ConflictsCard(id: String) -> impl IntoView {
    let ctx = use_events();
    let i18n = use_i18n();
    let eid = id.clone();
    let rows = Memo::new(move |_| {
        ctx.get(&eid)
            .map(|r| {
                let names = participants(&r.registrations);
                ledger(&r.chips, &r.event)
                    .conflicts
                    .into_iter()
                    .map(|c| {
                        let name =
                            names.iter().find(|p| p.key == c.participant).map(|p| p.name.clone()).unwrap_or_default();
                        let prize = r.chips.iter().find_map(|m| match &m.kind {
                            MoveKind::Redeem { prize, .. } if m.id == c.redemption => Some(prize.clone()),
                            _ => None,
                        });
                        (c, name, prize)
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let error = RwSignal::new(None::<String>);
    // Settling is a staff decision: the event's staff or a manager.
    let session = crate::ui::state::session::use_session();
    let may_settle =
        move || session.current_profile().is_some_and(|p| matches!(p.role, Role::Manager | Role::EventStaff));
    let ev_id = StoredValue::new(id);
    let settle = move |participant: String, redemption: String, prize: Option<String>, outcome: Settlement| {
        let ev = ev_id.get_value();
        ctx.write(
            move |by| {
                let settled = chips_entry(&new_id(), &ev, &participant, MoveKind::Settle { redemption, outcome }, by);
                // Voiding hands the prize back: it returns to stock in the same transaction (W1).
                Ok(match (outcome, prize) {
                    (Settlement::Void, Some(p)) => {
                        settled.merge(stock_entry(&new_id(), &ev, &p, 1, MoveReason::Returned, by))
                    }
                    _ => settled,
                })
            },
            move |r| error.set(r.err()),
        );
    };
    view! {
        <Show when=move || !rows.with(Vec::is_empty)>
            <section class="card conflicts" data-testid="conflicts">
                <h2>{t(EMsg::ConflictsTitle)}</h2>
                <p class="muted">{t(EMsg::ConflictsHint)}</p>
                <ul class="plain-list">
                    {move || rows.get().into_iter().map(|(c, name, prize)| {
                        let (p1, r1, p2, r2) = (c.participant.clone(), c.redemption.clone(), c.participant.clone(), c.redemption.clone());
                        let (prize1, prize2) = (prize.clone(), prize);
                        view! {
                            <li data-testid="conflict-row" data-participant=c.participant.clone()>
                                <p>{move || conflict_text(i18n.lang(), &name, c.asked, c.available)}</p>
                                <div class="actions start" class:hidden=move || !may_settle()>
                                    <button type="button" data-testid="conflict-void" on:click=move |_| settle(p1.clone(), r1.clone(), prize1.clone(), Settlement::Void)>{t(EMsg::SettleVoid)}</button>
                                    <button type="button" data-testid="conflict-writeoff" on:click=move |_| settle(p2.clone(), r2.clone(), prize2.clone(), Settlement::WriteOff)>{t(EMsg::SettleWriteOff)}</button>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </section>
        </Show>
    }
}
