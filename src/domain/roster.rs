//! The team roster: which personal key belongs to whom, in which roles, since when and
//! until when (issue 15; H1 for people who leave).
//!
//! A roster is folded from `roster.grant` entries. Each grant binds a public key
//! ([`crate::record::seal::KeyId`] text) to a person, a name and roles from a moment
//! on, or revokes a key from a moment on. A grant counts only when it is sealed by the
//! team's first admin key (which the invite carries next to the team key) or by a key
//! that was an admin at the grant's stamp, so anyone can *write* a grant, but only an
//! admin's counts — on every device alike.
//!
//! The fold sorts grants by stamp (then id), so it does not depend on the order a
//! device received them in. That the seals themselves hold is checked when records
//! arrive (`sync::engine` refuses a broken seal); here a seal's key is only read.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::profile::Role;
use crate::record::replica::Entry;

/// The entry kind of a roster grant; its subject is the person's id.
pub const GRANT: &str = "roster.grant";

/// What a roster grant says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    /// The person's public key.
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub roles: Vec<Role>,
    /// Admins sign grants.
    #[serde(default)]
    pub admin: bool,
    /// From when the grant holds, ms since the epoch.
    pub from_ms: i64,
    /// A revocation: the key stops counting at `from_ms` (someone who left, a lost
    /// tablet's key).
    #[serde(default)]
    pub revoked: bool,
}

/// One key's standing on the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub person: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub admin: bool,
    pub from_ms: i64,
    /// When the key was revoked, if it was.
    pub until_ms: Option<i64>,
}

impl Member {
    /// Whether the key counted at `at_ms`.
    pub fn valid_at(&self, at_ms: i64) -> bool {
        self.from_ms <= at_ms && self.until_ms.is_none_or(|u| at_ms < u)
    }
}

/// The roster of a team whose first admin key is `root`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster {
    pub root: String,
    /// By public key.
    pub members: BTreeMap<String, Member>,
    /// The stamp of the first grant that counted: from then on the team signs, and an
    /// unsealed entry no longer counts (`domain::authority`).
    pub since_ms: Option<i64>,
    /// Grants that did not count, with why (for the quarantine).
    pub refused: Vec<(String, GrantRefusal)>,
}

/// Why a grant did not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrantRefusal {
    /// Not sealed at all.
    Unsealed,
    /// Sealed by a key that was not an admin's at the grant's stamp.
    NotByAdmin,
    /// The body is not a grant.
    Malformed,
}

impl Roster {
    /// A roster with only its root (the team's first admin, before any grant).
    pub fn new(root: &str) -> Self {
        Roster { root: root.to_owned(), members: BTreeMap::new(), since_ms: None, refused: Vec::new() }
    }

    /// Folds `entries` (any kinds; only [`GRANT`] entries are read) into the roster.
    pub fn fold<'a>(root: &str, entries: impl IntoIterator<Item = &'a Entry>) -> Roster {
        let mut grants: Vec<&Entry> = entries.into_iter().filter(|e| e.kind == GRANT).collect();
        grants.sort_by(|a, b| a.stamp.cmp(&b.stamp).then_with(|| a.id.cmp(&b.id)));
        let mut r = Roster::new(root);
        for e in grants {
            let Some(seal) = &e.seal else {
                r.refused.push((e.id.clone(), GrantRefusal::Unsealed));
                continue;
            };
            if !r.is_admin(&seal.key, e.stamp.wall_ms) {
                r.refused.push((e.id.clone(), GrantRefusal::NotByAdmin));
                continue;
            }
            let Ok(g) = serde_json::from_value::<Grant>(e.body.clone()) else {
                r.refused.push((e.id.clone(), GrantRefusal::Malformed));
                continue;
            };
            r.since_ms.get_or_insert(e.stamp.wall_ms);
            r.apply(&e.subject, g);
        }
        r
    }

    fn apply(&mut self, person: &str, g: Grant) {
        if g.revoked {
            if let Some(m) = self.members.get_mut(&g.key) {
                m.until_ms = Some(m.until_ms.map_or(g.from_ms, |u| u.min(g.from_ms)));
            }
            return;
        }
        // A later grant for the same key replaces its roles (a change of job, H2) but
        // never lifts a revocation: a revoked key stays revoked.
        let until_ms = self.members.get(&g.key).and_then(|m| m.until_ms);
        let from_ms = self.members.get(&g.key).map_or(g.from_ms, |m| m.from_ms.min(g.from_ms));
        self.members.insert(
            g.key,
            Member { person: person.to_owned(), name: g.name, roles: g.roles, admin: g.admin, from_ms, until_ms },
        );
    }

    /// Whether `key` could sign grants at `at_ms`: the root always; another key while
    /// it is valid and marked admin.
    pub fn is_admin(&self, key: &str, at_ms: i64) -> bool {
        key == self.root || self.members.get(key).is_some_and(|m| m.admin && m.valid_at(at_ms))
    }

    /// The member a key stood for at `at_ms`, if it was valid then.
    pub fn member_at(&self, key: &str, at_ms: i64) -> Option<&Member> {
        self.members.get(key).filter(|m| m.valid_at(at_ms))
    }

    /// The roles the roster gave `person` at `at_ms`, over every key of theirs valid
    /// then (a person on a second tablet has a second key), each once, in `Role::ALL`'s
    /// order: what an approval history shows next to a verified signer's name (issue 15).
    pub fn roles_of(&self, person: &str, at_ms: i64) -> Vec<Role> {
        let held: Vec<Role> = self
            .members
            .values()
            .filter(|m| m.person == person && m.valid_at(at_ms))
            .flat_map(|m| m.roles.iter().copied())
            .collect();
        Role::ALL.into_iter().filter(|r| held.contains(r)).collect()
    }
}

