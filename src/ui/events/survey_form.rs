use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::app::events::answer_survey;
use crate::ui::events::events_ctx::use_events;
use crate::ui::events::participant_picker::ParticipantPicker;
use crate::ui::i18n::events::EMsg;
use crate::ui::i18n::t;
use crate::ui::state::command::Commands;

/// **E5** The questionnaire on the kiosk: the team's questions, each rated 1–5; the
/// participant may be named or left anonymous.
#[component]
pub fn SurveyForm(event: String) -> impl IntoView {
    let ctx = use_events();
    let who = RwSignal::new(None::<String>);
    let ratings = RwSignal::new(BTreeMap::<String, u8>::new());
    let thanks = RwSignal::new(false);
    let eid = event.clone();
    let questions = Memo::new(move |_| ctx.get(&eid).map(|r| r.questions).unwrap_or_default());
    let ev = StoredValue::new(event.clone());
    let cmds = Commands::new();
    let submit = move |_| {
        let rs = ratings.get_untracked();
        if rs.is_empty() {
            return;
        }
        let (e, w) = (ev.get_value(), who.get_untracked().unwrap_or_default());
        cmds.run(
            move |db, a| async move { answer_survey(db.store(), &a, &e, &w, &rs).await },
            move |r| {
                if r.is_ok() {
                    ratings.set(BTreeMap::new());
                    who.set(None);
                    thanks.set(true);
                }
            },
        );
    };
    view! {
        <section class="card form" data-testid="survey">
            <h2>{t(EMsg::SurveyTitle)}</h2>
            {move || thanks.get().then(|| view! { <p class="ok big" role="status" data-testid="survey-thanks">{t(EMsg::Thanks)}</p> })}
            <Show when=move || !questions.with(Vec::is_empty) fallback=|| view! { <p class="muted" data-testid="survey-empty">{t(EMsg::NoQuestions)}</p> }>
                <ParticipantPicker event=ev.get_value() selected=who />
                {move || questions.get().into_iter().map(|q| {
                    let qk = q.clone();
                    view! {
                        <div class="question" data-testid="survey-question">
                            <p>{q.clone()}</p>
                            <div class="stars" role="radiogroup" aria-label=q.clone()>
                                {(1u8..=5).map(|n| {
                                    let (k1, k2) = (qk.clone(), qk.clone());
                                    view! {
                                        <button type="button" class="star" data-testid="survey-rate" data-value=n
                                            class:active=move || ratings.with(|r| r.get(&k1).is_some_and(|v| *v >= n))
                                            on:click=move |_| { thanks.set(false); ratings.update(|r| { r.insert(k2.clone(), n); }); }>{n}</button>
                                    }
                                }).collect_view()}
                            </div>
                        </div>
                    }
                }).collect_view()}
                <div class="actions"><button type="button" class="primary big" data-testid="survey-submit" disabled=move || ratings.with(BTreeMap::is_empty) on:click=submit>{move || t(EMsg::Submit)()}</button></div>
            </Show>
        </section>
    }
}
