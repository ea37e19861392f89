//! Views that own what they create.
//!
//! Components are plain functions in Leptos 0.8 and make no owner of their own, so a
//! context a page provides would land on the enclosing owner and outlive the page: a
//! later page then found it and read its disposed signals (a panic). A view that
//! replaces another — a page for a route, a customer for a list — is built under a child
//! owner with [`scoped`], which is disposed with the view.

use leptos::prelude::*;
use leptos::tachys::reactive_graph::OwnedView;

/// Builds `view` under a new child owner that lives exactly as long as the view.
pub fn scoped(view: impl FnOnce() -> AnyView) -> AnyView {
    let owner = Owner::new();
    let view = owner.with(view);
    OwnedView::new_with_owner(view, owner).into_any()
}
