use leptos::prelude::*;

use crate::app::customers::{can_mark_problem, mark_problem};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::customers::CMsg;
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::state::command::Commands;

/// P5: whether the customer is a problem customer and why, for everyone; a manager marks
/// it (saying why) or clears the mark.
#[component]
pub fn ProblemMark(id: String) -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let cid = StoredValue::new(id);
    let mark = Memo::new(move |_| {
        ctx.data.with(|d| d.get(&cid.get_value()).map(|c| (c.rec.file.problem, c.rec.file.problem_note.clone())))
    });
    let is_manager = move || cmds.can(can_mark_problem);
    let editing = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let run = move |on: bool, note: String| {
        let c = cid.get_value();
        cmds.run(
            move |db, a| async move { mark_problem(db.store(), &a, &c, on, &note).await },
            move |r| match r {
                Err(e) if !e.is_unchanged() => error.set(Some(command_error(i18n.lang(), &e))),
                _ => {
                    error.set(None);
                    editing.set(false);
                    reason.set(String::new());
                }
            },
        );
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let note = reason.get_untracked();
        if note.trim().is_empty() {
            return missing.set(true);
        }
        missing.set(false);
        run(true, note);
    };
    let shown = move || mark.get().is_some_and(|(on, _)| on) || is_manager();
    view! {
        <Show when=shown>
            <section class="card problem-mark" data-testid="problem-mark">
                {move || mark.get().filter(|(on, _)| *on).map(|(_, note)| view! {
                    <p class="notice warn" data-testid="problem-note">
                        <span class="badge danger">{t(CMsg::ProblemCustomer)}</span>" "{note}
                    </p>
                })}
                <Show when=is_manager>
                    {move || {
                        let on = mark.get().is_some_and(|(on, _)| on);
                        if on {
                            view! {
                                <div class="actions">
                                    <button type="button" data-testid="problem-clear" on:click=move |_| run(false, String::new())>{t(CMsg::ClearProblem)}</button>
                                </div>
                            }.into_any()
                        } else if editing.get() {
                            view! {
                                <form class="form" data-testid="problem-form" on:submit=submit novalidate>
                                    <label class="field" class:invalid=move || missing.get()><span>{t(CMsg::ProblemReason)}</span>
                                        <textarea rows="2" data-testid="problem-reason" prop:value=move || reason.get()
                                            aria-invalid=move || missing.get().to_string()
                                            on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                                        <Show when=move || missing.get()><small class="error" role="alert" data-testid="problem-reason-error">{t(CMsg::ProblemReasonRequired)}</small></Show>
                                    </label>
                                    <div class="actions">
                                        <button type="button" on:click=move |_| editing.set(false)>{t(Msg::Cancel)}</button>
                                        <button type="submit" class="primary" data-testid="problem-save">{t(CMsg::MarkProblem)}</button>
                                    </div>
                                </form>
                            }.into_any()
                        } else {
                            view! {
                                <div class="actions">
                                    <button type="button" data-testid="problem-mark-open" on:click=move |_| editing.set(true)>{t(CMsg::MarkProblem)}</button>
                                </div>
                            }.into_any()
                        }
                    }}
                </Show>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </section>
        </Show>
    }
}
