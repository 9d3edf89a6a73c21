//! Defining one's own indicator (e.g. "Integrationen U25 in voll qualifizierende Ausbildung"). The rules are in
//! `present::indicator_form`.

use leptos::prelude::*;

use super::{field_error, options};
use crate::present::choices::{Choice, from_key, key_of};
use crate::present::indicator_form::{
    DIRECTIONS, IndicatorDraft, IndicatorField, RULES, UNITS, build, field_of,
};
use crate::ui::state::use_state;

#[component]
pub(super) fn OwnIndicatorForm(
    on_added: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let draft = RwSignal::new(IndicatorDraft::default());
    let errors: RwSignal<Vec<(IndicatorField, String)>> = RwSignal::new(Vec::new());
    let add = move |_| {
        let built = state
            .data
            .untracked(|w| build(&draft.get_untracked(), w, lang));
        let indicator = match built {
            Ok(indicator) => indicator,
            Err(list) => return errors.set(list),
        };
        let code = indicator.code.0.clone();
        let mut result = Ok(());
        state.change_meta(|w| result = w.add_indicator(indicator));
        match result {
            Ok(()) => {
                errors.set(Vec::new());
                on_added(code);
            }
            Err(e) => errors.set(vec![(field_of(&e), e.message(lang))]),
        }
    };
    let text = move |field: IndicatorField,
                     label: &'static str,
                     class: &'static str,
                     input_class: &'static str,
                     placeholder: &'static str,
                     get: fn(&IndicatorDraft) -> String,
                     set: fn(&mut IndicatorDraft, String)| {
        let error = field_error(errors, field);
        let error_id = format!("{}-fehler", field.id());
        view! {
            <div class=class>
                <label for=field.id()>{label}</label>
                <input id=field.id() type="text" class=input_class placeholder=placeholder
                    prop:value=move || draft.with(get) on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev)))
                    aria-invalid=move || error().map(|_| "true") aria-describedby=error_id.clone() />
                <span id=error_id class="feldfehler">{error}</span>
            </div>
        }
    };
    fn select<T: Copy + PartialEq + Send + Sync + 'static>(
        id: &'static str,
        label: &'static str,
        table: &'static [Choice<T>],
        draft: RwSignal<IndicatorDraft>,
        get: fn(&IndicatorDraft) -> T,
        set: fn(&mut IndicatorDraft, T),
        lang: crate::locale::Lang,
    ) -> impl IntoView {
        view! {
            <div class="feld">
                <label for=id>{label}</label>
                <select id=id prop:value=move || key_of(table, Some(draft.with(get)))
                    on:change=move |ev| {
                        if let Some(v) = from_key(table, &event_target_value(&ev)) {
                            draft.update(|d| set(d, v));
                        }
                    }>
                    {options(table, lang)}
                </select>
            </div>
        }
    }
    view! {
        <fieldset class="eigene-kennzahl">
            <legend>{lang.pick("Eigene Kennzahl", "Own indicator")}</legend>
            <div class="formular-zeile">
                {text(IndicatorField::Code, "Code", "feld", "kurz", lang.pick("z. B. INT-U25", "e.g. INT-U25"),
                    |d| d.code.clone(), |d, v| d.code = v)}
                {text(IndicatorField::Name, lang.pick("Bezeichnung", "Name"), "feld breit", "", "",
                    |d| d.name.clone(), |d, v| d.name = v)}
            </div>
            <div class="formular-zeile">
                {select("kz-einheit", lang.pick("Einheit", "Unit"), UNITS, draft, |d| d.unit, |d, v| d.unit = v, lang)}
                {select("kz-regel", lang.pick("Jahreswert aus Monaten", "Annual figure from the months"), RULES, draft,
                    |d| d.rule, |d, v| d.rule = v, lang)}
                {select("kz-richtung", lang.pick("Besser ist", "Better is"), DIRECTIONS, draft,
                    |d| d.direction, |d, v| d.direction = v, lang)}
            </div>
            <div class="knopfleiste links">
                <button type="button" on:click=add>{lang.pick("Kennzahl anlegen", "Create indicator")}</button>
            </div>
        </fieldset>
    }
}
