use leptos::prelude::*;

use crate::app::events::{move_chips, redeem_chips};
use crate::domain::chips::{ledger, MoveKind};
use crate::domain::stock::levels;
use crate::ui::events::conflicts_card::ConflictsCard;
use crate::ui::events::events_ctx::use_events;
use crate::ui::events::participant_picker::ParticipantPicker;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::events::EMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::platform::{local_get, local_set};

const STATION_KEY: &str = "outpost.kiosk.station";

/// **E4** A game station: award chips to a participant, or (referee) take chips back
/// from a substitute player. The balance shown is this tablet's view; the fold settles
/// it the same on every tablet after sync.
#[component]
pub fn ChipsDesk(event: String) -> impl IntoView {
    let ctx = use_events();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let who = RwSignal::new(None::<String>);
    let station = RwSignal::new(local_get(STATION_KEY).unwrap_or_default());
    let chips = RwSignal::new("1".to_owned());
    let reason = RwSignal::new(String::new());
    let msg = RwSignal::new(None::<(bool, String)>);
    let eid = event.clone();
    let balance = Memo::new(move |_| {
        let w = who.get()?;
        ctx.get(&eid).map(|r| ledger(&r.chips, &r.event).balance(&w))
    });
    let ev = StoredValue::new(event.clone());
    let act = move |take_back: bool| {
        let lang = i18n.lang();
        let Some(w) = who.get_untracked() else {
            return msg.set(Some((false, EMsg::PickSomeone.text(lang).into())));
        };
        let Ok(n) = chips.get_untracked().trim().parse::<u32>() else {
            return msg.set(Some((false, EMsg::ErrChips.text(lang).into())));
        };
        if n == 0 {
            return msg.set(Some((false, EMsg::ErrChips.text(lang).into())));
        }
        let kind = if take_back {
            MoveKind::TakeBack { chips: n, reason: reason.get_untracked() }
        } else {
            let s = station.get_untracked();
            local_set(STATION_KEY, &s);
            MoveKind::Award { station: s, chips: n }
        };
        let e = ev.get_value();
        cmds.run(
            move |db, a| async move { move_chips(db.store(), &a, &e, &w, kind).await },
            move |r| {
                msg.set(Some(match r {
                    Ok(_) => (
                        true,
                        if take_back { EMsg::TakenBack.text(lang).into() } else { EMsg::Awarded.text(lang).into() },
                    ),
                    Err(e) => (false, command_error(lang, &e)),
                }))
            },
        );
    };
    view! {
        <section class="card form" data-testid="chips-desk">
            <h2>{t(EMsg::ChipsTitle)}</h2>
            <ParticipantPicker event=event.clone() selected=who />
            <p class="balance" data-testid="chips-balance">{t(EMsg::Balance)}": "<strong>{move || balance.get().map(|b| b.to_string()).unwrap_or_else(|| "—".into())}</strong></p>
            <div class="grid-2">
                <label class="field"><span>{t(EMsg::Station)}</span><input data-testid="chips-station" prop:value=move || station.get() on:input=move |ev| station.set(event_target_value(&ev)) /></label>
                <label class="field"><span>{t(EMsg::Chips)}</span><input type="number" min="1" inputmode="numeric" data-testid="chips-count" prop:value=move || chips.get() on:input=move |ev| chips.set(event_target_value(&ev)) /></label>
            </div>
            <div class="actions">
                <button type="button" class="primary big" data-testid="chips-award" on:click=move |_| act(false)>{t(EMsg::Award)}</button>
            </div>
            <details class="referee">
                <summary>{t(EMsg::Referee)}</summary>
                <label class="field"><span>{t(EMsg::Reason)}</span><input data-testid="chips-reason" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) /></label>
                <div class="actions"><button type="button" data-testid="chips-take-back" on:click=move |_| act(true)>{t(EMsg::TakeBack)}</button></div>
            </details>
            {move || msg.get().map(|(ok, m)| view! { <p class=if ok { "ok" } else { "error" } role="status" data-testid="chips-msg">{m}</p> })}
        </section>
    }
}

