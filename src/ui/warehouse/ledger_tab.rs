use leptos::prelude::*;

use crate::domain::warehouse::report::{ledger, LedgerFilter};
use crate::domain::warehouse::SlipKind;
use crate::ui::i18n::t;
use crate::ui::i18n::warehouse::{kind_label, WMsg};
use crate::ui::warehouse::warehouse_ctx::use_warehouse;

/// **W1** The ledger (出入库明细账): every slip line by day, with the item's balance
/// after it, filtered by item, date range and kind. One item chosen, it is that
/// item's stock card (出入库卡).
#[component]
pub fn LedgerTab() -> impl IntoView {
    let ctx = use_warehouse();
    let item = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let lines = move || {
        let filter = LedgerFilter {
            item: Some(item.get()).filter(|i| !i.is_empty()),
            from: from.get().parse().ok(),
            to: to.get().parse().ok(),
            kind: match kind.get().as_str() {
                "receipt" => Some(SlipKind::Receipt),
                "issue" => Some(SlipKind::Issue),
                _ => None,
            },
        };
        ctx.data.with(|d| ledger(&d.slips, &filter))
    };
    let date = move |label: WMsg, id: &'static str, sig: RwSignal<String>| {
        view! {
            <label class="field"><span>{t(label)}</span>
                <input type="date" data-testid=id prop:value=move || sig.get() on:input=move |ev| sig.set(event_target_value(&ev)) /></label>
        }
    };
    view! {
        <section class="card" data-testid="wh-ledger">
            <h2>{move || if item.get().is_empty() { t(WMsg::TabLedger)() } else { t(WMsg::Card)() }}</h2>
            <div class="grid-4">
                <label class="field"><span>{t(WMsg::Item)}</span>
                    <select data-testid="wh-ledger-item" on:change=move |ev| item.set(event_target_value(&ev))>
                        <option value="">{t(WMsg::All)}</option>
                        {move || ctx.data.get().items.iter().map(|i| {
                            let id = i.id.clone();
                            view! { <option value=i.id.clone() selected=move || item.get() == id>{i.label()}</option> }
                        }).collect_view()}
                    </select>
                </label>
                {date(WMsg::From, "wh-ledger-from", from)}
                {date(WMsg::To, "wh-ledger-to", to)}
                <label class="field"><span>{t(WMsg::Kind)}</span>
                    <select data-testid="wh-ledger-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                        <option value="">{t(WMsg::All)}</option>
                        <option value="receipt">{t(WMsg::Receipt)}</option>
                        <option value="issue">{t(WMsg::Issue)}</option>
                    </select>
                </label>
            </div>
            <p class="muted">{t(WMsg::CardHint)}</p>
            <Show when=move || !lines().is_empty() fallback=move || view! { <p class="muted">{t(WMsg::NoLines)}</p> }>
            <div class="table-scroll">
            <table class="table">
                <thead><tr><th>{t(WMsg::Day)}</th><th>{t(WMsg::Number)}</th><th>{t(WMsg::Kind)}</th><th>{t(WMsg::Item)}</th>
                    <th class="num">{t(WMsg::In)}</th><th class="num">{t(WMsg::Out)}</th><th class="num">{t(WMsg::Balance)}</th><th>{t(WMsg::Counterparty)}</th></tr></thead>
                <tbody>{move || lines().into_iter().map(|l| view! {
                    <tr data-testid="wh-ledger-row">
                        <td class="wh-nowrap">{l.day.to_string()}</td>
                        <td class="wh-nowrap"><a href=format!("#/warehouse/slip/{}", l.slip)>{l.number}</a></td>
                        <td>{t(kind_label(l.kind))}</td><td>{l.name}</td>
                        <td class="num">{(l.qty_in > 0).then_some(l.qty_in)}</td>
                        <td class="num">{(l.qty_out > 0).then_some(l.qty_out)}</td>
                        <td class="num" class:error=l.balance < 0 data-testid="wh-balance">{l.balance}</td>
                        <td>{l.counterparty}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
            </div>
            </Show>
        </section>
    }
}
