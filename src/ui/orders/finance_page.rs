use leptos::prelude::*;

use crate::app::orders::{can_confirm_payment, confirm_payment};
use crate::domain::collection::chase_list;
use crate::domain::receivable::ageing_by_rep;
use crate::ui::customers::customer_tabs::section_href;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::customers::date_text;
use crate::ui::i18n::orders::{chase_text, reminder_text, yuan, OMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::orders::orders_ctx::use_orders;
use crate::ui::orders::receivables_card::AgeingRow;
use crate::ui::state::command::Commands;

/// O3/O4 for finance: every payment a rep has recorded and finance has not yet
/// confirmed, oldest first, and what each rep's customers owe by age.
#[component]
pub fn FinancePage() -> impl IntoView {
    let orders = use_orders();
    let customers = use_customers();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let is_finance = move || cmds.can(can_confirm_payment);
    let queue = Memo::new(move |_| orders.data.with(|d| d.queue().into_iter().cloned().collect::<Vec<_>>()));
    let by_rep = Memo::new(move |_| {
        orders.data.with(|d| ageing_by_rep(&d.ledger(), orders.today()).into_iter().collect::<Vec<_>>())
    });
    // O2: the team's lead time, each customer's payday and preferred times.
    let due_soon = Memo::new(move |_| {
        let settings = orders.collection.get();
        let habits = |c: &str| customers.data.with(|d| d.get(c).map(|v| v.rec.file.habits()).unwrap_or_default());
        orders.data.with(|d| chase_list(&d.ledger(), orders.today(), &settings, habits))
    });
    let error = RwSignal::new(None::<String>);
    let name_of = move |p: &str| customers.data.with_untracked(|d| d.name_of(p));
    let customer_name = move |c: &str| {
        customers
            .data
            .with(|d| d.get(c).map(|v| v.rec.file.name.clone()))
            .unwrap_or_else(|| c.chars().take(8).collect())
    };
    let confirm = move |pid: String| {
        error.set(None);
        cmds.run(
            move |db, a| async move { confirm_payment(db.store(), &a, &pid).await },
            move |r| error.set(r.err().map(|e| command_error(i18n.lang(), &e))),
        );
    };
    view! {
        <section class="card finance-queue" data-testid="finance-queue">
            <h2>{t(OMsg::FinanceQueue)}</h2>
            <p class="muted">{t(OMsg::FinanceHint)}</p>
            <Show when=is_finance fallback=|| view! { <p class="muted" data-testid="finance-only">{t(OMsg::FinanceOnly)}</p> }>""</Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="queue-error">{e}</p> })}
            <Show when=move || !queue.with(Vec::is_empty) fallback=|| view! { <p class="muted" data-testid="queue-empty">{t(OMsg::QueueEmpty)}</p> }>
                <table class="queue">
                    <thead><tr><th>{t(OMsg::Customer)}</th><th>{t(OMsg::Amount)}</th><th>{t(OMsg::PaidOn)}</th><th>{t(OMsg::RecordedBy)}</th><th></th></tr></thead>
                    <tbody>
                        {move || queue.get().into_iter().map(|p| {
                            let c = confirm;
                            let pid = p.id.clone();
                            let who = name_of(&p.recorded_by);
                            let at = p.recorded_ms;
                            let cust = p.customer_id.clone();
                            view! {
                                <tr data-testid="queue-row">
                                    <td><a href=section_href(&cust, "money")>{customer_name(&p.customer_id)}</a>{(!p.note.is_empty()).then(|| view! { <br/><small class="muted">{p.note.clone()}</small> })}</td>
                                    <td data-testid="queue-amount">{yuan(p.amount_fen)}</td>
                                    <td>{p.paid_on.to_string()}</td>
                                    <td>{who}<br/><small class="muted">{move || date_text(i18n.lang(), at)}</small></td>
                                    <td><Show when=is_finance>
                                        <button type="button" class="primary" data-testid="queue-confirm" on:click={let pid = pid.clone(); move |_| c(pid.clone())}>{t(OMsg::ConfirmPayment)}</button>
                                    </Show></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
        </section>
        <section class="card" data-testid="finance-reminders">
            <h2>{t(OMsg::Reminders)}</h2>
            <Show when=move || !due_soon.with(Vec::is_empty) fallback=|| view! { <p class="muted">{t(OMsg::NoReminders)}</p> }>
                <ul class="plain-list">
                    {move || due_soon.get().into_iter().map(|(r, h)| {
                        let (cust, rep) = (customer_name(&r.customer_id), name_of(&r.rep));
                        // Straight to the customer's money tab, where the receivable is.
                        let href = section_href(&r.customer_id, "money");
                        view! { <li class="reminder" data-testid="finance-reminder" class:overdue=r.days_until_due < 0>
                            <a href=href>{cust}</a>" · "{rep}" · "{move || reminder_text(i18n.lang(), r.due, r.days_until_due, r.outstanding_fen)}
                            <br/><small class="muted" data-testid="chase-hint" data-chase-on=h.chase_on.to_string()>{let h = h.clone(); move || chase_text(i18n.lang(), &h)}</small>
                        </li> }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
        <section class="card" data-testid="ageing-by-rep">
            <h2>{t(OMsg::AgeingByRep)}</h2>
            <Show when=move || !by_rep.with(Vec::is_empty) fallback=|| view! { <p class="muted">{t(OMsg::NoReceivables)}</p> }>
                {move || by_rep.get().into_iter().map(|(rep, a)| view! {
                    <div class="ageing-rep" data-testid="ageing-rep-row">
                        <h3>{name_of(&rep)}" · "{yuan(a.total_fen())}</h3>
                        <div class="ageing"><AgeingRow ageing=a /></div>
                    </div>
                }).collect_view()}
            </Show>
        </section>
    }
}
