use leptos::prelude::*;

use crate::app::events::{can_settle_conflict, settle_conflict};
use crate::domain::chips::{ledger, Settlement};
use crate::domain::participant::participants;
use crate::ui::events::events_ctx::use_events;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::events::{conflict_text, EMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;

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
                        (c, name)
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let error = RwSignal::new(None::<String>);
    // Settling is a staff decision: the event's staff or a manager.
    let cmds = Commands::new();
    let may_settle = move || cmds.can(can_settle_conflict);
    let ev_id = StoredValue::new(id);
    // Voiding hands the prize back to stock in the same transaction (W1): the command's.
    let settle = move |redemption: String, outcome: Settlement| {
        let ev = ev_id.get_value();
        cmds.run(
            move |db, a| async move { settle_conflict(db.store(), &a, &ev, &redemption, outcome).await },
            move |r| error.set(r.err().map(|e| command_error(i18n.lang(), &e))),
        );
    };
    view! {
        <Show when=move || !rows.with(Vec::is_empty)>
            <section class="card conflicts" data-testid="conflicts">
                <h2>{t(EMsg::ConflictsTitle)}</h2>
                <p class="muted">{t(EMsg::ConflictsHint)}</p>
                <ul class="plain-list">
                    {move || rows.get().into_iter().map(|(c, name)| {
                        let (r1, r2) = (c.redemption.clone(), c.redemption.clone());
                        view! {
                            <li data-testid="conflict-row" data-participant=c.participant.clone()>
                                <p>{move || conflict_text(i18n.lang(), &name, c.asked, c.available)}</p>
                                <div class="actions start" class:hidden=move || !may_settle()>
                                    <button type="button" data-testid="conflict-void" on:click=move |_| settle(r1.clone(), Settlement::Void)>{t(EMsg::SettleVoid)}</button>
                                    <button type="button" data-testid="conflict-writeoff" on:click=move |_| settle(r2.clone(), Settlement::WriteOff)>{t(EMsg::SettleWriteOff)}</button>
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
