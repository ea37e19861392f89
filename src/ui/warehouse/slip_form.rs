use leptos::prelude::*;

use crate::app::warehouse::{can_write_slips, write_slip};
use crate::domain::warehouse::{Party, SlipDraft, SlipKind};
use crate::ui::events::events_ctx::use_events;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::warehouse::{kind_label, party_label, WMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::warehouse::warehouse_ctx::use_warehouse;

const PARTIES: [(&str, Party); 4] =
    [("supplier", Party::Supplier), ("customer", Party::Customer), ("event", Party::Event), ("rep", Party::Rep)];

/// **W1** A new receipt or issue slip: day, counterparty (an event picked from the
/// list), lines of catalogue items and quantities, a note. The form checks what it can
/// and says what is wrong; the command checks the rest (an issue beyond what is on hand
/// names the item and what is there). Nothing typed is lost on a refusal.
#[component]
pub fn SlipForm() -> impl IntoView {
    let ctx = use_warehouse();
    let events = use_events();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let kind = RwSignal::new(SlipKind::Receipt);
    let day = RwSignal::new(ctx.today().to_string());
    let party = RwSignal::new(Party::Supplier);
    let counterparty = RwSignal::new(String::new());
    let event = RwSignal::new(String::new());
    let lines = RwSignal::new(vec![(String::new(), String::new())]);
    // The rows are redrawn only when a line is added or removed, not on every keystroke
    // (a redraw would take the focus out of the field being typed in).
    let count = Memo::new(move |_| lines.with(Vec::len));
    let note = RwSignal::new(String::new());
    let msg = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let submit = move |_| {
        let lang = i18n.lang();
        let err = |m: WMsg| msg.set(Some(m.text(lang).to_owned()));
        let Ok(d) = day.get_untracked().parse() else { return err(WMsg::ErrDay) };
        let mut parsed = Vec::new();
        for (item, qty) in lines.get_untracked() {
            if item.is_empty() {
                return err(WMsg::ErrItem);
            }
            match qty.trim().parse::<i64>() {
                Ok(q) if q > 0 => parsed.push((item, q)),
                _ => return err(WMsg::ErrQty),
            }
        }
        let p = party.get_untracked();
        let cp = if p == Party::Event {
            events.list.with_untracked(|l| {
                l.iter()
                    .find(|r| r.event.id == event.get_untracked())
                    .map(|r| r.event.theme.clone())
                    .unwrap_or_default()
            })
        } else {
            counterparty.get_untracked()
        };
        if cp.trim().is_empty() {
            return err(WMsg::ErrCounterparty);
        }
        let draft = SlipDraft {
            kind: kind.get_untracked(),
            day: d,
            party: p,
            counterparty: cp,
            event: event.get_untracked(),
            lines: parsed,
            note: note.get_untracked(),
        };
        cmds.run(
            move |db, a| async move { write_slip(db.store(), &a, &draft).await },
            move |r| match r {
                Ok(change) => {
                    lines.set(vec![(String::new(), String::new())]);
                    note.set(String::new());
                    msg.set(None);
                    saved.set(change.entries.keys().next().cloned());
                }
                Err(e) => msg.set(Some(command_error(i18n.lang(), &e))),
            },
        );
    };
    let item_options = move || ctx.data.with(|d| d.items.iter().map(|i| (i.id.clone(), i.label())).collect::<Vec<_>>());
    view! {
        <Show when=move || cmds.can(can_write_slips) fallback=move || view! { <p class="notice" data-testid="wh-read-only">{t(WMsg::OnlyDesk)}</p> }>
        <section class="card form" data-testid="wh-slip-form">
            <h2>{t(WMsg::NewSlip)}</h2>
            <div class="grid-3">
                <label class="field"><span>{t(WMsg::Kind)}</span>
                    <select data-testid="wh-kind" on:change=move |ev| kind.set(if event_target_value(&ev) == "issue" { SlipKind::Issue } else { SlipKind::Receipt })>
                        {[("receipt", SlipKind::Receipt), ("issue", SlipKind::Issue)].into_iter().map(|(v, k)| view! {
                            <option value=v selected=move || kind.get() == k>{t(kind_label(k))}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field"><span>{t(WMsg::Day)}</span>
                    <input type="date" data-testid="wh-day" prop:value=move || day.get() on:input=move |ev| day.set(event_target_value(&ev)) />
                </label>
                <label class="field"><span>{t(WMsg::Party)}</span>
                    <select data-testid="wh-party" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        party.set(PARTIES.iter().find(|(c, _)| *c == v).map(|p| p.1).unwrap_or(Party::Supplier));
                    }>
                        {PARTIES.into_iter().map(|(v, p)| view! { <option value=v selected=move || party.get() == p>{t(party_label(p))}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            {move || if party.get() == Party::Event {
                view! {
                    <label class="field"><span>{t(WMsg::Event)}</span>
                        <select data-testid="wh-event" on:change=move |ev| event.set(event_target_value(&ev))>
                            <option value="">"—"</option>
                            {events.list.get().iter().map(|r| {
                                let id = r.event.id.clone();
                                let sel = id.clone();
                                view! { <option value=id selected=move || event.get() == sel>{r.event.theme.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                }.into_any()
            } else {
                view! {
                    <label class="field"><span>{t(WMsg::Counterparty)}</span>
                        <input data-testid="wh-counterparty" prop:value=move || counterparty.get() on:input=move |ev| counterparty.set(event_target_value(&ev)) />
                    </label>
                }.into_any()
            }}
            <table class="table wh-lines">
                <thead><tr><th>{t(WMsg::Item)}</th><th class="num">{t(WMsg::Qty)}</th><th></th></tr></thead>
                <tbody>
                    {move || (0..count.get()).map(|n| view! {
                        <tr data-testid="wh-line">
                            <td><select data-testid="wh-line-item" aria-label=t(WMsg::Item) on:change=move |ev| lines.update(|l| l[n].0 = event_target_value(&ev))>
                                <option value="">{t(WMsg::ChooseItem)}</option>
                                {item_options().into_iter().map(|(id, label)| {
                                    let sel = id.clone();
                                    view! { <option value=id selected=move || lines.with(|l| l.get(n).is_some_and(|x| x.0 == sel))>{label}</option> }
                                }).collect_view()}
                            </select></td>
                            <td><input type="number" min="1" step="1" inputmode="numeric" data-testid="wh-line-qty" aria-label=t(WMsg::Qty)
                                prop:value=move || lines.with(|l| l.get(n).map(|x| x.1.clone()).unwrap_or_default())
                                on:input=move |ev| lines.update(|l| l[n].1 = event_target_value(&ev)) /></td>
                            <td><button type="button" aria-label=t(WMsg::RemoveLine) title=t(WMsg::RemoveLine) disabled=move || lines.with(|l| l.len() < 2)
                                on:click=move |_| lines.update(|l| { if l.len() > 1 { l.remove(n); } })>"×"</button></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <div class="actions wrap"><button type="button" data-testid="wh-add-line" on:click=move |_| lines.update(|l| l.push((String::new(), String::new())))>{t(WMsg::AddLine)}</button></div>
            <label class="field"><span>{t(WMsg::Note)}</span>
                <input data-testid="wh-note" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev)) />
            </label>
            {move || msg.get().map(|m| view! { <p class="error" role="alert" data-testid="wh-slip-error">{m}</p> })}
            {move || saved.get().map(|id| view! {
                <p class="ok" role="status" data-testid="wh-slip-saved">{t(WMsg::SlipSaved)}
                    <a href=format!("#/warehouse/slip/{id}") data-testid="wh-saved-number">{ctx.number(&id)}</a></p>
            })}
            <div class="actions"><button type="button" class="primary" data-testid="wh-slip-save" on:click=submit>{t(WMsg::WriteSlip)}</button></div>
        </section>
        </Show>
    }
}
