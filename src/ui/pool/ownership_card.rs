use leptos::prelude::*;

use crate::domain::pool::{AssignReason, FactKind, Ownership, ReleaseNote};
use crate::domain::profile::Role;
use crate::storage::customers::fact_entry;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::customers::{date_text, history_text, lost_claim_text, reason_label, returns_text, CMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::pool::release_form::ReleaseForm;
use crate::ui::state::platform::new_id;
use crate::ui::state::session::use_session;
use crate::ui::state::write::Writer;

/// Records facts about customers as the current profile through the one [`Writer`].
/// Made while the component is built (contexts are read there), used from event handlers.
#[derive(Clone)]
pub struct FactRecorder(Writer);

impl FactRecorder {
    pub fn new() -> Self {
        Self(Writer::new())
    }

    /// Records `kinds` (one entry each) about `customer` in one transaction.
    pub fn record(&self, customer: String, kinds: Vec<FactKind>, done: impl FnOnce(Result<(), String>) + 'static) {
        self.record_many(kinds.into_iter().map(|k| (customer.clone(), k)).collect(), done);
    }

    /// Records facts about several customers in one transaction (a distribution, a handover).
    pub fn record_many(&self, facts: Vec<(String, FactKind)>, done: impl FnOnce(Result<(), String>) + 'static) {
        self.0.write(
            move |by| {
                let parts = facts.iter().filter_map(|(c, k)| fact_entry(&new_id(), c, k, by).ok());
                Ok(crate::storage::customers::join(parts.collect::<Vec<_>>()))
            },
            done,
        );
    }
}

impl Default for FactRecorder {
    fn default() -> Self {
        Self::new()
    }
}

/// Who holds the customer, why, and until when (P1–P5); the notices a rep must see (P6
/// lost claim, P8 reassign, P9 release note); claim, return, assign and review actions
/// by role; and the traceable history of every change of hands (H2).
#[component]
pub fn OwnershipCard(id: String) -> impl IntoView {
    let ctx = use_customers();
    let session = use_session();
    let i18n = use_i18n();
    let me = move || session.current.get().unwrap_or_default();
    let role = move || session.current_profile().map(|p| p.role);
    let own_id = id.clone();
    let own = Memo::new(move |_| ctx.data.with(|d| d.get(&own_id).map(|c| c.own.clone())));
    let rev_id = id.clone();
    let reviewed = Memo::new(move |_| ctx.data.with(|d| d.get(&rev_id).map(|c| c.reviewed).unwrap_or(true)));
    let now = move || ctx.data.with(|d| d.now_ms);
    let name = move |p: &str| ctx.data.with_untracked(|d| d.name_of(p));
    let error = RwSignal::new(None::<String>);
    let releasing = RwSignal::new(false);
    let assign_to = RwSignal::new(String::new());
    let assign_reason = RwSignal::new("assigned".to_owned());
    let assign_note = RwSignal::new(String::new());
    let done = move |r: Result<(), String>| error.set(r.err());
    let rec = FactRecorder::new();

    let (claim_id, r) = (id.clone(), rec.clone());
    let claim = move |_| {
        let rep = session.current.get_untracked().unwrap_or_default();
        r.record(claim_id.clone(), vec![FactKind::Claim { rep }], done);
    };
    let (contact_id, r) = (id.clone(), rec.clone());
    let log_contact = move |_| {
        let rep = session.current.get_untracked().unwrap_or_default();
        r.record(contact_id.clone(), vec![FactKind::Contact { rep }], done);
    };
    let (review_id, r) = (id.clone(), rec.clone());
    let review = move |_| r.record(review_id.clone(), vec![FactKind::Reviewed], done);
    let (assign_id, r) = (id.clone(), rec.clone());
    let assign = move |_| {
        let rep = assign_to.get_untracked();
        if rep.is_empty() {
            return error.set(Some(t(CMsg::ChooseRep)().to_owned()));
        }
        let reason =
            if assign_reason.get_untracked() == "referred" { AssignReason::Referred } else { AssignReason::Assigned };
        r.record(assign_id.clone(), vec![FactKind::Assign { rep, reason, note: assign_note.get_untracked() }], done);
        assign_note.set(String::new());
    };
    let (release_id, r) = (id.clone(), rec.clone());
    let on_release = Callback::new(move |(note, expired): (ReleaseNote, bool)| {
        let Some(rep) = own.get_untracked().and_then(|o: Ownership| o.owner.or(o.needs_release_note)) else {
            return;
        };
        releasing.set(false);
        r.record(release_id.clone(), vec![FactKind::Release { rep, note, expired }], done);
    });
    let reps = move || {
        ctx.data.with(|d| {
            d.people.iter().filter(|p| p.role == Role::Rep).map(|p| (p.id.clone(), p.name.clone())).collect::<Vec<_>>()
        })
    };

    view! {
        <section class="card ownership" data-testid="ownership">
            {move || own.get().map(|o| {
                let n = now();
                let mine = o.owner.as_deref() == Some(me().as_str());
                let lost: Vec<_> = o.lost_claims.iter().filter(|l| l.rep == me()).cloned().collect();
                let note_due = o.needs_release_note.as_deref() == Some(me().as_str());
                let is_manager = role() == Some(Role::Manager);
                let reassign_due = is_manager && o.is_reassign_due(n);
                view! {
                    {lost.into_iter().map(|l| view! {
                        <p class="notice warn" role="status" data-testid="lost-claim">
                            {move || lost_claim_text(i18n.lang(), &name(&l.holder), l.holder_since_ms, l.at_ms)}
                        </p>
                    }).collect_view()}
                    {reassign_due.then(|| view! { <p class="notice warn" data-testid="reassign-due">{t(CMsg::ReassignDue)}</p> })}
                    <div class="owner-line">
                        <span class="label">{t(CMsg::Owner)}</span>
                        <strong data-testid="owner-name" data-owner=o.owner.clone().unwrap_or_default()>
                            {match &o.owner { Some(p) => name(p), None => t(CMsg::InPool)().to_owned() }}
                        </strong>
                        {o.reason.map(|r| view! { <span class="muted" data-testid="owner-reason">{move || reason_label(i18n.lang(), r)}</span> })}
                        {o.since_ms.map(|s| view! { <span class="muted">{move || date_text(i18n.lang(), s)}</span> })}
                    </div>
                    {o.returns_at_ms.map(|at| {
                        let rule = o.returns_rule;
                        view! { <p class="countdown" data-testid="returns-at">{move || returns_text(i18n.lang(), at, rule, n)}</p> }
                    })}
                    <div class="actions wrap">
                        {(o.owner.is_none() && role() == Some(Role::Rep)).then(|| view! {
                            <button type="button" class="primary" data-testid="claim" on:click=claim.clone()>{t(CMsg::Claim)}</button>
                        })}
                        {mine.then(|| view! {
                            <button type="button" data-testid="log-contact" on:click=log_contact.clone()>{t(CMsg::LogContact)}</button>
                        })}
                        {((mine || (is_manager && o.owner.is_some())) && !releasing.get()).then(|| view! {
                            <button type="button" data-testid="release" on:click=move |_| releasing.set(true)>{t(CMsg::Release)}</button>
                        })}
                        {(is_manager && !reviewed.get()).then(|| view! {
                            <button type="button" data-testid="mark-reviewed" on:click=review.clone()>{t(CMsg::MarkReviewed)}</button>
                        })}
                    </div>
                    {(releasing.get() || note_due).then(|| view! {
                        <ReleaseForm expired=note_due on_save=on_release on_cancel=Callback::new(move |_| releasing.set(false)) />
                    })}
                    {is_manager.then(|| view! {
                        <div class="assign" data-testid="assign">
                            <label class="field compact"><span>{t(CMsg::AssignTo)}</span>
                                <select data-testid="assign-rep" on:change=move |ev| assign_to.set(event_target_value(&ev))>
                                    <option value="">"—"</option>
                                    {reps().into_iter().map(|(pid, pname)| view! { <option value=pid>{pname}</option> }).collect_view()}
                                </select>
                            </label>
                            <label class="field compact"><span>{t(CMsg::AssignReason)}</span>
                                <select data-testid="assign-reason" on:change=move |ev| assign_reason.set(event_target_value(&ev))>
                                    <option value="assigned">{t(CMsg::ReasonAssigned)}</option>
                                    <option value="referred">{t(CMsg::ReasonReferred)}</option>
                                </select>
                            </label>
                            <label class="field compact grow"><span>{t(CMsg::Note)}</span>
                                <input type="text" data-testid="assign-note" prop:value=move || assign_note.get()
                                    on:input=move |ev| assign_note.set(event_target_value(&ev)) />
                            </label>
                            <button type="button" class="primary" data-testid="assign-apply" on:click=assign.clone()>{t(CMsg::Assign)}</button>
                        </div>
                    })}
                    <details class="history" data-testid="ownership-history">
                        <summary>{t(CMsg::History)}" ("{o.history.len()}")"</summary>
                        <ol class="plain-list">
                            {o.history.iter().rev().cloned().map(|h| view! {
                                <li data-testid="history-item">{move || history_text(i18n.lang(), &h, &|p| name(p))}</li>
                            }).collect_view()}
                        </ol>
                    </details>
                }
            })}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
    }
}
