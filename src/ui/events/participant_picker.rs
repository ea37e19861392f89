use leptos::prelude::*;

use crate::domain::participant::participants;
use crate::ui::events::events_ctx::use_events;
use crate::ui::i18n::events::EMsg;
use crate::ui::i18n::t;

/// Finds a participant of the event by name or phone and selects them (their key).
#[component]
pub fn ParticipantPicker(event: String, selected: RwSignal<Option<String>>) -> impl IntoView {
    let ctx = use_events();
    let query = RwSignal::new(String::new());
    let list = Memo::new(move |_| ctx.get(&event).map(|r| participants(&r.registrations)).unwrap_or_default());
    let hits = move || {
        let q = query.get().trim().to_lowercase();
        let digits: String = q.chars().filter(char::is_ascii_digit).collect();
        list.get()
            .into_iter()
            .filter(|p| {
                q.is_empty() || p.name.to_lowercase().contains(&q) || (!digits.is_empty() && p.key.contains(&digits))
            })
            .take(8)
            .map(|p| (p.key, p.name))
            .collect::<Vec<_>>()
    };
    view! {
        <div class="picker" data-testid="participant-picker">
            <input type="search" class="search" data-testid="picker-search" placeholder=t(EMsg::SearchPeople)
                prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
            <ul class="plain-list picks">
                {move || hits().into_iter().map(|(key, name)| {
                    let (k, k2) = (key.clone(), key.clone());
                    view! {
                        <li><button type="button" class="pick" data-testid="picker-option" class:active=move || selected.with(|s| s.as_deref() == Some(k.as_str()))
                            on:click=move |_| selected.set(Some(k2.clone()))>
                            <strong>{name}</strong>" "<span class="muted">{key}</span>
                        </button></li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}
