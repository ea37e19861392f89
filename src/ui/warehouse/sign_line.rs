use leptos::prelude::*;

use crate::app::warehouse::{can_write_slips, sign_slip};
use crate::domain::warehouse::Signer;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::customers::date_text;
use crate::ui::i18n::warehouse::{signer_label, WMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::warehouse::warehouse_ctx::use_warehouse;

/// **W1** One signature line of a slip: the name signed there and when, or — for the
/// warehouse desk, on screen only — a field for the name and a Sign button. The line
/// itself always prints, signed or blank for a pen.
#[component]
pub fn SignLine(slip: String, signer: Signer, editable: bool) -> impl IntoView {
    let ctx = use_warehouse();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let name = RwSignal::new(String::new());
    let msg = RwSignal::new(None::<String>);
    let id = StoredValue::new(slip.clone());
    let signed = Memo::new(move |_| ctx.data.with(|d| d.signature(&slip, signer).map(|s| (s.name.clone(), s.at_ms))));
    let sign = move |_| {
        let (slip, typed) = (id.get_value(), name.get_untracked());
        cmds.run(
            move |db, a| async move { sign_slip(db.store(), &a, &slip, signer, &typed).await },
            move |r| msg.set(r.err().map(|e| command_error(i18n.lang(), &e))),
        );
    };
    view! {
        <div class="wh-sign" data-testid="wh-sign">
            <span>{t(signer_label(signer))}": "</span>
            {move || match signed.get() {
                Some((n, at)) => view! { <strong data-testid="wh-signed">{n}</strong>" "<span class="muted">{date_text(i18n.lang(), at)}</span> }.into_any(),
                None if editable && cmds.can(can_write_slips) => view! {
                    <span class="no-print wh-sign-form">
                        <input data-testid="wh-sign-name" aria-label=t(WMsg::SignerName) placeholder=t(WMsg::SignerName)
                            prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                        <button type="button" data-testid="wh-sign-button" on:click=sign>{t(WMsg::Sign)}</button>
                    </span>
                }.into_any(),
                None => ().into_any(),
            }}
            {move || msg.get().map(|m| view! { <p class="error no-print" role="alert">{m}</p> })}
        </div>
    }
}
