use leptos::prelude::*;

use crate::app::settings::{can_edit_team_settings, save_team_rules};
use crate::domain::money::{format_yuan, parse_yuan};
use crate::domain::pool::PoolSettings;
use crate::domain::team_rules::{check_rules, RulesError};
use crate::domain::tier::TierSettings;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::customers::CMsg;
use crate::ui::i18n::pool::{rules_error_text, PMsg};
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::state::command::Commands;

/// The team's readings of P1, P3, P8 and C3 (months, days, thresholds). Managers edit;
/// everyone sees what applies. Synced to the team.
#[component]
pub fn RulesSettings() -> impl IntoView {
    let ctx = use_customers();
    let cmds = Commands::new();
    let i18n = use_i18n();
    let is_manager = move || cmds.can(can_edit_team_settings);
    // One text per input, in form order.
    let texts: [RwSignal<String>; 9] = std::array::from_fn(|_| RwSignal::new(String::new()));
    // The team's numbers fill the form until someone types: a late read (the first load,
    // a pull) must not wipe an edit in progress. Saving hands the form back.
    let dirty = RwSignal::new(false);
    // P9: whether a customer waits for its release note before it is claimable.
    let require_note = RwSignal::new(false);
    Effect::new(move |_| {
        let (p, tr) = (ctx.pool.get(), ctx.tiers.get());
        let require = p.require_release_note;
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
        require_note.set(require);
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
            let pool = PoolSettings {
                p1_months: n(0)?,
                p3_months: n(1)?,
                p8_days: n(2)?,
                require_release_note: require_note.get_untracked(),
                ..ctx.pool.get_untracked()
            };
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
        cmds.run(
            move |db, a| async move { save_team_rules(db.store(), &a, &new).await },
            move |r| {
                let ok = r.as_ref().map_or_else(|e| e.is_unchanged(), |_| true);
                if ok {
                    dirty.set(false);
                }
                saved.set(ok);
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
            <label class="check">
                <input type="checkbox" data-testid="rule-require-note" prop:disabled=move || !is_manager()
                    prop:checked=move || require_note.get()
                    on:change=move |ev| { dirty.set(true); saved.set(false); require_note.set(event_target_checked(&ev)); } />
                <span>{t(PMsg::RequireNote)}</span>
            </label>
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
