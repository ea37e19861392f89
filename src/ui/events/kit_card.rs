use leptos::prelude::*;

use crate::app::event_kit::{can_plan_kit, can_tick_kit, remove_kit_item, save_kit_item, tick_kit_item};
use crate::domain::event_kit::{kit_progress, KitItem, KitState};
use crate::storage::event_kit::load_kit_items;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::events::events_ctx::use_events;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::events::{kit_error_text, EMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::orders::orders_ctx::use_orders;
use crate::ui::state::command::Commands;
use crate::ui::state::load::load_on_change;
use crate::ui::state::platform::new_id;

/// **E2** The event's materials kit: who prepares what by when, ticked off as it is
/// ready; an item past its day and not ready shows as late. The organiser, a manager or
/// event staff plan it; whoever prepares an item ticks it.
#[component]
pub fn KitCard(id: String) -> impl IntoView {
    let events = use_events();
    let customers = use_customers();
    let orders = use_orders();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let eid = StoredValue::new(id);
    let items = RwSignal::new(Vec::<KitItem>::new());
    let loading = load_on_change(
        move |db| async move { load_kit_items(db.store()).await },
        move |all: Vec<KitItem>| {
            let ev = eid.get_value();
            let mut mine: Vec<KitItem> = all.into_iter().filter(|i| i.event == ev).collect();
            kit_progress(&mut mine);
            items.try_set(mine);
        },
    );
    let organiser =
        Memo::new(move |_| events.get(&eid.get_value()).map(|r| r.event.keeper().to_owned()).unwrap_or_default());
    let may_plan = move || cmds.can(|a| can_plan_kit(a, &organiser.get()));
    let today = move || orders.today();
    let people =
        move || customers.data.with(|d| d.people.iter().map(|p| (p.id.clone(), p.name.clone())).collect::<Vec<_>>());
    let name_of = move |p: &str| customers.data.with_untracked(|d| d.name_of(p));
    let what = RwSignal::new(String::new());
    let who = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let form_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let done_cb = move |r: Result<crate::record::replica::Replica, crate::app::CommandError>| match r {
        Err(e) if !e.is_unchanged() => error.set(Some(command_error(i18n.lang(), &e))),
        _ => error.set(None),
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        let Ok(day) = due.get_untracked().parse() else {
            return form_error.set(Some(EMsg::KitErrDate.text(lang).to_owned()));
        };
        let item = KitItem {
            id: new_id(),
            event: eid.get_value(),
            what: what.get_untracked(),
            who: who.get_untracked(),
            due: day,
            done: false,
        };
        if let Err(e) = item.check() {
            return form_error.set(Some(kit_error_text(lang, e).to_owned()));
        }
        form_error.set(None);
        cmds.run(
            move |db, a| async move { save_kit_item(db.store(), &a, None, &item).await },
            move |r| {
                if r.is_ok() {
                    what.set(String::new());
                }
                done_cb(r);
            },
        );
    };
    let progress = move || items.with(|v| (v.iter().filter(|i| i.done).count(), v.len()));
    view! {
        <section class="card kit" data-testid="kit" data-done=move || progress().0 data-total=move || progress().1>
            <h2>{t(EMsg::KitTitle)}" "<span class="muted">{move || { let (d, n) = progress(); format!("{d} / {n}") }}</span></h2>
            <p class="muted">{t(EMsg::KitHint)}</p>
            <Show when=move || loading.loaded.get() && items.with(Vec::is_empty)>
                <p class="muted" data-testid="kit-empty">{t(EMsg::KitEmpty)}</p>
            </Show>
            <ul class="plain-list kit-list">
                {move || items.get().into_iter().map(|item| {
                    let state = item.state(today());
                    let may_tick = cmds.can(|a| can_tick_kit(a, &organiser.get_untracked(), &item));
                    let (tick_id, rm_id) = (item.id.clone(), item.id.clone());
                    let tick = move |ev: leptos::ev::Event| {
                        let (id, on) = (tick_id.clone(), event_target_checked(&ev));
                        cmds.run(move |db, a| async move { tick_kit_item(db.store(), &a, &id, on).await }, done_cb);
                    };
                    let remove = move |_| {
                        let id = rm_id.clone();
                        cmds.run(move |db, a| async move { remove_kit_item(db.store(), &a, &id).await }, done_cb);
                    };
                    let who = name_of(&item.who);
                    let due = item.due;
                    view! {
                        <li class="kit-item" data-testid="kit-item" data-state=format!("{state:?}") class:late=state == KitState::Late>
                            <label class="check">
                                <input type="checkbox" data-testid="kit-done" prop:checked=item.done prop:disabled=!may_tick on:change=tick />
                                <span><strong>{item.what.clone()}</strong><br/>
                                    <small class="muted">{who}" · "{t(EMsg::KitBy)}" "{due.to_string()}</small>
                                </span>
                            </label>
                            {(state == KitState::Late).then(|| view! { <span class="badge danger" data-testid="kit-late">{t(EMsg::KitLate)}</span> })}
                            <Show when=may_plan>
                                <button type="button" class="link" data-testid="kit-remove" on:click=remove.clone()>{t(EMsg::KitRemove)}</button>
                            </Show>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <Show when=may_plan fallback=|| view! { <p class="muted">{t(EMsg::KitPlannersOnly)}</p> }>
                <form class="form kit-form" data-testid="kit-form" on:submit=add novalidate>
                    <div class="grid-2">
                        <label class="field"><span>{t(EMsg::KitWhat)}</span>
                            <input type="text" data-testid="kit-what" prop:value=move || what.get() on:input=move |ev| what.set(event_target_value(&ev)) />
                        </label>
                        <label class="field"><span>{t(EMsg::KitWho)}</span>
                            <select data-testid="kit-who" prop:value=move || who.get() on:change=move |ev| who.set(event_target_value(&ev))>
                                <option value="">"—"</option>
                                {move || people().into_iter().map(|(pid, pname)| view! { <option value=pid>{pname}</option> }).collect_view()}
                            </select>
                        </label>
                        <label class="field"><span>{t(EMsg::KitDue)}</span>
                            <input type="date" data-testid="kit-due" prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev)) />
                        </label>
                    </div>
                    {move || form_error.get().map(|e| view! { <p class="error" role="alert" data-testid="kit-error">{e}</p> })}
                    <div class="actions"><button type="submit" class="primary" data-testid="kit-add">{t(EMsg::KitAdd)}</button></div>
                </form>
            </Show>
        </section>
    }
}
