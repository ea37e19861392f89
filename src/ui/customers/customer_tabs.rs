use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::i18n::customers::CMsg;
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::platform::set_hash;
use crate::ui::state::route::use_route;

/// The sections of the customer page, in order: (slug in the route, tab label).
pub const SECTIONS: [(&str, CMsg); 7] = [
    ("overview", CMsg::SecOverview),
    ("activities", CMsg::SecActivities),
    ("file", CMsg::SecFile),
    ("money", CMsg::SecMoney),
    ("service", CMsg::SecService),
    ("key-account", CMsg::SecKeyAccount),
    ("applications", CMsg::SecApplications),
];

/// The section every customer opens on.
pub const DEFAULT_SECTION: &str = "overview";

/// The address of a customer's section: `#/customers/<id>` for the overview,
/// `#/customers/<id>/<section>` for the others, so back, forward and reload keep it.
pub fn section_href(id: &str, section: &str) -> String {
    if section == DEFAULT_SECTION {
        format!("#/customers/{id}")
    } else {
        format!("#/customers/{id}/{section}")
    }
}

/// The section a route segment names; a missing or unknown one is the overview.
pub fn section_of(segment: Option<&str>) -> &'static str {
    SECTIONS.iter().map(|(s, _)| *s).find(|s| Some(*s) == segment).unwrap_or(DEFAULT_SECTION)
}

/// The section the route shows now (`#/customers/<id>/<section>`), changing only when it does.
pub fn current_section() -> Memo<&'static str> {
    let route = use_route();
    Memo::new(move |_| route.1.with(|v| section_of(v.get(1).map(String::as_str))))
}

fn tab_button(section: &str) -> Option<web_sys::HtmlElement> {
    let el = web_sys::window()?.document()?.get_element_by_id(&format!("tab-{section}"))?;
    el.dyn_into::<web_sys::HtmlElement>().ok()
}

fn focus_tab(section: &str) {
    if let Some(h) = tab_button(section) {
        let _ = h.focus();
    }
}

/// Where the bar is narrower than its tabs (and scrolls sideways), brings the chosen tab
/// into view.
fn show_tab(section: &str) {
    let Some(tab) = tab_button(section) else { return };
    let Some(bar) = tab.parent_element() else { return };
    let (left, width) = (tab.offset_left(), tab.offset_width());
    let (scroll, shown) = (bar.scroll_left(), bar.client_width());
    if left < scroll {
        bar.set_scroll_left(left);
    } else if left + width > scroll + shown {
        bar.set_scroll_left(left + width - shown);
    }
}

/// The tab bar under the customer glance: one section at a time, chosen here, kept in
/// the route. Arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern, with
/// automatic activation); `draft` marks the file tab while an unsaved edit waits there.
#[component]
pub fn CustomerTabs(id: String, current: Memo<&'static str>, #[prop(into)] draft: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let cid = StoredValue::new(id);
    let go = move |section: &str| {
        if current.get_untracked() != section {
            set_hash(&section_href(&cid.get_value(), section));
        }
    };
    Effect::new(move |_| show_tab(current.get()));
    let keys = move |ev: leptos::ev::KeyboardEvent| {
        // From the tab that has focus, not the route: a key pressed before the address
        // change of the one before has come back must still move on from where focus is.
        let focused = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|e| e.id())
            .and_then(|id| id.strip_prefix("tab-").map(str::to_owned));
        let from = focused.unwrap_or_else(|| current.get_untracked().to_owned());
        let at = SECTIONS.iter().position(|(s, _)| *s == from).unwrap_or(0);
        let to = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (at + 1) % SECTIONS.len(),
            "ArrowLeft" | "ArrowUp" => (at + SECTIONS.len() - 1) % SECTIONS.len(),
            "Home" => 0,
            "End" => SECTIONS.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        let section = SECTIONS[to].0;
        // Unconditionally: the route may still name the tab this key moves back to.
        // (Setting the address it already has adds no history entry.)
        set_hash(&section_href(&cid.get_value(), section));
        focus_tab(section);
    };
    view! {
        <div class="customer-tabs" role="tablist" data-testid="section-menu"
            aria-label=move || CMsg::Sections.text(i18n.lang()) on:keydown=keys>
            {SECTIONS.iter().map(|&(section, label)| {
                let selected = move || current.get() == section;
                view! {
                    <button type="button" role="tab" class="tab" id=format!("tab-{section}")
                        aria-controls=format!("panel-{section}")
                        aria-selected=move || selected().to_string()
                        tabindex=move || if selected() { "0" } else { "-1" }
                        data-testid=format!("go-{section}")
                        on:click=move |_| go(section)>
                        {t(label)}
                        {(section == "file").then(|| view! {
                            <Show when=move || draft.get()>
                                <span class="tab-draft" data-testid="file-draft-mark" title=move || CMsg::UnsavedChanges.text(i18n.lang())>
                                    <span class="visually-hidden">{t(CMsg::UnsavedChanges)}</span>
                                </span>
                            </Show>
                        })}
                    </button>
                }
            }).collect_view()}
        </div>
    }
}
