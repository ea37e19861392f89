//! A select offering every role (the roster card's grant): roles are named only under
//! `ui/profiles`, where they are offered, never checked.

use leptos::prelude::*;

use crate::domain::profile::Role;
use crate::ui::i18n::use_i18n;
use crate::ui::profiles::profile_form::role_msg;

#[component]
pub fn RoleSelect(chosen: RwSignal<Role>, #[prop(into)] testid: String) -> impl IntoView {
    let i18n = use_i18n();
    let options = Role::ALL
        .into_iter()
        .map(|role| {
            view! { <option value=role.code() selected=chosen.get_untracked() == role>{move || role_msg(role).text(i18n.lang())}</option> }
        })
        .collect_view();
    view! {
        <select data-testid=testid on:change=move |ev| {
            if let Some(r) = Role::from_code(&event_target_value(&ev)) {
                chosen.set(r);
            }
        }>
            {options}
        </select>
    }
}
