use leptos::prelude::*;

use crate::app::sales_plans::{decide_plan, PlanView};
use crate::domain::sales_plan::SalesPlanStatus;
use crate::domain::target::Period;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::plans::{status_code, status_text, PMsg};
use crate::ui::i18n::targets::attainment_text;
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::reports::goal_bars::GoalBars;
use crate::ui::state::command::Commands;

/// The mean attainment of a plan's goals, basis points (each goal capped at 100 %).
fn mean_bp(v: &PlanView) -> i64 {
    let n = v.progress.len().max(1) as i64;
    v.progress.iter().map(|g| g.progress.attainment_bp.unwrap_or(0).min(10_000)).sum::<i64>() / n
}

/// V9: every rep's plan of the period for the manager — filtered by status, sorted by
/// rep, status or attainment — with approve and return (a comment) on waiting plans.
#[component]
pub fn TeamPlans(views: RwSignal<Vec<PlanView>>, period: RwSignal<Option<Period>>) -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let customers = use_customers();
    let filter = RwSignal::new(String::new());
    let sort = RwSignal::new(String::from("rep"));
    let rows = move || {
        let mut v: Vec<PlanView> = views.with(|v| {
            v.iter().filter(|p| filter.with(|f| f.is_empty() || f == status_code(p.status()))).cloned().collect()
        });
        match sort.get().as_str() {
            "status" => v.sort_by_key(|p| p.status()),
            "attainment" => v.sort_by_key(|p| std::cmp::Reverse(mean_bp(p))),
            _ => {}
        }
        v
    };
    let statuses = SalesPlanStatus::ALL
        .into_iter()
        .map(|s| view! { <option value=status_code(s)>{move || status_text(i18n.lang(), s)}</option> })
        .collect_view();
    view! {
        <h3>{t(PMsg::TeamPlans)}</h3>
        <div class="target-controls">
            <label class="field"><span>{t(PMsg::Status)}</span>
                <select data-testid="plans-filter" on:change=move |ev| filter.set(event_target_value(&ev))>
                    <option value="">{t(PMsg::AllStatuses)}</option>
                    {statuses}
                </select>
            </label>
            <label class="field"><span>{t(PMsg::SortBy)}</span>
                <select data-testid="plans-sort" on:change=move |ev| sort.set(event_target_value(&ev))>
                    <option value="rep">{t(PMsg::ByRep)}</option>
                    <option value="status">{t(PMsg::ByStatus)}</option>
                    <option value="attainment">{t(PMsg::ByAttainment)}</option>
                </select>
            </label>
        </div>
        <div class="table-wrap" tabindex="0" role="region" aria-label=t(Msg::TableRegion)>
            <table class="targets-table plans-table">
                <thead><tr>
                    <th>{t(PMsg::Rep)}</th><th>{t(PMsg::Status)}</th><th>{t(PMsg::Progress)}</th><th>{t(PMsg::ActionsShort)}</th>
                </tr></thead>
                <tbody>
                    <Show when=move || views.with(|v| v.is_empty())>
                        <tr><td colspan="4" class="muted">{t(PMsg::NoPlan)}</td></tr>
                    </Show>
                    <For each=rows key=|v| (v.plan.rep.clone(), v.plan.current().map(|c| c.id.clone()), v.status(), v.progress.clone().into_iter().map(|g| g.progress.actual).collect::<Vec<_>>()) let:v>
                        {
                            let status = v.status();
                            let versions = v.plan.versions.len();
                            let rep = v.plan.rep.clone();
                            let version = v.plan.current().map(|c| c.id.clone()).unwrap_or_default();
                            let lines = v.plan.current().map(|c| c.draft.action_lines()).unwrap_or_default();
                            let name = customers.data.with_untracked(|d| d.name_of(&rep));
                            let comment = RwSignal::new(String::new());
                            let msg = RwSignal::new(None::<(bool, String)>);
                            let decide = move |approve: bool| {
                                let (rep, version) = (rep.clone(), version.clone());
                                let Some(p) = period.get_untracked() else { return };
                                let c = comment.get_untracked();
                                let lang = i18n.lang();
                                cmds.run(
                                    move |db, a| async move { decide_plan(db.store(), &a, &rep, p, &version, approve, &c).await },
                                    move |r| msg.set(Some(match r {
                                        Ok(_) => (true, PMsg::Decided.text(lang).to_owned()),
                                        Err(e) => (false, command_error(lang, &e)),
                                    })),
                                );
                            };
                            let decide2 = decide.clone();
                            view! {
                                <tr data-testid="plan-row" data-rep=v.plan.rep.clone() data-status=status_code(status)>
                                    <td>{name}<div class="muted">{move || format!("{} {versions}", PMsg::Versions.text(i18n.lang()))}</div></td>
                                    <td><span class=format!("badge plan-{}", status_code(status))>{move || status_text(i18n.lang(), status)}</span>
                                        <div class="muted">{attainment_text(Some(mean_bp(&v)))}</div></td>
                                    <td class="plan-goals"><GoalBars lines=v.progress.clone() /></td>
                                    <td>
                                        <ul class="plain-list">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                                        {(status == SalesPlanStatus::Submitted).then(|| view! {
                                            <label class="field"><span>{t(PMsg::Comment)}</span>
                                                <input type="text" data-testid="plan-comment-input" prop:value=move || comment.get()
                                                    on:input=move |ev| comment.set(event_target_value(&ev)) /></label>
                                            <div class="actions">
                                                <button type="button" data-testid="plan-return" on:click=move |_| decide2(false)>{t(PMsg::Return)}</button>
                                                <button type="button" class="primary" data-testid="plan-approve" on:click=move |_| decide(true)>{t(PMsg::Approve)}</button>
                                            </div>
                                        })}
                                        {move || msg.get().map(|(ok, text)| if ok {
                                            view! { <p class="ok" role="status">{text}</p> }.into_any()
                                        } else {
                                            view! { <p class="error" role="alert" data-testid="plan-decide-error">{text}</p> }.into_any()
                                        })}
                                    </td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
    }
}
