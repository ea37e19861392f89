use leptos::prelude::*;

use crate::app::customers::{remove_contact, save_contact};
use crate::domain::activity::{ActivityKind, PersonMet};
use crate::domain::customer::{validate_contact, Contact, FieldError};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::customers::{field_error_text, CMsg};
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::state::command::Commands;
use crate::ui::widgets::text_field::TextField;

/// A customer's contacts (C1): several per customer, each its own synced document, so
/// two reps adding contacts offline both keep theirs. Tap a phone to call.
#[component]
pub fn ContactsEditor(customer: String) -> impl IntoView {
    let ctx = use_customers();
    let cmds = Commands::new();
    let i18n = use_i18n();
    let log = crate::ui::activities::activity_card::contact_logger(customer.clone());
    let cid = customer.clone();
    let contacts =
        Memo::new(move |_| ctx.data.with(|d| d.get(&cid).map(|c| c.rec.contacts.clone()).unwrap_or_default()));
    // The contact being edited: its id (None = new) and the form's values.
    let editing = RwSignal::new(None::<(Option<String>, Contact)>);
    let form = RwSignal::new(Contact::default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let err_for = move |field: &'static str| {
        Signal::derive(move || {
            errors.with(|es| es.iter().find(|e| e.field == field).map(|e| field_error_text(i18n.lang(), &e.reason)))
        })
    };
    let save_customer = customer.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut c = form.get_untracked();
        c.tidy();
        if let Err(e) = validate_contact(&c) {
            return errors.set(e);
        }
        errors.set(Vec::new());
        let Some((id, old)) = editing.get_untracked() else {
            return;
        };
        let customer = save_customer.clone();
        cmds.run(
            move |db, a| async move {
                let base = id.is_some().then_some(&old);
                save_contact(db.store(), &a, &customer, id.as_deref(), base, &c).await
            },
            move |r| {
                if r.is_ok() || r.as_ref().is_err_and(|e| e.is_unchanged()) {
                    editing.set(None);
                }
            },
        );
    };
    let remove = move |id: String| {
        cmds.run(move |db, a| async move { remove_contact(db.store(), &a, &id).await }, |_| {});
    };
    view! {
        <section class="card contacts" data-testid="contacts">
            <h2>{t(CMsg::Contacts)}</h2>
            <ul class="plain-list">
                <For each=move || contacts.get() key=|c| (c.id.clone(), c.contact.clone()) let:c>
                    {
                        let remove = remove;
                        let (id, id2) = (c.id.clone(), c.id.clone());
                        let contact = c.contact.clone();
                        let tel = format!("tel:{}", contact.phone.replace(' ', ""));
                        let mail = format!("mailto:{}", contact.email);
                        // Dialling or mailing from here logs the contact, as the quick row does.
                        let met = PersonMet { name: contact.name.clone(), title: contact.title.clone(), decision_maker: contact.decision_maker };
                        let (log1, log2, met2) = (log.clone(), log.clone(), met.clone());
                        view! {
                            <li class="contact" data-testid="contact-row">
                                <strong>{contact.name.clone()}</strong>
                                {(!contact.title.is_empty()).then(|| view! { <span class="muted">" · "{contact.title.clone()}</span> })}
                                {contact.decision_maker.then(|| view! { <span class="badge">{t(CMsg::DecisionMaker)}</span> })}
                                {(!contact.interests.is_empty()).then(|| view! { <p class="muted contact-interests" data-testid="contact-interests">{contact.interests.clone()}</p> })}
                                <span class="contact-links">
                                    {(!contact.phone.is_empty()).then(|| view! { <a class="button" href=tel data-testid="contact-tel" on:click=move |_| log1(ActivityKind::Call, met.clone(), None)>{contact.phone.clone()}</a> })}
                                    {(!contact.email.is_empty()).then(|| view! { <a class="button" href=mail data-testid="contact-mail" on:click=move |_| log2(ActivityKind::Email, met2.clone(), None)>{contact.email.clone()}</a> })}
                                    <button type="button" data-testid="contact-edit" on:click=move |_| {
                                        form.set(contact.clone());
                                        errors.set(Vec::new());
                                        editing.set(Some((Some(id.clone()), contact.clone())));
                                    }>{t(CMsg::Edit)}</button>
                                    <button type="button" class="danger" data-testid="contact-remove" on:click=move |_| remove(id2.clone())>{t(Msg::Remove)}</button>
                                </span>
                            </li>
                        }
                    }
                </For>
            </ul>
            <Show when=move || editing.with(Option::is_none)>
                <button type="button" data-testid="contact-add" on:click=move |_| {
                    form.set(Contact::default());
                    errors.set(Vec::new());
                    editing.set(Some((None, Contact::default())));
                }>{t(CMsg::AddContact)}</button>
            </Show>
            <Show when=move || editing.with(Option::is_some)>
                <form class="form" data-testid="contact-form" on:submit=save.clone() novalidate>
                    <div class="grid-2">
                        <TextField label=Signal::derive(move || t(CMsg::ContactName)()) test_id="ct-name"
                            value=Signal::derive(move || form.with(|c| c.name.clone())) on_input=Callback::new(move |v| form.update(|c| c.name = v)) error=err_for("name") />
                        <TextField label=Signal::derive(move || t(CMsg::ContactTitle)()) test_id="ct-title"
                            value=Signal::derive(move || form.with(|c| c.title.clone())) on_input=Callback::new(move |v| form.update(|c| c.title = v)) error=err_for("title") />
                        <TextField label=Signal::derive(move || t(CMsg::ContactPhone)()) test_id="ct-phone" kind="tel"
                            value=Signal::derive(move || form.with(|c| c.phone.clone())) on_input=Callback::new(move |v| form.update(|c| c.phone = v)) error=err_for("phone") />
                        <TextField label=Signal::derive(move || t(CMsg::ContactEmail)()) test_id="ct-email" kind="email"
                            value=Signal::derive(move || form.with(|c| c.email.clone())) on_input=Callback::new(move |v| form.update(|c| c.email = v)) error=err_for("email") />
                    </div>
                    <label class="check">
                        <input type="checkbox" data-testid="ct-dm" prop:checked=move || form.with(|c| c.decision_maker)
                            on:change=move |ev| form.update(|c| c.decision_maker = event_target_checked(&ev)) />
                        <span>{t(CMsg::DecisionMaker)}</span>
                    </label>
                    <TextField label=Signal::derive(move || t(CMsg::ContactInterests)()) test_id="ct-interests" multiline=true
                        value=Signal::derive(move || form.with(|c| c.interests.clone())) on_input=Callback::new(move |v| form.update(|c| c.interests = v)) error=err_for("interests") />
                    <div class="actions">
                        <button type="button" on:click=move |_| editing.set(None)>{t(Msg::Cancel)}</button>
                        <button type="submit" class="primary" data-testid="ct-save">{t(Msg::Save)}</button>
                    </div>
                </form>
            </Show>
        </section>
    }
}
