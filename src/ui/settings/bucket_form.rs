use leptos::prelude::*;

use crate::storage::team::{save_team, S3Team, Team};
use crate::sync::crypto::TeamKey;
use crate::sync::engine::SyncError;
use crate::sync::host::{Host, HostError};
use crate::sync::s3_host::S3Host;
use crate::sync::s3_presets::Provider;
use crate::sync::sigv4::AddressError;
use crate::ui::i18n::bucket::{address_error, provider_hint, provider_label, BMsg};
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::settings::team_sync::sync_error_text;
use crate::ui::state::platform::random_bytes;
use crate::ui::state::session::use_db;
use crate::ui::state::sync_ctx::use_sync;
use crate::ui::widgets::text_field::TextField;

/// What stopped the form, shown under it or under the field it concerns.
#[derive(Debug, Clone, PartialEq)]
enum Problem {
    /// A setting that does not check, before anything is sent.
    Setting(AddressError),
    /// The bucket answered, or could not be reached, on the round trip.
    Host(HostError),
    Storage,
}

/// Settings › Team sync › "S3-compatible bucket": a provider preset, the bucket's
/// settings and an access key; "Check and create" lists the team's folder once (a
/// signed round trip that proves endpoint, bucket, region, key, secret, clock and the
/// bucket's CORS rule) and only then stores the team. Everything typed stays in the form
/// when something is wrong; the sentence names what (issue 19).
#[component]
pub fn BucketForm() -> impl IntoView {
    let sync = use_sync();
    let db = use_db();
    let i18n = use_i18n();
    let provider = RwSignal::new(Provider::Aws);
    let region = RwSignal::new(Provider::Aws.default_region().to_owned());
    let endpoint = RwSignal::new(Provider::Aws.endpoint(Provider::Aws.default_region()));
    // Typed by hand: a region change no longer rewrites it.
    let endpoint_typed = RwSignal::new(false);
    let bucket = RwSignal::new(String::new());
    let prefix = RwSignal::new(String::from("outpost/"));
    let access_key = RwSignal::new(String::new());
    let secret = RwSignal::new(String::new());
    let path_style = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);
    let busy = RwSignal::new(false);

    let follow_region = move || {
        let p = provider.get_untracked();
        if p.endpoint_from_region() && !endpoint_typed.get_untracked() {
            endpoint.set(p.endpoint(&region.get_untracked()));
        }
    };
    let choose = move |p: Provider| {
        provider.set(p);
        region.set(p.default_region().to_owned());
        endpoint_typed.set(false);
        endpoint.set(p.endpoint(p.default_region()));
        path_style.set(p.path_style());
        problem.set(None);
    };
    let settings = move || S3Team {
        endpoint: endpoint.get_untracked().trim().to_owned(),
        bucket: bucket.get_untracked().trim().to_owned(),
        region: region.get_untracked().trim().to_owned(),
        prefix: prefix.get_untracked().trim().to_owned(),
        access_key: access_key.get_untracked().trim().to_owned(),
        secret: secret.get_untracked().trim().to_owned(),
        path_style: path_style.get_untracked(),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let b = settings();
        let host = match S3Host::new(&b.config()) {
            Ok(h) => h,
            Err(e) => return problem.set(Some(Problem::Setting(e))),
        };
        let mut k = [0u8; 32];
        random_bytes(&mut k);
        let team = match Team::on_bucket(b, TeamKey::from_bytes(k).to_text(), None) {
            Ok(t) => t,
            Err(e) => return problem.set(Some(Problem::Setting(e))),
        };
        problem.set(None);
        busy.set(true);
        let db = db.clone();
        let device = sync.device.get_value();
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            let checked = host.list_devices().await;
            let outcome = match checked {
                Err(e) => Err(Problem::Host(e)),
                Ok(_) => save_team(db.store(), &team, &device).await.map_err(|_| Problem::Storage),
            };
            busy.try_set(false);
            match outcome {
                Ok(_) => sync.set_team(team),
                Err(p) => {
                    problem.try_set(Some(p));
                }
            }
        });
    };
    // The worded problem of one field, if the settings stopped on it.
    let field_error = move |which: AddressError| {
        Signal::derive(move || match problem.get() {
            Some(Problem::Setting(e)) if e == which => Some(address_error(&e).text(i18n.lang()).to_owned()),
            _ => None,
        })
    };
    let round_trip_error = move || match problem.get()? {
        Problem::Setting(_) => None,
        Problem::Storage => Some(Msg::ErrStorage.text(i18n.lang()).to_owned()),
        // Unreachable here is a wrong endpoint, no network or a missing CORS rule: the
        // browser does not tell which.
        Problem::Host(HostError::Unreachable(_)) => Some(BMsg::ErrBucketUnreachable.text(i18n.lang()).to_owned()),
        Problem::Host(e) => Some(sync_error_text(i18n.lang(), &SyncError::Host(e).into())),
    };
    let text = move |s: RwSignal<String>| Signal::derive(move || s.get());
    let set = move |s: RwSignal<String>| {
        Callback::new(move |v: String| {
            s.set(v);
            problem.set(None);
        })
    };
    view! {
        <form class="form" data-testid="bucket-create" on:submit=submit novalidate>
            <h3>{t(BMsg::BucketTitle)}</h3>
            <p class="muted">{t(BMsg::BucketHint)}</p>
            <label class="field">
                <span>{t(BMsg::Provider)}</span>
                <select data-testid="bucket-provider"
                    on:change=move |ev| { if let Some(p) = Provider::from_key(&event_target_value(&ev)) { choose(p) } }>
                    {Provider::ALL.into_iter().map(|p| view! {
                        <option value=p.key() selected=move || provider.get() == p>{move || provider_label(i18n.lang(), p)}</option>
                    }).collect_view()}
                </select>
                <small class="muted" data-testid="bucket-provider-hint">{move || provider_hint(i18n.lang(), provider.get())}</small>
            </label>
            <div class="grid-2">
                <TextField label=Signal::derive(t(BMsg::Region)) test_id="bucket-region" value=text(region)
                    on_input=Callback::new(move |v: String| { region.set(v); follow_region(); problem.set(None); })
                    error=field_error(AddressError::Region) />
                <TextField label=Signal::derive(t(BMsg::Bucket)) test_id="bucket-name" value=text(bucket)
                    on_input=set(bucket) error=field_error(AddressError::Bucket) />
            </div>
            <TextField label=Signal::derive(t(BMsg::Endpoint)) test_id="bucket-endpoint" kind="url" value=text(endpoint)
                on_input=Callback::new(move |v: String| { endpoint.set(v); endpoint_typed.set(true); problem.set(None); })
                error=field_error(AddressError::Endpoint) />
            <TextField label=Signal::derive(t(BMsg::Prefix)) test_id="bucket-prefix" value=text(prefix)
                on_input=set(prefix) error=field_error(AddressError::Prefix) />
            <p class="muted small">{t(BMsg::PrefixHint)}</p>
            <div class="grid-2">
                <TextField label=Signal::derive(t(BMsg::AccessKey)) test_id="bucket-access-key" value=text(access_key)
                    on_input=set(access_key) error=field_error(AddressError::Credentials) />
                <TextField label=Signal::derive(t(BMsg::Secret)) test_id="bucket-secret" kind="password" value=text(secret)
                    on_input=set(secret) />
            </div>
            <label class="check">
                <input type="checkbox" data-testid="bucket-path-style" prop:checked=move || path_style.get()
                    on:change=move |ev| path_style.set(event_target_checked(&ev)) />
                <span>{t(BMsg::PathStyle)}</span>
            </label>
            {move || round_trip_error().map(|e| view! { <p class="error" role="alert" data-testid="bucket-error">{e}</p> })}
            <div class="actions">
                <button type="submit" class="primary" data-testid="bucket-submit" disabled=move || busy.get()>
                    {move || if busy.get() { t(BMsg::Checking)() } else { t(BMsg::Check)() }}
                </button>
            </div>
        </form>
    }
}
