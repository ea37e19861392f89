use leptos::prelude::*;

use crate::domain::target::{Period, PeriodKind};
use crate::ui::i18n::targets::{kind_label, period_label, TMsg};
use crate::ui::i18n::{t, use_i18n};

/// The ‹ period › stepper every report card shares: the period's name between buttons
/// to the one before and after. Test ids are `<id>-prev`, `<id>-next` and `label_id` for
/// the name, which carries the period's code.
#[component]
pub fn PeriodStep(period: RwSignal<Option<Period>>, id: &'static str, label_id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="period-step">
            <button type="button" data-testid=format!("{id}-prev") aria-label=move || TMsg::Prev.text(i18n.lang())
                on:click=move |_| period.update(|p| *p = p.map(|p| p.step(-1)))>"‹"</button>
            <strong data-testid=label_id data-code=move || period.get().map(|p| p.code()).unwrap_or_default()>
                {move || period.get().map(|p| period_label(i18n.lang(), &p)).unwrap_or_default()}
            </strong>
            <button type="button" data-testid=format!("{id}-next") aria-label=move || TMsg::Next.text(i18n.lang())
                on:click=move |_| period.update(|p| *p = p.map(|p| p.step(1)))>"›"</button>
        </div>
    }
}

/// The period kind (year, quarter, month…) and its stepper: choosing a kind moves to the
/// period of that kind containing `today`. Test ids: `<id>-kind`, then as [`PeriodStep`].
#[component]
pub fn PeriodPicker(
    kinds: Vec<PeriodKind>,
    kind: RwSignal<PeriodKind>,
    period: RwSignal<Option<Period>>,
    #[prop(into)] today: Signal<chrono::NaiveDate>,
    id: &'static str,
    label_id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = kinds
        .into_iter()
        .map(|k| view! { <option value=k.code()>{move || kind_label(i18n.lang(), k)}</option> })
        .collect_view();
    view! {
        <label class="field"><span>{t(TMsg::Period)}</span>
            <select data-testid=format!("{id}-kind") prop:value=move || kind.get().code() on:change=move |ev| {
                if let Some(k) = PeriodKind::from_code(&event_target_value(&ev)) {
                    kind.set(k);
                    period.set(Some(Period::containing(k, today.get_untracked())));
                }
            }>{options}</select>
        </label>
        <PeriodStep period id label_id />
    }
}
