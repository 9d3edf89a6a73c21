//! The inputs the field groups of the target form share: a number field and a `<select>` bound to one field of
//! the draft, and the unit of a change.

use leptos::prelude::*;

use super::super::{field_error, options};
use crate::locale::Lang;
use crate::present::target_form::{
    Draft, Field, Kind, UNITS, from_key, key_of, shown_unit, units_for,
};
use crate::ui::state::use_state;

/// A text input bound to one field of the draft, with its error message next to it.
pub(super) fn draft_input(
    draft: RwSignal<Option<Draft>>,
    errors: RwSignal<Vec<(Field, String)>>,
    field: Field,
    label: &'static str,
    get: fn(&Draft) -> String,
    set: fn(&mut Draft, String),
) -> impl IntoView {
    let error = field_error(errors, field);
    let error_id = format!("{}-fehler", field.id());
    view! {
        <div class="feld">
            <label for=field.id()>{label}</label>
            <input type="text" inputmode="decimal" id=field.id() class="kurz"
                prop:value=move || draft.with(|d| d.as_ref().map(get).unwrap_or_default())
                on:input=move |ev| draft.update(|d| if let Some(d) = d { set(d, event_target_value(&ev)) })
                aria-invalid=move || error().map(|_| "true")
                aria-describedby=error_id.clone() />
            <span id=error_id class="feldfehler">{error}</span>
        </div>
    }
}

/// A `<select>` bound to one field of the draft: its value as the draft holds it, and what a change sets.
pub(super) fn bound_select(
    draft: RwSignal<Option<Draft>>,
    get: fn(&Draft) -> String,
    set: fn(&mut Draft, &str),
) -> (
    impl Fn() -> String + Copy + Send + Sync + 'static,
    impl Fn(leptos::ev::Event) + Copy + Send + Sync + 'static,
) {
    (
        move || draft.with(|d| d.as_ref().map(get).unwrap_or_default()),
        move |ev: leptos::ev::Event| {
            draft.update(|d| {
                if let Some(d) = d {
                    set(d, &event_target_value(&ev))
                }
            })
        },
    )
}

/// The unit of a change for a format of `kind`: the units the chosen indicator admits (a count: "%" only), one
/// of them always selected.
#[component]
pub(super) fn UnitSelect(
    draft: RwSignal<Option<Draft>>,
    kind: Kind,
    label: &'static str,
    lang: Lang,
) -> impl IntoView {
    let state = use_state();
    let units = Memo::new(move |_| {
        let code = draft.with(|d| d.as_ref().map(|d| d.indicator.clone()).unwrap_or_default());
        state.data.meta(|w| {
            let catalogue = w.catalogue();
            let indicator = catalogue.get(code.trim());
            (units_for(kind, indicator), indicator.cloned())
        })
    });
    let unit_value = move || {
        let chosen = draft.with(|d| d.as_ref().and_then(|d| d.unit));
        units.with(|(_, indicator)| {
            key_of(UNITS, Some(shown_unit(kind, chosen, indicator.as_ref()))).to_owned()
        })
    };
    let unit_change = move |ev: leptos::ev::Event| {
        draft.update(|d| {
            if let Some(d) = d {
                d.unit = from_key(UNITS, &event_target_value(&ev));
            }
        })
    };
    view! {
        <div class="feld">
            <label for="ziel-einheit">{label}</label>
            <select id="ziel-einheit" prop:value=unit_value on:change=unit_change>
                {move || units.with(|(table, _)| options(table, lang))}
            </select>
        </div>
    }
}
