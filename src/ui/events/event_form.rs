use leptos::prelude::*;

use crate::app::events::{can_edit_event, save_event};
use crate::domain::event::{place_budget_lines, BudgetLine, Event, EventError};
use crate::domain::money::{format_yuan, parse_yuan};
use crate::domain::participant::{change_consent, ParticipantError};
use crate::ui::events::events_ctx::use_events;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::events::{event_error_text, EMsg};
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::state::command::Commands;
use crate::ui::state::platform::{new_id, now_ms, set_hash};
use crate::ui::widgets::text_field::TextField;

/// One budget line as typed (amounts stay text until saved, so nothing typed is lost).
#[derive(Clone, Default, PartialEq)]
struct LineDraft {
    /// The line's id, given when the line is first shown: saving twice stores one line.
    id: String,
    name: String,
    planned: String,
    actual: String,
}

impl LineDraft {
    fn blank() -> Self {
        LineDraft { id: new_id(), ..LineDraft::default() }
    }
}

/// **E1** Create or edit an event: theme, dates, venue, organiser, audience, format,
/// budget lines planned and actual, and the consent text version (frozen once the event
/// starts, E3). Field errors show under each field; amounts are yuan, stored in fen.
#[component]
pub fn EventForm(initial: Event, is_new: bool) -> impl IntoView {
    let ctx = use_events();
    let i18n = use_i18n();
    let stored = StoredValue::new(initial.clone());
    let theme = RwSignal::new(initial.theme.clone());
    let venue = RwSignal::new(initial.venue.clone());
    let organiser = RwSignal::new(initial.organiser.clone());
    let audience = RwSignal::new(initial.audience.clone());
    let format = RwSignal::new(initial.format.clone());
    let consent = RwSignal::new(initial.consent_version.clone());
    let starts = RwSignal::new(ctx.input_of(initial.starts_ms));
    let ends = RwSignal::new(ctx.input_of(initial.ends_ms));
    let lines = RwSignal::new(
        initial
            .budget
            .iter()
            .map(|l| LineDraft {
                id: if l.id.is_empty() { new_id() } else { l.id.clone() },
                name: l.name.clone(),
                planned: if is_new && l.planned_fen == 0 { String::new() } else { format_yuan(l.planned_fen) },
                actual: if is_new && l.actual_fen == 0 { String::new() } else { format_yuan(l.actual_fen) },
            })
            .collect::<Vec<_>>(),
    );
    let errors = RwSignal::new(Vec::<(&'static str, String)>::new());
    let saved = RwSignal::new(false);
    let cmds = Commands::new();
    let may_save = move || is_new || cmds.can(|a| can_edit_event(a, stored.get_value().keeper()));
    let err = move |f: &'static str| {
        Signal::derive(move || errors.with(|e| e.iter().find(|(k, _)| *k == f).map(|(_, m)| m.clone())))
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        let mut errs: Vec<(&'static str, String)> = Vec::new();
        let start = ctx.instant_of(&starts.get_untracked());
        let end = ctx.instant_of(&ends.get_untracked());
        if start.is_none() {
            errs.push(("starts", EMsg::ErrDate.text(lang).into()));
        }
        if end.is_none() {
            errs.push(("ends", EMsg::ErrDate.text(lang).into()));
        }
        let mut budget = Vec::new();
        for (i, l) in lines.get_untracked().into_iter().enumerate() {
            if l.name.trim().is_empty() && l.planned.trim().is_empty() && l.actual.trim().is_empty() {
                continue;
            }
            let amount = |s: &str| {
                if s.trim().is_empty() {
                    Ok(0)
                } else {
                    parse_yuan(s)
                }
            };
            match (amount(&l.planned), amount(&l.actual)) {
                (Ok(p), Ok(a)) => budget.push(BudgetLine::new(&l.id, l.name.trim(), p, a)),
                _ => errs.push((
                    if i < 8 {
                        ["line0", "line1", "line2", "line3", "line4", "line5", "line6", "line7"][i]
                    } else {
                        "line"
                    },
                    EMsg::ErrAmount.text(lang).into(),
                )),
            }
        }
        let old = stored.get_value();
        // As storage places them: after the stored lines (none yet for a new event).
        place_budget_lines(if is_new { &[] } else { &old.budget }, &mut budget);
        let new = Event {
            id: old.id.clone(),
            theme: theme.get_untracked().trim().into(),
            starts_ms: start.unwrap_or(old.starts_ms),
            ends_ms: end.unwrap_or(old.ends_ms),
            venue: venue.get_untracked().trim().into(),
            organiser: organiser.get_untracked().trim().into(),
            audience: audience.get_untracked().trim().into(),
            format: format.get_untracked().trim().into(),
            budget,
            consent_version: consent.get_untracked().trim().into(),
        };
        // Every missing field at once (validate stops at the first).
        for (field, value, e) in [
            ("theme", &new.theme, EventError::ThemeEmpty),
            ("venue", &new.venue, EventError::VenueEmpty),
            ("organiser", &new.organiser, EventError::OrganiserEmpty),
        ] {
            if value.is_empty() {
                errs.push((field, event_error_text(lang, &e)));
            }
        }
        if let Err(e) = new.validate() {
            let field = match e {
                EventError::ThemeEmpty => "theme",
                EventError::VenueEmpty => "venue",
                EventError::OrganiserEmpty => "organiser",
                EventError::EndsBeforeStart => "ends",
                _ => "budget",
            };
            if !errs.iter().any(|(k, _)| *k == field) {
                errs.push((field, event_error_text(lang, &e)));
            }
        }
        if new.consent_version.is_empty() {
            errs.push(("consent", EMsg::Required.text(lang).into()));
        } else if !is_new && new.consent_version != old.consent_version {
            if let Err(ParticipantError::ConsentFrozen) = change_consent(&old, &new.consent_version, now_ms()) {
                errs.push(("consent", EMsg::ConsentFrozen.text(lang).into()));
            }
        }
        if !errs.is_empty() {
            errors.set(errs);
            return;
        }
        errors.set(Vec::new());
        let prev = (!is_new).then(|| old.clone());
        let id = new.id.clone();
        let after = new.clone();
        cmds.run(
            move |db, a| async move { save_event(db.store(), &a, prev.as_ref(), &new).await },
            move |r| match r.map(|_| ()).or_else(|e| if e.is_unchanged() { Ok(()) } else { Err(e) }) {
                Ok(()) => {
                    stored.set_value(after);
                    saved.set(true);
                    if is_new {
                        set_hash(&format!("#/events/{id}"));
                    }
                }
                Err(e) => errors.set(vec![("form", command_error(i18n.lang(), &e))]),
            },
        );
    };
    let field = move |label: EMsg, sig: RwSignal<String>, id: &'static str, key: &'static str| {
        view! {
            <TextField label=Signal::derive(move || t(label)()) test_id=id value=Signal::derive(move || sig.get())
                on_input=Callback::new(move |v| { sig.set(v); saved.set(false); errors.update(|e| e.retain(|(k, _)| *k != key)); }) error=err(key) />
        }
    };
    let date = move |label: EMsg, sig: RwSignal<String>, id: &'static str| {
        view! {
            <label class="field" class:invalid=move || err(id).with(Option::is_some)>
                <span>{t(label)}" "<small class="muted" data-testid=format!("event-{id}-zone")>{move || ctx.calendar.with(|c| c.zone_text())}</small></span>
                <input type="datetime-local" data-testid=format!("event-{id}") prop:value=move || sig.get()
                    on:input=move |ev| { sig.set(event_target_value(&ev)); saved.set(false); } />
                {move || err(id).get().map(|e| view! { <small class="error" role="alert" data-testid=format!("event-{id}-error")>{e}</small> })}
            </label>
        }
    };
    view! {
        <form class="card form" data-testid="event-form" on:submit=submit novalidate>
            <h2>{move || if is_new { t(EMsg::NewEvent)() } else { t(EMsg::EditEvent)() }}</h2>
            {field(EMsg::Theme, theme, "event-theme", "theme")}
            <div class="grid-2">
                {date(EMsg::Starts, starts, "starts")}
                {date(EMsg::Ends, ends, "ends")}
            </div>
            <div class="grid-2">
                {field(EMsg::Venue, venue, "event-venue", "venue")}
                {field(EMsg::Organiser, organiser, "event-organiser", "organiser")}
            </div>
            <div class="grid-2">
                {field(EMsg::Audience, audience, "event-audience", "audience")}
                {field(EMsg::Format, format, "event-format", "format")}
            </div>
            {field(EMsg::ConsentVersion, consent, "event-consent", "consent")}
            <fieldset class="budget" data-testid="event-budget">
                <legend>{t(EMsg::Budget)}</legend>
                <div class="budget-head muted"><span>{t(EMsg::LineName)}</span><span>{t(EMsg::Planned)}</span><span>{t(EMsg::Actual)}</span><span></span></div>
                {move || lines.get().into_iter().enumerate().map(|(i, l)| {
                    let upd = move |f: fn(&mut LineDraft, String), v: String| { lines.update_untracked(|ls| if let Some(x) = ls.get_mut(i) { f(x, v) }); saved.set(false); };
                    let key: &'static str = ["line0", "line1", "line2", "line3", "line4", "line5", "line6", "line7"].get(i).copied().unwrap_or("line");
                    view! {
                        <div class="budget-line" data-testid="budget-line">
                            <input data-testid="budget-name" prop:value=l.name aria-label=t(EMsg::LineName) on:input=move |ev| upd(|x, v| x.name = v, event_target_value(&ev)) />
                            <input data-testid="budget-planned" inputmode="decimal" prop:value=l.planned aria-label=t(EMsg::Planned) on:input=move |ev| upd(|x, v| x.planned = v, event_target_value(&ev)) />
                            <input data-testid="budget-actual" inputmode="decimal" prop:value=l.actual aria-label=t(EMsg::Actual) on:input=move |ev| upd(|x, v| x.actual = v, event_target_value(&ev)) />
                            <button type="button" class="ghost" aria-label=t(EMsg::RemoveLine) on:click=move |_| lines.update(|ls| { if i < ls.len() { ls.remove(i); } })>"×"</button>
                            {move || err(key).get().map(|e| view! { <small class="error" role="alert">{e}</small> })}
                        </div>
                    }
                }).collect_view()}
                {move || err("budget").get().map(|e| view! { <small class="error" role="alert" data-testid="event-budget-error">{e}</small> })}
                <button type="button" data-testid="budget-add" on:click=move |_| lines.update(|ls| ls.push(LineDraft::blank()))>{t(EMsg::AddLine)}</button>
            </fieldset>
            {move || err("form").get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <Show when=move || saved.get()><span class="ok" role="status" data-testid="event-saved">{t(EMsg::Saved)}</span></Show>
                <button type="submit" class="primary" data-testid="event-save" disabled=move || !may_save()>{t(Msg::Save)}</button>
            </div>
        </form>
    }
}
