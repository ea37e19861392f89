use leptos::prelude::*;

use crate::app::activities::{advance_project, edit_project, start_project};
use crate::domain::money::{format_yuan, parse_yuan};
use crate::domain::project::{
    check_transition, default_bid_checklist, KeyDate, Milestone, MilestoneKind, Project, ProjectError, ProjectStage,
};
use crate::storage::projects::ProjectRecord;
use crate::ui::activities::activity_feed::{activity_feed, ActivityFeed};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::activities::{
    checklist_label, day_text, days_left_text, milestone_label, project_stage_label, AMsg,
};
use crate::ui::i18n::customers::date_text;
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::state::command::Commands;
use crate::ui::state::platform::{new_id, now_ms};

const STAGES: [ProjectStage; 5] = [
    ProjectStage::PreliminaryDesign,
    ProjectStage::Bidding,
    ProjectStage::DetailedDesign,
    ProjectStage::StockingExecution,
    ProjectStage::Acceptance,
];

fn stage_code(s: ProjectStage) -> String {
    format!("{s:?}")
}

fn stage_from(code: &str) -> Option<ProjectStage> {
    STAGES.into_iter().find(|s| stage_code(*s) == code)
}

/// Noon team time on `day`: the team-local date of the instant is `day` in any zone.
fn noon_ms(feed: ActivityFeed, day: chrono::NaiveDate) -> i64 {
    let off = feed.cal.with_untracked(|c| c.utc_offset_minutes);
    day.and_hms_opt(12, 0, 0).map(|t| t.and_utc().timestamp_millis()).unwrap_or(0) - i64::from(off) * 60_000
}

