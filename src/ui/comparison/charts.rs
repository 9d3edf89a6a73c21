//! The comparison's charts for the chosen figure: Ist/Soll per job centre, and per type the course of the year.
//! Built from the unsorted table, so that sorting the table does not draw them again, and only while they are
//! open: with a Land's hundred job centres they are long, and choosing a figure stays quick.

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
    let open = RwSignal::new(false);
    let figures = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        let (subject, name) = selected.get()?;
        let year = year.get()?;
        table.with(|t| {
            let t = t.as_ref()?;
            let mut figures = vec![ranking_figure(&ranking(t, &name, year, lang))];
            figures.extend(member_years.with(|m| courses(t, m, &subject, &name, year, lang)));
            Some(figures)
        })
    });
    let toggle = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        if let Some(details) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        {
            open.set(details.open());
        }
    };
    move || {
        selected.with(Option::is_some).then(|| {
            view! {
                <details class="vergleich-diagramme" on:toggle=toggle>
                    <summary><h2 class="als-zeile">{lang.pick("Diagramme", "Charts")}</h2></summary>
                    {move || figures.get().map(|figures| view! { <Figures figures=figures /> })}
                </details>
            }
        })
    }
}
