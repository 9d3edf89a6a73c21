//! "Jahresbilanz": the year's result per target with the generated sentences and the comparison with the
//! previous year. During the year it is marked as provisional.

use leptos::prelude::*;

use crate::locale::Lang;
use crate::present::overview::model;
use crate::route::Screen;
use crate::ui::state::use_state;
use crate::ui::widgets::{EmptyState, StatusBadge, YearSelect};

#[component]
pub fn Balance() -> impl IntoView {
    let state = use_state();
    let balance = Memo::new(move |_| {
        state
            .workspace
            .with(|w| model(w, state.year.get(), Lang::De))
    });
    view! {
        <h1>"Jahresbilanz"</h1>
        <div class="werkzeugleiste">
            <YearSelect />
        </div>
        {move || match balance.get() {
            None => view! { <EmptyState screen=Screen::Balance /> }.into_any(),
            Some(m) => {
                let provisional = m.rows.iter().any(|r| !r.is_final && r.status != crate::domain::attainment::Status::Open);
                view! {
                    <h2>{format!("Bilanz der {}", m.heading)}</h2>
                    <p class="parteien">{m.parties.clone()}</p>
                    {provisional
                        .then(|| {
                            view! {
                                <p class="hinweis" role="note">
                                    "Vorläufig: Für einige Ziele liegt noch kein vollständiges Jahr vor; dort stehen der Stand \
                                     bis zum letzten Monat mit Daten und die Prognose."
                                </p>
                            }
                        })}
                    <p class="zusammenfassung">
                        <span class="bilanz-zahlen">{m.summary.clone()}</span>
                        <span class="datenstand">{m.as_of.clone()}</span>
                    </p>
                    <div class="tabelle-rahmen">
                        <table class="ziele bilanz">
                            <caption class="sr-only">"Ergebnis je Ziel mit Vorjahresvergleich"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Ziel"</th>
                                    <th scope="col" class="zahl">"Ergebnis"</th>
                                    <th scope="col" class="zahl">"Ziel"</th>
                                    <th scope="col" class="zahl">"Abweichung"</th>
                                    <th scope="col">"Status"</th>
                                    <th scope="col" class="zahl">"Vorjahr"</th>
                                    <th scope="col" class="zahl">"Veränderung"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {m.rows
                                    .iter()
                                    .map(|row| {
                                        let status = row.status;
                                        view! {
                                            <tr data-ziel=row.target_id>
                                                <th scope="row" class="ziel-titel">{row.title.clone()}</th>
                                                <td class="zahl">{row.actual.clone()}</td>
                                                <td class="zahl">{row.target.clone()}</td>
                                                <td class="zahl">{row.deviation.clone()}</td>
                                                <td>
                                                    <StatusBadge status=status />
                                                </td>
                                                <td class="zahl">{row.previous_year.clone()}</td>
                                                <td class="zahl">{row.change.clone()}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <h2 id="bilanztext">"Bilanztext"</h2>
                    <div class="bilanztext" aria-labelledby="bilanztext">
                        {m.rows.iter().map(|row| view! { <p>{row.sentence.clone()}</p> }).collect_view()}
                    </div>
                }
                .into_any()
            }
        }}
    }
}
