use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::app::key_accounts::{can_edit_roles, may_hold_role, set_key_account_role};
use crate::domain::approval::Step;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::key_accounts::KMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::key_accounts::key_account_card::key_accounts_signal;
use crate::ui::state::command::Commands;

/// K1: who reviews (key-account supervisor) and who approves (key-account manager);
/// a team setting a manager keeps, synced to every tablet.
#[component]
pub fn KeyAccountRolesSettings() -> impl IntoView {
    let i18n = use_i18n();
    let data = key_accounts_signal();
    let customers = use_customers();
    let cmds = Commands::new();
    let is_manager = move || cmds.can(can_edit_roles);
    let people = move || {
        customers.data.with(|d| {
            d.people
                .iter()
                .filter(|p| may_hold_role(p.role))
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    // Each tick is its own change to the roles as stored then (not to what this view
    // last drew), so a second tick while the first is saving keeps both. Until the
    // stored roles show a tick, the box shows the tick: a re-read that lands in between
    // does not untick it.
    let pending = RwSignal::new(BTreeMap::<(String, bool), bool>::new());
    let stored = move |pid: &str, supervisor: bool| {
        data.with(|d| if supervisor { d.roles.supervisors.contains(pid) } else { d.roles.managers.contains(pid) })
    };
    Effect::new(move |_| {
        let settled: Vec<(String, bool)> = pending.with_untracked(|p| {
            p.iter().filter(|((pid, sup), on)| stored(pid, *sup) == **on).map(|(k, _)| k.clone()).collect()
        });
        if !settled.is_empty() {
            pending.update(|p| {
                settled.iter().for_each(|k| {
                    p.remove(k);
                })
            });
        }
    });
    let shown = move |pid: &str, supervisor: bool| {
        pending.with(|p| p.get(&(pid.to_owned(), supervisor)).copied()).unwrap_or_else(|| stored(pid, supervisor))
    };
    let toggle = move |pid: String, supervisor: bool, on: bool| {
        let key = (pid.clone(), supervisor);
        pending.update(|p| {
            p.insert(key.clone(), on);
        });
        let step = if supervisor { Step::Review } else { Step::Approve };
        cmds.run(
            move |db, a| async move { set_key_account_role(db.store(), &a, &pid, step, on).await },
            move |r| {
                // Refused, or already so: the stored roles are what to show.
                if r.is_err() {
                    pending.update(|p| {
                        p.remove(&key);
                    });
                }
            },
        );
    };
    view! {
        <section class="card" data-testid="ka-roles">
            <h2>{t(KMsg::Roles)}</h2>
            <p class="muted">{t(KMsg::RolesHint)}</p>
            <Show when=is_manager fallback=|| view! { <p class="muted">{t(KMsg::RolesManagerOnly)}</p> }>""</Show>
            <table class="plan">
                <thead><tr><th></th><th>{t(KMsg::Supervisor)}</th><th>{t(KMsg::Manager)}</th></tr></thead>
                <tbody>
                    <For each=people key=|row| row.clone() let:row>
                        {
                            let (pid, name) = row;
                            let (p1, p2, p3, p4) = (pid.clone(), pid.clone(), pid.clone(), pid);
                            // Each box is named by its person and column, for screen readers.
                            let (n1, n2) = (name.clone(), name.clone());
                            view! {
                                <tr data-testid="ka-role-row">
                                    <td>{name}</td>
                                    <td><input type="checkbox" data-testid="ka-sup" aria-label=move || format!("{n1} · {}", KMsg::Supervisor.text(i18n.lang())) prop:checked=move || shown(&p1, true) disabled=move || !is_manager() on:change=move |ev| toggle(p2.clone(), true, event_target_checked(&ev)) /></td>
                                    <td><input type="checkbox" data-testid="ka-mgr" aria-label=move || format!("{n2} · {}", KMsg::Manager.text(i18n.lang())) prop:checked=move || shown(&p3, false) disabled=move || !is_manager() on:change=move |ev| toggle(p4.clone(), false, event_target_checked(&ev)) /></td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </section>
    }
}
