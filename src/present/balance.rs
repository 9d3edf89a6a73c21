//! What the balance says beside its rows, on the screen and in the XLSX that goes to the ministry: where each
//! target's figure stands (final, provisional, or no data for a year that has ended), the notes above the table,
//! and on which side of its target value a target is met.

use crate::core::calendar::{Date, Month, Year};
use crate::domain::agreement::{Agreement, Bound, Target, TargetFormat};
use crate::domain::attainment::{AgreementResult, Status, TargetResult};
use crate::locale::{Lang, month_name};
use crate::tr;

/// Where a target's figure of the year stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Standing {
    /// A qualitative goal: it has no figure.
    Qualitative,
    /// The year's figure is complete: an annual value, or all twelve months.
    Final,
    /// Months up to this one, the rest still to come (also after the year's end: the statistics come months
    /// late).
    Provisional(Month),
    /// No figure yet, and the year has not ended.
    NotYet,
    /// No figure, and the year has ended: nothing is provisional about it.
    NoData,
}

/// Where the figure of `target` (judged as `r` for `year`) stands on `today`. A year without any figure is
/// "keine Daten" once it has ended, not provisional.
pub fn standing(target: &Target, r: &TargetResult, year: Year, today: Date) -> Standing {
    if matches!(target.format, TargetFormat::Qualitative { .. }) {
        Standing::Qualitative
    } else if r.is_final {
        Standing::Final
    } else if let Some(month) = r.through {
        Standing::Provisional(month)
    } else if today.year() > year.get() {
        Standing::NoData
    } else {
        Standing::NotYet
    }
}

/// The standing in words (the XLSX's column "Stand"): "endgültig", "vorläufig (bis Mai)", "noch keine Daten",
/// "keine Daten"; empty for a qualitative goal.
pub fn standing_label(standing: Standing, lang: Lang) -> String {
    match standing {
        Standing::Qualitative => String::new(),
        Standing::Final => lang.pick("endgültig", "final").to_owned(),
        Standing::Provisional(month) => tr!(
            lang,
            "vorläufig (bis {})",
            "provisional (to {})",
            month_name(month, lang)
        ),
        Standing::NotYet => lang.pick("noch keine Daten", "no data yet").to_owned(),
        Standing::NoData => crate::present::status::label(Status::NoData, lang),
    }
}

/// The notes above the balance of `agreement` on `today`: "Vorläufig: …" while the year of some target is not
/// complete, and "Keine Daten: …" when the year has ended and some targets have no figure at all. Empty for a
/// complete year.
pub fn notes(
    agreement: &Agreement,
    result: &AgreementResult,
    today: Date,
    lang: Lang,
) -> Vec<String> {
    let standings: Vec<Standing> = agreement
        .targets
        .iter()
        .filter_map(|t| {
            result
                .result(t.id)
                .map(|r| standing(t, r, agreement.year, today))
        })
        .collect();
    let mut notes = Vec::new();
    if standings
        .iter()
        .any(|s| matches!(s, Standing::Provisional(_) | Standing::NotYet))
    {
        notes.push(
            lang.pick(
                "Vorläufig: Für einige Ziele liegt noch kein vollständiges Jahr vor; dort stehen der Stand bis zum \
                 letzten Monat mit Daten und die Prognose.",
                "Provisional: for some targets the year is not complete yet; they show the state up to the last \
                 month with data and the forecast.",
            )
            .to_owned(),
        );
    }
    let missing = standings.iter().filter(|s| **s == Standing::NoData).count();
    let year = agreement.year;
    match missing {
        0 => {}
        1 => notes.push(tr!(
            lang,
            "Keine Daten: Für 1 Ziel liegt für {year} kein Ist-Wert vor, obwohl das Jahr abgelaufen ist; es bleibt \
             unbewertet, bis Werte erfasst sind.",
            "No data: 1 target has no actual figure for {year}, although the year has ended; it stays unassessed \
             until figures are entered."
        )),
        n => notes.push(tr!(
            lang,
            "Keine Daten: Für {n} Ziele liegt für {year} kein Ist-Wert vor, obwohl das Jahr abgelaufen ist; sie \
             bleiben unbewertet, bis Werte erfasst sind.",
            "No data: {n} targets have no actual figure for {year}, although the year has ended; they stay \
             unassessed until figures are entered."
        )),
    }
    notes
}

/// On which side of its target value a target is met: "≥ Mindestwert", "≤ Obergrenze"; empty without a target
/// value (monitoring, qualitative goals).
pub fn direction(bound: Option<Bound>, lang: Lang) -> &'static str {
    match bound {
        Some(Bound::AtLeast) => lang.pick("≥ Mindestwert", "≥ minimum"),
        Some(Bound::AtMost) => lang.pick("≤ Obergrenze", "≤ cap"),
        None => "",
    }
}

#[cfg(test)]
mod tests;
