//! "Jahresbilanz": the year's result per target with the generated sentences and the comparison with the
//! previous year. During the year it is marked as provisional.

use leptos::prelude::*;

use crate::locale::Lang;
use crate::present::overview::model;
use crate::route::Screen;
use crate::ui::app::nav_label;
use crate::ui::state::use_state;
use crate::ui::widgets::{EmptyState, StatusBadge, YearSelect};

#[component]
pub fn Balance() -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let balance = Memo::new(move |_| state.workspace.with(|w| model(w, state.year.get(), lang)));
    view! {
        <h1>{nav_label(Screen::Balance, lang)}</h1>
        <div class="werkzeugleiste">
            <YearSelect />
        </div>
        {move || match balance.get() {
            None => view! { <EmptyState screen=Screen::Balance /> }.into_any(),
            Some(m) => {
                let provisional = m.rows.iter().any(|r| !r.is_final && r.status != crate::domain::attainment::Status::Open);
                view! {
                    <h2>
                        {match lang {
                            Lang::De => format!("Bilanz der {}", m.heading),
                            Lang::En => format!("Balance of the {}", m.heading),
                        }}
                    </h2>
                    <p class="parteien">{m.parties.clone()}</p>
                    {provisional
                        .then(|| {
                            view! {
                                <p class="hinweis" role="note">
                                    {lang.pick(
                                        "Vorläufig: Für einige Ziele liegt noch kein vollständiges Jahr vor; dort stehen der \
                                         Stand bis zum letzten Monat mit Daten und die Prognose.",
                                        "Provisional: for some targets the year is not complete yet; they show the state up \
                                         to the last month with data and the forecast.",
                                    )}
                                </p>
                            }
                        })}
                    <p class="zusammenfassung">
                        <span class="bilanz-zahlen">{m.summary.clone()}</span>
                        <span class="datenstand">{m.as_of.clone()}</span>
                    </p>
                    <div class="tabelle-rahmen">
                        <table class="ziele bilanz">
                            <caption class="sr-only">
                                {lang.pick(
                                    "Ergebnis je Ziel mit Vorjahresvergleich",
                                    "Result per target compared with the previous year",
                                )}
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">{lang.pick("Ziel", "Target")}</th>
                                    <th scope="col" class="zahl">{lang.pick("Ergebnis", "Result")}</th>
                                    <th scope="col" class="zahl">{lang.pick("Ziel", "Target")}</th>
                                    <th scope="col" class="zahl">{lang.pick("Abweichung", "Deviation")}</th>
                                    <th scope="col">"Status"</th>
                                    <th scope="col" class="zahl">{lang.pick("Vorjahr", "Previous year")}</th>
                                    <th scope="col" class="zahl">{lang.pick("Veränderung", "Change")}</th>
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
                    <h2 id="bilanztext">{lang.pick("Bilanztext", "Balance text")}</h2>
                    <div class="bilanztext" aria-labelledby="bilanztext">
                        {m.rows.iter().map(|row| view! { <p>{row.sentence.clone()}</p> }).collect_view()}
                    </div>
                }
                .into_any()
            }
        }}
    }
}
