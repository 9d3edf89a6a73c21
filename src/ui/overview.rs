//! The overview ("Übersicht"): the agreement of the selected year, each target with actual, target, deviation,
//! attainment, status (text and symbol) and forecast, and its generated sentence. All cells come formatted from
//! `present::overview`.

use leptos::prelude::*;

use crate::locale::Lang;
use crate::present::overview::{Model, model};
use crate::route::Screen;
use crate::ui::state::use_state;
use crate::ui::widgets::{EmptyState, StatusBadge, YearSelect};

#[component]
pub fn Overview() -> impl IntoView {
    let state = use_state();
    let overview: Memo<Option<Model>> = Memo::new(move |_| {
        state
            .workspace
            .with(|w| model(w, state.year.get(), Lang::De))
    });
    let is_example = Memo::new(move |_| state.workspace.with(|w| w.example));

    view! {
        <h1>"Übersicht"</h1>
        <Show when=move || is_example.get()>
            <p class="hinweis" role="note">
                <strong>"Beispiel: "</strong>
                "Dieser Arbeitsbereich zeigt die Zielvereinbarungen des Odenwaldkreises aus dessen Pressemitteilung von \
                 2022: die Ergebnisse 2021 und die Ziele 2022. Für 2022 nennt die Pressemitteilung noch keine Ist-Werte."
            </p>
        </Show>
        <div class="werkzeugleiste">
            <YearSelect />
        </div>
        {move || match overview.get() {
            None => view! { <EmptyState screen=Screen::Overview /> }.into_any(),
            Some(m) => view! { <AgreementOverview model=m /> }.into_any(),
        }}
    }
}

#[component]
fn AgreementOverview(model: Model) -> impl IntoView {
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
                    <caption class="sr-only">"Ziele mit Ist, Ziel, Abweichung, Zielerreichung, Status und Prognose"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Ziel"</th>
                            <th scope="col" class="zahl">"Ist"</th>
                            <th scope="col" class="zahl">"Ziel"</th>
                            <th scope="col" class="zahl">"Abweichung"</th>
                            <th scope="col" class="zahl">"Ist/Soll"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col" class="zahl">"Prognose"</th>
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
                "Während des Jahres beziehen sich Abweichung und Ist/Soll auf das anteilige Ziel bis zum letzten Monat mit \
                 Daten; die Prognose schätzt den Jahreswert."
            </p>
            {has_warnings
                .then(|| {
                    view! {
                        <section class="hinweise" aria-labelledby="hinweise-titel">
                            <h3 id="hinweise-titel">"Hinweise zur Konsistenz"</h3>
                            <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                        </section>
                    }
                })}
        </section>
    }
}
