use leptos::prelude::*;

use crate::app::incentives::{can_edit_schemes, copy_scheme_version};
use crate::domain::incentive::{frozen_by, PRESET_ID};
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::incentives::IMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::incentives::incentives_page::IncentivesCtx;
use crate::ui::incentives::scheme_editor::SchemeEditor;
use crate::ui::state::command::Commands;

/// The scheme versions: when each applies, what it was copied from, and whether a month
/// has frozen it. The manager copies a version to make next year's.
#[component]
pub fn SchemesCard(ctx: IncentivesCtx) -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let allowed = move || cmds.can(can_edit_schemes);
    let valid_from = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let editing = RwSignal::new(None::<String>);
    let rows = Memo::new(move |_| {
        ctx.data.with(|d| {
            let months = d.computed_months();
            d.schemes
                .iter()
                .map(|s| {
                    (
                        s.id.clone(),
                        s.name.clone(),
                        s.valid_from,
                        s.based_on.clone(),
                        frozen_by(&s.id, &months).map(str::to_owned),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let copy = move |from: String| {
        let lang = i18n.lang();
        let Ok(day) = chrono::NaiveDate::parse_from_str(&valid_from.get_untracked(), "%Y-%m-%d") else {
            message.set(Some(IMsg::ValidFrom.text(lang).to_owned() + " ?"));
            return;
        };
        cmds.run(
            move |db, actor| async move { copy_scheme_version(db.store(), &actor, &from, day).await },
            move |r| {
                message.set(Some(match r {
                    Ok(_) => IMsg::Copied.text(lang).to_owned(),
                    Err(e) => command_error(lang, &e),
                }))
            },
        );
    };
    view! {
        <section class="card schemes no-print" data-testid="incentives-schemes">
            <h3>{t(IMsg::Schemes)}</h3>
            <ul class="scheme-list">
                {move || rows.get().into_iter().map(|(id, name, from, based_on, frozen)| {
                    let preset = id == PRESET_ID;
                    let is_frozen = frozen.is_some();
                    let shown = if preset || name.is_empty() { None } else { Some(name) };
                    let id2 = id.clone();
                    let id3 = id.clone();
                    view! {
                        <li data-testid="scheme-row" data-scheme=id3 data-frozen=frozen.is_some().to_string()>
                            <strong>{move || shown.clone().unwrap_or_else(|| if preset { IMsg::PresetName.text(i18n.lang()).to_owned() } else { id.clone() })}</strong>
                            " · "<span class="muted">{t(IMsg::ValidFrom)}" "</span>{from.format("%Y-%m-%d").to_string()}
                            {based_on.map(|b| view! { " · "<span class="muted">{t(IMsg::BasedOn)}" "</span>{b} })}
                            " · "
                            {match frozen {
                                Some(_) => view! { <span class="badge muted-badge">{t(IMsg::Frozen)}</span> }.into_any(),
                                None => view! { <span class="badge ok-badge">{t(IMsg::Editable)}</span> }.into_any(),
                            }}
                            <Show when=allowed>
                                {let from_id = id2.clone(); view! {
                                    <button type="button" data-testid="scheme-copy" on:click=move |_| copy(from_id.clone())>{t(IMsg::Copy)}</button>
                                }}
                                {let edit_id = id2.clone(); (!preset && !is_frozen).then(|| view! {
                                    <button type="button" data-testid="scheme-edit" on:click=move |_| editing.set(Some(edit_id.clone()))>{t(IMsg::Edit)}</button>
                                })}
                            </Show>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=allowed>
                <label class="copy-from">
                    <span>{t(IMsg::ValidFrom)}</span>
                    <input type="date" data-testid="scheme-valid-from" prop:value=move || valid_from.get()
                        on:input=move |ev| valid_from.set(event_target_value(&ev)) />
                </label>
            </Show>
            {move || message.get().map(|m| view! { <p class="notice" data-testid="scheme-message">{m}</p> })}
            {move || editing.get().and_then(|id| ctx.data.with_untracked(|d| d.scheme(&id).cloned())).map(|s| view! {
                <SchemeEditor scheme=s on_close=Callback::new(move |_| editing.set(None)) />
            })}
        </section>
    }
}
