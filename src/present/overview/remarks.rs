//! The remarks at a target: parts that do not add up, figures that do not fit, a missing previous year (with
//! a link to its grid cell), an annual value beside months.

use super::*;

/// The remarks at one target: its own warnings from the engine, and which figure counts when an annual value
/// stands beside monthly ones.
pub(super) fn remarks(
    target: &Target,
    r: &TargetResult,
    result: &AgreementResult,
    catalogue: &Catalogue,
    year: Year,
    lang: Lang,
) -> Vec<Remark> {
    let mut out: Vec<Remark> = result
        .warnings
        .iter()
        .filter(|w| w.concerns(target.id))
        .map(|w| {
            let link = match w {
                Warning::PreviousYearMissing { .. } => {
                    previous_year_cell(target, catalogue, year, lang)
                }
                _ => None,
            };
            Remark {
                text: crate::present::warnings::text(w, catalogue, lang),
                link,
            }
        })
        .collect();
    let unit = target
        .format
        .subject()
        .and_then(|s| catalogue.get(s.indicator.as_str()))
        .map(|i| i.unit);
    if let (Some(beside), Some(annual), Some(unit)) = (r.months_beside, r.actual, unit) {
        let show = |v: f64| format_value(unit, v, lang);
        let (annual_text, months_text) = (show(annual), show(beside.figure));
        let through = month_name(beside.through, lang);
        let mut text = tr!(
            lang,
            "Es zählt der Jahreswert {annual_text}: Ein Jahreswert geht den Monatswerten vor.",
            "The annual figure {annual_text} counts: an annual figure takes precedence over monthly ones."
        );
        text.push(' ');
        text.push_str(&if beside.disagrees(annual, unit) {
            tr!(
                lang,
                "Die zwölf Monatswerte ergeben {months_text} und weichen davon ab – bitte prüfen.",
                "The twelve months give {months_text}, which differs – please check."
            )
        } else if beside.complete {
            tr!(
                lang,
                "Die zwölf Monatswerte ergeben ebenfalls {months_text}.",
                "The twelve months give {months_text} as well."
            )
        } else {
            tr!(
                lang,
                "Die Monatswerte bis {through} ergeben {months_text}.",
                "The months up to {through} give {months_text}."
            )
        });
        out.push(Remark { text, link: None });
    }
    out
}

/// The grid cell where the previous year's figure of a target relative to the previous year goes (its annual
/// value; for a derived change such as K3 that of its base figure).
pub(super) fn previous_year_cell(
    target: &Target,
    catalogue: &Catalogue,
    year: Year,
    lang: Lang,
) -> Option<(String, String)> {
    let subject = target.format.subject()?;
    let previous = year.previous()?;
    let indicator = catalogue.get(subject.indicator.as_str())?;
    let code = match &indicator.aggregation {
        Aggregation::ChangeVsPreviousYear { base } => base.clone(),
        _ => indicator.code.clone(),
    };
    Some((
        Route::ValueCell(CellRef {
            year: previous,
            indicator: code,
            population: subject.population,
            month: None,
        })
        .href(),
        tr!(
            lang,
            "Jahreswert {previous} erfassen",
            "Enter the annual figure for {previous}"
        ),
    ))
}
