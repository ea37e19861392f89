use leptos::prelude::*;

use crate::app::key_accounts::{can_edit_roles, may_hold_role, save_key_account_roles};
use crate::domain::approval::KeyAccountRoles;
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
    let toggle = move |pid: String, supervisor: bool, on: bool| {
        let old = data.with_untracked(|d| d.roles.clone());
        let mut new: KeyAccountRoles = old;
        let set = if supervisor { &mut new.supervisors } else { &mut new.managers };
        if on {
            set.insert(pid);
        } else {
            set.remove(&pid);
        }
        cmds.run(move |db, a| async move { save_key_account_roles(db.store(), &a, &new).await }, |_| {});
    };
    view! {
        <section class="card" data-testid="ka-roles">
            <h2>{t(KMsg::Roles)}</h2>
            <p class="muted">{t(KMsg::RolesHint)}</p>
            <Show when=is_manager fallback=|| view! { <p class="muted">{t(KMsg::RolesManagerOnly)}</p> }>""</Show>
            <table class="plan">
                <thead><tr><th></th><th>{t(KMsg::Supervisor)}</th><th>{t(KMsg::Manager)}</th></tr></thead>
                <tbody>
                    {move || people().into_iter().map(|(pid, name)| {
                        let (sup, mgr) = data.with(|d| (d.roles.supervisors.contains(&pid), d.roles.managers.contains(&pid)));
                        let (p1, p2) = (pid.clone(), pid.clone());
                        // Each box is named by its person and column, for screen readers.
                        let (n1, n2) = (name.clone(), name.clone());
                        view! {
                            <tr data-testid="ka-role-row">
                                <td>{name}</td>
                                <td><input type="checkbox" data-testid="ka-sup" aria-label=move || format!("{n1} · {}", KMsg::Supervisor.text(i18n.lang())) prop:checked=sup disabled=move || !is_manager() on:change=move |ev| toggle(p1.clone(), true, event_target_checked(&ev)) /></td>
                                <td><input type="checkbox" data-testid="ka-mgr" aria-label=move || format!("{n2} · {}", KMsg::Manager.text(i18n.lang())) prop:checked=mgr disabled=move || !is_manager() on:change=move |ev| toggle(p2.clone(), false, event_target_checked(&ev)) /></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
