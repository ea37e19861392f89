use leptos::prelude::*;

use crate::app::events::may_leave_kiosk;
use crate::ui::events::chips_desk::{ChipsDesk, PrizeDesk};
use crate::ui::events::events_ctx::use_events;
use crate::ui::events::kiosk_checkin::KioskCheckin;
use crate::ui::events::survey_form::SurveyForm;
use crate::ui::events::walk_in_form::WalkInForm;
use crate::ui::i18n::events::EMsg;
use crate::ui::i18n::t;
use crate::ui::shell::lang_toggle::LangToggle;
use crate::ui::shell::net_status::NetStatus;
use crate::ui::state::platform::now_ms;

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
    let tab = RwSignal::new("checkin");
    let leaving = RwSignal::new(false);
    let pin = RwSignal::new(String::new());
    let wrong = RwSignal::new(false);
    let eid = event.clone();
    let theme = Memo::new(move |_| ctx.get(&eid).map(|r| r.event.theme));
    let pid = event.clone();
    let try_leave = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let stored = ctx.get_untracked(&pid).map(|r| r.pin).unwrap_or_default();
        // No record (deleted elsewhere) or no PIN: nothing to guard.
        if may_leave_kiosk(&stored, &pin.get_untracked()) {
            pin.set(String::new());
            wrong.set(false);
            leaving.set(false);
            ctx.leave_kiosk();
        } else {
            pin.set(String::new());
            wrong.set(true);
        }
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