/// Where a person of the team directory stands on the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// No key announced yet (a device with an older build, or not synced yet).
    NoKey,
    /// A key announced, not granted by an admin yet: their changes do not count.
    Pending { key: String },
    /// Granted.
    Member { key: String, roles: Vec<Role>, admin: bool },
    /// The key was revoked (the person left, H1, or lost the tablet).
    Revoked { key: String },
}

impl Roster {
    /// Where a person who announced `key` (or none) stands at `now_ms`.
    pub fn standing(&self, person: &str, key: Option<&str>, now_ms: i64) -> Standing {
        let Some(key) = key else {
            return Standing::NoKey;
        };
        match self.members.get(key).filter(|m| m.person == person) {
            Some(m) if m.valid_at(now_ms) => {
                Standing::Member { key: key.to_owned(), roles: m.roles.clone(), admin: m.admin || key == self.root }
            }
            Some(m) if m.until_ms.is_some() => Standing::Revoked { key: key.to_owned() },
            _ if key == self.root => Standing::Member { key: key.to_owned(), roles: Vec::new(), admin: true },
            _ => Standing::Pending { key: key.to_owned() },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::hlc::Hlc;
    use crate::record::seal::Seal;
    use serde_json::json;

    fn grant(id: &str, by: &str, at: i64, person: &str, body: serde_json::Value) -> Entry {
        Entry {
            id: id.into(),
            kind: GRANT.into(),
            subject: person.into(),
            stamp: Hlc { wall_ms: at, counter: 0, device: "t".into() },
            author: "x".into(),
            body,
            seal: Some(Seal { key: by.into(), sig: "s".into() }),
        }
    }

    #[test]
    fn only_an_admins_grant_counts_and_a_revoked_key_stops_at_its_revocation() {
        let g1 = grant(
            "g1",
            "root",
            10,
            "wang",
            json!({"key":"kw","name":"Wang","roles":["manager"],"admin":true,"from_ms":10}),
        );
        let g2 = grant("g2", "kw", 20, "qian", json!({"key":"kq","name":"Qian","roles":["finance"],"from_ms":20}));
        let forged = grant("g3", "kq", 30, "li", json!({"key":"kl","name":"Li","roles":["finance"],"from_ms":30}));
        let revoke = grant("g4", "root", 40, "qian", json!({"key":"kq","name":"Qian","revoked":true,"from_ms":40}));
        let r = Roster::fold("root", [&revoke, &forged, &g2, &g1]);
        assert!(r.is_admin("kw", 25));
        assert_eq!(r.member_at("kq", 35).map(|m| m.roles.clone()), Some(vec![Role::Finance]));
        assert_eq!(r.member_at("kq", 40), None, "revoked from 40");
        assert_eq!(r.member_at("kl", 35), None, "a finance person cannot grant");
        assert_eq!(r.refused, vec![("g3".to_owned(), GrantRefusal::NotByAdmin)]);
    }
}
