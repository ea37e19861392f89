use leptos::prelude::*;

use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::profiles::profile_form::role_msg;
use crate::ui::state::session::use_session;

/// The current person, and a menu to switch to another or add one (shared tablets).
#[component]
pub fn ProfileSwitcher() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let current_name = move || session.current_profile().map(|p| p.name).unwrap_or_default();

    view! {
        <div class="profile-switcher">
            <button
                type="button"
                class="chip-button"
                data-testid="profile-switcher"
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                title=t(Msg::SwitchProfile)
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {current_name}
            </button>
            <Show when=move || open.get()>
                <div class="menu" role="menu" data-testid="profile-menu">
                    <For
                        each=move || session.profiles.get()
                        key=|p| p.id.clone()
                        let:p
                    >
                        {
                            let id = p.id.clone();
                            let active_id = p.id.clone();
                            view! {
                                <button
                                    type="button"
                                    role="menuitemradio"
                                    class="menu-item"
                                    data-testid="profile-option"
                                    aria-checked=move || (session.current.get().as_deref() == Some(active_id.as_str())).to_string()
                                    on:click=move |_| {
                                        session.switch_to(&id);
                                        open.set(false);
                                    }
                                >
                                    <span>{p.name.clone()}</span>
                                    <span class="muted">{move || role_msg(p.role).text(i18n.lang())}</span>
                                </button>
                            }
                        }
                    </For>
                    <button
                        type="button"
                        class="menu-item add"
                        data-testid="profile-add"
                        on:click=move |_| {
                            open.set(false);
                            session.adding.set(true);
                        }
                    >
                        {t(Msg::AddProfile)}
                    </button>
                </div>
            </Show>
        </div>
    }
}
