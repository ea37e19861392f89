use leptos::prelude::*;

use crate::app::settings::save_team_lists;
use crate::domain::customer::{choice_code, SEGMENTS, SOURCES};
use crate::storage::team_lists::{parse_list, TeamLists};
use crate::ui::customers::customers_ctx::use_customers;
use crate::ui::i18n::customers::{list_label, CMsg};
use crate::ui::i18n::{t, use_i18n, Msg};
use crate::ui::state::command::Commands;

/// C2/C5: the source channels and segments the team offers, one per line. Default
/// entries show in the reader's language and are stored by code, so a zh-CN and an en
/// tablet keep one list; a team's own entries are stored as typed. Synced to the team.
#[component]
pub fn TeamListsSettings() -> impl IntoView {
    let ctx = use_customers();
    let cmds = Commands::new();
    let i18n = use_i18n();
    let text_of = move |v: &[String]| v.iter().map(|c| list_label(i18n.lang(), c)).collect::<Vec<_>>().join("\n");
    let sources = RwSignal::new(String::new());
    let segments = RwSignal::new(String::new());
    let counts = RwSignal::new(String::new());
    Effect::new(move |_| {
        let l = ctx.lists.get();
        sources.set(text_of(&l.sources));
        segments.set(text_of(&l.segments));
        counts.set(l.counts.join("\n"));
    });
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let code = |list: &'static [(&'static str, &'static str, &'static str)], text: String| {
            choice_code(list, &text).map(str::to_owned).unwrap_or(text)
        };
        let new = TeamLists {
            sources: parse_list(&sources.get_untracked()).into_iter().map(|t| code(SOURCES, t)).collect(),
            segments: parse_list(&segments.get_untracked()).into_iter().map(|t| code(SEGMENTS, t)).collect(),
            counts: parse_list(&counts.get_untracked()),
        };
        cmds.run(
            move |db, a| async move { save_team_lists(db.store(), &a, &new).await },
            move |r| saved.set(r.as_ref().map_or_else(|e| e.is_unchanged(), |_| true)),
        );
    };
    view! {
        <form class="card form" data-testid="team-lists" on:submit=save novalidate>
            <h2>{t(CMsg::TeamLists)}</h2>
            <div class="grid-2">
                <label class="field"><span>{t(CMsg::FieldSource)}</span>
                    <textarea rows="8" data-testid="team-sources" prop:value=move || sources.get()
                        on:input=move |ev| { sources.set(event_target_value(&ev)); saved.set(false); }></textarea>
                </label>
                <label class="field"><span>{t(CMsg::FieldSegment)}</span>
                    <textarea rows="8" data-testid="team-segments" prop:value=move || segments.get()
                        on:input=move |ev| { segments.set(event_target_value(&ev)); saved.set(false); }></textarea>
                </label>
            </div>
            <label class="field"><span>{t(CMsg::TeamCounts)}</span>
                <textarea rows="4" data-testid="team-counts" prop:value=move || counts.get()
                    on:input=move |ev| { counts.set(event_target_value(&ev)); saved.set(false); }></textarea>
                <small class="muted">{t(CMsg::TeamCountsHint)}</small>
            </label>
            <div class="actions">
                <Show when=move || saved.get()><span class="ok" role="status" data-testid="team-lists-saved">{t(CMsg::Saved)}</span></Show>
                <button type="submit" class="primary" data-testid="team-lists-save">{t(Msg::Save)}</button>
            </div>
        </form>
    }
}
