use leptos::prelude::*;

use super::{input, outcome};
use crate::app::repairs::save_repair_job;
use crate::domain::money::{format_yuan, parse_yuan};
use crate::domain::repair::{JobKind, RepairJob};
use crate::ui::i18n::aftersales::{kind_label, FMsg};
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::orders::orders_ctx::use_orders;
use crate::ui::state::command::Commands;

/// Seed 002 售后服務: open (or, when `edit` holds one, correct) a repair or maintenance
/// job of `customer`.
#[component]
pub fn RepairForm(customer: String, edit: RwSignal<Option<RepairJob>>) -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let orders = use_orders();
    let open = RwSignal::new(false);
    let kind = RwSignal::new(0usize);
    let f: [RwSignal<String>; 6] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let [equipment, problem, reported, promised, assigned, cost] = f;
    let msg = RwSignal::new(None::<(bool, String)>);
    let cust = StoredValue::new(customer);
    let reset = move || {
        for s in f {
            s.set(String::new());
        }
        kind.set(0);
        reported.set(orders.today().to_string());
    };
    Effect::new(move |_| {
        if let Some(j) = edit.get() {
            kind.set(JobKind::ALL.iter().position(|k| *k == j.kind).unwrap_or(0));
            for (sig, v) in f.iter().zip([
                j.equipment.clone(),
                j.problem.clone(),
                j.reported_on.to_string(),
                j.promised_on.map(|d| d.to_string()).unwrap_or_default(),
                j.assigned_to.clone(),
                j.cost_fen.map(format_yuan).unwrap_or_default().replace(',', ""),
            ]) {
                sig.set(v);
            }
            open.set(true);
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        let bad_date = || msg.set(Some((false, FMsg::BadDate.text(lang).to_owned())));
        let Ok(reported_on) = reported.get_untracked().parse() else { return bad_date() };
        let promised_on = match promised.get_untracked().trim() {
            "" => None,
            p => match p.parse() {
                Ok(d) => Some(d),
                Err(_) => return bad_date(),
            },
        };
        let cost_fen = match cost.get_untracked().trim() {
            "" => None,
            c => match parse_yuan(c) {
                Ok(fen) => Some(fen),
                Err(_) => return msg.set(Some((false, FMsg::BadAmount.text(lang).to_owned()))),
            },
        };
        let old = edit.get_untracked();
        let job = RepairJob {
            customer_id: cust.get_value(),
            kind: JobKind::ALL[kind.get_untracked().min(1)],
            equipment: equipment.get_untracked(),
            problem: problem.get_untracked(),
            reported_on,
            promised_on,
            assigned_to: assigned.get_untracked(),
            cost_fen,
            ..RepairJob::default()
        };
        let id = old.map(|o| o.id);
        cmds.run(
            move |db, a| async move { save_repair_job(db.store(), &a, id.as_deref(), &job).await },
            move |r| match r {
                Ok(_) => {
                    reset();
                    edit.set(None);
                    open.set(false);
                    msg.set(Some((true, FMsg::Saved.text(lang).to_owned())));
                }
                Err(e) => msg.set(Some((false, command_error(lang, &e)))),
            },
        );
    };
    let start = move |_| {
        reset();
        msg.set(None);
        open.set(true);
    };
    let cancel = move |_| {
        edit.set(None);
        open.set(false);
    };
    view! {
        <Show when=move || open.get() fallback=move || view! {
            <button type="button" data-testid="rj-new" on:click=start>{t(FMsg::RjNew)}</button>
            {outcome(msg, "rj")}
        }>
            <form class="form" data-testid="rj-form" on:submit=save novalidate>
                <div class="grid-2">
                    <label class="field"><span>{t(FMsg::Kind)}</span>
                        <select data-testid="rj-kind" prop:value=move || kind.get().to_string() on:change=move |ev| kind.set(event_target_value(&ev).parse().unwrap_or(0))>
                            {JobKind::ALL.into_iter().enumerate().map(|(i, k)| view! { <option value=i.to_string()>{move || kind_label(i18n.lang(), k)}</option> }).collect_view()}
                        </select>
                    </label>
                    {input(FMsg::Equipment, "rj-equipment", equipment, "text")}
                    {input(FMsg::Reported, "rj-reported", reported, "date")}
                    {input(FMsg::Promised, "rj-promised", promised, "date")}
                    {input(FMsg::Assigned, "rj-assigned", assigned, "text")}
                    {input(FMsg::Cost, "rj-cost", cost, "text")}
                </div>
                {input(FMsg::Problem, "rj-problem", problem, "textarea")}
                {outcome(msg, "rj")}
                <div class="actions">
                    <button type="button" on:click=cancel>{t(FMsg::Cancel)}</button>
                    <button type="submit" class="primary" data-testid="rj-save">{t(FMsg::Save)}</button>
                </div>
            </form>
        </Show>
    }
}
