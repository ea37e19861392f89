use leptos::prelude::*;

use crate::app::key_accounts::{
    can_file_key_account, file_service_evaluation, file_support_request, record_return_visit,
};
use crate::domain::approval::{ActivityKind, CustomerFacts, ServiceEvaluation, SupportRequest};
use crate::domain::key_activity::ActivityCounts;
use crate::storage::key_accounts::{load_key_accounts, KeyAccountsData};
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::key_accounts::{activity_label, approval_error, counts_text, visit_due_text, KMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::key_accounts::approval_steps::ApprovalSteps;
use crate::ui::key_accounts::key_activities::KeyActivities;
use crate::ui::key_accounts::service_terms::ServiceTermsCard;
use crate::ui::orders::orders_ctx::use_orders;
use crate::ui::state::command::Commands;
use crate::ui::state::load::load_on_change;
use crate::ui::state::session::use_session;

pub const ACTIVITIES: [ActivityKind; 5] = [
    ActivityKind::TechnicalSeminar,
    ActivityKind::IndustryMeeting,
    ActivityKind::AppreciationEvent,
    ActivityKind::Launch,
    ActivityKind::Tickets,
];

/// Key-account records on the device, re-read after every change and pull.
pub fn key_accounts_signal() -> RwSignal<KeyAccountsData> {
    let data = RwSignal::new(KeyAccountsData::default());
    load_on_change(
        move |db| async move { load_key_accounts(db.store()).await },
        move |d| {
            data.try_set(d);
        },
    );
    data
}

/// K1–K3 on the customer file: support requests with the two-step approval, the K2
/// activities recorded with the customer, service evaluations with the same two steps
/// (each beside the count of recorded activities it weighs), and the return visit due
/// within a week.
#[component]
pub fn KeyAccountCard(customer: String) -> impl IntoView {
    let data = key_accounts_signal();
    let orders = use_orders();
    let session = use_session();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let may_file = move || cmds.can(can_file_key_account);
    let c = customer.clone();
    let requests = Memo::new(move |_| {
        data.with(|d| d.requests.iter().filter(|r| r.request.customer_id == c).cloned().collect::<Vec<_>>())
    });
    let c = customer.clone();
    let evaluations = Memo::new(move |_| {
        data.with(|d| d.evaluations.iter().filter(|r| r.evaluation.customer_id == c).cloned().collect::<Vec<_>>())
    });
    let roles = Memo::new(move |_| data.with(|d| d.roles.clone()));
    let c = customer.clone();
    let counts_line =
        Memo::new(move |_| data.with(|d| counts_text(i18n.lang(), &ActivityCounts::of(&d.activities, &c, None))));

    // The request form (K1).
    let asking = RwSignal::new(false);
    let f: [RwSignal<String>; 7] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let error = RwSignal::new(None::<String>);
    let cust = StoredValue::new(customer.clone());
    // K3 weighs the K2 activities of a kind recorded with the customer, up to a day.
    let counted = move |kind: ActivityKind, up_to: Option<chrono::NaiveDate>| {
        data.with(|d| ActivityCounts::of(&d.activities, &cust.get_value(), up_to).of_kind(kind))
    };
    let save_request = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let v = |i: usize| f[i].get_untracked();
        let day = v(6).parse().unwrap_or_else(|_| orders.today());
        let facts = CustomerFacts { deeper_needs: v(1), changes: v(2), organisation: v(3), personnel_changes: v(4) };
        // Checked here for the field errors; the command checks again.
        match SupportRequest::new("", cust.get_value(), &v(5), day, &v(0), facts.clone()) {
            Err(e) => error.set(Some(approval_error(i18n.lang(), &e))),
            Ok(_) => {
                error.set(None);
                let (c, applicant, wanted) = (cust.get_value(), v(5), v(0));
                cmds.run(
                    move |db, a| async move {
                        file_support_request(db.store(), &a, &c, &applicant, Some(day), &wanted, facts).await
                    },
                    move |res| match res {
                        Ok(_) => {
                            asking.set(false);
                            for s in f {
                                s.set(String::new());
                            }
                        }
                        Err(e) => error.set(Some(command_error(i18n.lang(), &e))),
                    },
                );
            }
        }
    };
    let open_request = move |_| {
        f[5].set(session.current_profile().map(|p| p.name).unwrap_or_default());
        f[6].set(orders.today().to_string());
        asking.set(true);
    };

    // The evaluation form (K3).
    let evaluating = RwSignal::new(false);
    let activity = RwSignal::new(0usize);
    let act_on = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let save_eval = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(on) = act_on.get_untracked().parse() else {
            return error.set(Some(crate::ui::i18n::orders::OMsg::ErrDate.text(i18n.lang()).into()));
        };
        let kind = ACTIVITIES[activity.get_untracked().min(4)];
        match ServiceEvaluation::new("", cust.get_value(), kind, on, orders.today(), &text.get_untracked()) {
            Err(e) => error.set(Some(approval_error(i18n.lang(), &e))),
            Ok(_) => {
                error.set(None);
                let (c, written) = (cust.get_value(), text.get_untracked());
                cmds.run(
                    move |db, a| async move { file_service_evaluation(db.store(), &a, &c, kind, on, &written).await },
                    move |res| match res {
                        Ok(_) => {
                            evaluating.set(false);
                            text.set(String::new());
                        }
                        Err(e) => error.set(Some(command_error(i18n.lang(), &e))),
                    },
                );
            }
        }
    };
    let visit_on = RwSignal::new(String::new());
    let visit_opinion = RwSignal::new(String::new());
    let record_visit = move |eid: String| {
        let on = visit_on.get_untracked().parse().unwrap_or_else(|_| orders.today());
        let op = visit_opinion.get_untracked();
        cmds.run(
            move |db, a| async move { record_return_visit(db.store(), &a, &eid, on, &op).await },
            move |res| {
                if let Err(e) = res {
                    error.set(Some(command_error(i18n.lang(), &e)));
                }
            },
        );
    };
    let field = move |i: usize, label: KMsg, id: &'static str| {
        view! {
            <label class="field"><span>{t(label)}</span>
                <input type="text" data-testid=id prop:value=move || f[i].get() on:input=move |ev| f[i].set(event_target_value(&ev)) />
            </label>
        }
    };
    view! {
        <section class="card key-accounts" data-testid="key-accounts">
            <h2>{t(KMsg::Title)}</h2>
            {move || evaluations.get().into_iter().filter(|e| e.evaluation.return_visit_on.is_none()).map(|e| {
                let due = e.evaluation.return_visit_due();
                let overdue = e.evaluation.return_visit_overdue(orders.today());
                view! { <p class="notice warn" class:error=overdue data-testid="return-visit-due" data-due=due.to_string()>{move || visit_due_text(i18n.lang(), due, overdue)}</p> }
            }).collect_view()}
            <h3>{t(KMsg::Requests)}</h3>
            <Show when=move || !requests.with(Vec::is_empty) fallback=|| view! { <p class="muted">{t(KMsg::NoRequests)}</p> }>
                <ul class="plain-list">
                    {move || requests.get().into_iter().map(|r| {
                        let q = r.request.clone();
                        view! {
                            <li class="ka-item" data-testid="ka-request">
                                <p><strong>{q.support_wanted.clone()}</strong><span class="muted">" · "{q.applicant.clone()}" · "{q.date.to_string()}</span></p>
                                <dl class="ka-facts">
                                    {[(KMsg::DeeperNeeds, q.facts.deeper_needs.clone()), (KMsg::Changes, q.facts.changes.clone()), (KMsg::Organisation, q.facts.organisation.clone()), (KMsg::PersonnelChanges, q.facts.personnel_changes.clone())]
                                        .into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| view! { <dt>{t(k)}</dt><dd>{v}</dd> }).collect_view()}
                                </dl>
                                <ApprovalSteps subject=q.id.clone() approval=q.approval.clone() devices=r.devices.clone() verified=r.trail.verified.clone() roles=roles.get() />
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <Show when=move || asking.get() fallback=move || view! { <button type="button" data-testid="ka-new-request" disabled=move || !may_file() on:click=open_request>{t(KMsg::NewRequest)}</button> }>
                <form class="form" data-testid="ka-request-form" on:submit=save_request novalidate>
                    <div class="grid-2">
                        {field(0, KMsg::SupportWanted, "ka-support")}
                        {field(1, KMsg::DeeperNeeds, "ka-needs")}
                        {field(2, KMsg::Changes, "ka-changes")}
                        {field(3, KMsg::Organisation, "ka-org")}
                        {field(4, KMsg::PersonnelChanges, "ka-personnel")}
                        {field(5, KMsg::Applicant, "ka-applicant")}
                        <label class="field"><span>{t(KMsg::Date)}</span>
                            <input type="date" data-testid="ka-date" prop:value=move || f[6].get() on:input=move |ev| f[6].set(event_target_value(&ev)) />
                        </label>
                    </div>
                    <div class="actions">
                        <button type="button" on:click=move |_| asking.set(false)>{t(KMsg::Cancel)}</button>
                        <button type="submit" class="primary" data-testid="ka-save">{t(KMsg::Save)}</button>
                    </div>
                </form>
            </Show>
            <ServiceTermsCard customer=customer.clone() data=data />
            <KeyActivities customer=customer.clone() data=data />
            <h3>{t(KMsg::Evaluations)}</h3>
            <p class="muted" data-testid="ka-activity-counts">{t(KMsg::ActivityCountsTitle)}": "
                {move || counts_line.get().unwrap_or_else(|| KMsg::ActivityCountsNone.text(i18n.lang()).to_owned())}</p>
            <Show when=move || !evaluations.with(Vec::is_empty) fallback=|| view! { <p class="muted">{t(KMsg::NoEvaluations)}</p> }>
                <ul class="plain-list">
                    {move || evaluations.get().into_iter().map(|r| {
                        let e = r.evaluation.clone();
                        let eid = e.id.clone();
                        let rv = record_visit;
                        view! {
                            <li class="ka-item" data-testid="ka-evaluation">
                                <p><strong>{move || activity_label(i18n.lang(), e.activity)}</strong><span class="muted">" · "{e.activity_on.to_string()}</span></p>
                                <p class="muted" data-testid="ke-activity-count">{t(KMsg::ActivityCountLabel)}": "{counted(e.activity, Some(e.activity_on))}</p>
                                <p>{e.evaluation.clone()}</p>
                                <ApprovalSteps subject=e.id.clone() approval=e.approval.clone() devices=r.devices.clone() verified=r.trail.verified.clone() roles=roles.get() />
                                {match e.return_visit_on {
                                    Some(on) => view! { <p data-testid="return-visit-done">{t(KMsg::ReturnVisit)}": "{on.to_string()}" — "{e.customer_opinion.clone()}</p> }.into_any(),
                                    None => view! {
                                        <div class="grid-2">
                                            <label class="field"><span>{t(KMsg::ReturnVisitOn)}</span>
                                                <input type="date" data-testid="ka-visit-date" on:input=move |ev| visit_on.set(event_target_value(&ev)) />
                                            </label>
                                            <label class="field"><span>{t(KMsg::CustomerOpinion)}</span>
                                                <input type="text" data-testid="ka-visit-opinion" on:input=move |ev| visit_opinion.set(event_target_value(&ev)) />
                                            </label>
                                        </div>
                                        <div class="actions"><button type="button" data-testid="ka-visit-save" disabled=move || !may_file() on:click=move |_| rv(eid.clone())>{t(KMsg::RecordVisit)}</button></div>
                                    }.into_any(),
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <Show when=move || evaluating.get() fallback=move || view! { <button type="button" data-testid="ka-new-evaluation" disabled=move || !may_file() on:click=move |_| evaluating.set(true)>{t(KMsg::NewEvaluation)}</button> }>
                <form class="form" data-testid="ka-evaluation-form" on:submit=save_eval novalidate>
                    <div class="grid-2">
                        <label class="field"><span>{t(KMsg::Activity)}</span>
                            <select data-testid="ke-activity" on:change=move |ev| activity.set(event_target_value(&ev).parse().unwrap_or(0))>
                                {ACTIVITIES.into_iter().enumerate().map(|(i, a)| view! { <option value=i.to_string()>{move || activity_label(i18n.lang(), a)}</option> }).collect_view()}
                            </select>
                        </label>
                        <label class="field"><span>{t(KMsg::ActivityDate)}</span>
                            <input type="date" data-testid="ke-date" prop:value=move || act_on.get() on:input=move |ev| act_on.set(event_target_value(&ev)) />
                        </label>
                    </div>
                    <p class="muted" data-testid="ke-form-activity-count">{t(KMsg::ActivityCountLabel)}": "
                        {move || counted(ACTIVITIES[activity.get().min(4)], act_on.get().parse().ok())}</p>
                    <label class="field"><span>{t(KMsg::Evaluation)}</span>
                        <textarea rows="3" data-testid="ke-text" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    </label>
                    <div class="actions">
                        <button type="button" on:click=move |_| evaluating.set(false)>{t(KMsg::Cancel)}</button>
                        <button type="submit" class="primary" data-testid="ke-save">{t(KMsg::Save)}</button>
                    </div>
                </form>
            </Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="ka-form-error">{e}</p> })}
        </section>
    }
}
