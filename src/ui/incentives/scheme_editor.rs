use leptos::prelude::*;

use crate::app::incentives::save_scheme;
use crate::domain::incentive::{knobs, set_knob, Knob, SalesBand, SalesRule, Scheme, Unit, MAX_SALES_BANDS};
use crate::domain::money::{format_yuan, parse_yuan};
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::incentives::{knob_group, knob_label, IMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;

/// One number of the form: the knob, its unit, the text typed.
type Field = (Knob, Unit, RwSignal<String>);

/// A knob's value as typed: yuan, a percentage or a count.
fn shown(unit: Unit, v: i64) -> String {
    match unit {
        Unit::Fen => format_yuan(v).replace(',', ""),
        Unit::BasisPoints if v % 100 == 0 => (v / 100).to_string(),
        Unit::BasisPoints => format!("{}.{:02}", v / 100, v % 100).trim_end_matches('0').to_owned(),
        Unit::Count => v.to_string(),
    }
}

fn read(unit: Unit, text: &str) -> Option<i64> {
    match unit {
        // Yuan to fen, a percentage to basis points: both are hundredths.
        Unit::Fen | Unit::BasisPoints => parse_yuan(text).ok(),
        Unit::Count => text.trim().parse::<u32>().ok().map(i64::from),
    }
}

/// A slug for a knob's `data-testid`.
fn slug(k: Knob) -> String {
    format!("{k:?}").to_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect()
}

/// The manager edits a copy's name, dates and numbers; the command checks the whole
/// scheme and refuses a frozen one.
#[component]
pub fn SchemeEditor(scheme: Scheme, on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let name = RwSignal::new(scheme.name.clone());
    let purpose = RwSignal::new(scheme.purpose.clone());
    let from = RwSignal::new(scheme.valid_from.format("%Y-%m-%d").to_string());
    let to = RwSignal::new(scheme.valid_to.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default());
    let fields: Vec<Field> = knobs(&scheme).into_iter().map(|(k, u, v)| (k, u, RwSignal::new(shown(u, v)))).collect();
    let message = RwSignal::new(None::<String>);
    // The sales tiers: a list the manager grows or shrinks; the first starts at 0.
    let tier = |from: i64, bp: u32| {
        (RwSignal::new(shown(Unit::Fen, from)), RwSignal::new(shown(Unit::BasisPoints, i64::from(bp))))
    };
    let tiers = RwSignal::new(scheme.sales.bands.iter().map(|b| tier(b.from_fen, b.bp)).collect::<Vec<_>>());
    let add_tier = move |_| {
        tiers.update(|t| {
            if t.len() < MAX_SALES_BANDS {
                let last = t.last().map(|(f, r)| (read(Unit::Fen, &f.get_untracked()).unwrap_or(0), r.get_untracked()));
                let (from, rate) = last.unwrap_or((0, "0".into()));
                t.push((RwSignal::new(shown(Unit::Fen, from.saturating_add(100_000_00))), RwSignal::new(rate)));
            }
        })
    };
    let remove_tier = move |_| {
        tiers.update(|t| {
            if t.len() > 1 {
                t.pop();
            }
        })
    };
    let base = StoredValue::new(scheme);
    let all = StoredValue::new(fields.clone());
    let save = move |_| {
        let lang = i18n.lang();
        let mut s = base.get_value();
        s.name = name.get_untracked().trim().to_owned();
        s.purpose = purpose.get_untracked().trim().to_owned();
        let date = |t: &str| chrono::NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").ok();
        let Some(valid_from) = date(&from.get_untracked()) else {
            message.set(Some(format!("{}{}", IMsg::KnobBadNumber.text(lang), IMsg::ValidFrom.text(lang))));
            return;
        };
        s.valid_from = valid_from;
        let to_text = to.get_untracked();
        s.valid_to = if to_text.trim().is_empty() { None } else { date(&to_text) };
        for (k, u, v) in all.get_value() {
            match read(u, &v.get_untracked()) {
                Some(n) => {
                    set_knob(&mut s, k, n);
                }
                None => {
                    message.set(Some(format!("{}{}", IMsg::KnobBadNumber.text(lang), knob_label(lang, k))));
                    return;
                }
            }
        }
        let mut bands = Vec::new();
        for (i, (f, r)) in tiers.get_untracked().into_iter().enumerate() {
            let from_fen = if i == 0 { Some(0) } else { read(Unit::Fen, &f.get_untracked()) };
            let bp = read(Unit::BasisPoints, &r.get_untracked()).and_then(|v| u32::try_from(v).ok());
            match (from_fen, bp) {
                (Some(from_fen), Some(bp)) => bands.push(SalesBand { from_fen, bp }),
                _ => {
                    let what = format!("{} {}", IMsg::SalesTiers.text(lang), i + 1);
                    message.set(Some(format!("{}{what}", IMsg::KnobBadNumber.text(lang))));
                    return;
                }
            }
        }
        s.sales = SalesRule { bands };
        cmds.run(
            move |db, actor| async move { save_scheme(db.store(), &actor, &s).await },
            move |r| {
                message.set(Some(match r {
                    Ok(_) => IMsg::Saved.text(lang).to_owned(),
                    Err(e) if e.is_unchanged() => IMsg::Saved.text(lang).to_owned(),
                    Err(e) => command_error(lang, &e),
                }))
            },
        );
    };
    let mut groups: Vec<(IMsg, Vec<Field>)> = Vec::new();
    for f in fields {
        let g = knob_group(f.0);
        match groups.iter_mut().find(|(x, _)| *x == g) {
            Some((_, list)) => list.push(f),
            None => groups.push((g, vec![f])),
        }
    }
    view! {
        <div class="scheme-editor" data-testid="scheme-editor">
            <label class="knob"><span>{t(IMsg::SchemeName)}</span>
                <input type="text" data-testid="scheme-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) /></label>
            <label class="knob wide"><span>{t(IMsg::PurposeLabel)}</span>
                <textarea rows="3" data-testid="scheme-purpose" prop:value=move || purpose.get() on:input=move |ev| purpose.set(event_target_value(&ev))></textarea></label>
            <label class="knob"><span>{t(IMsg::ValidFrom)}</span>
                <input type="date" data-testid="scheme-from" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev)) /></label>
            <label class="knob"><span>{t(IMsg::ValidTo)}</span>
                <input type="date" data-testid="scheme-to" prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev)) /></label>
            {groups.into_iter().map(|(g, list)| view! {
                <fieldset class="knobs">
                    <legend>{t(g)}</legend>
                    {list.into_iter().map(|(k, _, v)| view! {
                        <label class="knob"><span>{move || knob_label(i18n.lang(), k)}</span>
                            <input type="text" inputmode="decimal" data-testid=format!("knob-{}", slug(k))
                                prop:value=move || v.get() on:input=move |ev| v.set(event_target_value(&ev)) /></label>
                    }).collect_view()}
                </fieldset>
            }).collect_view()}
            <fieldset class="knobs" data-testid="sales-tiers">
                <legend>{t(IMsg::SalesTiers)}</legend>
                {move || tiers.get().into_iter().enumerate().map(|(i, (from, rate))| view! {
                    <div class="tier" data-testid="sales-tier">
                        <label class="knob"><span>{t(IMsg::TierFrom)}</span>
                            <input type="text" inputmode="decimal" data-testid="tier-from" disabled=i == 0
                                prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev)) /></label>
                        <label class="knob"><span>{t(IMsg::TierRate)}</span>
                            <input type="text" inputmode="decimal" data-testid="tier-rate"
                                prop:value=move || rate.get() on:input=move |ev| rate.set(event_target_value(&ev)) /></label>
                    </div>
                }).collect_view()}
                <div class="row-actions">
                    <button type="button" data-testid="tier-add" on:click=add_tier>{t(IMsg::AddTier)}</button>
                    <button type="button" data-testid="tier-remove" on:click=remove_tier
                        disabled=move || tiers.with(|t| t.len() <= 1)>{t(IMsg::RemoveTier)}</button>
                </div>
            </fieldset>
            <div class="row-actions">
                <button type="button" class="primary" data-testid="scheme-save" on:click=save>{t(IMsg::Save)}</button>
                <button type="button" data-testid="scheme-close" on:click=move |_| on_close.run(())>{t(IMsg::Cancel)}</button>
            </div>
            {move || message.get().map(|m| view! { <p class="notice" data-testid="scheme-editor-message">{m}</p> })}
        </div>
    }
}
