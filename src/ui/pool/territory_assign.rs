use leptos::prelude::*;

use crate::app::territory::{assign_by_territory, lead_reps, rep_loads};
use crate::domain::territory::{pending_leads, propose, TerritoryTable};
use crate::storage::capacities::{load_capacities, Capacities};
use crate::storage::territories::load_territories;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::territory::{assign_button, assigned_text, TerMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::load::load_on_change;

/// Seed 002 with P7: marketing's pending leads matched to the territory table and
/// balanced by capacity — computed here from what the device holds, never stored — and
/// assigned in one tap by the manager (the command recomputes the same proposal from the
/// store). Leads whose region is not in the table, or whose reps are full, are listed
/// for the manager to assign by hand.
#[component]
pub fn TerritoryAssign() -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let table = RwSignal::new(TerritoryTable::default());
    let caps = RwSignal::new(Capacities::default());
    load_on_change(
        move |db| async move { Ok((load_territories(db.store()).await?, load_capacities(db.store()).await?)) },
        move |(tb, c)| {
            table.try_set(tb);
            caps.try_set(c);
        },
    );
    // (lead, name, region, rep name) lines, and the leads left for a manual assignment.
    let proposal = Memo::new(move |_| {
        ctx.data.with(|d| {
            let reps = lead_reps(&d.people);
            let loads = caps.with(|c| rep_loads(&d.customers, &reps, c));
            let leads = pending_leads(&d.customers);
            let p = table.with(|tb| propose(&leads, tb, &loads));
            let line =
                |id: &str| d.get(id).map(|c| (id.to_owned(), c.rec.file.name.clone(), c.rec.file.region.clone()));
            let lines: Vec<_> = p
                .assignments
                .iter()
                .filter_map(|(l, r)| line(l).map(|(id, n, reg)| (id, n, reg, d.name_of(r))))
                .collect();
            let by_hand = |ids: &[String]| ids.iter().filter_map(|id| line(id)).collect::<Vec<_>>();
            (lines, by_hand(&p.no_region), by_hand(&p.no_room))
        })
    });
    let done = RwSignal::new(None::<usize>);
    let error = RwSignal::new(None::<String>);
    let assign = move |_| {
        cmds.run(
            move |db, a| async move { assign_by_territory(db.store(), &a).await },
            move |r| match r {
                Ok((_, p)) => {
                    error.set(None);
                    done.set(Some(p.assignments.len()));
                }
                Err(e) => error.set(Some(command_error(i18n.lang(), &e))),
            },
        );
    };
    let count = move || proposal.with(|p| p.0.len());
    let manual = move |items: Vec<(String, String, String)>| {
        items
            .into_iter()
            .map(|(id, name, region)| {
                let region = if region.trim().is_empty() { TerMsg::NoRegionGiven.text(i18n.lang()).to_owned() } else { region };
                view! { <li data-testid="territory-manual"><a href=format!("#/customers/{id}")>{name}</a>" · "<span class="muted">{region}</span></li> }
            })
            .collect_view()
    };
    view! {
        <section class="card" data-testid="territory-assign">
            <h2>{t(TerMsg::AssignTitle)}</h2>
            <p class="muted">{t(TerMsg::AssignHint)}</p>
            <Show when=move || table.with(|tb| tb.rows.is_empty())>
                <p class="notice" data-testid="territory-no-table"><a href="#/settings">{t(TerMsg::NoTable)}</a></p>
            </Show>
            <Show when=move || count() == 0>
                <p class="muted" data-testid="territory-nothing">{t(TerMsg::NothingPending)}</p>
            </Show>
            <Show when=move || { count() > 0 }>
                <table class="plan" data-testid="territory-plan">
                    <thead><tr><th>{t(crate::ui::i18n::pool::PMsg::Customer)}</th><th>{t(TerMsg::Region)}</th><th>{t(TerMsg::Rep)}</th></tr></thead>
                    <tbody>
                        {move || proposal.get().0.into_iter().map(|(_, name, region, rep)| view! {
                            <tr data-testid="territory-line"><td>{name}</td><td>{region}</td><td>{rep}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <div class="actions">
                    <button type="button" class="primary" data-testid="territory-assign-all" on:click=assign>
                        {move || assign_button(i18n.lang(), count())}
                    </button>
                </div>
            </Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || done.get().map(|n| view! { <p class="ok" role="status" data-testid="territory-done">{move || assigned_text(i18n.lang(), n)}</p> })}
            <Show when=move || proposal.with(|p| !p.1.is_empty())>
                <h3>{t(TerMsg::NoRegion)}</h3>
                <ul class="plain-list" data-testid="territory-no-region">{move || manual(proposal.get().1)}</ul>
            </Show>
            <Show when=move || proposal.with(|p| !p.2.is_empty())>
                <h3>{t(TerMsg::NoRoom)}</h3>
                <ul class="plain-list" data-testid="territory-no-room">{move || manual(proposal.get().2)}</ul>
            </Show>
        </section>
    }
}
