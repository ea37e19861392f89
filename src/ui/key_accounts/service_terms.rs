use leptos::prelude::*;

use crate::app::key_accounts::{can_keep_terms, may_hold_role, save_service_terms};
use crate::domain::key_service::{Seat, ServiceTerms};
use crate::storage::key_accounts::KeyAccountsData;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::key_accounts::{seat_label, KMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;

/// K2 (seed 004) on the customer's key-account section: who serves the account and
/// what it was promised, read first; the key-account leads edit it. The form keeps the
/// terms it was opened on, so saving writes only what was changed here.
#[component]
pub fn ServiceTermsCard(customer: String, data: RwSignal<KeyAccountsData>) -> impl IntoView {
    let i18n = use_i18n();
    let people = use_customers();
    let cmds = Commands::new();
    let cust = StoredValue::new(customer);
    let stored = Memo::new(move |_| data.with(|d| d.terms_of(&cust.get_value())));
    let may_edit = move || data.with(|d| cmds.can(|a| can_keep_terms(a, &d.roles)));
    let editing = RwSignal::new(false);
    let base = StoredValue::new(ServiceTerms::default());
    let draft = RwSignal::new(ServiceTerms::default());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let start = move |_| {
        base.set_value(stored.get_untracked());
        draft.set(stored.get_untracked());
        error.set(None);
        saved.set(false);
        editing.set(true);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (b, new) = (base.get_value(), draft.get_untracked());
        cmds.run(
            move |db, a| async move { save_service_terms(db.store(), &a, &b, new).await },
            move |r| match r {
                Ok(_) => {
                    error.set(None);
                    saved.set(true);
                    editing.set(false);
                }
                Err(e) if e.is_unchanged() => editing.set(false),
                Err(e) => error.set(Some(command_error(i18n.lang(), &e))),
            },
        );
    };
    let seat_choices = move || {
        people.data.with(|d| {
            d.people
                .iter()
                .filter(|p| may_hold_role(p.role))
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let name_of = move |id: &str| people.data.with_untracked(|d| d.name_of(id));
    let years = move |get: fn(&ServiceTerms) -> u8, set: fn(&mut ServiceTerms, u8), id: &'static str, label: KMsg| {
        view! {
            <label class="field"><span>{t(label)}</span>
                <input type="number" min="0" max="30" inputmode="numeric" data-testid=id
                    prop:value=move || draft.with(|d| get(d).to_string())
                    on:input=move |ev| {
                        // Empty is none promised; anything not a small number is refused on save.
                        let s = event_target_value(&ev);
                        let v = if s.trim().is_empty() { 0 } else { s.trim().parse().unwrap_or(u8::MAX) };
                        draft.update(|d| set(d, v))
                    } />
            </label>
        }
    };
    let text =
        move |get: fn(&ServiceTerms) -> &String, set: fn(&mut ServiceTerms, String), id: &'static str, label: KMsg| {
            view! {
                <label class="field"><span>{t(label)}</span>
                    <input type="text" maxlength="500" data-testid=id prop:value=move || draft.with(|d| get(d).clone())
                        on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| set(d, v)) } />
                </label>
            }
        };
    let flag = move |get: fn(&ServiceTerms) -> bool,
                     set: fn(&mut ServiceTerms, bool),
                     id: &'static str,
                     label: KMsg| {
        view! {
            <label class="check"><input type="checkbox" data-testid=id prop:checked=move || draft.with(get)
                on:change=move |ev| { let v = event_target_checked(&ev); draft.update(|d| set(d, v)) } />" "{t(label)}</label>
        }
    };
    view! {
        <section class="ka-terms" data-testid="ka-terms">
            <h3>{t(KMsg::TermsTitle)}</h3>
            <Show when=move || !editing.get()>
                {move || {
                    let s = stored.get();
                    if s.is_empty() {
                        return view! { <p class="muted" data-testid="ka-terms-empty">{t(KMsg::TermsNone)}</p> }.into_any();
                    }
                    let seats = Seat::ALL.into_iter().filter_map(|r| s.team.get(&r).map(|p| (r, name_of(p)))).collect::<Vec<_>>();
                    let mut promised: Vec<String> = Vec::new();
                    let lang = i18n.lang();
                    let sep = if lang == crate::ui::i18n::Lang::ZhCn { "：" } else { ": " };
                    if s.warranty_limited_years > 0 {
                        promised.push(crate::ui::i18n::key_accounts::warranty_text(lang, s.warranty_limited_years, s.warranty_onsite_years, s.warranty_full_years));
                    }
                    if !s.special_regions.is_empty() { promised.push(format!("{}{sep}{}", KMsg::SpecialRegions.text(lang), s.special_regions)); }
                    if s.rush_supply { promised.push(KMsg::RushSupply.text(lang).to_owned()); }
                    if s.paid_delivery { promised.push(KMsg::PaidDelivery.text(lang).to_owned()); }
                    if !s.custom_products.is_empty() { promised.push(format!("{}{sep}{}", KMsg::CustomProducts.text(lang), s.custom_products)); }
                    if !s.payment_terms.is_empty() { promised.push(format!("{}{sep}{}", KMsg::PaymentTerms.text(lang), s.payment_terms)); }
                    view! {
                        <dl class="ka-facts" data-testid="ka-team">
                            {seats.into_iter().map(|(r, name)| view! { <dt>{move || seat_label(i18n.lang(), r)}</dt><dd data-testid="ka-seat" data-seat=r.code()>{name}</dd> }).collect_view()}
                        </dl>
                        <ul class="plain-list" data-testid="ka-promises">
                            {promised.into_iter().map(|p| view! { <li data-testid="ka-promise">{p}</li> }).collect_view()}
                        </ul>
                        {(!s.notes.is_empty()).then(|| view! { <p class="muted" data-testid="ka-terms-notes">{s.notes.clone()}</p> })}
                    }.into_any()
                }}
                <Show when=move || saved.get()><p class="ok" role="status" data-testid="ka-terms-saved">{t(KMsg::TermsSaved)}</p></Show>
                <Show when=may_edit fallback=|| view! { <p class="muted">{t(KMsg::TermsLeadsOnly)}</p> }>
                    <button type="button" data-testid="ka-terms-edit" on:click=start>{t(KMsg::TermsEdit)}</button>
                </Show>
            </Show>
            <Show when=move || editing.get()>
                <form class="form" data-testid="ka-terms-form" on:submit=save novalidate>
                    <fieldset>
                        <legend>{t(KMsg::TeamLegend)}</legend>
                        <div class="grid-2">
                            {Seat::ALL.into_iter().map(|r| view! {
                                <label class="field"><span>{move || seat_label(i18n.lang(), r)}</span>
                                    <select data-testid=format!("ka-seat-{}", r.code()) on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| { if v.is_empty() { d.team.remove(&r); } else { d.team.insert(r, v); } }) }>
                                        <option value="" selected=move || draft.with(|d| !d.team.contains_key(&r))>{t(KMsg::NoEvent)}</option>
                                        {move || seat_choices().into_iter().map(|(id, name)| { let v = id.clone(); view! { <option value=id selected=move || draft.with(|d| d.team.get(&r) == Some(&v))>{name}</option> } }).collect_view()}
                                    </select>
                                </label>
                            }).collect_view()}
                        </div>
                    </fieldset>
                    <fieldset>
                        <legend>{t(KMsg::TermsLegend)}</legend>
                        <div class="grid-2">
                            {years(|d| d.warranty_limited_years, |d, v| d.warranty_limited_years = v, "ka-warranty-limited", KMsg::WarrantyLimited)}
                            {years(|d| d.warranty_onsite_years, |d, v| d.warranty_onsite_years = v, "ka-warranty-onsite", KMsg::WarrantyOnsite)}
                            {years(|d| d.warranty_full_years, |d, v| d.warranty_full_years = v, "ka-warranty-full", KMsg::WarrantyFull)}
                            {text(|d| &d.special_regions, |d, v| d.special_regions = v, "ka-special-regions", KMsg::SpecialRegions)}
                        </div>
                        {flag(|d| d.rush_supply, |d, v| d.rush_supply = v, "ka-rush", KMsg::RushSupply)}
                        {flag(|d| d.paid_delivery, |d, v| d.paid_delivery = v, "ka-delivery", KMsg::PaidDelivery)}
                        {text(|d| &d.custom_products, |d, v| d.custom_products = v, "ka-custom", KMsg::CustomProducts)}
                        {text(|d| &d.payment_terms, |d, v| d.payment_terms = v, "ka-payment-terms", KMsg::PaymentTerms)}
                        <label class="field"><span>{t(KMsg::ActivityNotes)}</span>
                            <textarea rows="2" maxlength="500" data-testid="ka-terms-notes-input" prop:value=move || draft.with(|d| d.notes.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.notes = v) }></textarea>
                        </label>
                    </fieldset>
                    {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="ka-terms-error">{e}</p> })}
                    <div class="actions">
                        <button type="button" on:click=move |_| editing.set(false)>{t(KMsg::Cancel)}</button>
                        <button type="submit" class="primary" data-testid="ka-terms-save">{t(KMsg::Save)}</button>
                    </div>
                </form>
            </Show>
        </section>
    }
}
