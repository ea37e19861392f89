//! The customer's document photos (C1): a licence, business cards, anything else.

mod image_io;
mod photo_tile;

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;

use crate::storage::attachments::{attachment_change, load_attachments, Attachment, Label, NewAttachment, ATTACHMENT};
use crate::storage::blob_sync::fetch_failures;
use crate::storage::blobs;
use crate::storage::customers::{delete_doc, Author};
use crate::storage::StorageError;
use crate::ui::i18n::photos::{label_text, PhMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::edit::record_change;
use crate::ui::state::platform::{new_id, now_ms};
use crate::ui::state::session::{use_db, use_session, Db};
use crate::ui::state::sync_ctx::use_sync;
use image_io::prepare;
use photo_tile::PhotoTile;

/// A photo as the card shows it: whether its bytes are here yet, and if their last
/// fetch failed, why.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    att: Attachment,
    held: bool,
    failure: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
enum Problem {
    Unreadable,
    Save(String),
}

async fn load_rows(db: &Db, customer: &str) -> Result<Vec<Row>, StorageError> {
    let list = load_attachments(db.store(), customer).await?;
    let held: BTreeSet<String> = blobs::held(db.store()).await?;
    let failures: BTreeMap<String, String> = fetch_failures(db.store()).await?;
    Ok(list
        .into_iter()
        .map(|att| Row { held: held.contains(&att.hash), failure: failures.get(&att.hash).cloned(), att })
        .collect())
}

/// Take a photo with the tablet's camera (or pick an image), labelled; it is stored on
/// the device first, so this works offline, and syncs as an encrypted file.
#[component]
pub fn PhotosCard(customer: String) -> impl IntoView {
    let db = use_db();
    let sync = use_sync();
    let session = use_session();
    let i18n = use_i18n();
    let label = RwSignal::new(Label::Licence);
    let rows = RwSignal::new(Vec::<Row>::new());
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);
    // Reloads after every local change and every sync round (a photo's file may have
    // arrived); a slow older load never overwrites a newer one.
    let generation = StoredValue::new(0u64);
    let (load_db, load_customer) = (db.clone(), customer.clone());
    Effect::new(move |_| {
        sync.data_version.track();
        sync.last_ok_ms.track();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        let (db, customer) = (load_db.clone(), load_customer.clone());
        leptos::task::spawn_local(async move {
            match load_rows(&db, &customer).await {
                Ok(r) if generation.try_get_value() == Some(mine) => rows.set(r),
                Ok(_) => {}
                Err(e) => problem.set(Some(Problem::Save(e.to_string()))),
            }
        });
    });
    let add_db = db.clone();
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Cleared so the same image can be chosen again.
        input.set_value("");
        busy.set(true);
        problem.set(None);
        let (db, customer) = (add_db.clone(), customer.clone());
        leptos::task::spawn_local(async move {
            let result = async {
                let photo = prepare(&file).await.ok_or(Problem::Unreadable)?;
                // Bytes first, document second: a crash between leaves an unused blob,
                // never a photo without bytes.
                let hash = blobs::put(db.store(), &photo.bytes).await.map_err(|e| Problem::Save(e.to_string()))?;
                let author = session.current.get_untracked().unwrap_or_default();
                let device = sync.device.get_value();
                record_change(&db, sync, |clock| {
                    let new = NewAttachment {
                        customer: &customer,
                        hash: &hash,
                        mime: &photo.mime,
                        label: label.get_untracked(),
                        origin: &device,
                        bytes: photo.bytes.len() as u64,
                    };
                    attachment_change(&new_id(), &new, &mut Author { profile: &author, clock, now_ms: now_ms() })
                })
                .await
                .map_err(|e| Problem::Save(e.to_string()))
            }
            .await;
            busy.set(false);
            problem.set(result.err());
        });
    };
    let remove = Callback::new(move |id: String| {
        let author = session.current.get_untracked().unwrap_or_default();
        let db = db.clone();
        leptos::task::spawn_local(async move {
            let r = record_change(&db, sync, |clock| {
                delete_doc(&id, ATTACHMENT, &mut Author { profile: &author, clock, now_ms: now_ms() })
            })
            .await;
            if let Err(e) = r {
                problem.set(Some(Problem::Save(e.to_string())));
            }
        });
    });
    view! {
        <section class="card photos" data-testid="photos">
            <h2>{t(PhMsg::Title)}</h2>
            <p class="muted">{t(PhMsg::Hint)}</p>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="muted" data-testid="photos-empty">{t(PhMsg::Empty)}</p>
            </Show>
            <ul class="plain-list" data-testid="photo-list"
                style="display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:16px;margin-bottom:12px">
                <For each=move || rows.get() key=|r| (r.att.id.clone(), r.held, r.failure.clone()) let:r>
                    <PhotoTile att=r.att held=r.held failure=r.failure on_remove=remove />
                </For>
            </ul>
            <div class="actions start" style="align-items:flex-end">
                <label class="field compact">
                    <span>{t(PhMsg::LabelField)}</span>
                    <select data-testid="photo-label" prop:value=move || label.get().code()
                        on:change=move |ev| label.set(Label::from_code(&event_target_value(&ev)))>
                        {Label::ALL.into_iter().map(|l| view! { <option value=l.code()>{move || label_text(i18n.lang(), l)}</option> }).collect_view()}
                    </select>
                </label>
                <label class="button-like" data-testid="photo-take" aria-disabled=move || busy.get().to_string()>
                    {move || if busy.get() { t(PhMsg::Saving)() } else { t(PhMsg::Take)() }}
                    <input type="file" accept="image/*" capture="environment" class="visually-hidden" data-testid="photo-input"
                        prop:disabled=move || busy.get() on:change=on_file />
                </label>
            </div>
            {move || problem.get().map(|p| view! {
                <p class="error" role="alert" data-testid="photo-error">
                    {match p {
                        Problem::Unreadable => PhMsg::ErrUnreadable.text(i18n.lang()).to_owned(),
                        Problem::Save(e) => format!("{}{e}", PhMsg::ErrSave.text(i18n.lang())),
                    }}
                </p>
            })}
        </section>
    }
}
