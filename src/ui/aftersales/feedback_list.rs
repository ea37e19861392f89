use leptos::prelude::*;

use super::{customer_namer, input, outcome};
use crate::app::feedback::{answer_feedback, can_answer_feedback, can_close_feedback, close_feedback};
use crate::domain::feedback::{feedback_list, Department, Feedback, FeedbackFilter, FeedbackStatus};
use crate::storage::feedback::load_feedback;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::aftersales::{department_label, status_label, FMsg};
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::load::load_on_change;

/// The reports, open ones first and oldest first; with filters by department, status
/// and region on the team page, only `customer`'s on a customer's page.
#[component]
pub fn FeedbackList(#[prop(optional)] customer: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let team = customer.is_none();
    let cust = StoredValue::new(customer);
    let items = RwSignal::new(Vec::<Feedback>::new());
    load_on_change(
        move |db| async move { load_feedback(db.store()).await },
        move |all| {
            let Some(c) = cust.try_get_value() else { return };
            items.try_set(all.into_iter().filter(|f| c.is_none() || f.customer_id == c).collect());
        },
    );
    let (dept, status, region) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let shown = Memo::new(move |_| {
        let filter = FeedbackFilter {
            department: Department::from_code(&dept.get()),
            status: FeedbackStatus::from_code(&status.get()),
            region: Some(region.get()),
        };
        items.with(|all| feedback_list(all, &filter).into_iter().cloned().collect::<Vec<_>>())
    });
    view! {
        {team.then(|| view! {
            <div class="filters" data-testid="fb-filters">
                <label class="field"><span>{t(FMsg::Department)}</span>
                    <select data-testid="fb-filter-dept" on:change=move |ev| dept.set(event_target_value(&ev))>
                        <option value="">{t(FMsg::All)}</option>
                        {Department::ALL.into_iter().map(|d| view! { <option value=d.code()>{move || department_label(i18n.lang(), d)}</option> }).collect_view()}
                    </select>
                </label>
                <label class="field"><span>{t(FMsg::Status)}</span>
                    <select data-testid="fb-filter-status" on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="">{t(FMsg::All)}</option>
                        {FeedbackStatus::ALL.into_iter().map(|s| view! { <option value=s.code()>{move || status_label(i18n.lang(), s)}</option> }).collect_view()}
                    </select>
                </label>
                {input(FMsg::Region, "fb-filter-region", region, "text")}
            </div>
        })}
        <Show when=move || !shown.with(Vec::is_empty) fallback=|| view! { <p class="muted" data-testid="fb-empty">{t(FMsg::FbEmpty)}</p> }>
            <ul class="plain-list" data-testid="fb-list">
                <For each=move || shown.get() key=|f| (f.id.clone(), f.follow_ups.len(), f.closing.is_some()) let:f>
                    <FeedbackItem f />
                </For>
            </ul>
        </Show>
    }
}

#[component]
fn FeedbackItem(f: Feedback) -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let customers = use_customers();
    let customer_name = customer_namer();
    let status = f.status();
    let id = StoredValue::new(f.id.clone());
    let (who, answer, note) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let msg = RwSignal::new(None::<(bool, String)>);
    let done = move |r: Result<_, crate::app::CommandError>| {
        msg.set(r.err().map(|e| (false, command_error(i18n.lang(), &e))));
    };
    let send_answer = move |_| {
        let (fid, w, a) = (id.get_value(), who.get_untracked(), answer.get_untracked());
        cmds.run(move |db, actor| async move { answer_feedback(db.store(), &actor, &fid, &w, &a).await }, done);
    };
    let close = move |_| {
        let (fid, n) = (id.get_value(), note.get_untracked());
        cmds.run(move |db, actor| async move { close_feedback(db.store(), &actor, &fid, &n).await }, done);
    };
    let may_close = {
        let f = f.clone();
        move || status == FeedbackStatus::Answered && cmds.can(|a| can_close_feedback(a, &f))
    };
    let may_answer = move || status != FeedbackStatus::Closed && cmds.can(can_answer_feedback);
    let author = customers.data.with_untracked(|d| d.name_of(&f.author));
    let meta = [f.raised_on.to_string(), author, customer_name(f.customer_id.as_deref()), f.region.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let dept = f.department;
    view! {
        <li class="feedback-item" data-testid="fb-item" data-status=status.code()>
            <p>
                <span class="badge" class:warn=status == FeedbackStatus::Open data-testid="fb-status">{move || status_label(i18n.lang(), status)}</span>" "
                <span class="badge">{move || department_label(i18n.lang(), dept)}</span>" "
                <strong>{f.topic.clone()}</strong>
            </p>
            <p class="pre-wrap">{f.text.clone()}</p>
            <p class="muted">{meta}</p>
            {f.follow_ups.iter().map(|u| view! {
                <p data-testid="fb-follow-up">"→ "<strong>{u.who.clone()}</strong>": "{u.answer.clone()}</p>
            }).collect_view()}
            {f.closing.as_ref().map(|c| {
                let by = customers.data.with_untracked(|d| d.name_of(&c.by));
                view! { <p class="muted" data-testid="fb-closed">{t(FMsg::CloseNote)}": "{c.note.clone()}" · "{by}</p> }
            })}
            <Show when=may_answer>
                <details class="reforward" data-testid="fb-answer-box">
                    <summary>{t(FMsg::RecordAnswer)}</summary>
                    <div class="grid-2">
                        {input(FMsg::Who, "fb-who", who, "text")}
                        {input(FMsg::Answer, "fb-answer", answer, "text")}
                    </div>
                    <div class="actions"><button type="button" class="primary" data-testid="fb-answer-save" on:click=send_answer>{t(FMsg::RecordAnswer)}</button></div>
                </details>
            </Show>
            <Show when=may_close.clone()>
                <div class="inline-form">
                    {input(FMsg::CloseNote, "fb-close-note", note, "text")}
                    <button type="button" data-testid="fb-close" on:click=close>{t(FMsg::Close)}</button>
                </div>
            </Show>
            {outcome(msg, "fb-item")}
        </li>
    }
}
