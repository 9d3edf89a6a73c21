//! The overview ("Übersicht"): the agreement of the selected year, each target with actual, target, deviation,
//! attainment, status (text and symbol) and forecast, and its generated sentence. All cells come formatted from
//! `present::overview`.

use leptos::prelude::*;

use crate::domain::calendar::Year;
use crate::locale::Lang;
use crate::present::overview::{Model, model};
use crate::route::Screen;
use crate::ui::app::nav_label;
use crate::ui::state::use_state;
use crate::ui::widgets::{EmptyState, StatusBadge, YearSelect};

#[component]
pub fn Overview() -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let overview: Memo<Option<Model>> =
        Memo::new(move |_| state.workspace.with(|w| model(w, state.year.get(), lang)));
    let is_example = Memo::new(move |_| state.workspace.with(|w| w.example));
    provide_context(ReplacedExample(RwSignal::new(None)));

    view! {
        <h1>{nav_label(Screen::Overview, lang)}</h1>
        <Show when=move || is_example.get()>
            <div class="hinweis" role="note">
                <p>
                    <strong>{lang.pick("Beispiel: ", "Example: ")}</strong>
                    {lang.pick(
                        "Dieser Arbeitsbereich zeigt die Zielvereinbarungen des Odenwaldkreises aus dessen Pressemitteilung \
                         von 2022: die Ergebnisse 2021 und die Ziele 2022. Für 2022 nennt die Pressemitteilung noch keine \
                         Ist-Werte.",
                        "This workspace shows the target agreements of the Odenwaldkreis from its press release of 2022: \
                         the results of 2021 and the targets for 2022. For 2022 the press release gives no actual \
                         figures yet.",
                    )}
                </p>
                <NewWorkspace />
            </div>
        </Show>
        <WorkspaceUndo />
        <div class="werkzeugleiste">
            <YearSelect />
        </div>
        {move || match overview.get() {
            None => view! {
                <EmptyState screen=Screen::Overview />
                <p>
                    <a href=Screen::Agreement.href()>
                        {lang.pick("Zielvereinbarung anlegen", "Create a target agreement")}
                    </a>
                </p>
            }
            .into_any(),
            Some(m) => view! { <AgreementOverview model=m lang=lang /> }.into_any(),
        }}
    }
}

#[component]
fn AgreementOverview(model: Model, lang: Lang) -> impl IntoView {
    let Model {
        heading,
        parties,
        signed,
        summary,
        as_of,
        rows,
        warnings,
    } = model;
    let has_warnings = !warnings.is_empty();
    view! {
        <section class="vereinbarung" aria-labelledby="vereinbarung-titel">
            <h2 id="vereinbarung-titel">{heading}</h2>
            <p class="parteien">{parties}</p>
            {(!signed.is_empty()).then(|| view! { <p class="unterzeichnet">{signed}</p> })}
            <p class="zusammenfassung">
                <span class="bilanz-zahlen">{summary}</span>
                <span class="datenstand">{as_of}</span>
            </p>
            <div class="tabelle-rahmen">
                <table class="ziele">
                    <caption class="sr-only">
                        {lang.pick(
                            "Ziele mit Ist, Ziel, Abweichung, Zielerreichung, Status und Prognose",
                            "Targets with actual, target, deviation, attainment, status and forecast",
                        )}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{lang.pick("Ziel", "Target")}</th>
                            <th scope="col" class="zahl">{lang.pick("Ist", "Actual")}</th>
                            <th scope="col" class="zahl">{lang.pick("Ziel", "Target")}</th>
                            <th scope="col" class="zahl">{lang.pick("Abweichung", "Deviation")}</th>
                            <th scope="col" class="zahl">{lang.pick("Ist/Soll", "Actual/target")}</th>
                            <th scope="col">"Status"</th>
                            <th scope="col" class="zahl">{lang.pick("Prognose", "Forecast")}</th>
                        </tr>
                    </thead>
                    {rows
                        .into_iter()
                        .map(|row| {
                            let status = row.status;
                            view! {
                                <tbody class="ziel" data-ziel=row.target_id>
                                    <tr>
                                        <th scope="row" class="ziel-titel">
                                            <a href=crate::route::Route::target_href(row.target_id)>{row.title}</a>
                                            <span class="ziel-art">{row.kind}</span>
                                        </th>
                                        <td class="zahl">{row.actual}</td>
                                        <td class="zahl">{row.target}</td>
                                        <td class="zahl">{row.deviation}</td>
                                        <td class="zahl">{row.ratio}</td>
                                        <td>
                                            <StatusBadge status=status />
                                        </td>
                                        <td class="zahl">
                                            {row.forecast}
                                            {(!row.forecast_method.is_empty())
                                                .then(|| view! { <span class="methode">{row.forecast_method}</span> })}
                                        </td>
                                    </tr>
                                    <tr class="satz-zeile">
                                        <td colspan="7">
                                            <p class="satz">{row.sentence}</p>
                                            {(!row.interpretations.is_empty())
                                                .then(|| view! { <p class="lesarten">{row.interpretations}</p> })}
                                        </td>
                                    </tr>
                                </tbody>
                            }
                        })
                        .collect_view()}
                </table>
            </div>
            <p class="fussnote">
                {lang.pick(
                    "Während des Jahres beziehen sich Abweichung und Ist/Soll auf das anteilige Ziel bis zum letzten Monat \
                     mit Daten; die Prognose schätzt den Jahreswert.",
                    "During the year, deviation and actual/target refer to the pro-rata target up to the last month \
                     with data; the forecast estimates the annual figure.",
                )}
            </p>
            {has_warnings
                .then(|| {
                    view! {
                        <section class="hinweise" aria-labelledby="hinweise-titel">
                            <h3 id="hinweise-titel">{lang.pick("Hinweise zur Konsistenz", "Consistency notes")}</h3>
                            <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                        </section>
                    }
                })}
        </section>
    }
}

