//! "Bericht": the printable report of the selected agreement for the target dialogue with the ministry. On
//! screen it is a preview with the year and "Bericht drucken"; the print stylesheet drops all app chrome and
//! lays it out on A4.

use leptos::prelude::*;

use crate::locale::Lang;
use crate::present::report::Report;
use crate::route::Screen;
use crate::tr;
use crate::ui::clock::today;
use crate::ui::figures::Figures;
use crate::ui::legend::StatusLegend;
use crate::ui::state::use_state;
use crate::ui::target_table::{Lines, Remarks, TargetTable};
use crate::ui::widgets::{EmptyState, StatusBadge, YearSelect};

#[component]
pub fn ReportScreen() -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let model = Memo::new(move |_| state.report_of_year(lang));
    let print = move |_| {
        // Printing can only fail in a browser without a print dialog; there is nothing to do then.
        let _ = window().print();
    };
    view! {
        <div class="werkzeugleiste nur-bildschirm">
            <YearSelect />
            <button type="button" class="haupt" on:click=print>
                {lang.pick("Bericht drucken", "Print report")}
            </button>
        </div>
        {move || match model.get() {
            None => view! {
                <h1>{lang.pick("Bericht", "Report")}</h1>
                <EmptyState screen=Screen::Report />
            }
            .into_any(),
            Some(r) => view! { <ReportBody report=r lang=lang /> }.into_any(),
        }}
    }
}

#[component]
fn ReportBody(report: Report, lang: Lang) -> impl IntoView {
    let Report {
        title,
        organisation,
        overview,
        sections,
    } = report;
    let printed = tr!(lang, "Erstellt am {}", "Created on {}", today(lang));
    view! {
        <article class="bericht">
            <header class="bericht-kopf">
                <h1>{title}</h1>
                <p class="bericht-organisation">{organisation}</p>
                <p>{overview.parties.clone()}</p>
                {(!overview.signed.is_empty()).then(|| view! { <p>{overview.signed.clone()}</p> })}
                <p>
                    <span class="datenstand">{overview.as_of.clone()}</span>
                    " · "
                    <span>{printed}</span>
                </p>
            </header>
            <section class="bericht-zusammenfassung" aria-labelledby="bericht-zusammenfassung">
                <h2 id="bericht-zusammenfassung">{lang.pick("Zusammenfassung", "Summary")}</h2>
                <p class="bilanz-zahlen">{overview.summary.clone()}</p>
                <TargetTable
                    rows=overview.rows.clone()
                    lang=lang
                    caption=lang.pick(
                        "Ziele mit Ist, Zielwert, Abweichung, Zielerreichung, Status und Prognose",
                        "Targets with actual, target value, deviation, attainment, status and forecast",
                    )
                    lines=Lines::Marked
                    class="kompakt"
                />
                <StatusLegend />
            </section>
            {sections
                .into_iter()
                .map(|s| {
                    let heading_id = format!("bericht-ziel-{}", s.row.target_id);
                    let labelled_by = heading_id.clone();
                    view! {
                        <section class="bericht-ziel" aria-labelledby=labelled_by>
                            <h2 id=heading_id>{s.row.title.clone()}</h2>
                            <p class="ziel-art">{s.row.kind.clone()}</p>
                            <p class="bericht-status">
                                <StatusBadge status=s.row.status />
                            </p>
                            <p class="satz">{s.row.sentence.clone()}</p>
                            {(!s.row.wording.is_empty())
                                .then(|| view! { <p class="lesarten">{s.row.wording.clone()}</p> })}
                            <Remarks remarks=s.row.remarks.clone() lang=lang />
                            <Figures figures=s.figures />
                        </section>
                    }
                })
                .collect_view()}
        </article>
    }
}
