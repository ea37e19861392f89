use leptos::prelude::*;

use crate::domain::money::{format_yuan, parse_yuan};
use crate::domain::pool::FactKind;
use crate::domain::profile::Role;
use crate::ui::components::ownership_card::FactRecorder;
use crate::ui::customers_ctx::use_customers;
use crate::ui::i18n::customers::{date_text, payment_text, CMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::session::use_session;

/// The value tier (C3) with its turnover and credit flag, the confirmed payments it is
/// computed from, and — for finance — recording a payment as received (O3). Until the
/// orders release lands, this is where confirmed payments enter; they drive P2, P3, C3.
#[component]
pub fn PaymentsCard(id: String) -> impl IntoView {
    let ctx = use_customers();
    let session = use_session();
    let i18n = use_i18n();
    let rec = FactRecorder::new();
    let vid = id.clone();
    let view_of = Memo::new(move |_| ctx.data.with(|d| d.get(&vid).map(|c| (c.tier.clone(), c.rec.facts.clone()))));
    let is_finance = move || session.current_profile().map(|p| p.role == Role::Finance).unwrap_or(false);
    let rep = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let paid_on = RwSignal::new(String::new());
    let late = RwSignal::new(String::from("0"));
    let error = RwSignal::new(None::<&'static str>);
    let saved = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let r = rep.get_untracked();
        let Ok(amount_fen) = parse_yuan(&amount.get_untracked()) else { return error.set(Some(CMsg::ErrAmount.text(i18n.lang()))) };
        let Ok(day) = paid_on.get_untracked().parse::<chrono::NaiveDate>() else { return error.set(Some(CMsg::ErrDate.text(i18n.lang()))) };
        let Ok(days_late) = late.get_untracked().trim().parse::<u32>() else { return error.set(Some(CMsg::ErrDaysLate.text(i18n.lang()))) };
        if r.is_empty() {
            return error.set(Some(CMsg::ChooseRep.text(i18n.lang())));
        }
        if amount_fen == 0 {
            return error.set(Some(CMsg::ErrAmount.text(i18n.lang())));
        }
        error.set(None);
        rec.record(id.clone(), vec![FactKind::Payment { rep: r, amount_fen, paid_on: day, days_late }], move |res| {
            if res.is_ok() {
                amount.set(String::new());
                saved.set(true);
            }
        });
    };
    let reps = move || ctx.data.with(|d| d.people.iter().filter(|p| p.role == Role::Rep).map(|p| (p.id.clone(), p.name.clone())).collect::<Vec<_>>());
    view! {
        <section class="card payments" data-testid="payments">
            <h2>{t(CMsg::Payments)}</h2>
            {move || view_of.get().map(|(tier, facts)| {
                let mut pays: Vec<_> = facts.iter().filter_map(|f| match &f.kind {
                    FactKind::Payment { rep, amount_fen, paid_on, days_late } => Some((*paid_on, *amount_fen, *days_late, rep.clone(), f.stamp.wall_ms)),
                    _ => None,
                }).collect();
                pays.sort_by(|a, b| b.0.cmp(&a.0));
                view! {
                    <p data-testid="turnover">{t(CMsg::Turnover)}": ¥"{format_yuan(tier.turnover_fen)}</p>
                    {tier.credit_flag.then(|| view! { <p class="error" data-testid="credit-warning">{t(CMsg::CreditFlagHint)}</p> })}
                    <ul class="plain-list">
                        {pays.into_iter().map(|(d, fen, late, r, at)| {
                            let who = ctx.data.with_untracked(|x| x.name_of(&r));
                            view! { <li data-testid="payment-row">{move || payment_text(i18n.lang(), d, fen, late, &who)}<span class="muted">" · "{move || date_text(i18n.lang(), at)}</span></li> }
                        }).collect_view()}
                    </ul>
                }
            })}
            <Show when=is_finance>
                <form class="form" data-testid="payment-form" on:submit=submit.clone() novalidate>
                    <h3>{t(CMsg::ConfirmPayment)}</h3>
                    <div class="grid-2">
                        <label class="field"><span>{t(CMsg::ClosingRep)}</span>
                            <select data-testid="pay-rep" on:change=move |ev| rep.set(event_target_value(&ev))>
                                <option value="">"—"</option>
                                {move || reps().into_iter().map(|(pid, n)| view! { <option value=pid>{n}</option> }).collect_view()}
                            </select>
                        </label>
                        <label class="field"><span>{t(CMsg::AmountYuan)}</span>
                            <input type="text" inputmode="decimal" data-testid="pay-amount" prop:value=move || amount.get() on:input=move |ev| amount.set(event_target_value(&ev)) />
                        </label>
                        <label class="field"><span>{t(CMsg::PaidOn)}</span>
                            <input type="date" data-testid="pay-date" prop:value=move || paid_on.get() on:input=move |ev| paid_on.set(event_target_value(&ev)) />
                        </label>
                        <label class="field"><span>{t(CMsg::DaysLate)}</span>
                            <input type="number" min="0" data-testid="pay-late" prop:value=move || late.get() on:input=move |ev| late.set(event_target_value(&ev)) />
                        </label>
                    </div>
                    {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="pay-error">{e}</p> })}
                    <div class="actions">
                        <Show when=move || saved.get()><span class="ok" role="status" data-testid="pay-saved">{t(CMsg::Saved)}</span></Show>
                        <button type="submit" class="primary" data-testid="pay-save">{t(CMsg::ConfirmPayment)}</button>
                    </div>
                </form>
            </Show>
        </section>
    }
}
