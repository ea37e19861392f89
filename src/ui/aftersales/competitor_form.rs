use leptos::prelude::*;

use super::{input, outcome};
use crate::app::competitors::save_sighting;
use crate::domain::competitor::Sighting;
use crate::domain::money::{format_yuan, parse_yuan};
use crate::ui::i18n::aftersales::FMsg;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::orders::orders_ctx::use_orders;
use crate::ui::state::command::Commands;

/// Seed 002 同類產品檔案: record (or, when `edit` holds one, correct) a competitor's
/// product seen at `customer` or in a region.
#[component]
pub fn CompetitorForm(
    #[prop(optional)] customer: Option<String>,
    #[prop(optional)] region: String,
    edit: RwSignal<Option<Sighting>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let orders = use_orders();
    let open = RwSignal::new(false);
    let f: [RwSignal<String>; 8] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let [competitor, product, price, reg, seen, source, strengths, weaknesses] = f;
    let msg = RwSignal::new(None::<(bool, String)>);
    let cust = StoredValue::new(customer);
    let region = StoredValue::new(region);
    let reset = move || {
        for s in f {
            s.set(String::new());
        }
        reg.set(region.get_value());
        seen.set(orders.today().to_string());
    };
    // The form opens on the sighting chosen for editing.
    Effect::new(move |_| {
        if let Some(s) = edit.get() {
            for (sig, v) in f.iter().zip([
                s.competitor.clone(),
                s.product.clone(),
                s.price_fen.map(format_yuan).unwrap_or_default().replace(',', ""),
                s.region.clone(),
                s.seen_on.to_string(),
                s.source.clone(),
                s.strengths.clone(),
                s.weaknesses.clone(),
            ]) {
                sig.set(v);
            }
            open.set(true);
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        let price_fen = match price.get_untracked().trim() {
            "" => None,
            p => match parse_yuan(p) {
                Ok(fen) => Some(fen),
                Err(_) => return msg.set(Some((false, FMsg::BadAmount.text(lang).to_owned()))),
            },
        };
        let Ok(seen_on) = seen.get_untracked().parse() else {
            return msg.set(Some((false, FMsg::BadDate.text(lang).to_owned())));
        };
        let old = edit.get_untracked();
        let s = Sighting {
            id: String::new(),
            customer_id: old.as_ref().map(|o| o.customer_id.clone()).unwrap_or_else(|| cust.get_value()),
            region: reg.get_untracked(),
            competitor: competitor.get_untracked(),
            product: product.get_untracked(),
            price_fen,
            strengths: strengths.get_untracked(),
            weaknesses: weaknesses.get_untracked(),
            seen_on,
            source: source.get_untracked(),
        };
        let id = old.map(|o| o.id);
        cmds.run(
            move |db, a| async move { save_sighting(db.store(), &a, id.as_deref(), &s).await },
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
            <button type="button" data-testid="cs-new" on:click=start>{t(FMsg::CsNew)}</button>
            {outcome(msg, "cs")}
        }>
            <form class="form" data-testid="cs-form" on:submit=save novalidate>
                <div class="grid-2">
                    {input(FMsg::Competitor, "cs-competitor", competitor, "text")}
                    {input(FMsg::Product, "cs-product", product, "text")}
                    {input(FMsg::Price, "cs-price", price, "text")}
                    {input(FMsg::Region, "cs-region", reg, "text")}
                    {input(FMsg::SeenOn, "cs-seen", seen, "date")}
                    {input(FMsg::Source, "cs-source", source, "text")}
                    {input(FMsg::Strengths, "cs-strengths", strengths, "textarea")}
                    {input(FMsg::Weaknesses, "cs-weaknesses", weaknesses, "textarea")}
                </div>
                {outcome(msg, "cs")}
                <div class="actions">
                    <button type="button" on:click=cancel>{t(FMsg::Cancel)}</button>
                    <button type="submit" class="primary" data-testid="cs-save">{t(FMsg::Save)}</button>
                </div>
            </form>
        </Show>
    }
}
