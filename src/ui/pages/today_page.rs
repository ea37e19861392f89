use leptos::prelude::*;

use crate::storage::settings::load_calendar;
use crate::ui::i18n::{greeting, t, use_i18n, Lang, Msg};
use crate::ui::platform::now_ms;
use crate::ui::session::{use_db, use_session};

/// The rep's day. For now: who is working, the team-local date and whether it is a
/// working day under the team calendar; follow-ups and quotas come with the activities issue.
#[component]
pub fn TodayPage() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let db = use_db();
    let working = RwSignal::new(None::<(chrono::NaiveDate, bool)>);
    leptos::task::spawn_local(async move {
        if let Ok(cal) = load_calendar(db.store()).await {
            let today = cal.local_date(now_ms());
            working.set(Some((today, cal.is_working_day(today))));
        }
    });
    let date_text = move |lang: Lang, d: chrono::NaiveDate| match lang {
        Lang::ZhCn => d.format("%Y年%-m月%-d日").to_string(),
        Lang::En => d.format("%A %-d %B %Y").to_string(),
    };
    view! {
        <section class="card today">
            <h2 data-testid="greeting">
                {move || session.current_profile().map(|p| greeting(i18n.lang(), &p.name)).unwrap_or_default()}
            </h2>
            {move || working.get().map(|(d, is_working)| view! {
                <p data-testid="today-date">{date_text(i18n.lang(), d)}</p>
                <p data-testid="today-working" data-working=is_working.to_string()>
                    {if is_working { t(Msg::TodayWorkingDay)() } else { t(Msg::TodayRestDay)() }}
                </p>
            })}
        </section>
        <section class="card coming" data-testid="coming">
            <p>{t(Msg::TodayComing)}</p>
        </section>
    }
}
