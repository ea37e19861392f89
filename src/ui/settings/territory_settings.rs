use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::app::territory::{can_edit_territories, lead_reps, save_territories};
use crate::domain::territory::{TerritoryRow, TerritoryTable};
use crate::storage::territories::load_territories;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::territory::TerMsg;
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::state::command::Commands;
use crate::ui::state::load::load_on_change;

/// One row being edited: its own signals, so typing in one region redraws nothing else.
#[derive(Clone, Copy)]
struct Row {
    key: usize,
    region: RwSignal<String>,
    reps: RwSignal<BTreeSet<String>>,
}

/// Seed 002: the manager's table of regions and the reps who share each (a synced team
/// setting). Rows are added and removed freely; saving checks that every row has a
/// region, that no region is listed twice and that every rep is one of the team's, and
/// says which row is wrong. What is typed stays until saved, across syncs.
#[component]
pub fn TerritorySettings() -> impl IntoView {
    let cmds = Commands::new();
    let manager = move || cmds.can(can_edit_territories);
    view! { <Show when=manager>{|| view! { <TerritoryEditor /> }}</Show> }
}

#[component]
fn TerritoryEditor() -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let rows = RwSignal::new(Vec::<Row>::new());
    let next = StoredValue::new(0usize);
    let dirty = RwSignal::new(false);
    let new_row = move |region: String, reps: BTreeSet<String>| {
        let key = next.get_value();
        next.set_value(key + 1);
        Row { key, region: RwSignal::new(region), reps: RwSignal::new(reps) }
    };
    load_on_change(
        move |db| async move { load_territories(db.store()).await },
        move |table: TerritoryTable| {
            if !dirty.get_untracked() {
                rows.try_set(table.rows.into_iter().map(|r| new_row(r.region, r.reps.into_iter().collect())).collect());
            }
        },
    );
    let reps = Memo::new(move |_| {
        ctx.data.with(|d| lead_reps(&d.people).into_iter().map(|id| (id.clone(), d.name_of(&id))).collect::<Vec<_>>())
    });
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let touched = move || {
        dirty.set(true);
        saved.set(false);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let table = TerritoryTable {
            rows: rows
                .get_untracked()
                .iter()
                .map(|r| TerritoryRow {
                    region: r.region.get_untracked(),
                    reps: r.reps.get_untracked().into_iter().collect(),
                })
                .collect(),
        };
        cmds.run(
            move |db, a| async move { save_territories(db.store(), &a, &table).await },
            move |r| match r {
                Err(e) if !e.is_unchanged() => error.set(Some(command_error(i18n.lang(), &e))),
                _ => {
                    error.set(None);
                    dirty.set(false);
                    saved.set(true);
                }
            },
        );
    };
    view! {
        <form class="card form" data-testid="territory-settings" on:submit=save novalidate>
            <h2>{t(TerMsg::TableTitle)}</h2>
            <p class="muted">{t(TerMsg::TableHint)}</p>
            <Show when=move || rows.with(Vec::is_empty)><p class="muted">{t(TerMsg::NoRows)}</p></Show>
            <For each=move || rows.get() key=|r| r.key let:row>
                <fieldset class="territory-row" data-testid="territory-row">
                    <legend class="visually-hidden">{t(TerMsg::Region)}</legend>
                    <label class="field compact"><span>{t(TerMsg::Region)}</span>
                        <input type="text" data-testid="territory-region" prop:value=move || row.region.get()
                            on:input=move |ev| { row.region.set(event_target_value(&ev)); touched(); } />
                    </label>
                    <div class="territory-reps" role="group" aria-label=move || t(TerMsg::Reps)()>
                        {move || reps.get().into_iter().map(|(id, name)| {
                            let (a, b) = (id.clone(), id.clone());
                            view! {
                                <label class="check"><input type="checkbox" data-testid="territory-rep" data-rep=id
                                    prop:checked=move || row.reps.with(|r| r.contains(&a))
                                    on:change=move |ev| { let on = event_target_checked(&ev); row.reps.update(|r| { if on { r.insert(b.clone()); } else { r.remove(&b); } }); touched(); } />
                                <span>{name}</span></label>
                            }
                        }).collect_view()}
                    </div>
                    <button type="button" data-testid="territory-remove"
                        on:click=move |_| { rows.update(|rs| rs.retain(|r| r.key != row.key)); touched(); }>{t(TerMsg::RemoveRow)}</button>
                </fieldset>
            </For>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="territory-error">{e}</p> })}
            <div class="actions">
                <Show when=move || saved.get()><span class="ok" role="status" data-testid="territory-saved">{t(TerMsg::TableSaved)}</span></Show>
                <button type="button" data-testid="territory-add"
                    on:click=move |_| { rows.update(|rs| rs.push(new_row(String::new(), BTreeSet::new()))); touched(); }>{t(TerMsg::AddRow)}</button>
                <button type="submit" class="primary" data-testid="territory-save">{t(Msg::Save)}</button>
            </div>
        </form>
    }
}
