//! Small pieces several screens share: the year selector, the status badge, the empty-state box, the undo box.

use leptos::prelude::*;

use crate::core::calendar::Year;
use crate::domain::attainment::Status;
use crate::present::grid::{agreement_years_with, years_offered};
use crate::present::status;
use crate::route::Screen;
use crate::ui::state::use_state;

/// `<label>Jahr</label><select>`: the years that have an agreement and the selected one (a new workspace shows
/// its year, never an empty choice); sets the shared selected year. With `any_year` (the value grid) it offers
/// also the year before each agreement, the years with values and this year, and a field for any other year.
#[component]
pub fn YearSelect(#[prop(optional)] any_year: bool) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let this_year = crate::ui::clock::this_year();
    let years = Memo::new(move |_| {
        let selected = state.year.get();
        state.data.all(|w| {
            if any_year {
                years_offered(w, selected, this_year)
            } else {
                agreement_years_with(w, selected)
            }
        })
    });
    let on_year = move |ev: leptos::ev::Event| {
        if let Some(year) = event_target_value(&ev)
            .parse::<i64>()
            .ok()
            .and_then(Year::new)
        {
            state.year.set(year);
        }
    };
    let other_error = RwSignal::new(String::new());
    let on_other = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        match text.trim().parse::<i64>().ok().and_then(Year::new) {
            Some(year) => {
                other_error.set(String::new());
                state.year.set(year);
            }
            None if text.trim().is_empty() => other_error.set(String::new()),
            None => other_error.set(crate::tr!(
                lang,
                "Bitte ein Jahr zwischen {} und {} eingeben.",
                "Please enter a year between {} and {}.",
                Year::MIN,
                Year::MAX
            )),
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
        {any_year
            .then(|| {
                view! {
                    <label for="jahr-frei">{lang.pick("anderes Jahr", "other year")}</label>
                    <input id="jahr-frei" type="text" inputmode="numeric" class="jahr-frei"
                        placeholder=lang.pick("JJJJ", "YYYY") on:change=on_other
                        aria-invalid=move || (!other_error.get().is_empty()).then_some("true")
                        aria-describedby="jahr-frei-fehler" />
                    <span id="jahr-frei-fehler" class="feldfehler">{move || other_error.get()}</span>
                }
            })}
    }
}

/// The status as text with its symbol; colour only supports it.
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let lang = use_state().lang.get_untracked();
    view! {
        <span class=format!("status status-{}", status::slug(status))>
            <span class="status-symbol" aria-hidden="true">{status::icon(status)}</span>
            {status::label(status, lang)}
        </span>
    }
}

/// The box that says what a screen will show once there is data; `extra` adds a sentence.
#[component]
pub fn EmptyState(screen: Screen, #[prop(optional, into)] extra: Option<String>) -> impl IntoView {
    let lang = use_state().lang.get_untracked();
    let (headline, explanation) = screen.empty_state(lang);
    view! {
        <section class="leerzustand" aria-label=lang.pick("Hinweis", "Note")>
            <p class="leerzustand-titel">{headline}</p>
            <p>{explanation}</p>
            {extra.map(|e| view! { <p>{e}</p> })}
        </section>
    }
}

/// The box that says what the last step dropped, with its "Rückgängig" button; shown while `text` is `Some`.
#[component]
pub fn UndoBanner(
    #[prop(into)] text: Signal<Option<String>>,
    on_undo: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_state().lang.get_untracked();
    let on_undo = std::sync::Arc::new(on_undo);
    move || {
        let on_undo = on_undo.clone();
        text.get().map(|text| {
            view! {
                <div class="meldung meldung-info rueckgaengig" role="status">
                    <p>{text}</p>
                    <div class="knopfleiste">
                        <button type="button" on:click=move |_| on_undo()>
                            {lang.pick("Rückgängig", "Undo")}
                        </button>
                    </div>
                </div>
            }
        })
    }
}
