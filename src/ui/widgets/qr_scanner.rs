//! The camera half of check-in by QR code (E3): where the browser has `BarcodeDetector`
//! (Chromium on Android and ChromeOS tablets), the rear camera reads the invitation's
//! code and hands it to the typed-code path. Elsewhere nothing is shown and staff type
//! the code (or a handheld scanner types it).

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::ui::i18n::events::EMsg;
use crate::ui::i18n::t;

fn get(v: &JsValue, k: &str) -> Option<JsValue> {
    js_sys::Reflect::get(v, &JsValue::from_str(k)).ok().filter(|x| !x.is_undefined() && !x.is_null())
}

fn call0(v: &JsValue, f: &str) -> Option<JsValue> {
    get(v, f)?.dyn_into::<js_sys::Function>().ok()?.call0(v).ok()
}

fn call1(v: &JsValue, f: &str, a: &JsValue) -> Option<JsValue> {
    get(v, f)?.dyn_into::<js_sys::Function>().ok()?.call1(v, a).ok()
}

/// Whether this browser can read QR codes from the camera.
pub fn can_scan() -> bool {
    web_sys::window().is_some_and(|w| js_sys::Reflect::has(&w, &JsValue::from_str("BarcodeDetector")).unwrap_or(false))
}

fn stop(stream: &JsValue) {
    if let Some(tracks) = call0(stream, "getTracks") {
        for t in js_sys::Array::from(&tracks).iter() {
            let _ = call0(&t, "stop");
        }
    }
}

async fn open_camera(host: web_sys::HtmlElement) -> Option<(JsValue, JsValue, JsValue)> {
    let w = web_sys::window()?;
    let media = get(&w.navigator(), "mediaDevices")?;
    let constraints = js_sys::JSON::parse(r#"{"video":{"facingMode":"environment"},"audio":false}"#).ok()?;
    let stream =
        JsFuture::from(call1(&media, "getUserMedia", &constraints)?.dyn_into::<js_sys::Promise>().ok()?).await.ok()?;
    let video = w.document()?.create_element("video").ok()?;
    for (k, v) in [("srcObject", stream.clone()), ("muted", JsValue::TRUE), ("playsInline", JsValue::TRUE)] {
        js_sys::Reflect::set(&video, &JsValue::from_str(k), &v).ok()?;
    }
    host.append_child(&video).ok()?;
    let _ = call0(&video, "play");
    let ctor = get(&w, "BarcodeDetector")?.dyn_into::<js_sys::Function>().ok()?;
    let opts = js_sys::JSON::parse(r#"{"formats":["qr_code"]}"#).ok()?;
    let detector = js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(&opts)).ok()?;
    Some((stream, video.into(), detector))
}

async fn detect_once(video: &JsValue, detector: &JsValue) -> Option<String> {
    let found = JsFuture::from(call1(detector, "detect", video)?.dyn_into::<js_sys::Promise>().ok()?).await.ok()?;
    let first = js_sys::Array::from(&found).get(0);
    get(&first, "rawValue")?.as_string()
}

/// A "scan with the camera" button that reads one QR code and calls `on_code` with it.
#[component]
pub fn QrScanner(on_code: Callback<String>) -> impl IntoView {
    let host = NodeRef::<html::Div>::new();
    let scanning = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let start = move |_| {
        let Some(el) = host.get_untracked() else {
            return;
        };
        let el: web_sys::HtmlElement = el.unchecked_into();
        el.set_inner_html("");
        scanning.set(true);
        failed.set(false);
        leptos::task::spawn_local(async move {
            let Some((stream, video, detector)) = open_camera(el.clone()).await else {
                scanning.try_set(false);
                failed.try_set(true);
                return;
            };
            // Poll a few times a second until a code is read, staff cancel or the view is
            // gone (not a cancelled task: the camera must be stopped either way).
            while scanning.try_get_untracked() == Some(true) {
                if let Some(code) = detect_once(&video, &detector).await {
                    on_code.try_run(code);
                    break;
                }
                let wait = js_sys::Promise::new(&mut |resolve, _| {
                    let _ = web_sys::window()
                        .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 300));
                });
                let _ = JsFuture::from(wait).await;
            }
            stop(&stream);
            el.set_inner_html("");
            scanning.try_set(false);
        });
    };
    view! {
        <Show when=can_scan>
            <div class="scanner" data-testid="qr-scanner">
                <div class="scanner-view" node_ref=host></div>
                {move || if scanning.get() {
                    view! { <button type="button" data-testid="qr-scan-stop" on:click=move |_| scanning.set(false)>{t(EMsg::StopScan)}</button> }.into_any()
                } else {
                    view! { <button type="button" data-testid="qr-scan" on:click=start>{t(EMsg::ScanQr)}</button> }.into_any()
                }}
                <Show when=move || failed.get()><p class="error" role="alert">{t(EMsg::CameraFailed)}</p></Show>
            </div>
        </Show>
    }
}
