use leptos::prelude::*;

use crate::domain::event::{event_id, invite_summary};
use crate::domain::participant::{attended_keys, participants};
use crate::storage::events::blank_event;
use crate::ui::events::event_form::EventForm;
use crate::ui::events::event_report::EventReport;
use crate::ui::events::event_settings::EventSettings;
use crate::ui::events::events_ctx::use_events;
use crate::ui::events::invitations::Invitations;
use crate::ui::events::participants_card::ParticipantsCard;
use crate::ui::events::stock_card::StockCard;
use crate::ui::i18n::events::{phase_label, EMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::platform::{new_id, now_ms};
use crate::ui::state::route::use_route;
use crate::ui::state::session::use_session;

const TABS: [(&str, EMsg); 6] = [
    ("", EMsg::TabOverview),
    ("kit", EMsg::TabKit),
    ("invite", EMsg::TabInvite),
    ("people", EMsg::TabPeople),
    ("stock", EMsg::TabStock),
    ("report", EMsg::TabReport),
];

/// Events (E1–E5): the list, a new event, and one event's tabs — overview and kiosk
/// settings, the materials kit and invitations (E2), participants with chips and conflicts (E3, E4), prize
/// stock (W1) and the report (E5).
#[component]
pub fn EventsPage() -> impl IntoView {
    let route = use_route();
    let arg = move || route.1.with(|v| v.first().cloned());
    move || match arg() {
        None => view! { <EventList /> }.into_any(),
        Some(id) if id == "new" => {
            let me = use_session().current.get_untracked().unwrap_or_default();
            let name = use_session().current_profile().map(|p| p.name).unwrap_or_else(|| me.clone());
            view! { <EventForm initial=blank_event(&event_id(&me, &new_id()), &name, next_hour()) is_new=true /> }
                .into_any()
        }
        Some(id) => view! { <EventDetail id /> }.into_any(),
    }
}

fn next_hour() -> i64 {
    let h = 3600 * 1000;
    (now_ms() / h + 1) * h
}

#[component]
fn EventList() -> impl IntoView {
    let ctx = use_events();
    let i18n = use_i18n();
    view! {
        <section class="card" data-testid="event-list">
            <div class="actions between">
                <h2>{t(EMsg::Events)}</h2>
                <a class="button primary" href="#/events/new" data-testid="event-new">{t(EMsg::NewEvent)}</a>
            </div>
            {move || {
                let list = ctx.list.get();
                if list.is_empty() {
                    return view! { <p class="muted" data-testid="events-empty">{t(EMsg::NoEvents)}</p> }.into_any();
                }
                let now = ctx.now.get();
                view! {
                    <ul class="plain-list">
                        {list.iter().map(|r| {
                            let ps = participants(&r.registrations);
                            let s = invite_summary(&r.invitees, &attended_keys(&ps));
                            let phase = r.event.phase(now);
                            view! {
                                <li class="event-row" data-testid="event-row">
                                    <a href=format!("#/events/{}", r.event.id)>
                                        <strong data-testid="event-row-theme">{r.event.theme.clone()}</strong>
                                        <span class=format!("phase phase-{phase:?}")>{move || phase_label(i18n.lang(), phase)}</span>
                                        <span class="muted">{ctx.when(r.event.starts_ms)}" · "{r.event.venue.clone()}</span>
                                        <span class="muted">{move || crate::ui::i18n::events::counts_text(i18n.lang(), s.invited, ps.len())}</span>
                                    </a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn EventDetail(id: String) -> impl IntoView {
    let ctx = use_events();
    let route = use_route();
    let i18n = use_i18n();
    let tab = move || route.1.with(|v| v.get(1).cloned().unwrap_or_default());
    let rid = id.clone();
    let rec = Memo::new(move |_| ctx.get(&rid).map(|r| r.event));
    let base = format!("#/events/{id}");
    let body_id = id.clone();
    let xid = id.clone();
    let exists = Memo::new(move |_| ctx.list.with(|l| l.iter().any(|r| r.event.id == xid)));
    view! {
        {move || match rec.get() {
            None => view! { <p class="muted" data-testid="event-missing">{move || if ctx.loaded.get() { t(EMsg::EventMissing)() } else { "…" }}</p> }.into_any(),
            Some(ev) => {
                let phase = ev.phase(ctx.now.get());
                view! {
                    <header class="event-head card">
                        <h2 data-testid="event-title">{ev.theme.clone()}</h2>
                        <p class="muted" data-testid="event-when">{ctx.when(ev.starts_ms)}" – "{ctx.when(ev.ends_ms)}" · "{ev.venue.clone()}</p>
                        <span class=format!("phase phase-{phase:?}") data-testid="event-phase" data-phase=format!("{phase:?}")>{move || phase_label(i18n.lang(), phase)}</span>
                    </header>
                }.into_any()
            }
        }}
        <nav class="tabs" data-testid="event-tabs">
            {TABS.into_iter().map(|(slug, label)| {
                let href = if slug.is_empty() { base.clone() } else { format!("{base}/{slug}") };
                view! {
                    <a class="tab" href=href class:active=move || tab() == slug data-testid=format!("event-tab-{}", if slug.is_empty() { "overview" } else { slug })>{t(label)}</a>
                }
            }).collect_view()}
        </nav>
        {move || {
            let id = body_id.clone();
            // Only the tab and the event's arrival re-render the body: a sync must not wipe a
            // form being typed.
            let _ = exists.get();
            let Some(r) = ctx.get_untracked(&id) else { return ().into_any() };
            match tab().as_str() {
                "kit" => view! { <crate::ui::events::kit_card::KitCard id /> }.into_any(),
                "invite" => view! { <Invitations id /> }.into_any(),
                "people" => view! { <ParticipantsCard id /> }.into_any(),
                "stock" => view! { <StockCard id /> }.into_any(),
                "report" => view! { <EventReport id /> }.into_any(),
                _ => view! { <EventSettings id /> <EventForm initial=r.event is_new=false /> }.into_any(),
            }
        }}
    }
}
