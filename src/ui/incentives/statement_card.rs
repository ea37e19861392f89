use leptos::prelude::*;

use crate::domain::incentive::{Payee, Statement};
use crate::domain::money::format_yuan;
use crate::ui::i18n::incentives::{arithmetic_text, inputs_text, item_text, line_band, payee_kind, payee_name, IMsg};
use crate::ui::i18n::{t, use_i18n};

/// One person's or station's statement: every line with its basis, band and
/// arithmetic, the total, and a signature line; printable on its own.
#[component]
pub fn StatementCard(
    statement: Statement,
    month: String,
    #[prop(optional)] label: String,
    /// I8: the station's next bands (stations only).
    #[prop(optional)]
    tips: Vec<crate::domain::incentive::Tip>,
) -> impl IntoView {
    let i18n = use_i18n();
    let article = NodeRef::<leptos::html::Article>::new();
    let print = move |_| {
        // Marked straight on the element: print() blocks, so a reactive attribute would
        // not be drawn before the dialog opens. CSS prints only the marked statement.
        let Some(el) = article.get() else { return };
        let _ = el.set_attribute("data-print", "1");
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
        let _ = el.remove_attribute("data-print");
    };
    let kind = match &statement.payee {
        Payee::Station(_) => "station",
        Payee::Maintainer(_) => "maintainer",
        Payee::BranchHead(_) => "head",
        Payee::Rep(_) => "rep",
    };
    let payee = statement.payee.clone();
    let name = statement.payee.name().to_owned();
    let total = statement.total_fen();
    let lines = statement.lines.clone();
    let empty = lines.is_empty();
    view! {
        <article class="card statement" node_ref=article data-testid="statement" data-kind=kind data-payee=name.clone() data-total=total.to_string()>
            <header class="statement-head">
                <div>
                    <p class="muted statement-title">{t(IMsg::Statement)}" · "{month}</p>
                    <h3>
                        <span class="muted">{move || payee_kind(&payee).text(i18n.lang())}" "</span>
                        {match &statement.payee {
                            // A rep's id is a profile id: the label carries the name.
                            Payee::Rep(_) if !label.is_empty() => view! { <span>{label.clone()}</span> }.into_any(),
                            p => {
                                let p = p.clone();
                                view! {
                                    {move || payee_name(i18n.lang(), &p)}
                                    {(!label.is_empty()).then(|| view! { <span class="muted">" "{label.clone()}</span> })}
                                }.into_any()
                            }
                        }}
                    </h3>
                </div>
                <button type="button" class="no-print" data-testid="statement-print" on:click=print>{t(IMsg::Print)}</button>
            </header>
            {empty.then(|| view! { <p class="muted">{t(IMsg::NoLines)}</p> })}
            {(!tips.is_empty()).then(|| view! {
                <div class="how-to-win no-print" data-testid="how-to-win">
                    <strong>{t(IMsg::HowToWin)}</strong>
                    <ul class="plain-list">
                        {tips.into_iter().map(|tip| {
                            let (gain, more) = (tip.gain_fen, tip.more);
                            view! { <li data-testid="tip" data-more=more data-gain=gain>{move || crate::ui::i18n::incentives::tip_text(i18n.lang(), &tip)}</li> }
                        }).collect_view()}
                    </ul>
                </div>
            })}
            <table class="statement-lines">
                <thead><tr><th>{t(IMsg::Item)}</th><th>{t(IMsg::Arithmetic)}</th><th class="num">{t(IMsg::Amount)}</th></tr></thead>
                <tbody>
                    {lines.into_iter().map(|l| {
                        let amount = l.amount_fen;
                        let (a, b, c, d) = (l.clone(), l.clone(), l.clone(), l);
                        view! {
                            <tr data-testid="statement-line" data-amount=amount.to_string() class:negative=amount < 0>
                                <td>
                                    <span class="line-item" data-testid="line-item">{move || item_text(i18n.lang(), &a.item)}</span>
                                    <span class="line-inputs muted" data-testid="line-inputs">{move || inputs_text(i18n.lang(), &b)}</span>
                                </td>
                                <td>
                                    {move || { let band = line_band(i18n.lang(), &c); (!band.is_empty()).then(|| view! {
                                        <span class="line-band" data-testid="line-band">{t(IMsg::Band)}" "{band}</span>
                                    }) }}
                                    <span class="line-arith" data-testid="line-arithmetic">{move || arithmetic_text(i18n.lang(), &d)}</span>
                                </td>
                                <td class="num" data-testid="line-amount">{format_yuan(amount)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
                <tfoot><tr>
                    <th colspan="2">{t(IMsg::Total)}</th>
                    <td class="num" data-testid="statement-total">{format_yuan(total)}</td>
                </tr></tfoot>
            </table>
            <p class="signature" data-testid="statement-signature">{t(IMsg::Signature)}</p>
        </article>
    }
}
