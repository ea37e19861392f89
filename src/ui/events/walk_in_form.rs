use leptos::prelude::*;

use crate::app::events::register_walk_in;
use crate::domain::participant::{
    register, Child, ParticipantError, RegistrationForm, Relation, CHILD_MAX_AGE, CHILD_MIN_AGE,
};
use crate::record::hlc::Hlc;
use crate::ui::events::events_ctx::use_events;
use crate::ui::i18n::commands::command_error;
use crate::ui::i18n::events::{consent_text, participant_error_text, registered_text, relation_label, EMsg};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::state::command::Commands;
use crate::ui::state::platform::now_ms;
use crate::ui::widgets::text_field::TextField;

pub const RELATIONS: [Relation; 4] =
    [Relation::Prospect, Relation::ExistingOwner, Relation::FriendOfOwner, Relation::PartnerStaff];

fn relation_code(r: Relation) -> &'static str {
    match r {
        Relation::ExistingOwner => "existing_owner",
        Relation::FriendOfOwner => "friend_of_owner",
        Relation::Prospect => "prospect",
        Relation::PartnerStaff => "partner_staff",
    }
}

/// **E3** Registration at the kiosk, for a walk-in or a checked-in invitee (`prefill`):
/// name, phone, relation, children with ages (2–6; anything else is refused naming the
/// child), and the consent box for the event's consent version. Written offline as one
/// entry; the same phone on another tablet merges into the same participant.
#[component]
pub fn WalkInForm(
    event: String,
    #[prop(optional)] prefill: Option<(String, String, Relation)>,
    #[prop(optional)] on_done: Option<Callback<()>>,
) -> impl IntoView {
    let ctx = use_events();
    let cmds = Commands::new();
    let i18n = use_i18n();
    let (n0, p0, r0) = prefill.unwrap_or((String::new(), String::new(), Relation::Prospect));
    let name = RwSignal::new(n0);
    let phone = RwSignal::new(p0);
    let relation = RwSignal::new(r0);
    // (name, age as typed)
    let children = RwSignal::new(Vec::<(String, String)>::new());
    let consent = RwSignal::new(false);
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let done = RwSignal::new(None::<String>);
    let err = move |f: &str| {
        let f = f.to_owned();
        Signal::derive(move || errors.with(|e| e.iter().find(|(k, _)| *k == f).map(|(_, m)| m.clone())))
    };
    let eid = StoredValue::new(event.clone());
    let version = Memo::new(move |_| ctx.get(&event).map(|r| r.event.consent_version).unwrap_or_default());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        let mut errs: Vec<(String, String)> = Vec::new();
        let mut kids = Vec::new();
        for (i, (n, a)) in children.get_untracked().into_iter().enumerate() {
            match a.trim().parse::<u8>() {
                Ok(age) => kids.push(Child { name: n, age }),
                Err(_) => errs.push((format!("child-age-{i}"), EMsg::ErrAge.text(lang).into())),
            }
        }
        if !consent.get_untracked() {
            errs.push(("consent".into(), EMsg::ConsentNeeded.text(lang).into()));
        }
        let Some(rec) = ctx.get_untracked(&eid.get_value()) else {
            return;
        };
        let form = RegistrationForm {
            name: name.get_untracked(),
            phone: phone.get_untracked(),
            relation: relation.get_untracked(),
            children: kids.clone(),
            consent_version: rec.event.consent_version.clone(),
        };
        // The domain's own check, for field errors before anything is written.
        let probe = Hlc { wall_ms: now_ms(), counter: 0, device: String::new() };
        if let Err(e) = register(&form, &rec.event, "probe", probe) {
            let field = match &e {
                ParticipantError::NameEmpty => "name".to_owned(),
                ParticipantError::PhoneMissing => "phone".to_owned(),
                ParticipantError::ChildNameEmpty { position } => {
                    format!("child-name-{}", position - 1)
                }
                ParticipantError::ChildAgeOutOfRange { child, .. } => {
                    let at = kids.iter().position(|k| k.name.trim() == child).unwrap_or(0);
                    format!("child-age-{at}")
                }
                _ => "form".to_owned(),
            };
            if !errs.iter().any(|(k, _)| *k == field) {
                errs.push((field, participant_error_text(lang, &e)));
            }
        }
        if !errs.is_empty() {
            errors.set(errs);
            return;
        }
        errors.set(Vec::new());
        let who = form.name.trim().to_owned();
        let ev = rec.event.id.clone();
        cmds.run(
            move |db, a| async move { register_walk_in(db.store(), &a, &ev, &form).await },
            move |r| match r {
                Ok(_) => {
                    done.set(Some(who));
                    name.set(String::new());
                    phone.set(String::new());
                    relation.set(Relation::Prospect);
                    children.set(Vec::new());
                    consent.set(false);
                    if let Some(cb) = on_done {
                        cb.run(());
                    }
                }
                Err(e) => errors.set(vec![("form".into(), command_error(lang, &e))]),
            },
        );
    };
    view! {
        <form class="card form kiosk-form" data-testid="walk-in" on:submit=submit novalidate>
            {move || done.get().map(|n| view! { <p class="ok big" role="status" data-testid="walk-in-done">{move || registered_text(i18n.lang(), &n)}</p> })}
            <div class="grid-2">
                <TextField label=Signal::derive(move || t(EMsg::Name)()) test_id="walk-in-name" value=Signal::derive(move || name.get())
                    on_input=Callback::new(move |v| { name.set(v); done.set(None); }) error=err("name") />
                <TextField label=Signal::derive(move || t(EMsg::Phone)()) test_id="walk-in-phone" kind="tel" value=Signal::derive(move || phone.get())
                    on_input=Callback::new(move |v| phone.set(v)) error=err("phone") />
            </div>
            <fieldset class="relations">
                <legend>{t(EMsg::Relation)}</legend>
                <div class="segmented">
                    {RELATIONS.into_iter().map(|r| view! {
                        <label class="seg" class:active=move || relation.get() == r>
                            <input type="radio" name="relation" data-testid=format!("relation-{}", relation_code(r)) prop:checked=move || relation.get() == r on:change=move |_| relation.set(r) />
                            <span>{move || relation_label(i18n.lang(), r)}</span>
                        </label>
                    }).collect_view()}
                </div>
            </fieldset>
            <fieldset class="children" data-testid="children">
                <legend>{t(EMsg::Children)}" "<span class="muted">{format!("({CHILD_MIN_AGE}–{CHILD_MAX_AGE})")}</span></legend>
                {move || children.get().into_iter().enumerate().map(|(i, (n, a))| view! {
                    <div class="child-line" data-testid="child-line">
                        <TextField label=Signal::derive(move || t(EMsg::ChildName)()) test_id="child-name" value=Signal::derive(move || n.clone())
                            on_input=Callback::new(move |v| children.update_untracked(|c| if let Some(x) = c.get_mut(i) { x.0 = v })) error=err(&format!("child-name-{i}")) />
                        <TextField label=Signal::derive(move || t(EMsg::ChildAge)()) test_id="child-age" kind="number" value=Signal::derive(move || a.clone())
                            on_input=Callback::new(move |v| children.update_untracked(|c| if let Some(x) = c.get_mut(i) { x.1 = v })) error=err(&format!("child-age-{i}")) />
                        <button type="button" class="ghost" aria-label=t(EMsg::RemoveChild) on:click=move |_| children.update(|c| { if i < c.len() { c.remove(i); } })>"×"</button>
                    </div>
                }).collect_view()}
                <button type="button" data-testid="child-add" on:click=move |_| children.update(|c| c.push((String::new(), String::new())))>{t(EMsg::AddChild)}</button>
            </fieldset>
            <label class="check consent" class:invalid=move || err("consent").with(Option::is_some)>
                <input type="checkbox" data-testid="walk-in-consent" prop:checked=move || consent.get() on:change=move |ev| consent.set(event_target_checked(&ev)) />
                <span data-testid="consent-text">{move || consent_text(i18n.lang(), &version.get())}</span>
            </label>
            {move || err("consent").get().map(|e| view! { <small class="error" role="alert" data-testid="walk-in-consent-error">{e}</small> })}
            {move || err("form").get().map(|e| view! { <p class="error" role="alert" data-testid="walk-in-error">{e}</p> })}
            <div class="actions">
                <button type="submit" class="primary big" data-testid="walk-in-save">{t(EMsg::Register)}</button>
            </div>
        </form>
    }
}
