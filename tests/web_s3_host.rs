//! `S3Host` in the browser against a real S3-compatible server that checks every
//! signature (npm @20minutes/s3rver on 127.0.0.1, started by `scripts/s3-test-server.sh`,
//! whose URL `scripts/test.sh` passes in as `OUTPOST_S3_TEST_ENDPOINT`): PUT, GET, HEAD,
//! ListObjectsV2, refusals with their S3 code, and a device clock an hour off.
#![cfg(target_arch = "wasm32")]

use outpost::sync::host::{Fetched, Host, HostError, Presence, Rejection};
use outpost::sync::s3_host::S3Host;
use outpost::sync::sigv4::S3Config;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Fixed in scripts/s3-test-server.sh.
const BUCKET: &str = "outpost-test";
const KEY: &str = "OUTPOSTTESTKEY";
const SECRET: &str = "test/secret+key=";

fn endpoint() -> Option<&'static str> {
    let e = option_env!("OUTPOST_S3_TEST_ENDPOINT");
    if e.is_none() {
        console_log!("OUTPOST_S3_TEST_ENDPOINT unset: skipped (scripts/test.sh starts the server and sets it)");
    }
    e
}

/// A team folder of its own per test, so tests never see each other's files.
fn config(endpoint: &str, secret: &str) -> S3Config {
    let n = (js_sys::Math::random() * 1e12) as u64;
    S3Config {
        endpoint: endpoint.to_owned(),
        bucket: BUCKET.to_owned(),
        region: "us-east-1".to_owned(),
        prefix: format!("teams/t{n}"),
        access_key: KEY.to_owned(),
        secret: secret.to_owned(),
        session_token: None,
        path_style: true,
    }
}

/// Every byte value, as sealed files look to the host.
fn opaque_bytes() -> Vec<u8> {
    (0..=255u8).chain((0..=255u8).rev()).collect()
}

#[wasm_bindgen_test]
async fn an_s3_host_puts_gets_heads_and_lists_the_bytes_it_was_given() {
    let Some(ep) = endpoint() else { return };
    let cfg = config(ep, SECRET);
    let host = S3Host::new(&cfg).expect("config");
    let bytes = opaque_bytes();
    host.put("devices/tablet-a/head.json", bytes.clone()).await.expect("put a");
    host.put("devices/tablet-b/chunks/c1.json", b"{}".to_vec()).await.expect("put b's chunk");
    // Every device folder holds its head.json; s3rver (unlike S3) only names a common
    // prefix that has an object directly in it.
    host.put("devices/tablet-b/head.json", b"{}".to_vec()).await.expect("put b's head");

    let Fetched::Found { bytes: got, etag } = host.get("devices/tablet-a/head.json", None, 1 << 20).await.expect("get")
    else {
        panic!("the head is there")
    };
    assert_eq!(got, bytes);
    let etag = etag.expect("ETag exposed by the bucket's CORS rule");
    assert_eq!(host.get("devices/tablet-a/head.json", Some(&etag), 1 << 20).await, Ok(Fetched::NotModified));
    assert_eq!(host.get("devices/tablet-a/head.json", None, 10).await, Err(HostError::TooLarge { limit: 10 }));
    assert_eq!(host.get("devices/nobody/head.json", None, 1 << 20).await, Ok(Fetched::Missing));

    assert_eq!(host.presence("devices/tablet-a/head.json").await, Ok(Presence::Present(Some(bytes.len() as u64))));
    assert_eq!(host.presence("devices/nobody/head.json").await, Ok(Presence::Missing));

    let mut devices = host.list_devices().await.expect("list").expect("S3 lists");
    devices.sort();
    assert_eq!(devices, ["tablet-a", "tablet-b"]);
    assert!(host.server_time_ms().is_some(), "Date exposed by the bucket's CORS rule");

    // What the bucket holds is exactly those bytes: read back without our signer.
    let url = format!("{ep}/{BUCKET}/{}/devices/tablet-a/head.json", cfg.prefix);
    let resp = gloo_net::http::Request::get(&url).send().await.expect("plain GET");
    assert_eq!(resp.binary().await.expect("body"), bytes);
}

#[wasm_bindgen_test]
async fn a_team_folder_with_no_devices_lists_empty() {
    let Some(ep) = endpoint() else { return };
    let host = S3Host::new(&config(ep, SECRET)).expect("config");
    assert_eq!(host.list_devices().await, Ok(Some(vec![])));
}

#[wasm_bindgen_test]
async fn a_wrong_secret_is_refused_with_the_signature_error() {
    let Some(ep) = endpoint() else { return };
    let host = S3Host::new(&config(ep, "not-the-secret")).expect("config");
    let refused = HostError::Rejected(Rejection::SignatureMismatch);
    assert_eq!(host.put("devices/x/head.json", b"x".to_vec()).await, Err(refused.clone()));
    assert_eq!(host.get("devices/x/head.json", None, 1024).await, Err(refused.clone()));
    assert_eq!(host.list_devices().await, Err(refused));
    // A HEAD answer has no body to name the code: a refusal all the same.
    assert!(matches!(host.presence("devices/x/head.json").await, Err(HostError::Rejected(_))));
}

#[wasm_bindgen_test]
async fn an_unknown_access_key_is_refused_as_such() {
    let Some(ep) = endpoint() else { return };
    let mut cfg = config(ep, SECRET);
    cfg.access_key = "NOSUCHKEY".to_owned();
    let host = S3Host::new(&cfg).expect("config");
    assert_eq!(
        host.put("devices/x/head.json", b"x".to_vec()).await,
        Err(HostError::Rejected(Rejection::UnknownAccessKey))
    );
}

#[wasm_bindgen_test]
async fn a_device_clock_an_hour_off_is_signed_again_on_the_hosts_time() {
    let Some(ep) = endpoint() else { return };
    fn an_hour_behind() -> i64 {
        js_sys::Date::now() as i64 - 3_600_000
    }
    let host = S3Host::with_clock(&config(ep, SECRET), an_hour_behind).expect("config");
    host.put("devices/late/head.json", b"late".to_vec()).await.expect("put after one retry");
    // The offset is kept: a HEAD (no body to name the skew) works at once.
    assert_eq!(host.presence("devices/late/head.json").await, Ok(Presence::Present(Some(4))));
}

#[wasm_bindgen_test]
async fn a_bucket_without_a_cors_rule_looks_unreachable_to_the_browser() {
    let Some(ep) = endpoint() else { return };
    let mut cfg = config(ep, SECRET);
    cfg.bucket = "no-cors-bucket".to_owned();
    let host = S3Host::new(&cfg).expect("config");
    assert!(matches!(host.get("devices/x/head.json", None, 1024).await, Err(HostError::Unreachable(_))));
}
