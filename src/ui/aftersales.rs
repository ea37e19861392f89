//! Market feedback, competitor files and repair jobs (seeds 000/002/003): the team page
//! `#/aftersales` and the customer's service tab share these components.

use leptos::prelude::*;

use crate::ui::i18n::aftersales::FMsg;
use crate::ui::i18n::t;

pub mod aftersales_page;
pub mod competitor_form;
pub mod competitor_list;
pub mod customer_aftersales;
pub mod feedback_form;
pub mod feedback_list;
pub mod repair_form;
pub mod repair_list;

/// A labelled input bound to `sig` (`kind`: text, date, or `textarea`).
pub fn input(label: FMsg, test_id: &'static str, sig: RwSignal<String>, kind: &'static str) -> AnyView {
    let set = move |ev| sig.set(event_target_value(&ev));
    let field = if kind == "textarea" {
        view! { <textarea rows="3" data-testid=test_id prop:value=move || sig.get() on:input=set></textarea> }
            .into_any()
    } else {
        view! { <input type=kind data-testid=test_id prop:value=move || sig.get() on:input=set /> }.into_any()
    };
    view! { <label class="field"><span>{t(label)}</span>{field}</label> }.into_any()
}

/// The outcome of a save: `(ok, text)`, shown as a status or an alert.
pub fn outcome(msg: RwSignal<Option<(bool, String)>>, test_id: &'static str) -> impl IntoView {
    move || {
        msg.get().map(|(ok, text)| {
            if ok {
                view! { <p class="ok" role="status" data-testid=format!("{test_id}-saved")>{text}</p> }.into_any()
            } else {
                view! { <p class="error" role="alert" data-testid=format!("{test_id}-error")>{text}</p> }.into_any()
            }
        })
    }
}

/// Names customers (read while the component is built): the name, or nothing for a
/// record without a customer.
pub fn customer_namer() -> impl Fn(Option<&str>) -> String + Copy + 'static {
    let customers = crate::ui::customers::customers_ctx::use_customers();
    move |id| {
        id.and_then(|id| customers.data.with_untracked(|d| d.get(id).map(|c| c.rec.file.name.clone())))
            .unwrap_or_default()
    }
}
