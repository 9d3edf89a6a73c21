//! "Jahresbilanz": the year's result per target with the generated sentences and the comparison with the
//! previous year. During the year it is marked as provisional; a year that has ended without figures says so.

use leptos::prelude::*;

use crate::route::Screen;
use crate::ui::clock::today_date;
use crate::ui::legend::StatusLegend;
use crate::ui::state::use_state;
use crate::ui::target_table::{Lines, TargetTable};
use crate::ui::widgets::{EmptyState, YearSelect};

#[component]
pub fn Balance() -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let balance = Memo::new(move |_| state.model_of_year(lang));
    // "Vorläufig" while a target's year runs or its months are incomplete; "Keine Daten" for a year that has
    // ended without figures (present::balance::notes decides).
    let notes = Memo::new(move |_| {
        let year = state.year.get();
        let (result, today) = (state.result(year)?, today_date()?);
        state.data.for_year(year, |w| {
            w.agreement_for(year)
                .map(|a| crate::present::balance::notes(a, &result, today, lang))
        })
    });
    view! {
        <h1>{Screen::Balance.label(lang)}</h1>
        <div class="werkzeugleiste">
            <YearSelect />
        </div>
        {move || match balance.get() {
            None => view! { <EmptyState screen=Screen::Balance /> }.into_any(),
            Some(m) => {
                view! {
                    <h2>
                        {m.balance_heading.clone()}
                    </h2>
                    <p class="parteien">{m.parties.clone()}</p>
                    {move || {
                        notes
                            .get()
                            .unwrap_or_default()
                            .into_iter()
                            .map(|note| view! { <p class="hinweis" role="note">{note}</p> })
                            .collect_view()
                    }}
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
