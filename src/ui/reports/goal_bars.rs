use leptos::prelude::*;

use crate::domain::sales_plan::GoalProgress;
use crate::ui::i18n::plans::PMsg;
use crate::ui::i18n::targets::{amount_text, attainment_text, measure_label};
use crate::ui::i18n::use_i18n;

/// V9: a plan's goals as progress bars — result of target, the percentage, and what is
/// still needed per working day left (the plans card and the monthly report both).
#[component]
pub fn GoalBars(lines: Vec<GoalProgress>) -> impl IntoView {
    let i18n = use_i18n();
    lines
        .into_iter()
        .map(|g| {
            let (m, p) = (g.measure, g.progress);
            let need = move || match p.per_day_needed {
                Some(n) => format!("{} {}", PMsg::PerDay.text(i18n.lang()), amount_text(m, n)),
                None if p.gap == 0 => PMsg::Met.text(i18n.lang()).to_owned(),
                None => String::new(),
            };
            view! {
                <div class="goal-bar" data-testid="goal" data-measure=m.code() data-actual=p.actual
                    data-attainment=p.attainment_bp.unwrap_or(0)>
                    <div class="goal-head">
                        <span>{move || measure_label(i18n.lang(), m)}</span>
                        <strong>{format!("{} / {}", amount_text(m, p.actual), amount_text(m, p.target))}</strong>
                    </div>
                    <progress max="10000" value=p.attainment_bp.unwrap_or(0).min(10_000)
                        aria-label=move || measure_label(i18n.lang(), m)></progress>
                    <div class="goal-foot muted">
                        <span>{attainment_text(p.attainment_bp)}</span>
                        <span data-testid="goal-need">{need}</span>
                    </div>
                </div>
            }
        })
        .collect_view()
}
