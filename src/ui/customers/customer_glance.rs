use leptos::prelude::*;

use crate::domain::activity::ActivityKind;
use crate::domain::cadence::next_contact;
use crate::storage::activities::{cadence_inputs, ServiceReturn};
use crate::storage::projects::open_stages;
use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::activities::activity_sheet::use_activity_sheet;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::activities::{day_text, days_left_text, kind_label, rule_label};
use crate::ui::i18n::customers::{date_text, days_left, grade_label, tier_label, CMsg};
use crate::ui::i18n::key_accounts::KMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::orders::orders_ctx::use_orders;

fn owing_class(fen: i64) -> &'static str {
    if fen > 0 {
        "owing"
    } else {
        ""
    }
}

/// What a rep needs at the door, in one block (P1/P3, C3, C4, V6, O2): who owns the
/// customer and how long until it returns to the pool, tier and credit flag, demand grade,
/// the next follow-up due (K3 return visits included), what is owed, the last activity; one tap to call, text or log
/// a visit, each opening the activity sheet with its kind picked. The page's tabs sit
/// under it (`customer_tabs.rs`).
#[component]
pub fn CustomerGlance(id: String) -> impl IntoView {
    let ctx = use_customers();
    let feed = activity_feed();
    let orders = use_orders();
    let i18n = use_i18n();
    let cid = StoredValue::new(id);
    let view_of = Signal::derive(move || ctx.data.with(|d| d.get(&cid.get_value()).cloned()));
    // K3: return visits owed after a key-account service count for the next follow-up too.
    let services = crate::ui::activities::activity_feed::service_returns_signal();
    let next = Memo::new(move |_| {
        let c = view_of.get()?;
        let owner = c.own.owner.clone()?;
        let (cal, now, p8) = (feed.cal.get(), feed.now.get(), ctx.pool.with(|p| p.p8_days));
        feed.data.with(|d| {
            let id = cid.get_value();
            let mine: Vec<_> = d.activities.iter().filter(|a| a.customer_id == id).cloned().collect();
            let returns: Vec<ServiceReturn> =
                services.with(|v| v.iter().filter(|s| s.customer_id == id).cloned().collect());
            let inputs = cadence_inputs(std::slice::from_ref(&c), &mine, &open_stages(&d.projects), &returns, &owner);
            let input = inputs.get(&id)?;
            next_contact(input, &d.rules.cadence, p8, &cal, now).ok().flatten()
        })
    });
    // K1–K3: a key account is one with any key-account record (derived, never stored).
    let ka = crate::ui::key_accounts::key_account_card::key_accounts_signal();
    let is_key_account = Memo::new(move |_| ka.with(|d| d.key_account_ids().contains(&cid.get_value())));
    let owed = Memo::new(move |_| orders.data.with(|d| d.ledger().outstanding_for_customer(&cid.get_value())));
    let last = Memo::new(move |_| {
        let id = cid.get_value();
        feed.data.with(|d| {
            d.activities.iter().filter(|a| a.customer_id == id).max_by_key(|a| a.at_ms).map(|a| (a.kind, a.at_ms))
        })
    });
    // One tap: the activity sheet, with the kind that fits the button (the phone and SMS
    // links still open the dialler or messages).
    let sheet = use_activity_sheet();
    let open_sheet = move |k: ActivityKind| {
        if let Some(s) = sheet {
            s.open(Some(k));
        }
    };
    view! {
        {move || view_of.get().map(|c| {
            let now = ctx.data.with(|d| d.now_ms);
            let owner = c.own.owner.clone();
            let owner_name = owner.as_deref().map(|o| ctx.data.with_untracked(|d| d.name_of(o)));
            let countdown = c.own.days_until_return(now);
            let tier = c.tier.tier;
            let credit = c.tier.credit_flag;
            let problem = c.rec.file.problem;
            let grade = c.rec.file.grade.clone().filter(|g| !g.is_empty());
            let phone = c.phone().map(str::to_owned);
            let name = c.rec.file.name.clone();
            view! {
                <header class="card customer-glance" data-testid="customer-glance">
                    <div class="glance-title">
                        <h2 data-testid="customer-title">{name}</h2>
                        <span class="badge tier" data-testid="customer-tier" data-tier=format!("{tier:?}")>{move || tier_label(i18n.lang(), tier)}</span>
                        {credit.then(|| view! { <span class="badge danger" data-testid="customer-credit-flag">{t(CMsg::CreditFlag)}</span> })}
                        {problem.then(|| view! { <span class="badge danger" data-testid="customer-problem">{t(CMsg::ProblemCustomer)}</span> })}
                        {move || is_key_account.get().then(|| view! { <span class="badge" data-testid="customer-key-account">{t(KMsg::KeyAccount)}</span> })}
                        {grade.map(|g| view! { <span class="badge" data-testid="glance-grade">{move || grade_label(i18n.lang(), &g)}</span> })}
                    </div>
                    <dl class="glance-facts">
                        <div data-testid="glance-owner" data-owner=owner.clone().unwrap_or_default()>
                            <dt>{t(CMsg::Owner)}</dt>
                            <dd>
                                {owner_name.unwrap_or_else(|| t(CMsg::InPool)().to_owned())}
                                {countdown.map(|d| view! { <span class="muted" data-testid="glance-countdown" data-days=d>" · "{move || days_left(i18n.lang(), d)}</span> })}
                            </dd>
                        </div>
                        <div data-testid="glance-next">
                            <dt>{t(CMsg::NextFollowUp)}</dt>
                            <dd>{move || match next.get() {
                                Some(n) => view! {
                                    <span class:overdue=n.overdue data-due=n.due_on.to_string() data-rule=format!("{:?}", n.rule)>
                                        {day_text(i18n.lang(), n.due_on)}" · "{days_left_text(i18n.lang(), n.days_left)}
                                    </span>
                                    <br /><small class="muted">{move || rule_label(i18n.lang(), n.rule)}</small>
                                }.into_any(),
                                None => view! { <span class="muted">"—"</span> }.into_any(),
                            }}</dd>
                        </div>
                        <div data-testid="glance-owed" data-fen=move || owed.get()>
                            <dt>{t(CMsg::Owed)}</dt>
                            <dd class=move || owing_class(owed.get())>{move || crate::ui::i18n::orders::yuan(owed.get())}</dd>
                        </div>
                        <div data-testid="glance-last">
                            <dt>{t(CMsg::LastActivity)}</dt>
                            <dd>{move || match last.get() {
                                Some((k, at)) => format!("{} · {}", kind_label(i18n.lang(), k), date_text(i18n.lang(), at)),
                                None => "—".to_owned(),
                            }}</dd>
                        </div>
                    </dl>
                    <div class="glance-actions">
                        {phone.clone().map(|p| view! { <a class="button" data-testid="glance-call" href=format!("tel:{p}")
                            aria-haspopup="dialog" on:click=move |_| open_sheet(ActivityKind::Call)>{t(CMsg::Call)}</a> })}
                        {phone.map(|p| view! { <a class="button" data-testid="glance-sms" href=format!("sms:{p}")
                            aria-haspopup="dialog" on:click=move |_| open_sheet(ActivityKind::Sms)>{t(CMsg::Sms)}</a> })}
                        <button type="button" class="primary" data-testid="glance-log" aria-haspopup="dialog"
                            on:click=move |_| open_sheet(ActivityKind::Visit)>{t(CMsg::LogVisit)}</button>
                    </div>
                </header>
            }
        })}
    }
}
