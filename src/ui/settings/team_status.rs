//! Settings › Team sync: is the team in step, per device why not, and the quarantine.
//! Everything shown is computed below the UI (`sync::status`, `storage::quarantine`);
//! this renders it and offers the quarantine as a file for support.

use leptos::prelude::*;

use crate::storage::quarantine::{export_json, quarantine, Quarantined};
use crate::storage::record_health::{unreadable_fields, UnreadableField};
use crate::ui::i18n::sync_status::{device_problems, field_problem_text, host_clock_text, refusal_text, short, SMsg};
use crate::ui::i18n::{t, use_i18n, Lang};
use crate::ui::state::load::load;
use crate::ui::state::session::use_db;
use crate::ui::state::sync_ctx::{use_sync, SyncPhase};
use crate::ui::widgets::file_io::download;

fn when(ms: i64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

fn refused_line(lang: Lang, n: usize) -> String {
    match lang {
        Lang::ZhCn => format!("本轮有 {n} 个文件或记录被拒绝（见下方隔离区），其余已合并。"),
        Lang::En => format!("{n} file(s) or record(s) refused this round (see the quarantine below); the rest merged."),
    }
}

#[component]
pub fn TeamStatusView() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let round = move || sync.round.get().filter(|_| sync.phase.get() == SyncPhase::Done);
    let in_step = move || round().map(|r| r.status.in_step());
    view! {
        <Show when=move || round().is_some()>
            <div class="team-step" role="status" data-testid="team-in-step"
                data-in-step=move || in_step().unwrap_or(false).to_string()>
                {move || {
                    let lang = i18n.lang();
                    let Some(r) = round() else { return Vec::new() };
                    let mut lines: Vec<AnyView> = Vec::new();
                    if r.status.in_step() {
                        lines.push(view! { <p class="ok">{SMsg::InStep.text(lang)}</p> }.into_any());
                    } else {
                        lines.push(view! { <p class="warn">{SMsg::NotInStep.text(lang)}</p> }.into_any());
                        if r.status.unsynced > 0 {
                            lines.push(view! { <p class="warn">{format!("{} ({})", SMsg::Unsynced.text(lang), r.status.unsynced)}</p> }.into_any());
                        }
                    }
                    if let Some(text) = r.host_clock.as_ref().and_then(|h| host_clock_text(lang, h)) {
                        lines.push(view! { <p class="warn" data-testid="host-clock">{text}</p> }.into_any());
                    }
                    if r.republished > 0 {
                        lines.push(view! { <p class="muted">{SMsg::Republished.text(lang)}</p> }.into_any());
                    }
                    lines
                }}
            </div>
        </Show>
        <Show when=move || !sync.rejected.get().is_empty()>
            <p class="warn" data-testid="sync-rejected">{move || refused_line(i18n.lang(), sync.rejected.get().len())}</p>
        </Show>
        <DeviceTable />
        <QuarantineInbox />
    }
}

#[component]
fn DeviceTable() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let devices = move || sync.round.get().map(|r| r.status.devices).unwrap_or_default();
    view! {
        <Show when=move || sync.round.get().is_some()>
            <h3>{t(SMsg::Devices)}</h3>
            <Show when=move || !devices().is_empty() fallback=move || view! { <p class="muted">{t(SMsg::NoDevices)}</p> }>
                <table class="devices" data-testid="team-devices">
                    <thead><tr><th>{t(SMsg::Device)}</th><th>{t(SMsg::LastHead)}</th><th>{t(SMsg::State)}</th></tr></thead>
                    <tbody>
                        <For each=devices key=|d| format!("{d:?}") let:d>
                            {
                                let ok = d.in_step();
                                let problems = device_problems(i18n.lang(), &d);
                                let published = d.head_written_ms.map(when).unwrap_or_else(|| "—".into());
                                view! {
                                    <tr data-testid="team-device" data-device=d.device.clone() data-in-step=ok.to_string()>
                                        <td title=d.device.clone()>{short(&d.device)}</td>
                                        <td>{published}</td>
                                        <td>{if ok { SMsg::OkDevice.text(i18n.lang()).to_owned() } else { problems.join("; ") }}</td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </Show>
        </Show>
    }
}

#[component]
fn QuarantineInbox() -> impl IntoView {
    let i18n = use_i18n();
    let items = RwSignal::new(Vec::<Quarantined>::new());
    let records = RwSignal::new(Vec::<UnreadableField>::new());
    let sync = use_sync();
    let db = use_db();
    // Read again after every round: only a round brings files or records from other
    // devices. Not on every local change: the record scan reads every area, and on a
    // busy Settings page (a form saved twice a second) it would compete with the lists.
    load(
        move || {
            sync.round.track();
            Some(())
        },
        move |()| {
            let db = db.clone();
            async move { Ok((quarantine(db.store()).await?, unreadable_fields(db.store()).await?)) }
        },
        move |(q, r)| {
            items.set(q);
            records.set(r);
        },
    );
    let export = move |_| {
        let text = export_json(&items.get_untracked(), &records.get_untracked());
        download("outpost-quarantine.json", text.as_bytes(), "application/json");
    };
    let total = move || items.with(Vec::len) + records.with(Vec::len);
    view! {
        <details class="quarantine" data-testid="quarantine" open=move || total() != 0>
            <summary>{move || format!("{} ({})", SMsg::Quarantine.text(i18n.lang()), total())}</summary>
            <p class="muted">{t(SMsg::QuarantineHint)}</p>
            <Show when=move || total() != 0 fallback=move || view! { <p class="muted">{t(SMsg::QuarantineEmpty)}</p> }>
                <Show when=move || !items.with(Vec::is_empty)>
                    <ul class="quarantine-items">
                        <For each=move || items.get() key=|q| format!("{}{}{}{}", q.device, q.path, q.code, q.first_seen_ms) let:q>
                            <li data-testid="quarantine-item" data-code=q.code.clone()>
                                <strong>{let code = q.code.clone(); move || refusal_text(i18n.lang(), &code)}</strong>
                                <span class="muted">{format!(" · {} {} · {} {}", t(SMsg::From)(), short(&q.device), t(SMsg::Since)(), when(q.first_seen_ms))}</span>
                                <code class="path">{q.path.clone()}</code>
                            </li>
                        </For>
                    </ul>
                </Show>
                <Show when=move || !records.with(Vec::is_empty)>
                    <h4>{t(SMsg::PartlyRead)}</h4>
                    <p class="muted">{t(SMsg::PartlyReadHint)}</p>
                    <ul class="quarantine-items" data-testid="unreadable-records">
                        <For each=move || records.get() key=|r| format!("{}.{}.{}", r.record_id, r.field, r.at_ms) let:r>
                            <li data-testid="unreadable-record" data-code=r.code data-record=r.record_id.clone()>
                                <strong>{let code = r.code; move || field_problem_text(i18n.lang(), code)}</strong>
                                <span class="muted">{format!(" · {} {} · {}", t(SMsg::From)(), short(&r.device), when(r.at_ms))}</span>
                                <code class="path">{format!("{} {} · {}", r.kind, r.record_id, r.field)}</code>
                            </li>
                        </For>
                    </ul>
                </Show>
                <button type="button" data-testid="quarantine-export" on:click=export>{t(SMsg::QuarantineExport)}</button>
            </Show>
        </details>
    }
}
