use leptos::prelude::*;

use crate::domain::day_plan::{slot_hint, PlanKind, PlanSlot, Slot};
use crate::ui::i18n::day_plan::{hint_text, plan_kind_code, plan_kind_label, slot_code, slot_label, DMsg};
use crate::ui::i18n::{t, use_i18n};

/// The visit-plan form's schedule (V8): for each picked customer, a call (or booking) or
/// a visit, in the morning or the afternoon, and an optional time that decides the half
/// of the day; a visit in the morning or a call in the afternoon gets a gentle hint.
/// `names` are the rep's customers as (id, name).
#[component]
pub fn PlanSlots(
    picked: RwSignal<Vec<String>>,
    slots: RwSignal<Vec<PlanSlot>>,
    names: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let slot_of = move |c: &str| {
        slots.with(|v| v.iter().find(|s| s.customer == c).cloned()).unwrap_or_else(|| PlanSlot::default_for(c))
    };
    let edit = move |c: String, f: Box<dyn Fn(&mut PlanSlot)>| {
        slots.update(|v| {
            if !v.iter().any(|s| s.customer == c) {
                v.push(PlanSlot::default_for(&c));
            }
            if let Some(s) = v.iter_mut().find(|s| s.customer == c) {
                f(s);
            }
        })
    };
    view! {
        <Show when=move || picked.with(|p| !p.is_empty())>
            <fieldset class="field plan-slots" data-testid="plan-slots">
                <legend>{t(DMsg::Schedule)}</legend>
                <p class="muted">{t(DMsg::ScheduleHint)}</p>
                {move || {
                    let lang = i18n.lang();
                    picked.get().into_iter().map(|c| {
                        let name = names.with(|n| n.iter().find(|(id, _)| *id == c).map(|(_, n)| n.clone())).unwrap_or_else(|| c.clone());
                        let s = slot_of(&c);
                        let hint = slot_hint(s.kind, s.half());
                        let (c1, c2, c3) = (c.clone(), c.clone(), c);
                        let kinds = [PlanKind::Call, PlanKind::Visit].map(|k| view! { <option value=plan_kind_code(k)>{plan_kind_label(lang, k)}</option> });
                        let halves = [Slot::Morning, Slot::Afternoon].map(|h| view! { <option value=slot_code(h)>{slot_label(lang, h)}</option> });
                        view! {
                            <div class="slot-row" data-testid="plan-slot" data-customer=name.clone()
                                data-kind=plan_kind_code(s.kind) data-slot=slot_code(s.half())>
                                <strong>{name.clone()}</strong>
                                <select data-testid="plan-slot-kind" aria-label=format!("{name} · {}", DMsg::KindOf.text(lang))
                                    prop:value=plan_kind_code(s.kind)
                                    on:change=move |ev| {
                                        let k = if event_target_value(&ev) == "call" { PlanKind::Call } else { PlanKind::Visit };
                                        edit(c1.clone(), Box::new(move |s| s.kind = k));
                                    }>{kinds}</select>
                                <select data-testid="plan-slot-half" aria-label=format!("{name} · {}", DMsg::HalfOf.text(lang))
                                    prop:value=slot_code(s.half())
                                    on:change=move |ev| {
                                        let h = if event_target_value(&ev) == "morning" { Slot::Morning } else { Slot::Afternoon };
                                        edit(c2.clone(), Box::new(move |s| { s.slot = h; s.time = None; }));
                                    }>{halves}</select>
                                <input type="time" data-testid="plan-slot-time" aria-label=format!("{name} · {}", DMsg::Time.text(lang))
                                    prop:value=s.time.map(|x| x.format("%H:%M").to_string()).unwrap_or_default()
                                    on:change=move |ev| {
                                        let time = chrono::NaiveTime::parse_from_str(&event_target_value(&ev), "%H:%M").ok();
                                        edit(c3.clone(), Box::new(move |s| {
                                            s.time = time;
                                            if let Some(x) = time { s.slot = Slot::of_time(x); }
                                        }));
                                    } />
                                {hint.map(|h| view! { <small class="hint" data-testid="plan-slot-hint">{hint_text(lang, h)}</small> })}
                            </div>
                        }
                    }).collect_view()
                }}
            </fieldset>
        </Show>
    }
}