/// A customer's projects (J1–J3): stage moved forward with its history, key dates, the
/// bid deadline with the authorisation and bid documents due two days before it (J2).
/// `customer: None` lists every project (the Activities page's tab).
#[component]
pub fn ProjectsCard(customer: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let feed = activity_feed();
    let cmds = Commands::new();
    let filter = customer.clone();
    let projects = Memo::new(move |_| {
        feed.data.with(|d| {
            d.projects
                .iter()
                .filter(|p| filter.as_ref().is_none_or(|c| &p.project.customer_id == c))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // New project form (on a customer only).
    let name = RwSignal::new(String::new());
    let start = RwSignal::new(stage_code(ProjectStage::PreliminaryDesign));
    let deadline = RwSignal::new(String::new());
    let name_err = RwSignal::new(false);
    let adding = RwSignal::new(false);
    let new_customer = customer.clone();
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(cid) = new_customer.clone() else {
            return;
        };
        let n = name.get_untracked().trim().to_owned();
        if n.is_empty() {
            return name_err.set(true);
        }
        name_err.set(false);
        let bid = deadline.get_untracked().parse::<chrono::NaiveDate>().ok().map(|d| noon_ms(feed, d));
        let p = Project {
            id: new_id(),
            customer_id: cid,
            name: n,
            bid_deadline_ms: bid,
            key_dates: vec![],
            bid_checklist: default_bid_checklist(),
            milestones: vec![],
        };
        let stage = stage_from(&start.get_untracked()).unwrap_or(ProjectStage::PreliminaryDesign);
        cmds.run(
            move |db, a| async move { start_project(db.store(), &a, &p, stage).await },
            move |r| {
                if r.is_ok() {
                    name.set(String::new());
                    deadline.set(String::new());
                    adding.set(false);
                }
            },
        );
    };
    let on_customer = customer.is_some();
    view! {
        <section class="card projects" data-testid="projects-card">
            <h2>{t(AMsg::Projects)}</h2>
            {move || {
                let v = projects.get();
                if v.is_empty() {
                    return view! { <p class="muted" data-testid="projects-empty">{t(AMsg::NoProjects)}</p> }.into_any();
                }
                v.into_iter().map(|rec| view! { <ProjectRow rec=rec show_customer=!on_customer cmds=cmds feed=feed /> }).collect_view().into_any()
            }}
            {on_customer.then(|| view! {
                <Show when=move || !adding.get() fallback=move || view! {
                    <form class="form" data-testid="project-form" on:submit=create.clone() novalidate>
                        <h3>{t(AMsg::NewProject)}</h3>
                        <div class="grid-2">
                            <label class="field"><span>{t(AMsg::ProjectName)}</span>
                                <input type="text" data-testid="project-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                                {move || name_err.get().then(|| view! { <small class="error" role="alert" data-testid="project-name-error">{t(AMsg::ErrProjectName)}</small> })}
                            </label>
                            <label class="field"><span>{t(AMsg::StartStage)}</span>
                                <select data-testid="project-stage" prop:value=move || start.get() on:change=move |ev| start.set(event_target_value(&ev))>
                                    {STAGES.into_iter().map(|s| view! { <option value=stage_code(s)>{move || project_stage_label(i18n.lang(), s)}</option> }).collect_view()}
                                </select>
                            </label>
                            <label class="field"><span>{t(AMsg::BidDeadline)}</span>
                                <input type="date" data-testid="project-deadline" prop:value=move || deadline.get() on:input=move |ev| deadline.set(event_target_value(&ev)) />
                            </label>
                        </div>
                        <div class="actions">
                            <button type="button" on:click=move |_| adding.set(false)>{t(Msg::Cancel)}</button>
                            <button type="submit" class="primary" data-testid="project-create">{t(AMsg::CreateProject)}</button>
                        </div>
                    </form>
                }>
                    <button type="button" data-testid="project-add" on:click=move |_| adding.set(true)>{t(AMsg::NewProject)}</button>
                </Show>
            })}
        </section>
    }
}

#[component]
fn ProjectRow(rec: ProjectRecord, show_customer: bool, cmds: Commands, feed: ActivityFeed) -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    let p = rec.project.clone();
    let closed = rec.closed;
    let current = rec.stages.current;
    let docs = p.bid_docs(&feed.cal.get_untracked(), feed.now.get_untracked());
    let customer_name =
        ctx.data.with_untracked(|d| d.get(&p.customer_id).map(|c| c.rec.file.name.clone()).unwrap_or_default());
    let next = RwSignal::new(String::new());
    let kd_label = RwSignal::new(String::new());
    let kd_on = RwSignal::new(String::new());
    let kd_err = RwSignal::new(false);

    let pid = p.id.clone();
    let advance = move |_| {
        let Some(to) = stage_from(&next.get_untracked()) else {
            return;
        };
        if check_transition(current, to).is_err() {
            return;
        }
        let pid = pid.clone();
        cmds.run(
            move |db, a| async move { advance_project(db.store(), &a, &pid, to).await },
            move |_| next.set(String::new()),
        );
    };
    // Edits start from the project as stored at the moment of the tap, not as this row
    // was drawn: two quick taps must not overwrite each other.
    let pid_now = p.id.clone();
    let current_of = move || {
        feed.data.with_untracked(|d| {
            d.projects.iter().find(|r| r.project.id == pid_now).map(|r| (r.project.clone(), r.closed))
        })
    };
    let cur = current_of.clone();
    let toggle = move |i: usize, ready: bool| {
        let Some((old, closed)) = cur() else { return };
        let mut new = old.clone();
        if let Some(item) = new.bid_checklist.get_mut(i) {
            item.ready = ready;
        }
        let id = old.id.clone();
        cmds.run(
            move |db, a| async move { edit_project(db.store(), &a, &id, Some(closed), |p| *p = new).await },
            |_| {},
        );
    };
    let cur = current_of.clone();
    let add_date = move |_| {
        let (label, on) =
            (kd_label.get_untracked().trim().to_owned(), kd_on.get_untracked().parse::<chrono::NaiveDate>());
        let Ok(on) = on else { return kd_err.set(true) };
        if label.is_empty() {
            return kd_err.set(true);
        }
        kd_err.set(false);
        let Some((old, closed)) = cur() else { return };
        let mut new = old.clone();
        new.key_dates.push(KeyDate { label, on });
        new.key_dates.sort_by_key(|k| k.on);
        let id = old.id.clone();
        cmds.run(
            move |db, a| async move { edit_project(db.store(), &a, &id, Some(closed), |p| *p = new).await },
            move |_| {
                kd_label.set(String::new());
                kd_on.set(String::new());
            },
        );
    };
    // J3: one milestone changed; refused (and worded) when the milestones would break J3.
    let ms_err = RwSignal::new(None::<ProjectError>);
    let cur = current_of.clone();
    let set_milestone = move |kind: MilestoneKind, edit: std::rc::Rc<dyn Fn(&mut Milestone)>| {
        let Some((old, closed)) = cur() else { return };
        let mut new = old.clone();
        let idx = match new.milestones.iter().position(|m| m.kind == kind) {
            Some(i) => i,
            None => {
                new.milestones.push(Milestone { kind, planned_on: None, done_ms: None, amount_fen: None });
                new.milestones.len() - 1
            }
        };
        edit(&mut new.milestones[idx]);
        if let Err(e) = new.check_milestones() {
            return ms_err.set(Some(e));
        }
        ms_err.set(None);
        let id = old.id.clone();
        cmds.run(
            move |db, a| async move { edit_project(db.store(), &a, &id, Some(closed), |p| *p = new).await },
            |_| {},
        );
    };
    let late_ms = p.late_milestones(&feed.cal.get_untracked(), feed.now.get_untracked());
    let milestones = p.milestones.clone();
    let cur = current_of.clone();
    let close = move |_| {
        let Some((old, closed)) = cur() else { return };
        let id = old.id.clone();
        cmds.run(move |db, a| async move { edit_project(db.store(), &a, &id, Some(!closed), |_| {}).await }, |_| {});
    };
    let later: Vec<ProjectStage> = STAGES.into_iter().filter(|s| current.is_none_or(|c| *s > c)).collect();
    let deadline = p.bid_deadline_ms;
    view! {
        <article class="project-row" class:closed=closed data-testid="project-row" data-stage=current.map(stage_code).unwrap_or_default()>
            <header class="row-head">
                <strong data-testid="project-title">{p.name.clone()}</strong>
                {show_customer.then(|| view! { <a href=format!("#/customers/{}", p.customer_id)>{customer_name.clone()}</a> })}
                {current.map(|s| view! { <span class="badge stage" data-testid="project-current">{move || project_stage_label(i18n.lang(), s)}</span> })}
                {closed.then(|| view! { <span class="badge">{t(AMsg::Closed)}</span> })}
            </header>
            {deadline.map(|d| view! { <p><span class="label">{t(AMsg::BidDeadline)}": "</span>{move || date_text(i18n.lang(), d)}</p> })}
            {docs.map(|s| {
                let (due, left, late, missing) = (s.due_on, s.days_left, s.not_ready, s.missing.len());
                view! {
                    <div class="bid-docs" data-testid="bid-docs" data-due=due.to_string() data-late=late.to_string() data-missing=missing.to_string()>
                        <p><span class="label">{t(AMsg::BidDocs)}</span></p>
                        <p>{t(AMsg::BidDocsDue)}" "{move || day_text(i18n.lang(), due)}" · "{move || days_left_text(i18n.lang(), left)}
                            {late.then(|| view! { " " <span class="badge danger" data-testid="bid-docs-late">{t(AMsg::BidDocsLate)}</span> })}</p>
                        {p.bid_checklist.iter().enumerate().map(|(i, item)| {
                            let toggle = toggle.clone();
                            let label = item.label.clone();
                            view! {
                                <label class="check" data-testid="bid-item">
                                    <input type="checkbox" prop:checked=item.ready on:change=move |ev| toggle(i, event_target_checked(&ev)) />
                                    <span>{move || checklist_label(i18n.lang(), &label)}</span>
                                </label>
                            }
                        }).collect_view()}
                    </div>
                }
            })}
            <div class="key-dates">
                <p class="label">{t(AMsg::KeyDates)}</p>
                <ul class="plain-list">
                    {p.key_dates.iter().cloned().map(|k| view! { <li data-testid="key-date">{move || day_text(i18n.lang(), k.on)}" · "{k.label.clone()}</li> }).collect_view()}
                </ul>
                <div class="decide">
                    <label class="field compact grow"><span>{t(AMsg::Label)}</span>
                        <input type="text" data-testid="key-date-label" prop:value=move || kd_label.get() on:input=move |ev| kd_label.set(event_target_value(&ev)) />
                    </label>
                    <label class="field compact"><span>{t(AMsg::Date)}</span>
                        <input type="date" data-testid="key-date-on" prop:value=move || kd_on.get() on:input=move |ev| kd_on.set(event_target_value(&ev)) />
                    </label>
                    <button type="button" data-testid="key-date-add" on:click=add_date>{t(AMsg::AddKeyDate)}</button>
                </div>
                {move || kd_err.get().then(|| view! { <small class="error" role="alert">{t(AMsg::ErrKeyDate)}</small> })}
            </div>
            {(!closed && !later.is_empty()).then(|| view! {
                <div class="decide">
                    <label class="field compact"><span>{t(AMsg::MoveTo)}</span>
                        <select data-testid="project-next" on:change=move |ev| next.set(event_target_value(&ev))>
                            <option value="">"—"</option>
                            {later.into_iter().map(|s| view! { <option value=stage_code(s)>{move || project_stage_label(i18n.lang(), s)}</option> }).collect_view()}
                        </select>
                    </label>
                    <button type="button" class="primary" data-testid="project-move" on:click=advance>{t(AMsg::Move)}</button>
                </div>
            })}
            <details class="milestones" data-testid="milestones" open=!milestones.is_empty()>
                <summary>{t(AMsg::Milestones)}</summary>
                {[MilestoneKind::Contract, MilestoneKind::AdvancePayment, MilestoneKind::EarlyStocking, MilestoneKind::EarlyFinalPayment].into_iter().map(|kind| {
                    let m = milestones.iter().find(|m| m.kind == kind).cloned();
                    let payment = matches!(kind, MilestoneKind::AdvancePayment | MilestoneKind::EarlyFinalPayment);
                    let late = late_ms.contains(&kind);
                    let (s1, s2, s3) = (set_milestone.clone(), set_milestone.clone(), set_milestone.clone());
                    let planned = m.as_ref().and_then(|m| m.planned_on).map(|d| d.to_string()).unwrap_or_default();
                    let amount = m.as_ref().and_then(|m| m.amount_fen).map(format_yuan).unwrap_or_default();
                    let done = m.as_ref().is_some_and(|m| m.done_ms.is_some());
                    view! {
                        <div class="milestone" data-testid="milestone" data-kind=format!("{kind:?}") data-done=done.to_string()>
                            <strong>{move || milestone_label(i18n.lang(), kind)}</strong>
                            {late.then(|| view! { <span class="badge warn">{t(AMsg::Late)}</span> })}
                            <label class="field compact"><span>{t(AMsg::PlannedOn)}</span>
                                <input type="date" data-testid="milestone-planned" prop:value=planned
                                    on:change=move |ev| { let d = event_target_value(&ev).parse().ok(); s1(kind, std::rc::Rc::new(move |m: &mut Milestone| m.planned_on = d)) } />
                            </label>
                            {payment.then(|| view! {
                                <label class="field compact"><span>{t(AMsg::AmountYuan)}</span>
                                    <input type="text" inputmode="decimal" data-testid="milestone-amount" prop:value=amount.clone()
                                        on:change=move |ev| { let a = parse_yuan(&event_target_value(&ev)).ok(); s2(kind, std::rc::Rc::new(move |m: &mut Milestone| m.amount_fen = a)) } />
                                </label>
                            })}
                            <label class="check">
                                <input type="checkbox" data-testid="milestone-done" prop:checked=done
                                    on:change=move |ev| { let on = event_target_checked(&ev); let at = now_ms(); s3(kind, std::rc::Rc::new(move |m: &mut Milestone| m.done_ms = on.then_some(at))) } />
                                <span>{t(AMsg::Done)}</span>
                            </label>
                        </div>
                    }
                }).collect_view()}
                {move || ms_err.get().map(|e| view! { <p class="error" role="alert" data-testid="milestone-error">{move || match e {
                    ProjectError::BeforeContract(_) => t(AMsg::ErrBeforeContract)(),
                    _ => t(AMsg::ErrAmount)(),
                }}</p> })}
            </details>
            <details class="history" data-testid="project-history">
                <summary>{t(AMsg::StageHistory)}" ("{rec.stages.history.len()}")"</summary>
                <ol class="plain-list">
                    {rec.stages.history.iter().cloned().map(|c| {
                        let who = ctx.data.with_untracked(|d| d.name_of(&c.by));
                        view! { <li data-testid="project-history-item">{move || project_stage_label(i18n.lang(), c.stage)}" · "{move || date_text(i18n.lang(), c.at_ms)}" · "{who.clone()}</li> }
                    }).collect_view()}
                </ol>
            </details>
            <div class="actions">
                <button type="button" data-testid="project-close" on:click=close>{move || if closed { t(AMsg::Reopen)() } else { t(AMsg::CloseProject)() }}</button>
            </div>
        </article>
    }
}
