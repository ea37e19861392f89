//! The browser entry point: a panic hook and the app, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(outpost::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Outpost runs in the browser: `bash scripts/run.sh` builds and serves it (see README).");
}
