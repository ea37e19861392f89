use leptos::prelude::*;

use super::{input, outcome};
use crate::app::feedback::{raise_feedback, FeedbackDraft};
use crate::domain::feedback::Department;
use crate::ui::i18n::aftersales::{department_label, FMsg};
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;

/// Seed 000/003: report a customer need or a market observation to a department; from a
/// customer's page it is that customer's (its region prefilled).
#[component]
pub fn FeedbackForm(#[prop(optional)] customer: Option<String>, #[prop(optional)] region: String) -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let open = RwSignal::new(false);
    let (reg, topic, text, dept) = (
        RwSignal::new(region),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let msg = RwSignal::new(None::<(bool, String)>);
    let cust = StoredValue::new(customer);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        let d = FeedbackDraft {
            customer: cust.get_value(),
            region: reg.get_untracked(),
            topic: topic.get_untracked(),
            text: text.get_untracked(),
            department: Department::from_code(&dept.get_untracked()),
        };
        cmds.run(
            move |db, a| async move { raise_feedback(db.store(), &a, &d).await },
            move |r| match r {
                Ok(_) => {
                    topic.set(String::new());
                    text.set(String::new());
                    open.set(false);
                    msg.set(Some((true, FMsg::Saved.text(lang).to_owned())));
                }
                Err(e) => msg.set(Some((false, command_error(lang, &e)))),
            },
        );
    };
    view! {
        <Show when=move || open.get() fallback=move || view! {
            <button type="button" data-testid="fb-new" on:click=move |_| { open.set(true); msg.set(None); }>{t(FMsg::FbNew)}</button>
            {outcome(msg, "fb")}
        }>
            <form class="form" data-testid="fb-form" on:submit=save novalidate>
                <div class="grid-2">
                    <label class="field"><span>{t(FMsg::Department)}</span>
                        <select data-testid="fb-dept" prop:value=move || dept.get() on:change=move |ev| dept.set(event_target_value(&ev))>
                            <option value="">{t(FMsg::Choose)}</option>
                            {Department::ALL.into_iter().map(|d| view! { <option value=d.code()>{move || department_label(i18n.lang(), d)}</option> }).collect_view()}
                        </select>
                    </label>
                    {input(FMsg::Region, "fb-region", reg, "text")}
                </div>
                {input(FMsg::Topic, "fb-topic", topic, "text")}
                {input(FMsg::Text, "fb-text", text, "textarea")}
                {outcome(msg, "fb")}
                <div class="actions">
                    <button type="button" on:click=move |_| open.set(false)>{t(FMsg::Cancel)}</button>
                    <button type="submit" class="primary" data-testid="fb-save">{t(FMsg::Save)}</button>
                </div>
            </form>
        </Show>
    }
}
