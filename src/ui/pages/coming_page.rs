use leptos::prelude::*;

use crate::ui::i18n::{t, Msg};

/// A page whose content a later release owns; it says which.
#[component]
pub fn ComingPage(what: Msg) -> impl IntoView {
    view! {
        <section class="card coming" data-testid="coming">
            <p>{t(what)}</p>
        </section>
    }
}
