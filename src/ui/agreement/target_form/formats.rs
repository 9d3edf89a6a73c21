//! The fields of each target format, one component per format: total with women and men, a rate with target
//! value, a change on the previous year, a rate's relative change, monitoring, a qualitative goal.

use leptos::prelude::*;

use super::super::{field_error, options};
use super::fields::{UnitSelect, bound_select, draft_input};
use crate::domain::agreement::{ChangeLimit, ManualStatus};
use crate::locale::Lang;
use crate::present::target_form::{
    Draft, Field, Kind, LIMITS, STATUSES, from_key, key_of, parts_hint, relative_change_hint,
};
use crate::tr;

/// Errors by field, as the panel holds them.
type Errors = RwSignal<Vec<(Field, String)>>;

/// Minimum or maximum: total, women and men side by side, with the hint when the parts do not add up.
#[component]
pub(super) fn PartsFields(
    draft: RwSignal<Option<Draft>>,
    errors: Errors,
    lang: Lang,
) -> impl IntoView {
    let hint = Memo::new(move |_| draft.with(|d| d.as_ref().and_then(|d| parts_hint(d, lang))));
    view! {
        <div class="formular-zeile teile">
            {draft_input(draft, errors, Field::Total, lang.pick("Insgesamt", "Total"), |d| d.total.clone(), |d, v| d.total = v)}
            {draft_input(draft, errors, Field::Women, lang.pick("Frauen", "Women"), |d| d.women.clone(), |d, v| d.women = v)}
            {draft_input(draft, errors, Field::Men, lang.pick("Männer", "Men"), |d| d.men.clone(), |d, v| d.men = v)}
        </div>
        <p class="teile-hinweis" role="status" aria-live="polite">
            {move || hint.get().map(|h| tr!(lang, "⚠ Die Teilziele ergeben nicht das Gesamtziel: {h}", "⚠ The targets for women and men do not add up to the total target: {h}"))}
        </p>
    }
}

/// A rate with a target value: baseline (if known), change and its unit, target value.
#[component]
pub(super) fn QuotaIncreaseFields(
    draft: RwSignal<Option<Draft>>,
    errors: Errors,
    lang: Lang,
) -> impl IntoView {
    view! {
        <div class="formular-zeile">
            {draft_input(draft, errors, Field::Baseline, lang.pick("Ausgangswert in % (falls bekannt)", "Baseline in % (if known)"), |d| d.baseline.clone(), |d, v| d.baseline = v)}
            {draft_input(draft, errors, Field::Change, lang.pick("Veränderung um", "Change by"), |d| d.change.clone(), |d, v| d.change = v)}
            <UnitSelect draft=draft kind=Kind::QuotaIncrease lang=lang
                label=lang.pick("Einheit der Veränderung", "Unit of the change") />
            {draft_input(draft, errors, Field::Target, lang.pick("Zielwert in %", "Target value in %"), |d| d.target.clone(), |d, v| d.target = v)}
        </div>
    }
}

/// A change on the previous year: its direction, the change and its unit.
#[component]
pub(super) fn ChangeFields(
    draft: RwSignal<Option<Draft>>,
    errors: Errors,
    lang: Lang,
) -> impl IntoView {
    let (limit_value, limit_change) = bound_select(
        draft,
        |d| key_of(LIMITS, Some(d.limit.unwrap_or(ChangeLimit::RiseAtMost))).to_owned(),
        |d, v| d.limit = from_key(LIMITS, v),
    );
    view! {
        <div class="formular-zeile">
            <div class="feld">
                <label for="ziel-grenze">{lang.pick("Der Wert", "The value")}</label>
                <select id="ziel-grenze" prop:value=limit_value on:change=limit_change>
                    {options(LIMITS, lang)}
                </select>
            </div>
            {draft_input(draft, errors, Field::Change, lang.pick("Veränderung um", "Change by"), |d| d.change.clone(), |d, v| d.change = v)}
            <UnitSelect draft=draft kind=Kind::ChangeVsPreviousYear lang=lang label=lang.pick("Einheit", "Unit") />
        </div>
        <p class="hilfe">
            {lang.pick(
                "Gemessen am Ist-Wert des Vorjahres; der Zielwert ergibt sich daraus.",
                "Measured against the previous year's actual value; the target value follows from it.",
            )}
        </p>
    }
}

/// A rate's relative change: from, by, to, of which two are enough; the third is said below.
#[component]
pub(super) fn RelativeChangeFields(
    draft: RwSignal<Option<Draft>>,
    errors: Errors,
    lang: Lang,
) -> impl IntoView {
    let relative_hint =
        Memo::new(move |_| draft.with(|d| d.as_ref().and_then(|d| relative_change_hint(d, lang))));
    view! {
        <div class="formular-zeile">
            {draft_input(draft, errors, Field::Baseline, lang.pick("von (Ausgangswert in %)", "from (baseline in %)"), |d| d.baseline.clone(), |d, v| d.baseline = v)}
            {draft_input(draft, errors, Field::Change, lang.pick("Veränderung in %", "Change in %"), |d| d.change.clone(), |d, v| d.change = v)}
            {draft_input(draft, errors, Field::Target, lang.pick("auf (Zielwert in %)", "to (target value in %)"), |d| d.target.clone(), |d, v| d.target = v)}
        </div>
        <p class="hilfe">
            {lang.pick(
                "Zwei der drei Zahlen genügen; die dritte wird berechnet.",
                "Two of the three numbers are enough; the third is computed.",
            )}
        </p>
        <p class="teile-hinweis" role="status" aria-live="polite">{move || relative_hint.get().map(|(_, h)| h)}</p>
    }
}

/// Monitoring: no fields, only what is shown instead of a target value.
#[component]
pub(super) fn MonitoringHelp(lang: Lang) -> impl IntoView {
    view! {
        <p class="hilfe">
            {lang.pick(
                "Ohne Zielwert: Verlauf und Veränderung zum Vorjahr werden gezeigt.",
                "No target value: the course over the year and the change on the previous year are shown.",
            )}
        </p>
    }
}

/// A qualitative goal: its description and the assessment by hand.
#[component]
pub(super) fn QualitativeFields(
    draft: RwSignal<Option<Draft>>,
    errors: Errors,
    lang: Lang,
) -> impl IntoView {
    let (status_value, status_change) = bound_select(
        draft,
        |d| key_of(STATUSES, Some(d.status.unwrap_or(ManualStatus::Open))).to_owned(),
        |d, v| d.status = from_key(STATUSES, v),
    );
    let description_error = field_error(errors, Field::Description);
    view! {
        <div class="feld">
            <label for="ziel-beschreibung">{lang.pick("Beschreibung", "Description")}</label>
            <textarea id="ziel-beschreibung" rows="3" class="notizen"
                prop:value=move || draft.with(|d| d.as_ref().map(|d| d.description.clone()).unwrap_or_default())
                on:input=move |ev| draft.update(|d| if let Some(d) = d { d.description = event_target_value(&ev) })
                aria-invalid=move || description_error().map(|_| "true") aria-describedby="ziel-beschreibung-fehler"></textarea>
            <span id="ziel-beschreibung-fehler" class="feldfehler">{description_error}</span>
        </div>
        <div class="feld">
            <label for="ziel-bewertung">{lang.pick("Bewertung", "Assessment")}</label>
            <select id="ziel-bewertung" prop:value=status_value on:change=status_change>
                {options(STATUSES, lang)}
            </select>
        </div>
    }
}
