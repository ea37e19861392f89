use leptos::prelude::*;

use crate::ui::widgets::period_step::PeriodPicker;

use crate::app::reports::{can_see_team, is_reported};
use crate::app::trainings::{record_training, training_sheet, TrainingSheet};
use crate::domain::target::{Period, PeriodKind};
use crate::domain::training::{hours_text, parse_hours, Training};
use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::plans::PMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::load::load;
use crate::ui::state::session::use_db;
use crate::ui::state::sync_ctx::use_sync;

/// Seed 003 职责六: the training record — add a training attended (a manager for any
/// rep), the trainings of a period, and the hours per person.
#[component]
pub fn TrainingCard() -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let db = use_db();
    let sync = use_sync();
    let customers = use_customers();
    let feed = activity_feed();
    let today = move || feed.cal.with(|c| c.local_date(feed.now.get()));
    let kind = RwSignal::new(PeriodKind::Month);
    let period = RwSignal::new(None::<Period>);
    Effect::new(move |_| {
        if period.get_untracked().is_none() && feed.loaded.get() {
            period.set(Some(Period::containing(kind.get_untracked(), today())));
        }
    });
    let sheet = RwSignal::new(TrainingSheet::default());
    load(
        move || {
            sync.data_version.track();
            Some((period.get()?, cmds.actor()?))
        },
        move |(p, a)| {
            let db = db.clone();
            async move { training_sheet(db.store(), &a, p).await }
        },
        move |s| sheet.set(s),
    );
    let manager = move || cmds.can(can_see_team);
    let rep = RwSignal::new(String::new());
    let day = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let topic = RwSignal::new(String::new());
    let hours = RwSignal::new(String::new());
    let trainer = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let msg = RwSignal::new(None::<(bool, String)>);
    Effect::new(move |_| {
        if feed.loaded.get() && day.get_untracked().is_empty() {
            day.set(today().to_string());
        }
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        let Some(me) = cmds.actor().map(|a| a.profile) else { return };
        let Some(minutes) = parse_hours(&hours.get_untracked()) else {
            return msg.set(Some((false, PMsg::BadHours.text(lang).to_owned())));
        };
        let Ok(on) = day.get_untracked().parse() else {
            return msg.set(Some((false, PMsg::BadDay.text(lang).to_owned())));
        };
        let who = Some(rep.get_untracked()).filter(|r| !r.is_empty()).unwrap_or(me);
        let tr = Training {
            rep: who,
            day: on,
            title: title.get_untracked(),
            topic: topic.get_untracked(),
            minutes,
            trainer: trainer.get_untracked(),
            notes: notes.get_untracked(),
        };
        cmds.run(
            move |db, a| async move { record_training(db.store(), &a, &tr).await },
            move |r| {
                msg.set(Some(match r {
                    Ok(_) => {
                        for s in [title, topic, hours, trainer, notes] {
                            s.set(String::new());
                        }
                        (true, PMsg::Added.text(lang).to_owned())
                    }
                    Err(e) => (false, command_error(lang, &e)),
                }))
            },
        );
    };
    let field = move |label: PMsg, testid: &'static str, sig: RwSignal<String>| {
        view! {
            <label class="field"><span>{t(label)}</span>
                <input type="text" data-testid=testid prop:value=move || sig.get()
                    on:input=move |ev| { sig.set(event_target_value(&ev)); msg.set(None); } /></label>
        }
    };
    let name = move |id: &str| customers.data.with_untracked(|d| d.name_of(id));
    view! {
        <section class="card" data-testid="trainings">
            <h2>{t(PMsg::TrainTitle)}</h2>
            <p class="muted">{t(PMsg::TrainHint)}</p>
            <form class="form" data-testid="training-form" on:submit=add novalidate>
                <div class="grid-2">
                    <Show when=manager>
                        <label class="field"><span>{t(PMsg::Rep)}</span>
                            <select data-testid="training-rep" on:change=move |ev| rep.set(event_target_value(&ev))>
                                <option value="">"—"</option>
                                {move || customers.data.with(|d| d.people.iter().filter(|p| is_reported(p)).map(|p| {
                                    view! { <option value=p.id.clone()>{p.name.clone()}</option> }
                                }).collect_view())}
                            </select>
                        </label>
                    </Show>
                    <label class="field"><span>{t(PMsg::Day)}</span>
                        <input type="date" data-testid="training-day" prop:value=move || day.get()
                            on:input=move |ev| day.set(event_target_value(&ev)) /></label>
                    {field(PMsg::TrainTitleField, "training-title", title)}
                    {field(PMsg::Topic, "training-topic", topic)}
                    {field(PMsg::Hours, "training-hours", hours)}
                    {field(PMsg::Trainer, "training-trainer", trainer)}
                </div>
                {field(PMsg::Notes, "training-notes", notes)}
                {move || msg.get().map(|(ok, text)| if ok {
                    view! { <p class="ok" role="status" data-testid="training-saved">{text}</p> }.into_any()
                } else {
                    view! { <p class="error" role="alert" data-testid="training-error">{text}</p> }.into_any()
                })}
                <div class="actions"><button type="submit" class="primary" data-testid="training-add">{t(PMsg::Add)}</button></div>
            </form>
            <div class="target-controls">
                <PeriodPicker kinds=vec![PeriodKind::Year, PeriodKind::Quarter, PeriodKind::Month] kind period today=Signal::derive(today) id="training" label_id="training-period" />
            </div>
            <h3>{t(PMsg::HoursPerRep)}</h3>
            <ul class="plain-list" data-testid="training-hours-list">
                {move || sheet.with(|s| s.minutes.iter().map(|(r, m)| view! {
                    <li data-testid="training-hours-row" data-rep=r.clone() data-minutes=*m>{name(r)}": "{hours_text(*m)}" h"</li>
                }).collect_view())}
            </ul>
            <Show when=move || sheet.with(|s| s.records.is_empty())>
                <p class="muted">{t(PMsg::NoTrainings)}</p>
            </Show>
            <ul class="plain-list">
                {move || sheet.with(|s| s.records.iter().map(|e| {
                    let tr = &e.training;
                    let head = format!("{} · {} · {} · {} h", tr.day, name(&tr.rep), tr.title, hours_text(tr.minutes));
                    let more = [tr.topic.clone(), tr.trainer.clone(), tr.notes.clone()].into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" · ");
                    view! { <li data-testid="training-row"><strong>{head}</strong>{(!more.is_empty()).then(|| view! { <div class="muted">{more.clone()}</div> })}</li> }
                }).collect_view())}
            </ul>
        </section>
    }
}