/// The example replaced by a new workspace, kept for undo while the tab lives.
#[derive(Clone, Copy)]
struct ReplacedExample(RwSignal<Option<crate::domain::workspace::Workspace>>);

/// "Neuen Arbeitsbereich anlegen": an empty workspace for the user's organisation instead of the example.
#[component]
fn NewWorkspace() -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let open = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let replaced = use_context::<ReplacedExample>();
    let create = move |_| {
        let organisation = name.get_untracked();
        if organisation.trim().is_empty() {
            error.set(
                lang.pick(
                    "Bitte den Namen Ihrer Organisation eingeben.",
                    "Please enter the name of your organisation.",
                )
                .into(),
            );
            return;
        }
        let previous = state.workspace.get_untracked();
        state
            .workspace
            .set(crate::domain::workspace::Workspace::empty(&organisation));
        if let Some(r) = replaced {
            r.0.set(Some(previous));
        }
        if let Some(year) = Year::new(i64::from(js_sys::Date::new_0().get_full_year())) {
            state.year.set(year);
        }
    };
    view! {
        <Show
            when=move || open.get()
            fallback=move || view! {
                <button type="button" on:click=move |_| open.set(true)>
                    {lang.pick("Neuen Arbeitsbereich anlegen", "Create a new workspace")}
                </button>
            }
        >
            <div class="formular-zeile">
                <div class="feld breit">
                    <label for="neu-organisation">{lang.pick("Name Ihrer Organisation", "Name of your organisation")}</label>
                    <input id="neu-organisation" type="text"
                        placeholder=lang.pick("z. B. Jobcenter Musterkreis", "e.g. Jobcenter Musterkreis")
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                        aria-describedby="neu-organisation-fehler" />
                    <span id="neu-organisation-fehler" class="feldfehler">{move || error.get()}</span>
                </div>
            </div>
            <p class="hilfe">
                {lang.pick(
                    "Das Beispiel wird dabei verworfen; Sie können das direkt danach rückgängig machen.",
                    "This discards the example; you can undo that right afterwards.",
                )}
            </p>
            <div class="knopfleiste links">
                <button type="button" class="haupt" on:click=create>
                    {lang.pick("Leeren Arbeitsbereich anlegen", "Create an empty workspace")}
                </button>
                <button type="button" on:click=move |_| open.set(false)>{lang.pick("Abbrechen", "Cancel")}</button>
            </div>
        </Show>
    }
}

/// Offers to bring the example back right after it was replaced.
#[component]
fn WorkspaceUndo() -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let Some(replaced) = use_context::<ReplacedExample>() else {
        return ().into_any();
    };
    let undo = move |_| {
        if let Some(previous) = replaced.0.get_untracked() {
            state.workspace.set(previous);
            replaced.0.set(None);
        }
    };
    (move || {
        replaced.0.with(|r| r.is_some()).then(|| {
            let organisation = state.workspace.with(|w| w.organisation.clone());
            view! {
                <div class="meldung meldung-info rueckgaengig" role="status">
                    <p>
                        {match lang {
                            Lang::De => format!(
                                "Neuer Arbeitsbereich „{organisation}“ angelegt; das Beispiel wurde verworfen."
                            ),
                            Lang::En => format!("New workspace “{organisation}” created; the example was discarded."),
                        }}
                    </p>
                    <div class="knopfleiste">
                        <button type="button" on:click=undo>{lang.pick("Rückgängig", "Undo")}</button>
                    </div>
                </div>
            }
        })
    })
    .into_any()
}
