//! The screens of the app (PRODUCT S5) and their addresses in the URL fragment (`#/uebersicht`, ...).
//!
//! The fragment keeps navigation working on any plain static server: a reload never asks the server for a
//! deep path. Pure: parsing and printing fragments needs no browser.

use crate::core::calendar::{Month, Year};
use crate::domain::indicator::IndicatorCode;
use crate::domain::values::Population;
use crate::locale::Lang;

/// One screen of the app, as addressed by the URL fragment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// "Übersicht": the agreement of the selected year with the attainment of each target.
    Overview,
    /// "Zielvereinbarung": create, copy and edit agreements and their targets.
    Agreement,
    /// "Ist-Werte erfassen": the month-by-indicator grid of actual values.
    Values,
    /// "Jahresbilanz": the year's result per target with the generated sentences.
    Balance,
    /// "Bericht": the printable report for the target dialogue with the ministry.
    Report,
    /// "Datenaustausch": backup, CSV for Excel, XLSX (PRODUCT S7).
    Exchange,
    /// "Vergleich": other job centres side by side, by comparison type (PRODUCT S10).
    Comparison,
}

impl Screen {
    /// The screens in the order of the main navigation.
    pub const ALL: [Screen; 7] = [
        Screen::Overview,
        Screen::Agreement,
        Screen::Values,
        Screen::Balance,
        Screen::Report,
        Screen::Exchange,
        Screen::Comparison,
    ];

    /// The path segment in the fragment, stable because users bookmark it.
    pub fn slug(self) -> &'static str {
        match self {
            Screen::Overview => "uebersicht",
            Screen::Agreement => "vereinbarung",
            Screen::Values => "werte",
            Screen::Balance => "bilanz",
            Screen::Report => "bericht",
            Screen::Exchange => "austausch",
            Screen::Comparison => "vergleich",
        }
    }

    /// The label of the screen in the navigation and its heading.
    pub fn label(self, lang: Lang) -> &'static str {
        let (de, en) = match self {
            Screen::Overview => ("Übersicht", "Overview"),
            Screen::Agreement => ("Zielvereinbarung", "Target agreement"),
            Screen::Values => ("Ist-Werte erfassen", "Enter actual figures"),
            Screen::Balance => ("Jahresbilanz", "Annual balance"),
            Screen::Report => ("Bericht", "Report"),
            Screen::Exchange => ("Datenaustausch", "Import & export"),
            Screen::Comparison => ("Vergleich", "Comparison"),
        };
        lang.pick(de, en)
    }

    /// What the screen is for, shown while it has nothing to show yet: headline and explanation.
    pub fn empty_state(self, lang: Lang) -> (&'static str, &'static str) {
        match self {
            Screen::Overview => (
                lang.pick(
                    "Für das gewählte Jahr ist noch keine Zielvereinbarung erfasst.",
                    "No target agreement has been entered for the selected year yet.",
                ),
                lang.pick(
                    "Hier erscheinen die Ziele der Zielvereinbarung des gewählten Jahres: je Ziel der Ist-Wert, \
             der Zielwert, die Abweichung, die Zielerreichung in Prozent, der Status und die Prognose zum Jahresende.",
                    "Here the targets of the selected year's agreement appear: for each target the actual figure, the \
             target value, the deviation, the attainment in per cent, the status and the forecast for the year end.",
                ),
            ),
            Screen::Agreement => (
                lang.pick(
                    "Noch keine Zielvereinbarung angelegt.",
                    "No target agreement created yet.",
                ),
                lang.pick(
                    "Hier legen Sie die Zielvereinbarung eines Jahres an, kopieren sie aus dem Vorjahr und bearbeiten \
             ihre Ziele: Mindestwerte, Obergrenzen, Quoten, Veränderungen zum Vorjahr, Monitoring und qualitative Ziele, \
             jeweils mit den Teilzielen für Frauen und Männer.",
                    "Here you create a year's target agreement, copy it from the previous year and edit its targets: \
             minimums, caps, rates, changes on the previous year, monitoring and qualitative goals, each with the \
             parts for women and men.",
                ),
            ),
            Screen::Values => (
                lang.pick(
                    "Noch keine Ist-Werte erfasst.",
                    "No actual figures entered yet.",
                ),
                lang.pick(
                    "Hier erfassen Sie die monatlichen Ist-Werte aus der Statistik der Bundesagentur für Arbeit in einer \
             Tabelle aus Monaten und Kennzahlen: per Tastatur wie in einer Tabellenkalkulation oder als Block aus Excel \
             eingefügt, jeweils mit Datenstand.",
                    "Here you enter the monthly actual figures from the statistics of the Federal Employment Agency in a \
             table of months and indicators: by keyboard as in a spreadsheet or pasted as a block from Excel, each \
             with its data date.",
                ),
            ),
            Screen::Balance => (
                lang.pick(
                    "Noch keine Jahresbilanz vorhanden.",
                    "No annual balance yet.",
                ),
                lang.pick(
                    "Hier steht das Ergebnis des Jahres je Ziel: erreicht oder nicht erreicht, die Abweichung absolut und \
             in Prozent, ein Satz für den Bericht und der Vergleich mit dem Vorjahr.",
                    "Here is the year's result for each target: achieved or missed, the deviation absolute and in per cent, \
             a sentence for the report and the comparison with the previous year.",
                ),
            ),
            Screen::Report => (
                lang.pick(
                    "Noch kein Bericht verfügbar.",
                    "No report available yet.",
                ),
                lang.pick(
                    "Hier entsteht der druckbare Bericht für den Zielsteuerungsdialog: Kopf mit Organisation, Partner, Jahr \
             und Datenstand, die Zusammenfassung und je Ziel Text, Diagramm und Tabelle, auf A4.",
                    "Here the printable report for the target dialogue is made: a header with organisation, partner, year \
             and data date, the summary and for each target its text, chart and table, on A4.",
                ),
            ),
            Screen::Exchange => (
                lang.pick(
                    "Noch nichts auszutauschen.",
                    "Nothing to exchange yet.",
                ),
                lang.pick(
                    "Hier sichern Sie den Arbeitsbereich als Datei, übernehmen Werte aus Excel und geben Werte und \
             Jahresbilanz an Excel zurück.",
                    "Here you back up the workspace to a file, take figures from Excel, and give figures and the annual \
             balance back to Excel.",
                ),
            ),
            Screen::Comparison => (
                lang.pick(
                    "Noch keine Jobcenter im Vergleich.",
                    "No job centres in the comparison yet.",
                ),
                lang.pick(
                    "Hier stehen die Jobcenter eines Landes nebeneinander, je Vergleichstyp: Ziel, Ist, Ist/Soll, Status, \
             Prognose und Rang, aus den Sicherungen oder Arbeitsbereich-Dateien, die die Jobcenter schicken.",
                    "Here the job centres of a Land stand side by side, per comparison type: target, actual, \
             actual/target, status, forecast and rank, from the backups or workspace files the job centres send.",
                ),
            ),
        }
    }

    /// The link target for this screen, relative to the page (works under any subpath).
    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }
}

