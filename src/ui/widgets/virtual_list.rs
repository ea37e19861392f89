use leptos::prelude::*;

/// Rows drawn above and below the visible window, so a fast swipe does not show blanks.
const OVERSCAN: usize = 6;

/// A list that renders only the rows in view: 50,000 customers scroll like 50.
/// Rows have a fixed height; `row(i)` draws the i-th.
///
/// Rows are keyed by position and by a generation that moves whenever a signal `track`
/// reads changes (the list's contents: a search, a filter, a sort, an edit or a pull).
/// Scrolling adds the rows that come into view and drops those that leave; it never
/// redraws the rows that stay, and nothing is redrawn while the first visible row is
/// the same.
#[component]
pub fn VirtualList<F, V, T>(
    #[prop(into)] count: Signal<usize>,
    row_height: f64,
    row: F,
    track: T,
    #[prop(into)] test_id: String,
) -> impl IntoView
where
    F: Fn(usize) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    T: Fn() + Send + Sync + 'static,
{
    let generation = Memo::new(move |prev: Option<&u64>| {
        count.track();
        track();
        prev.map_or(0, |g| g + 1)
    });
    let scroll_top = RwSignal::new(0.0f64);
    let viewport = RwSignal::new(800.0f64);
    let el = NodeRef::<leptos::html::Div>::new();
    // Back to the top when the list itself changes (a new search or filter).
    Effect::new(move |_| {
        count.track();
        if let Some(div) = el.get_untracked() {
            div.set_scroll_top(0);
        }
        scroll_top.set(0.0);
    });
    let window = Memo::new(move |_| {
        let n = count.get();
        let first = ((scroll_top.get() / row_height) as usize).saturating_sub(OVERSCAN);
        let shown = (viewport.get() / row_height) as usize + 2 * OVERSCAN + 1;
        (first.min(n), (first + shown).min(n))
    });
    let on_scroll = move |_| {
        if let Some(div) = el.get_untracked() {
            scroll_top.set(div.scroll_top() as f64);
            viewport.set(div.client_height().max(1) as f64);
        }
    };
    view! {
        <div class="vlist" class:empty=move || count.get() == 0 node_ref=el on:scroll=on_scroll data-testid=test_id role="list">
            <div class="vlist-inner" style=move || format!("height:{}px", count.get() as f64 * row_height)>
                <For
                    each=move || {
                        let g = generation.get();
                        let (a, b) = window.get();
                        (a..b).map(move |i| (g, i))
                    }
                    key=|k| *k
                    children=move |(_, i)| view! {
                        <div class="vlist-row" role="listitem"
                            style=format!("top:{}px;height:{}px", i as f64 * row_height, row_height)>
                            {row(i)}
                        </div>
                    }
                />
            </div>
        </div>
    }
}
