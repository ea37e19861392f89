use leptos::prelude::*;

use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::activities::{day_text, status_label, AMsg};
use crate::ui::i18n::customers::CMsg;
use crate::ui::i18n::{t, use_i18n, Msg};

/// A plan as a printable visit form (V2): day, rep, goals, status and opinion, and one
/// row per customer with address and contact and room to write the result by hand.
#[component]
pub fn VisitFormPrint(id: String) -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    let feed = activity_feed();
    let plan = Memo::new(move |_| feed.data.with(|d| d.plans.iter().find(|p| p.id == id).cloned()));
    view! {
        <div class="no-print actions">
            <a class="back" href="#/activities" data-testid="print-back">{t(AMsg::Back)}</a>
            <button type="button" class="primary" data-testid="print-now"
                on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{t(AMsg::PrintNow)}</button>
        </div>
        {move || match plan.get() {
            None => view! { <p class="card muted" data-testid="print-missing">{move || if feed.loaded.get() { t(AMsg::NoPlans)() } else { t(Msg::Loading)() }}</p> }.into_any(),
            Some(p) => {
                let rep = ctx.data.with_untracked(|d| d.name_of(&p.rep));
                let decider = ctx.data.with_untracked(|d| d.name_of(&p.decided_by));
                let rows: Vec<(String, String, String, String)> = ctx.data.with_untracked(|d| p.draft.customers.iter().map(|c| match d.get(c) {
                    Some(v) => {
                        let first = v.rec.contacts.first().map(|x| (x.contact.name.clone(), x.contact.phone.clone())).unwrap_or_default();
                        (v.rec.file.name.clone(), v.rec.file.address.clone(), first.0, first.1)
                    }
                    None => (c.clone(), String::new(), String::new(), String::new()),
                }).collect());
                let status = p.status;
                view! {
                    <article class="card print-sheet" data-testid="visit-form">
                        <h2>{t(AMsg::VisitForm)}</h2>
                        <dl class="sheet-head">
                            <dt>{t(AMsg::PlanDay)}</dt><dd data-testid="print-day">{p.draft.day.map(|d| move || day_text(i18n.lang(), d))}</dd>
                            <dt>{t(AMsg::Rep)}</dt><dd>{rep}</dd>
                            <dt>{t(AMsg::TabPlans)}</dt><dd data-testid="print-status">{move || status_label(i18n.lang(), status)}</dd>
                        </dl>
                        <h3>{t(AMsg::PlanGoals)}</h3>
                        <p class="goals" data-testid="print-goals">{p.draft.goals.clone()}</p>
                        <table class="plan sheet">
                            <thead><tr>
                                <th>{t(CMsg::FieldName)}</th><th>{t(CMsg::FieldAddress)}</th><th>{t(AMsg::PersonMet)}</th><th>{t(AMsg::Result)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(n, addr, who, phone)| view! {
                                    <tr data-testid="print-row"><td>{n}</td><td>{addr}</td><td>{who}" "{phone}</td><td class="blank"></td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <p><span class="label">{t(AMsg::Opinion)}": "</span>{p.opinion.clone()}{(!p.decided_by.is_empty()).then(|| format!(" — {decider}"))}</p>
                        <p class="signature">{t(AMsg::Signature)}": ____________________"</p>
                    </article>
                }.into_any()
            }
        }}
    }
}
