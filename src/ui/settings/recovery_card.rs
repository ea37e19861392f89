use leptos::prelude::*;

use crate::storage::recovery::make_recovery;
use crate::sync::crypto::KdfParams;
use crate::ui::i18n::recovery::{recovery_error, RecMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::settings::invite::qr_svg;
use crate::ui::state::platform::random_bytes;
use crate::ui::state::session::use_session;
use crate::ui::widgets::file_io::download;

/// The current profile's recovery file: its key fingerprint, and a download of the
/// profile and key wrapped under a passphrase the person chooses (issue 15).
#[component]
pub fn RecoveryCard() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let pass = RwSignal::new(String::new());
    let pass2 = RwSignal::new(String::new());
    let msg = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    let saved = RwSignal::new(None::<String>);
    let key_id = move || {
        session.current.track();
        session.current_profile().and_then(|p| session.key_of(&p.id)).map(|k| k.id().0)
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        let (Some(profile), (p, p2)) = (session.current_profile(), (pass.get_untracked(), pass2.get_untracked()))
        else {
            return;
        };
        let Some(key) = session.key_of(&profile.id) else {
            return msg.set(Some((false, RecMsg::NoKey.text(lang).to_owned())));
        };
        if p != p2 {
            return msg.set(Some((false, RecMsg::Mismatch.text(lang).to_owned())));
        }
        busy.set(true);
        msg.set(None);
        // Let the "protecting" state paint before Argon2id takes the thread.
        leptos::task::spawn_local(async move {
            crate::ui::state::round_lock::sleep(30).await;
            let (mut salt, mut nonce) = ([0u8; 16], [0u8; 12]);
            random_bytes(&mut salt);
            random_bytes(&mut nonce);
            let result = make_recovery(&profile, &key, &p, salt, nonce, KdfParams::default());
            busy.try_set(false);
            match result {
                Ok(text) => {
                    let name = format!("outpost-recovery-{}.json", profile.name.trim());
                    download(&name, text.as_bytes(), "application/json");
                    saved.try_set(Some(text));
                    pass.try_set(String::new());
                    pass2.try_set(String::new());
                    msg.try_set(Some((true, RecMsg::Saved.text(lang).to_owned())));
                }
                Err(e) => {
                    msg.try_set(Some((false, recovery_error(lang, &e))));
                }
            }
        });
    };
    view! {
        <section class="card form" data-testid="recovery">
            <h2>{t(RecMsg::Title)}</h2>
            <p class="muted">{t(RecMsg::Hint)}</p>
            {move || match key_id() {
                Some(k) => view! {
                    <p>{t(RecMsg::YourKey)} ": "
                        <code data-testid="my-key" data-key=k.clone()>{k.chars().take(10).collect::<String>()}</code>
                    </p>
                }.into_any(),
                None => view! { <p class="muted" data-testid="my-key-none">{t(RecMsg::NoKey)}</p> }.into_any(),
            }}
            <form on:submit=save novalidate>
                <div class="grid-2">
                    <label class="field"><span>{t(RecMsg::Passphrase)}</span>
                        <input type="password" autocomplete="new-password" data-testid="recovery-pass"
                            prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev)) />
                    </label>
                    <label class="field"><span>{t(RecMsg::Repeat)}</span>
                        <input type="password" autocomplete="new-password" data-testid="recovery-pass2"
                            prop:value=move || pass2.get() on:input=move |ev| pass2.set(event_target_value(&ev)) />
                    </label>
                </div>
                {move || msg.get().map(|(ok, text)| if ok {
                    view! { <p class="ok" role="status" data-testid="recovery-saved">{text}</p> }.into_any()
                } else {
                    view! { <p class="error" role="alert" data-testid="recovery-error">{text}</p> }.into_any()
                })}
                {move || saved.get().map(|text| view! {
                    <p class="muted">{t(RecMsg::QrHint)}</p>
                    <div class="qr" data-testid="recovery-qr" inner_html=qr_svg(&text).unwrap_or_default()></div>
                })}
                <div class="actions">
                    <button type="submit" class="primary" data-testid="recovery-save" disabled=move || busy.get()>
                        {move || if busy.get() { t(RecMsg::Working)() } else { t(RecMsg::Save)() }}
                    </button>
                </div>
            </form>
        </section>
    }
}
