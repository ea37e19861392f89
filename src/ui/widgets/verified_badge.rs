use leptos::prelude::*;

use crate::ui::i18n::roster::RMsg;
use crate::ui::i18n::t;

/// Whether one step of an approval history is verified (issue 15): signed by a key the
/// team roster held with the step's role, and chained to the step before it.
#[component]
pub fn VerifiedBadge(verified: bool) -> impl IntoView {
    if verified {
        view! { <span class="badge ok" data-testid="verified" data-verified="true">"✓ "{t(RMsg::Verified)}</span> }
            .into_any()
    } else {
        view! { <span class="muted" data-testid="verified" data-verified="false">{t(RMsg::Unverified)}</span> }
            .into_any()
    }
}
