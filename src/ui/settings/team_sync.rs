use leptos::prelude::*;

use crate::storage::data::{apply_import, clock, replica};
use crate::storage::sync_run::SyncRunError;
use crate::storage::sync_run::{save_team, Team};
use crate::sync::crypto::TeamKey;
use crate::sync::crypto::{wrap_key, KdfParams};
use crate::sync::engine::SyncError;
use crate::sync::host::{HostError, Rejection};
use crate::sync::passphrase::{check_passphrase, Weakness};
use crate::sync::snapshot::{open_bundle, seal_bundle, Bundle, SnapshotError};
use crate::ui::i18n::bucket::BMsg;
use crate::ui::i18n::{clock_ahead, host_status, imported, passphrase_weak, t, use_i18n, Lang, Msg};
use crate::ui::settings::bucket_form::BucketForm;
use crate::ui::settings::invite::{invite_link, parse_invite, protected_link, qr_svg};
use crate::ui::settings::team_status::TeamStatusView;
use crate::ui::state::load::load;
use crate::ui::state::platform::{app_url, copy_text, default_host_url, now_ms, random_bytes, set_hash};
use crate::ui::state::session::use_db;
use crate::ui::state::sync_ctx::{use_sync, SyncPhase};
use crate::ui::widgets::file_io::{download, read_chosen};

/// A sync failure in the user's words; every case says that local data is safe.
pub fn sync_error_text(lang: Lang, e: &SyncRunError) -> String {
    match e {
        SyncRunError::Sync(SyncError::Host(HostError::Unreachable(_))) => Msg::ErrUnreachable.text(lang).into(),
        SyncRunError::Sync(SyncError::Host(HostError::Status(s))) => host_status(lang, *s),
        SyncRunError::Sync(SyncError::Host(HostError::ReadOnly)) => Msg::ErrReadOnly.text(lang).into(),
        SyncRunError::Sync(SyncError::Host(HostError::Unauthorized)) => Msg::ErrUnauthorized.text(lang).into(),
        SyncRunError::Sync(SyncError::Host(HostError::Rejected(r))) => rejection_text(lang, r),
        SyncRunError::Sync(SyncError::Host(HostError::TooLarge { .. })) => {
            crate::ui::i18n::sync_status::refusal_text(lang, "too_large").into()
        }
        SyncRunError::Storage(s) => format!("{}{s}", Msg::ErrStorage.text(lang)),
        SyncRunError::Key(_) => Msg::ErrKey.text(lang).into(),
    }
}

/// An object store's refusal (its S3 error code) in words.
fn rejection_text(lang: Lang, r: &Rejection) -> String {
    match r {
        Rejection::ClockSkew => Msg::ErrClockSkew.text(lang).into(),
        Rejection::SignatureMismatch => Msg::ErrSignature.text(lang).into(),
        Rejection::UnknownAccessKey => Msg::ErrAccessKey.text(lang).into(),
        Rejection::AccessDenied => Msg::ErrAccessDenied.text(lang).into(),
        Rejection::NoSuchBucket => Msg::ErrNoBucket.text(lang).into(),
        Rejection::Other(code) => format!("{}{code}", Msg::ErrHostRefused.text(lang)),
    }
}

fn time_text(ms: i64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!("{:02}:{:02}:{:02}", d.get_hours(), d.get_minutes(), d.get_seconds())
}

fn valid_url(u: &str) -> bool {
    let u = u.trim();
    (u.starts_with("http://") || u.starts_with("https://")) && u.len() > 8
}

/// Settings › Team sync: create or join a team; once in one, its status and invite.
#[component]
pub fn TeamSync() -> impl IntoView {
    let sync = use_sync();
    view! {
        <section class="card" data-testid="team-sync">
            <h2>{t(Msg::SettingsSync)}</h2>
            {move || if sync.team.get().is_some() { view! { <SyncStatus /> }.into_any() } else { view! { <NoTeam /> }.into_any() }}
        </section>
    }
}

