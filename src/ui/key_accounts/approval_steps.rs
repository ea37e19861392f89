use leptos::prelude::*;

use crate::app::key_accounts::{can_decide_step, decide_key_account_step};
use crate::domain::approval::{Approval, ApprovalStatus, KeyAccountRoles, Step};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::customers::date_text;
use crate::ui::i18n::key_accounts::{status_code, status_label, step_label, KMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::widgets::verified_badge::VerifiedBadge;

/// K1/K3: the two-step trail of a request or evaluation — each decision with who, when
/// and on which device — and the next step's controls for the one who holds its role.
#[component]
pub fn ApprovalSteps(
    subject: String,
    approval: Approval,
    devices: Vec<String>,
    verified: Vec<bool>,
    roles: KeyAccountRoles,
) -> impl IntoView {
    let customers = use_customers();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let opinion = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let status = approval.status();
    let next = match status {
        ApprovalStatus::AwaitingReview => Some(Step::Review),
        ApprovalStatus::AwaitingApproval => Some(Step::Approve),
        _ => None,
    };
    let mine = next.is_some_and(|s| cmds.can(|a| can_decide_step(a, &roles, s)));
    let name_of = move |p: &str| customers.data.with_untracked(|d| d.name_of(p));
    // The command takes the next step (review, then approval) if the profile holds its role.
    let decide = move |pass: bool| {
        if next.is_none() {
            return;
        }
        let (subject, op) = (subject.clone(), opinion.get_untracked());
        error.set(None);
        cmds.run(
            move |db, a| async move { decide_key_account_step(db.store(), &a, &subject, &op, pass).await },
            move |r| error.set(r.err().map(|e| command_error(i18n.lang(), &e))),
        );
    };
    let d2 = decide.clone();
    view! {
        <div class="approval-steps" data-testid="ka-approval" data-status=status_code(status)>
            <span class="badge" data-testid="ka-status">{move || status_label(i18n.lang(), status)}</span>
            <ol class="history">
                {approval.decisions.iter().zip(devices.iter().map(Some).chain(std::iter::repeat(None))).enumerate().map(|(i, (d, dev))| {
                    let ok = verified.get(i).copied().unwrap_or(false);
                    let (step, who, at, op, passed) = (d.step, name_of(&d.by), d.at_ms, d.opinion.clone(), d.passed);
                    let dev = dev.cloned().unwrap_or_default();
                    let dev_attr = dev.clone();
                    // Device ids are long; eight characters tell tablets apart on screen.
                    let dev: String = dev.chars().take(8).collect();
                    view! {
                        <li data-testid="ka-decision" data-step=format!("{step:?}") data-by=d.by.clone() data-device=dev_attr>
                            {move || format!("{} · {} · {} · {} {} — ", step_label(i18n.lang(), step), who, date_text(i18n.lang(), at), KMsg::Device.text(i18n.lang()), dev)}
                            <strong>{move || if passed { KMsg::Pass.text(i18n.lang()) } else { KMsg::RejectIt.text(i18n.lang()) }}</strong>
                            ": "{op.clone()}" "
                            <VerifiedBadge verified=ok />
                        </li>
                    }
                }).collect_view()}
            </ol>
            {match (next, mine) {
                (Some(step), true) => view! {
                    <div class="approval">
                        <label class="field"><span>{move || step_label(i18n.lang(), step)}" — "{t(KMsg::Opinion)}</span>
                            <input type="text" data-testid="ka-opinion" prop:value=move || opinion.get() on:input=move |ev| opinion.set(event_target_value(&ev)) />
                        </label>
                        <div class="actions">
                            <button type="button" class="danger" data-testid="ka-reject" on:click=move |_| d2(false)>{t(KMsg::RejectIt)}</button>
                            <button type="button" class="primary" data-testid="ka-pass" on:click=move |_| decide(true)>{t(KMsg::Pass)}</button>
                        </div>
                    </div>
                }.into_any(),
                (Some(_), false) => view! { <p class="muted" data-testid="ka-not-yours">{t(KMsg::NotYourStep)}</p> }.into_any(),
                _ => ().into_any(),
            }}
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="ka-error">{e}</p> })}
        </div>
    }
}
