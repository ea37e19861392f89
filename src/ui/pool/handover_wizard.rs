use leptos::prelude::*;

use crate::app::pool::{hand_over, receives_customers, set_departing};
use crate::domain::distribution::RepLoad;
use crate::domain::handover::{handover_status, plan_handover};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::pool::{handover_status_text, PMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;

/// H1/H2: move every customer of a rep to others, each with its true state and its
/// receivables, leaving a traceable record on each customer. A rep marked as leaving
/// has their commission held until they hold no customer.
#[component]
pub fn HandoverWizard() -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let from = RwSignal::new(String::new());
    let reps = Memo::new(move |_| {
        ctx.data.with(|d| {
            d.people
                .iter()
                .filter(|p| receives_customers(p))
                .map(|p| (p.id.clone(), p.name.clone(), p.departing))
                .collect::<Vec<_>>()
        })
    });
    let held = Memo::new(move |_| {
        let f = from.get();
        ctx.data.with(|d| {
            d.customers
                .iter()
                .filter(|c| !f.is_empty() && c.own.owner.as_deref() == Some(f.as_str()))
                .map(|c| (c.rec.id.clone(), c.rec.file.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    // What each held customer still owes (O2, O4), from approved orders and confirmed payments.
    let orders = crate::ui::orders::orders_ctx::use_orders();
    let ledger = Memo::new(move |_| orders.data.with(|d| d.ledger()));
    let owed = move |c: &str| ledger.with(|l| l.outstanding_for_customer(c));
    let status = Memo::new(move |_| {
        let f = from.get();
        (!f.is_empty()).then(|| {
            handover_status(
                &f,
                &held
                    .get()
                    .into_iter()
                    .map(|(id, _)| {
                        let r = owed(&id);
                        (id, Some(r))
                    })
                    .collect::<Vec<_>>(),
            )
        })
    });
    let departing = move || {
        let f = from.get();
        reps.with(|r| r.iter().any(|(id, _, d)| *id == f && *d))
    };
    // H1: what the rep has earned and not been paid, held while they leave.
    let held_fen = RwSignal::new(None::<i64>);
    let db = crate::ui::state::session::use_db();
    let sync = crate::ui::state::sync_ctx::use_sync();
    crate::ui::state::load::load(
        move || {
            sync.data_version.track();
            let f = from.get();
            (!f.is_empty()).then_some(())?;
            Some((f, cmds.actor()?))
        },
        move |(f, a)| {
            let db = db.clone();
            async move {
                let cal = crate::storage::settings::load_calendar(db.store()).await?;
                crate::app::commission::held_for(db.store(), &a, &f, cal.local_date(a.now_ms)).await
            }
        },
        move |h| held_fen.set(h),
    );
    // (customer, name, to rep, note)
    let plan = RwSignal::new(Vec::<(String, String, String, String)>::new());
    let make = move |_| {
        let f = from.get_untracked();
        let held_now = held.get_untracked();
        let customers: Vec<String> = held_now.iter().map(|(id, _)| id.clone()).collect();
        let counts = ctx.data.with_untracked(|d| d.holdings());
        let to: Vec<RepLoad> = reps
            .get_untracked()
            .into_iter()
            .filter(|(id, _, dep)| *id != f && !dep)
            .map(|(id, _, _)| RepLoad {
                holding: counts.get(&id).copied().unwrap_or(0),
                capacity: usize::MAX / 2,
                rep: id,
            })
            .collect();
        let p = plan_handover(&customers, &to);
        plan.set(
            held_now
                .into_iter()
                .map(|(id, name)| {
                    let rep = p.assignments.iter().find(|(c, _)| *c == id).map(|(_, r)| r.clone()).unwrap_or_default();
                    (id, name, rep, String::new())
                })
                .collect(),
        );
    };
    let mark = move |leaving: bool| {
        let person = from.get_untracked();
        cmds.run(move |db, a| async move { set_departing(db.store(), &a, &person, leaving).await }, |_| {});
    };
    let apply = move |_| {
        let moves: Vec<(String, String, String)> = plan
            .get_untracked()
            .into_iter()
            .filter(|(_, _, to, _)| !to.is_empty())
            .map(|(c, _, rep, note)| (c, rep, note))
            .collect();
        cmds.run(
            move |db, a| async move { hand_over(db.store(), &a, &moves).await },
            move |r| {
                if r.is_ok() {
                    plan.set(Vec::new());
                }
            },
        );
    };
    let others = move || {
        let f = from.get();
        reps.get().into_iter().filter(move |(id, _, dep)| *id != f && !dep).collect::<Vec<_>>()
    };
    view! {
        <section class="card form" data-testid="handover">
            <h2>{t(PMsg::HandoverTitle)}</h2>
            <p class="muted">{t(PMsg::HandoverHint)}</p>
            <label class="field compact"><span>{t(PMsg::HandoverFrom)}</span>
                <select data-testid="handover-from" on:change=move |ev| { from.set(event_target_value(&ev)); plan.set(Vec::new()); }>
                    <option value="">"—"</option>
                    {move || reps.get().into_iter().map(|(id, n, _)| view! { <option value=id>{n}</option> }).collect_view()}
                </select>
            </label>
            {move || status.get().map(|s| {
                let leaving = departing();
                let (held, remaining) = (s.commission_held.to_string(), s.remaining.to_string());
                let withheld = leaving && s.commission_held;
                view! {
                    <p data-testid="handover-status" data-held=held data-remaining=remaining>
                        {move || handover_status_text(i18n.lang(), &s, leaving)}
                    </p>
                    {move || held_fen.get().filter(|_| withheld).map(|fen| view! {
                        <p class="notice warn" data-testid="handover-held-amount" data-fen=fen>
                            {t(PMsg::HeldAmount)}{crate::domain::money::format_yuan(fen)}
                        </p>
                    })}
                    <div class="actions wrap">
                        {if leaving {
                            view! { <button type="button" data-testid="handover-unmark" on:click=move |_| mark(false)>{t(PMsg::NotLeaving)}</button> }.into_any()
                        } else {
                            view! { <button type="button" data-testid="handover-mark" on:click=move |_| mark(true)>{t(PMsg::MarkLeaving)}</button> }.into_any()
                        }}
                        <button type="button" class="primary" data-testid="handover-propose" on:click=make>{t(PMsg::Propose)}</button>
                    </div>
                }
            })}
            <Show when=move || !plan.with(Vec::is_empty)>
                <table class="plan" data-testid="handover-plan">
                    <thead><tr><th>{t(PMsg::Customer)}</th><th>{t(PMsg::Receivable)}</th><th>{t(PMsg::HandTo)}</th><th>{t(PMsg::TrueState)}</th></tr></thead>
                    <tbody>
                        {move || plan.get().into_iter().enumerate().map(|(i, (cid, name, rep, note))| view! {
                            <tr data-testid="handover-line">
                                <td>{name}</td>
                                <td data-testid="handover-receivable">{crate::ui::i18n::orders::yuan(owed(&cid))}</td>
                                <td><select data-testid="handover-to" on:change=move |ev| { let v = event_target_value(&ev); plan.update(|p| if let Some(l) = p.get_mut(i) { l.2 = v }) }>
                                    <option value="">"—"</option>
                                    {others().into_iter().map(|(id, n, _)| { let sel = id == rep; view! { <option value=id selected=sel>{n}</option> } }).collect_view()}
                                </select></td>
                                <td><input type="text" data-testid="handover-note" prop:value=note
                                    on:change=move |ev| { let v = event_target_value(&ev); plan.update(|p| if let Some(l) = p.get_mut(i) { l.3 = v }) } /></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <div class="actions"><button type="button" class="primary" data-testid="handover-apply" on:click=apply>{t(PMsg::Apply)}</button></div>
            </Show>
        </section>
    }
}
