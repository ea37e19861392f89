use leptos::prelude::*;

use crate::domain::pool::Ownership;
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::customers::{days_left, reason_label, CMsg};
use crate::ui::i18n::{t, use_i18n};

/// Owner, why they own it, and the days left before the customer returns to the pool
/// (P1, P3) — or "pool" for an ownerless customer (P5).
#[component]
pub fn OwnerBadge(own: Ownership, now_ms: i64) -> impl IntoView {
    let ctx = use_customers();
    let i18n = use_i18n();
    match own.owner.clone() {
        None => {
            view! { <span class="owner pool" data-testid="owner" data-owner="">{t(CMsg::InPool)}</span> }.into_any()
        }
        Some(o) => {
            let name = ctx.data.with_untracked(|d| d.name_of(&o));
            let reason = own.reason;
            let left = own.days_until_return(now_ms);
            view! {
                <span class="owner" data-testid="owner" data-owner=o>
                    {name}
                    {reason.map(|r| view! { <span class="muted">" · "{move || reason_label(i18n.lang(), r)}</span> })}
                    {left.map(|d| view! {
                        <span class="countdown" class:soon=d <= 7 data-testid="countdown" data-days=d.to_string()>
                            " · "{move || days_left(i18n.lang(), d)}
                        </span>
                    })}
                </span>
            }
            .into_any()
        }
    }
}
