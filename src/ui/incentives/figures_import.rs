use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::incentives::{can_import_figures, import_month};
use crate::domain::incentive::{import_figures, FiguresError, FiguresImport as Imported};
use crate::domain::kpi::Month;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::incentives::{figures_error, line_no, problem_text, IMsg};
use crate::ui::i18n::{t, use_i18n, Lang};
use crate::ui::incentives::incentives_page::IncentivesCtx;
use crate::ui::state::command::Commands;
use crate::ui::widgets::file_io::read_chosen;

/// A column's header as the reader's language names it.
fn column_name(lang: Lang, c: crate::domain::incentive::Column) -> &'static str {
    let names = c.names();
    match lang {
        Lang::ZhCn => names.get(1).copied().unwrap_or(names[0]),
        Lang::En => names[0],
    }
}

/// The manager's import of a month's figures: choose a CSV, see the rows read and each
/// bad row by line, store the good ones for the chosen month.
#[component]
pub fn FiguresImport(ctx: IncentivesCtx) -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let allowed = move || cmds.can(can_import_figures);
    let result = RwSignal::new(None::<Result<Imported, FiguresError>>);
    let file_name = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let name = input.files().and_then(|f| f.get(0)).map(|f| f.name()).unwrap_or_default();
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            let Some(bytes) = read_chosen(&input).await else {
                return;
            };
            file_name.try_set(name);
            message.try_set(None);
            result.try_set(Some(import_figures(&bytes)));
        });
    };
    let store = move |_| {
        let Some(Ok(got)) = result.get_untracked() else { return };
        let Some(month) = Month::parse(&ctx.month.get_untracked()) else { return };
        let name = file_name.get_untracked();
        let lang = i18n.lang();
        cmds.run(
            move |db, actor| async move { import_month(db.store(), &actor, month, None, &got.figures, &name).await },
            move |r| {
                message.set(Some(match r {
                    Ok(_) => IMsg::Stored.text(lang).to_owned(),
                    Err(e) if e.is_unchanged() => IMsg::Stored.text(lang).to_owned(),
                    Err(e) => command_error(lang, &e),
                }))
            },
        );
    };
    view! {
        <Show when=allowed>
            <section class="card incentives-import" data-testid="incentives-import">
                <h3>{t(IMsg::Import)}</h3>
                <p class="muted">{t(IMsg::ImportHint)}</p>
                <label class="file-pick">
                    <span class="visually-hidden">{t(IMsg::ChooseFile)}</span>
                    <input type="file" accept=".csv,text/csv,.xlsx,.xls,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel" data-testid="incentives-file" on:change=on_file />
                </label>
                {move || result.get().map(|r| match r {
                    Err(e) => view! { <p class="error" data-testid="incentives-file-error">{move || figures_error(i18n.lang(), &e)}</p> }.into_any(),
                    Ok(got) => {
                        let good = got.figures.stations.len();
                        let bad = got.errors.len();
                        let rows = got.rows;
                        let errors = got.errors.clone();
                        view! {
                            <dl class="import-counts" data-testid="incentives-counts" data-good=good data-bad=bad>
                                <dt>{t(IMsg::RowsRead)}</dt><dd>{rows}</dd>
                                <dt>{t(IMsg::RowsGood)}</dt><dd data-testid="incentives-good">{good}</dd>
                                <dt>{t(IMsg::RowsBad)}</dt><dd data-testid="incentives-bad">{bad}</dd>
                            </dl>
                            <ul class="bad-rows">
                                {errors.into_iter().map(|e| {
                                    let line = e.line;
                                    view! {
                                        <li data-testid="incentives-bad-row" data-line=line>
                                            <strong>{move || line_no(i18n.lang(), line)}</strong>
                                            " · "{move || column_name(i18n.lang(), e.column)}": "
                                            {move || problem_text(i18n.lang(), &e.problem)}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            <button type="button" class="primary" data-testid="incentives-store" disabled=good == 0 on:click=store>
                                {t(IMsg::Store)}
                            </button>
                        }.into_any()
                    }
                })}
                {move || message.get().map(|m| view! { <p class="notice" data-testid="incentives-message">{m}</p> })}
            </section>
        </Show>
    }
}
