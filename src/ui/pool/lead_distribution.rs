use leptos::prelude::*;

use crate::app::pool::{distribute_leads, receives_customers};
use crate::domain::distribution::{propose, RepLoad};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::customers::list_label;
use crate::ui::i18n::pool::{distributed_text, PMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::platform::{local_get, local_set};

const DEFAULT_CAPACITY: usize = 100;

fn capacity_key(rep: &str) -> String {
    format!("outpost.capacity.{rep}")
}

/// P7: the manager picks leads from the pool (e.g. an event's walk-ins by source),
/// sets each rep's capacity, and Outpost proposes a split that balances what each rep
/// already holds against that capacity. Every line can be changed before applying.
#[component]
pub fn LeadDistribution() -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let source = RwSignal::new(String::new());
    let leads = Memo::new(move |_| {
        let src = source.get();
        ctx.data.with(|d| {
            d.customers
                .iter()
                .filter(|c| c.own.owner.is_none() && (src.is_empty() || c.rec.file.source == src))
                .map(|c| (c.rec.id.clone(), c.rec.file.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let picked = RwSignal::new(std::collections::BTreeSet::<String>::new());
    let reps = Memo::new(move |_| {
        ctx.data.with(|d| {
            let held = d.holdings();
            d.people
                .iter()
                .filter(|p| receives_customers(p) && !p.departing)
                .map(|p| (p.id.clone(), p.name.clone(), held.get(&p.id).copied().unwrap_or(0)))
                .collect::<Vec<_>>()
        })
    });
    let capacities = RwSignal::new(std::collections::HashMap::<String, usize>::new());
    let cap_of = move |rep: &str| {
        capacities
            .with(|c| c.get(rep).copied())
            .or_else(|| local_get(&capacity_key(rep)).and_then(|v| v.parse().ok()))
            .unwrap_or(DEFAULT_CAPACITY)
    };
    let set_capacity = move |rep: &str, text: &str| {
        if let Ok(v) = text.parse::<usize>() {
            local_set(&capacity_key(rep), &v.to_string());
            capacities.update(|c| {
                c.insert(rep.to_owned(), v);
            });
        }
    };
    // (lead id, lead name, rep id) lines of the proposal being edited.
    let plan = RwSignal::new(Vec::<(String, String, String)>::new());
    let unplaced = RwSignal::new(0usize);
    let done = RwSignal::new(None::<usize>);
    let make = move |_| {
        let chosen: Vec<String> = picked.get_untracked().into_iter().collect();
        let loads: Vec<RepLoad> = reps
            .get_untracked()
            .into_iter()
            .map(|(id, _, holding)| RepLoad { capacity: cap_of(&id), rep: id, holding })
            .collect();
        let p = propose(&chosen, &loads);
        let names = leads.get_untracked();
        let name = |id: &str| names.iter().find(|(l, _)| l == id).map(|(_, n)| n.clone()).unwrap_or_default();
        plan.set(p.assignments.iter().map(|(l, r)| (l.clone(), name(l), r.clone())).collect());
        unplaced.set(p.unassigned.len());
        done.set(None);
    };
    let apply = move |_| {
        let leads: Vec<(String, String)> =
            plan.get_untracked().into_iter().filter(|(_, _, r)| !r.is_empty()).map(|(l, _, rep)| (l, rep)).collect();
        let n = leads.len();
        cmds.run(
            move |db, a| async move { distribute_leads(db.store(), &a, &leads).await },
            move |r| {
                if r.is_ok() {
                    plan.set(Vec::new());
                    picked.set(Default::default());
                    done.set(Some(n));
                }
            },
        );
    };
    view! {
        <section class="card form" data-testid="distribution">
            <h2>{t(PMsg::DistributeTitle)}</h2>
            <p class="muted">{t(PMsg::DistributeHint)}</p>
            <label class="field compact"><span>{t(PMsg::LeadSource)}</span>
                <select data-testid="dist-source" on:change=move |ev| { source.set(event_target_value(&ev)); picked.set(Default::default()); }>
                    <option value="">{t(PMsg::AllPool)}</option>
                    {move || ctx.lists.get().sources.into_iter().map(|s| { let l = s.clone(); view! { <option value=s>{move || list_label(i18n.lang(), &l)}</option> } }).collect_view()}
                </select>
            </label>
            <div class="actions wrap">
                <button type="button" data-testid="dist-all" on:click=move |_| picked.set(leads.get_untracked().into_iter().map(|(id, _)| id).collect())>{t(PMsg::SelectAll)}</button>
                <span class="muted" data-testid="dist-picked">{move || format!("{} / {}", picked.with(|p| p.len()), leads.with(Vec::len))}</span>
            </div>
            <ul class="plain-list pick-list">
                {move || leads.get().into_iter().take(200).map(|(id, name)| {
                    let (a, b) = (id.clone(), id.clone());
                    view! {
                        <li><label class="check">
                            <input type="checkbox" data-testid="dist-lead" prop:checked=move || picked.with(|p| p.contains(&a))
                                on:change=move |ev| { let on = event_target_checked(&ev); picked.update(|p| { if on { p.insert(b.clone()); } else { p.remove(&b); } }) } />
                            <span>{name}</span>
                        </label></li>
                    }
                }).collect_view()}
            </ul>
            <h3>{t(PMsg::Capacity)}</h3>
            <div class="grid-2">
                {move || reps.get().into_iter().map(|(id, name, holding)| {
                    let (k, k2) = (id.clone(), id.clone());
                    view! {
                        <label class="field compact"><span>{name}" ("{t(PMsg::Holds)}" "{holding}")"</span>
                            <input type="number" min="0" data-testid="dist-capacity" prop:value=move || cap_of(&k).to_string()
                                on:input=move |ev| set_capacity(&k2, &event_target_value(&ev)) />
                        </label>
                    }
                }).collect_view()}
            </div>
            <div class="actions"><button type="button" class="primary" data-testid="dist-propose" on:click=make>{t(PMsg::Propose)}</button></div>
            <Show when=move || !plan.with(Vec::is_empty)>
                <table class="plan" data-testid="dist-plan">
                    <tbody>
                        {move || plan.get().into_iter().enumerate().map(|(i, (_, name, rep))| view! {
                            <tr data-testid="dist-line">
                                <td>{name}</td>
                                <td><select data-testid="dist-line-rep" on:change=move |ev| { let v = event_target_value(&ev); plan.update(|p| if let Some(l) = p.get_mut(i) { l.2 = v }) }>
                                    <option value="">{t(PMsg::KeepInPool)}</option>
                                    {reps.get_untracked().into_iter().map(|(id, n, _)| { let sel = id == rep; view! { <option value=id selected=sel>{n}</option> } }).collect_view()}
                                </select></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <Show when=move || { unplaced.get() > 0 }><p class="notice warn">{t(PMsg::NoRoom)}" "{move || unplaced.get()}</p></Show>
                <div class="actions"><button type="button" class="primary" data-testid="dist-apply" on:click=apply>{t(PMsg::Apply)}</button></div>
            </Show>
            {move || done.get().map(|n| view! { <p class="ok" role="status" data-testid="dist-done">{move || distributed_text(i18n.lang(), n)}</p> })}
        </section>
    }
}
