//! The overview ("Übersicht"): the agreement of the selected year, each target with actual, target, deviation,
//! attainment, status (text and symbol) and forecast, its sentence and its remarks; the status legend with the
//! workspace's tolerance; and, in the example, the way to a workspace of one's own. All cells come formatted from
//! `present::overview`.

use leptos::prelude::*;

use crate::domain::example::own_entries;
use crate::domain::workspace::Workspace;
use crate::locale::Lang;
use crate::present::example::{discard_warning, example_banner};
use crate::present::overview::Model;
use crate::route::Screen;
use crate::tr;
use crate::ui::clock::this_year;
use crate::ui::legend::StatusLegend;
use crate::ui::state::use_state;
use crate::ui::target_table::{Lines, TargetTable};
use crate::ui::widgets::{EmptyState, YearSelect};

#[component]
pub fn Overview() -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let overview: Memo<Option<Model>> = Memo::new(move |_| state.model_of_year(lang));
    let banner = Memo::new(move |_| {
        state
            .data
            .all(|w| w.example.then(|| example_banner(&own_entries(w), lang)))
    });
    provide_context(ReplacedExample(RwSignal::new(None)));

    view! {
        <h1>{Screen::Overview.label(lang)}</h1>
        <Show when=move || banner.with(Option::is_some)>
            <div class="hinweis" role="note">
                <p>
                    <strong>{lang.pick("Beispiel: ", "Example: ")}</strong>
                    {move || banner.get().unwrap_or_default()}
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
        <StatusLegend editable=true />
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
        ..
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
            <TargetTable
                rows=rows
                lang=lang
                caption=lang.pick(
                    "Ziele mit Ist, Zielwert, Abweichung, Zielerreichung, Status und Prognose",
                    "Targets with actual, target value, deviation, attainment, status and forecast",
                )
                lines=Lines::All
                links=true
            />
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

/// The workspace a new one replaced, and the new one as it was created: undo is offered only while the
/// workspace is still exactly that new one (anything added since, here or taken over from another tab, would be
/// lost by going back). Kept while the tab lives.
#[derive(Clone, Copy)]
struct ReplacedExample(RwSignal<Option<(Workspace, Workspace)>>);

/// "Neuen Arbeitsbereich anlegen": an empty workspace for the user's organisation instead of the example, with
/// what that discards said plainly (the user's own entries with their count) and the backup one click away.
#[component]
fn NewWorkspace() -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let open = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let saved = RwSignal::new(String::new());
    let replaced = use_context::<ReplacedExample>();
    let warning = Memo::new(move |_| state.data.all(|w| discard_warning(&own_entries(w), lang)));
    let has_own = Memo::new(move |_| state.data.all(|w| !own_entries(w).is_empty()));
    let backup = move |_| {
        saved.set(if crate::ui::safety::download_and_note(state) {
            lang.pick("Sicherung heruntergeladen.", "Backup downloaded.")
                .into()
        } else {
            lang.pick(
                "Der Browser hat den Download abgelehnt.",
                "The browser refused the download.",
            )
            .into()
        });
    };
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
        let previous = state.data.snapshot();
        let fresh = Workspace::empty(&organisation);
        state.replace_with_new(fresh.clone());
        if let Some(r) = replaced {
            r.0.set(Some((previous, fresh)));
        }
        state
            .year
            .set(state.data.untracked(|w| w.start_year(this_year())));
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
                        aria-describedby="neu-organisation-fehler neu-verwerfen" />
                    <span id="neu-organisation-fehler" class="feldfehler">{move || error.get()}</span>
                </div>
            </div>
            <p id="neu-verwerfen" class="hilfe" class:warnung=move || has_own.get()>{move || warning.get()}</p>
            <div class="knopfleiste links">
                <Show when=move || has_own.get()>
                    <button type="button" on:click=backup>
                        {lang.pick("Sicherung herunterladen", "Download backup")}
                    </button>
                </Show>
                <button type="button" class="haupt" on:click=create>
                    {lang.pick("Leeren Arbeitsbereich anlegen", "Create an empty workspace")}
                </button>
                <button type="button" on:click=move |_| open.set(false)>{lang.pick("Abbrechen", "Cancel")}</button>
            </div>
            <p class="grid-meldung" role="status" aria-live="polite">{move || saved.get()}</p>
        </Show>
    }
}

/// Offers to bring the example back right after it was replaced, and only while nothing changed since.
#[component]
fn WorkspaceUndo() -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let Some(replaced) = use_context::<ReplacedExample>() else {
        return ().into_any();
    };
    let still_fresh = Memo::new(move |_| {
        replaced.0.with(|r| {
            r.as_ref()
                .is_some_and(|(_, fresh)| state.data.all(|w| w == fresh))
        })
    });
    // Once anything changed, the offer is gone for good (and the comparison stops).
    Effect::new(move |_| {
        if !still_fresh.get() && replaced.0.with_untracked(Option::is_some) {
            replaced.0.set(None);
        }
    });
    let undo = move |_| {
        if let Some((previous, fresh)) = replaced.0.get_untracked()
            && state.data.untracked(|w| *w == fresh)
        {
            state.replace(previous);
        }
        replaced.0.set(None);
    };
    (move || {
        still_fresh.get().then(|| {
            let organisation = state.data.meta(|m| m.organisation().to_owned());
            view! {
                <div class="meldung meldung-info rueckgaengig" role="status">
                    <p>
                        {tr!(
                            lang,
                            "Neuer Arbeitsbereich „{organisation}“ angelegt; das Beispiel wurde verworfen.",
                            "New workspace “{organisation}” created; the example was discarded."
                        )}
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
