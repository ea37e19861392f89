use leptos::prelude::*;

use super::customer_namer;
use crate::app::competitors::can_record_competitor;
use crate::domain::competitor::{by_competitor, by_region, sightings_csv, Sighting};
use crate::domain::money::format_yuan;
use crate::storage::competitors::load_sightings;
use crate::ui::i18n::aftersales::FMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::load::load_on_change;
use crate::ui::widgets::file_io::download;

/// Competitor sightings grouped by competitor (or by region on the team page), newest
/// first within a group, exported as CSV; only `customer`'s on a customer's page.
#[component]
pub fn CompetitorList(#[prop(optional)] customer: Option<String>, edit: RwSignal<Option<Sighting>>) -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let customer_name = customer_namer();
    let team = customer.is_none();
    let cust = StoredValue::new(customer);
    let items = RwSignal::new(Vec::<Sighting>::new());
    load_on_change(
        move |db| async move { load_sightings(db.store()).await },
        move |all| {
            let Some(c) = cust.try_get_value() else { return };
            items.try_set(all.into_iter().filter(|s| c.is_none() || s.customer_id == c).collect());
        },
    );
    let by_reg = RwSignal::new(false);
    let export = move |_| {
        let lang = i18n.lang();
        let h = [
            FMsg::Competitor,
            FMsg::Product,
            FMsg::Price,
            FMsg::Customer,
            FMsg::Region,
            FMsg::SeenOn,
            FMsg::Source,
            FMsg::Strengths,
            FMsg::Weaknesses,
        ]
        .map(|m| m.text(lang));
        let bytes = items.with_untracked(|all| sightings_csv(all, &h, |c| customer_name(Some(c))));
        download("competitors.csv", &bytes, "text/csv");
    };
    let groups = move || {
        items.with(|all| {
            let g = if by_reg.get() { by_region(all) } else { by_competitor(all) };
            g.into_iter().map(|(name, v)| (name, v.into_iter().cloned().collect::<Vec<_>>())).collect::<Vec<_>>()
        })
    };
    let may_edit = move || cmds.can(can_record_competitor);
    view! {
        <div class="filters">
            {team.then(|| view! {
                <label class="field"><span>{t(FMsg::GroupBy)}</span>
                    <select data-testid="cs-group" on:change=move |ev| by_reg.set(event_target_value(&ev) == "region")>
                        <option value="competitor">{t(FMsg::Competitor)}</option>
                        <option value="region">{t(FMsg::Region)}</option>
                    </select>
                </label>
            })}
            <button type="button" data-testid="cs-export" on:click=export disabled=move || items.with(Vec::is_empty)>{t(FMsg::Export)}</button>
        </div>
        <Show when=move || !items.with(Vec::is_empty) fallback=|| view! { <p class="muted">{t(FMsg::CsEmpty)}</p> }>
            {move || groups().into_iter().map(|(name, rows)| {
                let count = rows.len();
                let title = if name.is_empty() { FMsg::NoRegion.text(i18n.lang()).to_owned() } else { name };
                view! {
                    <section class="cs-group" data-testid="cs-group-block">
                        <h3 data-testid="cs-group-name">{title}" ("{count}")"</h3>
                        <ul class="plain-list">
                            {rows.into_iter().map(|s| {
                                let head = [s.competitor.clone(), s.product.clone(), s.price_fen.map(|p| format!("¥{}", format_yuan(p))).unwrap_or_default()]
                                    .into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" · ");
                                let meta = [s.seen_on.to_string(), customer_name(s.customer_id.as_deref()), s.region.clone(), s.source.clone()]
                                    .into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" · ");
                                let sv = StoredValue::new(s.clone());
                                view! {
                                    <li class="cs-row" data-testid="cs-row">
                                        <p><strong>{head}</strong></p>
                                        <p class="muted">{meta}</p>
                                        {(!s.strengths.is_empty()).then(|| view! { <p>"+ "{t(FMsg::Strengths)}": "{s.strengths.clone()}</p> })}
                                        {(!s.weaknesses.is_empty()).then(|| view! { <p>"− "{t(FMsg::Weaknesses)}": "{s.weaknesses.clone()}</p> })}
                                        <Show when=may_edit>
                                            <button type="button" data-testid="cs-edit" on:click=move |_| edit.set(Some(sv.get_value()))>{t(FMsg::Edit)}</button>
                                        </Show>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                }
            }).collect_view()}
        </Show>
    }
}
