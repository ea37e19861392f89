use leptos::prelude::*;

use crate::app::activities::save_diary;
use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::activities::{kind_label, stage_label, AMsg};
use crate::ui::i18n::{t, use_i18n, Lang};
use crate::ui::state::command::Commands;
use crate::ui::state::session::use_session;

/// The rep's work diary for a day (V9): the day's activities listed, the diary text
/// prefilled from them until the rep writes their own, open questions one per line, and
/// improvements. One synced document per rep and day.
#[component]
pub fn WorkDiary() -> impl IntoView {
    let ctx = use_customers();
    let session = use_session();
    let i18n = use_i18n();
    let feed = activity_feed();
    let cmds = Commands::new();
    let me = move || session.current.get().unwrap_or_default();
    let day = RwSignal::new(String::new());
    Effect::new(move |_| {
        if feed.loaded.get() && day.get_untracked().is_empty() {
            day.set(feed.cal.with(|c| c.local_date(feed.now.get())).to_string());
        }
    });
    let the_day = move || day.get().parse::<chrono::NaiveDate>().ok();
    let acts = Memo::new(move |_| {
        let (me, d, cal) = (me(), the_day(), feed.cal.get());
        let mut v: Vec<_> = feed.data.with(|x| {
            x.activities.iter().filter(|a| a.rep == me && Some(cal.local_date(a.at_ms)) == d).cloned().collect()
        });
        v.sort_by_key(|a| a.at_ms);
        v
    });
    let stored = Memo::new(move |_| {
        let (me, d) = (me(), the_day());
        feed.data.with(|x| x.diaries.iter().find(|y| y.rep == me && y.day == d).cloned())
    });
    let summary = move |lang: Lang| -> String {
        let off = feed.cal.with_untracked(|c| c.utc_offset_minutes);
        acts.get()
            .iter()
            .map(|a| {
                let time = chrono::DateTime::from_timestamp_millis(a.at_ms + i64::from(off) * 60_000)
                    .map(|t| t.format("%H:%M").to_string())
                    .unwrap_or_default();
                let customer = ctx
                    .data
                    .with_untracked(|d| d.get(&a.customer_id).map(|c| c.rec.file.name.clone()).unwrap_or_default());
                let mut line = format!("{time} {} {customer}", kind_label(lang, a.kind));
                if let Some(p) = a.people_met.first() {
                    line.push_str(&format!(" — {}", p.name));
                }
                if let Some(s) = a.visit_stage {
                    line.push_str(&format!(" ({})", stage_label(lang, s)));
                }
                if !a.needs.is_empty() {
                    line.push_str(&format!(": {}", a.needs));
                }
                line
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let text = RwSignal::new(String::new());
    let questions = RwSignal::new(String::new());
    let improvements = RwSignal::new(String::new());
    let dirty = RwSignal::new(false);
    let saved = RwSignal::new(false);
    // What is stored (or, with nothing stored, the day's activities) fills the form
    // until the rep types; typing is never overwritten by a sync.
    Effect::new(move |_| {
        let s = stored.get();
        let lang = i18n.lang();
        if dirty.get_untracked() {
            return;
        }
        match s {
            Some(d) => {
                text.set(d.text);
                questions.set(d.open_questions);
                improvements.set(d.improvements);
            }
            None => {
                text.set(summary(lang));
                questions.set(String::new());
                improvements.set(String::new());
            }
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(d) = the_day() else { return };
        let (tx, qs, im) = (text.get_untracked(), questions.get_untracked(), improvements.get_untracked());
        let old = stored.get_untracked();
        cmds.run(
            move |db, a| async move { save_diary(db.store(), &a, old.as_ref(), d, &tx, &qs, &im).await },
            move |r| {
                if r.is_ok() || r.as_ref().is_err_and(|e| e.is_unchanged()) {
                    dirty.set(false);
                    saved.set(true);
                }
            },
        );
    };
    let edit = move |s: RwSignal<String>| {
        move |ev: leptos::ev::Event| {
            s.set(event_target_value(&ev));
            dirty.set(true);
            saved.set(false);
        }
    };
    view! {
        <form class="card form no-print" data-testid="work-diary" on:submit=save novalidate>
            <h2>{t(AMsg::Diary)}</h2>
            <label class="field compact"><span>{t(AMsg::DiaryDay)}</span>
                <input type="date" data-testid="diary-day" prop:value=move || day.get()
                    on:input=move |ev| { day.set(event_target_value(&ev)); dirty.set(false); saved.set(false); } />
            </label>
            <h3>{t(AMsg::DayActivities)}" ("{move || acts.get().len()}")"</h3>
            <label class="field"><span>{t(AMsg::DiaryText)}</span>
                <textarea rows="6" data-testid="diary-text" prop:value=move || text.get() on:input=edit(text)></textarea>
            </label>
            <label class="field"><span>{t(AMsg::OpenQuestions)}</span>
                <textarea rows="3" data-testid="diary-questions" prop:value=move || questions.get() on:input=edit(questions)></textarea>
            </label>
            <label class="field"><span>{t(AMsg::Improvements)}</span>
                <textarea rows="2" data-testid="diary-improvements" prop:value=move || improvements.get() on:input=edit(improvements)></textarea>
            </label>
            <div class="actions">
                <Show when=move || saved.get()><span class="ok" role="status" data-testid="diary-saved">{t(AMsg::DiarySaved)}</span></Show>
                <button type="submit" class="primary" data-testid="diary-save">{t(AMsg::SaveDiary)}</button>
            </div>
        </form>
    }
}
