use leptos::prelude::*;

use crate::domain::incentive::{how_to_win, Payee, Statement, Tip, PRESET_ID};
use crate::ui::i18n::incentives::IMsg;
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::incentives::incentives_page::IncentivesCtx;
use crate::ui::incentives::statement_card::StatementCard;
use crate::ui::incentives::statements_csv::{statements_csv, statements_xlsx, XLSX_MIME};
use crate::ui::widgets::file_io::download;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Stations,
    Maintainers,
    Heads,
}

/// The chosen month's statements, computed now from the stored figures with the scheme
/// version the month recorded: per station, maintainer or branch head, one tab each.
#[component]
pub fn MonthStatements(ctx: IncentivesCtx) -> impl IntoView {
    let i18n = use_i18n();
    let tab = RwSignal::new(Tab::Stations);
    let computed = Memo::new(move |_| {
        let m = ctx.month.get();
        ctx.data.with(|d| {
            let rec = d.month(&m)?;
            let scheme = d.scheme_of(rec)?;
            let scheme_name = if scheme.id == PRESET_ID { None } else { Some(scheme.name.clone()) };
            let names: Vec<(String, String)> =
                rec.figures.stations.iter().map(|s| (s.station.clone(), s.name.clone())).collect();
            // I8: each station's next bands, from the scheme the month was computed with.
            let tips: Vec<(String, Vec<Tip>)> =
                rec.figures.stations.iter().map(|s| (s.station.clone(), how_to_win(scheme, s))).collect();
            Some((d.statements(&m)?, rec.file_name.clone(), scheme_name, (names, tips)))
        })
    });
    let export = move |_| {
        let Some((s, ..)) = computed.get_untracked() else { return };
        let month = ctx.month.get_untracked();
        download(
            &format!("incentives-{month}.csv"),
            &statements_csv(i18n.lang(), s.all().map(|x| (x, String::new()))),
            "text/csv",
        );
    };
    let xlsx_error = RwSignal::new(None::<String>);
    let export_xlsx = move |_| {
        let Some((s, ..)) = computed.get_untracked() else { return };
        let month = ctx.month.get_untracked();
        match statements_xlsx(i18n.lang(), &month, s.all().map(|x| (x, String::new()))) {
            Ok(bytes) => {
                xlsx_error.set(None);
                download(&format!("incentives-{month}.xlsx"), &bytes, XLSX_MIME);
            }
            Err(e) => xlsx_error.set(Some(format!("{}{e}", IMsg::XlsxFailed.text(i18n.lang())))),
        }
    };
    let tab_button = move |which: Tab, id: &'static str, label: IMsg| {
        view! {
            <button type="button" class="tab" class:active=move || tab.get() == which data-testid=id
                on:click=move |_| tab.set(which)>{t(label)}</button>
        }
    };
    view! {
        {move || match computed.get() {
            None => view! {
                <p class="card muted" data-testid="incentives-empty">
                    {move || if ctx.loaded.get() { t(IMsg::NoMonth)() } else { t(Msg::Loading)() }}
                </p>
            }.into_any(),
            Some((s, file, scheme_name, (names, tips))) => {
                let month = ctx.month.get_untracked();
                let cards = move |list: Vec<Statement>| {
                    let month = month.clone();
                    let names = names.clone();
                    let tips = tips.clone();
                    list.into_iter().map(move |st| {
                        let (label, how) = match &st.payee {
                            Payee::Station(code) => (
                                names.iter().find(|(c, _)| c == code).map(|(_, n)| n.clone()).unwrap_or_default(),
                                tips.iter().find(|(c, _)| c == code).map(|(_, t)| t.clone()).unwrap_or_default(),
                            ),
                            _ => (String::new(), Vec::new()),
                        };
                        view! { <StatementCard statement=st month=month.clone() label=label tips=how /> }
                    }).collect_view()
                };
                let (stations, maintainers, heads) = (s.stations.clone(), s.maintainers.clone(), s.heads.clone());
                view! {
                    <section class="card incentives-month no-print" data-testid="incentives-month-info">
                        <p>
                            <span class="muted">{t(IMsg::Imported)}": "</span><span data-testid="incentives-file-name">{move || if file.is_empty() { IMsg::ByHand.text(i18n.lang()).to_owned() } else { file.clone() }}</span>
                            " · "<span class="muted">{t(IMsg::SchemeUsed)}": "</span>
                            <span data-testid="incentives-scheme">{move || scheme_name.clone().filter(|n| !n.is_empty()).unwrap_or_else(|| IMsg::PresetName.text(i18n.lang()).to_owned())}</span>
                        </p>
                        <div class="row-actions">
                            <nav class="tabs" data-testid="incentives-tabs">
                                {tab_button(Tab::Stations, "incentives-tab-stations", IMsg::TabStations)}
                                {tab_button(Tab::Maintainers, "incentives-tab-maintainers", IMsg::TabMaintainers)}
                                {tab_button(Tab::Heads, "incentives-tab-heads", IMsg::TabHeads)}
                            </nav>
                            <button type="button" data-testid="incentives-export" on:click=export>{t(IMsg::Export)}</button>
                            <button type="button" data-testid="incentives-export-xlsx" on:click=export_xlsx>{t(IMsg::ExportXlsx)}</button>
                        </div>
                        {move || xlsx_error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
                    </section>
                    <div class="statements" data-testid="statements">
                        {move || match tab.get() {
                            Tab::Stations => cards(stations.clone()).into_any(),
                            Tab::Maintainers => cards(maintainers.clone()).into_any(),
                            Tab::Heads => cards(heads.clone()).into_any(),
                        }}
                    </div>
                }.into_any()
            }
        }}
    }
}
