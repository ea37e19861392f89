use leptos::prelude::*;

use crate::domain::collection::chase_list;
use crate::domain::pool::FactKind;
use crate::domain::receivable::{ageing_by_customer, payment_habits, AgeBucket, Ageing};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::orders::{bucket_label, chase_text, habits_text, reminder_text, yuan, OMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::orders::collection_habits::CollectionHabitsForm;
use crate::ui::orders::orders_ctx::use_orders;

pub const BUCKETS: [AgeBucket; 5] =
    [AgeBucket::NotDue, AgeBucket::Days0To30, AgeBucket::Days31To60, AgeBucket::Days61To90, AgeBucket::Over90];

/// O4: outstanding money by age, one cell per bucket.
#[component]
pub fn AgeingRow(ageing: Ageing) -> impl IntoView {
    let i18n = use_i18n();
    BUCKETS
        .into_iter()
        .map(|b| {
            let fen = ageing.bucket_fen(b);
            let overdue = b != AgeBucket::NotDue && fen > 0;
            view! {
                <div class="age-cell" class:overdue=overdue data-testid="age-cell" data-bucket=format!("{b:?}") data-fen=fen>
                    <span class="muted">{move || bucket_label(i18n.lang(), b)}</span>
                    <strong>{yuan(fen)}</strong>
                </div>
            }
        })
        .collect_view()
}

/// O2/O4 on the customer file: each instalment with what is paid and still owed, the
/// ageing buckets, reminders from N days before a due date, how the customer pays and
/// the credit standing that follows.
#[component]
pub fn ReceivablesCard(id: String) -> impl IntoView {
    let orders = use_orders();
    let customers = use_customers();
    let i18n = use_i18n();
    let ledger = Memo::new(move |_| orders.data.with(|d| d.ledger()));
    let cid = id.clone();
    let mine = Memo::new(move |_| {
        ledger.with(|l| l.instalments.iter().filter(|s| s.customer_id == cid).cloned().collect::<Vec<_>>())
    });
    let cid = id.clone();
    let ageing =
        Memo::new(move |_| ledger.with(|l| ageing_by_customer(l, orders.today()).remove(&cid).unwrap_or_default()));
    let cid = id.clone();
    // O2: from the team's lead time, or from the customer's payday when that is earlier.
    let due_soon = Memo::new(move |_| {
        let settings = orders.collection.get();
        let habits = customers.data.with(|d| d.get(&cid).map(|v| v.rec.file.habits()).unwrap_or_default());
        ledger.with(|l| {
            chase_list(l, orders.today(), &settings, |_| habits.clone())
                .into_iter()
                .filter(|(r, _)| r.customer_id == cid)
                .collect::<Vec<_>>()
        })
    });
    let cid = id.clone();
    let credit = Memo::new(move |_| ledger.with(|l| l.credit_fen.get(&cid).copied().unwrap_or(0)));
    let cid = id.clone();
    let habits = Memo::new(move |_| {
        customers.data.with(|d| {
            let pays: Vec<_> = d
                .get(&cid)
                .map(|c| {
                    c.rec
                        .facts
                        .iter()
                        .filter_map(|f| match &f.kind {
                            FactKind::Payment { amount_fen, paid_on, days_late, .. } => {
                                Some((*paid_on, *amount_fen, *days_late))
                            }
                            _ => None,
                        })
                        .collect()
                })
                .unwrap_or_default();
            payment_habits(&pays)
        })
    });
    let cid = id.clone();
    let flagged = Memo::new(move |_| {
        customers.data.with(|d| d.get(&cid).map(|c| c.tier.credit_flag || c.tier.poor_payment).unwrap_or(false))
    });
    // Poor: a late payer or the manager's flag (C3); watch: money past due now.
    let standing = move || {
        if flagged.get() {
            ("poor", OMsg::CreditPoor)
        } else if ageing.get().past_due_fen() > 0 {
            ("watch", OMsg::CreditWatch)
        } else {
            ("good", OMsg::CreditGood)
        }
    };
    let today = move || orders.today();
    view! {
        <section class="card receivables" data-testid="receivables">
            <h2>{t(OMsg::Receivables)}</h2>
            <p data-testid="credit-standing" data-standing=move || standing().0>
                {t(OMsg::CreditStanding)}": "<strong>{move || standing().1.text(i18n.lang())}</strong>
            </p>
            <Show when=move || !mine.with(Vec::is_empty) fallback=|| view! { <p class="muted" data-testid="receivables-empty">{t(OMsg::NoReceivables)}</p> }>
                <div class="ageing" data-testid="ageing" data-total=move || ageing.get().total_fen()>
                    {move || view! { <AgeingRow ageing=ageing.get() /> }}
                </div>
                <table class="instalments">
                    <thead><tr><th>"#"</th><th>{t(OMsg::Due)}</th><th>{t(OMsg::Amount)}</th><th>{t(OMsg::Paid)}</th><th>{t(OMsg::Outstanding)}</th><th>{t(OMsg::Ageing)}</th></tr></thead>
                    <tbody>
                        {move || mine.get().into_iter().map(|s| {
                            let out = s.outstanding_fen();
                            let b = AgeBucket::of(s.days_past_due(today()));
                            view! {
                                <tr data-testid="instalment-row" data-outstanding=out class:overdue={ let od = out > 0 && b != AgeBucket::NotDue; od }>
                                    <td>{s.number}</td><td>{s.due.to_string()}</td><td>{yuan(s.amount_fen)}</td><td>{yuan(s.paid_fen)}</td>
                                    <td>{yuan(out)}</td><td>{move || if out == 0 { "✓".to_owned() } else { bucket_label(i18n.lang(), b).to_owned() }}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
            {move || (credit.get() > 0).then(|| view! { <p data-testid="credit-on-account">{t(OMsg::Credit)}": "{yuan(credit.get())}</p> })}
            <h3>{t(OMsg::Reminders)}</h3>
            <Show when=move || !due_soon.with(Vec::is_empty) fallback=|| view! { <p class="muted">{t(OMsg::NoReminders)}</p> }>
                <ul class="plain-list">
                    {move || due_soon.get().into_iter().map(|(r, h)| view! {
                        <li class="reminder" data-testid="reminder-row" class:overdue=r.days_until_due < 0>
                            {move || reminder_text(i18n.lang(), r.due, r.days_until_due, r.outstanding_fen)}
                            <br/><small class="muted" data-testid="chase-hint" data-chase-on=h.chase_on.to_string()>{let h = h.clone(); move || chase_text(i18n.lang(), &h)}</small>
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
            <h3>{t(OMsg::Habits)}</h3>
            <p data-testid="habits">{move || { let h = habits.get(); if h.payments == 0 { OMsg::NoHabits.text(i18n.lang()).to_owned() } else { habits_text(i18n.lang(), h.payments, h.typical_payday, h.average_days_late) } }}</p>
            <CollectionHabitsForm id=id.clone() />
        </section>
    }
}
