use leptos::prelude::*;

use crate::app::activities::{can_edit_activity_rules, save_activity_rules};
use crate::domain::cadence::CadenceSettings;
use crate::domain::quota::{QuotaPeriod, QuotaSettings};
use crate::storage::activities::ActivityRules;
use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::i18n::activities::{quota_rule_label, AMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;

fn is_234(q: &QuotaSettings) -> bool {
    q.quotas.iter().any(|x| x.customer.is_some())
}

/// The team's follow-up intervals (V6, K3, V1) and activity quotas (V7). Managers edit;
/// everyone sees what applies. Synced to the team.
#[component]
pub fn ActivityRulesSettings() -> impl IntoView {
    let feed = activity_feed();
    let cmds = Commands::new();
    let i18n = use_i18n();
    // Editable once the stored rules are shown, so nothing typed is drawn over by them.
    let is_manager = move || cmds.can(can_edit_activity_rules) && feed.loaded.get();
    let days: [RwSignal<String>; 5] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let roll = RwSignal::new(true);
    let quotas = RwSignal::new(QuotaSettings::default());
    let mins = RwSignal::new(Vec::<String>::new());
    // What the fields were last filled from; `edited` once the manager changes a field,
    // until a save. The page re-reads its records after every change and sync round: a
    // re-read with the same rules leaves the fields alone, and newer rules (another
    // tablet's) do not replace what is being typed — the form says so instead.
    let shown = StoredValue::new(None::<ActivityRules>);
    let edited = RwSignal::new(false);
    let newer = RwSignal::new(false);
    let fill = move |r: ActivityRules| {
        let c = &r.cadence;
        for (s, v) in days.iter().zip([
            c.early_design_days,
            c.other_stage_days,
            c.special_background_days,
            c.service_return_days,
            c.confirm_call_days,
        ]) {
            s.set(v.to_string());
        }
        roll.set(c.roll_to_working_day);
        mins.set(r.quotas.quotas.iter().map(|q| q.min.to_string()).collect());
        quotas.set(r.quotas.clone());
        shown.set_value(Some(r));
        edited.set(false);
        newer.set(false);
    };
    Effect::new(move |_| {
        let r = feed.data.with(|d| d.rules.clone());
        if shown.with_value(|s| s.as_ref() == Some(&r)) {
            return;
        }
        if edited.get_untracked() {
            newer.set(true);
        } else {
            fill(r);
        }
    });
    let touch = move || edited.set(true);
    let error = RwSignal::new(None::<AMsg>);
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let n = |i: usize| days[i].get_untracked().trim().parse::<u32>().ok();
        let Some(cadence) = (|| {
            Some(CadenceSettings {
                early_design_days: n(0)?,
                other_stage_days: n(1)?,
                special_background_days: n(2)?,
                service_return_days: n(3)?,
                confirm_call_days: n(4)?,
                roll_to_working_day: roll.get_untracked(),
            })
        })()
        .filter(|c| c.check().is_ok()) else {
            return error.set(Some(AMsg::ErrInterval));
        };
        let mut q = quotas.get_untracked();
        let ms = mins.get_untracked();
        for (i, quota) in q.quotas.iter_mut().enumerate() {
            match ms.get(i).and_then(|m| m.trim().parse::<u32>().ok()) {
                Some(m) => quota.min = m,
                None => return error.set(Some(AMsg::ErrQuota)),
            }
        }
        if q.check().is_err() {
            return error.set(Some(AMsg::ErrQuota));
        }
        error.set(None);
        let mine = ActivityRules { cadence, quotas: q };
        // Only what was changed here is saved over the rules as stored now.
        let latest = feed.data.with_untracked(|d| d.rules.clone());
        let new = shown.with_value(|base| base.as_ref().map_or(mine.clone(), |b| mine.rebased(b, &latest)));
        cmds.run(
            move |db, a| async move { save_activity_rules(db.store(), &a, &new).await },
            move |r| {
                let ok = r.as_ref().map_or_else(|e| e.is_unchanged(), |_| true);
                saved.set(ok);
                if ok {
                    // The re-read after the save fills the fields with what was stored.
                    edited.set(false);
                    newer.set(false);
                }
            },
        );
    };
    let labels = [AMsg::EarlyDesignDays, AMsg::OtherStageDays, AMsg::SpecialDays, AMsg::ServiceDays, AMsg::ConfirmDays];
    view! {
        <form class="card form" data-testid="activity-rules" on:submit=save novalidate>
            <h2>{t(AMsg::RulesTitle)}</h2>
            <div class="grid-2">
                {labels.into_iter().enumerate().map(|(i, l)| view! {
                    <label class="field"><span>{t(l)}</span>
                        <input type="number" min="1" max="90" data-testid=format!("cadence-{i}") prop:disabled=move || !is_manager()
                            prop:value=move || days[i].get() on:input=move |ev| { days[i].set(event_target_value(&ev)); touch(); saved.set(false); } />
                    </label>
                }).collect_view()}
            </div>
            <label class="check">
                <input type="checkbox" data-testid="cadence-roll" prop:disabled=move || !is_manager() prop:checked=move || roll.get()
                    on:change=move |ev| { roll.set(event_target_checked(&ev)); touch(); } />
                <span>{t(AMsg::RollToWorkingDay)}</span>
            </label>
            <label class="field"><span>{t(AMsg::QuotaPreset)}</span>
                <select data-testid="quota-preset" prop:disabled=move || !is_manager()
                    prop:value=move || if quotas.with(is_234) { "234" } else { "default" }
                    on:change=move |ev| {
                        let q = if event_target_value(&ev) == "234" { QuotaSettings::two_three_four() } else { QuotaSettings::default() };
                        mins.set(q.quotas.iter().map(|x| x.min.to_string()).collect());
                        quotas.set(q);
                        touch();
                        saved.set(false);
                    }>
                    <option value="default">{t(AMsg::PresetDefault)}</option>
                    <option value="234">{t(AMsg::Preset234)}</option>
                </select>
            </label>
            <div class="grid-2">
                {move || quotas.get().quotas.into_iter().enumerate().map(|(i, q)| {
                    let weekly = q.period == QuotaPeriod::Week;
                    view! {
                        <label class="field" class:weekly=weekly><span>{move || quota_rule_label(i18n.lang(), &q)}</span>
                            <input type="number" min="1" max="500" data-testid=format!("quota-min-{i}") prop:disabled=move || !is_manager()
                                prop:value=move || mins.with(|m| m.get(i).cloned().unwrap_or_default())
                                on:input=move |ev| { let v = event_target_value(&ev); mins.update(|m| if let Some(x) = m.get_mut(i) { *x = v }); touch(); saved.set(false); } />
                        </label>
                    }
                }).collect_view()}
            </div>
            <label class="check">
                <input type="checkbox" data-testid="quota-prorate" prop:disabled=move || !is_manager() prop:checked=move || quotas.with(|q| q.prorate_short_weeks)
                    on:change=move |ev| { quotas.update(|q| q.prorate_short_weeks = event_target_checked(&ev)); touch(); } />
                <span>{t(AMsg::ProrateWeeks)}</span>
            </label>
            <Show when=move || newer.get()>
                <p class="notice warn" role="status" data-testid="activity-rules-newer">
                    {t(AMsg::RulesChangedElsewhere)}" "
                    <button type="button" data-testid="activity-rules-use-theirs"
                        on:click=move |_| fill(feed.data.with_untracked(|d| d.rules.clone()))>{t(AMsg::RulesUseTheirs)}</button>
                </p>
            </Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="activity-rules-error">{t(e)}</p> })}
            <Show when=is_manager fallback=|| view! { <p class="muted">{t(AMsg::RulesManagerOnly)}</p> }>
                <div class="actions">
                    <Show when=move || saved.get()><span class="ok" role="status" data-testid="activity-rules-saved">{t(AMsg::RulesSaved)}</span></Show>
                    <button type="submit" class="primary" data-testid="activity-rules-save">{t(AMsg::SaveRules)}</button>
                </div>
            </Show>
        </form>
    }
}
