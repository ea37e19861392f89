use leptos::prelude::*;

use crate::app::service::{close_service_item, forward_service_item, record_service_item, Handling};
use crate::domain::service::{Channel, ServiceItem};
use crate::storage::service_log::load_service;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::service::{channel_label, forward_text, SMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::orders::orders_ctx::use_orders;
use crate::ui::state::command::Commands;
use crate::ui::state::load::load_on_change;

const CHANNELS: [Channel; 4] = [Channel::Visit, Channel::Call, Channel::Question, Channel::Complaint];

/// S1–S3 on the customer file: questions and complaints logged by whoever the customer
/// first asked, answered on the spot or forwarded with a plan and a promised date;
/// open items past their promise are flagged; an item closes only with the customer
/// satisfied and a score, which feeds the satisfaction KPI.
#[component]
pub fn ServiceCard(customer: String) -> impl IntoView {
    let orders = use_orders();
    let customers = use_customers();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let items = RwSignal::new(Vec::<ServiceItem>::new());
    let cust = StoredValue::new(customer.clone());
    load_on_change(
        move |db| async move { load_service(db.store()).await },
        move |all| {
            let Some(c) = cust.try_get_value() else {
                return;
            };
            items.try_set(all.into_iter().filter(|i| i.customer_id == c).collect());
        },
    );
    let adding = RwSignal::new(false);
    let channel = RwSignal::new(0usize);
    let f: [RwSignal<String>; 5] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let v = |i: usize| f[i].get_untracked();
        let ch = CHANNELS[channel.get_untracked().min(3)];
        let handling = if v(2).trim().is_empty() {
            Handling::OnTheSpot { answer: v(1) }
        } else {
            let Ok(promised) = v(4).parse() else {
                return error.set(Some(crate::ui::i18n::orders::OMsg::ErrDate.text(i18n.lang()).into()));
            };
            Handling::Forwarded { to: v(2), plan: v(3), promised }
        };
        let (c, asked) = (cust.get_value(), v(0));
        cmds.run(
            move |db, a| async move { record_service_item(db.store(), &a, &c, ch, &asked, handling).await },
            move |r| match r {
                Ok(_) => {
                    error.set(None);
                    adding.set(false);
                    for s in f {
                        s.set(String::new());
                    }
                }
                Err(e) => error.set(Some(command_error(i18n.lang(), &e))),
            },
        );
    };
    let name_of = move |p: &str| customers.data.with_untracked(|d| d.name_of(p));
    view! {
        <section class="card service" data-testid="service">
            <h2>{t(SMsg::Title)}</h2>
            <p class="muted">{t(SMsg::Hint)}</p>
            <Show when=move || !items.with(Vec::is_empty) fallback=|| view! { <p class="muted">{t(SMsg::Empty)}</p> }>
                <ul class="plain-list">
                    {move || items.get().into_iter().map(|it| {
                        let overdue = it.is_overdue(orders.today());
                        let open = it.is_open();
                        let sat = RwSignal::new(false);
                        let score = RwSignal::new(String::new());
                        let note = RwSignal::new(String::new());
                        let err = RwSignal::new(None::<String>);
                        let item = StoredValue::new(it.id.clone());
                        let close = move |_| {
                            let sc: u8 = score.get_untracked().parse().unwrap_or(0);
                            let (iid, ok, n) = (item.get_value(), sat.get_untracked(), note.get_untracked());
                            cmds.run(
                                move |db, a| async move { close_service_item(db.store(), &a, &iid, ok, sc, &n).await },
                                move |r| err.set(r.err().map(|e| command_error(i18n.lang(), &e))),
                            );
                        };
                        // S2: escalate an open item again; the new plan and promise become current.
                        let fw: [RwSignal<String>; 3] = std::array::from_fn(|_| RwSignal::new(String::new()));
                        let fw_err = RwSignal::new(None::<String>);
                        let refwd = move |_| {
                            let v = |i: usize| fw[i].get_untracked();
                            let Ok(promised) = v(2).parse() else {
                                return fw_err.set(Some(crate::ui::i18n::orders::OMsg::ErrDate.text(i18n.lang()).into()));
                            };
                            let (iid, to, plan) = (item.get_value(), v(0), v(1));
                            cmds.run(
                                move |db, a| async move { forward_service_item(db.store(), &a, &iid, &to, &plan, promised).await },
                                move |r| fw_err.set(r.err().map(|e| command_error(i18n.lang(), &e))),
                            );
                        };
                        view! {
                            <li class="service-item" class:overdue=overdue data-testid="service-item" data-open=open.to_string() data-overdue=overdue.to_string()>
                                <p><span class="badge">{move || channel_label(i18n.lang(), it.channel)}</span>" "<strong>{it.asked.clone()}</strong>
                                    <span class="muted">" · "{it.asked_on.to_string()}" · "{t(SMsg::Responsible)}": "{name_of(&it.owner)}</span></p>
                                {it.answer.clone().map(|a| view! { <p>"→ "{a}</p> })}
                                {it.forwards.iter().map(|fw| { let (to, plan, p) = (fw.to.clone(), fw.plan.clone(), fw.promised); view! { <p>{move || forward_text(i18n.lang(), &to, &plan, p)}</p> } }).collect_view()}
                                {overdue.then(|| view! { <p class="error" data-testid="service-overdue">{t(SMsg::Overdue)}</p> })}
                                {match it.closure.clone() {
                                    Some(c) => view! { <p data-testid="service-closed">{t(SMsg::Closed)}" · "{t(SMsg::Score)}" "{c.score}" · "{c.note}</p> }.into_any(),
                                    None => view! {
                                        <div class="grid-2">
                                            <label class="check"><input type="checkbox" data-testid="sv-satisfied" on:change=move |ev| sat.set(event_target_checked(&ev)) /><span>{t(SMsg::Satisfied)}</span></label>
                                            <label class="field"><span>{t(SMsg::Score)}</span>
                                                <select data-testid="sv-score" on:change=move |ev| score.set(event_target_value(&ev))>
                                                    <option value="">"—"</option>
                                                    {(1..=5).map(|n| view! { <option value=n.to_string()>{n}</option> }).collect_view()}
                                                </select>
                                            </label>
                                            <label class="field"><span>{t(SMsg::Note)}</span>
                                                <input type="text" data-testid="sv-note" on:input=move |ev| note.set(event_target_value(&ev)) />
                                            </label>
                                        </div>
                                        {move || err.get().map(|e| view! { <p class="error" role="alert" data-testid="sv-close-error">{e}</p> })}
                                        <div class="actions"><button type="button" data-testid="sv-close" on:click=close>{t(SMsg::Close)}</button></div>
                                        <details class="reforward" data-testid="sv-reforward">
                                            <summary>{t(SMsg::ForwardAgain)}</summary>
                                            <div class="grid-2">
                                                <label class="field"><span>{t(SMsg::ForwardAgainTo)}</span>
                                                    <input type="text" data-testid="sv-re-to" on:input=move |ev| fw[0].set(event_target_value(&ev)) />
                                                </label>
                                                <label class="field"><span>{t(SMsg::Plan)}</span>
                                                    <input type="text" data-testid="sv-re-plan" on:input=move |ev| fw[1].set(event_target_value(&ev)) />
                                                </label>
                                                <label class="field"><span>{t(SMsg::Promised)}</span>
                                                    <input type="date" data-testid="sv-re-promised" on:input=move |ev| fw[2].set(event_target_value(&ev)) />
                                                </label>
                                            </div>
                                            {move || fw_err.get().map(|e| view! { <p class="error" role="alert" data-testid="sv-re-error">{e}</p> })}
                                            <div class="actions"><button type="button" data-testid="sv-re-save" on:click=refwd>{t(SMsg::ForwardAgain)}</button></div>
                                        </details>
                                    }.into_any(),
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <Show when=move || adding.get() fallback=move || view! { <button type="button" data-testid="sv-new" on:click=move |_| adding.set(true)>{t(SMsg::New)}</button> }>
                <form class="form" data-testid="service-form" on:submit=save novalidate>
                    <div class="grid-2">
                        <label class="field"><span>{t(SMsg::Channel)}</span>
                            <select data-testid="sv-channel" on:change=move |ev| channel.set(event_target_value(&ev).parse().unwrap_or(0))>
                                {CHANNELS.into_iter().enumerate().map(|(i, c)| view! { <option value=i.to_string()>{move || channel_label(i18n.lang(), c)}</option> }).collect_view()}
                            </select>
                        </label>
                        <label class="field"><span>{t(SMsg::Asked)}</span>
                            <input type="text" data-testid="sv-asked" prop:value=move || f[0].get() on:input=move |ev| f[0].set(event_target_value(&ev)) />
                        </label>
                        <label class="field"><span>{t(SMsg::Answer)}</span>
                            <input type="text" data-testid="sv-answer" prop:value=move || f[1].get() on:input=move |ev| f[1].set(event_target_value(&ev)) />
                        </label>
                        <label class="field"><span>{t(SMsg::ForwardTo)}</span>
                            <input type="text" data-testid="sv-to" prop:value=move || f[2].get() on:input=move |ev| f[2].set(event_target_value(&ev)) />
                        </label>
                        <label class="field"><span>{t(SMsg::Plan)}</span>
                            <input type="text" data-testid="sv-plan" prop:value=move || f[3].get() on:input=move |ev| f[3].set(event_target_value(&ev)) />
                        </label>
                        <label class="field"><span>{t(SMsg::Promised)}</span>
                            <input type="date" data-testid="sv-promised" prop:value=move || f[4].get() on:input=move |ev| f[4].set(event_target_value(&ev)) />
                        </label>
                    </div>
                    {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="sv-error">{e}</p> })}
                    <div class="actions">
                        <button type="button" on:click=move |_| adding.set(false)>{t(SMsg::Cancel)}</button>
                        <button type="submit" class="primary" data-testid="sv-save">{t(SMsg::Save)}</button>
                    </div>
                </form>
            </Show>
        </section>
    }
}
