use leptos::prelude::*;

use crate::ui::i18n::t;
use crate::ui::shell::frame::nav_pages;
use crate::ui::state::route::Page;

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
    // The finance queue (O3) is for the people who confirm or watch payments.
    let cmds = crate::ui::state::command::Commands::new();
    let finance = move || cmds.can(crate::app::orders::can_see_finance);
    let f = Page::Finance;
    view! {
        <nav class="nav-bar">
            {links}
            <Show when=finance>
                <a href=f.href() class="nav-link" class:active=move || current.get() == f data-testid="nav-finance">
                    <span class="nav-icon" aria-hidden="true">{icon(f)}</span>
                    <span class="nav-text">{t(f.title())}</span>
                </a>
            </Show>
        </nav>
    }
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
        Page::Finance => "¥",
        Page::Incentives => "★",
        Page::Warehouse => "▦",
        Page::Aftersales => "⚒",
    }
}
