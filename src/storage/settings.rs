//! Team settings kept in the `settings` store, each under a fixed key.

use super::{get_typed, put_typed, RecordStore, StorageError, StoreName};
use crate::domain::calendar::TeamCalendar;

const CALENDAR_KEY: &str = "calendar";

/// The team's working-day calendar, or the default one before anybody saved it.
pub async fn load_calendar<S: RecordStore>(store: &S) -> Result<TeamCalendar, StorageError> {
    Ok(get_typed(store, StoreName::Settings, CALENDAR_KEY)
        .await?
        .unwrap_or_default())
}

pub async fn save_calendar<S: RecordStore>(
    store: &S,
    cal: &TeamCalendar,
) -> Result<(), StorageError> {
    put_typed(store, StoreName::Settings, CALENDAR_KEY, cal).await
}
