//! The sync context: this device's id, its team, the state of the last sync, and
//! `sync_now`. Syncs run on demand, when the browser comes online, every few minutes,
//! and shortly after a local change. The context lives as long as the app, but its
//! tasks still write only through `try_*`, so a late answer can never panic.

use leptos::prelude::*;

use crate::record::hlc::{HostClock, SkewWarning};
use crate::record::replica::Replica;
use crate::storage::data::unsynced_count;
use crate::storage::sync_run::{sync_once, team, SyncReport, SyncRunError, Team};
use crate::sync::engine::{Rejected, SyncError};
use crate::sync::host::HostError;
use crate::sync::http_host::HttpHost;
use crate::sync::s3_host::S3Host;
use crate::sync::status::TeamStatus;
use crate::sync::team_host::TeamHost;
use crate::ui::state::csp;
use crate::ui::state::platform::{is_online, now_ms, random_bytes};
use crate::ui::state::round_lock;
use crate::ui::state::session::Db;

const PERIOD_MS: u32 = 5 * 60 * 1000;

#[derive(Debug, Clone, PartialEq)]
pub enum SyncPhase {
    Idle,
    /// Another tab of the app is syncing; this one's round starts when it ends.
    Waiting,
    Running,
    Done,
    Failed(SyncRunError),
}

impl SyncPhase {
    /// A round is waiting for its turn or running.
    pub fn busy(&self) -> bool {
        matches!(self, SyncPhase::Waiting | SyncPhase::Running)
    }
}

/// What the last finished round found beyond "it finished": whether the team is in
/// step and why not, the host's clock, files the host had lost.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoundSummary {
    pub status: TeamStatus,
    pub host_clock: Option<HostClock>,
    pub republished: usize,
}

#[derive(Clone, Copy)]
pub struct SyncCtx {
    pub device: StoredValue<String>,
    pub team: RwSignal<Option<Team>>,
    pub phase: RwSignal<SyncPhase>,
    pub last_ok_ms: RwSignal<Option<i64>>,
    pub unsynced: RwSignal<usize>,
    pub skew: RwSignal<Vec<SkewWarning>>,
    pub rejected: RwSignal<Vec<Rejected>>,
    pub round: RwSignal<Option<RoundSummary>>,
    /// The host took no writes on the last round (a plain static host).
    pub read_only: RwSignal<bool>,
    /// Bumped whenever stored records change (a local edit or a pull), so lists reload.
    pub data_version: RwSignal<u64>,
    /// This device's changes since lists last read them, when only local edits happened;
    /// `None` after a pull or an import, which need a full re-read.
    pub pending_local: StoredValue<Option<Replica>>,
    pub needs_full: StoredValue<bool>,
    /// A round was asked for while one was running (an edit's round, say): one more runs
    /// when it ends, so what was stored meanwhile is not left waiting for the next trigger.
    again: StoredValue<bool>,
    db: StoredValue<Db>,
}

impl SyncCtx {
    /// Re-reads the unsynced count and tells lists the data changed (anything: a full
    /// re-read follows).
    pub fn changed(&self) {
        self.needs_full.try_set_value(true);
        self.bump();
    }

    /// A change made on this device, or a small pull: lists may patch just what it
    /// touched.
    pub fn changed_local(&self, change: &Replica) {
        self.pending_local.try_update_value(|p| {
            let merged = match p.take() {
                Some(old) => old.merge(change.clone()),
                None => change.clone(),
            };
            *p = Some(merged);
        });
        self.bump();
    }

    /// Takes what changed locally since the last read; `None` means read everything.
    pub fn take_changes(&self) -> Option<Replica> {
        let pending = self.pending_local.try_update_value(Option::take).flatten();
        let full = self.needs_full.try_update_value(|f| std::mem::replace(f, false)).unwrap_or(true);
        if full {
            None
        } else {
            pending
        }
    }

    fn bump(&self) {
        self.data_version.try_update(|v| *v += 1);
        let (Some(db), unsynced) = (self.db.try_get_value(), self.unsynced) else {
            return;
        };
        leptos::task::spawn_local(async move {
            if let Ok(n) = unsynced_count(db.store()).await {
                unsynced.try_set(n);
            }
        });
    }

