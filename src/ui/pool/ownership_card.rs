use leptos::prelude::*;

use crate::app::pool::{
    assign_customer, can_assign, can_claim, can_log_contact, can_release, can_return_note, can_review, claim_customer,
    log_contact, release_customer, return_release_note, review_customer,
};
use crate::domain::pool::{AssignReason, ReleaseNote};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::customers::{date_text, history_text, lost_claim_text, reason_label, returns_text, CMsg};
use crate::ui::i18n::pool::PMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::pool::release_form::ReleaseForm;
use crate::ui::state::command::Commands;
use crate::ui::state::session::use_session;

/// Who holds the customer, why, and until when (P1–P5); the notices a rep must see (P6
/// lost claim, P8 reassign, P9 release note); claim, return, assign and review actions
/// by role; and the traceable history of every change of hands (H2).
#[component]
pub fn OwnershipCard(id: String) -> impl IntoView {
    let ctx = use_customers();
    let session = use_session();
    let i18n = use_i18n();
    let me = move || session.current.get().unwrap_or_default();
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
    let cmds = Commands::new();
    let done = move |r: Result<crate::record::replica::Replica, crate::app::CommandError>| {
        error.set(r.err().map(|e| command_error(i18n.lang(), &e)))
    };

    let cid = StoredValue::new(id.clone());
    let claim = move |_| {
        let c = cid.get_value();
        cmds.run(move |db, a| async move { claim_customer(db.store(), &a, &c).await }, done);
    };
    let log = move |_| {
        let c = cid.get_value();
        cmds.run(move |db, a| async move { log_contact(db.store(), &a, &c).await }, done);
    };
    let review = move |_| {
        let c = cid.get_value();
        cmds.run(move |db, a| async move { review_customer(db.store(), &a, &c).await }, done);
    };
    let assign = move |_| {
        let rep = assign_to.get_untracked();
        if rep.is_empty() {
            return error.set(Some(t(CMsg::ChooseRep)().to_owned()));
        }
        let reason =
            if assign_reason.get_untracked() == "referred" { AssignReason::Referred } else { AssignReason::Assigned };
        let (c, note) = (cid.get_value(), assign_note.get_untracked());
        cmds.run(move |db, a| async move { assign_customer(db.store(), &a, &c, &rep, reason, &note).await }, done);
        assign_note.set(String::new());
    };
    // P9: the command names the rep the note is for and whether it follows an expiry.
    let on_release = Callback::new(move |(note, _expired): (ReleaseNote, bool)| {
        releasing.set(false);
        let c = cid.get_value();
        cmds.run(move |db, a| async move { release_customer(db.store(), &a, &c, note).await }, done);
    });
    let reps = move || ctx.rep_choices();
    // P9: the manager's request for a fuller note; kept while the card redraws.
    let send_back = RwSignal::new(String::new());
    let send_back_missing = RwSignal::new(false);
    let sent_back = RwSignal::new(false);
    let do_send_back = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let comment = send_back.get_untracked();
        if comment.trim().is_empty() {
            return send_back_missing.set(true);
        }
        send_back_missing.set(false);
        let c = cid.get_value();
        cmds.run(
            move |db, a| async move { return_release_note(db.store(), &a, &c, &comment).await },
            move |r| {
                if r.is_ok() {
                    send_back.set(String::new());
                    sent_back.set(true);
                }
                done(r);
            },
        );
    };

    view! {
        <section class="card ownership" data-testid="ownership">
            {move || own.get().map(|o| {
                let n = now();
                let may_log = cmds.can(|a| can_log_contact(a, &o));
                let may_release = cmds.can(|a| can_release(a, &o)) && o.owner.is_some();
                let lost: Vec<_> = o.lost_claims.iter().filter(|l| l.rep == me()).cloned().collect();
                let note_due = o.needs_release_note.as_deref() == Some(me().as_str());
                let is_manager = cmds.can(can_assign);
                let reassign_due = is_manager && o.is_reassign_due(n);
                view! {
                    {lost.into_iter().map(|l| view! {
                        <p class="notice warn" role="status" data-testid="lost-claim">
                            {move || lost_claim_text(i18n.lang(), &name(&l.holder), l.holder_since_ms, l.at_ms)}
                        </p>
                    }).collect_view()}
                    {reassign_due.then(|| view! { <p class="notice warn" data-testid="reassign-due">{t(CMsg::ReassignDue)}</p> })}
                    {o.held_for_note.then(|| view! { <p class="notice warn" data-testid="held-for-note">{t(PMsg::HeldForNote)}</p> })}
                    {o.returned_note.clone().filter(|_| note_due).map(|r| view! {
                        <p class="notice warn" role="status" data-testid="returned-note">{t(PMsg::ReturnedAsk)}<strong>{r.comment}</strong></p>
                    })}
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
                        let days = o.days_until_return(n).unwrap_or(0);
                        view! { <p class="countdown" data-testid="returns-at">{move || returns_text(i18n.lang(), at, rule, days)}</p> }
                    })}
                    <div class="actions wrap">
                        {(o.claimable() && cmds.can(can_claim)).then(|| view! {
                            <button type="button" class="primary" data-testid="claim" on:click=claim>{t(CMsg::Claim)}</button>
                        })}
                        {may_log.then(|| view! {
                            <button type="button" data-testid="log-contact" on:click=log>{t(CMsg::LogContact)}</button>
                        })}
                        {(may_release && !releasing.get()).then(|| view! {
                            <button type="button" data-testid="release" on:click=move |_| releasing.set(true)>{t(CMsg::Release)}</button>
                        })}
                        {(cmds.can(can_review) && !reviewed.get()).then(|| view! {
                            <button type="button" data-testid="mark-reviewed" on:click=review>{t(CMsg::MarkReviewed)}</button>
                        })}
                    </div>
                    {(releasing.get() || note_due).then(|| view! {
                        <ReleaseForm expired=note_due on_save=on_release on_cancel=Callback::new(move |_| releasing.set(false)) />
                    })}
                    {o.last_release().filter(|_| cmds.can(can_return_note)).map(|(rep, note)| {
                        let pending = o.returned_note.is_some();
                        let who = name(rep);
                        let text = format!("{} · {} · {}", note.status, note.contacts, note.progress);
                        view! {
                            <div class="last-note" data-testid="last-release-note">
                                <p><span class="label">{t(PMsg::LastNote)}</span>" ("{who}"): "{text}</p>
                                {o.returned_note.clone().map(|r| view! {
                                    <p class="muted" data-testid="returned-pending">{t(PMsg::SentBackAsking)}<em>{r.comment}</em></p>
                                })}
                                {(!pending).then(|| view! {
                                    <form class="form" data-testid="send-back-form" on:submit=do_send_back novalidate>
                                        <p class="muted">{t(PMsg::SendBackHint)}</p>
                                        <label class="field" class:invalid=move || send_back_missing.get()><span>{t(PMsg::SendBackComment)}</span>
                                            <textarea rows="2" data-testid="send-back-comment" prop:value=move || send_back.get()
                                                aria-invalid=move || send_back_missing.get().to_string()
                                                on:input=move |ev| { sent_back.set(false); send_back.set(event_target_value(&ev)); }></textarea>
                                            <Show when=move || send_back_missing.get()><small class="error" role="alert" data-testid="send-back-error">{t(PMsg::SendBackRequired)}</small></Show>
                                        </label>
                                        <div class="actions"><button type="submit" data-testid="send-back">{t(PMsg::SendBack)}</button></div>
                                    </form>
                                })}
                                {move || sent_back.get().then(|| view! { <p class="ok" role="status" data-testid="sent-back">{t(PMsg::SentBack)}</p> })}
                            </div>
                        }
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
                            <button type="button" class="primary" data-testid="assign-apply" on:click=assign>{t(CMsg::Assign)}</button>
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
