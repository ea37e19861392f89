use leptos::prelude::*;

use crate::app::activities::{can_record_minutes_step, record_minutes_step};
use crate::domain::minutes::{check_step, MinutesState, MinutesStep};
use crate::storage::activities::minutes_items;
use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::activities::{day_text, kind_label, step_action, step_code, step_label, AMsg};
use crate::ui::i18n::customers::date_text;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::session::use_session;

fn reached(s: MinutesState) -> Option<MinutesStep> {
    match s {
        MinutesState::Due => None,
        MinutesState::Done(x) => Some(x),
    }
}

/// Minutes (V5): every visit and meeting owes minutes within 2 working days; the rep
/// writes them, the manager reviews them, the rep marks them sent and receipt
/// confirmed. Overdue minutes are flagged to the rep and the manager.
#[component]
pub fn MinutesList() -> impl IntoView {
    let ctx = use_customers();
    let session = use_session();
    let i18n = use_i18n();
    let feed = activity_feed();
    let cmds = Commands::new();
    let me = move || session.current.get().unwrap_or_default();
    // The manager sees every rep's minutes: the one who reviews them (V5).
    let is_manager = move || cmds.can(|a| can_record_minutes_step(a, "", MinutesStep::Reviewed));
    let show_done = RwSignal::new(false);
    let items = Memo::new(move |_| {
        let (cal, now, me, manager, done) = (feed.cal.get(), feed.now.get(), me(), is_manager(), show_done.get());
        feed.data.with(|d| {
            minutes_items(d, &cal, now)
                .into_iter()
                .filter(|m| manager || m.activity.rep == me)
                .filter(|m| done || m.minutes.state != MinutesState::Done(MinutesStep::ReceiptConfirmed))
                .collect::<Vec<_>>()
        })
    });
    let any_overdue = move || items.with(|v| v.iter().any(|m| m.minutes.overdue));
    view! {
        <section class="card" data-testid="minutes-list">
            <h2>{t(AMsg::MinutesTitle)}</h2>
            <p class="muted">{t(AMsg::MinutesHint)}</p>
            <Show when=any_overdue>
                <p class="notice warn" role="status" data-testid="minutes-overdue-alert">{t(AMsg::OverdueAlert)}</p>
            </Show>
            <label class="check">
                <input type="checkbox" data-testid="minutes-show-done" prop:checked=move || show_done.get()
                    on:change=move |ev| show_done.set(event_target_checked(&ev)) />
                <span>{t(AMsg::ShowDone)}</span>
            </label>
            {move || {
                let v = items.get();
                if v.is_empty() {
                    return view! { <p class="muted" data-testid="minutes-empty">{t(AMsg::NoMinutes)}</p> }.into_any();
                }
                v.into_iter().map(|m| {
                    let a = m.activity.clone();
                    let customer = ctx.data.with_untracked(|d| d.get(&a.customer_id).map(|c| c.rec.file.name.clone()).unwrap_or_default());
                    let rep_name = ctx.data.with_untracked(|d| d.name_of(&a.rep));
                    let state = m.minutes.state;
                    let next = state.next_step();
                    // Who records the next step: the rep writes, sends and confirms; the manager reviews.
                    let may = next.is_some_and(|step| cmds.can(|x| can_record_minutes_step(x, &a.rep, step)));
                    let text = RwSignal::new(String::new());
                    let err = RwSignal::new(false);
                    let aid = a.id.clone();
                    let record = move |step: MinutesStep| {
                        let body = text.get_untracked().trim().to_owned();
                        if step == MinutesStep::Written && body.is_empty() {
                            return err.set(true);
                        }
                        if check_step(state, step).is_err() {
                            return;
                        }
                        err.set(false);
                        let aid = aid.clone();
                        cmds.run(move |db, x| async move { record_minutes_step(db.store(), &x, &aid, step, &body).await }, |_| {});
                    };
                    let due_on = m.minutes.due_on;
                    let overdue = m.minutes.overdue;
                    let late = m.minutes.written_late;
                    view! {
                        <article class="minutes-row" class:overdue=overdue data-testid="minutes-row"
                            data-state=reached(state).map(step_code).unwrap_or("due") data-overdue=overdue.to_string() data-due=due_on.to_string()>
                            <header class="row-head">
                                <strong>{customer}</strong>
                                <span class="badge">{move || kind_label(i18n.lang(), a.kind)}</span>
                                <span class="muted">{move || date_text(i18n.lang(), a.at_ms)}" · "{rep_name.clone()}</span>
                            </header>
                            <p>
                                <span class="label">{t(AMsg::DueBy)}" "</span>
                                <span data-testid="minutes-due">{move || day_text(i18n.lang(), due_on)}</span>
                                " · "<span data-testid="minutes-state">{move || step_label(i18n.lang(), reached(state))}</span>
                                {overdue.then(|| view! { " " <span class="badge danger" data-testid="minutes-overdue">{t(AMsg::Overdue)}</span> })}
                                {late.then(|| view! { " " <span class="badge warn">{t(AMsg::WrittenLate)}</span> })}
                            </p>
                            {(!m.text.is_empty()).then(|| view! { <p class="minutes-text" data-testid="minutes-text">{m.text.clone()}</p> })}
                            {(may && next == Some(MinutesStep::Written)).then(|| view! {
                                <label class="field"><span>{t(AMsg::MinutesText)}</span>
                                    <textarea rows="4" data-testid="minutes-input" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                                    {move || err.get().then(|| view! { <small class="error" role="alert" data-testid="minutes-error">{t(AMsg::ErrMinutesEmpty)}</small> })}
                                </label>
                            })}
                            {(may).then(|| next.map(|s| view! {
                                <div class="actions">
                                    <button type="button" class="primary" data-testid=format!("minutes-{}", step_code(s))
                                        on:click=move |_| record(s)>{move || step_action(i18n.lang(), s)}</button>
                                </div>
                            }))}
                        </article>
                    }
                }).collect_view().into_any()
            }}
        </section>
    }
}
