//! The screens of SPEC S5. Until their content exists, each says what it will hold (empty states).

use leptos::prelude::*;

use crate::locale::Lang;
use crate::route::Screen;
use crate::ui::app::nav_label;
use crate::ui::widgets::EmptyState;

/// What the screen is for, shown while it has nothing to show yet.
pub(crate) fn empty_state(screen: Screen) -> (&'static str, &'static str) {
    match screen {
        Screen::Overview => (
            "Für das gewählte Jahr ist noch keine Zielvereinbarung erfasst.",
            "Hier erscheinen die Ziele der Zielvereinbarung des gewählten Jahres: je Ziel der Ist-Wert, \
             der Zielwert, die Abweichung, die Zielerreichung in Prozent, der Status und die Prognose zum Jahresende.",
        ),
        Screen::Agreement => (
            "Noch keine Zielvereinbarung angelegt.",
            "Hier legen Sie die Zielvereinbarung eines Jahres an, kopieren sie aus dem Vorjahr und bearbeiten \
             ihre Ziele: Mindestwerte, Obergrenzen, Quoten, Veränderungen zum Vorjahr, Monitoring und qualitative Ziele, \
             jeweils mit den Teilzielen für Frauen und Männer.",
        ),
        Screen::Values => (
            "Noch keine Ist-Werte erfasst.",
            "Hier erfassen Sie die monatlichen Ist-Werte aus der Statistik der Bundesagentur für Arbeit in einer \
             Tabelle aus Monaten und Kennzahlen: per Tastatur wie in einer Tabellenkalkulation oder als Block aus Excel \
             eingefügt, jeweils mit Datenstand.",
        ),
        Screen::Balance => (
            "Noch keine Jahresbilanz vorhanden.",
            "Hier steht das Ergebnis des Jahres je Ziel: erreicht oder nicht erreicht, die Abweichung absolut und \
             in Prozent, ein Satz für den Bericht und der Vergleich mit dem Vorjahr.",
        ),
        Screen::Report => (
            "Noch kein Bericht verfügbar.",
            "Hier entsteht der druckbare Bericht für den Zielsteuerungsdialog: Kopf mit Organisation, Partner, Jahr \
             und Datenstand, die Zusammenfassung und je Ziel Text, Diagramm und Tabelle, auf A4.",
        ),
    }
}

/// One screen with its heading and its empty state.
#[component]
pub fn ScreenPage(screen: Screen) -> impl IntoView {
    view! {
        <h1>{nav_label(screen, Lang::De)}</h1>
        <EmptyState screen=screen />
    }
}

/// A fragment the app does not know (old bookmark, typo): say so and offer the way back.
#[component]
pub fn NotFound(path: String) -> impl IntoView {
    view! {
        <h1>"Seite nicht gefunden"</h1>
        <section class="leerzustand" aria-label="Hinweis">
            <p class="leerzustand-titel">{format!("Die Adresse „#/{path}“ gibt es in der Zielsteuerung nicht.")}</p>
            <p>
                <a href=Screen::Overview.href()>"Zur Übersicht"</a>
            </p>
        </section>
    }
}
