//! Settings › Team roster (issue 15): starting the team's signatures, and the admin's
//! grants and revocations. Who stands where is computed below the UI
//! (`domain::roster::Roster::standing`); the commands check the admin (`app::roster`).

use leptos::prelude::*;

use crate::app::roster::{can_manage_roster, can_start_roster, grant, revoke, role_to_offer, start_roster};
use crate::app::CommandError;
use crate::domain::roster::{Roster, Standing};
use crate::record::replica::Replica;
use crate::storage::roster::load_roster;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::roster::RMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::profiles::profile_form::role_msg;
use crate::ui::profiles::role_select::RoleSelect;
use crate::ui::state::command::Commands;
use crate::ui::state::load::load;
use crate::ui::state::platform::now_ms;
use crate::ui::state::session::use_db;
use crate::ui::state::sync_ctx::use_sync;

/// The first characters of a key, for two people to compare on their screens.
fn fingerprint(key: &str) -> String {
    key.chars().take(10).collect()
}

#[component]
pub fn RosterCard() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let db = use_db();
    let customers = use_customers();
    let cmds = Commands::new();
    let roster = RwSignal::new(None::<Roster>);
    let error = RwSignal::new(None::<String>);
    load(
        move || {
            sync.data_version.track();
            Some(())
        },
        move |()| {
            let db = db.clone();
            async move { load_roster(db.store()).await }
        },
        move |r| roster.set(r),
    );
    let done = move |r: Result<Replica, CommandError>| match r {
        Ok(_) => error.set(None),
        Err(e) => error.set(Some(command_error(i18n.lang(), &e))),
    };
    let can_start = move || roster.with(|r| cmds.can(|a| can_start_roster(a, r.as_ref())));
    let is_admin = move || roster.with(|r| cmds.can(|a| can_manage_roster(a, r.as_ref())));
    let start = move |_| cmds.run(|db, a| async move { start_roster(db.store(), &a).await }, done);
    let rows = move || {
        let now = now_ms();
        roster.with(|r| {
            let r = r.as_ref()?;
            Some(customers.data.with(|d| {
                d.people
                    .iter()
                    .map(|p| {
                        let root = p.key.as_deref() == Some(r.root.as_str());
                        (p.id.clone(), p.name.clone(), r.standing(&p.id, p.key.as_deref(), now), root)
                    })
                    .collect::<Vec<_>>()
            }))
        })
    };
    view! {
        <section class="card" data-testid="roster">
            <h2>{t(RMsg::Title)}</h2>
            <Show when=move || roster.with(Option::is_some) fallback=move || view! {
                <p class="warn" data-testid="roster-off">{t(RMsg::NotStarted)}</p>
                <p class="muted">{t(RMsg::StartHint)}</p>
                <Show when=can_start>
                    <button type="button" class="primary" data-testid="roster-start" on:click=start>{t(RMsg::Start)}</button>
                </Show>
            }>
                <p data-testid="roster-on">{t(RMsg::Started)}" "{move || if is_admin() { t(RMsg::AdminHint)() } else { t(RMsg::NotAdminHint)() }}</p>
                <ul class="plain-list roster-rows">
                    {move || rows().unwrap_or_default().into_iter().map(|(pid, name, standing, root)| {
                        view! { <RosterRow person=pid name=name standing=standing root=root admin=Signal::derive(is_admin) /> }
                    }).collect_view()}
                </ul>
            </Show>
            <Show when=move || error.with(Option::is_some)>
                <p class="error" role="alert" data-testid="roster-error">{move || error.get().unwrap_or_default()}</p>
            </Show>
        </section>
    }
}

#[component]
/// `root`: the team's first admin, whose key cannot be revoked (no Revoke button).
fn RosterRow(person: String, name: String, standing: Standing, root: bool, admin: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let error = RwSignal::new(None::<String>);
    let chosen = RwSignal::new(role_to_offer(&standing));
    let make_admin = RwSignal::new(matches!(standing, Standing::Member { admin: true, .. }));
    let (state, code, key) = match &standing {
        Standing::NoKey => (t(RMsg::NoKey)().to_owned(), "no_key", None),
        Standing::Pending { key } => (t(RMsg::Pending)().to_owned(), "pending", Some(key.clone())),
        Standing::Member { key, roles, admin } => {
            let mut s: Vec<String> = roles.iter().map(|r| role_msg(*r).text(i18n.lang()).to_owned()).collect();
            if *admin {
                s.push(t(RMsg::Admin)().to_owned());
            }
            (s.join(" · "), "member", Some(key.clone()))
        }
        Standing::Revoked { key } => (t(RMsg::Revoked)().to_owned(), "revoked", Some(key.clone())),
    };
    let done = move |r: Result<Replica, CommandError>| match r {
        Ok(_) => error.set(None),
        Err(e) => error.set(Some(command_error(i18n.lang(), &e))),
    };
    let (p1, p2) = (person.clone(), person.clone());
    let do_grant = move |_| {
        let (p, role, adm) = (p1.clone(), chosen.get_untracked(), make_admin.get_untracked());
        cmds.run(move |db, a| async move { grant(db.store(), &a, &p, &[role], adm).await }, done);
    };
    let do_revoke = move |_| {
        let p = p2.clone();
        cmds.run(move |db, a| async move { revoke(db.store(), &a, &p).await }, done);
    };
    let has_key = key.is_some();
    let is_member = code == "member" && !root;
    view! {
        <li class="roster-row" data-testid="roster-row" data-person=person.clone() data-standing=code>
            <div>
                <strong>{name}</strong>" · "<span data-testid="roster-state">{state}</span>
                {key.map(|k| view! { <div class="muted">{t(RMsg::Key)}": "<code>{fingerprint(&k)}</code></div> })}
            </div>
            {move || (admin.get() && has_key).then(|| {
                let (g, r) = (do_grant.clone(), do_revoke.clone());
                view! {
                    <div class="actions start">
                        <RoleSelect chosen=chosen testid="roster-role" />
                        <label class="check"><input type="checkbox" data-testid="roster-admin" prop:checked=move || make_admin.get()
                            on:change=move |ev| make_admin.set(event_target_checked(&ev)) />{t(RMsg::Admin)}</label>
                        <button type="button" class="primary" data-testid="roster-grant" on:click=g>{t(RMsg::Grant)}</button>
                        {is_member.then(|| view! {
                            <button type="button" class="danger" data-testid="roster-revoke" on:click=r>{t(RMsg::Revoke)}</button>
                        })}
                    </div>
                }
            })}
            <Show when=move || error.with(Option::is_some)>
                <p class="error" role="alert">{move || error.get().unwrap_or_default()}</p>
            </Show>
        </li>
    }
}
