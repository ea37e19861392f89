use leptos::prelude::*;

use crate::ui::reports::kpi_card::KpiCard;
use crate::ui::reports::work_diary::WorkDiary;
use crate::ui::reports::work_reports::WorkReports;

/// Reports: targets against results (T1–T3), sales plans (V9), the work diary and the work reports (V9),
/// the KPIs (A2), the application status report (A1) and the training record. Each is its own
/// component, so other reports (incentives) can sit beside them.
#[component]
pub fn ReportsPage() -> impl IntoView {
    crate::ui::activities::activity_feed::provide_activity_feed();
    view! {
        <crate::ui::reports::targets_card::TargetsCard />
        <crate::ui::reports::plans_card::PlansCard />
        <crate::ui::reports::sales_report_card::SalesReportCard />
        <WorkDiary />
        <WorkReports />
        <KpiCard />
        <crate::ui::reports::app_status_card::AppStatusCard />
        <crate::ui::reports::training_card::TrainingCard />
    }
}
