use leptos::prelude::*;

use crate::ui::i18n::{t, use_i18n, Msg};

#[component]
pub fn LangToggle() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class="chip-button"
            data-testid="lang-toggle"
            title=t(Msg::SwitchLangLabel)
            on:click=move |_| i18n.0.update(|l| *l = l.other())
        >
            {t(Msg::SwitchLang)}
        </button>
    }
}
