//! The customer's document photos (C1): a licence, business cards, anything else.

mod image_io;
mod photo_tile;

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;

use crate::app::customers::{attach_photo, remove_photo};
use crate::storage::attachments::{load_attachments, Attachment, Label, NewAttachment};
use crate::storage::blob_sync::fetch_failures;
use crate::storage::blobs;
use crate::storage::StorageError;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::photos::{label_text, PhMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::load::load;
use crate::ui::state::session::{use_db, Db};
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
    let i18n = use_i18n();
    let label = RwSignal::new(Label::Licence);
    let rows = RwSignal::new(Vec::<Row>::new());
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);
    // Reloads after every local change and every sync round (a photo's file may have
    // arrived).
    let (load_db, load_customer) = (db.clone(), customer.clone());
    let loading = load(
        move || {
            sync.last_ok_ms.track();
            sync.data_version.track();
            Some(())
        },
        move |()| {
            let (db, customer) = (load_db.clone(), load_customer.clone());
            async move { load_rows(&db, &customer).await }
        },
        move |r| {
            rows.try_set(r);
        },
    );
    Effect::new(move |_| {
        if let Some(e) = loading.error.get() {
            problem.set(Some(Problem::Save(e)));
        }
    });
    let cmds = Commands::new();
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Cleared so the same image can be chosen again.
        input.set_value("");
        busy.set(true);
        problem.set(None);
        let (db, customer) = (db.clone(), customer.clone());
        let (Some(device), Some(label)) = (sync.device.try_get_value(), label.try_get_untracked()) else {
            return;
        };
        // Not cancelled with the card: the photo chosen is stored even if the rep moves
        // on; the card's signals are only written while it is alive.
        leptos::task::spawn_local(async move {
            let stored = async {
                let photo = prepare(&file).await.ok_or(Problem::Unreadable)?;
                // Bytes first, document second: a crash between leaves an unused blob,
                // never a photo without bytes.
                let hash = blobs::put(db.store(), &photo.bytes).await.map_err(|e| Problem::Save(e.to_string()))?;
                Ok::<_, Problem>((photo, hash))
            }
            .await;
            let (photo, hash) = match stored {
                Ok(v) => v,
                Err(p) => {
                    busy.try_set(false);
                    problem.try_set(Some(p));
                    return;
                }
            };
            cmds.run(
                move |db, a| async move {
                    let new = NewAttachment {
                        customer: &customer,
                        hash: &hash,
                        mime: &photo.mime,
                        label,
                        origin: &device,
                        bytes: photo.bytes.len() as u64,
                    };
                    attach_photo(db.store(), &a, &new).await
                },
                move |r| {
                    busy.set(false);
                    problem.set(r.err().map(|e| Problem::Save(command_error(i18n.lang(), &e))));
                },
            );
        });
    };
    let remove = Callback::new(move |id: String| {
        cmds.run(
            move |db, a| async move { remove_photo(db.store(), &a, &id).await },
            move |r| {
                if let Err(e) = r {
                    problem.set(Some(Problem::Save(command_error(i18n.lang(), &e))));
                }
            },
        );
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
