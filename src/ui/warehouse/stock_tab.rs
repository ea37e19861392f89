use leptos::prelude::*;

use crate::app::warehouse::{can_edit_catalogue, save_item};
use crate::domain::warehouse::report::overdrawn;
use crate::domain::warehouse::{on_hand, Item};
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::warehouse::{overdrawn_text, WMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::warehouse::warehouse_ctx::use_warehouse;

/// **W1** Stock levels per catalogue item, and the catalogue itself (the manager's):
/// a row's Edit fills the form; saving writes only the fields that changed.
#[component]
pub fn StockTab() -> impl IntoView {
    let ctx = use_warehouse();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let may_edit = move || cmds.can(can_edit_catalogue);
    let form = RwSignal::new(Item::default());
    let msg = RwSignal::new(None::<String>);
    let rows = move || {
        ctx.data.with(|d| {
            let levels = on_hand(&d.slips);
            d.items.iter().map(|i| (i.clone(), levels.get(&i.id).copied().unwrap_or(0))).collect::<Vec<_>>()
        })
    };
    let save = move |_| {
        let item = form.get_untracked();
        if item.name.trim().is_empty() {
            return msg.set(Some(WMsg::ErrName.text(i18n.lang()).to_owned()));
        }
        cmds.run(
            move |db, a| async move { save_item(db.store(), &a, &item).await },
            move |r| match r {
                Ok(_) => {
                    form.set(Item::default());
                    msg.set(None);
                }
                Err(e) => msg.set(Some(command_error(i18n.lang(), &e))),
            },
        );
    };
    let field = move |label: WMsg, id: &'static str, get: fn(&Item) -> String, set: fn(&mut Item, String)| {
        view! {
            <label class="field"><span>{t(label)}</span>
                <input data-testid=id prop:value=move || form.with(get) on:input=move |ev| form.update(|f| set(f, event_target_value(&ev))) />
            </label>
        }
    };
    view! {
        <section class="card" data-testid="wh-stock">
            <h2>{t(WMsg::TabStock)}</h2>
            {move || {
                let lang = i18n.lang();
                ctx.data.with(|d| overdrawn(&d.slips)).into_iter().map(|o| view! {
                    <p class="notice warn" role="alert" data-testid="wh-overdrawn" data-item=o.item.clone()>
                        {overdrawn_text(lang, &o)}
                    </p>
                }).collect_view()
            }}
            <Show when=move || !rows().is_empty() fallback=move || view! { <p class="muted">{t(WMsg::NoItems)}</p> }>
                <table class="table">
                    <thead><tr><th>{t(WMsg::Item)}</th><th>{t(WMsg::Unit)}</th><th class="num">{t(WMsg::OnHand)}</th><th></th></tr></thead>
                    <tbody>
                        {move || rows().into_iter().map(|(item, n)| {
                            let edit = item.clone();
                            view! {
                                <tr data-testid="wh-stock-row">
                                    <td>{item.label()}</td><td>{item.unit.clone()}</td>
                                    <td class="num" class:error=n < 0 data-testid="wh-level">{n}</td>
                                    <td>{may_edit().then(|| view! { <button type="button" class="secondary" on:click=move |_| form.set(edit.clone())>{t(WMsg::EditItem)}</button> })}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
        </section>
        <Show when=may_edit>
            <section class="card form" data-testid="wh-catalogue">
                <h2>{move || if form.with(|f| f.id.is_empty()) { t(WMsg::NewItem)() } else { t(WMsg::Catalogue)() }}</h2>
                <div class="grid-3">
                    {field(WMsg::Item, "wh-item-name", |f| f.name.clone(), |f, v| f.name = v)}
                    {field(WMsg::Spec, "wh-item-spec", |f| f.spec.clone(), |f, v| f.spec = v)}
                    {field(WMsg::Unit, "wh-item-unit", |f| f.unit.clone(), |f, v| f.unit = v)}
                </div>
                {move || msg.get().map(|m| view! { <p class="error" role="alert" data-testid="wh-item-error">{m}</p> })}
                <div class="actions"><button type="button" data-testid="wh-item-save" on:click=save>{t(WMsg::SaveItem)}</button></div>
            </section>
        </Show>
    }
}