#[component]
fn NoTeam() -> impl IntoView {
    let sync = use_sync();
    let db = use_db();
    let i18n = use_i18n();
    let host = RwSignal::new(default_host_url());
    let user = RwSignal::new(String::new());
    let pass = RwSignal::new(String::new());
    let link = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Msg>);
    // A WebDAV folder, or an S3-compatible bucket (issue 19).
    let on_bucket = RwSignal::new(false);
    let save = move |team: Team| {
        let db = db.clone();
        let device = sync.device.get_value();
        leptos::task::spawn_local(async move {
            match save_team(db.store(), &team, &device).await {
                Ok(_) => sync.set_team(team),
                Err(_) => {
                    error.try_set(Some(Msg::ErrStorage));
                }
            }
        });
    };
    let create = {
        let save = save.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let url = host.get_untracked();
            if !valid_url(&url) {
                return error.set(Some(Msg::ErrBadHostUrl));
            }
            let mut k = [0u8; 32];
            random_bytes(&mut k);
            let (u, p) = (user.get_untracked(), pass.get_untracked());
            let nonempty = |s: String| (!s.trim().is_empty()).then_some(s);
            save(Team {
                host_url: if url.trim().ends_with('/') { url.trim().to_owned() } else { format!("{}/", url.trim()) },
                key: TeamKey::from_bytes(k).to_text(),
                inviter: None,
                user: nonempty(u),
                password: nonempty(p),
                s3: None,
            });
        }
    };
    let join = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // A pasted link opens the join page, which also handles protected keys.
        let text = link.get_untracked();
        match (parse_invite(&text), text.split_once('#')) {
            (Some(_), Some((_, frag))) => set_hash(&format!("#{frag}")),
            _ => error.set(Some(Msg::ErrBadInvite)),
        }
    };
    view! {
        <p class="muted" data-testid="sync-no-team">{t(Msg::SyncNoTeam)}</p>
        <Show when=move || error.get().is_some()>
            <p class="error" role="alert" data-testid="team-error">{move || error.get().map(|m| m.text(i18n.lang()))}</p>
        </Show>
        <fieldset class="host-kind">
            <legend>{t(BMsg::Where)}</legend>
            <div class="segmented">
                <label class="seg" class:active=move || !on_bucket.get()>
                    <input type="radio" name="host-kind" data-testid="host-kind-folder" prop:checked=move || !on_bucket.get()
                        on:change=move |_| on_bucket.set(false) />
                    <span>{t(BMsg::KindFolder)}</span>
                </label>
                <label class="seg" class:active=move || on_bucket.get()>
                    <input type="radio" name="host-kind" data-testid="host-kind-bucket" prop:checked=move || on_bucket.get()
                        on:change=move |_| on_bucket.set(true) />
                    <span>{t(BMsg::KindBucket)}</span>
                </label>
            </div>
        </fieldset>
        <Show when=move || on_bucket.get()>
            <BucketForm />
        </Show>
        <form class="form" data-testid="team-create" on:submit=create novalidate class:hidden=move || on_bucket.get()>
            <h3>{t(Msg::SyncCreateTitle)}</h3>
            <label class="field">
                <span>{t(Msg::SyncHostUrl)}</span>
                <input type="url" inputmode="url" data-testid="team-host" prop:value=move || host.get()
                    on:input=move |ev| { host.set(event_target_value(&ev)); error.set(None); } />
            </label>
            <div class="grid-2">
                <label class="field">
                    <span>{t(Msg::SyncUser)}</span>
                    <input type="text" autocomplete="username" prop:value=move || user.get() on:input=move |ev| user.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>{t(Msg::SyncPassword)}</span>
                    <input type="password" autocomplete="current-password" prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev)) />
                </label>
            </div>
            <div class="actions"><button type="submit" class="primary" data-testid="team-create-submit">{t(Msg::SyncCreate)}</button></div>
        </form>
        <form class="form" data-testid="team-join" on:submit=join novalidate>
            <h3>{t(Msg::SyncJoinTitle)}</h3>
            <label class="field">
                <span>{t(Msg::SyncJoinPaste)}</span>
                <input type="text" data-testid="team-join-link" prop:value=move || link.get()
                    on:input=move |ev| { link.set(event_target_value(&ev)); error.set(None); } />
            </label>
            <div class="actions"><button type="submit" data-testid="team-join-submit">{t(Msg::SyncJoin)}</button></div>
        </form>
    }
}

