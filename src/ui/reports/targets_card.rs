use leptos::prelude::*;

use crate::ui::widgets::period_step::PeriodPicker;

use crate::app::targets::{
    can_set_targets, log_count, set_target_for, split_team_target_for, target_board_for, BoardRow,
};
use crate::domain::money::parse_yuan;
use crate::domain::target::{Goal, Measure, Period, PeriodKind, Scope, TargetSetting};
use crate::storage::targets::load_targets;
use crate::ui::activities::activity_feed::activity_feed;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::customers::date_text;
use crate::ui::i18n::targets::{amount_text, attainment_text, line_label, measure_label, TMsg};
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::orders::orders_ctx::use_orders;
use crate::ui::state::command::Commands;
use crate::ui::state::load::load;
use crate::ui::state::session::use_db;
use crate::ui::state::sync_ctx::use_sync;

/// T1–T3, V7: targets against results for a period and measure — the team and every rep
/// side by side for a manager, one's own row for a rep — and, for the manager, setting,
/// adjusting (with the reason kept) and splitting the team target per head.
#[component]
pub fn TargetsCard() -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let db = use_db();
    let sync = use_sync();
    let customers = use_customers();
    let feed = activity_feed();
    let today = move || feed.cal.with(|c| c.local_date(feed.now.get()));
    let kind = RwSignal::new(PeriodKind::Month);
    let period = RwSignal::new(None::<Period>);
    Effect::new(move |_| {
        if period.get_untracked().is_none() && feed.loaded.get() {
            period.set(Some(Period::containing(kind.get_untracked(), today())));
        }
    });
    let measure = RwSignal::new(Measure::Sales);
    // T3: one product line's sales, when chosen.
    let line = RwSignal::new(None::<String>);
    let goal = move || Goal { measure: measure.get(), of: line.get() };
    let goal_untracked = move || Goal { measure: measure.get_untracked(), of: line.get_untracked() };
    let orders = use_orders();
    let product_lines = Memo::new(move |_| orders.data.with(|d| d.product_lines()));
    let rows = RwSignal::new(Vec::<BoardRow>::new());
    let history = RwSignal::new(Vec::<TargetSetting>::new());
    let actor = move || cmds.actor();
    load(
        move || {
            sync.data_version.track();
            Some((period.get()?, goal(), actor()?))
        },
        move |(p, g, a)| {
            let db = db.clone();
            async move {
                let board = target_board_for(db.store(), &a, p, &g).await?;
                let targets = load_targets(db.store()).await?;
                let h: Vec<TargetSetting> = targets.history_for(&p, &g).into_iter().cloned().collect();
                Ok((board, h))
            }
        },
        move |(board, h)| {
            rows.set(board);
            history.set(h);
        },
    );
    let name_of = move |scope: &Scope| match scope {
        Scope::Team => TMsg::Team.text(i18n.lang()).to_owned(),
        Scope::Rep(id) => customers.data.with(|d| d.name_of(id)),
    };
    let manager = move || cmds.can(can_set_targets);

    // The form: whose target, the amount as typed, why.
    let whose = RwSignal::new(String::from("team"));
    let amount = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let msg = RwSignal::new(None::<(bool, String)>);
    let done = move |r: Result<_, crate::app::CommandError>| {
        msg.set(Some(match r {
            Ok(_) => {
                amount.set(String::new());
                reason.set(String::new());
                (true, TMsg::Saved.text(i18n.lang()).to_owned())
            }
            Err(e) => (false, command_error(i18n.lang(), &e)),
        }))
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(p), g) = (period.get_untracked(), goal_untracked()) else { return };
        let m = g.measure;
        let typed = amount.get_untracked();
        let parsed =
            if m.is_money() { parse_yuan(&typed).ok() } else { typed.trim().parse::<i64>().ok().filter(|n| *n >= 0) };
        let Some(value) = parsed else {
            return msg.set(Some((false, TMsg::BadAmount.text(i18n.lang()).to_owned())));
        };
        let scope = match whose.get_untracked().as_str() {
            "team" => Scope::Team,
            id => Scope::Rep(id.to_owned()),
        };
        let why = reason.get_untracked();
        cmds.run(move |db, a| async move { set_target_for(db.store(), &a, p, &g, scope, value, &why).await }, done);
    };
    // T1: logging one's own count against the team's count chosen.
    let tally = RwSignal::new(String::new());
    let tally_day = RwSignal::new(String::new());
    let tally_note = RwSignal::new(String::new());
    let log_msg = RwSignal::new(None::<(bool, String)>);
    // A message belongs to who wrote what: it goes when the profile or the measure changes.
    Effect::new(move |_| {
        let _ = (cmds.actor().map(|a| a.profile), measure.get(), line.get());
        log_msg.set(None);
        msg.set(None);
    });
    // The day a tally is for starts as today.
    Effect::new(move |_| {
        if feed.loaded.get() && tally_day.get_untracked().is_empty() {
            tally_day.set(today().format("%Y-%m-%d").to_string());
        }
    });
    let log = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        let Some(name) = line.get_untracked() else { return };
        let Some(n) = tally.get_untracked().trim().parse::<i64>().ok().filter(|n| *n != 0) else {
            return log_msg.set(Some((false, TMsg::BadCount.text(lang).to_owned())));
        };
        let typed_day = tally_day.get_untracked();
        let day = if typed_day.trim().is_empty() { Some(today()) } else { typed_day.parse::<chrono::NaiveDate>().ok() };
        let Some(day) = day else {
            return log_msg.set(Some((false, TMsg::BadCount.text(lang).to_owned())));
        };
        let note = tally_note.get_untracked();
        cmds.run(
            move |db, a| async move { log_count(db.store(), &a, &name, day, n, &note).await },
            move |r| {
                log_msg.set(Some(match r {
                    Ok(_) => {
                        tally.set(String::new());
                        tally_note.set(String::new());
                        (true, TMsg::Logged.text(lang).to_owned())
                    }
                    Err(e) => (false, command_error(lang, &e)),
                }))
            },
        );
    };
    let split = move |_| {
        let (Some(p), g) = (period.get_untracked(), goal_untracked()) else { return };
        let why = reason.get_untracked();
        cmds.run(move |db, a| async move { split_team_target_for(db.store(), &a, p, &g, &why).await }, done);
    };

    let measures = Measure::ALL
        .into_iter()
        .map(|m| view! { <option value=m.code()>{move || measure_label(i18n.lang(), m)}</option> })
        .collect_view();

    view! {
        <section class="card" data-testid="targets">
            <h2>{t(TMsg::Title)}</h2>
            <p class="muted">{t(TMsg::Hint)}</p>
            <div class="target-controls">
                <PeriodPicker kinds=PeriodKind::ALL.to_vec() kind period today=Signal::derive(today) id="target" label_id="target-period" />
                <label class="field"><span>{t(TMsg::Measure)}</span>
                    <select data-testid="target-measure"
                        prop:value=move || match (line.get(), measure.get()) {
                            (Some(c), Measure::Count) => format!("count:{c}"),
                            (Some(l), _) => format!("line:{l}"),
                            (None, m) => m.code().to_owned(),
                        }
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(l) = v.strip_prefix("line:") {
                                measure.set(Measure::Sales);
                                line.set(Some(l.to_owned()));
                            } else if let Some(c) = v.strip_prefix("count:") {
                                measure.set(Measure::Count);
                                line.set(Some(c.to_owned()));
                            } else if let Some(m) = Measure::from_code(&v) {
                                measure.set(m);
                                line.set(None);
                            }
                        }>
                        {measures}
                        {move || product_lines.get().into_iter().map(|l| {
                            let value = format!("line:{l}");
                            view! { <option value=value>{move || line_label(i18n.lang(), &l)}</option> }
                        }).collect_view()}
                        {move || customers.lists.with(|l| l.counts.clone()).into_iter().map(|c| {
                            let value = format!("count:{c}");
                            view! { <option value=value>{c}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <Show when=move || measure.get() == Measure::Count>
                <form class="form log-count" data-testid="count-form" on:submit=log novalidate>
                    <h3>{t(TMsg::LogTitle)}</h3>
                    <div class="grid-2">
                        <label class="field"><span>{t(TMsg::LogCount)}</span>
                            <input type="text" inputmode="numeric" data-testid="count-input" prop:value=move || tally.get()
                                on:input=move |ev| { tally.set(event_target_value(&ev)); log_msg.set(None); } /></label>
                        <label class="field"><span>{t(TMsg::LogDay)}</span>
                            <input type="date" data-testid="count-day" prop:value=move || tally_day.get()
                                on:input=move |ev| tally_day.set(event_target_value(&ev)) /></label>
                    </div>
                    <label class="field"><span>{t(TMsg::LogNote)}</span>
                        <input type="text" data-testid="count-note" prop:value=move || tally_note.get()
                            on:input=move |ev| tally_note.set(event_target_value(&ev)) /></label>
                    {move || log_msg.get().map(|(ok, text)| if ok {
                        view! { <p class="ok" role="status" data-testid="count-logged">{text}</p> }.into_any()
                    } else {
                        view! { <p class="error" role="alert" data-testid="count-error">{text}</p> }.into_any()
                    })}
                    <div class="actions"><button type="submit" class="primary" data-testid="count-save">{t(TMsg::LogSave)}</button></div>
                </form>
            </Show>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t(Msg::TableRegion)>
                <table class="targets-table">
                    <thead><tr>
                        <th>{t(TMsg::Who)}</th><th>{t(TMsg::Target)}</th><th>{t(TMsg::Actual)}</th>
                        <th>{t(TMsg::Attainment)}</th><th>{t(TMsg::Projected)}</th><th>{t(TMsg::PerDay)}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=move |r| (goal_untracked(), r.scope.clone(), r.target.as_ref().map(|t| t.at_ms), r.progress) let:r>
                            {
                                let m = measure.get_untracked();
                                let p = r.progress;
                                let scope_attr = match &r.scope { Scope::Team => "team".to_owned(), Scope::Rep(id) => id.clone() };
                                let who = name_of(&r.scope);
                                let target = r.target.as_ref().map(|t| amount_text(m, t.amount));
                                let need = match p.per_day_needed {
                                    Some(n) => amount_text(m, n),
                                    None if r.target.is_some() && p.gap == 0 => TMsg::Done.text(i18n.lang()).to_owned(),
                                    None => "—".to_owned(),
                                };
                                view! {
                                    <tr data-testid="target-row" data-scope=scope_attr data-actual=p.actual
                                        data-attainment=p.attainment_bp.map(|b| b.to_string()).unwrap_or_default()>
                                        <td>{who}</td>
                                        <td data-testid="target-amount">{target.unwrap_or_else(|| TMsg::NotSet.text(i18n.lang()).to_owned())}</td>
                                        <td data-testid="target-actual">{amount_text(m, p.actual)}</td>
                                        <td>
                                            <span data-testid="target-attainment">{attainment_text(p.attainment_bp)}</span>
                                            <progress max="10000" value=p.attainment_bp.unwrap_or(0).min(10_000)></progress>
                                        </td>
                                        <td>{amount_text(m, p.projected)}</td>
                                        <td data-testid="target-need">{need}</td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
            <p class="muted">{move || rows.with(|r| r.first().map(|r| format!("{}: {} / {}", TMsg::DaysGone.text(i18n.lang()), r.progress.days_done, r.progress.days_total))).unwrap_or_default()}</p>
            <Show when=manager>
                <form class="form" data-testid="target-form" on:submit=save novalidate>
                    <h3>{t(TMsg::SetTitle)}</h3>
                    <div class="grid-2">
                        <label class="field"><span>{t(TMsg::Who)}</span>
                            <select data-testid="target-scope" prop:value=move || whose.get() on:change=move |ev| whose.set(event_target_value(&ev))>
                                <option value="team">{t(TMsg::Team)}</option>
                                {move || rows.get().into_iter().filter_map(|r| match r.scope {
                                    Scope::Rep(id) => Some(view! { <option value=id.clone()>{customers.data.with(|d| d.name_of(&id))}</option> }),
                                    Scope::Team => None,
                                }).collect_view()}
                            </select>
                        </label>
                        <label class="field"><span>{t(TMsg::Amount)}</span>
                            <input type="text" inputmode="decimal" data-testid="target-input" prop:value=move || amount.get()
                                on:input=move |ev| { amount.set(event_target_value(&ev)); msg.set(None); } />
                        </label>
                    </div>
                    <label class="field"><span>{t(TMsg::Reason)}</span>
                        <input type="text" data-testid="target-reason" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
                    </label>
                    {move || msg.get().map(|(ok, text)| if ok {
                        view! { <p class="ok" role="status" data-testid="target-saved">{text}</p> }.into_any()
                    } else {
                        view! { <p class="error" role="alert" data-testid="target-error">{text}</p> }.into_any()
                    })}
                    <div class="actions">
                        <button type="button" data-testid="target-split" on:click=split>{t(TMsg::Split)}</button>
                        <button type="submit" class="primary" data-testid="target-save">{t(TMsg::Save)}</button>
                    </div>
                </form>
            </Show>
            <details data-testid="target-history">
                <summary>{t(TMsg::History)}</summary>
                <Show when=move || history.with(|h| h.is_empty())>
                    <p class="muted">{t(TMsg::NoHistory)}</p>
                </Show>
                <ul class="plain-list">
                    <For each=move || history.get() key=|s| (s.at_ms, s.by.clone(), s.scope.clone()) let:s>
                        {
                            let m = s.measure;
                            let line = format!("{} · {} → {}", name_of(&s.scope), customers.data.with(|d| d.name_of(&s.by)), amount_text(m, s.amount));
                            let at = s.at_ms;
                            let why = s.reason.clone();
                            view! {
                                <li data-testid="target-change">
                                    {line}" · "{move || date_text(i18n.lang(), at)}
                                    {(!why.is_empty()).then(|| view! { <span class="muted">" — "{why.clone()}</span> })}
                                </li>
                            }
                        }
                    </For>
                </ul>
            </details>
        </section>
    }
}
