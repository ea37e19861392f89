use leptos::prelude::*;

use crate::app::events::{
    can_keep_stock, record_stock_count, record_stock_move, settle_stock_count, stock_reconciliation,
};
use crate::domain::stock::levels;
use crate::ui::events::events_ctx::use_events;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::events::EMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;

/// **W1** Prizes as stock: every movement is a signed in/out entry (prizes handed out at
/// the redemption desk are outs); a physical count is reconciled against the ledger and
/// a discrepancy is settled by an adjustment entry, never by editing.
#[component]
pub fn StockCard(id: String) -> impl IntoView {
    let ctx = use_events();
    let i18n = use_i18n();
    let eid = id.clone();
    let rec = Memo::new(move |_| ctx.get(&eid));
    let item = RwSignal::new(String::new());
    let qty = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let count_item = RwSignal::new(String::new());
    let counted = RwSignal::new(String::new());
    let cmds = Commands::new();
    let may_keep = move || cmds.can(can_keep_stock);
    let refused = RwSignal::new(None::<String>);
    let ev_id = StoredValue::new(id.clone());
    let add = move |_| {
        let (it, q) = (item.get_untracked(), qty.get_untracked().trim().parse::<i64>());
        let Ok(q) = q.map_err(|_| ()).and_then(|q| if q != 0 && !it.trim().is_empty() { Ok(q) } else { Err(()) })
        else {
            return error.set(Some(EMsg::ErrStock.text(i18n.lang())));
        };
        let ev = ev_id.get_value();
        cmds.run(
            move |db, a| async move { record_stock_move(db.store(), &a, &ev, &it, q).await },
            move |r| match r {
                Ok(_) => {
                    item.set(String::new());
                    qty.set(String::new());
                    error.set(None);
                    refused.set(None);
                }
                Err(e) => refused.set(Some(command_error(i18n.lang(), &e))),
            },
        );
    };
    let count = move |_| {
        let (it, c) = (count_item.get_untracked(), counted.get_untracked().trim().parse::<i64>());
        let Ok(c) = c.map_err(|_| ()).and_then(|c| if c >= 0 && !it.trim().is_empty() { Ok(c) } else { Err(()) })
        else {
            return error.set(Some(EMsg::ErrCount.text(i18n.lang())));
        };
        let ev = ev_id.get_value();
        cmds.run(
            move |db, a| async move { record_stock_count(db.store(), &a, &ev, &it, c).await },
            move |r| match r {
                Ok(_) => {
                    counted.set(String::new());
                    error.set(None);
                    refused.set(None);
                }
                Err(e) => refused.set(Some(command_error(i18n.lang(), &e))),
            },
        );
    };
    let recon = Memo::new(move |_| rec.get().and_then(|r| stock_reconciliation(&r)));
    let adjust = move |_| {
        let ev = ev_id.get_value();
        cmds.run(
            move |db, a| async move { settle_stock_count(db.store(), &a, &ev).await },
            move |r| match r {
                Err(e) if !e.is_unchanged() => refused.set(Some(command_error(i18n.lang(), &e))),
                _ => refused.set(None),
            },
        );
    };
    view! {
        <section class="card form" data-testid="stock">
            <h2>{t(EMsg::StockTitle)}</h2>
            <table class="table" data-testid="stock-levels">
                <thead><tr><th>{t(EMsg::Item)}</th><th class="num">{t(EMsg::Level)}</th></tr></thead>
                <tbody>
                    {move || rec.get().map(|r| levels(&r.stock, i64::MAX).into_iter().map(|(it, n)| view! {
                        <tr data-testid="stock-row"><td>{it}</td><td class="num" data-testid="stock-level">{n}</td></tr>
                    }).collect_view())}
                </tbody>
            </table>
            <Show when=may_keep>
            <div class="grid-2">
                <label class="field"><span>{t(EMsg::Item)}</span><input data-testid="stock-item" list="stock-items" prop:value=move || item.get() on:input=move |ev| item.set(event_target_value(&ev)) /></label>
                <label class="field"><span>{t(EMsg::QtyInOut)}</span><input type="number" data-testid="stock-qty" prop:value=move || qty.get() on:input=move |ev| qty.set(event_target_value(&ev)) /></label>
            </div>
            <div class="actions"><button type="button" data-testid="stock-add" on:click=add>{t(EMsg::StockAdd)}</button></div>
            <h3>{t(EMsg::CountTitle)}</h3>
            <div class="grid-2">
                <label class="field"><span>{t(EMsg::Item)}</span><input data-testid="count-item" prop:value=move || count_item.get() on:input=move |ev| count_item.set(event_target_value(&ev)) /></label>
                <label class="field"><span>{t(EMsg::Counted)}</span><input type="number" min="0" data-testid="count-qty" prop:value=move || counted.get() on:input=move |ev| counted.set(event_target_value(&ev)) /></label>
            </div>
            <div class="actions"><button type="button" data-testid="count-save" on:click=count>{t(EMsg::CountSave)}</button></div>
            </Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="stock-error">{e}</p> })}
            {move || refused.get().map(|e| view! { <p class="error" role="alert" data-testid="stock-refused">{e}</p> })}
            {move || recon.get().map(|rc| {
                let agrees = rc.agrees();
                view! {
                    <div data-testid="reconciliation" data-agrees=agrees.to_string()>
                        <p class=if agrees { "ok" } else { "notice warn" }>{move || if agrees { t(EMsg::CountAgrees)() } else { t(EMsg::CountDiffers)() }}</p>
                        <ul class="plain-list">
                            {rc.lines.iter().map(|l| view! {
                                <li data-testid="recon-line">{l.item.clone()}": "{l.ledger}" → "{l.counted.map(|c| c.to_string()).unwrap_or_else(|| "—".into())}
                                    {(l.discrepancy != 0).then(|| view! { <strong class="error">" ("{format!("{:+}", l.discrepancy)}")"</strong> })}</li>
                            }).collect_view()}
                        </ul>
                        {(!agrees && may_keep()).then(|| view! { <div class="actions"><button type="button" data-testid="recon-adjust" on:click=adjust>{t(EMsg::Adjust)}</button></div> })}
                    </div>
                }
            })}
        </section>
    }
}
