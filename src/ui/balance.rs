//! "Jahresbilanz": the year's result per target with the generated sentences and the comparison with the
//! previous year. During the year it is marked as provisional.

use leptos::prelude::*;

use crate::route::Screen;
use crate::ui::legend::StatusLegend;
use crate::ui::state::use_state;
use crate::ui::target_table::{Lines, TargetTable};
use crate::ui::widgets::{EmptyState, YearSelect};

#[component]
pub fn Balance() -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let balance = Memo::new(move |_| state.model_of_year(lang));
    view! {
        <h1>{Screen::Balance.label(lang)}</h1>
        <div class="werkzeugleiste">
            <YearSelect />
        </div>
        {move || match balance.get() {
            None => view! { <EmptyState screen=Screen::Balance /> }.into_any(),
            Some(m) => {
                let provisional = m.rows.iter().any(|r| !r.is_final && r.status != crate::domain::attainment::Status::Open);
                view! {
                    <h2>
                        {m.balance_heading.clone()}
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
                    <TargetTable
                        rows=m.rows.clone()
                        lang=lang
                        caption=lang.pick(
                            "Ergebnis je Ziel mit Vorjahresvergleich",
                            "Result per target compared with the previous year",
                        )
                        lines=Lines::WithoutSentence
                        compare=true
                        class="bilanz"
                    />
                    <StatusLegend />
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
