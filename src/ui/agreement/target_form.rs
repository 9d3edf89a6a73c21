//! The form of one target, or of a total with its parts for women and men.

use leptos::prelude::*;

use super::own_indicator::OwnIndicatorForm;
use super::targets::removed_names;
use super::{Undo, field_error, options};
use crate::domain::agreement::{AgreementId, ChangeLimit, ManualStatus};
use crate::domain::values::Population;
use crate::present::target_form::{
    CATEGORIES, Draft, Field, Kind, LIMITS, POPULATIONS, STATUSES, UNITS, build, from_key, key_of,
    parts_hint, relative_change_hint, shown_unit, units_for,
};
use crate::tr;
use crate::ui::state::use_state;

/// A text input bound to one field of the draft, with its error message next to it.
fn draft_input(
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

/// The form of one target (or of a total with its gender parts).
#[component]
pub(super) fn TargetFormPanel(
    id: AgreementId,
    draft: RwSignal<Option<Draft>>,
    message: RwSignal<String>,
    undo: RwSignal<Option<(String, Undo)>>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let errors: RwSignal<Vec<(Field, String)>> = RwSignal::new(Vec::new());
    let new_indicator = RwSignal::new(false);
    let kind = Memo::new(move |_| draft.with(|d| d.as_ref().map(|d| d.kind).unwrap_or_default()));
    let editing = Memo::new(move |_| {
        draft.with(|d| {
            d.as_ref()
                .is_some_and(|d| d.ids.iter().any(Option::is_some))
        })
    });
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
    let hint = Memo::new(move |_| draft.with(|d| d.as_ref().and_then(|d| parts_hint(d, lang))));
    let relative_hint =
        Memo::new(move |_| draft.with(|d| d.as_ref().and_then(|d| relative_change_hint(d, lang))));

    let save = move |_| {
        let Some(d) = draft.get_untracked() else {
            return;
        };
        let built = state
            .data
            .untracked(|w| build(&d, &w.catalogue(), w.next_target_id(), lang));
        match built {
            Err(list) => {
                errors.set(list);
                message.set(
                    lang.pick(
                        "Bitte die markierten Felder korrigieren.",
                        "Please correct the marked fields.",
                    )
                    .into(),
                );
            }
            Ok(b) => {
                let count = b.put.len();
                let mut failed = None;
                let mut removed = Vec::new();
                state.change_meta(|w| {
                    for t in &b.remove {
                        removed.extend(w.remove_target(id, *t));
                    }
                    for t in b.put {
                        if let Err(e) = w.put_target(id, t) {
                            failed = Some(e);
                        }
                    }
                });
                match failed {
                    Some(e) => message.set(e.message(lang)),
                    None => {
                        message.set(match count {
                            1 => tr!(lang, "Ziel gespeichert.", "Target saved."),
                            _ => tr!(lang, "{count} Ziele gespeichert.", "{count} targets saved."),
                        });
                        // Emptied part fields remove those targets: said, and undoable.
                        if !removed.is_empty() {
                            let names = state.data.untracked(|w| removed_names(w, &removed, lang));
                            let text = match removed.len() {
                                1 => tr!(
                                    lang,
                                    "Ziel {names} entfernt (Feld geleert).",
                                    "Target {names} removed (field emptied)."
                                ),
                                _ => tr!(
                                    lang,
                                    "Ziele {names} entfernt (Felder geleert).",
                                    "Targets {names} removed (fields emptied)."
                                ),
                            };
                            undo.set(Some((text, Undo::Targets(removed))));
                        }
                        errors.set(Vec::new());
                        draft.set(None);
                    }
                }
            }
        }
    };
    let select = move |get: fn(&Draft) -> String, set: fn(&mut Draft, &str)| {
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
    };
    let (kind_value, kind_change) = select(
        |d| d.kind.slug().to_owned(),
        |d, v| d.kind = Kind::from_slug(v).unwrap_or_default(),
    );
    let (ind_value, ind_change) =
        select(|d| d.indicator.clone(), |d, v| d.indicator = v.to_owned());
    let (pop_value, pop_change) = select(
        |d| key_of(POPULATIONS, Some(d.population.unwrap_or(Population::Total))).to_owned(),
        |d, v| d.population = from_key(POPULATIONS, v),
    );
    let (cat_value, cat_change) = select(
        |d| key_of(CATEGORIES, d.category).to_owned(),
        |d, v| d.category = from_key(CATEGORIES, v),
    );
    // The units the chosen indicator admits (a count: "%" only), one of them always selected.
    let units = Memo::new(move |_| {
        let code = draft.with(|d| d.as_ref().map(|d| d.indicator.clone()).unwrap_or_default());
        let kind = kind.get();
        state.data.meta(|w| {
            let catalogue = w.catalogue();
            let indicator = catalogue.get(code.trim());
            (units_for(kind, indicator), indicator.cloned())
        })
    });
    let unit_value = move || {
        let chosen = draft.with(|d| d.as_ref().and_then(|d| d.unit));
        units.with(|(_, indicator)| {
            key_of(
                UNITS,
                Some(shown_unit(kind.get(), chosen, indicator.as_ref())),
            )
            .to_owned()
        })
    };
    let unit_change = move |ev: leptos::ev::Event| {
        draft.update(|d| {
            if let Some(d) = d {
                d.unit = from_key(UNITS, &event_target_value(&ev));
            }
        })
    };
    let unit_options = move || units.with(|(table, _)| options(table, lang));
    let (limit_value, limit_change) = select(
        |d| key_of(LIMITS, Some(d.limit.unwrap_or(ChangeLimit::RiseAtMost))).to_owned(),
        |d, v| d.limit = from_key(LIMITS, v),
    );
    let (status_value, status_change) = select(
        |d| key_of(STATUSES, Some(d.status.unwrap_or(ManualStatus::Open))).to_owned(),
        |d, v| d.status = from_key(STATUSES, v),
    );
    let indicator_error = field_error(errors, Field::Indicator);
    let description_error = field_error(errors, Field::Description);

    view! {
        <section class="zielformular" aria-labelledby="zielformular-titel">
            <h3 id="zielformular-titel">
                {move || if editing.get() { lang.pick("Ziel bearbeiten", "Edit target") } else { lang.pick("Neues Ziel", "New target") }}
            </h3>
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
            {move || match kind.get() {
                Kind::Minimum | Kind::Maximum => view! {
                    <div class="formular-zeile teile">
                        {draft_input(draft, errors, Field::Total, lang.pick("Insgesamt", "Total"), |d| d.total.clone(), |d, v| d.total = v)}
                        {draft_input(draft, errors, Field::Women, lang.pick("Frauen", "Women"), |d| d.women.clone(), |d, v| d.women = v)}
                        {draft_input(draft, errors, Field::Men, lang.pick("Männer", "Men"), |d| d.men.clone(), |d, v| d.men = v)}
                    </div>
                    <p class="teile-hinweis" role="status" aria-live="polite">
                        {move || hint.get().map(|h| tr!(lang, "⚠ Die Teilziele ergeben nicht das Gesamtziel: {h}", "⚠ The targets for women and men do not add up to the total target: {h}"))}
                    </p>
                }
                .into_any(),
                Kind::QuotaIncrease => view! {
                    <div class="formular-zeile">
                        {draft_input(draft, errors, Field::Baseline, lang.pick("Ausgangswert in % (falls bekannt)", "Baseline in % (if known)"), |d| d.baseline.clone(), |d, v| d.baseline = v)}
                        {draft_input(draft, errors, Field::Change, lang.pick("Veränderung um", "Change by"), |d| d.change.clone(), |d, v| d.change = v)}
                        <div class="feld">
                            <label for="ziel-einheit">{lang.pick("Einheit der Veränderung", "Unit of the change")}</label>
                            <select id="ziel-einheit" prop:value=unit_value on:change=unit_change>
                                {unit_options}
                            </select>
                        </div>
                        {draft_input(draft, errors, Field::Target, lang.pick("Zielwert in %", "Target value in %"), |d| d.target.clone(), |d, v| d.target = v)}
                    </div>
                }
                .into_any(),
                Kind::ChangeVsPreviousYear => view! {
                    <div class="formular-zeile">
                        <div class="feld">
                            <label for="ziel-grenze">{lang.pick("Der Wert", "The value")}</label>
                            <select id="ziel-grenze" prop:value=limit_value on:change=limit_change>
                                {options(LIMITS, lang)}
                            </select>
                        </div>
                        {draft_input(draft, errors, Field::Change, lang.pick("Veränderung um", "Change by"), |d| d.change.clone(), |d, v| d.change = v)}
                        <div class="feld">
                            <label for="ziel-einheit">{lang.pick("Einheit", "Unit")}</label>
                            <select id="ziel-einheit" prop:value=unit_value on:change=unit_change>
                                {unit_options}
                            </select>
                        </div>
                    </div>
                    <p class="hilfe">
                        {lang.pick(
                            "Gemessen am Ist-Wert des Vorjahres; der Zielwert ergibt sich daraus.",
                            "Measured against the previous year's actual value; the target value follows from it.",
                        )}
                    </p>
                }
                .into_any(),
                Kind::QuotaRelativeChange => view! {
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
                .into_any(),
                Kind::Monitoring => view! {
                    <p class="hilfe">
                        {lang.pick(
                            "Ohne Zielwert: Verlauf und Veränderung zum Vorjahr werden gezeigt.",
                            "No target value: the course over the year and the change on the previous year are shown.",
                        )}
                    </p>
                }
                .into_any(),
                Kind::Qualitative => view! {
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
                .into_any(),
            }}
            <div class="formular-zeile">
                <div class="feld breit">
                    <label for="ziel-titel-feld">{lang.pick("Titel (optional)", "Title (optional)")}</label>
                    <input id="ziel-titel-feld" type="text"
                        prop:value=move || draft.with(|d| d.as_ref().map(|d| d.title.clone()).unwrap_or_default())
                        on:input=move |ev| draft.update(|d| if let Some(d) = d { d.title = event_target_value(&ev) }) />
                </div>
            </div>
            <div class="knopfleiste links">
                <button type="button" class="haupt" on:click=save>{lang.pick("Ziel speichern", "Save target")}</button>
                <button type="button" on:click=move |_| { errors.set(Vec::new()); draft.set(None); }>
                    {lang.pick("Abbrechen", "Cancel")}
                </button>
            </div>
        </section>
    }
}
