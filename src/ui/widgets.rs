//! Small pieces several screens share: the year selector, the status badge, the empty-state box.

use leptos::prelude::*;

use crate::domain::attainment::Status;
use crate::domain::calendar::Year;
use crate::route::Screen;
use crate::ui::screens::empty_state;
use crate::ui::state::use_state;

/// `<label>Jahr</label><select>`: the years that have an agreement; sets the shared selected year.
#[component]
pub fn YearSelect() -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let years = Memo::new(move |_| state.workspace.with(|w| w.agreement_years()));
    let on_year = move |ev: leptos::ev::Event| {
        if let Some(year) = event_target_value(&ev)
            .parse::<i64>()
            .ok()
            .and_then(Year::new)
        {
            state.year.set(year);
        }
    };
    view! {
        <label for="jahr">{lang.pick("Jahr", "Year")}</label>
        <select id="jahr" on:change=on_year prop:value=move || state.year.get().to_string()>
            {move || {
                years
                    .get()
                    .into_iter()
                    .map(|y| {
                        let selected = y == state.year.get_untracked();
                        view! { <option value=y.to_string() selected=selected>{y.to_string()}</option> }
                    })
                    .collect_view()
            }}
        </select>
    }
}

/// The status as text with its symbol; colour only supports it.
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let lang = use_state().lang.get_untracked();
    view! {
        <span class=format!("status status-{}", status.slug())>
            <span class="status-symbol" aria-hidden="true">{status.icon()}</span>
            {status.label(lang)}
        </span>
    }
}

/// The box that says what a screen will show once there is data; `extra` adds a sentence.
#[component]
pub fn EmptyState(screen: Screen, #[prop(optional, into)] extra: Option<String>) -> impl IntoView {
    let lang = use_state().lang.get_untracked();
    let (headline, explanation) = empty_state(screen, lang);
    view! {
        <section class="leerzustand" aria-label=lang.pick("Hinweis", "Note")>
            <p class="leerzustand-titel">{headline}</p>
            <p>{explanation}</p>
            {extra.map(|e| view! { <p>{e}</p> })}
        </section>
    }
}
