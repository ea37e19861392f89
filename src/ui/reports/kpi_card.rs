use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::application::{Application, KpiTargets, Ratio};
use crate::domain::kpi::{kpi_sheet, ConfirmedPayment, Contact, KpiInputs, KpiRow, Month};
use crate::domain::pool::FactKind;
use crate::domain::service::ServiceItem;
use crate::storage::applications::load_applications;
use crate::storage::kpi::{load_kpi_settings, parse_target, KpiSettings};
use crate::storage::service_log::load_service;
use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::kpi::{accounts_target, at_least, counts, percent, review_target, KMsg};
use crate::ui::i18n::{t, use_i18n, Lang};
use crate::ui::state::load::load_on_change;
use crate::ui::state::session::use_session;

/// One KPI as shown: its value, the counts behind it, the target, met or missed.
struct Tile {
    id: &'static str,
    label: KMsg,
    value: String,
    detail: String,
    target: String,
    ratio: Ratio,
    met: Option<bool>,
    /// There is a figure (a count always is; a rate needs something to divide by).
    measured: bool,
}

fn tiles(lang: Lang, r: &KpiRow, t: &KpiTargets) -> Vec<Tile> {
    let rate = |id, label, ratio: Ratio, target: String, met: Option<bool>| Tile {
        id,
        label,
        value: percent(ratio),
        detail: counts(lang, ratio),
        target,
        ratio,
        met,
        measured: ratio.den > 0,
    };
    let none = || "—".to_owned();
    vec![
        Tile {
            id: "kpi-new-accounts",
            label: KMsg::NewAccounts,
            value: r.new_accounts.to_string(),
            detail: String::new(),
            target: if r.new_accounts_target == 0 {
                KMsg::NoTargetSet.text(lang).to_owned()
            } else {
                accounts_target(lang, r.new_accounts_target, t.new_accounts_percent)
            },
            ratio: Ratio::new(r.new_accounts, r.new_accounts_target),
            met: r.new_accounts_met,
            measured: true,
        },
        rate(
            "kpi-satisfaction",
            KMsg::Satisfaction,
            r.satisfaction_rate,
            at_least(t.satisfaction_percent),
            r.satisfaction_met,
        ),
        rate(
            "kpi-review",
            KMsg::ReviewOnTime,
            r.review_on_time,
            review_target(lang, t.review_max_working_days),
            r.review_met,
        ),
        rate("kpi-conversion", KMsg::Conversion, r.conversion, none(), None),
        rate("kpi-complaints", KMsg::Complaints, r.complaints, none(), None),
    ]
}

fn tile_view(lang: Lang, x: Tile) -> impl IntoView {
    let (badge, class, state) = match x.met {
        Some(true) => (KMsg::Met, "badge ok-badge", "met"),
        Some(false) => (KMsg::Missed, "badge danger", "missed"),
        None if !x.measured => (KMsg::NoData, "badge muted-badge", "none"),
        None => (KMsg::NoTarget, "badge muted-badge", "untargeted"),
    };
    view! {
        <div class="kpi-tile" data-testid=x.id data-num=x.ratio.num.to_string() data-den=x.ratio.den.to_string() data-state=state>
            <span class="kpi-label">{x.label.text(lang)}</span>
            <span class="kpi-value" data-testid="kpi-value">{x.value}</span>
            <span class="kpi-detail muted">{x.detail}</span>
            <span class="kpi-target">{KMsg::Target.text(lang)}": "{x.target}</span>
            <span class=class data-testid="kpi-badge">{badge.text(lang)}</span>
        </div>
    }
}

