use leptos::prelude::*;

use crate::domain::customer::CustomerFile;
use crate::ui::customers::customer_form::CustomerForm;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::activities::day_text;
use crate::ui::i18n::customers::{grade_label, list_label, CMsg};
use crate::ui::i18n::orders::yuan;
use crate::ui::i18n::{t, use_i18n, Lang};

/// One labelled fact of the read view: (test id suffix, label, value in a language or
/// `None` when not known, spans the whole row).
type Fact = (&'static str, CMsg, Option<String>, bool);

fn facts(f: &CustomerFile, lang: Lang) -> Vec<Fact> {
    let text = |s: &str| (!s.trim().is_empty()).then(|| s.to_owned());
    let yes_no = |b: bool| Some(if b { CMsg::Yes } else { CMsg::No }.text(lang).to_owned());
    vec![
        ("name", CMsg::FieldName, text(&f.name), false),
        ("region", CMsg::FieldRegion, text(&f.region), false),
        ("credit-code", CMsg::FieldCreditCode, text(&f.credit_code), false),
        ("licence", CMsg::FieldLicence, text(&f.licence_no), false),
        ("tax", CMsg::FieldTax, text(&f.tax_no), false),
        ("collected", CMsg::FieldCollectedOn, f.collected_on.map(|d| day_text(lang, d)), false),
        ("address", CMsg::FieldAddress, text(&f.address), true),
        ("source", CMsg::FieldSource, text(&f.source).map(|s| list_label(lang, &s)), false),
        ("segment", CMsg::FieldSegment, text(&f.segment).map(|s| list_label(lang, &s)), false),
        ("grade", CMsg::FieldGrade, f.grade.as_deref().and_then(text).map(|g| grade_label(lang, &g)), false),
        ("industry", CMsg::FieldIndustry, text(&f.industry), false),
        ("nature", CMsg::FieldNature, text(&f.nature), false),
        ("size", CMsg::FieldSize, text(&f.size), false),
        ("spend", CMsg::FieldSpend, f.annual_spend_fen.map(yuan), false),
        ("discount", CMsg::FieldDiscount, f.discount_pct.map(|d| format!("{d} %")), false),
        ("special", CMsg::FieldSpecial, yes_no(f.special_background), false),
        ("credit-flag", CMsg::FieldCreditFlag, yes_no(f.manual_credit_flag), false),
        ("main-business", CMsg::FieldMainBusiness, text(&f.main_business), true),
        ("credit-standing", CMsg::FieldCreditStanding, text(&f.credit_standing), true),
        ("management", CMsg::FieldManagement, text(&f.management_background), true),
        ("notes", CMsg::FieldNotes, text(&f.notes), true),
    ]
}

/// The customer file (C1) on the customer page: read as labelled facts, opened for
/// editing with "Edit". The form is the new-customer form's (`CustomerForm`): Save and
/// Cancel return here, and what is typed is a draft on the device until saved, so a
/// switch of tab (the form stays built while hidden), a reload or leaving the page loses
/// nothing; a customer with a waiting draft opens straight back into the form. `dirty`
/// tells the tab bar a draft is waiting.
#[component]
pub fn CustomerFileCard(id: String, dirty: RwSignal<bool>) -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    let editing = RwSignal::new(dirty.get_untracked());
    let saved = RwSignal::new(false);
    let fid = id.clone();
    let file = Memo::new(move |_| ctx.data.with(|d| d.get(&fid).map(|c| c.rec.file.clone())));
    let edit = move |_| {
        saved.set(false);
        editing.set(true);
    };
    let on_saved = Callback::new(move |()| {
        editing.set(false);
        saved.set(true);
    });
    let on_cancel = Callback::new(move |()| editing.set(false));
    let read = move || {
        view! {
            <section class="card file-view" data-testid="file-view">
                <div class="card-head">
                    <h2>{t(CMsg::CustomerFile)}</h2>
                    <Show when=move || saved.get()><span class="ok" role="status" data-testid="cf-saved">{t(CMsg::Saved)}</span></Show>
                    <button type="button" class="primary" data-testid="cf-edit" on:click=edit>{t(CMsg::Edit)}</button>
                </div>
                <dl class="file-facts">
                    {move || file.get().map(|f| facts(&f, i18n.lang()).into_iter().map(|(key, label, value, wide)| {
                        let known = value.is_some();
                        view! {
                            <div class:wide=wide data-testid=format!("fact-{key}")>
                                <dt>{t(label)}</dt>
                                <dd class:muted=!known>{value.unwrap_or_else(|| "—".to_owned())}</dd>
                            </div>
                        }
                    }).collect_view())}
                </dl>
            </section>
        }
    };
    view! {
        <Show when=move || editing.get() fallback=read>
            <CustomerForm id=Some(id.clone()) on_saved on_cancel dirty />
        </Show>
    }
}
