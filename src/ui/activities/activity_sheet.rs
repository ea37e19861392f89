use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::activity::ActivityKind;
use crate::ui::activities::activity_form::ActivityForm;
use crate::ui::i18n::activities::AMsg;
use crate::ui::i18n::{t, use_i18n};

/// How long "Logged." stays on screen after a save.
const SAVED_NOTE_MS: u64 = 5_000;

/// The customer page's activity sheet: whether it is open, the kind picked in it, whether
/// its form holds typed text, and the note shown after a save. The glance's one-tap
/// buttons, the activities tab and the overview open it.
#[derive(Clone, Copy)]
pub struct ActivitySheet {
    pub is_open: RwSignal<bool>,
    pub kind: RwSignal<ActivityKind>,
    /// Something is typed and not saved: kept for the next open.
    pub draft: RwSignal<bool>,
    /// Bumped by each save; the note shows while it is the latest one.
    saved: RwSignal<Option<u32>>,
}

impl ActivitySheet {
    /// Opens the sheet, with `kind` picked when given; what was typed before stays.
    pub fn open(self, kind: Option<ActivityKind>) {
        if let Some(k) = kind {
            self.kind.set(k);
        }
        self.saved.set(None);
        self.is_open.set(true);
    }

    pub fn close(self) {
        self.is_open.set(false);
    }
}

/// Provides the page's sheet; the page then draws [`ActivitySheetView`] once.
pub fn provide_activity_sheet() -> ActivitySheet {
    let s = ActivitySheet {
        is_open: RwSignal::new(false),
        kind: RwSignal::new(ActivityKind::Visit),
        draft: RwSignal::new(false),
        saved: RwSignal::new(None),
    };
    provide_context(s);
    s
}

/// The page's sheet, if the page has one.
pub fn use_activity_sheet() -> Option<ActivitySheet> {
    use_context::<ActivitySheet>()
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The first and the last control of the sheet: its close button and the form's save
/// button (the sheet's own layout, so no search through its fields is needed).
fn ends(root: &web_sys::Element) -> Option<(web_sys::HtmlElement, web_sys::HtmlElement)> {
    let find = |sel: &str| root.query_selector(sel).ok().flatten()?.dyn_into::<web_sys::HtmlElement>().ok();
    Some((find(".sheet-close")?, find("[type=submit]")?))
}

/// The activity form as a modal bottom sheet over the customer page (a centred dialog on
/// a wide screen): focus moves into it and stays there, Escape, the close button or a tap
/// on the shade closes it, and the page behind does not scroll. The form stays built
/// while the sheet is closed, so what was typed is still there when it opens again; a
/// save clears it, closes the sheet and says "Logged.".
#[component]
pub fn ActivitySheetView(customer: String, sheet: ActivitySheet) -> impl IntoView {
    let i18n = use_i18n();
    let panel = NodeRef::<leptos::html::Div>::new();
    // Whatever had focus before the sheet opened gets it back when it closes.
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let seq = StoredValue::new(0u32);
    Effect::new(move |was_open: Option<bool>| {
        let open = sheet.is_open.get();
        let body = document().and_then(|d| d.body());
        if let Some(b) = &body {
            let _ = if open { b.class_list().add_1("sheet-open") } else { b.class_list().remove_1("sheet-open") };
        }
        if open && was_open != Some(true) {
            let active =
                document().and_then(|d| d.active_element()).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            opener.set_value(active);
            // After the sheet is drawn: the picked kind, so no keyboard pops up on a tablet.
            request_animation_frame(move || {
                let Some(p) = panel.try_get_untracked().flatten() else { return };
                let picked = p.query_selector("[aria-pressed=\"true\"]").ok().flatten();
                match picked.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    Some(e) => {
                        let _ = e.focus();
                    }
                    None => {
                        let _ = p.focus();
                    }
                }
            });
        } else if !open && was_open == Some(true) {
            if let Some(e) = opener.get_value() {
                let _ = e.focus();
            }
        }
        open
    });
    on_cleanup(|| {
        if let Some(b) = document().and_then(|d| d.body()) {
            let _ = b.class_list().remove_1("sheet-open");
        }
    });
    // Escape closes the sheet wherever focus is: focus moves in only once the sheet is
    // drawn, and a key pressed before that must not leave the sheet open.
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && sheet.is_open.try_get_untracked() == Some(true) {
            ev.prevent_default();
            sheet.is_open.try_set(false);
        }
    });
    on_cleanup(move || escape.remove());
    // Focus stays in the sheet: Tab from the last control goes to the first.
    let keys = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() != "Tab" {
            return;
        }
        let Some(p) = panel.get_untracked() else { return };
        let Some((first, last)) = ends(&p) else { return };
        let active = document().and_then(|d| d.active_element());
        let at = |e: &web_sys::Element| active.as_ref() == Some(e);
        if ev.shift_key() && (at(&first) || at(&p)) {
            ev.prevent_default();
            let _ = last.focus();
        } else if !ev.shift_key() && at(&last) {
            ev.prevent_default();
            let _ = first.focus();
        }
    };
    let on_saved = Callback::new(move |()| {
        let n = seq.get_value() + 1;
        seq.set_value(n);
        sheet.saved.set(Some(n));
        sheet.close();
        set_timeout(
            move || {
                if sheet.saved.try_get_untracked() == Some(Some(n)) {
                    sheet.saved.try_set(None);
                }
            },
            std::time::Duration::from_millis(SAVED_NOTE_MS),
        );
    });
    view! {
        <div class="sheet-shade" hidden=move || !sheet.is_open.get() on:click=move |_| sheet.close()></div>
        <div class="bottom-sheet" role="dialog" aria-modal="true" aria-labelledby="activity-sheet-title"
            data-testid="activity-sheet" tabindex="-1" node_ref=panel
            hidden=move || !sheet.is_open.get() on:keydown=keys>
            <div class="sheet-bar">
                <h2 id="activity-sheet-title">{t(AMsg::LogActivity)}</h2>
                <button type="button" class="sheet-close" data-testid="activity-sheet-close"
                    aria-label=move || AMsg::CloseSheet.text(i18n.lang())
                    on:click=move |_| sheet.close()>"✕"</button>
            </div>
            <ActivityForm customer kind=sheet.kind on_saved draft=sheet.draft />
        </div>
        <div class="toast-region" role="status">
            {move || sheet.saved.get().map(|_| view! { <p class="toast" data-testid="act-saved">{t(AMsg::Logged)}</p> })}
        </div>
    }
}
