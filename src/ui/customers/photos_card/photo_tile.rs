use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use crate::storage::attachments::Attachment;
use crate::storage::blobs;
use crate::ui::customers::photos_card::image_io::{object_url, revoke};
use crate::ui::i18n::photos::{failure_text, label_text, PhMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::platform::human_bytes;
use crate::ui::state::session::use_db;

/// The tile's object URL, and whether the tile is gone (a URL made after that is revoked
/// at once instead of leaking).
#[derive(Default)]
struct UrlSlot {
    gone: bool,
    url: Option<String>,
}

const THUMB: &str = "display:block;width:100%;height:120px;object-fit:cover;border-radius:8px;background:var(--bg)";
const VIEWER: &str = "position:fixed;inset:0;z-index:30;background:rgba(0,0,0,.88);display:flex;align-items:center;justify-content:center;padding:16px";

/// One photo: its thumbnail (or "waiting for sync" until its file arrives), the large
/// view on a tap, and removal behind a confirmation.
#[component]
pub fn PhotoTile(att: Attachment, held: bool, failure: Option<String>, on_remove: Callback<String>) -> impl IntoView {
    let db = use_db();
    let i18n = use_i18n();
    let url = RwSignal::new(None::<String>);
    let viewing = RwSignal::new(false);
    let asking = RwSignal::new(false);
    let slot = Arc::new(Mutex::new(UrlSlot::default()));
    on_cleanup({
        let slot = slot.clone();
        move || {
            let mut s = slot.lock().unwrap_or_else(|e| e.into_inner());
            s.gone = true;
            if let Some(u) = s.url.take() {
                revoke(&u);
            }
        }
    });
    if held {
        let (hash, mime) = (att.hash.clone(), att.mime);
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            let Ok(Some(bytes)) = blobs::get(db.store(), &hash).await else {
                return;
            };
            let Some(u) = object_url(&bytes, mime) else {
                return;
            };
            let mut s = slot.lock().unwrap_or_else(|e| e.into_inner());
            if s.gone {
                revoke(&u);
            } else {
                s.url = Some(u.clone());
                drop(s);
                url.try_set(Some(u));
            }
        });
    }
    let label = att.label;
    let alt = move || label_text(i18n.lang(), label);
    let (hash, id) = (att.hash.clone(), att.id.clone());
    view! {
        <li class="photo" data-testid="photo" data-hash=att.hash.clone() data-label=label.code()
            style="border:0;padding:0;display:flex;flex-direction:column;gap:6px">
            {move || match (held, url.get()) {
                (true, Some(u)) => view! {
                    <button type="button" data-testid="photo-open" title=t(PhMsg::View) on:click=move |_| viewing.set(true)
                        style="padding:0;border:0;background:none;min-height:0;width:100%">
                        <img src=u alt=alt data-testid="photo-img" data-hash=hash.clone() style=THUMB />
                    </button>
                }.into_any(),
                (true, None) => view! { <div class="muted" style=THUMB>{t(PhMsg::Loading)}</div> }.into_any(),
                (false, _) => view! {
                    <div class="muted" data-testid="photo-waiting" style=format!("{THUMB};display:flex;align-items:center;justify-content:center;border:1px dashed var(--line)")>
                        {t(PhMsg::Waiting)}
                    </div>
                }.into_any(),
            }}
            {failure.map(|code| {
                let text = { let code = code.clone(); move || failure_text(i18n.lang(), &code) };
                view! { <small class="warn" data-testid="photo-failure" data-code=code>{text}</small> }
            })}
            <span class="muted" style="font-size:14px">{alt}" · "{human_bytes(att.bytes as f64)}</span>
            <Show when=move || asking.get() fallback=move || view! {
                <button type="button" data-testid="photo-remove" on:click=move |_| asking.set(true)>{t(PhMsg::Remove)}</button>
            }>
                <p class="warn" role="alert" data-testid="photo-remove-warning" style="margin:0">{t(PhMsg::ConfirmRemove)}</p>
                <div class="actions start">
                    <button type="button" on:click=move |_| asking.set(false)>{t(crate::ui::i18n::Msg::Cancel)}</button>
                    <button type="button" class="danger" data-testid="photo-remove-confirm" on:click={
                        let id = id.clone();
                        move |_| on_remove.run(id.clone())
                    }>{t(PhMsg::Remove)}</button>
                </div>
            </Show>
            <Show when=move || viewing.get() && url.with(Option::is_some)>
                <div role="dialog" aria-modal="true" aria-label=alt data-testid="photo-viewer" style=VIEWER on:click=move |_| viewing.set(false)>
                    <img src=move || url.get().unwrap_or_default() alt=alt data-testid="photo-viewer-img" style="max-width:100%;max-height:100%;object-fit:contain" />
                    <button type="button" data-testid="photo-viewer-close" style="position:absolute;top:16px;right:16px"
                        on:click=move |_| viewing.set(false)>{t(PhMsg::Close)}</button>
                </div>
            </Show>
        </li>
    }
}
