use leptos::prelude::*;

use crate::app::warehouse::{can_write_slips, reverse_slip};
use crate::domain::warehouse::{Party, Slip};
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::warehouse::{kind_label, WMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::warehouse::warehouse_ctx::use_warehouse;

/// **W1** Every slip, latest first, each with its number (opening its print view) and,
/// for the warehouse desk, a Reverse button: a mistake is corrected by a reversing
/// slip, never by editing.
#[component]
pub fn SlipsList() -> impl IntoView {
    let ctx = use_warehouse();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let may_write = move || cmds.can(can_write_slips);
    let msg = RwSignal::new(None::<String>);
    let reverse = move |id: String| {
        let day = ctx.today();
        cmds.run(
            move |db, a| async move { reverse_slip(db.store(), &a, &id, day).await },
            move |r| msg.set(r.err().map(|e| command_error(i18n.lang(), &e))),
        );
    };
    let slips = move || {
        ctx.data.with(|d| {
            let mut v: Vec<(Slip, bool)> = d
                .slips
                .iter()
                .map(|s| (s.clone(), d.slips.iter().any(|r| r.reverses.as_deref() == Some(s.id.as_str()))))
                .collect();
            v.sort_by(|a, b| b.0.day.cmp(&a.0.day).then_with(|| b.0.stamp.cmp(&a.0.stamp)));
            v
        })
    };
    view! {
        <section class="card" data-testid="wh-slips">
            <h2>{t(WMsg::TabSlips)}</h2>
            {move || msg.get().map(|m| view! { <p class="error" role="alert" data-testid="wh-reverse-error">{m}</p> })}
            <Show when=move || ctx.data.with(|d| !d.slips.is_empty()) fallback=move || view! { <p class="muted">{t(WMsg::NoSlips)}</p> }>
            <div class="table-scroll">
            <table class="table">
                <thead><tr><th>{t(WMsg::Number)}</th><th>{t(WMsg::Day)}</th><th>{t(WMsg::Kind)}</th><th>{t(WMsg::Counterparty)}</th><th>{t(WMsg::Item)}</th><th></th></tr></thead>
                <tbody>
                    {move || slips().into_iter().map(|(s, reversed)| {
                        let id = s.id.clone();
                        let number = ctx.number(&s.id);
                        let shown = number.clone();
                        let what: Vec<String> = s.lines.iter().map(|l| format!("{} × {}", l.name, l.qty)).collect();
                        let undoable = !reversed && s.reverses.is_none() && may_write();
                        view! {
                            <tr data-testid="wh-slip-row" data-number=shown>
                                <td class="wh-nowrap"><a href=format!("#/warehouse/slip/{}", s.id) data-testid="wh-slip-number">{number}</a></td>
                                <td class="wh-nowrap">{s.day.to_string()}</td>
                                <td>{t(kind_label(s.kind))}
                                    {s.reverses.as_ref().map(|r| view! { <div class="muted">{t(WMsg::ReversesNo)}{ctx.number(r)}</div> })}
                                    {s.adjustment.then(|| view! { <div class="muted">{t(WMsg::Adjustment)}</div> })}
                                    {reversed.then(|| view! { <div class="muted">{t(WMsg::Reversed)}</div> })}</td>
                                <td>{if s.party == Party::Stocktake { t(WMsg::PartyStocktake)().to_owned() } else { s.counterparty.clone() }}</td>
                                <td>{what.join("，")}</td>
                                <td class="wh-nowrap">{undoable.then(|| view! {
                                    <button type="button" data-testid="wh-reverse" on:click=move |_| reverse(id.clone())>{t(WMsg::Reverse)}</button>
                                })}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            </Show>
        </section>
    }
}
