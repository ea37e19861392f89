use leptos::prelude::*;

use crate::domain::chips::ledger;
use crate::domain::participant::participants;
use crate::ui::events::conflicts_card::ConflictsCard;
use crate::ui::events::events_ctx::use_events;
use crate::ui::i18n::events::{children_text, relation_label, EMsg};
use crate::ui::i18n::{t, use_i18n};

/// **E3/E4** Everyone who came, merged across tablets by phone, with their children,
/// how many registrations (tablets) they have, and their chips; conflicts to settle.
#[component]
pub fn ParticipantsCard(id: String) -> impl IntoView {
    let ctx = use_events();
    let i18n = use_i18n();
    let query = RwSignal::new(String::new());
    let eid = id.clone();
    let rows = Memo::new(move |_| {
        ctx.get(&eid)
            .map(|r| {
                let l = ledger(&r.chips, &r.event);
                participants(&r.registrations)
                    .into_iter()
                    .map(|p| {
                        let b = l.balances.get(&p.key).copied().unwrap_or_default();
                        (p, b)
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <ConflictsCard id=id.clone() />
        <section class="card" data-testid="participants">
            <div class="actions between">
                <h2>{t(EMsg::Participants)}" "<span class="muted" data-testid="participant-count">{move || rows.with(Vec::len)}</span></h2>
                <input type="search" class="search" data-testid="participant-search" placeholder=t(EMsg::SearchPeople)
                    prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
            </div>
            {move || {
                let q = query.get().trim().to_lowercase();
                let list: Vec<_> = rows.get().into_iter().filter(|(p, _)| q.is_empty() || p.name.to_lowercase().contains(&q) || p.key.contains(&q)).collect();
                if list.is_empty() {
                    return view! { <p class="muted" data-testid="participants-empty">{t(EMsg::NoParticipants)}</p> }.into_any();
                }
                view! {
                    <table class="table" data-testid="participant-table">
                        <thead><tr>
                            <th>{t(EMsg::Name)}</th><th>{t(EMsg::Phone)}</th><th>{t(EMsg::Relation)}</th><th>{t(EMsg::Children)}</th>
                            <th class="num">{t(EMsg::Chips)}</th><th class="num">{t(EMsg::Registrations)}</th>
                        </tr></thead>
                        <tbody>
                            {list.into_iter().map(|(p, b)| {
                                let (rel, kids) = (p.relation, p.children.clone());
                                let first = p.registrations.first().map(|r| ctx.when(r.stamp.wall_ms)).unwrap_or_default();
                                view! {
                                    <tr data-testid="participant-row" data-key=p.key.clone()>
                                        <td data-testid="participant-name">{p.name.clone()}</td>
                                        <td>{p.key.clone()}</td>
                                        <td>{move || relation_label(i18n.lang(), rel)}</td>
                                        <td>{move || children_text(i18n.lang(), &kids)}</td>
                                        <td class="num" data-testid="participant-balance" data-earned=b.earned data-redeemed=b.redeemed>{b.balance}</td>
                                        <td class="num" data-testid="participant-registrations" title=first>{p.registrations.len()}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