/// One cell of the value grid: `#/werte/2021/LZB/insgesamt/jahr` (the annual value) or `.../3` (March).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellRef {
    pub year: Year,
    pub indicator: IndicatorCode,
    pub population: Population,
    /// `None`: the annual value.
    pub month: Option<Month>,
}

impl CellRef {
    /// The population as the fragment writes it (ASCII, so that the browser does not escape it).
    fn population_slug(population: Population) -> &'static str {
        match population {
            Population::Total => "insgesamt",
            Population::Women => "frauen",
            Population::Men => "maenner",
        }
    }

    fn parse<'a>(mut segments: impl Iterator<Item = &'a str>) -> Option<CellRef> {
        let year = Year::new(segments.next()?.parse().ok()?)?;
        let indicator = IndicatorCode::new(segments.next().filter(|c| !c.is_empty())?);
        let population = segments.next()?.to_ascii_lowercase();
        let population = Population::ALL
            .into_iter()
            .find(|p| CellRef::population_slug(*p) == population)?;
        let month = match segments.next()? {
            m if m.eq_ignore_ascii_case("jahr") => None,
            m => Some(Month::new(m.parse().ok()?)?),
        };
        segments.next().is_none().then_some(CellRef {
            year,
            indicator,
            population,
            month,
        })
    }
}

/// Where the fragment points: a screen, a target's detail, a cell of the grid, or something the app does not
/// know (an old or mistyped bookmark).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Screen(Screen),
    /// `#/ziel/7`: the detail of target 7.
    Target(u32),
    /// `#/werte/2021/LZB/insgesamt/jahr`: the grid of 2021 with that cell focused (links from a missing figure).
    ValueCell(CellRef),
    Unknown(String),
}

impl Route {
    /// Reads `location.hash` as the browser gives it ("", "#", "#/werte", "#/werte/", "#werte").
    /// An empty fragment is the start screen, the overview.
    pub fn from_fragment(fragment: &str) -> Route {
        let path = fragment.trim_start_matches('#').trim_matches('/');
        if path.is_empty() {
            return Route::Screen(Screen::Overview);
        }
        let mut segments = path.split(['/', '?']);
        let first = segments.next().unwrap_or_default();
        if first.eq_ignore_ascii_case("ziel") {
            return match segments.next().and_then(|id| id.parse().ok()) {
                Some(id) => Route::Target(id),
                None => Route::Unknown(path.to_owned()),
            };
        }
        if first.eq_ignore_ascii_case(Screen::Values.slug()) && path.contains('/') {
            return match CellRef::parse(segments) {
                Some(cell) => Route::ValueCell(cell),
                None => Route::Unknown(path.to_owned()),
            };
        }
        Screen::ALL
            .into_iter()
            .find(|s| s.slug().eq_ignore_ascii_case(first))
            .map(Route::Screen)
            .unwrap_or_else(|| Route::Unknown(path.to_owned()))
    }

    /// The screen to highlight in the navigation, if any (a target's detail belongs to the overview).
    pub fn screen(&self) -> Option<Screen> {
        match self {
            Route::Screen(s) => Some(*s),
            Route::Target(_) => Some(Screen::Overview),
            Route::ValueCell(_) => Some(Screen::Values),
            Route::Unknown(_) => None,
        }
    }

    /// The link to a target's detail.
    pub fn target_href(id: u32) -> String {
        format!("#/ziel/{id}")
    }

    /// The fragment of a route that has one of its own: a screen, a target, a grid cell.
    pub fn href(&self) -> String {
        match self {
            Route::Screen(s) => s.href(),
            Route::Target(id) => Route::target_href(*id),
            Route::ValueCell(c) => format!(
                "#/{}/{}/{}/{}/{}",
                Screen::Values.slug(),
                c.year,
                c.indicator,
                CellRef::population_slug(c.population),
                c.month
                    .map_or_else(|| "jahr".to_owned(), |m| m.number().to_string())
            ),
            Route::Unknown(path) => format!("#/{path}"),
        }
    }
}

#[cfg(test)]
mod tests;
