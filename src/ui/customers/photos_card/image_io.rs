//! Images in and out of the browser for the photos card: a chosen or captured image
//! made fit to store, and stored bytes shown through an object URL.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The long side of a stored photo, in pixels: a licence stays legible, and a 12 MP
/// photo (about 4 MB) becomes a few hundred KB.
pub const MAX_SIDE: u32 = 1600;
const JPEG_QUALITY: f64 = 0.8;
/// Images already this small (pixels, bytes and a type every browser shows) are kept
/// exactly as chosen: no second JPEG generation on a scan or screenshot.
const KEEP_BYTES: f64 = 1_500_000.0;
const KEEP_TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

/// What is stored for a chosen image.
pub struct Prepared {
    pub bytes: Vec<u8>,
    pub mime: String,
}

/// `(w, h)` scaled to fit `max` on the long side, keeping the aspect ratio.
pub fn fit(w: u32, h: u32, max: u32) -> (u32, u32) {
    let long = w.max(h);
    if long <= max || long == 0 {
        return (w, h);
    }
    let scale = f64::from(max) / f64::from(long);
    let side = |n: u32| ((f64::from(n) * scale).round() as u32).max(1);
    (side(w), side(h))
}

async fn blob_bytes(blob: &web_sys::Blob) -> Option<Vec<u8>> {
    let buf = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}

/// The canvas as a JPEG blob (`toBlob` encodes off the main thread where it can).
async fn canvas_jpeg(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::Blob> {
    let mut asked = false;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let done = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        asked = canvas
            .to_blob_with_type_and_encoder_options(done.unchecked_ref(), "image/jpeg", &JsValue::from_f64(JPEG_QUALITY))
            .is_ok();
    });
    if !asked {
        return None;
    }
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

/// Decodes `file` and returns what to store: the file itself when it is already small,
/// else a JPEG at most [`MAX_SIDE`] pixels on its long side. `None` when the browser
/// cannot decode it (HEIC on most browsers, a damaged file).
pub async fn prepare(file: &web_sys::File) -> Option<Prepared> {
    let window = web_sys::window()?;
    let bitmap: web_sys::ImageBitmap =
        JsFuture::from(window.create_image_bitmap_with_blob(file).ok()?).await.ok()?.dyn_into().ok()?;
    let (w, h) = (bitmap.width(), bitmap.height());
    let mime = file.type_();
    if w.max(h) <= MAX_SIDE && file.size() <= KEEP_BYTES && KEEP_TYPES.contains(&mime.as_str()) {
        bitmap.close();
        return Some(Prepared { bytes: blob_bytes(file).await?, mime });
    }
    let (tw, th) = fit(w, h, MAX_SIDE);
    let canvas: web_sys::HtmlCanvasElement = window.document()?.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(tw);
    canvas.set_height(th);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let _ = js_sys::Reflect::set(&ctx, &JsValue::from_str("imageSmoothingQuality"), &JsValue::from_str("high"));
    // JPEG has no transparency: a transparent PNG goes onto white, not black.
    ctx.set_fill_style_str("#fff");
    ctx.fill_rect(0.0, 0.0, f64::from(tw), f64::from(th));
    let drawn = ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, f64::from(tw), f64::from(th));
    bitmap.close();
    drawn.ok()?;
    let jpeg = canvas_jpeg(&canvas).await?;
    // Release the canvas's pixels now rather than at the next GC.
    canvas.set_width(0);
    canvas.set_height(0);
    Some(Prepared { bytes: blob_bytes(&jpeg).await?, mime: "image/jpeg".into() })
}

/// An object URL showing `bytes`; the caller revokes it with [`revoke`].
pub fn object_url(bytes: &[u8], mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

pub fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}
