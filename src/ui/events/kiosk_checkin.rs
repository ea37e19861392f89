use leptos::prelude::*;

use crate::domain::participant::{participants, Relation};
use crate::storage::events::invitation_code;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::events::events_ctx::use_events;
use crate::ui::events::walk_in_form::WalkInForm;
use crate::ui::i18n::events::EMsg;
use crate::ui::i18n::t;
use crate::ui::widgets::qr_scanner::QrScanner;

/// **E3** Check-in of invitees: by search (name or phone) or by the code under the QR
/// on their invitation, typed or sent by a scanner that types. Picking an invitee opens
/// the registration form filled in, so consent and children are still asked.
#[component]
pub fn KioskCheckin(event: String) -> impl IntoView {
    let ctx = use_events();
    let customers = use_customers();
    let query = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let code_error = RwSignal::new(false);
    let chosen = RwSignal::new(None::<(String, String)>);
    let eid = event.clone();
    // (code, person, company, phone, here already): the form is filled with the contact's
    // name, the person who comes, not the company's.
    let invitees = Memo::new(move |_| {
        let Some(r) = ctx.get(&eid) else {
            return vec![];
        };
        let here: Vec<String> = participants(&r.registrations).into_iter().map(|p| p.key).collect();
        customers.data.with(|d| {
            r.invitees
                .iter()
                .map(|i| {
                    let c = d.get(&i.customer);
                    let company = c.map(|c| c.rec.file.name.clone()).unwrap_or_default();
                    let person = c.and_then(|c| c.contact_name().map(str::to_owned)).unwrap_or_else(|| company.clone());
                    let key = crate::domain::customer::phone_key(&i.phone).unwrap_or_default();
                    (invitation_code(&i.customer), person, company, i.phone.clone(), here.contains(&key))
                })
                .collect::<Vec<_>>()
        })
    });
    let by_code = move |_: ()| {
        let c = code.get_untracked().trim().to_uppercase();
        match invitees.get_untracked().into_iter().find(|(k, ..)| *k == c) {
            Some((_, n, _, p, _)) => {
                code_error.set(false);
                code.set(String::new());
                chosen.set(Some((n, p)));
            }
            None => code_error.set(true),
        }
    };
    let ev2 = event.clone();
    view! {
        {move || match chosen.get() {
            Some((n, p)) => {
                view! {
                    <div class="actions start"><button type="button" data-testid="checkin-back" on:click=move |_| chosen.set(None)>{t(EMsg::Back)}</button></div>
                    <WalkInForm event=ev2.clone() prefill=(n, p, Relation::ExistingOwner) on_done=Callback::new(move |_| chosen.set(None)) />
                }.into_any()
            }
            None => view! {
                <section class="card form" data-testid="checkin">
                    <form class="actions start code-row" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); by_code(()); }>
                        <label class="field grow"><span>{t(EMsg::InvitationCode)}</span>
                            <input data-testid="checkin-code" autocomplete="off" autocapitalize="characters" prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev)) />
                        </label>
                        <button type="submit" class="primary" data-testid="checkin-code-go">{t(EMsg::CheckIn)}</button>
                    </form>
                    <QrScanner on_code=Callback::new(move |c: String| { code.set(c); by_code(()); }) />
                    <Show when=move || code_error.get()><p class="error" role="alert" data-testid="checkin-code-error">{t(EMsg::CodeUnknown)}</p></Show>
                    <input type="search" class="search" data-testid="checkin-search" placeholder=t(EMsg::SearchInvitees)
                        prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
                    {move || {
                        let q = query.get().trim().to_lowercase();
                        let digits: String = q.chars().filter(char::is_ascii_digit).collect();
                        let list: Vec<_> = invitees.get().into_iter().filter(|(_, n, co, p, _)| q.is_empty() || n.to_lowercase().contains(&q) || co.to_lowercase().contains(&q) || (!digits.is_empty() && p.chars().filter(char::is_ascii_digit).collect::<String>().contains(&digits))).collect();
                        if list.is_empty() {
                            return view! { <p class="muted" data-testid="checkin-empty">{t(EMsg::NoInvitees)}</p> }.into_any();
                        }
                        view! {
                            <ul class="plain-list">
                                {list.into_iter().take(30).map(|(_, n, co, p, here)| {
                                    let (n2, p2) = (n.clone(), p.clone());
                                    view! {
                                        <li class="checkin-row" data-testid="checkin-row">
                                            <span><strong>{n}</strong>" · "{co}" "<span class="muted">{p}</span></span>
                                            {if here {
                                                view! { <span class="ok" data-testid="checkin-here">{t(EMsg::Here)}</span> }.into_any()
                                            } else {
                                                view! { <button type="button" class="primary" data-testid="checkin-go" on:click=move |_| chosen.set(Some((n2.clone(), p2.clone())))>{t(EMsg::CheckIn)}</button> }.into_any()
                                            }}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </section>
            }.into_any(),
        }}
    }
}
