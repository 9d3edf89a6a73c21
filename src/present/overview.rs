//! The rows of the overview ("Übersicht") and of the balance: one row per target with every cell formatted.

use crate::core::calendar::Year;
use crate::domain::agreement::{Agreement, Bound, ChangeUnit, Target, TargetFormat};
use crate::domain::attainment::{
    ActualSource, AgreementResult, ForecastMethod, Status, TargetResult, Warning,
};
use crate::domain::indicator::{Aggregation, Indicator, Unit};
use crate::domain::names::{format_difference_at, format_value, format_value_at, precision, title};
use crate::domain::workspace::Catalogue;
use crate::locale::{
    Lang, decimals_of, format_date, format_decimal, format_percent, format_signed_percent,
    month_name,
};
use crate::present::sentences::{interpretation_text, sentence};
use crate::route::{CellRef, Route};
use crate::tr;

mod remarks;

use remarks::remarks;

/// A remark at a target: a consistency matter the user should see where the target is, with a link where a
/// fix is one step away (e.g. to the grid cell of a missing figure). A remark, not a block.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Remark {
    pub text: String,
    /// (href, link text).
    pub link: Option<(String, String)>,
}

/// One target, ready to show. `Eq + Hash` so that a list can key its items by what they show.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Row {
    pub target_id: u32,
    /// "Integrationen – Frauen", or the target's own title.
    pub title: String,
    /// "Bundesziel · Mindestwert".
    pub kind: String,
    /// "718", "300 (bis Mai)", "718 (Jahreswert)", "–".
    pub actual: String,
    /// "≥ 770", "≤ 2.020", "≥ 58,0 %", "≥ 18,62 % (Vorjahr −6,9 %)".
    pub target: String,
    /// "+28", "−20 (zum anteiligen Ziel)".
    pub deviation: String,
    /// "104,1 %".
    pub ratio: String,
    pub status: Status,
    /// "720", "–".
    pub forecast: String,
    /// "linear fortgeschrieben".
    pub forecast_method: String,
    /// The generated sentence.
    pub sentence: String,
    /// What the agreement says in its own words where the figures alone could mislead: both readings of an
    /// ambiguous change (format 3), the agreed wording of a relative change of a quota (format 5); else empty.
    pub wording: String,
    /// Remarks at this target (parts that do not add up, figures that do not fit, a missing figure, an annual
    /// value beside monthly ones).
    pub remarks: Vec<Remark>,
    /// The previous year's full figure: "718", "–".
    pub previous_year: String,
    /// Change versus the previous year (same months during the year): "+52 (+7,2 %)", "–".
    pub change: String,
    /// Whether the verdict is final (the year is complete).
    pub is_final: bool,
}

/// Everything the overview shows for one agreement.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// "Zielvereinbarung 2022".
    pub heading: String,
    /// "Bilanz der Zielvereinbarung 2022" / "Balance of the target agreement 2022".
    pub balance_heading: String,
    /// "Kommunales Job-Center (KJC) Odenwaldkreis mit Hessisches Ministerium ...".
    pub parties: String,
    /// "Unterzeichnet von ...; am ..." or empty.
    pub signed: String,
    pub summary: String,
    pub as_of: String,
    pub rows: Vec<Row>,
    pub warnings: Vec<String>,
}

/// The overview of the agreement of `year`, or `None` when the workspace has none for that year.
pub fn model(
    workspace: &crate::domain::workspace::Workspace,
    year: crate::core::calendar::Year,
    lang: Lang,
) -> Option<Model> {
    let agreement = workspace.agreement_for(year)?;
    let result = crate::domain::attainment::evaluate(workspace, agreement);
    Some(model_of(workspace, agreement, &result, lang))
}

