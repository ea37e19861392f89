use leptos::prelude::*;

use crate::app::events::{kiosk_guards, try_leave_kiosk, KioskGuards, KioskUnlock};
use crate::ui::events::chips_desk::{ChipsDesk, PrizeDesk};
use crate::ui::events::events_ctx::use_events;
use crate::ui::events::kiosk_checkin::KioskCheckin;
use crate::ui::events::survey_form::SurveyForm;
use crate::ui::events::walk_in_form::WalkInForm;
use crate::ui::i18n::events::{pin_locked_text, EMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::shell::lang_toggle::LangToggle;
use crate::ui::shell::net_status::NetStatus;
use crate::ui::state::platform::now_ms;
use crate::ui::state::session::use_db;

const TABS: [(&str, EMsg); 5] = [
    ("checkin", EMsg::KTabCheckin),
    ("walkin", EMsg::KTabWalkIn),
    ("chips", EMsg::KTabChips),
    ("prizes", EMsg::KTabPrizes),
    ("survey", EMsg::KTabSurvey),
];

/// **E3** Kiosk mode: the whole screen is the event's check-in and lead capture (plus
/// the game stations, prize desk and questionnaire); no navigation. Leaving needs the
/// staff PIN. Works with the network off: every write goes to this tablet's database.
#[component]
pub fn Kiosk(event: String) -> impl IntoView {
    let ctx = use_events();
    let i18n = use_i18n();
    let tab = RwSignal::new("checkin");
    let leaving = RwSignal::new(false);
    let pin = RwSignal::new(String::new());
    let wrong = RwSignal::new(false);
    let eid = event.clone();
    let theme = Memo::new(move |_| ctx.get(&eid).map(|r| r.event.theme));
    let pid = event.clone();
    let db = use_db();
    // The back-off (E3): until when every PIN is refused, and a clock ticking each second
    // to count it down.
    let locked_until = RwSignal::new(ctx.pin_attempts().locked_until_ms);
    let tick = RwSignal::new(now_ms());
    let handle = set_interval_with_handle(move || _ = tick.try_set(now_ms()), std::time::Duration::from_secs(1));
    on_cleanup(move || {
        if let Ok(h) = handle {
            h.clear();
        }
    });
    let wait_s = move || {
        let ms = locked_until.get() - tick.get();
        (ms > 0).then(|| (ms + 999) / 1000)
    };
    let try_leave = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = pin.get_untracked();
        pin.set(String::new());
        let (db, event, entry) = (db.clone(), pid.clone(), ctx.entry_pin());
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            // Unreadable store: the PIN remembered on entry still works.
            let guards = kiosk_guards(db.store(), &event, &entry)
                .await
                .unwrap_or_else(|_| KioskGuards { entry_pin: entry, ..KioskGuards::default() });
            let now = now_ms();
            let (got, after) = try_leave_kiosk(&guards, &typed, ctx.pin_attempts(), now);
            ctx.set_pin_attempts(after);
            tick.set(now);
            locked_until.set(after.locked_until_ms);
            match got {
                KioskUnlock::Open => {
                    wrong.set(false);
                    leaving.set(false);
                    ctx.leave_kiosk();
                }
                KioskUnlock::Wrong { .. } => wrong.set(true),
                KioskUnlock::Locked { .. } => wrong.set(false),
            }
        });
    };
    let ev = StoredValue::new(event);
    view! {
        <div class="kiosk" data-testid="kiosk">
            <header class="kiosk-bar">
                <h1 data-testid="kiosk-title">{move || theme.get().unwrap_or_default()}</h1>
                <NetStatus />
                <LangToggle />
                <button type="button" class="ghost" data-testid="kiosk-exit" on:click=move |_| leaving.set(true)>{t(EMsg::KioskExit)}</button>
            </header>
            <Show when=move || leaving.get()>
                <form class="card form pin-dialog" data-testid="kiosk-pin" on:submit=try_leave.clone() novalidate>
                    <label class="field"><span>{t(EMsg::PinPrompt)}</span>
                        <input type="password" inputmode="numeric" autocomplete="off" data-testid="kiosk-pin-input" prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev)) />
                    </label>
                    <Show when=move || wrong.get()><p class="error" role="alert" data-testid="kiosk-pin-wrong">{t(EMsg::PinWrong)}</p></Show>
                    {move || wait_s().map(|s| view! {
                        <p class="error" role="alert" data-testid="kiosk-pin-locked" data-wait-s=s.to_string()>{move || pin_locked_text(i18n.lang(), s)}</p>
                    })}
                    <div class="actions">
                        <button type="button" on:click=move |_| { leaving.set(false); wrong.set(false); }>{t(EMsg::Back)}</button>
                        <button type="submit" class="primary" data-testid="kiosk-pin-ok">{t(EMsg::Unlock)}</button>
                    </div>
                </form>
            </Show>
            <nav class="tabs kiosk-tabs" data-testid="kiosk-tabs">
                {TABS.into_iter().map(|(slug, label)| view! {
                    <button type="button" class="tab" class:active=move || tab.get() == slug data-testid=format!("kiosk-tab-{slug}") on:click=move |_| { ctx.now.set(now_ms()); tab.set(slug); }>{t(label)}</button>
                }).collect_view()}
            </nav>
            <main class="kiosk-body">
                {move || {
                    let e = ev.get_value();
                    match tab.get() {
                        "walkin" => view! { <WalkInForm event=e /> }.into_any(),
                        "chips" => view! { <ChipsDesk event=e /> }.into_any(),
                        "prizes" => view! { <PrizeDesk event=e /> }.into_any(),
                        "survey" => view! { <SurveyForm event=e /> }.into_any(),
                        _ => view! { <KioskCheckin event=e /> }.into_any(),
                    }
                }}
            </main>
        </div>
    }
}
