use leptos::prelude::*;

use crate::domain::customer::{validate_quick, CustomerError};
use crate::storage::data::documents;
use crate::sync::record::{Document, Replica};
use crate::ui::edit::record_change;
use crate::ui::i18n::{t, use_i18n, Lang, Msg};
use crate::ui::platform::new_id;
use crate::ui::session::{use_db, use_session};
use crate::ui::sync_ctx::use_sync;

fn error_text(lang: Lang, e: &CustomerError) -> &'static str {
    match e {
        CustomerError::CompanyEmpty => Msg::ErrCompanyEmpty.text(lang),
        CustomerError::CompanyTooLong => Msg::ErrCompanyLong.text(lang),
        CustomerError::BadPhone => Msg::ErrPhone.text(lang),
    }
}

/// Customers, first slice: quick add and a list, stored and synced through the data core.
#[component]
pub fn CustomersPage() -> impl IntoView {
    let db = use_db();
    let sync = use_sync();
    let session = use_session();
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let error = RwSignal::new(None::<CustomerError>);
    let rows = RwSignal::new(Vec::<(String, String, String)>::new());

    let load_db = db.clone();
    Effect::new(move |_| {
        sync.data_version.track();
        let db = load_db.clone();
        leptos::task::spawn_local(async move {
            if let Ok(docs) = documents(db.store(), "customer").await {
                let mut v: Vec<(String, String, String)> = docs
                    .iter()
                    .map(|d| {
                        let s = |f: &str| d.get(f).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
                        (d.id.clone(), s("name"), s("phone"))
                    })
                    .collect();
                v.sort_by(|a, b| a.1.cmp(&b.1));
                rows.set(v);
            }
        });
    });

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (company, tel) = match validate_quick(&name.get_untracked(), &phone.get_untracked()) {
            Ok(v) => v,
            Err(e) => return error.set(Some(e)),
        };
        let author = session.current.get_untracked().unwrap_or_default();
        let db = db.clone();
        leptos::task::spawn_local(async move {
            let saved = record_change(&db, sync, |clock| {
                let id = new_id();
                let mut d = Document::new(&id, "customer");
                d.set("name", company.clone().into(), clock.tick(crate::ui::platform::now_ms()), &author);
                if let Some(p) = tel {
                    d.set("phone", p.into(), clock.tick(crate::ui::platform::now_ms()), &author);
                }
                Replica { docs: [(id, d)].into(), entries: Default::default() }
            })
            .await;
            if saved.is_ok() {
                name.set(String::new());
                phone.set(String::new());
            }
        });
    };

    view! {
        <form class="card form" data-testid="customer-quick-add" on:submit=add novalidate>
            <h2>{t(Msg::CustomersQuickAdd)}</h2>
            <div class="grid-2">
                <label class="field">
                    <span>{t(Msg::FieldCompany)}</span>
                    <input type="text" data-testid="customer-name" prop:value=move || name.get()
                        on:input=move |ev| { name.set(event_target_value(&ev)); error.set(None); } />
                </label>
                <label class="field">
                    <span>{t(Msg::FieldPhone)}</span>
                    <input type="tel" inputmode="tel" data-testid="customer-phone" prop:value=move || phone.get()
                        on:input=move |ev| { phone.set(event_target_value(&ev)); error.set(None); } />
                </label>
            </div>
            <Show when=move || error.get().is_some()>
                <p class="error" role="alert" data-testid="customer-error">{move || error.get().map(|e| error_text(i18n.lang(), &e))}</p>
            </Show>
            <div class="actions"><button type="submit" class="primary" data-testid="customer-add">{t(Msg::Add)}</button></div>
        </form>
        <section class="card">
            <Show when=move || !rows.get().is_empty() fallback=move || view! { <p class="muted" data-testid="customers-empty">{t(Msg::CustomersEmpty)}</p> }>
                <ul class="plain-list" data-testid="customer-list">
                    <For each=move || rows.get() key=|r| r.clone() let:r>
                        <li data-testid="customer-row"><strong>{r.1.clone()}</strong>" "<span class="muted">{r.2.clone()}</span></li>
                    </For>
                </ul>
            </Show>
        </section>
        <section class="card coming"><p>{t(Msg::CustomersComing)}</p></section>
    }
}