/// The overview of `agreement` from the engine's `result` for it (for callers that need the result too).
pub fn model_of(
    workspace: &crate::domain::workspace::Workspace,
    agreement: &Agreement,
    result: &AgreementResult,
    lang: Lang,
) -> Model {
    let year = agreement.year;
    let catalogue = workspace.catalogue();
    let signed = match (agreement.signatories.trim(), agreement.signed_on) {
        ("", None) => String::new(),
        (who, None) => tr!(lang, "Unterzeichnet von {who}", "Signed by {who}"),
        ("", Some(d)) => {
            let d = format_date(d, lang);
            tr!(lang, "Unterzeichnet am {d}", "Signed on {d}")
        }
        (who, Some(d)) => {
            let d = format_date(d, lang);
            tr!(
                lang,
                "Unterzeichnet am {d} von {who}",
                "Signed on {d} by {who}"
            )
        }
    };
    Model {
        heading: tr!(lang, "Zielvereinbarung {year}", "Target agreement {year}"),
        balance_heading: tr!(
            lang,
            "Bilanz der Zielvereinbarung {year}",
            "Balance of the target agreement {year}"
        ),
        parties: tr!(
            lang,
            "{} mit {}",
            "{} with {}",
            agreement.job_centre,
            agreement.partner
        ),
        signed,
        summary: summary(result, lang),
        as_of: as_of_line(result, lang),
        rows: rows(agreement, result, &catalogue, lang),
        warnings: result
            .warnings
            .iter()
            .map(|w| super::warnings::text(w, &catalogue, lang))
            .collect(),
    }
}

/// The summary line: how many targets stand at each status that occurs, in the order of the legend
/// ([`Status::ALL`]) and with its labels: "1 erreicht · 1 nicht erreicht", "2 auf Kurs · 1 kritisch · 1 keine
/// Daten · 1 Monitoring". A status no target has is left out; an agreement without targets says so.
pub fn summary(result: &AgreementResult, lang: Lang) -> String {
    let parts: Vec<String> = result
        .counts
        .present()
        .map(|(status, n)| format!("{n} {}", crate::present::status::label(status, lang)))
        .collect();
    if parts.is_empty() {
        lang.pick("keine Ziele", "no targets").to_owned()
    } else {
        parts.join(" · ")
    }
}

/// "Datenstand: 31.05.2022", or that none is known.
pub fn as_of_line(result: &AgreementResult, lang: Lang) -> String {
    match result.latest_as_of {
        Some(d) => tr!(
            lang,
            "Datenstand: {}",
            "Data as of {}",
            format_date(d, lang)
        ),
        None => tr!(
            lang,
            "Datenstand: nicht angegeben",
            "Data as of: not stated"
        ),
    }
}

/// "A, B und C" / "A, B and C".
pub fn join_and(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => {
            let and = lang.pick("und", "and");
            format!("{} {and} {last}", rest.join(", "))
        }
    }
}

/// The target cell: "≥ 770", "≤ 2.020", "≤ 2.280 (Vorjahr +14,0 %)", "–".
fn target_cell(
    target: &Target,
    result: &TargetResult,
    indicator: Option<&Indicator>,
    decimals: Option<usize>,
    lang: Lang,
) -> String {
    let Some(indicator) = indicator else {
        return "–".into();
    };
    let sign = match result.bound {
        Some(Bound::AtLeast) => "≥ ",
        Some(Bound::AtMost) => "≤ ",
        None => "",
    };
    match (&target.format, result.target_value) {
        (
            TargetFormat::ChangeVsPreviousYear {
                limit,
                change,
                unit,
                ..
            },
            value,
        ) => {
            let signed = limit.signed(*change);
            let places = decimals_of(*change, 4).max(1);
            let change_text = match unit {
                ChangeUnit::Percent => format_signed_percent(signed, places, lang),
                ChangeUnit::PercentagePoints => {
                    format_difference_at(Unit::Percent, signed, Some(places), lang)
                }
            };
            let previous = lang.pick("Vorjahr", "previous year");
            match value {
                Some(v) => format!(
                    "{sign}{} ({previous} {change_text})",
                    format_value_at(indicator.unit, v, decimals, lang)
                ),
                None => format!("{previous} {change_text}"),
            }
        }
        (_, Some(v)) => format!(
            "{sign}{}",
            format_value_at(indicator.unit, v, decimals, lang)
        ),
        (_, None) => "–".into(),
    }
}

/// Builds the rows for an agreement, parts under their totals.
pub fn rows(
    agreement: &Agreement,
    result: &AgreementResult,
    catalogue: &Catalogue,
    lang: Lang,
) -> Vec<Row> {
    agreement
        .display_order()
        .into_iter()
        .filter_map(|t| result.result(t.id).map(|r| (t, r)))
        .map(|(target, r)| row(agreement, target, r, result, catalogue, lang))
        .collect()
}

