use std::collections::BTreeSet;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::app::settings::save_calendar;
use crate::domain::calendar::{parse_date_list, CalendarError, TeamCalendar};
use crate::storage::settings::load_calendar;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::{bad_date_line, t, use_i18n, Lang, Msg};
use crate::ui::state::command::Commands;
use crate::ui::state::load::load;
use crate::ui::state::session::use_db;

/// UTC offsets offered, in minutes: every whole hour plus the half/quarter hours in use.
const OFFSETS: &[i32] = &[
    -720, -660, -600, -570, -540, -480, -420, -360, -300, -240, -210, -180, -120, -60, 0, 60, 120, 180, 210, 240, 270,
    300, 330, 345, 360, 390, 420, 480, 525, 540, 570, 600, 630, 660, 720, 765, 780, 840,
];

fn offset_label(m: i32) -> String {
    let sign = if m < 0 { '-' } else { '+' };
    format!("UTC{sign}{:02}:{:02}", m.abs() / 60, m.abs() % 60)
}

fn dates_text(d: &BTreeSet<NaiveDate>) -> String {
    d.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Saved,
    Failed(String),
}

fn error_text(lang: Lang, e: &CalendarError) -> String {
    match e {
        CalendarError::BadDate { line, text } => bad_date_line(lang, *line, text),
        other => other.to_string(),
    }
}

/// The team's time zone, holidays and make-up working days (used by V5, C6, A1 deadlines).
#[component]
pub fn CalendarSettings() -> impl IntoView {
    let db = use_db();
    let cmds = Commands::new();
    let i18n = use_i18n();
    let offset = RwSignal::new(480);
    let holidays = RwSignal::new(String::new());
    let makeup = RwSignal::new(String::new());
    let status = RwSignal::new(Status::Idle);
    let base = RwSignal::new(TeamCalendar::default());
    // Read once: a sync arriving while the form is edited must not overwrite it.
    load(
        || Some(()),
        move |()| {
            let db = db.clone();
            async move { load_calendar(db.store()).await }
        },
        move |cal| {
            offset.try_set(cal.utc_offset_minutes);
            holidays.try_set(dates_text(&cal.holidays));
            makeup.try_set(dates_text(&cal.makeup_days));
            base.try_set(cal);
        },
    );
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        let mut cal = base.get_untracked();
        let parsed = (|| {
            cal.set_utc_offset_minutes(offset.get_untracked())?;
            cal.holidays = parse_date_list(&holidays.get_untracked())?;
            cal.makeup_days = parse_date_list(&makeup.get_untracked())?;
            Ok::<_, CalendarError>(())
        })();
        if let Err(e) = parsed {
            return status.set(Status::Failed(error_text(lang, &e)));
        }
        let saved = cal.clone();
        cmds.run(
            move |db, a| async move { save_calendar(db.store(), &a, &cal).await },
            move |r| match r {
                Ok(_) => {
                    base.set(saved);
                    status.set(Status::Saved);
                }
                Err(e) if e.is_unchanged() => status.set(Status::Saved),
                Err(e) => status.set(Status::Failed(command_error(lang, &e))),
            },
        );
    };
    let options =
        OFFSETS.iter().map(|m| view! { <option value=m.to_string()>{offset_label(*m)}</option> }).collect_view();
    view! {
        <form class="card form" data-testid="calendar-settings" on:submit=save novalidate>
            <h2>{t(Msg::SettingsCalendar)}</h2>
            <label class="field">
                <span>{t(Msg::CalendarTz)}</span>
                <select
                    data-testid="team-tz"
                    prop:value=move || offset.get().to_string()
                    on:change=move |ev| {
                        if let Ok(m) = event_target_value(&ev).parse() {
                            offset.set(m);
                        }
                    }
                >
                    {options}
                </select>
            </label>
            <div class="grid-2">
                <label class="field">
                    <span>{t(Msg::CalendarHolidays)}</span>
                    <textarea
                        data-testid="calendar-holidays"
                        placeholder="2026-10-01"
                        prop:value=move || holidays.get()
                        on:input=move |ev| {
                            holidays.set(event_target_value(&ev));
                            status.set(Status::Idle);
                        }
                    ></textarea>
                </label>
                <label class="field">
                    <span>{t(Msg::CalendarMakeup)}</span>
                    <textarea
                        data-testid="calendar-makeup"
                        placeholder="2026-10-10"
                        prop:value=move || makeup.get()
                        on:input=move |ev| {
                            makeup.set(event_target_value(&ev));
                            status.set(Status::Idle);
                        }
                    ></textarea>
                </label>
            </div>
            {move || match status.get() {
                Status::Idle => ().into_any(),
                Status::Saved => view! { <p class="ok" role="status" data-testid="calendar-status">{t(Msg::CalendarSaved)}</p> }.into_any(),
                Status::Failed(e) => view! { <p class="error" role="alert" data-testid="calendar-error">{e}</p> }.into_any(),
            }}
            <div class="actions">
                <button type="submit" class="primary" data-testid="calendar-save">{t(Msg::CalendarSave)}</button>
            </div>
        </form>
    }
}
