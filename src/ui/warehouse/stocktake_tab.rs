use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::app::warehouse::{can_write_slips, record_count, settle_stocktake};
use crate::domain::warehouse::on_hand;
use crate::domain::warehouse::report::stocktake;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::warehouse::WMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::warehouse::warehouse_ctx::use_warehouse;

/// **W1** The stocktake (盘点): a counted quantity per item, the ledger against the
/// latest counts, and the differences settled by adjustment slips so ledger, goods and
/// card agree (账、物、卡三者一致).
#[component]
pub fn StocktakeTab() -> impl IntoView {
    let ctx = use_warehouse();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let may = move || cmds.can(can_write_slips);
    let msg = RwSignal::new(None::<String>);
    // What is typed per item, kept outside the rows: a sync or another row's save
    // redraws the rows without losing it.
    let typed = RwSignal::new(BTreeMap::<String, String>::new());
    let recon = Memo::new(move |_| ctx.data.with(|d| stocktake(&d.slips, &d.counts)));
    let save = move |item: String| {
        let text = typed.with_untracked(|m| m.get(&item).cloned().unwrap_or_default());
        let Some(c) = text.trim().parse::<i64>().ok().filter(|c| *c >= 0) else {
            return msg.set(Some(WMsg::ErrCount.text(i18n.lang()).to_owned()));
        };
        let day = ctx.today();
        cmds.run(
            move |db, a| async move { record_count(db.store(), &a, &item, day, c).await },
            move |r| msg.set(r.err().map(|e| command_error(i18n.lang(), &e))),
        );
    };
    let settle = move |_| {
        let day = ctx.today();
        cmds.run(
            move |db, a| async move { settle_stocktake(db.store(), &a, day).await },
            move |r| msg.set(r.err().filter(|e| !e.is_unchanged()).map(|e| command_error(i18n.lang(), &e))),
        );
    };
    view! {
        <Show when=may fallback=move || view! { <p class="notice">{t(WMsg::OnlyDesk)}</p> }>
        <section class="card" data-testid="wh-stocktake">
            <h2>{t(WMsg::TabStocktake)}</h2>
            <p class="muted">{t(WMsg::StocktakeHint)}</p>
            <table class="table">
                <thead><tr><th>{t(WMsg::Item)}</th><th class="num">{t(WMsg::LedgerQty)}</th><th>{t(WMsg::Counted)}</th><th></th></tr></thead>
                <tbody>{move || ctx.data.with(|d| {
                    let levels = on_hand(&d.slips);
                    d.items.iter().map(|i| {
                        let (id, key, put) = (i.id.clone(), i.id.clone(), i.id.clone());
                        view! {
                            <tr data-testid="wh-count-row" data-item=i.label()>
                                <td>{i.label()}</td><td class="num">{levels.get(&i.id).copied().unwrap_or(0)}</td>
                                <td><input type="number" min="0" step="1" inputmode="numeric" data-testid="wh-count" aria-label=format!("{} {}", t(WMsg::Counted)(), i.label())
                                    prop:value=move || typed.with(|m| m.get(&key).cloned().unwrap_or_default())
                                    on:input=move |ev| { let v = event_target_value(&ev); typed.update(|m| { m.insert(put.clone(), v); }) } /></td>
                                <td><button type="button" data-testid="wh-count-save" on:click=move |_| save(id.clone())>{t(WMsg::SaveCount)}</button></td>
                            </tr>
                        }
                    }).collect_view()
                })}</tbody>
            </table>
            {move || msg.get().map(|m| view! { <p class="error" role="alert" data-testid="wh-count-error">{m}</p> })}
            {move || recon.get().map(|rc| {
                let agrees = rc.agrees();
                view! {
                    <div data-testid="wh-recon" data-agrees=agrees.to_string()>
                        <p class=if agrees { "ok" } else { "notice warn" }>{move || if agrees { t(WMsg::Agrees)() } else { t(WMsg::Differs)() }}</p>
                        <ul class="plain-list">{rc.lines.iter().map(|l| view! {
                            <li data-testid="wh-recon-line">{ctx.label(&l.item)}": "{l.ledger}" → "
                                {l.counted.map(|c| c.to_string()).unwrap_or_else(|| t(WMsg::NotCounted)().to_owned())}
                                {(l.discrepancy != 0).then(|| view! { <strong class="error">" ("{format!("{:+}", l.discrepancy)}")"</strong> })}</li>
                        }).collect_view()}</ul>
                        {(!agrees).then(|| view! { <div class="actions"><button type="button" class="primary" data-testid="wh-settle" on:click=settle>{t(WMsg::Settle)}</button></div> })}
                    </div>
                }
            })}
        </section>
        </Show>
    }
}
