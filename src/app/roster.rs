//! The team roster's commands (issue 15): who may sign for the team, in which roles.
//!
//! The team's first admin starts the roster with their own key (it becomes the root the
//! invite carries); from then on an admin grants each person's announced key its roles,
//! and revokes it when the person leaves (H1). The grant is an entry sealed with the
//! admin's key; every device folds the grants (`domain::roster`), so a grant written by
//! anyone else changes nothing anywhere.

use super::{store, Action, Actor, CommandError, RuleError};
use crate::domain::profile::Role;
use crate::domain::roster::{Grant, Roster, Standing, GRANT};
use crate::record::replica::{Document, Replica};
use crate::storage::customers::entry_change;
use crate::storage::people::load_people;
use crate::storage::roster::{load_roster, set_root};
use crate::storage::{get_typed, RecordStore, StoreName};

/// Whether `actor` may grant and revoke: their key is an admin's now.
pub fn can_manage_roster(actor: &Actor, roster: Option<&Roster>) -> bool {
    match (roster, &actor.key) {
        (Some(r), Some(k)) => r.is_admin(&k.id().0, actor.now_ms),
        _ => false,
    }
}

/// The role the grant form offers first: the person's current one, else rep.
pub fn role_to_offer(standing: &Standing) -> Role {
    match standing {
        Standing::Member { roles, .. } => roles.first().copied().unwrap_or(Role::Rep),
        _ => Role::Rep,
    }
}

/// Whether `actor` may start the team's roster: a manager with a key, on a team that
/// has none.
pub fn can_start_roster(actor: &Actor, roster: Option<&Roster>) -> bool {
    roster.is_none() && actor.key.is_some() && actor.is(&[Role::Manager])
}

fn grant_entry(
    actor: &Actor,
    person: &str,
    g: &Grant,
) -> impl FnOnce(&mut crate::storage::customers::Author) -> Result<Replica, CommandError> {
    let id = format!("grant:{}", actor.id());
    let body = serde_json::to_value(g).map_err(|e| RuleError::Invalid(e.to_string()));
    let person = person.to_owned();
    move |by| Ok(entry_change(&id, GRANT, &person, body?, by))
}

/// Starts the roster: `actor`'s key becomes the team's root, granted admin and their
/// role from now. Devices that join by a new invite learn the root from its link.
pub async fn start_roster<S: RecordStore>(s: &S, actor: &Actor) -> Result<Replica, CommandError> {
    let roster = load_roster(s).await?;
    actor.allow(Action::ManageRoster, can_start_roster(actor, roster.as_ref()))?;
    begin(s, actor).await
}

async fn begin<S: RecordStore>(s: &S, actor: &Actor) -> Result<Replica, CommandError> {
    let key = actor.key.as_ref().ok_or(RuleError::NoKey)?.id().0;
    s.write(vec![set_root(&key)]).await?;
    let g = Grant {
        key,
        name: actor.profile.clone(),
        roles: vec![actor.role],
        admin: true,
        from_ms: actor.now_ms,
        revoked: false,
    };
    store(s, actor, grant_entry(actor, &actor.profile, &g)).await
}

/// An admin grants `person`'s announced key `roles` (and admin, to share the work).
pub async fn grant<S: RecordStore>(
    s: &S,
    actor: &Actor,
    person: &str,
    roles: &[Role],
    admin: bool,
) -> Result<Replica, CommandError> {
    let roster = load_roster(s).await?;
    actor.allow(Action::ManageRoster, can_manage_roster(actor, roster.as_ref()))?;
    if roles.is_empty() && !admin {
        return Err(RuleError::NoRole.into());
    }
    let people = load_people(s).await?;
    let p = people.iter().find(|p| p.id == person).ok_or(RuleError::NotFound("person"))?;
    let key = p.key.clone().ok_or(RuleError::NoKey)?;
    // The grant holds from when the person announced this key, not from the click: a
    // newcomer's first day of work, done while waiting for approval, counts once an
    // admin vouches for the key.
    let announced: Option<Document> = get_typed(s, StoreName::Docs, person).await?;
    let since = announced.and_then(|d| d.fields.get("key").map(|r| r.stamp.wall_ms)).unwrap_or(actor.now_ms);
    let g = Grant {
        key,
        name: p.name.clone(),
        roles: roles.to_vec(),
        admin,
        from_ms: since.min(actor.now_ms),
        revoked: false,
    };
    store(s, actor, grant_entry(actor, person, &g)).await
}

/// An admin revokes every key of `person` from now (H1: someone who left; or a lost
/// tablet). Their earlier changes still count; later ones do not.
pub async fn revoke<S: RecordStore>(s: &S, actor: &Actor, person: &str) -> Result<Replica, CommandError> {
    let roster = load_roster(s).await?;
    actor.allow(Action::ManageRoster, can_manage_roster(actor, roster.as_ref()))?;
    let roster = roster.ok_or(RuleError::NotFound("roster"))?;
    let keys: Vec<(String, String)> = roster
        .members
        .iter()
        // The root key stays: revoking it would leave the team with no admin to undo it.
        .filter(|(k, m)| m.person == person && m.until_ms.is_none() && **k != roster.root)
        .map(|(k, m)| (k.clone(), m.name.clone()))
        .collect();
    if keys.is_empty() {
        return Err(RuleError::Unchanged.into());
    }
    let mut parts = Vec::new();
    for (key, name) in keys {
        let g = Grant { key, name, roles: Vec::new(), admin: false, from_ms: actor.now_ms, revoked: true };
        parts.push((
            format!("grant:{}", actor.id()),
            serde_json::to_value(&g).map_err(|e| RuleError::Invalid(e.to_string()))?,
        ));
    }
    let person = person.to_owned();
    store(s, actor, move |by| {
        Ok(crate::storage::customers::join(
            parts.into_iter().map(|(id, body)| entry_change(&id, GRANT, &person, body, by)),
        ))
    })
    .await
}
