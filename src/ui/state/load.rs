//! The one way the UI reads stored records: [`load`].
//!
//! A read is asked for whenever its key changes (usually [`SyncCtx::data_version`], bumped
//! by every local change and every pull). One task per loader does the reading, one
//! read at a time: a key that changes during a read is remembered and read once after it
//! (several changes meanwhile make one read, with the newest key), so an older, slower
//! read can never land after a newer one. So no result is ever stale when it arrives,
//! and none is dropped: a read that began before a change is applied and followed at
//! once by the read that sees the change (the customer list relies on this: it patches
//! local changes onto the list the previous read built).
//!
//! The task belongs to the owner that called [`load`] and is cancelled when that owner
//! is disposed, so no read ever touches a page that is gone — the "already been
//! disposed" panic of issue #13.
//!
//! [`SyncCtx::data_version`]: crate::ui::state::sync_ctx::SyncCtx

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::task::{Poll, Waker};

use leptos::prelude::*;

use crate::storage::StorageError;
use crate::ui::i18n::{storage_error, use_i18n};
use crate::ui::state::session::{use_db, Db};
use crate::ui::state::sync_ctx::use_sync;

/// Whether a loader has read once, and the last read's error in the user's language.
#[derive(Clone, Copy)]
pub struct Loading {
    pub loaded: RwSignal<bool>,
    pub error: RwSignal<Option<String>>,
}

impl Loading {
    pub fn new() -> Self {
        Self { loaded: RwSignal::new(false), error: RwSignal::new(None) }
    }
}

impl Default for Loading {
    fn default() -> Self {
        Self::new()
    }
}

/// Reads with `read(db)` now and again after every local change and every pull (the
/// sync context's data version), handing each result to `apply`: the common case of
/// [`load`], for a card or page that shows records from the device's store.
pub fn load_on_change<T, Fut>(read: impl Fn(Db) -> Fut + 'static, apply: impl Fn(T) + 'static) -> Loading
where
    T: 'static,
    Fut: Future<Output = Result<T, StorageError>> + 'static,
{
    let db = use_db();
    let sync = use_sync();
    load(
        move || {
            sync.data_version.track();
            Some(())
        },
        move |()| read(db.clone()),
        apply,
    )
}

/// The key asked for last and not read yet, and the loader task's waker.
struct Wanted<K> {
    key: RefCell<Option<K>>,
    waker: RefCell<Option<Waker>>,
}

/// Reads with `read(key)` whenever `key()` (tracked) changes, and hands each result to
/// `apply`; `key()` returning `None` asks for nothing (a list not on screen). `apply`
/// runs only while the caller's owner is alive. Call while a component or context is
/// built: the loader belongs to the current owner.
pub fn load<K, T, Fut>(
    key: impl Fn() -> Option<K> + 'static,
    read: impl Fn(K) -> Fut + 'static,
    apply: impl Fn(T) + 'static,
) -> Loading
where
    K: 'static,
    T: 'static,
    Fut: Future<Output = Result<T, StorageError>> + 'static,
{
    let state = Loading::new();
    load_into(state, key, read, apply);
    state
}

/// [`load`] reporting into signals made beforehand (a context whose read needs them).
pub fn load_into<K, T, Fut>(
    state: Loading,
    key: impl Fn() -> Option<K> + 'static,
    read: impl Fn(K) -> Fut + 'static,
    apply: impl Fn(T) + 'static,
) where
    K: 'static,
    T: 'static,
    Fut: Future<Output = Result<T, StorageError>> + 'static,
{
    let i18n = use_i18n();
    let wanted = Rc::new(Wanted { key: RefCell::new(None), waker: RefCell::new(None) });
    let asked = Rc::clone(&wanted);
    Effect::new(move |_| {
        if let Some(k) = key() {
            asked.key.replace(Some(k));
            if let Some(w) = asked.waker.take() {
                w.wake();
            }
        }
    });
    // Untracked: a task started while a view is built must not make that view's render
    // effect depend on what the task reads.
    untrack(|| {
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            loop {
                let k = std::future::poll_fn(|cx| match wanted.key.take() {
                    Some(k) => Poll::Ready(k),
                    None => {
                        wanted.waker.replace(Some(cx.waker().clone()));
                        Poll::Pending
                    }
                })
                .await;
                match read(k).await {
                    Ok(v) => {
                        apply(v);
                        state.error.try_set(None);
                    }
                    Err(e) => {
                        let lang = i18n.0.try_get_untracked().unwrap_or(crate::ui::i18n::Lang::En);
                        state.error.try_set(Some(storage_error(lang, &e)));
                    }
                }
                state.loaded.try_set(true);
            }
        })
    });
}
