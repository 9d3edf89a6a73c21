//! "Jahresbilanz": the year's result per target with the generated sentences and the comparison with the
//! previous year. During the year it is marked as provisional.

use leptos::prelude::*;

use crate::domain::calendar::Year;
use crate::locale::Lang;
use crate::present::overview::model;
use crate::route::Screen;
use crate::ui::screens::empty_state;
use crate::ui::state::use_state;

#[component]
pub fn Balance() -> impl IntoView {
    let state = use_state();
    let years = Memo::new(move |_| state.workspace.with(|w| w.agreement_years()));
    let balance = Memo::new(move |_| {
        state
            .workspace
            .with(|w| model(w, state.year.get(), Lang::De))
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
    view! {
        <h1>"Jahresbilanz"</h1>
        <div class="werkzeugleiste">
            <label for="jahr">"Jahr"</label>
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
        </div>
        {move || match balance.get() {
            None => {
                let (headline, explanation) = empty_state(Screen::Balance);
                view! {
                    <section class="leerzustand" aria-label="Hinweis">
                        <p class="leerzustand-titel">{headline}</p>
                        <p>{explanation}</p>
                    </section>
                }
                .into_any()
            }
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
                                                    <span class=format!("status status-{}", status.slug())>
                                                        <span class="status-symbol" aria-hidden="true">{status.icon()}</span>
                                                        {status.label_de()}
                                                    </span>
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
