use leptos::prelude::*;

use crate::domain::money::{format_yuan, parse_yuan};
use crate::domain::pool::PoolSettings;
use crate::domain::profile::Role;
use crate::domain::team_rules::{check_rules, RulesError};
use crate::domain::tier::TierSettings;
use crate::storage::team_rules::rules_change;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::customers::CMsg;
use crate::ui::i18n::pool::{rules_error_text, PMsg};
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::state::session::use_session;
use crate::ui::state::write::Writer;

/// The team's readings of P1, P3, P8 and C3 (months, days, thresholds). Managers edit;
/// everyone sees what applies. Synced to the team.
#[component]
pub fn RulesSettings() -> impl IntoView {
    let ctx = use_customers();
    let writer = Writer::new();
    let session = use_session();
    let i18n = use_i18n();
    let is_manager = move || session.current_profile().map(|p| p.role == Role::Manager).unwrap_or(false);
    // One text per input, in form order.
    let texts: [RwSignal<String>; 9] = std::array::from_fn(|_| RwSignal::new(String::new()));
    // The team's numbers fill the form until someone types: a late read (the first load,
    // a pull) must not wipe an edit in progress. Saving hands the form back.
    let dirty = RwSignal::new(false);
    Effect::new(move |_| {
        let (p, tr) = (ctx.pool.get(), ctx.tiers.get());
        let vals = [
            p.p1_months.to_string(),
            p.p3_months.to_string(),
            p.p8_days.to_string(),
            tr.window_months.to_string(),
            format_yuan(tr.vip_fen),
            format_yuan(tr.a_fen),
            format_yuan(tr.b_fen),
            tr.long_term_months.to_string(),
            tr.late_days_poor.to_string(),
        ];
        if dirty.get_untracked() {
            return;
        }
        for (s, v) in texts.iter().zip(vals) {
            s.set(v);
        }
    });
    let error = RwSignal::new(None::<Option<RulesError>>);
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = |i: usize| texts[i].get_untracked().trim().parse::<u32>().ok();
        let y = |i: usize| parse_yuan(&texts[i].get_untracked()).ok();
        let parsed = (|| {
            let pool = PoolSettings { p1_months: n(0)?, p3_months: n(1)?, p8_days: n(2)?, ..ctx.pool.get_untracked() };
            let tiers = TierSettings {
                window_months: n(3)?,
                vip_fen: y(4)?,
                a_fen: y(5)?,
                b_fen: y(6)?,
                long_term_months: n(7)?,
                late_days_poor: n(8)?,
            };
            Some((pool, tiers))
        })();
        let Some(new) = parsed else {
            return error.set(Some(None));
        };
        if let Err(e) = check_rules(&new.0, &new.1) {
            return error.set(Some(Some(e)));
        }
        error.set(None);
        let old = (ctx.pool.get_untracked(), ctx.tiers.get_untracked());
        writer.write(
            move |by| Ok(rules_change(&old, &new, by).unwrap_or_default()),
            move |r| {
                if r.is_ok() {
                    dirty.set(false);
                }
                saved.set(r.is_ok());
            },
        );
    };
    let labels = [
        PMsg::RuleP1,
        PMsg::RuleP3,
        PMsg::RuleP8,
        PMsg::RuleWindow,
        PMsg::RuleVip,
        PMsg::RuleA,
        PMsg::RuleB,
        PMsg::RuleLongTerm,
        PMsg::RuleLate,
    ];
    view! {
        <form class="card form" data-testid="rules-settings" on:submit=save novalidate>
            <h2>{t(PMsg::RulesTitle)}</h2>
            <div class="grid-2">
                {labels.into_iter().enumerate().map(|(i, l)| view! {
                    <label class="field"><span>{t(l)}</span>
                        <input type="text" inputmode="decimal" data-testid=format!("rule-{i}") prop:disabled=move || !is_manager()
                            prop:value=move || texts[i].get() on:input=move |ev| { dirty.set(true); texts[i].set(event_target_value(&ev)); saved.set(false); } />
                    </label>
                }).collect_view()}
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="rules-error">{move || rules_error_text(i18n.lang(), e.as_ref())}</p> })}
            <Show when=is_manager fallback=|| view! { <p class="muted">{t(PMsg::RulesManagerOnly)}</p> }>
                <div class="actions">
                    <Show when=move || saved.get()><span class="ok" role="status" data-testid="rules-saved">{t(CMsg::Saved)}</span></Show>
                    <button type="submit" class="primary" data-testid="rules-save">{t(Msg::Save)}</button>
                </div>
            </Show>
        </form>
    }
}
