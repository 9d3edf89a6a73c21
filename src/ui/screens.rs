//! What the screens of SPEC S5 say while they have nothing to show (empty states), and the page for an
//! unknown address.

use leptos::prelude::*;

use crate::locale::Lang;
use crate::route::Screen;

/// What the screen is for, shown while it has nothing to show yet: headline and explanation.
pub(crate) fn empty_state(screen: Screen, lang: Lang) -> (&'static str, &'static str) {
    match (screen, lang) {
        (Screen::Overview, Lang::De) => (
            "Für das gewählte Jahr ist noch keine Zielvereinbarung erfasst.",
            "Hier erscheinen die Ziele der Zielvereinbarung des gewählten Jahres: je Ziel der Ist-Wert, \
             der Zielwert, die Abweichung, die Zielerreichung in Prozent, der Status und die Prognose zum Jahresende.",
        ),
        (Screen::Overview, Lang::En) => (
            "No target agreement has been entered for the selected year yet.",
            "Here the targets of the selected year's agreement appear: for each target the actual figure, the \
             target value, the deviation, the attainment in per cent, the status and the forecast for the year end.",
        ),
        (Screen::Agreement, Lang::De) => (
            "Noch keine Zielvereinbarung angelegt.",
            "Hier legen Sie die Zielvereinbarung eines Jahres an, kopieren sie aus dem Vorjahr und bearbeiten \
             ihre Ziele: Mindestwerte, Obergrenzen, Quoten, Veränderungen zum Vorjahr, Monitoring und qualitative Ziele, \
             jeweils mit den Teilzielen für Frauen und Männer.",
        ),
        (Screen::Agreement, Lang::En) => (
            "No target agreement created yet.",
            "Here you create a year's target agreement, copy it from the previous year and edit its targets: \
             minimums, caps, rates, changes on the previous year, monitoring and qualitative goals, each with the \
             parts for women and men.",
        ),
        (Screen::Values, Lang::De) => (
            "Noch keine Ist-Werte erfasst.",
            "Hier erfassen Sie die monatlichen Ist-Werte aus der Statistik der Bundesagentur für Arbeit in einer \
             Tabelle aus Monaten und Kennzahlen: per Tastatur wie in einer Tabellenkalkulation oder als Block aus Excel \
             eingefügt, jeweils mit Datenstand.",
        ),
        (Screen::Values, Lang::En) => (
            "No actual figures entered yet.",
            "Here you enter the monthly actual figures from the statistics of the Federal Employment Agency in a \
             table of months and indicators: by keyboard as in a spreadsheet or pasted as a block from Excel, each \
             with its data date.",
        ),
        (Screen::Balance, Lang::De) => (
            "Noch keine Jahresbilanz vorhanden.",
            "Hier steht das Ergebnis des Jahres je Ziel: erreicht oder nicht erreicht, die Abweichung absolut und \
             in Prozent, ein Satz für den Bericht und der Vergleich mit dem Vorjahr.",
        ),
        (Screen::Balance, Lang::En) => (
            "No annual balance yet.",
            "Here is the year's result for each target: achieved or missed, the deviation absolute and in per cent, \
             a sentence for the report and the comparison with the previous year.",
        ),
        (Screen::Report, Lang::De) => (
            "Noch kein Bericht verfügbar.",
            "Hier entsteht der druckbare Bericht für den Zielsteuerungsdialog: Kopf mit Organisation, Partner, Jahr \
             und Datenstand, die Zusammenfassung und je Ziel Text, Diagramm und Tabelle, auf A4.",
        ),
        (Screen::Report, Lang::En) => (
            "No report available yet.",
            "Here the printable report for the target dialogue is made: a header with organisation, partner, year \
             and data date, the summary and for each target its text, chart and table, on A4.",
        ),
        (Screen::Exchange, Lang::De) => (
            "Noch nichts auszutauschen.",
            "Hier sichern Sie den Arbeitsbereich als Datei, übernehmen Werte aus Excel und geben Werte und \
             Jahresbilanz an Excel zurück.",
        ),
        (Screen::Exchange, Lang::En) => (
            "Nothing to exchange yet.",
            "Here you back up the workspace to a file, take figures from Excel, and give figures and the annual \
             balance back to Excel.",
        ),
    }
}

/// A fragment the app does not know (old bookmark, typo): say so and offer the way back.
#[component]
pub fn NotFound(path: String) -> impl IntoView {
    let lang = crate::ui::state::use_state().lang.get_untracked();
    let message = match lang {
        Lang::De => format!("Die Adresse „#/{path}“ gibt es in der Zielsteuerung nicht."),
        Lang::En => format!("Zielsteuerung has no address “#/{path}”."),
    };
    view! {
        <h1>{lang.pick("Seite nicht gefunden", "Page not found")}</h1>
        <section class="leerzustand" aria-label=lang.pick("Hinweis", "Note")>
            <p class="leerzustand-titel">{message}</p>
            <p>
                <a href=Screen::Overview.href()>{lang.pick("Zur Übersicht", "To the overview")}</a>
            </p>
        </section>
    }
}
