use leptos::prelude::*;

use std::collections::HashMap;

use crate::app::pool::{distribute_leads, receives_customers};
use crate::app::settings::{migrate_local_capacities, save_capacities};
use crate::domain::distribution::{parse_capacity, propose, RepLoad};
use crate::storage::capacities::{load_capacities, Capacities};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::customers::list_label;
use crate::ui::i18n::pool::{distributed_text, PMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::load::load_on_change;
use crate::ui::state::platform::{local_get, local_remove};

/// Where this device kept capacities before they were a team setting.
fn legacy_capacity_key(rep: &str) -> String {
    format!("outpost.capacity.{rep}")
}

/// P7: the manager picks leads from the pool (e.g. an event's walk-ins by source),
/// sets each rep's capacity (a team setting, synced), and Outpost proposes a split that balances what each rep
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
                .filter(|c| c.own.claimable() && (src.is_empty() || c.rec.file.source == src))
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
    // P7: the team's capacities, and what the manager has typed and not yet saved
    // (kept across syncs until saved).
    let team_caps = RwSignal::new(Capacities::default());
    let loading = load_on_change(
        move |db| async move { load_capacities(db.store()).await },
        move |c| {
            team_caps.try_set(c);
        },
    );
    let typed = RwSignal::new(HashMap::<String, String>::new());
    let cap_of = move |rep: &str| {
        typed.with(|t| t.get(rep).and_then(|v| parse_capacity(v))).unwrap_or_else(|| team_caps.with(|c| c.of(rep)))
    };
    let cap_text = move |rep: &str| typed.with(|t| t.get(rep).cloned()).unwrap_or_else(|| cap_of(rep).to_string());
    let bad_caps = RwSignal::new(false);
    let caps_saved = RwSignal::new(false);
    let caps_error = RwSignal::new(None::<String>);
    let save_caps = move |_| {
        caps_saved.set(false);
        let t = typed.get_untracked();
        let parsed: Option<Capacities> =
            t.iter().map(|(r, v)| Some((r.clone(), parse_capacity(v)?))).collect::<Option<_>>().map(Capacities);
        let Some(new) = parsed else {
            return bad_caps.set(true);
        };
        bad_caps.set(false);
        cmds.run(
            move |db, a| async move { save_capacities(db.store(), &a, &new).await },
            move |r| match r {
                Err(e) if !e.is_unchanged() => caps_error.set(Some(command_error(i18n.lang(), &e))),
                _ => {
                    caps_error.set(None);
                    typed.set(HashMap::new());
                    caps_saved.set(true);
                }
            },
        );
    };
    // Capacities this device kept in its own storage before they were synced are taken
    // into the team setting once (reps the team has none for); a local value is forgotten
    // as soon as the team holds a capacity for that rep (taken, or set by a manager). Read
    // from the loaded team setting, not from the command's reply: the write itself
    // reloads the list and re-runs this effect, which may drop the reply.
    let migrated = StoredValue::new(false);
    Effect::new(move |_| {
        let people: Vec<String> = ctx.data.with(|d| d.people.iter().map(|p| p.id.clone()).collect());
        if !loading.loaded.get() {
            return;
        }
        let local: Vec<(String, usize)> = people
            .iter()
            .filter_map(|p| Some((p.clone(), local_get(&legacy_capacity_key(p)).and_then(|v| parse_capacity(&v))?)))
            .collect();
        let (known, missing): (Vec<_>, Vec<_>) =
            team_caps.with(|c| local.into_iter().partition(|(r, _)| c.0.contains_key(r)));
        known.iter().for_each(|(r, _)| local_remove(&legacy_capacity_key(r)));
        if missing.is_empty() || migrated.get_value() {
            return;
        }
        migrated.set_value(true);
        let local = Capacities(missing.into_iter().collect());
        cmds.run(move |db, a| async move { migrate_local_capacities(db.store(), &a, &local).await }, |_| {});
    });
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
                            <input type="number" min="0" max="10000" data-testid="dist-capacity" data-rep=k.clone() prop:value=move || cap_text(&k)
                                on:input=move |ev| { let v = event_target_value(&ev); caps_saved.set(false); typed.update(|t| { t.insert(k2.clone(), v); }); } />
                        </label>
                    }
                }).collect_view()}
            </div>
            <Show when=move || bad_caps.get()><p class="error" role="alert" data-testid="dist-capacity-error">{t(PMsg::BadCapacity)}</p></Show>
            {move || caps_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <Show when=move || caps_saved.get()><span class="ok" role="status" data-testid="dist-capacity-saved">{t(PMsg::CapacitySaved)}</span></Show>
                <button type="button" data-testid="dist-capacity-save" prop:disabled=move || typed.with(HashMap::is_empty) on:click=save_caps>{t(PMsg::CapacitySave)}</button>
                <button type="button" class="primary" data-testid="dist-propose" on:click=make>{t(PMsg::Propose)}</button>
            </div>
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
