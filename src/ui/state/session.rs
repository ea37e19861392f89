//! The session context: the open database, the profiles on this device and which one
//! is using it now. The current profile is remembered per device in localStorage so a
//! reload, online or not, comes back to the same person.

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use std::collections::HashMap;

use crate::domain::profile::Profile;
use crate::record::seal::PersonalKey;
use crate::storage::idb::IdbStore;
use crate::storage::{get_all_typed, put_typed, StorageError, StoreName};

const CURRENT_KEY: &str = "outpost.profile";

/// The open database, shareable through context (IndexedDB handles are not `Send`;
/// the app is single-threaded, which `SendWrapper` checks at run time).
#[derive(Clone)]
pub struct Db(pub SendWrapper<IdbStore>);

impl Db {
    pub fn store(&self) -> &IdbStore {
        &self.0
    }
}

#[derive(Clone, Copy)]
pub struct Session {
    pub profiles: RwSignal<Vec<Profile>>,
    pub current: RwSignal<Option<String>>,
    /// True while the "add a person" form is open over the shell.
    pub adding: RwSignal<bool>,
    /// Each profile's personal signing key (`storage::personal_keys`), opened at start.
    pub keys: StoredValue<HashMap<String, PersonalKey>>,
}

impl Session {
    pub fn current_profile(&self) -> Option<Profile> {
        let id = self.current.get()?;
        self.profiles.with(|ps| ps.iter().find(|p| p.id == id).cloned())
    }

    /// The profile's personal key, if this device holds one it can open.
    pub fn key_of(&self, id: &str) -> Option<PersonalKey> {
        self.keys.try_with_value(|k| k.get(id).cloned()).flatten()
    }

    pub fn add_key(&self, id: &str, key: PersonalKey) {
        self.keys.try_update_value(|k| k.insert(id.to_owned(), key));
    }

    pub fn switch_to(&self, id: &str) {
        crate::ui::state::platform::local_set(CURRENT_KEY, id);
        self.current.set(Some(id.to_owned()));
        self.adding.set(false);
    }
}

/// Loads every profile, oldest first.
pub async fn load_profiles(store: &IdbStore) -> Result<Vec<Profile>, StorageError> {
    let mut ps: Vec<Profile> = get_all_typed(store, StoreName::Profiles).await?;
    ps.sort_by_key(|p| p.created_ms);
    Ok(ps)
}

pub async fn save_profile(store: &IdbStore, p: &Profile) -> Result<(), StorageError> {
    put_typed(store, StoreName::Profiles, &p.id, p).await
}

pub fn provide_session(db: Db, profiles: Vec<Profile>, keys: HashMap<String, PersonalKey>) -> Session {
    let remembered =
        crate::ui::state::platform::local_get(CURRENT_KEY).filter(|id| profiles.iter().any(|p| &p.id == id));
    let current = remembered.or_else(|| profiles.first().map(|p| p.id.clone()));
    let session = Session {
        profiles: RwSignal::new(profiles),
        current: RwSignal::new(current),
        adding: RwSignal::new(false),
        keys: StoredValue::new(keys),
    };
    provide_context(db);
    provide_context(session);
    session
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

pub fn use_db() -> Db {
    expect_context::<Db>()
}
