//! The one place that owns the IndexedDB database name, its schema version and every
//! upgrade step (style.md: "the IndexedDB schema version and all its upgrades in one file").
//!
//! A step only ever adds: opening a database written by an older Outpost runs each
//! missing step in order and keeps every record. Steps are data, so native tests can
//! check them; the browser applies them in [`super::idb`].
//!
//! Adding an index to a store that already exists needs the version-change
//! transaction; indexed_db_futures 0.6 exposes it only through the open request
//! (`OpenDbRequest::as_sys().transaction()`). No step needs that yet.

/// The database every Outpost install uses.
pub const DB_NAME: &str = "outpost";

/// The schema version this build writes. Raise it only by appending a [`Step`].
pub const VERSION: u32 = 6;

/// The object stores, by the name IndexedDB knows them under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StoreName {
    /// People using this device ([`crate::domain::profile`]).
    Profiles,
    /// Team settings: the working-day calendar and time zone, lists the team edits.
    Settings,
    /// Facts about this install: its device id, the team it syncs with, sync state.
    Meta,
    /// Documents ([`crate::record::replica::Document`]) by id.
    Docs,
    /// Immutable entries ([`crate::record::replica::Entry`]) by id.
    Entries,
    /// This device's changes not yet published: `d:<doc id>` and `e:<entry id>`.
    Outbox,
    /// Attachment bytes (photos of licences and cards, C1) by the lowercase hex SHA-256
    /// of the bytes ([`super::blobs`]).
    Blobs,
    /// Secrets that never leave the device: the device secret, a non-extractable
    /// WebCrypto `CryptoKey` stored as the key object itself, no JSON
    /// ([`super::device_secret`]). Read only by that module.
    Secrets,
    /// Read models kept beside the records (issue 17): the data version every write of
    /// records bumps in its own transaction, and the customer list's snapshot taken at
    /// one version ([`super::list_model`]). Never synced; rebuilt from the records.
    Views,
}

impl StoreName {
    pub const ALL: [StoreName; 9] = [
        StoreName::Profiles,
        StoreName::Settings,
        StoreName::Meta,
        StoreName::Docs,
        StoreName::Entries,
        StoreName::Outbox,
        StoreName::Blobs,
        StoreName::Secrets,
        StoreName::Views,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StoreName::Profiles => "profiles",
            StoreName::Settings => "settings",
            StoreName::Meta => "meta",
            StoreName::Docs => "docs",
            StoreName::Entries => "entries",
            StoreName::Outbox => "outbox",
            StoreName::Blobs => "blobs",
            StoreName::Secrets => "secrets",
            StoreName::Views => "views",
        }
    }
}

impl StoreName {
    /// Stores whose records are kept *compact*: `{"j": "<the record as JSON text>", …}`
    /// plus a copy of each indexed field, so IndexedDB clones one string instead of a
    /// tree of objects. Measured in scripts/bench.sh (10k/100k customers): writes went
    /// from about 1.3× to 0.9–1.1× Dexie's time; full loads stayed about 1.4–1.5×
    /// Dexie's (serde_json on the text costs about what the structured clone saved).
    /// Records written by older builds as plain objects are still read.
    pub fn compact(self) -> bool {
        matches!(self, StoreName::Docs | StoreName::Entries | StoreName::Outbox)
    }

    /// The key paths of every index on this store, across all steps.
    pub fn index_paths(self) -> impl Iterator<Item = &'static str> {
        STEPS
            .iter()
            .flat_map(|s| s.creates)
            .filter(move |d| d.store == self)
            .flat_map(|d| d.indexes.iter().map(|i| i.key_path))
    }
}

/// An index on a store: its name and the key path into the stored JSON object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexDef {
    pub name: &'static str,
    pub key_path: &'static str,
}

/// A store created by a step. Keys are out-of-line: callers pass them explicitly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoreDef {
    pub store: StoreName,
    pub indexes: &'static [IndexDef],
}

/// What upgrading to `version` creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub version: u32,
    pub creates: &'static [StoreDef],
}

/// Every step since the first release, oldest first.
pub const STEPS: &[Step] = &[
    Step {
        version: 1,
        creates: &[StoreDef {
            store: StoreName::Profiles,
            indexes: &[IndexDef { name: "by_created", key_path: "created_ms" }],
        }],
    },
    Step {
        version: 2,
        creates: &[
            StoreDef { store: StoreName::Settings, indexes: &[] },
            StoreDef { store: StoreName::Meta, indexes: &[] },
        ],
    },
    Step {
        version: 3,
        creates: &[
            StoreDef { store: StoreName::Docs, indexes: &[IndexDef { name: "by_kind", key_path: "kind" }] },
            StoreDef {
                store: StoreName::Entries,
                indexes: &[
                    IndexDef { name: "by_kind", key_path: "kind" },
                    IndexDef { name: "by_subject", key_path: "subject" },
                ],
            },
            StoreDef { store: StoreName::Outbox, indexes: &[] },
        ],
    },
    Step { version: 4, creates: &[StoreDef { store: StoreName::Blobs, indexes: &[] }] },
    Step { version: 5, creates: &[StoreDef { store: StoreName::Secrets, indexes: &[] }] },
    Step { version: 6, creates: &[StoreDef { store: StoreName::Views, indexes: &[] }] },
];

/// The steps to run when a database at `old` is opened at `new`.
pub fn steps_between(old: u32, new: u32) -> impl Iterator<Item = &'static Step> {
    STEPS.iter().filter(move |s| s.version > old && s.version <= new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_numbered_one_by_one_up_to_the_current_version() {
        for (i, step) in STEPS.iter().enumerate() {
            assert_eq!(step.version as usize, i + 1);
        }
        assert_eq!(STEPS.last().map(|s| s.version), Some(VERSION));
    }

    #[test]
    fn every_store_is_created_by_exactly_one_step() {
        for store in StoreName::ALL {
            let n = STEPS.iter().flat_map(|s| s.creates).filter(|d| d.store == store).count();
            assert_eq!(n, 1, "{store:?}");
        }
    }

    #[test]
    fn upgrading_from_one_runs_only_the_later_steps() {
        let v: Vec<u32> = steps_between(1, VERSION).map(|s| s.version).collect();
        assert_eq!(v, vec![2, 3, 4, 5, 6]);
        assert_eq!(steps_between(0, VERSION).count(), STEPS.len());
        assert_eq!(steps_between(VERSION, VERSION).count(), 0);
    }

    #[test]
    fn a_database_from_the_data_core_release_gains_only_the_blob_secret_and_view_stores() {
        let added: Vec<StoreName> = steps_between(3, VERSION).flat_map(|s| s.creates).map(|d| d.store).collect();
        assert_eq!(added, vec![StoreName::Blobs, StoreName::Secrets, StoreName::Views]);
        assert!(!StoreName::Blobs.compact(), "blob records are one base64 string already");
    }

    #[test]
    fn the_read_models_store_is_the_only_step_after_the_secrets_and_has_no_index() {
        let added: Vec<&StoreDef> = steps_between(5, VERSION).flat_map(|s| s.creates).collect();
        assert_eq!(added, vec![&StoreDef { store: StoreName::Views, indexes: &[] }]);
        assert!(!StoreName::Views.compact(), "a snapshot is one JSON text already");
    }
}
