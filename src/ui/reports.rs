//! Work diary, daily/weekly/monthly reports and the KPI sheet (V9, A2).

pub mod app_status_card;
pub mod goal_bars;
pub mod kpi_card;
pub mod plans_card;
pub mod reports_page;
pub mod sales_report_card;
pub mod targets_card;
pub mod team_plans;
pub mod training_card;
pub mod work_diary;
pub mod work_reports;
