//! Running a command (crate::app) from a component: the current profile as the
//! [`Actor`], the command awaited against this device's store, and — when it stored
//! something — the lists and sync told, as [`record_change`](super::edit::record_change)
//! does. Components ask [`Commands::can`] with the command layer's `can_*` checks to
//! decide which controls to draw; the command refuses regardless.
//!
//! Like [`Writer`](super::write::Writer), a command always finishes once started (what
//! the user did is stored even if they leave the page), and `done` runs only while the
//! component that made the runner and the view that called it are alive.
//!
//! Commands on this page run one at a time: most read
//! what is stored and then write a change computed from it, so two quick taps (a second
//! role box ticked while the first is still saving) would otherwise both start from the
//! same reading and the later write would undo the earlier one.

use std::future::Future;

use leptos::prelude::*;

use crate::app::{Actor, CommandError};
use crate::record::replica::Replica;
use crate::ui::state::edit::sync_soon;
use crate::ui::state::platform::{new_id, now_ms};
use crate::ui::state::session::{use_db, use_session, Db, Session};
use crate::ui::state::sync_ctx::{use_sync, SyncCtx};
use crate::ui::state::write::Reply;

/// What a command returns: the change it stored (plus, for some, a count).
pub trait Stored {
    fn change(&self) -> &Replica;
}

impl Stored for Replica {
    fn change(&self) -> &Replica {
        self
    }
}

impl<T> Stored for (Replica, T) {
    fn change(&self) -> &Replica {
        &self.0
    }
}

#[derive(Clone, Copy)]
pub struct Commands {
    db: StoredValue<Db>,
    sync: SyncCtx,
    session: Session,
    /// Disposed with the owner that made the runner: `done` is skipped after that.
    alive: StoredValue<()>,
}

impl Commands {
    /// Made while the component is built (contexts are read there).
    pub fn new() -> Self {
        Self { db: StoredValue::new(use_db()), sync: use_sync(), session: use_session(), alive: StoredValue::new(()) }
    }

    /// The current profile as an actor, now, on this device. Tracked: a view that asks
    /// re-renders when the profile switches.
    pub fn actor(&self) -> Option<Actor> {
        let p = self.session.current_profile()?;
        let key = self.session.key_of(&p.id);
        Some(Actor::new(&p.id, p.role, &self.sync.device.try_get_value()?, now_ms(), new_id).with_key(key))
    }

    /// Whether the current profile passes a command layer check (`app::<area>::can_*`).
    pub fn can(&self, check: impl Fn(&Actor) -> bool) -> bool {
        self.actor().is_some_and(|a| check(&a))
    }

    /// Runs `cmd` as the current profile; `done` gets the outcome.
    pub fn run<T, Fut>(
        &self,
        cmd: impl FnOnce(Db, Actor) -> Fut + 'static,
        done: impl FnOnce(Result<T, CommandError>) + 'static,
    ) where
        T: Stored + 'static,
        Fut: Future<Output = Result<T, CommandError>> + 'static,
    {
        let Some(actor) = self.actor() else {
            return;
        };
        let Some(db) = self.db.try_get_value() else {
            return;
        };
        let sync = self.sync;
        let reply = Reply::new(self.alive);
        // Not cancelled with the view: a started command always lands.
        leptos::task::spawn_local(async move {
            let r = {
                let queue = queue();
                let _turn = queue.lock().await;
                cmd(db, actor).await
            };
            if let Ok(out) = &r {
                let change = out.change();
                if !change.docs.is_empty() || !change.entries.is_empty() {
                    sync.changed_local(change);
                    sync_soon(sync);
                }
            }
            reply.deliver(move || done(r));
        });
    }
}

/// The page's command turn: one command holds `futures`' async mutex while it runs.
fn queue() -> std::rc::Rc<futures::lock::Mutex<()>> {
    thread_local! {
        static QUEUE: std::rc::Rc<futures::lock::Mutex<()>> = std::rc::Rc::new(futures::lock::Mutex::new(()));
    }
    QUEUE.with(std::rc::Rc::clone)
}

impl Default for Commands {
    fn default() -> Self {
        Self::new()
    }
}