fn row(
    agreement: &Agreement,
    target: &Target,
    r: &TargetResult,
    result: &AgreementResult,
    catalogue: &Catalogue,
    lang: Lang,
) -> Row {
    let indicator = target
        .format
        .subject()
        .and_then(|s| catalogue.get(s.indicator.as_str()));
    let decimals = indicator.and_then(|i| precision(target, r, i.unit));
    let value = |v: f64| {
        indicator.map_or_else(
            || "–".into(),
            |i| format_value_at(i.unit, v, decimals, lang),
        )
    };
    let basis = match (r.source, r.is_final, r.through) {
        (ActualSource::Annual, _, _) if r.months_beside.is_some() => {
            lang.pick(" (Jahreswert)", " (annual figure)").to_owned()
        }
        (_, false, Some(m)) => tr!(lang, " (bis {})", " (to {})", month_name(m, lang)),
        _ => String::new(),
    };
    let actual = r
        .actual
        .map_or_else(|| "–".into(), |a| format!("{}{basis}", value(a)));
    let deviation = match (r.deviation, indicator) {
        (Some(d), Some(i)) => format_difference_at(i.unit, d, decimals, lang),
        _ => "–".into(),
    };
    let ratio = r
        .ratio_percent
        .map_or_else(|| "–".into(), |p| format_percent(p, 1, lang));
    let (forecast, forecast_method) = match r.forecast {
        Some(f) if f.method != ForecastMethod::Final => (
            value(f.value),
            crate::present::status::method_label(f.method, lang),
        ),
        _ => ("–".into(), String::new()),
    };
    let category = target.category.label(lang);
    Row {
        target_id: target.id.0,
        title: title(target, indicator, lang),
        kind: if matches!(target.format, TargetFormat::Qualitative { .. }) {
            category.to_owned()
        } else {
            format!("{category} · {}", target.format.label(lang))
        },
        actual,
        target: if matches!(
            target.format,
            TargetFormat::Monitoring { .. } | TargetFormat::Qualitative { .. }
        ) {
            "–".into()
        } else {
            target_cell(target, r, indicator, decimals, lang)
        },
        deviation,
        ratio,
        status: r.status,
        forecast,
        forecast_method,
        sentence: sentence(target, r, indicator, agreement.year, lang),
        wording: wording(target, r, lang),
        remarks: remarks(target, r, result, catalogue, agreement.year, lang),
        // One decimal rule for the whole row: the previous year and the change as the actual and the target.
        previous_year: r.previous_year.map_or_else(|| "–".into(), value),
        change: match (r.change_vs_previous, indicator) {
            (Some(c), Some(i)) => match c.percent {
                Some(p) => format!(
                    "{} ({})",
                    format_difference_at(i.unit, c.absolute, decimals, lang),
                    format_signed_percent(p, 1, lang)
                ),
                None => format_difference_at(i.unit, c.absolute, decimals, lang),
            },
            _ => "–".into(),
        },
        is_final: r.is_final,
    }
}

/// The agreement's own words beside the figures: both readings of "steigt um 1,8 auf 58 Prozent" (format 3),
/// or "Vereinbart: steigt um 7,3 % von 13,7 % auf 14,7 % (13,7 % × 1,073 = 14,70 %)" (format 5).
pub fn wording(target: &Target, r: &TargetResult, lang: Lang) -> String {
    match &target.format {
        TargetFormat::QuotaIncrease {
            change, target: t, ..
        } => interpretation_text(&r.interpretations, *change, *t, lang),
        TargetFormat::QuotaRelativeChange {
            baseline,
            change_percent,
            target: t,
            ..
        } => {
            let amount = format_percent(
                change_percent.abs(),
                decimals_of(*change_percent, 4).max(1),
                lang,
            );
            let from = format_percent(*baseline, decimals_of(*baseline, 4).max(1), lang);
            let to = format_percent(*t, decimals_of(*t, 4).max(1), lang);
            let factor = format_decimal(
                1.0 + change_percent / 100.0,
                decimals_of(*change_percent, 4) + 2,
                lang,
            );
            let computed = format_percent(
                ChangeUnit::Percent.apply(*baseline, *change_percent),
                2,
                lang,
            );
            if *change_percent >= 0.0 {
                tr!(
                    lang,
                    "Vereinbart: steigt um {amount} von {from} auf {to} ({from} × {factor} = {computed}).",
                    "Agreed: rises by {amount} from {from} to {to} ({from} × {factor} = {computed})."
                )
            } else {
                tr!(
                    lang,
                    "Vereinbart: sinkt um {amount} von {from} auf {to} ({from} × {factor} = {computed}).",
                    "Agreed: falls by {amount} from {from} to {to} ({from} × {factor} = {computed})."
                )
            }
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests;
