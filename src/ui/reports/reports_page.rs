use leptos::prelude::*;

use crate::ui::reports::kpi_card::KpiCard;
use crate::ui::reports::work_diary::WorkDiary;
use crate::ui::reports::work_reports::WorkReports;

/// Reports: targets against results (T1–T3), the work diary and the work reports (V9),
/// and the KPIs (A2). Each is its own
/// component, so other reports (incentives) can sit beside them.
#[component]
pub fn ReportsPage() -> impl IntoView {
    crate::ui::activities::activity_feed::provide_activity_feed();
    view! {
        <crate::ui::reports::targets_card::TargetsCard />
        <crate::ui::reports::sales_report_card::SalesReportCard />
        <WorkDiary />
        <WorkReports />
        <KpiCard />
    }
}
