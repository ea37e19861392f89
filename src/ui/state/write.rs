//! The one way the UI records a change: [`Writer::write`].
//!
//! A writer is made while a component is built and used from its event handlers. The
//! change is built with the device clock and the current profile as author, stored with
//! the outbox in one transaction ([`record_change`]), and always finishes, even if the
//! user has left the page meanwhile (what they saved is saved). `done` then runs only
//! while the component that made the writer is still alive, with any error worded in the
//! user's language, so a late answer never writes to a page that is gone.

use leptos::prelude::*;

use crate::record::replica::Replica;
use crate::storage::customers::Author;
use crate::storage::StorageError;
use crate::ui::i18n::{storage_error, use_i18n, I18n, Lang};
use crate::ui::state::edit::record_change;
use crate::ui::state::platform::now_ms;
use crate::ui::state::session::{use_db, use_session, Db, Session};
use crate::ui::state::sync_ctx::{use_sync, SyncCtx};

/// Why a change was not recorded.
#[derive(Debug)]
pub enum WriteError {
    /// The local database failed; nothing was written.
    Storage(StorageError),
    /// The change was refused before writing, with a reason already worded for the user.
    Refused(String),
}

impl From<StorageError> for WriteError {
    fn from(e: StorageError) -> Self {
        WriteError::Storage(e)
    }
}

impl WriteError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            WriteError::Storage(e) => storage_error(lang, e),
            WriteError::Refused(s) => s.clone(),
        }
    }
}

#[derive(Clone, Copy)]
pub struct Writer {
    db: StoredValue<Db>,
    sync: SyncCtx,
    session: Session,
    i18n: I18n,
    /// Disposed with the owner that made the writer: `done` is skipped after that.
    alive: StoredValue<()>,
}

impl Writer {
    pub fn new() -> Self {
        Self {
            db: StoredValue::new(use_db()),
            sync: use_sync(),
            session: use_session(),
            i18n: use_i18n(),
            alive: StoredValue::new(()),
        }
    }

    /// The current profile's id (empty before the first profile exists).
    pub fn me(&self) -> String {
        self.session.current.try_get_untracked().flatten().unwrap_or_default()
    }

    /// Builds a change as the current profile and stores it; an empty change stores
    /// nothing. `done` gets `Ok` or the reason in the user's language.
    pub fn write(
        &self,
        build: impl FnOnce(&mut Author) -> Result<Replica, WriteError> + 'static,
        done: impl FnOnce(Result<(), String>) + 'static,
    ) {
        let Some(db) = self.db.try_get_value() else {
            return;
        };
        let (sync, i18n) = (self.sync, self.i18n);
        let author = self.me();
        let key = self.session.key_of(&author);
        let reply = Reply::new(self.alive);
        leptos::task::spawn_local(async move {
            let mut refused = None;
            let stored = record_change(&db, sync, key, |clock| {
                let mut by = Author { profile: &author, clock, now_ms: now_ms() };
                build(&mut by).unwrap_or_else(|e| {
                    refused = Some(e);
                    Replica::default()
                })
            })
            .await;
            reply.deliver(move || {
                let lang = i18n.0.try_get_untracked().unwrap_or(Lang::En);
                done(match (refused, stored) {
                    (Some(e), _) => Err(e.message(lang)),
                    (None, Err(e)) => Err(WriteError::Storage(e).message(lang)),
                    (None, Ok(())) => Ok(()),
                })
            });
        });
    }
}

/// Where a write's or command's answer goes: `deliver` runs it under the view that
/// asked, and only while both that view and the component that made the writer are
/// alive. The caller may be a smaller view than the writer's (a row, a dialog), so the
/// owner current when the write starts is kept as well.
pub(crate) struct Reply {
    alive: StoredValue<()>,
    caller: StoredValue<()>,
    owner: Option<Owner>,
}

impl Reply {
    /// Made in the event handler, before the write's task starts.
    pub(crate) fn new(alive: StoredValue<()>) -> Self {
        Self { alive, caller: StoredValue::new(()), owner: Owner::current() }
    }

    pub(crate) fn deliver(self, answer: impl FnOnce()) {
        if self.alive.try_get_value().is_none() || self.caller.try_get_value().is_none() {
            return;
        }
        match self.owner {
            Some(o) => o.with(answer),
            None => answer(),
        }
    }
}

impl Default for Writer {
    fn default() -> Self {
        Self::new()
    }
}
