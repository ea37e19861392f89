use leptos::prelude::*;

use super::{customer_namer, outcome};
use crate::app::repairs::{can_keep_repairs, repair_board, step_repair_job, RepairRow};
use crate::domain::money::format_yuan;
use crate::domain::repair::{RepairJob, RepairStatus};
use crate::ui::i18n::aftersales::{kind_label, onsite_text, overdue_text, repair_status_label, FMsg};
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::load::load_on_change;
use crate::ui::state::platform::now_ms;

/// Repair and maintenance jobs, overdue first (team calendar), each with its customer's
/// on-site warranty (K2) and the next steps; only `customer`'s on a customer's page.
#[component]
pub fn RepairList(#[prop(optional)] customer: Option<String>, edit: RwSignal<Option<RepairJob>>) -> impl IntoView {
    let team = customer.is_none();
    let cust = StoredValue::new(customer);
    let rows = RwSignal::new(Vec::<RepairRow>::new());
    load_on_change(
        move |db| async move {
            let c = cust.try_get_value().flatten();
            repair_board(db.store(), now_ms(), c.as_deref()).await
        },
        move |all| {
            rows.try_set(all);
        },
    );
    let overdue_only = RwSignal::new(false);
    let shown =
        move || rows.with(|r| r.iter().filter(|r| !overdue_only.get() || r.overdue).cloned().collect::<Vec<_>>());
    view! {
        {team.then(|| view! {
            <div class="filters">
                <label class="check"><input type="checkbox" data-testid="rj-overdue-only" on:change=move |ev| overdue_only.set(event_target_checked(&ev)) /><span>{t(FMsg::OverdueOnly)}</span></label>
            </div>
        })}
        <Show when=move || !rows.with(Vec::is_empty) fallback=|| view! { <p class="muted">{t(FMsg::RjEmpty)}</p> }>
            <ul class="plain-list" data-testid="rj-list">
                {move || shown().into_iter().map(|row| view! { <RepairItem row edit show_customer=team /> }).collect_view()}
            </ul>
        </Show>
    }
}

#[component]
fn RepairItem(row: RepairRow, edit: RwSignal<Option<RepairJob>>, show_customer: bool) -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let customer_name = customer_namer();
    let msg = RwSignal::new(None::<(bool, String)>);
    let j = row.job.clone();
    let status = j.status();
    let id = StoredValue::new(j.id.clone());
    let next: Vec<RepairStatus> = RepairStatus::ALL.into_iter().filter(|s| j.may_step(*s).is_ok()).collect();
    let step = move |to: RepairStatus| {
        let jid = id.get_value();
        cmds.run(
            move |db, a| async move { step_repair_job(db.store(), &a, &jid, to, "").await },
            move |r| msg.set(r.err().map(|e| (false, command_error(i18n.lang(), &e)))),
        );
    };
    let may = move || cmds.can(can_keep_repairs);
    // Worded in the language shown now: a switch redraws it without a reload of the rows.
    let meta = {
        let j = j.clone();
        let who = if show_customer { customer_name(Some(&j.customer_id)) } else { String::new() };
        move || {
            let lang = i18n.lang();
            let promised = j.promised_on.map(|d| format!("{} {d}", FMsg::Promised.text(lang))).unwrap_or_default();
            let cost =
                j.cost_fen.map(|c| format!("{} ¥{}", FMsg::CostShort.text(lang), format_yuan(c))).unwrap_or_default();
            [
                who.clone(),
                format!("{} {}", FMsg::Reported.text(lang), j.reported_on),
                promised,
                j.assigned_to.clone(),
                cost,
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
        }
    };
    let kind = j.kind;
    let (overdue, late, onsite) = (row.overdue, row.working_days_late, row.onsite_years);
    let jv = StoredValue::new(j.clone());
    view! {
        <li class="repair-item" class:overdue=overdue data-testid="rj-item" data-status=format!("{status:?}").to_lowercase() data-overdue=overdue.to_string()>
            <p>
                <span class="badge">{move || kind_label(i18n.lang(), kind)}</span>" "
                <span class="badge" data-testid="rj-status">{move || repair_status_label(i18n.lang(), status)}</span>" "
                {overdue.then(|| view! { <span class="badge danger" data-testid="rj-overdue">{move || overdue_text(i18n.lang(), late)}</span> })}" "
                {(onsite > 0).then(|| view! { <span class="badge grade" data-testid="rj-onsite">{move || onsite_text(i18n.lang(), onsite)}</span> })}
            </p>
            <p><strong>{j.equipment.clone()}</strong>": "{j.problem.clone()}</p>
            <p class="muted">{meta}</p>
            <Show when=may>
                <div class="actions">
                    {next.iter().map(|&s| view! {
                        <button type="button" data-testid=format!("rj-step-{}", format!("{s:?}").to_lowercase()) on:click=move |_| step(s)>
                            {move || repair_status_label(i18n.lang(), s)}
                        </button>
                    }).collect_view()}
                    <button type="button" data-testid="rj-edit" on:click=move |_| edit.set(Some(jv.get_value()))>{t(FMsg::Edit)}</button>
                </div>
            </Show>
            {outcome(msg, "rj-item")}
        </li>
    }
}
