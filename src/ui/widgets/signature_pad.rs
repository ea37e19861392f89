use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::orders::sign_delivery_slip;
use crate::domain::order::Signatory;
use crate::storage::orders::{encode_strokes, signatory_code, Signature};
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::orders::{signatory_label, OMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;

/// The canvas's drawing units; strokes are stored in these, whatever size it is shown.
pub const PAD_W: i32 = 600;
pub const PAD_H: i32 = 200;

type Strokes = Vec<Vec<(i32, i32)>>;

fn context(c: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    c.get_context("2d").ok()??.dyn_into().ok()
}

/// The pointer's position in drawing units (the canvas is scaled by CSS).
fn point(c: &web_sys::HtmlCanvasElement, ev: &web_sys::PointerEvent) -> (i32, i32) {
    let (w, h) = (c.client_width().max(1), c.client_height().max(1));
    (ev.offset_x() * PAD_W / w, ev.offset_y() * PAD_H / h)
}

/// O1: one signature captured on the tablet — finger, stylus or mouse through pointer
/// events on a `<canvas>` — with the signer's name, stored as compact stroke data.
#[component]
pub fn SignaturePad(order_id: String, who: Signatory) -> impl IntoView {
    let i18n = use_i18n();
    let cmds = Commands::new();
    let refused = RwSignal::new(None::<String>);
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let strokes = StoredValue::new(Strokes::new());
    let drawing = StoredValue::new(false);
    let has_ink = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let code = signatory_code(who);
    let down = move |ev: web_sys::PointerEvent| {
        let Some(c) = canvas.get() else { return };
        ev.prevent_default();
        let p = point(&c, &ev);
        drawing.set_value(true);
        strokes.update_value(|s| s.push(vec![p]));
        if let Some(ctx) = context(&c) {
            ctx.set_line_width(3.0);
            ctx.set_line_cap("round");
            ctx.begin_path();
            ctx.move_to(f64::from(p.0), f64::from(p.1));
            ctx.line_to(f64::from(p.0) + 0.1, f64::from(p.1));
            ctx.stroke();
        }
    };
    let mv = move |ev: web_sys::PointerEvent| {
        if !drawing.get_value() {
            return;
        }
        let Some(c) = canvas.get() else { return };
        let p = point(&c, &ev);
        let last = strokes.with_value(|s| s.last().and_then(|l| l.last().copied()));
        strokes.update_value(|s| {
            if let Some(l) = s.last_mut() {
                l.push(p)
            }
        });
        if let (Some(ctx), Some(l)) = (context(&c), last) {
            ctx.begin_path();
            ctx.move_to(f64::from(l.0), f64::from(l.1));
            ctx.line_to(f64::from(p.0), f64::from(p.1));
            ctx.stroke();
        }
        has_ink.set(true);
    };
    let up = move |_| drawing.set_value(false);
    let clear = move |_| {
        strokes.set_value(Strokes::new());
        has_ink.set(false);
        if let Some(c) = canvas.get() {
            if let Some(ctx) = context(&c) {
                ctx.clear_rect(0.0, 0.0, f64::from(PAD_W), f64::from(PAD_H));
            }
        }
    };
    let save = move |_| {
        let n = name.get_untracked();
        if n.trim().is_empty() {
            return error.set(Some(OMsg::SignerName.text(i18n.lang())));
        }
        let data = strokes.get_value();
        if data.iter().map(Vec::len).sum::<usize>() < 2 {
            return error.set(Some(OMsg::ErrSignEmpty.text(i18n.lang())));
        }
        error.set(None);
        let sig = Signature { name: n, strokes: encode_strokes(&data), ..Default::default() };
        let oid = order_id.clone();
        cmds.run(
            move |db, a| async move { sign_delivery_slip(db.store(), &a, &oid, who, &sig).await },
            move |r| refused.set(r.err().map(|e| command_error(i18n.lang(), &e))),
        );
    };
    view! {
        <div class="sig-pad" data-testid=format!("sig-pad-{code}")>
            <h4>{move || signatory_label(i18n.lang(), who)}</h4>
            <label class="field"><span>{t(OMsg::SignerName)}</span>
                <input type="text" data-testid=format!("sig-name-{code}") prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            </label>
            <canvas node_ref=canvas width=PAD_W height=PAD_H class="sig-canvas" aria-label=t(OMsg::SignHere) data-testid=format!("sig-canvas-{code}")
                on:pointerdown=down on:pointermove=mv on:pointerup=up on:pointerleave=up on:pointercancel=up></canvas>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || refused.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="button" data-testid=format!("sig-clear-{code}") on:click=clear>{t(OMsg::Clear)}</button>
                <button type="button" class="primary" data-testid=format!("sig-save-{code}") disabled=move || !has_ink.get() on:click=save>{t(OMsg::SaveSignature)}</button>
            </div>
        </div>
    }
}

/// A stored signature drawn back as SVG: sharp on screen and in print.
#[component]
pub fn SignatureImage(strokes: String) -> impl IntoView {
    let lines = crate::storage::orders::decode_strokes(&strokes)
        .into_iter()
        .map(|s| s.iter().map(|(x, y)| format!("{x},{y}")).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>();
    let n = lines.len();
    view! {
        <svg class="sig-image" viewBox=format!("0 0 {PAD_W} {PAD_H}") role="img" data-testid="sig-image" data-strokes=n>
            {lines.into_iter().map(|p| view! { <polyline points=p fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" /> }).collect_view()}
        </svg>
    }
}
