use leptos::prelude::*;

use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::activities::activity_sheet::use_activity_sheet;
use crate::ui::customers::customer_tabs::section_href;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::activities::{day_text, kind_code, kind_label, stage_label, AMsg};
use crate::ui::i18n::customers::{date_text, CMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::platform::set_hash;

/// How many of the latest activities the overview shows.
const LATEST: usize = 3;

/// What the rep last did with the customer and what was agreed next (V3, V4), for the
/// overview tab: the next step of the latest activity that set one, the latest few
/// activities, and the way to log another or see them all.
#[component]
pub fn CustomerOverview(id: String) -> impl IntoView {
    let ctx = use_customers();
    let feed = activity_feed();
    let i18n = use_i18n();
    let sheet = use_activity_sheet();
    let cid = StoredValue::new(id);
    let mine = Memo::new(move |_| {
        let id = cid.get_value();
        let mut v: Vec<_> = feed.data.with(|d| d.activities.iter().filter(|a| a.customer_id == id).cloned().collect());
        v.sort_by_key(|a| std::cmp::Reverse(a.at_ms));
        v
    });
    let next = Memo::new(move |_| mine.with(|v| v.iter().find_map(|a| a.next_step.clone())));
    view! {
        <section class="card overview-latest" data-testid="overview-latest">
            <div class="card-head">
                <h2>{t(CMsg::LatestActivities)}</h2>
                {sheet.map(|s| view! {
                    <button type="button" data-testid="overview-log" aria-haspopup="dialog" on:click=move |_| s.open(None)>
                        {t(AMsg::LogActivity)}
                    </button>
                })}
            </div>
            {move || next.get().map(|n| view! {
                <p class="notice next-step" data-testid="overview-next-step">
                    <span class="label">{t(CMsg::NextStepAgreed)}": "</span>{n.text.clone()}
                    {n.due_on.map(|d| view! { " · "{move || day_text(i18n.lang(), d)} })}
                </p>
            })}
            <ol class="plain-list overview-activities">
                {move || {
                    let items = mine.get();
                    if items.is_empty() {
                        return view! { <li class="muted" data-testid="overview-no-activity">{t(AMsg::NoActivities)}</li> }.into_any();
                    }
                    items.into_iter().take(LATEST).map(|a| {
                        let who = ctx.data.with_untracked(|d| d.name_of(&a.rep));
                        let met = a.people_met.iter().map(|p| p.name.clone()).filter(|n| !n.is_empty()).collect::<Vec<_>>().join(", ");
                        let what = if a.needs.is_empty() { a.notes.clone() } else { a.needs.clone() };
                        view! {
                            <li data-testid="overview-activity" data-kind=kind_code(a.kind)>
                                <div class="row-head">
                                    <span class="badge">{move || kind_label(i18n.lang(), a.kind)}</span>
                                    <span class="muted">{move || date_text(i18n.lang(), a.at_ms)}" · "{who.clone()}</span>
                                    {a.visit_stage.map(|s| view! { <span class="badge stage">{move || stage_label(i18n.lang(), s)}</span> })}
                                </div>
                                {(!met.is_empty()).then(|| view! { <p class="person">{met}</p> })}
                                {(!what.is_empty()).then(|| view! { <p class="muted clamp">{what}</p> })}
                            </li>
                        }
                    }).collect_view().into_any()
                }}
            </ol>
            <Show when=move || mine.with(|v| v.len() > LATEST)>
                <button type="button" class="link" data-testid="overview-all"
                    on:click=move |_| set_hash(&section_href(&cid.get_value(), "activities"))>
                    {t(CMsg::AllActivities)}
                </button>
            </Show>
        </section>
    }
}
