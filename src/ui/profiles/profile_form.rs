use leptos::prelude::*;

use crate::storage::personal_keys::personal_key;

use crate::domain::profile::{new_profile, ProfileError, Role};
use crate::ui::i18n::{name_too_long, t, use_i18n, Lang, Msg};
use crate::ui::shell::lang_toggle::LangToggle;
use crate::ui::state::platform::{fresh_seed, new_id, now_ms};
use crate::ui::state::session::{save_profile, use_db, use_session};

pub fn role_msg(r: Role) -> Msg {
    match r {
        Role::Rep => Msg::RoleRep,
        Role::Manager => Msg::RoleManager,
        Role::Finance => Msg::RoleFinance,
        Role::EventStaff => Msg::RoleEventStaff,
    }
}

/// Why the form was refused, kept as a reason so a language switch rewords it.
#[derive(Clone, PartialEq)]
enum FormError {
    Rule(ProfileError),
    Save(String),
}

impl FormError {
    fn text(&self, lang: Lang) -> String {
        match self {
            FormError::Rule(ProfileError::NameEmpty) => Msg::ErrNameEmpty.text(lang).to_owned(),
            FormError::Rule(ProfileError::NameTaken) => Msg::ErrNameTaken.text(lang).to_owned(),
            FormError::Rule(ProfileError::NameTooLong { max }) => name_too_long(lang, *max),
            FormError::Save(e) => format!("{}{e}", Msg::ErrSaveFailed.text(lang)),
        }
    }
}

/// First run, and "add a person" later: name and role, validated by the domain.
#[component]
pub fn ProfileForm() -> impl IntoView {
    let session = use_session();
    let db = use_db();
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Rep);
    let error = RwSignal::new(None::<FormError>);
    let busy = RwSignal::new(false);
    let first_run = move || session.profiles.with(|p| p.is_empty());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let existing = session.profiles.get_untracked();
        let profile = match new_profile(new_id(), &name.get_untracked(), role.get_untracked(), now_ms(), &existing) {
            Ok(p) => p,
            Err(e) => return error.set(Some(FormError::Rule(e))),
        };
        busy.set(true);
        let db = db.clone();
        leptos::task::spawn_local(async move {
            match save_profile(db.store(), &profile).await {
                Ok(()) => {
                    // The profile's signing key, before the directory entry that
                    // announces it is published (a failure leaves it unsealed).
                    match personal_key(db.store(), &profile.id, fresh_seed).await {
                        Ok(k) => session.add_key(&profile.id, k),
                        Err(e) => web_sys::console::warn_1(&format!("personal key: {e}").into()),
                    }
                    session.profiles.try_update(|ps| ps.push(profile.clone()));
                    session.switch_to(&profile.id);
                }
                Err(e) => {
                    error.try_set(Some(FormError::Save(e.to_string())));
                }
            }
            busy.try_set(false);
        });
    };

    let options =
        Role::ALL.into_iter().map(|r| view! { <option value=r.code()>{t(role_msg(r))}</option> }).collect_view();

    view! {
        <main class="first-run">
            <form class="card form" data-testid="first-run" on:submit=submit novalidate>
                <div class="form-head">
                    <h1>{move || if first_run() { t(Msg::FirstRunTitle)() } else { t(Msg::AddProfileTitle)() }}</h1>
                    <LangToggle />
                </div>
                <p class="muted">{t(Msg::FirstRunIntro)}</p>
                <label class="field">
                    <span>{t(Msg::FieldName)}</span>
                    <input
                        type="text"
                        autocomplete="name"
                        data-testid="profile-name"
                        aria-invalid=move || error.get().is_some().to_string()
                        prop:value=move || name.get()
                        on:input=move |ev| {
                            name.set(event_target_value(&ev));
                            error.set(None);
                        }
                    />
                </label>
                <label class="field">
                    <span>{t(Msg::FieldRole)}</span>
                    <select
                        data-testid="profile-role"
                        prop:value=move || role.get().code()
                        on:change=move |ev| {
                            if let Some(r) = Role::from_code(&event_target_value(&ev)) {
                                role.set(r);
                            }
                        }
                    >
                        {options}
                    </select>
                </label>
                <Show when=move || error.get().is_some()>
                    <p class="error" role="alert" data-testid="profile-error">
                        {move || error.get().map(|e| e.text(i18n.lang())).unwrap_or_default()}
                    </p>
                </Show>
                <div class="actions">
                    <Show when=move || !first_run()>
                        <button type="button" data-testid="profile-cancel" on:click=move |_| session.adding.set(false)>
                            {t(Msg::Cancel)}
                        </button>
                    </Show>
                    <button type="submit" class="primary" data-testid="profile-save" disabled=move || busy.get()>
                        {t(Msg::Save)}
                    </button>
                </div>
            </form>
            <crate::ui::profiles::recovery_restore::RecoveryRestore />
        </main>
    }
}