#[component]
fn SyncStatus() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let device = sync.device.get_value();
    let protected = RwSignal::new(None::<String>);
    let passphrase = RwSignal::new(String::new());
    let pass_error = RwSignal::new(None::<Weakness>);
    let shown = RwSignal::new(false);
    // The roster's root travels in the link next to the key (issue 15).
    let root = RwSignal::new(None::<String>);
    let root_db = use_db();
    load(
        move || {
            sync.data_version.track();
            Some(())
        },
        move |()| {
            let db = root_db.clone();
            async move { crate::storage::roster::root(db.store()).await }
        },
        move |r| root.set(r),
    );
    let link = move || {
        protected.get().unwrap_or_else(|| {
            sync.team
                .get()
                .map(|tm| invite_link(&app_url(), &tm, &sync.device.get_value(), root.get().as_deref()))
                .unwrap_or_default()
        })
    };
    let protect = move |_| {
        let pass = passphrase.get_untracked();
        if let Err(weak) = check_passphrase(&pass) {
            return pass_error.set(Some(weak));
        }
        let Some(team) = sync.team.get_untracked() else {
            return;
        };
        let Ok(key) = TeamKey::from_text(&team.key) else {
            return;
        };
        let (mut salt, mut nonce) = ([0u8; 16], [0u8; 12]);
        random_bytes(&mut salt);
        random_bytes(&mut nonce);
        if let Ok(w) = wrap_key(&key, &pass, salt, nonce, KdfParams::default()) {
            let r = root.get_untracked();
            protected.set(Some(protected_link(&app_url(), &team, &sync.device.get_value(), &w, r.as_deref())));
            shown.set(true);
        }
    };
    view! {
        <dl class="facts">
            <dt>{t(Msg::SyncHost)}</dt>
            <dd data-testid="sync-host">{move || sync.team.get().map(|t| t.host_url).unwrap_or_default()}</dd>
            {move || sync.team.get().and_then(|t| t.s3).map(|b| view! {
                <dt>{t(BMsg::BucketLabel)}</dt>
                <dd data-testid="sync-bucket">{format!("{} · {} · {}", b.bucket, b.region, b.endpoint)}</dd>
            })}
            <dt>{t(Msg::SyncDevice)}</dt>
            <dd data-testid="sync-device">{device}</dd>
            <dt>{t(Msg::SyncLast)}</dt>
            <dd data-testid="sync-last">{move || sync.last_ok_ms.get().map(time_text).unwrap_or_else(|| t(Msg::SyncNever)().into())}</dd>
            <dt>{t(Msg::SyncUnsynced)}</dt>
            <dd data-testid="sync-unsynced">{move || sync.unsynced.get()}</dd>
        </dl>
        <p class="sync-phase" role="status" data-testid="sync-phase" data-phase=move || match sync.phase.get() {
            SyncPhase::Idle => "idle", SyncPhase::Waiting => "waiting", SyncPhase::Running => "running", SyncPhase::Done => "done", SyncPhase::Failed(_) => "failed",
        }>
            {move || match sync.phase.get() {
                SyncPhase::Idle => String::new(),
                SyncPhase::Waiting => t(Msg::SyncOtherTab)().into(),
                SyncPhase::Running => t(Msg::SyncRunning)().into(),
                SyncPhase::Done => t(Msg::SyncOk)().into(),
                SyncPhase::Failed(e) => sync_error_text(i18n.lang(), &e),
            }}
        </p>
        <Show when=move || sync.read_only.get()>
            <p class="warn" data-testid="sync-read-only">{t(Msg::ErrReadOnly)}</p>
        </Show>
        <For each=move || sync.skew.get() key=|w| w.device.clone() let:w>
            <p class="warn" data-testid="sync-skew">{move || clock_ahead(i18n.lang(), &w.device, w.ahead_ms / 3_600_000)}</p>
        </For>
        <TeamStatusView />
        <div class="actions">
            <button type="button" class="primary" data-testid="sync-now"
                disabled=move || sync.phase.get().busy()
                on:click=move |_| sync.sync_now()>{t(Msg::SyncNow)}</button>
        </div>
        <FileTransfer />
        <div class="invite">
            <p class="muted">{t(Msg::SyncInvite)}</p>
            <button type="button" data-testid="invite-show" aria-expanded=move || shown.get().to_string()
                on:click=move |_| shown.update(|s| *s = !*s)>
                {move || if shown.get() { t(Msg::InviteHide)() } else { t(Msg::InviteShow)() }}
            </button>
            <div class="protect">
                <input type="password" autocomplete="new-password" data-testid="invite-passphrase"
                    placeholder=t(Msg::InvitePassphrase) aria-invalid=move || pass_error.get().is_some().to_string()
                    prop:value=move || passphrase.get()
                    on:input=move |ev| { passphrase.set(event_target_value(&ev)); pass_error.set(None); } />
                <button type="button" data-testid="invite-protect" on:click=protect>{t(Msg::InviteProtect)}</button>
            </div>
            {move || pass_error.get().map(|w| view! {
                <p class="error" role="alert" data-testid="invite-passphrase-weak">{move || passphrase_weak(i18n.lang(), w)}</p>
            })}
            <Show when=move || protected.get().is_some()>
                <p class="ok" data-testid="invite-protected">{t(Msg::InviteProtected)}</p>
            </Show>
            // The link is the team key: drawn only on demand, under the warning.
            <Show when=move || shown.get()>
                <p class="warn" role="note" data-testid="invite-warning">{t(Msg::InviteWarning)}</p>
                <input type="text" readonly data-testid="invite-link" prop:value=link />
                <button type="button" on:click=move |_| copy_text(&link())>{t(Msg::SyncCopy)}</button>
                <div class="qr" data-testid="invite-qr" inner_html=move || qr_svg(&link()).unwrap_or_default()></div>
            </Show>
        </div>
    }
}

