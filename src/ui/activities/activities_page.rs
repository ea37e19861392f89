use leptos::prelude::*;

use crate::ui::activities::minutes_list::MinutesList;
use crate::ui::activities::visit_form_print::VisitFormPrint;
use crate::ui::activities::visit_plans::VisitPlans;
use crate::ui::i18n::activities::AMsg;
use crate::ui::i18n::t;
use crate::ui::state::route::use_route;

const TABS: [(&str, AMsg); 3] = [("", AMsg::TabPlans), ("minutes", AMsg::TabMinutes), ("projects", AMsg::TabProjects)];

/// The rep's and manager's follow-up work: visit plans (V2), minutes (V5) and projects
/// (J1–J3), one tab each; `#/activities/plan/<id>` is a plan's printable visit form.
#[component]
pub fn ActivitiesPage() -> impl IntoView {
    crate::ui::activities::activity_feed::provide_activity_feed();
    let route = use_route();
    let tab = move || route.arg().unwrap_or_default();
    let second = move || route.1.with(|v| v.get(1).cloned());
    view! {
        {move || (tab() != "plan").then(|| view! {
            <nav class="tabs no-print" data-testid="activities-tabs">
                {TABS.into_iter().map(|(slug, label)| {
                    let href = if slug.is_empty() { "#/activities".to_owned() } else { format!("#/activities/{slug}") };
                    view! {
                        <a class="tab" href=href class:active=move || tab() == slug
                            data-testid=format!("activities-tab-{}", if slug.is_empty() { "plans" } else { slug })>{t(label)}</a>
                    }
                }).collect_view()}
            </nav>
        })}
        {move || match (tab().as_str(), second()) {
            ("minutes", _) => view! { <MinutesList /> }.into_any(),
            ("projects", _) => view! { <crate::ui::activities::projects_card::ProjectsCard customer=None /> }.into_any(),
            ("plan", Some(id)) => view! { <VisitFormPrint id=id /> }.into_any(),
            _ => view! { <VisitPlans /> }.into_any(),
        }}
    }
}