/// **E4/W1** The prize desk: after the event ends, a participant's chips are exchanged for
/// a prize, which leaves stock in the same transaction. Two offline tablets can both pass
/// this check; the merge finds it and [`ConflictsCard`] shows it to staff.
#[component]
pub fn PrizeDesk(event: String) -> impl IntoView {
    let ctx = use_events();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let who = RwSignal::new(None::<String>);
    let prize = RwSignal::new(String::new());
    let chips = RwSignal::new(String::new());
    let msg = RwSignal::new(None::<(bool, String)>);
    let eid = event.clone();
    let rec = Memo::new(move |_| ctx.get(&eid));
    let balance = Memo::new(move |_| {
        let w = who.get()?;
        rec.get().map(|r| ledger(&r.chips, &r.event).balance(&w))
    });
    let prizes = Memo::new(move |_| {
        rec.get().map(|r| levels(&r.stock, i64::MAX).into_iter().collect::<Vec<_>>()).unwrap_or_default()
    });
    let open = move || rec.get().is_some_and(|r| r.event.phase(ctx.now.get()) == crate::domain::event::Phase::Ended);
    let redeem = move |_| {
        let lang = i18n.lang();
        let Some(r) = rec.get_untracked() else { return };
        let Some(w) = who.get_untracked() else {
            return msg.set(Some((false, EMsg::PickSomeone.text(lang).into())));
        };
        let p = prize.get_untracked();
        if p.trim().is_empty() {
            return msg.set(Some((false, EMsg::PickPrize.text(lang).into())));
        }
        let Ok(n) = chips.get_untracked().trim().parse::<u32>() else {
            return msg.set(Some((false, EMsg::ErrChips.text(lang).into())));
        };
        // The command checks the prize desk is open and the balance covers it (E4).
        let ev = r.event.id.clone();
        cmds.run(
            move |db, a| async move { redeem_chips(db.store(), &a, &ev, &w, &p, n).await },
            move |r| {
                msg.set(Some(match r {
                    Ok(_) => (true, EMsg::Redeemed.text(lang).into()),
                    Err(e) => (false, command_error(lang, &e)),
                }))
            },
        );
    };
    view! {
        <ConflictsCard id=event.clone() />
        <section class="card form" data-testid="prize-desk">
            <h2>{t(EMsg::PrizesTitle)}</h2>
            <Show when=move || !open()><p class="notice warn" data-testid="prizes-closed">{t(EMsg::PrizesAfterEnd)}</p></Show>
            <ParticipantPicker event=event.clone() selected=who />
            <p class="balance" data-testid="prize-balance">{t(EMsg::Balance)}": "<strong>{move || balance.get().map(|b| b.to_string()).unwrap_or_else(|| "—".into())}</strong></p>
            <div class="grid-2">
                <label class="field"><span>{t(EMsg::Prize)}</span>
                    <select data-testid="prize-item" on:change=move |ev| prize.set(event_target_value(&ev))>
                        <option value="">"—"</option>
                        {move || prizes.get().into_iter().map(|(it, n)| { let v = it.clone(); view! { <option value=v>{it}" ("{n}")"</option> } }).collect_view()}
                    </select>
                </label>
                <label class="field"><span>{t(EMsg::Chips)}</span><input type="number" min="1" inputmode="numeric" data-testid="prize-chips" prop:value=move || chips.get() on:input=move |ev| chips.set(event_target_value(&ev)) /></label>
            </div>
            <div class="actions"><button type="button" class="primary big" data-testid="prize-redeem" on:click=redeem>{t(EMsg::Redeem)}</button></div>
            {move || msg.get().map(|(ok, m)| view! { <p class=if ok { "ok" } else { "error" } role="status" data-testid="prize-msg">{m}</p> })}
        </section>
    }
}
