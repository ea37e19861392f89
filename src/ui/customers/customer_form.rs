use leptos::prelude::*;
use serde_json::{Map, Value};

use crate::app::customers::{can_set_credit_flag, save_customer};
use crate::domain::customer::{validate_contact, validate_customer, Contact, CustomerFile, FieldError};
use crate::domain::money::{format_yuan, parse_yuan};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::customers::{field_error_text, grade_label, list_label, CMsg};
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::state::command::Commands;
use crate::ui::state::platform::{local_get, local_remove, local_set, new_id, set_hash};
use crate::ui::widgets::text_field::TextField;

/// Where the form keeps what is typed and not saved, per customer (`new` for a new one).
pub fn draft_key(id: Option<&str>) -> String {
    format!("outpost.draft.customer.{}", id.unwrap_or("new"))
}

fn to_json(file: &CustomerFile, contact: &Contact, spend: &str, discount: &str) -> String {
    let mut m = Map::new();
    m.insert("file".into(), Value::Object(file.to_fields().into_iter().map(|(k, v)| (k.to_owned(), v)).collect()));
    m.insert(
        "contact".into(),
        Value::Object(contact.to_fields().into_iter().map(|(k, v)| (k.to_owned(), v)).collect()),
    );
    m.insert("spend".into(), spend.into());
    m.insert("discount".into(), discount.into());
    Value::Object(m).to_string()
}

fn from_json(text: &str) -> Option<(CustomerFile, Contact, String, String)> {
    let v: Value = serde_json::from_str(text).ok()?;
    let file = CustomerFile::from_fields(|f| v.get("file")?.get(f));
    let contact = Contact::from_fields(|f| v.get("contact")?.get(f));
    let s = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
    Some((file, contact, s("spend"), s("discount")))
}

