use leptos::prelude::*;

use super::competitor_form::CompetitorForm;
use super::competitor_list::CompetitorList;
use super::feedback_form::FeedbackForm;
use super::feedback_list::FeedbackList;
use super::repair_list::RepairList;
use crate::ui::i18n::aftersales::FMsg;
use crate::ui::i18n::t;
use crate::ui::state::route::use_route;

const TABS: [(&str, FMsg); 3] =
    [("", FMsg::TabFeedback), ("competitors", FMsg::TabCompetitors), ("repairs", FMsg::TabRepairs)];

/// The team's market feedback, competitor files and repair jobs (seeds 000/002/003),
/// one at a time by tabs kept in the address (`#/aftersales/repairs`).
#[component]
pub fn AftersalesPage() -> impl IntoView {
    let route = use_route();
    let tab = move || route.arg().unwrap_or_default();
    view! {
        <nav class="tabs" data-testid="as-tabs">
            {TABS.into_iter().map(|(slug, label)| {
                let href = if slug.is_empty() { "#/aftersales".to_owned() } else { format!("#/aftersales/{slug}") };
                let id = if slug.is_empty() { "feedback" } else { slug };
                view! {
                    <a class="tab" href=href class:active=move || tab() == slug
                        aria-current=move || (tab() == slug).then_some("page") data-testid=format!("as-tab-{id}")>{t(label)}</a>
                }
            }).collect_view()}
        </nav>
        {move || match tab().as_str() {
            "competitors" => {
                let edit = RwSignal::new(None);
                view! {
                    <section class="card" data-testid="competitors">
                        <h2>{t(FMsg::CsTitle)}</h2>
                        <p class="muted">{t(FMsg::CsHint)}</p>
                        <CompetitorForm edit />
                        <CompetitorList edit />
                    </section>
                }.into_any()
            }
            "repairs" => {
                let edit = RwSignal::new(None);
                view! {
                    <section class="card" data-testid="repairs">
                        <h2>{t(FMsg::RjTitle)}</h2>
                        <p class="muted">{t(FMsg::RjHint)}</p>
                        <RepairList edit />
                    </section>
                }.into_any()
            }
            _ => view! {
                <section class="card" data-testid="feedback">
                    <h2>{t(FMsg::FbTitle)}</h2>
                    <p class="muted">{t(FMsg::FbHint)}</p>
                    <FeedbackForm />
                    <FeedbackList />
                </section>
            }.into_any(),
        }}
    }
}
