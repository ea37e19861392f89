use leptos::prelude::*;

use crate::app::applications::{
    can_edit_checklists, can_file_application, can_review_application, can_tick_materials, decide_application,
    open_application, save_checklists, submit_application, tick_material,
};
use crate::domain::application::{ApplicationStatus, Outcome};
use crate::storage::applications::{load_applications, ApplicationsData};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::applications::{completeness, status_label, AMsg};
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::customers::date_text;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::orders::orders_ctx::use_orders;
use crate::ui::state::command::Commands;
use crate::ui::state::load::load_on_change;
use crate::ui::state::platform::now_ms;
use crate::ui::widgets::verified_badge::VerifiedBadge;

/// A1: the review may take at most this many working days.
const REVIEW_MAX_DAYS: u32 = 3;

pub fn applications_signal() -> RwSignal<ApplicationsData> {
    let data = RwSignal::new(ApplicationsData::default());
    load_on_change(
        move |db| async move { load_applications(db.store()).await },
        move |d| {
            data.try_set(d);
        },
    );
    data
}

/// A1 on the customer file: applications with their checklist, completeness, status
/// history with the feedback given, and a flag when a review runs over 3 working days.
/// Reps tick materials and submit; a manager or finance decides.
#[component]
pub fn ApplicationsCard(customer: String) -> impl IntoView {
    let data = applications_signal();
    let orders = use_orders();
    let customers = use_customers();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let cust = StoredValue::new(customer);
    let apps = Memo::new(move |_| {
        data.with(|d| d.applications.iter().filter(|a| a.customer_id == cust.get_value()).cloned().collect::<Vec<_>>())
    });
    let products = Memo::new(move |_| data.with(|d| d.checklists.0.keys().cloned().collect::<Vec<_>>()));
    let product = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let create = move |_| {
        let p = product.get_untracked();
        let p = if p.is_empty() { products.get_untracked().first().cloned().unwrap_or_default() } else { p };
        if p.is_empty() {
            return;
        }
        let c = cust.get_value();
        cmds.run(
            move |db, a| async move { open_application(db.store(), &a, &c, &p).await },
            move |r| error.set(r.err().map(|e| command_error(i18n.lang(), &e))),
        );
    };
    let reviewer = move || cmds.can(can_review_application);
    let name_of = move |p: &str| customers.data.with_untracked(|d| d.name_of(p));
    view! {
        <section class="card applications" data-testid="applications">
            <h2>{t(AMsg::Title)}</h2>
            <Show when=move || !apps.with(Vec::is_empty) fallback=|| view! { <p class="muted">{t(AMsg::Empty)}</p> }>
                <ul class="plain-list">
                    {move || apps.get().into_iter().map(|a| {
                        let lists = data.with_untracked(|d| d.checklists.clone());
                        let required = lists.required(&a.product).map(<[String]>::to_vec).unwrap_or_default();
                        let got = required.iter().filter(|m| a.received.contains(*m)).count();
                        let of = required.len();
                        let status = a.status();
                        let late = orders.calendar.with(|c| a.review_late(c, now_ms(), REVIEW_MAX_DAYS));
                        let days = orders.calendar.with(|c| a.review_working_days(c, now_ms()));
                        let feedback = RwSignal::new(String::new());
                        let app = StoredValue::new(a.clone());
                        let editable = matches!(status, ApplicationStatus::Collecting | ApplicationStatus::Returned)
                            && cmds.can(|x| can_tick_materials(x, &a.rep));
                        let shown = move |r: Result<crate::record::replica::Replica, crate::app::CommandError>| {
                            error.set(r.err().map(|e| command_error(i18n.lang(), &e)))
                        };
                        let submit = move |_| {
                            let id = app.with_value(|x| x.id.clone());
                            cmds.run(move |db, a| async move { submit_application(db.store(), &a, &id).await }, shown);
                        };
                        let decide = move |o: Outcome| {
                            let (id, fb) = (app.with_value(|x| x.id.clone()), feedback.get_untracked());
                            cmds.run(move |db, a| async move { decide_application(db.store(), &a, &id, o, &fb).await }, shown);
                        };
                        view! {
                            <li class="application" data-testid="application" data-status=format!("{status:?}") data-late=late.to_string()>
                                <p><strong>{a.product.clone()}</strong>" · "<span class="badge">{move || status_label(i18n.lang(), status)}</span>
                                    " "<span data-testid="app-complete" data-got=got data-of=of>{move || completeness(i18n.lang(), got, of)}</span>
                                    {late.then(|| view! { <span class="badge danger" data-testid="app-late">{t(AMsg::Late)}</span> })}
                                    {(!days.is_empty()).then(|| view! { <span class="muted">" · "{t(AMsg::ReviewDays)}": "{days.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")}</span> })}
                                </p>
                                <ul class="checklist">
                                    {required.clone().into_iter().map(|m| {
                                        let on = a.received.contains(&m);
                                        let (aid, mm) = (a.id.clone(), m.clone());
                                        view! { <li><label class="check"><input type="checkbox" data-testid="app-material" prop:checked=on disabled=!editable
                                            on:change=move |ev| { let v = event_target_checked(&ev); let (aid, mm) = (aid.clone(), mm.clone()); cmds.run(move |db, x| async move { tick_material(db.store(), &x, &aid, &mm, v).await }, shown) } />
                                            " "{m}</label></li> }
                                    }).collect_view()}
                                </ul>
                                <ol class="history">
                                    {a.history.iter().enumerate().map(|(i, h)| { let (st, who, at, fb) = (h.status, name_of(&h.by), h.at_ms, h.feedback.clone());
                                        // Signed by a reviewer the roster held, and taken on the history shown above it.
                                        let (ok, dev) = data.with_untracked(|d| d.trails.get(&a.id).map(|t| (t.verified.get(i).copied().unwrap_or(false), t.devices.get(i).cloned()))).unwrap_or_default();
                                        view! { <li data-testid="app-history" data-device=dev>{move || format!("{} · {} · {}", date_text(i18n.lang(), at), who, status_label(i18n.lang(), st))}{(!fb.is_empty()).then(|| format!(" — {fb}"))}" "<VerifiedBadge verified=ok /></li> }
                                    }).collect_view()}
                                </ol>
                                {editable.then(|| view! { <div class="actions"><button type="button" class="primary" data-testid="app-submit" on:click=submit>{t(AMsg::Submit)}</button></div> })}
                                {(status == ApplicationStatus::Submitted).then(|| view! {
                                    <Show when=reviewer>
                                        <label class="field"><span>{t(AMsg::Feedback)}</span>
                                            <input type="text" data-testid="app-feedback" on:input=move |ev| feedback.set(event_target_value(&ev)) />
                                        </label>
                                        <div class="actions">
                                            <button type="button" data-testid="app-return" on:click=move |_| decide(Outcome::Returned)>{t(AMsg::Return)}</button>
                                            <button type="button" class="danger" data-testid="app-reject" on:click=move |_| decide(Outcome::Rejected)>{t(AMsg::Reject)}</button>
                                            <button type="button" class="primary" data-testid="app-approve" on:click=move |_| decide(Outcome::Approved)>{t(AMsg::Approve)}</button>
                                        </div>
                                    </Show>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="app-error">{e}</p> })}
            <Show when=move || !products.with(Vec::is_empty) fallback=|| view! { <p class="muted">{t(AMsg::NoChecklists)}</p> }>
                <div class="actions start">
                    <select data-testid="app-product" on:change=move |ev| product.set(event_target_value(&ev))>
                        {move || products.get().into_iter().map(|p| { let label = p.clone(); view! { <option value=p>{label}</option> } }).collect_view()}
                    </select>
                    <button type="button" data-testid="app-new" disabled=move || !cmds.can(can_file_application) on:click=create>{t(AMsg::New)}</button>
                </div>
            </Show>
        </section>
    }
}

/// A1: the team's checklists of required materials per product (managers edit).
#[component]
pub fn ChecklistSettings() -> impl IntoView {
    let data = applications_signal();
    let cmds = Commands::new();
    let text = RwSignal::new(String::new());
    // What the team has, until someone starts typing: a late read must not wipe an edit.
    let dirty = RwSignal::new(false);
    let saved = RwSignal::new(false);
    Effect::new(move |_| {
        let stored = crate::storage::applications::format_checklists(&data.with(|d| d.checklists.clone()));
        if !dirty.get_untracked() {
            text.set(stored);
        }
    });
    let is_manager = move || cmds.can(can_edit_checklists);
    let save = move |_| {
        let new = crate::storage::applications::parse_checklists(&text.get_untracked());
        cmds.run(
            move |db, a| async move { save_checklists(db.store(), &a, &new).await },
            move |r| {
                if r.as_ref().map_or_else(|e| e.is_unchanged(), |_| true) {
                    dirty.set(false);
                    saved.set(true);
                }
            },
        );
    };
    view! {
        <section class="card" data-testid="checklists">
            <h2>{t(AMsg::Checklists)}</h2>
            <p class="muted">{t(AMsg::ChecklistsHint)}</p>
            <textarea rows="4" data-testid="checklists-text" aria-label=t(AMsg::Checklists) prop:value=move || text.get() disabled=move || !is_manager() on:input=move |ev| { dirty.set(true); saved.set(false); text.set(event_target_value(&ev)) }></textarea>
            <Show when=is_manager fallback=|| view! { <p class="muted">{t(AMsg::ManagerOnly)}</p> }>
                <div class="actions">
                    <Show when=move || saved.get()><span class="ok" role="status" data-testid="checklists-saved">"✓"</span></Show>
                    <button type="button" class="primary" data-testid="checklists-save" on:click=save>{t(AMsg::Save)}</button>
                </div>
            </Show>
        </section>
    }
}