/// The customer file (C1): every fact a rep collects, validated field by field. Typing is
/// kept as a draft on the device until saved, so nothing typed is lost to a reload, a
/// flat battery or a switch of page. A new customer takes its first contact here too,
/// and a rep who enters it owns it (P1).
///
/// Opened for editing from the file's read view (`customer_file_card.rs`): `on_saved`
/// runs after a save, `on_cancel` adds a Cancel button that asks before it drops typed
/// changes, and `dirty` follows whether a draft is waiting.
#[component]
pub fn CustomerForm(
    id: Option<String>,
    #[prop(optional)] on_saved: Option<Callback<()>>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
    #[prop(optional)] dirty: Option<RwSignal<bool>>,
) -> impl IntoView {
    let cmds = Commands::new();
    let ctx = use_customers();
    let i18n = use_i18n();
    let is_new = id.is_none();
    let key = draft_key(id.as_deref());
    let stored = id.as_deref().and_then(|i| ctx.data.with_untracked(|d| d.get(i).map(|c| c.rec.file.clone())));
    let base = stored.clone().unwrap_or_default();
    // What is stored now: the base the next save is compared with, so only real changes
    // are stamped.
    let stored = StoredValue::new(stored);
    let spend0 = base.annual_spend_fen.map(format_yuan).unwrap_or_default();
    let disc0 = base.discount_pct.map(|d| d.to_string()).unwrap_or_default();

    let file = RwSignal::new(base.clone());
    let contact = RwSignal::new(Contact::default());
    let spend = RwSignal::new(spend0.clone());
    let discount = RwSignal::new(disc0.clone());
    let restored = RwSignal::new(false);
    if let Some((f, c, s, d)) = local_get(&key).and_then(|t| from_json(&t)) {
        if f != base || c != Contact::default() || s != spend0 || d != disc0 {
            file.set(f);
            contact.set(c);
            spend.set(s);
            discount.set(d);
            restored.set(true);
        }
    }
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let saved = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);

    let set_dirty = move |v: bool| {
        if let Some(d) = dirty {
            if d.try_get_untracked() != Some(v) {
                d.try_set(v);
            }
        }
    };
    set_dirty(restored.get_untracked());
    // Whether the form equals what is stored (then there is no draft).
    let is_clean = move |f: &CustomerFile, c: &Contact, sp: &str, di: &str| {
        stored.with_value(|st| {
            let st = st.clone().unwrap_or_default();
            st == *f
                && *c == Contact::default()
                && sp == st.annual_spend_fen.map(format_yuan).unwrap_or_default()
                && di == st.discount_pct.map(|d| d.to_string()).unwrap_or_default()
        })
    };

    // Every keystroke lands in the draft; a form equal to what is stored has none.
    let draft_key_w = key.clone();
    Effect::new(move |first: Option<()>| {
        let (f, c, sp, di) = (file.get(), contact.get(), spend.get(), discount.get());
        if first.is_none() {
            return;
        }
        if is_clean(&f, &c, &sp, &di) {
            local_remove(&draft_key_w);
            set_dirty(false);
        } else {
            local_set(&draft_key_w, &to_json(&f, &c, &sp, &di));
            saved.set(false);
            set_dirty(true);
        }
    });
    // Cancel with typed changes asks first: discard them, or keep editing.
    let confirm_cancel = RwSignal::new(false);

    let err_for = move |field: &'static str| {
        Signal::derive(move || {
            errors.with(|es| es.iter().find(|e| e.field == field).map(|e| field_error_text(i18n.lang(), &e.reason)))
        })
    };
    macro_rules! text {
        ($label:expr, $field:ident, $tid:literal) => {
            view! { <TextField label=Signal::derive(move || t($label)()) test_id=$tid
            value=Signal::derive(move || file.with(|f| f.$field.clone()))
            on_input=Callback::new(move |v: String| file.update(|f| f.$field = v))
            error=err_for(stringify!($field)) /> }
        };
    }
    macro_rules! contact_text {
        ($label:expr, $field:ident, $tid:literal, $kind:literal) => {
            view! { <TextField label=Signal::derive(move || t($label)()) test_id=$tid kind=$kind
            value=Signal::derive(move || contact.with(|c| c.$field.clone()))
            on_input=Callback::new(move |v: String| contact.update(|c| c.$field = v))
            error=err_for(concat!("contact.", stringify!($field))) /> }
        };
    }

    let discard_key = key.clone();
    let discard = move || {
        local_remove(&discard_key);
        file.set(base.clone());
        contact.set(Contact::default());
        spend.set(spend0.clone());
        discount.set(disc0.clone());
        restored.set(false);
        errors.set(Vec::new());
        set_dirty(false);
    };
    let cancel = {
        let discard = discard.clone();
        move |_| {
            let Some(done) = on_cancel else { return };
            let clean = is_clean(
                &file.get_untracked(),
                &contact.get_untracked(),
                &spend.get_untracked(),
                &discount.get_untracked(),
            );
            if clean {
                discard();
                done.run(());
            } else {
                confirm_cancel.set(true);
            }
        }
    };
    let drop_changes = {
        let discard = discard.clone();
        move |_| {
            discard();
            confirm_cancel.set(false);
            if let Some(done) = on_cancel {
                done.run(());
            }
        }
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut f = file.get_untracked();
        f.tidy();
        let mut errs = Vec::new();
        let spend_text = spend.get_untracked();
        f.annual_spend_fen = match spend_text.trim() {
            "" => None,
            s => match parse_yuan(s) {
                Ok(v) => Some(v),
                Err(_) => {
                    errs.push(FieldError::money("annual_spend_fen"));
                    None
                }
            },
        };
        f.discount_pct = match discount.get_untracked().trim() {
            "" => None,
            s => match s.trim_end_matches('%').parse::<u32>() {
                Ok(v) => Some(v),
                Err(_) => {
                    errs.push(FieldError::percent("discount_pct"));
                    None
                }
            },
        };
        if let Err(mut e) = validate_customer(&f) {
            errs.append(&mut e);
        }
        let mut c = contact.get_untracked();
        c.tidy();
        let with_contact = is_new && c != Contact::default();
        if with_contact {
            if let Err(e) = validate_contact(&c) {
                errs.extend(e.into_iter().map(FieldError::in_contact));
            }
        }
        if !errs.is_empty() {
            errors.set(errs);
            return;
        }
        errors.set(Vec::new());
        let cid = id.clone().unwrap_or_else(new_id);
        let old = stored.get_value();
        let key = key.clone();
        let saved_file = f.clone();
        let contact_id = new_id();
        let lang = i18n.lang();
        let shown_id = cid.clone();
        // The command stamps what changed since the form opened, refuses a credit flag
        // changed by anyone but a manager (C3), and makes a rep's new customer theirs (P1).
        cmds.run(
            move |db, a| async move {
                let first = with_contact.then_some((contact_id.as_str(), &c));
                save_customer(db.store(), &a, &cid, old.as_ref(), &f, first).await
            },
            // Saving an unchanged file is a save all the same.
            move |result| match result.map(|_| ()).or_else(|e| if e.is_unchanged() { Ok(()) } else { Err(e) }) {
                Ok(()) => {
                    stored.set_value(Some(saved_file.clone()));
                    spend.set(saved_file.annual_spend_fen.map(format_yuan).unwrap_or_default());
                    discount.set(saved_file.discount_pct.map(|d| d.to_string()).unwrap_or_default());
                    contact.set(Contact::default());
                    file.set(saved_file);
                    local_remove(&key);
                    restored.set(false);
                    saved.set(true);
                    failed.set(None);
                    set_dirty(false);
                    if is_new {
                        set_hash(&format!("#/customers/{shown_id}"));
                    }
                    if let Some(done) = on_saved {
                        done.run(());
                    }
                }
                Err(e) => failed.set(Some(command_error(lang, &e))),
            },
        );
    };

    view! {
        <form class="card form customer-form" data-testid="customer-form" on:submit=submit novalidate>
            <h2>{move || if is_new { t(CMsg::NewCustomer)() } else { t(CMsg::CustomerFile)() }}</h2>
            <Show when=move || restored.get()>
                <p class="notice" role="status" data-testid="draft-restored">
                    {t(CMsg::DraftRestored)}" "
                    <button type="button" data-testid="draft-discard" on:click={ let d = discard.clone(); move |_| d() }>{t(CMsg::DraftDiscard)}</button>
                </p>
            </Show>
            {text!(CMsg::FieldName, name, "cf-name")}
            <div class="grid-2">
                {text!(CMsg::FieldCreditCode, credit_code, "cf-credit-code")}
                {text!(CMsg::FieldLicence, licence_no, "cf-licence")}
                {text!(CMsg::FieldTax, tax_no, "cf-tax")}
                {text!(CMsg::FieldRegion, region, "cf-region")}
            </div>
            {text!(CMsg::FieldAddress, address, "cf-address")}
            <Show when=move || is_new>
                <fieldset class="contact-fields" data-testid="cf-first-contact">
                    <legend>{t(CMsg::FirstContact)}</legend>
                    <div class="grid-2">
                        {contact_text!(CMsg::ContactName, name, "cf-contact-name", "text")}
                        {contact_text!(CMsg::ContactTitle, title, "cf-contact-title", "text")}
                        {contact_text!(CMsg::ContactPhone, phone, "cf-contact-phone", "tel")}
                        {contact_text!(CMsg::ContactEmail, email, "cf-contact-email", "email")}
                    </div>
                    <label class="check">
                        <input type="checkbox" data-testid="cf-contact-dm" prop:checked=move || contact.with(|c| c.decision_maker)
                            on:change=move |ev| contact.update(|c| c.decision_maker = event_target_checked(&ev)) />
                        <span>{t(CMsg::DecisionMaker)}</span>
                    </label>
                </fieldset>
            </Show>
            <div class="grid-2">
                <label class="field"><span>{t(CMsg::FieldSource)}</span>
                    <select data-testid="cf-source" prop:value=move || file.with(|f| f.source.clone())
                        on:change=move |ev| file.update(|f| f.source = event_target_value(&ev))>
                        <option value="">"—"</option>
                        {move || ctx.lists.get().sources.into_iter().map(|s| { let l = s.clone(); view! { <option value=s.clone() selected=file.with_untracked(|f| f.source == s)>{move || list_label(i18n.lang(), &l)}</option> } }).collect_view()}
                    </select>
                </label>
                <label class="field"><span>{t(CMsg::FieldSegment)}</span>
                    <select data-testid="cf-segment" prop:value=move || file.with(|f| f.segment.clone())
                        on:change=move |ev| file.update(|f| f.segment = event_target_value(&ev))>
                        <option value="">"—"</option>
                        {move || ctx.lists.get().segments.into_iter().map(|s| { let l = s.clone(); view! { <option value=s.clone() selected=file.with_untracked(|f| f.segment == s)>{move || list_label(i18n.lang(), &l)}</option> } }).collect_view()}
                    </select>
                </label>
                <label class="field"><span>{t(CMsg::FieldGrade)}</span>
                    <select data-testid="cf-grade" prop:value=move || file.with(|f| f.grade.clone().unwrap_or_default())
                        on:change=move |ev| { let v = event_target_value(&ev); file.update(|f| f.grade = (!v.is_empty()).then_some(v)) }>
                        <option value="">"—"</option>
                        {["a", "b", "c"].into_iter().map(|g| view! { <option value=g selected=file.with_untracked(|f| f.grade.as_deref() == Some(g))>{move || grade_label(i18n.lang(), g)}</option> }).collect_view()}
                    </select>
                </label>
                {text!(CMsg::FieldIndustry, industry, "cf-industry")}
                {text!(CMsg::FieldNature, nature, "cf-nature")}
                {text!(CMsg::FieldSize, size, "cf-size")}
                <TextField label=Signal::derive(move || t(CMsg::FieldSpend)()) test_id="cf-spend"
                    value=Signal::derive(move || spend.get()) on_input=Callback::new(move |v| spend.set(v))
                    error=err_for("annual_spend_fen") />
                <TextField label=Signal::derive(move || t(CMsg::FieldDiscount)()) test_id="cf-discount"
                    value=Signal::derive(move || discount.get()) on_input=Callback::new(move |v| discount.set(v))
                    error=err_for("discount_pct") />
            </div>
            {text!(CMsg::FieldMainBusiness, main_business, "cf-main-business")}
            {text!(CMsg::FieldCreditStanding, credit_standing, "cf-credit-standing")}
            {text!(CMsg::FieldManagement, management_background, "cf-management")}
            <div class="grid-2">
                <label class="field"><span>{t(CMsg::FieldCollectedOn)}</span>
                    <input type="date" data-testid="cf-collected"
                        prop:value=move || file.with(|f| f.collected_on.map(|d| d.to_string()).unwrap_or_default())
                        on:input=move |ev| { let v = event_target_value(&ev); file.update(|f| f.collected_on = v.parse().ok()) } />
                </label>
                <div class="checks">
                    <label class="check">
                        <input type="checkbox" data-testid="cf-special" prop:checked=move || file.with(|f| f.special_background)
                            on:change=move |ev| file.update(|f| f.special_background = event_target_checked(&ev)) />
                        <span>{t(CMsg::FieldSpecial)}</span>
                    </label>
                    <label class="check">
                        <input type="checkbox" data-testid="cf-credit-flag" prop:checked=move || file.with(|f| f.manual_credit_flag)
                            disabled=move || !cmds.can(can_set_credit_flag)
                            on:change=move |ev| file.update(|f| f.manual_credit_flag = event_target_checked(&ev)) />
                        <span>{t(CMsg::FieldCreditFlag)}</span>
                    </label>
                    <Show when=move || !cmds.can(can_set_credit_flag)>
                        <small class="muted" data-testid="cf-credit-flag-note">{t(CMsg::CreditFlagManagerOnly)}</small>
                    </Show>
                </div>
            </div>
            <TextField label=Signal::derive(move || t(CMsg::FieldNotes)()) test_id="cf-notes" multiline=true
                value=Signal::derive(move || file.with(|f| f.notes.clone()))
                on_input=Callback::new(move |v: String| file.update(|f| f.notes = v)) />
            <Show when=move || !errors.with(Vec::is_empty)>
                <p class="error" role="alert" data-testid="cf-errors">{t(CMsg::FixErrors)}</p>
            </Show>
            {move || failed.get().map(|e| view! { <p class="error" role="alert">{t(Msg::ErrSaveFailed)}{e}</p> })}
            <Show when=move || confirm_cancel.get()>
                <div class="notice warn confirm" role="alert" data-testid="cf-cancel-confirm">
                    <span>{t(CMsg::DiscardTyped)}</span>
                    <button type="button" data-testid="cf-cancel-keep" on:click=move |_| confirm_cancel.set(false)>{t(CMsg::KeepEditing)}</button>
                    <button type="button" class="danger" data-testid="cf-cancel-discard" on:click=drop_changes.clone()>{t(CMsg::DiscardChanges)}</button>
                </div>
            </Show>
            <div class="actions">
                <Show when=move || saved.get()><span class="ok" role="status" data-testid="cf-saved">{t(CMsg::Saved)}</span></Show>
                {on_cancel.map(|_| view! { <button type="button" data-testid="cf-cancel" on:click=cancel.clone()>{t(Msg::Cancel)}</button> })}
                <button type="submit" class="primary" data-testid="cf-save">{t(Msg::Save)}</button>
            </div>
        </form>
    }
}