/// A2 on the Reports page: for a chosen month (default: this month in the team
/// calendar), new accounts against the team's monthly target, satisfaction, reviews on
/// time, conversion and complaint rate — per rep and for the team for a manager, their
/// own for anyone else. The manager sets the monthly target here; it syncs to the team.
#[component]
pub fn KpiCard() -> impl IntoView {
    let ctx = use_customers();
    let feed = activity_feed();
    let session = use_session();
    let i18n = use_i18n();
    let targets = KpiTargets::default();
    let apps = RwSignal::new(Arc::new(Vec::<Application>::new()));
    let service = RwSignal::new(Arc::new(Vec::<ServiceItem>::new()));
    let settings = RwSignal::new(KpiSettings::default());
    let loaded = RwSignal::new(false);
    load_on_change(
        move |db| async move {
            Ok((
                load_applications(db.store()).await?.applications,
                load_service(db.store()).await?,
                load_kpi_settings(db.store()).await?,
            ))
        },
        move |(a, s, k)| {
            apps.try_set(Arc::new(a));
            service.try_set(Arc::new(s));
            settings.try_set(k);
            loaded.try_set(true);
        },
    );
    let month = RwSignal::new(String::new());
    Effect::new(move |_| {
        if feed.loaded.get() && month.get_untracked().is_empty() {
            month.set(Month::of(feed.cal.with(|c| c.local_date(feed.now.get()))).to_string());
        }
    });
    let cmds = crate::ui::state::command::Commands::new();
    let is_manager = move || cmds.can(crate::app::reports::can_see_team);
    let rows = Memo::new(move |_| {
        let Some(m) = Month::parse(&month.get()) else {
            return Vec::new();
        };
        let manager = is_manager();
        let reps: Vec<String> = if manager {
            ctx.data.with(|d| {
                d.people.iter().filter(|p| crate::app::reports::is_reported(p)).map(|p| p.id.clone()).collect()
            })
        } else {
            session.current.get().into_iter().collect()
        };
        let contacts: Vec<Contact> = feed.data.with(|d| {
            d.activities
                .iter()
                .map(|a| Contact { customer_id: a.customer_id.clone(), rep: a.rep.clone(), at_ms: a.at_ms })
                .collect()
        });
        let payments: Vec<ConfirmedPayment> = ctx.data.with(|d| {
            d.customers
                .iter()
                .flat_map(|c| {
                    c.rec.facts.iter().filter_map(move |f| match &f.kind {
                        FactKind::Payment { rep, paid_on, .. } => Some(ConfirmedPayment {
                            customer_id: c.rec.id.clone(),
                            rep: rep.clone(),
                            paid_on: *paid_on,
                        }),
                        _ => None,
                    })
                })
                .collect()
        });
        let (a, s, cal, per_rep) = (apps.get(), service.get(), feed.cal.get(), settings.get().new_accounts_per_rep);
        let inputs = KpiInputs { applications: &a, service: &s, contacts: &contacts, payments: &payments };
        kpi_sheet(&reps, manager, m, inputs, &cal, &KpiTargets::default(), per_rep)
    });
    let name = move |rep: &str| {
        if rep.is_empty() {
            KMsg::Team.text(i18n.lang()).to_owned()
        } else {
            ctx.data.with_untracked(|d| d.name_of(rep))
        }
    };

    // The target editor: the team's number fills it until the manager types.
    let text = RwSignal::new(String::new());
    let dirty = RwSignal::new(false);
    Effect::new(move |_| {
        let v = settings.get().new_accounts_per_rep.to_string();
        if !dirty.get_untracked() {
            text.set(v);
        }
    });
    let error = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let Some(n) = parse_target(&text.get_untracked()) else {
            return error.set(true);
        };
        error.set(false);
        let new = KpiSettings { new_accounts_per_rep: n };
        cmds.run(
            move |db, a| async move { crate::app::settings::save_kpi_target(db.store(), &a, new).await },
            move |r| {
                let ok = r.as_ref().map_or_else(|e| e.is_unchanged(), |_| true);
                if ok {
                    dirty.set(false);
                    settings.set(new);
                }
                saved.set(ok);
            },
        );
    };

    view! {
        <section class="card kpi-card" data-testid="kpi-card">
            <h2>{t(KMsg::Title)}</h2>
            <div class="filters">
                <label class="field compact"><span>{t(KMsg::Month)}</span>
                    <input type="month" data-testid="kpi-month" prop:value=move || month.get() on:input=move |ev| month.set(event_target_value(&ev)) />
                </label>
            </div>
            <Show when=move || cmds.can(crate::app::settings::can_edit_team_settings)>
                <form class="kpi-target-form" data-testid="kpi-target-form" on:submit=save novalidate>
                    <label class="field compact"><span>{t(KMsg::TargetLabel)}</span>
                        <input type="number" min="0" max="9999" step="1" inputmode="numeric" data-testid="kpi-target"
                            aria-invalid=move || error.get().to_string()
                            prop:value=move || text.get()
                            on:input=move |ev| { dirty.set(true); saved.set(false); text.set(event_target_value(&ev)) } />
                    </label>
                    <button type="submit" data-testid="kpi-target-save">{t(KMsg::SaveTarget)}</button>
                    {move || saved.get().then(|| view! { <span class="ok" data-testid="kpi-target-saved">{t(KMsg::Saved)}</span> })}
                    {move || error.get().then(|| view! { <p class="error" role="alert" data-testid="kpi-target-error">{t(KMsg::BadTarget)}</p> })}
                    <p class="muted hint">{t(KMsg::TargetHint)}</p>
                </form>
            </Show>
            {move || {
                if !(loaded.get() && feed.loaded.get()) {
                    return view! { <p class="muted">{t(KMsg::Reading)}</p> }.into_any();
                }
                let rs = rows.get();
                let lang = i18n.lang();
                view! {
                    {(is_manager() && rs.len() <= 1).then(|| view! { <p class="muted" data-testid="kpi-no-reps">{t(KMsg::NoReps)}</p> })}
                    <div class="kpi-rows">
                        {rs.into_iter().map(|r| {
                            let team = r.rep.is_empty();
                            let n = name(&r.rep);
                            view! {
                                <div class="kpi-row" class:team=team data-testid="kpi-row" data-rep=r.rep.clone()>
                                    <h3>{n}</h3>
                                    <div class="kpi-tiles">
                                        {tiles(lang, &r, &targets).into_iter().map(|x| tile_view(lang, x)).collect_view()}
                                    </div>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                    <p class="muted hint">{KMsg::Basis.text(lang)}</p>
                }.into_any()
            }}
        </section>
    }
}
