use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::import::{ImportJob, ImportOutcome, ImportOwner};
use crate::domain::csv_import::{
    check_size, guess_mapping, parse, preview, ExistingKeys, ImportError, ImportReport, Mapping, ParsedCsv, RowStatus,
    RowValidator, Target,
};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::customers::{field_error_text, CMsg};
use crate::ui::i18n::import::{
    import_error_text, imported_text, outcome_text, problem_text, progress_text, report_text, target_label, IMsg,
};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::edit::finish_batches;
use crate::ui::state::session::use_db;
use crate::ui::state::sync_ctx::use_sync;
use crate::ui::widgets::file_io::read_chosen;

/// Rows checked, or written, between two pauses that let the page repaint.
const SLICE: usize = 500;

/// Yields to the browser for one task, so the progress bar repaints.
async fn pause() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

#[derive(Clone, PartialEq)]
enum Phase {
    Choose,
    Mapping,
    Checking(usize, usize),
    Checked,
    Writing(usize, usize),
    Done(ImportOutcome),
}

/// CSV import: pick a file (UTF-8 or the GBK that Chinese Excel writes), map columns,
/// preview, check every row with a progress bar (field errors and duplicates by phone or
/// credit code, against the device and within the file), then write the good rows in
/// batches (`app::import`). Bad rows are listed by line and never written; a file over
/// the size limit is refused before it is read; rows imported before are recognised by
/// their content and not added again; a batch the device refuses (storage full) ends
/// the import with how many rows were and were not imported, never a plain "done".
#[component]
pub fn ImportPage() -> impl IntoView {
    let ctx = use_customers();
    let db = use_db();
    let sync = use_sync();
    let i18n = use_i18n();
    let parsed = StoredValue::new(None::<ParsedCsv>);
    let headers = RwSignal::new(Vec::<String>::new());
    let mapping = RwSignal::new(Mapping::new());
    let phase = RwSignal::new(Phase::Choose);
    let error = RwSignal::new(None::<ImportError>);
    let report = StoredValue::new(None::<ImportReport>);
    let report_v = RwSignal::new(0u32);
    // "" = pool; "me" = the current rep (first contact, P1); else a rep id (manager).
    let owner = RwSignal::new(String::new());
    // The same policy the commands apply: a rep's new customers are theirs (P1); a
    // manager hands customers to reps (P4).
    let cmds = crate::ui::state::command::Commands::new();
    let is_manager = move || cmds.can(crate::app::pool::can_assign);
    let is_rep = move || cmds.can(crate::app::customers::owns_by_first_contact);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let size = input.files().and_then(|f| f.get(0)).map(|f| f.size() as u64);
        if let Some(Err(e)) = size.map(check_size) {
            input.set_value("");
            error.set(Some(e));
            report.set_value(None);
            phase.set(Phase::Choose);
            return;
        }
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            let Some(bytes) = read_chosen(&input).await else {
                return;
            };
            match parse(&bytes) {
                Ok(p) => {
                    mapping.try_set(guess_mapping(&p.headers));
                    headers.try_set(p.headers.clone());
                    parsed.try_set_value(Some(p));
                    error.try_set(None);
                    report.try_set_value(None);
                    phase.try_set(Phase::Mapping);
                }
                Err(e) => {
                    error.try_set(Some(e));
                    phase.try_set(Phase::Choose);
                }
            }
        });
    };

    let check = move |_| {
        let Some(p) = parsed.get_value() else { return };
        let existing = ctx.data.with_untracked(|d| {
            let mut k = ExistingKeys::default();
            for c in &d.customers {
                k.add(&c.rec.id, &c.rec.file, c.rec.contacts.iter().map(|x| &x.contact));
            }
            k
        });
        let m = mapping.get_untracked();
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            let mut v = match RowValidator::new(&p, &m, &existing) {
                Ok(v) => v,
                Err(e) => {
                    error.try_set(Some(e));
                    return;
                }
            };
            error.try_set(None);
            loop {
                let more = v.step(SLICE);
                phase.try_set(Phase::Checking(v.done(), v.total()));
                if !more {
                    break;
                }
                pause().await;
            }
            report.try_set_value(Some(v.finish()));
            report_v.try_update(|x| *x += 1);
            phase.try_set(Phase::Checked);
        });
    };

    let write_db = db.clone();
    let write = move |_| {
        let Some(r) = report.get_value() else { return };
        let Some(actor) = cmds.actor() else { return };
        let owner = match owner.get_untracked().as_str() {
            "" => ImportOwner::Pool,
            "me" => ImportOwner::FirstContact,
            rep => ImportOwner::Rep(rep.to_owned()),
        };
        let mut job = match ImportJob::new(&actor, r.rows, owner) {
            Ok(job) => job,
            // The owner list offers only what the role allows; nothing to write otherwise.
            Err(_) => return,
        };
        let total = job.outcome().total;
        let db = write_db.clone();
        // Not cancelled with the page: every checked row is written even if the user
        // leaves; the page's signals are only written while it is alive (`try_set`).
        leptos::task::spawn_local(async move {
            phase.try_set(Phase::Writing(0, total));
            while job.step(db.store(), SLICE).await {
                phase.try_set(Phase::Writing(job.done(), total));
                pause().await;
            }
            finish_batches(sync);
            phase.try_set(Phase::Done(job.outcome().clone()));
        });
    };

    let preview_rows = move || {
        report_v.track();
        let m = mapping.get();
        parsed.with_value(|p| p.as_ref().map(|p| preview(p, &m, 5))).unwrap_or_default()
    };
    let reps = move || ctx.rep_choices();

    view! {
        <a class="back" href="#/customers" data-testid="back">{t(CMsg::BackToList)}</a>
        <section class="card form" data-testid="import">
            <h2>{t(IMsg::Title)}</h2>
            <p class="muted">{t(IMsg::Hint)}</p>
            <label class="field"><span>{t(IMsg::ChooseFile)}</span>
                <input type="file" accept=".csv,text/csv,text/plain,.xlsx,.xls,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel" data-testid="import-file" on:change=on_file />
            </label>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="import-error">{move || import_error_text(i18n.lang(), &e)}</p> })}
        </section>
        <Show when=move || phase.get() != Phase::Choose>
            <section class="card" data-testid="import-mapping">
                <h2>{t(IMsg::Columns)}</h2>
                <table class="plan">
                    <tbody>
                        {move || headers.get().into_iter().enumerate().map(|(i, h)| {
                            let current = mapping.with(|m| m.get(i).copied().flatten());
                            view! {
                                <tr>
                                    <td>{h}</td>
                                    <td><select data-testid="import-map" on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        mapping.update(|m| { if m.len() <= i { m.resize(i + 1, None) } m[i] = Target::from_code(&v) });
                                    }>
                                        <option value="" selected=current.is_none()>{t(IMsg::Ignore)}</option>
                                        {Target::ALL.iter().copied().map(|tg| view! {
                                            <option value=tg.code() selected=current == Some(tg)>{move || target_label(i18n.lang(), tg)}</option>
                                        }).collect_view()}
                                    </select></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <h3>{t(IMsg::Preview)}</h3>
                <ul class="plain-list" data-testid="import-preview">
                    {move || preview_rows().into_iter().map(|r| view! {
                        <li>{r.line}": "<strong>{r.customer.name.clone()}</strong>" "{r.contact.map(|c| format!("{} {}", c.name, c.phone)).unwrap_or_default()}</li>
                    }).collect_view()}
                </ul>
                <label class="field compact"><span>{t(IMsg::Owner)}</span>
                    <select data-testid="import-owner" on:change=move |ev| owner.set(event_target_value(&ev))>
                        <option value="">{t(IMsg::ToPool)}</option>
                        {move || is_rep().then(|| view! { <option value="me">{t(IMsg::ToMe)}</option> })}
                        {move || is_manager().then(|| reps().into_iter().map(|(id, n)| view! { <option value=id>{n}</option> }).collect_view())}
                    </select>
                </label>
                <div class="actions"><button type="button" class="primary" data-testid="import-check" on:click=check>{t(IMsg::Check)}</button></div>
            </section>
        </Show>
        {move || match phase.get() {
            Phase::Checking(done, total) | Phase::Writing(done, total) => view! {
                <section class="card" data-testid="import-progress">
                    <progress max=total.to_string() value=done.to_string()></progress>
                    <p>{move || progress_text(i18n.lang(), done, total)}</p>
                </section>
            }.into_any(),
            Phase::Checked => {
                let r = report.get_value().unwrap_or_default();
                let counts = r.counts;
                let bad: Vec<_> = r.rows.into_iter().filter(|row| row.status != RowStatus::Ok).take(500).collect();
                view! {
                    <section class="card" data-testid="import-report" data-ok=counts.ok.to_string() data-errors=counts.errors.to_string() data-duplicates=counts.duplicates.to_string() data-present=counts.present.to_string()>
                        <p>{move || report_text(i18n.lang(), &counts)}</p>
                        <ul class="plain-list">
                            {bad.into_iter().map(|row| {
                                let status = row.status.clone();
                                let problems = move || {
                                    let lang = i18n.lang();
                                    match &status {
                                        RowStatus::Error(errs) => errs.iter().map(|e| {
                                            let col = Target::from_code(e.field).map(|t| target_label(lang, t)).unwrap_or(e.field);
                                            format!("{col}: {}", field_error_text(lang, &e.reason))
                                        }).collect::<Vec<_>>().join("; "),
                                        other => problem_text(lang, other),
                                    }
                                };
                                view! { <li data-testid="import-bad-row" data-line=row.line.to_string()><strong>{row.line}</strong>" "{row.customer.name.clone()}" — "{problems}</li> }
                            }).collect_view()}
                        </ul>
                        <div class="actions">
                            <button type="button" class="primary" data-testid="import-write" disabled=counts.ok == 0 on:click=write.clone()>
                                {move || imported_text(i18n.lang(), counts.ok)}
                            </button>
                        </div>
                    </section>
                }.into_any()
            }
            Phase::Done(o) => {
                let (imported, present, missing, complete) = (o.imported, o.already_present, o.not_imported, o.complete());
                view! {
                    <section class="card" data-testid=if complete { "import-done" } else { "import-partial" }
                        data-imported=imported.to_string() data-present=present.to_string() data-not-imported=missing.to_string()>
                        <p class=if complete { "ok" } else { "error" } role=if complete { "status" } else { "alert" }>
                            {move || outcome_text(i18n.lang(), &o)}
                        </p>
                        <a class="button" href="#/customers">{t(CMsg::BackToList)}</a>
                    </section>
                }.into_any()
            }
            _ => ().into_any(),
        }}
    }
}
