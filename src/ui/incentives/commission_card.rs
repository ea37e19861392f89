use leptos::prelude::*;

use crate::app::commission::{commission_month, CommissionMonth};
use crate::domain::kpi::Month;
use crate::domain::money::format_yuan;
use crate::ui::i18n::incentives::{sales_tip_text, IMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::incentives::incentives_page::IncentivesCtx;
use crate::ui::incentives::statement_card::StatementCard;
use crate::ui::incentives::statements_csv::{statements_csv, statements_xlsx, XLSX_MIME};
use crate::ui::state::command::Commands;
use crate::ui::state::load::load;
use crate::ui::state::session::use_db;
use crate::ui::state::sync_ctx::use_sync;
use crate::ui::widgets::file_io::download;

/// Sales commission for the chosen month: a statement per rep from the payments
/// finance confirmed, every payment a line with its arithmetic; a manager or finance
/// sees every rep, a rep their own. A departing rep's held amount is shown on theirs.
#[component]
pub fn CommissionCard(ctx: IncentivesCtx) -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let db = use_db();
    let sync = use_sync();
    let data = RwSignal::new(None::<CommissionMonth>);
    load(
        move || {
            sync.data_version.track();
            ctx.data.track();
            Some((Month::parse(&ctx.month.get())?, cmds.actor()?))
        },
        move |(m, actor)| {
            let db = db.clone();
            async move { commission_month(db.store(), &actor, m).await }
        },
        move |c| data.set(Some(c)),
    );
    let xlsx_error = RwSignal::new(None::<String>);
    let list = move || {
        data.with_untracked(|d| {
            d.as_ref().map(|d| d.reps.iter().map(|r| (r.statement.clone(), r.name.clone())).collect::<Vec<_>>())
        })
        .unwrap_or_default()
    };
    let csv = move |_| {
        let month = ctx.month.get_untracked();
        let l = list();
        download(
            &format!("commission-{month}.csv"),
            &statements_csv(i18n.lang(), l.iter().map(|(s, n)| (s, n.clone()))),
            "text/csv",
        );
    };
    let xlsx = move |_| {
        let month = ctx.month.get_untracked();
        let l = list();
        match statements_xlsx(i18n.lang(), &month, l.iter().map(|(s, n)| (s, n.clone()))) {
            Ok(bytes) => {
                xlsx_error.set(None);
                download(&format!("commission-{month}.xlsx"), &bytes, XLSX_MIME);
            }
            Err(e) => xlsx_error.set(Some(format!("{}{e}", IMsg::XlsxFailed.text(i18n.lang())))),
        }
    };
    view! {
        <section class="card commission no-print" data-testid="commission">
            <h3>{t(IMsg::Commission)}</h3>
            <p class="muted">{t(IMsg::CommissionHint)}</p>
            {move || data.with(|d| match d {
                Some(d) if !d.pays => Some(view! { <p class="notice" data-testid="commission-none">{t(IMsg::CommissionNone)}</p> }.into_any()),
                Some(d) if d.reps.iter().all(|r| r.statement.lines.is_empty()) =>
                    Some(view! { <p class="muted" data-testid="commission-empty">{t(IMsg::CommissionNoReps)}</p> }.into_any()),
                Some(_) => Some(view! {
                    <div class="row-actions">
                        <button type="button" data-testid="commission-export" on:click=csv>{t(IMsg::Export)}</button>
                        <button type="button" data-testid="commission-export-xlsx" on:click=xlsx>{t(IMsg::ExportXlsx)}</button>
                    </div>
                }.into_any()),
                None => None,
            })}
            {move || xlsx_error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
        </section>
        <div class="statements" data-testid="commission-statements">
            {move || {
                let month = ctx.month.get();
                data.with(|d| d.as_ref().map(|d| d.reps.iter().filter(|r| !r.statement.lines.is_empty() || r.departing).map(|r| {
                    let held = (r.departing && r.held_fen > 0).then(|| {
                        let fen = r.held_fen;
                        view! { <p class="notice warn" data-testid="commission-held" data-held=fen>{t(IMsg::Held)}{format_yuan(fen)}</p> }
                    });
                    let tip = r.next.map(|tip| view! {
                        <div class="how-to-win" data-testid="sales-tip" data-more=tip.more_fen data-gain=tip.gain_fen>
                            <strong>{t(IMsg::HowToWin)}</strong>" "
                            <span>{move || sales_tip_text(i18n.lang(), &tip)}</span>
                        </div>
                    });
                    view! {
                        {held}
                        {tip}
                        <StatementCard statement=r.statement.clone() month=month.clone() label=r.name.clone() />
                    }
                }).collect_view()))
            }}
        </div>
    }
}
