use leptos::prelude::*;

use crate::app::customers::save_collection_habits;
use crate::domain::collection::{parse_payday, CollectSlot, CollectionHabits};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::orders::{payday_text, slot_label, slots_text, OMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;

/// O2 on the customer page: the customer's payday and the times they prefer to be asked
/// for money, which time the receivables reminders. Any member records them.
#[component]
pub fn CollectionHabitsForm(id: String) -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let cid = StoredValue::new(id);
    let stored = Memo::new(move |_| ctx.data.with(|d| d.get(&cid.get_value()).map(|c| c.rec.file.habits())));
    let payday = RwSignal::new(String::new());
    let slots = RwSignal::new(Vec::<CollectSlot>::new());
    // The stored habits fill the form until someone types; a sync never wipes an edit.
    let dirty = RwSignal::new(false);
    Effect::new(move |_| {
        let h = stored.get().unwrap_or_default();
        if dirty.get_untracked() {
            return;
        }
        payday.set(h.payday.map(|d| d.to_string()).unwrap_or_default());
        slots.set(h.slots);
    });
    let bad_payday = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let Ok(day) = parse_payday(&payday.get_untracked()) else {
            return bad_payday.set(true);
        };
        bad_payday.set(false);
        let habits = CollectionHabits { payday: day, slots: slots.get_untracked() };
        let c = cid.get_value();
        cmds.run(
            move |db, a| async move { save_collection_habits(db.store(), &a, &c, &habits).await },
            move |r| match r {
                Ok(_) => {
                    dirty.set(false);
                    saved.set(true);
                    error.set(None);
                }
                Err(e) if e.is_unchanged() => {
                    dirty.set(false);
                    saved.set(true);
                }
                Err(e) => error.set(Some(command_error(i18n.lang(), &e))),
            },
        );
    };
    let summary = move || {
        let h = stored.get().unwrap_or_default();
        let lang = i18n.lang();
        let day = h.payday.map_or_else(|| OMsg::NoPayday.text(lang).to_owned(), |d| payday_text(lang, d));
        format!("{day} · {}", slots_text(lang, &h.slots))
    };
    view! {
        <form class="collection-habits form" data-testid="collection-habits" on:submit=save novalidate>
            <h3>{t(OMsg::HabitsTitle)}</h3>
            <p data-testid="habits-summary">{summary}</p>
            <label class="field compact" class:invalid=move || bad_payday.get()><span>{t(OMsg::Payday)}</span>
                <input type="text" inputmode="numeric" data-testid="habits-payday" prop:value=move || payday.get()
                    aria-invalid=move || bad_payday.get().to_string()
                    on:input=move |ev| { dirty.set(true); saved.set(false); payday.set(event_target_value(&ev)); } />
                <Show when=move || bad_payday.get()>
                    <small class="error" role="alert" data-testid="habits-payday-error">{t(OMsg::BadPayday)}</small>
                </Show>
            </label>
            <fieldset class="checks">
                <legend>{t(OMsg::PreferredTimes)}</legend>
                {CollectSlot::ALL.into_iter().map(|s| view! {
                    <label class="check">
                        <input type="checkbox" data-testid=format!("habits-slot-{}", s.code())
                            prop:checked=move || slots.with(|v| v.contains(&s))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                dirty.set(true);
                                saved.set(false);
                                slots.update(|v| { v.retain(|x| *x != s); if on { v.push(s); v.sort(); } });
                            } />
                        <span>{move || slot_label(i18n.lang(), s)}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <Show when=move || saved.get()><span class="ok" role="status" data-testid="habits-saved">{t(OMsg::HabitsSaved)}</span></Show>
                <button type="submit" data-testid="habits-save">{t(OMsg::SaveHabits)}</button>
            </div>
        </form>
    }
}