    /// Runs one sync round now, unless one is running, there is no team, or we are offline.
    pub fn sync_now(&self) {
        let ctx = *self;
        let Some(team) = ctx.team.try_get_untracked().flatten() else {
            return;
        };
        let idle = ctx.phase.try_with_untracked(|p| !p.busy()).unwrap_or(false);
        if !is_online() {
            return;
        }
        if !idle {
            ctx.again.try_set_value(true);
            return;
        }
        let (Some(db), Some(device)) = (ctx.db.try_get_value(), ctx.device.try_get_value()) else {
            return;
        };
        ctx.phase.try_set(SyncPhase::Running);
        leptos::task::spawn_local(async move {
            // One round at a time across the tabs sharing this device's database.
            let _turn = round_lock::acquire(|| {
                ctx.phase.try_set(SyncPhase::Waiting);
            })
            .await;
            ctx.phase.try_set(SyncPhase::Running);
            let host = match &team.s3 {
                None => {
                    TeamHost::Http(HttpHost::new(&team.host_url, team.user.as_deref().zip(team.password.as_deref())))
                }
                Some(bucket) => match S3Host::new(&bucket.config()) {
                    Ok(h) => TeamHost::S3(h),
                    // Settings that no longer check (stored by a later build, say): said, not sent.
                    Err(e) => {
                        let e = SyncRunError::Sync(SyncError::Host(HostError::Unreachable(e.to_string())));
                        ctx.phase.try_set(SyncPhase::Failed(e));
                        return;
                    }
                },
            };
            let nonce = || {
                let mut n = [0u8; 12];
                random_bytes(&mut n);
                n
            };
            let result: Result<SyncReport, SyncRunError> =
                sync_once(db.store(), &host, &team, &device, now_ms(), nonce).await;
            match result {
                Ok(r) => {
                    ctx.last_ok_ms.try_set(Some(now_ms()));
                    ctx.skew.try_set(r.skew);
                    ctx.rejected.try_set(r.rejected.clone());
                    ctx.round.try_set(Some(RoundSummary {
                        status: r.status.clone(),
                        host_clock: r.host_clock.clone(),
                        republished: r.republished,
                    }));
                    ctx.unsynced.try_set(r.unsynced);
                    ctx.read_only.try_set(r.read_only);
                    match (r.pulled, r.incoming) {
                        (0, _) => {}
                        // A few records from other tablets: lists patch what they name
                        // (a claim, an edit) as for a local edit; new customers and
                        // renames still read everything.
                        (_, Some(incoming)) => ctx.changed_local(&incoming),
                        (_, None) => {
                            ctx.needs_full.try_set_value(true);
                            ctx.data_version.try_update(|v| *v += 1);
                        }
                    }
                    ctx.phase.try_set(SyncPhase::Done);
                }
                Err(e) => {
                    if let Ok(n) = unsynced_count(db.store()).await {
                        ctx.unsynced.try_set(n);
                    }
                    ctx.phase.try_set(SyncPhase::Failed(e));
                }
            }
            // Asked for while this round ran: one more (it takes the round lock once this
            // task lets it go).
            if ctx.again.try_update_value(|a| std::mem::replace(a, false)).unwrap_or(false) {
                ctx.sync_now();
            }
        });
    }

    /// The team saved on this device. A page whose connections are pinned to another
    /// host ([`csp`]) reloads instead, to reach the new one.
    pub fn set_team(&self, t: Team) {
        if csp::needs_reload_for(&t.host_url) {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
            return;
        }
        csp::pin_connect_src(&t.host_url);
        self.team.try_set(Some(t));
        self.sync_now();
    }
}

pub fn provide_sync(db: Db, device: String) -> SyncCtx {
    let ctx = SyncCtx {
        device: StoredValue::new(device),
        team: RwSignal::new(None),
        phase: RwSignal::new(SyncPhase::Idle),
        last_ok_ms: RwSignal::new(None),
        unsynced: RwSignal::new(0),
        skew: RwSignal::new(Vec::new()),
        rejected: RwSignal::new(Vec::new()),
        round: RwSignal::new(None),
        read_only: RwSignal::new(false),
        data_version: RwSignal::new(0),
        pending_local: StoredValue::new(None),
        needs_full: StoredValue::new(true),
        again: StoredValue::new(false),
        db: StoredValue::new(db.clone()),
    };
    provide_context(ctx);
    leptos::task::spawn_local(async move {
        if let Ok(t) = team(db.store()).await {
            if let Some(t) = &t {
                csp::pin_connect_src(&t.host_url);
            }
            ctx.team.try_set(t);
        }
        ctx.changed();
        ctx.sync_now();
    });
    let online = window_event_listener(leptos::ev::online, move |_| ctx.sync_now());
    let tick = set_interval_with_handle(move || ctx.sync_now(), std::time::Duration::from_millis(PERIOD_MS.into()));
    on_cleanup(move || {
        online.remove();
        if let Ok(t) = tick {
            t.clear();
        }
    });
    ctx
}

pub fn use_sync() -> SyncCtx {
    expect_context::<SyncCtx>()
}
