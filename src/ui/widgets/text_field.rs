use leptos::prelude::*;

/// A labelled input with its error underneath; big enough to hit with a thumb.
/// `error` is the worded problem with this field, if any.
#[component]
pub fn TextField(
    label: Signal<&'static str>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into)] test_id: String,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let err_id = format!("{test_id}-error");
    let input = if multiline {
        view! {
            <textarea rows="3" data-testid=test_id.clone() prop:value=move || value.get()
                aria-invalid=move || error.with(Option::is_some).to_string()
                on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type=kind.unwrap_or("text") data-testid=test_id.clone() prop:value=move || value.get()
                inputmode=match kind { Some("tel") => Some("tel"), Some("email") => Some("email"), _ => None }
                aria-invalid=move || error.with(Option::is_some).to_string()
                on:input=move |ev| on_input.run(event_target_value(&ev)) />
        }
        .into_any()
    };
    view! {
        <label class="field" class:invalid=move || error.with(Option::is_some)>
            <span>{move || label.get()}</span>
            {input}
            {move || error.get().map(|e| view! { <small class="error" role="alert" data-testid=err_id.clone()>{e}</small> })}
        </label>
    }
}
