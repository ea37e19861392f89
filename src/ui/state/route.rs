//! Hash routing (`#/customers`): any static host serves the one `index.html`, under
//! any sub-path, with no rewrite rules; a reload offline lands on the same page.

use leptos::prelude::*;

use crate::ui::i18n::Msg;
use crate::ui::state::platform::replace_hash;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Today,
    Customers,
    Pool,
    Activities,
    Events,
    Reports,
    Settings,
    /// Opened by an invite link: `#/join?h=…&k=…&d=…`.
    Join,
    /// The finance confirmation queue (O3); in the navigation for finance and managers.
    Finance,
    /// Incentive statements (I1–I7).
    Incentives,
    /// The team warehouse (W1).
    Warehouse,
    /// Market feedback, competitor files, repair jobs (seeds 000/002/003).
    Aftersales,
}

impl Page {
    /// The pages in the navigation bar, in order.
    pub const ALL: [Page; 10] = [
        Page::Today,
        Page::Customers,
        Page::Pool,
        Page::Activities,
        Page::Events,
        Page::Reports,
        Page::Aftersales,
        Page::Incentives,
        Page::Warehouse,
        Page::Settings,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Page::Today => "today",
            Page::Customers => "customers",
            Page::Pool => "pool",
            Page::Activities => "activities",
            Page::Events => "events",
            Page::Reports => "reports",
            Page::Settings => "settings",
            Page::Join => "join",
            Page::Finance => "finance",
            Page::Incentives => "incentives",
            Page::Warehouse => "warehouse",
            Page::Aftersales => "aftersales",
        }
    }

    pub fn title(self) -> Msg {
        match self {
            Page::Today => Msg::NavToday,
            Page::Customers => Msg::NavCustomers,
            Page::Pool => Msg::NavPool,
            Page::Activities => Msg::NavActivities,
            Page::Events => Msg::NavEvents,
            Page::Reports => Msg::NavReports,
            Page::Settings => Msg::NavSettings,
            Page::Join => Msg::JoinTitle,
            Page::Finance => Msg::NavFinance,
            Page::Incentives => Msg::NavIncentives,
            Page::Warehouse => Msg::NavWarehouse,
            Page::Aftersales => Msg::NavAftersales,
        }
    }

    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }

    /// The page a location hash names; anything unknown is Today.
    pub fn from_hash(hash: &str) -> Page {
        let slug = hash.trim_start_matches('#').trim_start_matches('/');
        let slug = slug.split(['/', '?']).next().unwrap_or("");
        Page::ALL.into_iter().chain([Page::Join, Page::Finance]).find(|p| p.slug() == slug).unwrap_or(Page::Today)
    }
}

/// The current page and the rest of its path (`#/customers/<id>` → `["<id>"]`).
#[derive(Clone, Copy)]
pub struct Route(pub ReadSignal<Page>, pub ReadSignal<Vec<String>>);

impl Route {
    /// The path segment after the page slug, if any (`#/customers/abc` → `Some("abc")`).
    pub fn arg(&self) -> Option<String> {
        self.part(0)
    }

    /// The `i`-th path segment after the page slug (`#/customers/abc/money`, 1 → `Some("money")`).
    pub fn part(&self, i: usize) -> Option<String> {
        self.1.with(|v| v.get(i).cloned())
    }
}

/// The segments after the page slug, without any `?query`.
pub fn rest_of(hash: &str) -> Vec<String> {
    let path = hash.trim_start_matches('#').trim_start_matches('/');
    let path = path.split('?').next().unwrap_or("");
    path.split('/').skip(1).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// Whether the customer list itself is open now (`#/customers`, no customer).
pub fn on_customer_list() -> bool {
    let h = current_hash();
    Page::from_hash(&h) == Page::Customers && rest_of(&h).is_empty()
}

fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The fragment of the last invite link opened (`#/join?h=…&k=…`), kept in memory only.
/// The address bar and the history never keep it: the moment the route sees an invite
/// it replaces that history entry with plain `#/join`, so the team key is not left for
/// the back button, a bookmark, a synced browser history or a shoulder to find.
#[derive(Clone, Copy)]
pub struct InviteFragment(pub ReadSignal<Option<String>>);

/// If `hash` is an invite, takes it out of the current history entry and returns it.
fn take_invite(hash: &str) -> Option<String> {
    if Page::from_hash(hash) != Page::Join || !hash.contains('?') {
        return None;
    }
    replace_hash(&Page::Join.href());
    Some(hash.to_owned())
}

thread_local! {
    /// The invite the app was opened with, taken out of the address bar before the
    /// first screen (a first-run or a profile choice comes before the route exists).
    static OPENED_WITH: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Takes an invite out of the address bar as the app starts, before anything is drawn;
/// [`provide_route`] hands it to the join page later.
pub fn capture_invite_at_start() {
    if let Some(i) = take_invite(&current_hash()) {
        OPENED_WITH.with(|o| *o.borrow_mut() = Some(i));
    }
}

pub fn provide_route() -> Route {
    let start = current_hash();
    let (page, set_page) = signal(Page::from_hash(&start));
    let (rest, set_rest) = signal(rest_of(&start));
    let opened = take_invite(&start).or_else(|| OPENED_WITH.with(|o| o.borrow_mut().take()));
    let (invite, set_invite) = signal(opened);
    let handle = window_event_listener_untyped("hashchange", move |_| {
        let h = current_hash();
        if let Some(i) = take_invite(&h) {
            set_invite.set(Some(i));
        }
        // Only what changed is set: a customer's tab (`#/customers/<id>/money`) changes
        // the path, not the page, and must not rebuild the page around it.
        let p = Page::from_hash(&h);
        if page.get_untracked() != p {
            set_page.set(p);
        }
        let r = rest_of(&h);
        if rest.with_untracked(|old| *old != r) {
            set_rest.set(r);
        }
    });
    on_cleanup(move || handle.remove());
    let route = Route(page, rest);
    provide_context(route);
    provide_context(InviteFragment(invite));
    route
}

/// The invite the join page is to read (see [`InviteFragment`]).
pub fn use_invite_fragment() -> ReadSignal<Option<String>> {
    expect_context::<InviteFragment>().0
}

pub fn use_route() -> Route {
    expect_context::<Route>()
}
