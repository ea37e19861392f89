use leptos::prelude::*;

use crate::app::incentives::{can_import_figures, save_station};
use crate::domain::incentive::{station_cells, station_from_cells, Column, Problem};
use crate::domain::kpi::Month;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::incentives::{column_label, problem_text, IMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::incentives::incentives_page::IncentivesCtx;
use crate::ui::state::command::Commands;

type Fields = StoredValue<Vec<(Column, RwSignal<String>)>>;

/// One field: a text box, or a choice for the two areas.
fn field(fields: Fields, c: Column, errors: RwSignal<Vec<(Column, Problem)>>) -> impl IntoView {
    let i18n = use_i18n();
    let value = fields.with_value(|f| f.iter().find(|(k, _)| *k == c).map(|(_, v)| *v)).unwrap_or_default();
    let id = format!("sf-{}", c.code());
    let input = match c {
        Column::Area | Column::BranchArea => {
            let same = (c == Column::BranchArea).then(|| view! { <option value="">{t(IMsg::AreaSame)}</option> });
            view! {
                <select data-testid=id prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
                    {same}
                    <option value="rural">{t(IMsg::AreaRural)}</option>
                    <option value="urban">{t(IMsg::AreaUrban)}</option>
                </select>
            }
            .into_any()
        }
        Column::Withdrawals => view! {
            <input type="text" data-testid=id placeholder=move || IMsg::SwipesHint.text(i18n.lang())
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        }
        .into_any(),
        _ => view! {
            <input type="text" data-testid=id prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        }
        .into_any(),
    };
    let problem = move || errors.with(|e| e.iter().find(|(k, _)| *k == c).map(|(_, p)| p.clone()));
    view! {
        <label class="knob" class:invalid=move || problem().is_some()>
            <span>{move || column_label(i18n.lang(), c)}</span>
            {input}
            {move || problem().map(|p| view! { <span class="error" data-testid="sf-error">{problem_text(i18n.lang(), &p)}</span> })}
        </label>
    }
}

/// The manager's hand entry of one station's figures for the month: the import file's
/// fields, each checked with its problem shown beside it; a failed save keeps every
/// field as typed. Choosing a station of the month fills the form to edit it.
#[component]
pub fn StationForm(ctx: IncentivesCtx) -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let fields: Fields = StoredValue::new(Column::ALL.into_iter().map(|c| (c, RwSignal::new(String::new()))).collect());
    let errors = RwSignal::new(Vec::<(Column, Problem)>::new());
    let editing = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);
    let fill = move |cells: Vec<(Column, String)>| {
        fields.with_value(|f| {
            for (c, v) in f {
                v.set(cells.iter().find(|(k, _)| k == c).map(|(_, x)| x.clone()).unwrap_or_default());
            }
        });
    };
    let area_default =
        move || fill(vec![(Column::Area, "rural".to_owned()), (Column::StationsInVillage, "1".to_owned())]);
    area_default();
    let stations = Memo::new(move |_| {
        let m = ctx.month.get();
        ctx.data.with(|d| d.month(&m).map(|r| r.figures.stations.iter().map(|s| s.station.clone()).collect::<Vec<_>>()))
    });
    let pick = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        errors.set(Vec::new());
        message.set(None);
        if code.is_empty() {
            editing.set(None);
            area_default();
            return;
        }
        let m = ctx.month.get_untracked();
        let cells = ctx.data.with_untracked(|d| {
            let rec = d.month(&m)?;
            let st = rec.figures.stations.iter().find(|s| s.station == code)?;
            Some(station_cells(st, rec.figures.branches.iter().find(|b| b.branch == st.branch)))
        });
        if let Some(cells) = cells {
            fill(cells);
            editing.set(Some(code));
        }
    };
    let save = move |_| {
        let lang = i18n.lang();
        let Some(month) = Month::parse(&ctx.month.get_untracked()) else { return };
        let typed: Vec<(Column, String)> =
            fields.with_value(|f| f.iter().map(|(c, v)| (*c, v.get_untracked())).collect());
        let refs: Vec<(Column, &str)> = typed.iter().map(|(c, v)| (*c, v.as_str())).collect();
        let (st, branch) = match station_from_cells(&refs) {
            Ok(x) => x,
            Err(problems) => {
                errors.set(problems);
                message.set(Some(IMsg::FixFields.text(lang).to_owned()));
                return;
            }
        };
        errors.set(Vec::new());
        let replaces = editing.get_untracked();
        let code = st.station.clone();
        cmds.run(
            move |db, actor| async move {
                save_station(db.store(), &actor, month, st, branch, replaces.as_deref()).await
            },
            move |r| match r {
                Ok(_) => {
                    editing.set(Some(code));
                    message.set(Some(IMsg::StationSaved.text(lang).to_owned()));
                }
                Err(e) if e.is_unchanged() => message.set(Some(IMsg::StationSaved.text(lang).to_owned())),
                Err(e) => message.set(Some(command_error(lang, &e))),
            },
        );
    };
    view! {
        <Show when=move || cmds.can(can_import_figures)>
            <details class="card station-form no-print" data-testid="station-form">
                <summary><h3>{t(IMsg::HandEntry)}</h3></summary>
                <p class="muted">{t(IMsg::HandHint)}</p>
                <label class="knob station-pick">
                    <span>{t(IMsg::EditStation)}</span>
                    <select data-testid="sf-pick" prop:value=move || editing.get().unwrap_or_default() on:change=pick>
                        <option value="">{t(IMsg::NewStation)}</option>
                        {move || stations.get().unwrap_or_default().into_iter().map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <div class="knobs">{Column::ALL.into_iter().map(|c| field(fields, c, errors)).collect_view()}</div>
                <button type="button" class="primary" data-testid="sf-save" on:click=save>{t(IMsg::SaveStation)}</button>
                {move || message.get().map(|m| view! { <p class="notice" data-testid="sf-message">{m}</p> })}
            </details>
        </Show>
    }
}
