use leptos::prelude::*;

use crate::domain::warehouse::{Signer, SlipKind};
use crate::ui::i18n::t;
use crate::ui::i18n::warehouse::{kind_label, party_label, WMsg};
use crate::ui::warehouse::sign_line::SignLine;
use crate::ui::warehouse::warehouse_ctx::use_warehouse;

/// **W1** A slip in three copies as the seed's forms are printed: the keeper's stub,
/// the finance copy and the customer's copy (an issue) or the deliverer's (a receipt),
/// each with the number, the lines and the signature lines — keeper, supervisor and
/// customer on an issue; keeper and deliverer on a receipt. One button prints.
#[component]
pub fn SlipPrint(id: String) -> impl IntoView {
    let ctx = use_warehouse();
    let people = crate::ui::customers::customers_ctx::use_customers();
    let slip = Memo::new(move |_| ctx.data.with(|d| d.slip(&id).cloned()));
    // Drawn again only when the slip itself changes: numbers, units and names are read
    // in their own closures, so a reload after a sync or another tablet's edit keeps the
    // signature lines (and the name being typed in one) as they are.
    move || {
        let Some(s) = slip.get() else {
            return view! { <p class="notice" data-testid="wh-slip-missing">{t(WMsg::SlipMissing)}</p> }.into_any();
        };
        untrack(move || print_view(ctx, people, s))
    }
}

fn print_view(
    ctx: crate::ui::warehouse::warehouse_ctx::WarehouseCtx,
    people: crate::ui::customers::customers_ctx::CustomersCtx,
    s: crate::domain::warehouse::Slip,
) -> AnyView {
    {
        let sid = s.id.clone();
        let number = move || ctx.number(&sid);
        let third = if s.kind == SlipKind::Issue { WMsg::CopyCustomer } else { WMsg::CopyDeliverer };
        let party = party_label(s.party);
        let copy = move |label: WMsg| {
            let s = s.clone();
            let number = number.clone();
            view! {
                <article class="wh-copy" data-testid="wh-copy">
                    <header class="wh-copy-head">
                        <strong>{t(kind_label(s.kind))}</strong>
                        <span class="wh-copy-label">{t(label)}</span>
                        <span>{t(WMsg::Number)}": "<b data-testid="wh-copy-number">{number}</b></span>
                    </header>
                    <p>{t(WMsg::Day)}": "{s.day.to_string()}"　"{t(party)}": "{s.counterparty.clone()}</p>
                    {s.reverses.clone().map(|r| view! { <p>{t(WMsg::ReversesNo)}{move || ctx.number(&r)}</p> })}
                    <table class="table">
                        <thead><tr><th>{t(WMsg::Item)}</th><th class="num">{t(WMsg::Qty)}</th><th>{t(WMsg::Unit)}</th></tr></thead>
                        <tbody>{s.lines.iter().map(|l| {
                            let item = l.item.clone();
                            let unit = move || ctx.data.with(|d| d.item(&item).map(|i| i.unit.clone()).unwrap_or_default());
                            view! { <tr><td>{l.name.clone()}</td><td class="num">{l.qty}</td><td>{unit}</td></tr> }
                        }).collect_view()}</tbody>
                    </table>
                    {(!s.note.is_empty()).then(|| view! { <p>{t(WMsg::Note)}": "{s.note.clone()}</p> })}
                    <p class="muted">{t(WMsg::By)}": "{let by = s.by.clone(); move || people.data.with(|d| d.name_of(&by))}</p>
                    <div class="wh-signs">{Signer::lines(s.kind).iter().map(|who| {
                        // Signed on the first copy; the others show the same names.
                        view! { <SignLine slip=s.id.clone() signer=*who editable=label == WMsg::CopyStub /> }
                    }).collect_view()}</div>
                </article>
            }
        };
        view! {
            <section class="wh-print" data-print="1" data-testid="wh-print">
                <div class="actions no-print">
                    <a class="button" href="#/warehouse/slips">{t(WMsg::Back)}</a>
                    <button type="button" class="primary" data-testid="wh-print-button"
                        on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{t(WMsg::Print)}</button>
                </div>
                {copy(WMsg::CopyStub)}
                {copy(WMsg::CopyFinance)}
                {copy(third)}
            </section>
        }.into_any()
    }
}
