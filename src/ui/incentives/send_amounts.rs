use leptos::prelude::*;

use crate::domain::incentive::{Payee, Track};
use crate::domain::money::format_yuan;
use crate::ui::i18n::incentives::{amount_sms, IMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::incentives::incentives_page::IncentivesCtx;

/// Whom a track's last step tells their amount (I7): the stations' track each station,
/// the branches' track each maintainer and branch head, with the month's statement total.
/// The figures hold no phone numbers, so each text opens with its body only and the
/// sender picks the number.
fn recipients(ctx: IncentivesCtx, track: Track) -> Vec<(String, i64)> {
    let month = ctx.month.get();
    ctx.data.with(|d| {
        let Some(s) = d.statements(&month) else { return Vec::new() };
        let names = d.month(&month).map(|m| m.figures.stations.clone()).unwrap_or_default();
        let list = match track {
            Track::Stations => s.stations,
            Track::Branches => s.maintainers.into_iter().chain(s.heads).collect(),
        };
        list.into_iter()
            .map(|st| {
                let label = match &st.payee {
                    Payee::Station(code) => match names.iter().find(|f| &f.station == code) {
                        Some(f) if !f.name.is_empty() => format!("{code} {}", f.name),
                        _ => code.clone(),
                    },
                    p => p.name().to_owned(),
                };
                (label, st.total_fen())
            })
            .collect()
    })
}

/// "Send amounts": one `sms:` link per person, the text with their name, the month and
/// their total in yuan filled in.
#[component]
pub fn SendAmounts(
    ctx: IncentivesCtx,
    track: Track,
    /// Kept by the card, so the list stays open when the steps are drawn again.
    open: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let people = Memo::new(move |_| recipients(ctx, track));
    view! {
        <details class="send-amounts" data-testid="send-amounts" prop:open=move || open.get()>
            <summary on:click=move |ev| {
                ev.prevent_default();
                open.update(|o| *o = !*o);
            }>{t(IMsg::SendAmounts)}</summary>
            <p class="muted">{t(IMsg::SendHint)}</p>
            {move || people.get().is_empty().then(|| view! { <p class="muted">{t(IMsg::NoStatements)}</p> })}
            <ul class="plain-list sms-list">
                {move || {
                    let month = ctx.month.get();
                    people.get().into_iter().map(|(name, total)| {
                        let text = amount_sms(i18n.lang(), &name, &month, total);
                        let href = format!("sms:?body={}", js_sys::encode_uri_component(&text));
                        view! {
                            <li>
                                <a class="button sms-link" data-testid="sms-amount" data-total=total.to_string() href=href>
                                    <span>{name}</span>
                                    <span class="num">{format_yuan(total)}</span>
                                </a>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
        </details>
    }
}
