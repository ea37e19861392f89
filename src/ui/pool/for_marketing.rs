use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::app::territory::{can_forward, forward_to_marketing};
use crate::domain::calendar::TeamCalendar;
use crate::domain::forwarding::{for_marketing, Reviewed};
use crate::domain::pool::FactKind;
use crate::storage::forwarding::{load_forwarded, Forwarded};
use crate::storage::settings::load_calendar;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::activities::day_text;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::customers::date_text;
use crate::ui::i18n::pool::PMsg;
use crate::ui::i18n::territory::TerMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::load::load_on_change;

/// How many files already sent the list still shows, newest first.
const RECENT: usize = 5;

/// Seed 002 (第三条（一）): files the manager has reviewed (C6), due at the marketing
/// department the next working day (team calendar; computed, never stored), overdue
/// ones first and flagged; one tap records who sent it and when.
#[component]
pub fn ForMarketing() -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    let cmds = Commands::new();
    let cal = RwSignal::new(None::<TeamCalendar>);
    let sent = RwSignal::new(BTreeMap::<String, Forwarded>::new());
    load_on_change(
        move |db| async move { Ok((load_calendar(db.store()).await?, load_forwarded(db.store()).await?)) },
        move |(c, f)| {
            cal.try_set(Some(c));
            sent.try_set(f);
        },
    );
    let list = Memo::new(move |_| {
        let Some(cal) = cal.get() else {
            return Vec::new();
        };
        ctx.data.with(|d| {
            let items: Vec<Reviewed> = sent.with(|s| {
                d.customers
                    .iter()
                    .filter_map(|c| {
                        let at = c
                            .rec
                            .facts
                            .iter()
                            .filter(|f| f.kind == FactKind::Reviewed)
                            .map(|f| f.stamp.wall_ms)
                            .min()?;
                        Some(Reviewed { id: c.rec.id.clone(), reviewed_ms: at, forwarded: s.contains_key(&c.rec.id) })
                    })
                    .collect()
            });
            for_marketing(&items, &cal, d.now_ms)
                .into_iter()
                .filter_map(|i| Some((d.get(&i.id)?.rec.file.name.clone(), i)))
                .collect::<Vec<_>>()
        })
    });
    let recent = Memo::new(move |_| {
        let mut v: Vec<(i64, String, String)> = sent.with(|s| {
            ctx.data.with(|d| {
                s.iter()
                    .filter_map(|(id, f)| Some((f.at_ms, d.get(id)?.rec.file.name.clone(), d.name_of(&f.by))))
                    .collect()
            })
        });
        v.sort_by_key(|b| std::cmp::Reverse(b.0));
        v.truncate(RECENT);
        v
    });
    let error = RwSignal::new(None::<String>);
    let may_send = move || cmds.can(can_forward);
    view! {
        <section class="card" data-testid="for-marketing">
            <h2>{t(TerMsg::MarketingTitle)}</h2>
            <p class="muted">{t(TerMsg::MarketingHint)}</p>
            <Show when=move || list.with(Vec::is_empty)>
                <p class="muted" data-testid="for-marketing-empty">{t(TerMsg::NothingToSend)}</p>
            </Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <ul class="plain-list">
                {move || list.get().into_iter().map(|(name, i)| {
                    let id = i.id.clone();
                    let due = i.due;
                    view! {
                        <li class="queue-row" data-testid="for-marketing-row" data-overdue=i.overdue.to_string()>
                            <a href=format!("#/customers/{}", i.id)><strong>{name}</strong></a>
                            <span class="muted">{t(TerMsg::ReviewedOn)}" "{move || date_text(i18n.lang(), i.reviewed_ms)}
                                {move || due.map(|d| format!(" · {} {}", TerMsg::DueOn.text(i18n.lang()), day_text(i18n.lang(), d)))}</span>
                            {i.overdue.then(|| view! { <span class="badge danger">{t(PMsg::Overdue)}</span> })}
                            <Show when=may_send>
                                {let id = id.clone(); move || { let id = id.clone(); view! {
                                    <button type="button" data-testid="for-marketing-sent" on:click=move |_| {
                                        let c = id.clone();
                                        cmds.run(move |db, a| async move { forward_to_marketing(db.store(), &a, &c).await },
                                            move |r| error.set(r.err().filter(|e| !e.is_unchanged()).map(|e| command_error(i18n.lang(), &e))));
                                    }>{t(TerMsg::MarkSent)}</button>
                                } }}
                            </Show>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=move || !recent.with(Vec::is_empty)>
                <h3>{t(TerMsg::RecentlySent)}</h3>
                <ul class="plain-list" data-testid="for-marketing-sent-list">
                    {move || recent.get().into_iter().map(|(at, name, by)| view! {
                        <li><strong>{name}</strong>" · "<span class="muted">{by}" · "{move || date_text(i18n.lang(), at)}</span></li>
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
