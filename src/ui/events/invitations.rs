use leptos::prelude::*;

use crate::app::events::{can_edit_event, invite_customers, set_invite_status};
use crate::domain::event::{invite_summary, turn_up_rate, InviteStatus};
use crate::domain::participant::{attended_keys, participants};
use crate::storage::events::invitation_code;
use crate::ui::customers::customer_filters::CustomerFilters;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::events::events_ctx::use_events;
use crate::ui::i18n::events::{invite_text, rate_text, status_label, summary_text, EMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::settings::invite::qr_svg;
use crate::ui::state::command::Commands;

const STATUSES: [InviteStatus; 4] =
    [InviteStatus::Invited, InviteStatus::Confirmed, InviteStatus::Declined, InviteStatus::NoAnswer];

fn status_code(s: InviteStatus) -> &'static str {
    match s {
        InviteStatus::Invited => "invited",
        InviteStatus::Confirmed => "confirmed",
        InviteStatus::Declined => "declined",
        InviteStatus::NoAnswer => "no_answer",
    }
}

/// **E2** The invitation list: built from the customer filters (owner, tier, grade,
/// segment, source, region), each invitee notified by `sms:` with the text filled in
/// (date, venue and their check-in code) or by `tel:`, their answer recorded, and the
/// live turn-up rate = invitees who attended ÷ invited.
#[component]
pub fn Invitations(id: String) -> impl IntoView {
    let ctx = use_events();
    let customers = use_customers();
    let i18n = use_i18n();
    let eid = id.clone();
    let rec = Memo::new(move |_| ctx.get(&eid));
    let matches = Memo::new(move |_| {
        let f = customers.filter.get();
        customers.data.with(|d| {
            d.customers
                .iter()
                .filter(|c| f.accepts(c, d.now_ms))
                .filter_map(|c| c.phone().map(|p| (c.rec.id.clone(), p.to_owned())))
                .collect::<Vec<_>>()
        })
    });
    let added = RwSignal::new(None::<usize>);
    let cmds = Commands::new();
    let may_invite = move || {
        let organiser = rec.with(|r| r.as_ref().map(|r| r.event.keeper().to_owned())).unwrap_or_default();
        cmds.can(|a| can_edit_event(a, &organiser))
    };
    let add_id = id.clone();
    let add = move |_| {
        let list = matches.get_untracked();
        let ev = add_id.clone();
        cmds.run(
            move |db, a| async move { invite_customers(db.store(), &a, &ev, &list).await },
            move |res| added.set(res.ok().map(|(_, n)| n)),
        );
    };
    let set_status_id = StoredValue::new(id.clone());
    let set_status = move |customer: String, s: InviteStatus| {
        let ev = set_status_id.get_value();
        cmds.run(move |db, a| async move { set_invite_status(db.store(), &a, &ev, &customer, s).await }, |_| {});
    };
    let rate = Memo::new(move |_| {
        rec.get().map(|r| {
            let keys = attended_keys(&participants(&r.registrations));
            (invite_summary(&r.invitees, &keys), turn_up_rate(&r.invitees, &keys))
        })
    });
    let qr_for = RwSignal::new(None::<String>);
    view! {
        <section class="card" data-testid="turn-up">
            {move || rate.get().map(|(s, r)| view! {
                <p class="big" data-testid="turn-up-rate" data-attended=s.attended data-invited=s.invited>{move || rate_text(i18n.lang(), r)}</p>
                <p class="muted" data-testid="invite-summary">{move || summary_text(i18n.lang(), &s)}</p>
            })}
        </section>
        <section class="card form" data-testid="invite-builder">
            <h2>{t(EMsg::BuildList)}</h2>
            <p class="muted">{t(EMsg::BuildListHint)}</p>
            <CustomerFilters />
            <div class="actions">
                <span class="muted" data-testid="invite-matches">{move || format!("{}", matches.with(Vec::len))}</span>
                <button type="button" class="primary" data-testid="invite-add" disabled=move || !may_invite() on:click=add>{t(EMsg::AddToList)}</button>
            </div>
            {move || added.get().map(|n| view! { <p class="ok" role="status" data-testid="invite-added">{format!("+{n}")}</p> })}
        </section>
        <section class="card" data-testid="invitees">
            <h2>{t(EMsg::Invitees)}</h2>
            {move || {
                let Some(r) = rec.get() else { return ().into_any() };
                if r.invitees.is_empty() {
                    return view! { <p class="muted" data-testid="invitees-empty">{t(EMsg::NoInvitees)}</p> }.into_any();
                }
                let lang = i18n.lang();
                let ev = r.event.clone();
                view! {
                    <ul class="plain-list">
                        {r.invitees.iter().map(|inv| {
                            let name = customers.data.with_untracked(|d| d.get(&inv.customer).map(|c| c.rec.file.name.clone())).unwrap_or_default();
                            let code = invitation_code(&inv.customer);
                            let text = invite_text(lang, &ev.theme, &ctx.when(ev.starts_ms), &ev.venue, &code);
                            let digits: String = inv.phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
                            let sms = format!("sms:{digits}?body={}", js_sys::encode_uri_component(&text));
                            let tel = format!("tel:{digits}");
                            let cur = inv.status;
                            let c = inv.customer.clone();
                            let (q1, q2) = (code.clone(), code.clone());
                            view! {
                                <li class="invitee-row" data-testid="invitee-row" data-status=status_code(cur)>
                                    <span><strong>{name}</strong>" "<span class="muted">{inv.phone.clone()}</span>" "<code data-testid="invitee-code">{code.clone()}</code></span>
                                    <span class="actions start">
                                        <a class="button" href=sms data-testid="invitee-sms">{t(EMsg::Sms)}</a>
                                        <a class="button" href=tel data-testid="invitee-tel">{t(EMsg::Call)}</a>
                                        <button type="button" class="ghost" data-testid="invitee-qr-toggle" on:click=move |_| qr_for.set(if qr_for.get_untracked().as_deref() == Some(q1.as_str()) { None } else { Some(q1.clone()) })>"QR"</button>
                                        <select data-testid="invitee-status" aria-label=t(EMsg::Status) on:change=move |e| {
                                            let v = event_target_value(&e);
                                            if let Some(s) = STATUSES.into_iter().find(|s| status_code(*s) == v) { set_status(c.clone(), s); }
                                        }>
                                            {STATUSES.into_iter().map(|s| view! { <option value=status_code(s) selected=s == cur>{move || status_label(i18n.lang(), s)}</option> }).collect_view()}
                                        </select>
                                    </span>
                                    <Show when=move || qr_for.get().as_deref() == Some(q2.as_str())>
                                        <div class="qr" data-testid="invitee-qr" inner_html=qr_svg(&code).unwrap_or_default()></div>
                                    </Show>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
