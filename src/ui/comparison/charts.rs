//! The comparison's charts for the chosen figure: Ist/Soll per job centre, and per type the course of the year.
//! Built from the unsorted table, so that sorting the table does not draw them again.

use leptos::prelude::*;

use crate::core::calendar::Year;
use crate::domain::agreement::Subject;
use crate::present::comparison::{MemberYear, Table, courses, ranking, ranking_figure};
use crate::ui::figures::Figures;
use crate::ui::state::use_state;

#[component]
pub fn Charts(
    year: RwSignal<Option<Year>>,
    selected: Memo<Option<(Subject, String)>>,
    table: Memo<Option<Table>>,
    member_years: Memo<Vec<MemberYear>>,
) -> impl IntoView {
    let lang = use_state().lang.get_untracked();
    let figures = Memo::new(move |_| {
        let (subject, name) = selected.get()?;
        let year = year.get()?;
        table.with(|t| {
            let t = t.as_ref()?;
            let mut figures = vec![ranking_figure(&ranking(t, &name, year, lang))];
            figures.extend(member_years.with(|m| courses(t, m, &subject, &name, year, lang)));
            Some(figures)
        })
    });
    move || {
        figures.get().map(|figures| {
            view! {
                <section class="vergleich-diagramme" aria-labelledby="vergleich-diagramme-titel">
                    <h2 id="vergleich-diagramme-titel">{lang.pick("Diagramme", "Charts")}</h2>
                    <Figures figures=figures />
                </section>
            }
        })
    }
}
