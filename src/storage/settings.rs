//! Team settings. The working-day calendar (holidays, make-up days, time zone — used by
//! V5, C6, A1 and the pool's month arithmetic) is one synced document, so every tablet
//! of the team counts the same working days. Each part is its own field: one manager
//! adding a holiday and another changing the time zone offline both keep their edit.
//!
//! Builds before the calendar synced kept it in the device's `settings` store; that copy
//! is still read until the team saves a calendar.

use serde_json::Value;

use super::codec::{FieldProblem, ProblemReason, Reader};
use super::customers::Author;
use super::{get_typed, put_typed, RecordStore, StorageError, StoreName};
use crate::domain::calendar::TeamCalendar;
use crate::record::replica::{Document, Replica};

const CALENDAR_KEY: &str = "calendar";
pub const TEAM_CALENDAR_ID: &str = "team:calendar";
pub const TEAM_CALENDAR_KIND: &str = "team_calendar";

fn fields(cal: &TeamCalendar) -> Vec<(&'static str, Value)> {
    vec![
        ("weekend", serde_json::to_value(&cal.weekend).unwrap_or_default()),
        ("holidays", serde_json::to_value(&cal.holidays).unwrap_or_default()),
        ("makeup_days", serde_json::to_value(&cal.makeup_days).unwrap_or_default()),
        ("utc_offset_minutes", Value::from(cal.utc_offset_minutes)),
    ]
}

/// The calendar a team document describes; a missing or unreadable part keeps `base`'s.
pub fn calendar_from_doc(doc: &Document, base: TeamCalendar) -> TeamCalendar {
    calendar_restored(doc, base, &mut Vec::new())
}

/// [`calendar_from_doc`], adding the fields that could not be read to `problems`. Not a
/// [`Codec`](super::codec::Codec): a part missing here keeps `base`'s, not a default.
pub fn calendar_restored(doc: &Document, base: TeamCalendar, problems: &mut Vec<FieldProblem>) -> TeamCalendar {
    let mut r = Reader::of_doc(doc);
    let mut cal = TeamCalendar {
        weekend: r.value("weekend").unwrap_or(base.weekend),
        holidays: r.value("holidays").unwrap_or(base.holidays),
        makeup_days: r.value("makeup_days").unwrap_or(base.makeup_days),
        utc_offset_minutes: base.utc_offset_minutes,
    };
    if let Some(m) = r.opt_int("utc_offset_minutes") {
        // An out-of-range offset (a forged or damaged document) keeps the previous one.
        if i32::try_from(m).ok().and_then(|m| cal.set_utc_offset_minutes(m).ok()).is_none() {
            r.problem("utc_offset_minutes", ProblemReason::UnknownValue);
        }
    }
    problems.extend(r.finish());
    cal
}

/// The team's working-day calendar: the synced one, else this device's older copy, else
/// the default (Mon–Fri, UTC+8).
pub async fn load_calendar<S: RecordStore>(store: &S) -> Result<TeamCalendar, StorageError> {
    let legacy: TeamCalendar = get_typed(store, StoreName::Settings, CALENDAR_KEY).await?.unwrap_or_default();
    let doc: Option<Document> = super::roster::counted_doc(store, TEAM_CALENDAR_ID).await?;
    Ok(match doc {
        Some(d) if !d.is_deleted() => calendar_from_doc(&d, legacy),
        _ => legacy,
    })
}

/// The calendar document carrying the parts of `new` that differ from `old`; `None` when
/// nothing changed.
pub fn calendar_change(old: &TeamCalendar, new: &TeamCalendar, by: &mut Author) -> Option<Replica> {
    let before: Vec<(&str, Value)> = fields(old);
    let mut d = Document::new(TEAM_CALENDAR_ID, TEAM_CALENDAR_KIND);
    for ((name, value), (_, was)) in fields(new).into_iter().zip(before) {
        if value != was {
            let stamp = by.clock.tick(by.now_ms);
            d.set(name, value, stamp, by.profile);
        }
    }
    (!d.fields.is_empty()).then(|| Replica { docs: [(d.id.clone(), d)].into(), entries: Default::default() })
}

/// Keeps a device-local copy (builds before the synced calendar wrote only this).
pub async fn save_calendar<S: RecordStore>(store: &S, cal: &TeamCalendar) -> Result<(), StorageError> {
    put_typed(store, StoreName::Settings, CALENDAR_KEY, cal).await
}
