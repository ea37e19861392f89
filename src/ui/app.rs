//! The root component: opens the database, then shows the first-run form or the shell.

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::domain::profile::Profile;
use crate::storage::idb::IdbStore;
use crate::storage::schema::{DB_NAME, VERSION};
use crate::storage::sync_run::device_id;
use crate::ui::customers::customers_ctx::provide_customers;
use crate::ui::i18n::{provide_i18n, t, Msg};
use crate::ui::profiles::profile_form::ProfileForm;
use crate::ui::shell::frame::Shell;
use crate::ui::state::platform::{fresh_seed, new_id};
use std::collections::HashMap;

use crate::record::seal::PersonalKey;
use crate::storage::personal_keys::personal_keys;
use crate::ui::state::session::{load_profiles, provide_session, use_session, Db};
use crate::ui::state::sync_ctx::provide_sync;

#[derive(Clone)]
enum Boot {
    Opening,
    /// The upgrade waits for another tab (an older build) to let go of the database.
    Blocked,
    /// A newer tab upgraded the database: this one closed it and must be reloaded.
    Superseded,
    Ready(Db, Vec<Profile>, String, HashMap<String, PersonalKey>),
    Failed(String),
}

#[component]
pub fn App() -> impl IntoView {
    crate::ui::state::route::capture_invite_at_start();
    provide_i18n();
    let boot = RwSignal::new(Boot::Opening);
    leptos::task::spawn_local(async move {
        let result = async {
            let store = IdbStore::open_watching(DB_NAME, VERSION, move || {
                boot.try_set(Boot::Blocked);
            })
            .await?;
            // Never keep a newer tab waiting: let go of the database and say so.
            store.close_on_version_change(move || {
                boot.try_set(Boot::Superseded);
            });
            let profiles = load_profiles(&store).await?;
            let device = device_id(&store, new_id).await?;
            // A key that cannot be opened leaves that profile's changes unsealed; the
            // app still opens (its roster card says so).
            let (keys, failed) = personal_keys(&store, &profiles, fresh_seed).await;
            for (profile, e) in failed {
                web_sys::console::warn_1(&format!("personal key of {profile}: {e}").into());
            }
            Ok::<_, crate::storage::StorageError>((store, profiles, device, keys))
        }
        .await;
        boot.try_set(match result {
            Ok((store, profiles, device, keys)) => Boot::Ready(Db(SendWrapper::new(store)), profiles, device, keys),
            Err(e) => Boot::Failed(e.to_string()),
        });
    });

    move || {
        match boot.get() {
        // Each state is the page's main landmark (the shell and the first-run form are too).
        Boot::Opening => view! { <main class="boot"><p data-testid="boot">{t(Msg::Loading)}</p></main> }.into_any(),
        Boot::Blocked => view! {
            <main class="boot warn"><p role="alert" data-testid="boot-blocked">{t(Msg::DbBlocked)}</p></main>
        }
        .into_any(),
        Boot::Superseded => view! {
            <main class="boot" role="alert" data-testid="boot-superseded">
                <p>{t(Msg::DbSuperseded)}</p>
                <button type="button" class="primary" data-testid="reload" on:click=|_| reload()>{t(Msg::Reload)}</button>
            </main>
        }
        .into_any(),
        Boot::Failed(e) => view! {
            <main class="boot error"><p role="alert" data-testid="boot-error">{t(Msg::StorageFailed)}{e}</p></main>
        }
        .into_any(),
        Boot::Ready(db, profiles, device, keys) => view! { <Ready db profiles device keys /> }.into_any(),
    }
    }
}

#[component]
fn Ready(db: Db, profiles: Vec<Profile>, device: String, keys: HashMap<String, PersonalKey>) -> impl IntoView {
    provide_session(db.clone(), profiles, keys);
    let sync = provide_sync(db.clone(), device);
    crate::ui::orders::orders_ctx::provide_orders();
    provide_customers(db, sync);
    let session = use_session();
    let needs_form = move || session.current.get().is_none() || session.adding.get();
    view! {
        <Show when=needs_form fallback=|| view! { <Shell /> }>
            <ProfileForm />
        </Show>
    }
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
