//! The rows of the target form every format has: format and category, the indicator (with an own one to
//! create) and the group of people, and the title.

use leptos::prelude::*;

use super::super::own_indicator::OwnIndicatorForm;
use super::super::{field_error, options};
use super::fields::bound_select;
use crate::domain::values::Population;
use crate::locale::Lang;
use crate::present::target_form::{CATEGORIES, Draft, Field, Kind, POPULATIONS, from_key, key_of};
use crate::ui::state::use_state;

/// The format and the category.
#[component]
pub(super) fn FormatRow(draft: RwSignal<Option<Draft>>, lang: Lang) -> impl IntoView {
    let (kind_value, kind_change) = bound_select(
        draft,
        |d| d.kind.slug().to_owned(),
        |d, v| d.kind = Kind::from_slug(v).unwrap_or_default(),
    );
    let (cat_value, cat_change) = bound_select(
        draft,
        |d| key_of(CATEGORIES, d.category).to_owned(),
        |d, v| d.category = from_key(CATEGORIES, v),
    );
    view! {
        <div class="formular-zeile">
            <div class="feld breit">
                <label for="ziel-format">"Format"</label>
                <select id="ziel-format" prop:value=kind_value on:change=kind_change>
                    {Kind::ALL.into_iter().map(|k| view! { <option value=k.slug()>{k.label(lang)}</option> }).collect_view()}
                </select>
            </div>
            <div class="feld">
                <label for="ziel-kategorie">{lang.pick("Kategorie", "Category")}</label>
                <select id="ziel-kategorie" prop:value=cat_value on:change=cat_change>
                    <option value="">{lang.pick("(nach Format)", "(from the format)")}</option>
                    {options(CATEGORIES, lang)}
                </select>
            </div>
        </div>
    }
}

/// The indicator with "Eigene Kennzahl anlegen" (and that form when open), and for formats without parts the
/// group of people; nothing for a qualitative goal.
#[component]
pub(super) fn IndicatorRow(
    draft: RwSignal<Option<Draft>>,
    errors: RwSignal<Vec<(Field, String)>>,
    kind: Memo<Kind>,
    lang: Lang,
) -> impl IntoView {
    let state = use_state();
    let new_indicator = RwSignal::new(false);
    let indicators = Memo::new(move |_| {
        state.data.meta(|w| {
            w.catalogue()
                .all()
                .map(|i| {
                    (
                        i.code.0.clone(),
                        format!("{} – {}", i.code, i.display_name(lang)),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let (ind_value, ind_change) = bound_select(
        draft,
        |d| d.indicator.clone(),
        |d, v| d.indicator = v.to_owned(),
    );
    let (pop_value, pop_change) = bound_select(
        draft,
        |d| key_of(POPULATIONS, Some(d.population.unwrap_or(Population::Total))).to_owned(),
        |d, v| d.population = from_key(POPULATIONS, v),
    );
    let indicator_error = field_error(errors, Field::Indicator);
    view! {
        <Show when=move || kind.get().has_indicator()>
            <div class="formular-zeile">
                <div class="feld breit">
                    <label for="ziel-kennzahl">{lang.pick("Kennzahl", "Indicator")}</label>
                    <select id="ziel-kennzahl" prop:value=ind_value on:change=ind_change
                        aria-invalid=move || indicator_error().map(|_| "true") aria-describedby="ziel-kennzahl-fehler">
                        <option value="">{lang.pick("Bitte wählen", "Please choose")}</option>
                        {move || indicators.get().into_iter().map(|(code, label)| view! { <option value=code>{label}</option> }).collect_view()}
                    </select>
                    <span id="ziel-kennzahl-fehler" class="feldfehler">{indicator_error}</span>
                    <button type="button" class="klein" on:click=move |_| new_indicator.update(|v| *v = !*v)
                        aria-expanded=move || new_indicator.get().to_string()>
                        {lang.pick("Eigene Kennzahl anlegen", "Create own indicator")}
                    </button>
                </div>
                <Show when=move || !kind.get().has_parts()>
                    <div class="feld">
                        <label for="ziel-gruppe">{lang.pick("Personengruppe", "Group of people")}</label>
                        <select id="ziel-gruppe" prop:value=pop_value on:change=pop_change>
                            {options(POPULATIONS, lang)}
                        </select>
                    </div>
                </Show>
            </div>
        </Show>
        <Show when=move || new_indicator.get() && kind.get().has_indicator()>
            <OwnIndicatorForm on_added=move |code| {
                draft.update(|d| if let Some(d) = d { d.indicator = code });
                new_indicator.set(false);
            } />
        </Show>
    }
}

/// The title, optional.
#[component]
pub(super) fn TitleRow(draft: RwSignal<Option<Draft>>, lang: Lang) -> impl IntoView {
    view! {
        <div class="formular-zeile">
            <div class="feld breit">
                <label for="ziel-titel-feld">{lang.pick("Titel (optional)", "Title (optional)")}</label>
                <input id="ziel-titel-feld" type="text"
                    prop:value=move || draft.with(|d| d.as_ref().map(|d| d.title.clone()).unwrap_or_default())
                    on:input=move |ev| draft.update(|d| if let Some(d) = d { d.title = event_target_value(&ev) }) />
            </div>
        </div>
    }
}