#[derive(Clone, PartialEq)]
enum FileMsg {
    Imported(usize),
    Failed(Msg),
}

/// Export everything as one sealed file; import such a file (no network at all).
#[component]
fn FileTransfer() -> impl IntoView {
    let sync = use_sync();
    let db = use_db();
    let i18n = use_i18n();
    let msg = RwSignal::new(None::<FileMsg>);
    let key = move || sync.team.get_untracked().and_then(|t| TeamKey::from_text(&t.key).ok());
    let export_db = db.clone();
    let export = move |_| {
        let (db, Some(key)) = (export_db.clone(), key()) else {
            return;
        };
        let device = sync.device.get_value();
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            let Ok(all) = replica(db.store()).await else {
                msg.try_set(Some(FileMsg::Failed(Msg::ErrStorage)));
                return;
            };
            let mut nonce = [0u8; 12];
            random_bytes(&mut nonce);
            let bytes = seal_bundle(&key, nonce, &Bundle::new(&device, now_ms(), all));
            let stamp = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
            let day = stamp.get(..10).unwrap_or("export");
            download(&format!("outpost-{day}-{}.json", &device[..device.len().min(8)]), &bytes, "application/json");
        });
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(key) = key() else { return };
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let db = db.clone();
        leptos::task::spawn_local(async move {
            let Some(bytes) = read_chosen(&input).await else {
                return;
            };
            input.set_value("");
            let result = match open_bundle(&key, &bytes) {
                Err(SnapshotError::TooNew { .. }) => FileMsg::Failed(Msg::ErrFileTooNew),
                Err(_) => FileMsg::Failed(Msg::ErrFileUnreadable),
                Ok(bundle) => {
                    let device = sync.device.get_value();
                    match clock(db.store(), &device).await {
                        Err(_) => FileMsg::Failed(Msg::ErrStorage),
                        Ok(mut c) => {
                            for s in bundle.replica.stamps() {
                                c.observe(s, now_ms());
                            }
                            match apply_import(db.store(), &bundle.replica, &c).await {
                                Ok(n) => FileMsg::Imported(n),
                                Err(_) => FileMsg::Failed(Msg::ErrStorage),
                            }
                        }
                    }
                }
            };
            sync.changed();
            msg.try_set(Some(result));
        });
    };
    view! {
        <div class="file-transfer">
            <p class="muted">{t(Msg::SyncFileHint)}</p>
            <div class="actions start">
                <button type="button" data-testid="export-file" on:click=export>{t(Msg::SyncExport)}</button>
                <label class="button-like">
                    {t(Msg::SyncImport)}
                    <input type="file" accept=".json,application/json" data-testid="import-file" class="visually-hidden" on:change=import />
                </label>
            </div>
            {move || msg.get().map(|m| match m {
                FileMsg::Imported(n) => view! { <p class="ok" role="status" data-testid="import-status">{imported(i18n.lang(), n)}</p> }.into_any(),
                FileMsg::Failed(e) => view! { <p class="error" role="alert" data-testid="import-error">{e.text(i18n.lang())}</p> }.into_any(),
            })}
        </div>
    }
}
