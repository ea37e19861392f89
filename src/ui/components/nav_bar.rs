use leptos::prelude::*;

use super::shell::nav_pages;
use crate::ui::i18n::t;
use crate::ui::route::Page;

#[component]
pub fn NavBar(current: ReadSignal<Page>) -> impl IntoView {
    let links = nav_pages()
        .into_iter()
        .map(|p| {
            view! {
                <a
                    href=p.href()
                    class="nav-link"
                    class:active=move || current.get() == p
                    aria-current=move || (current.get() == p).then_some("page")
                    data-testid=format!("nav-{}", p.slug())
                >
                    <span class="nav-icon" aria-hidden="true">{icon(p)}</span>
                    <span class="nav-text">{t(p.title())}</span>
                </a>
            }
        })
        .collect_view();
    view! { <nav class="nav-bar">{links}</nav> }
}

fn icon(p: Page) -> &'static str {
    match p {
        Page::Today => "◷",
        Page::Customers => "☰",
        Page::Pool => "◎",
        Page::Activities => "✎",
        Page::Events => "✦",
        Page::Reports => "▤",
        Page::Settings => "⚙",
        Page::Join => "+",
    }
}
