//! The rows of the overview ("Übersicht") and of the balance: one row per target with every cell formatted.

use crate::domain::agreement::{Agreement, Bound, Target, TargetFormat};
use crate::domain::attainment::{AgreementResult, ForecastMethod, Status, TargetResult};
use crate::domain::balance::{format_difference, format_value, interpretation_text, sentence};
use crate::domain::indicator::Indicator;
use crate::domain::workspace::Catalogue;
use crate::locale::{Lang, format_date, format_percent, format_signed_percent, month_name};

/// One target, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub target_id: u32,
    /// "Integrationen – Frauen", or the target's own title.
    pub title: String,
    /// "Bundesziel · Mindestwert".
    pub kind: String,
    /// "718", "300 (bis Mai)", "–".
    pub actual: String,
    /// "≥ 770", "≤ 2.020", "≥ 58,0 %".
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
    /// Readings of an ambiguous change (format 3), else empty.
    pub interpretations: String,
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
    year: crate::domain::calendar::Year,
    lang: Lang,
) -> Option<Model> {
    let agreement = workspace.agreement_for(year)?;
    let result = crate::domain::attainment::evaluate(workspace, agreement);
    let catalogue = workspace.catalogue();
    let signed = match (agreement.signatories.trim(), agreement.signed_on, lang) {
        ("", None, _) => String::new(),
        (who, None, Lang::De) => format!("Unterzeichnet von {who}"),
        (who, None, Lang::En) => format!("Signed by {who}"),
        ("", Some(d), Lang::De) => format!("Unterzeichnet am {}", format_date(d, lang)),
        ("", Some(d), Lang::En) => format!("Signed on {}", format_date(d, lang)),
        (who, Some(d), Lang::De) => format!("Unterzeichnet am {} von {who}", format_date(d, lang)),
        (who, Some(d), Lang::En) => format!("Signed on {} by {who}", format_date(d, lang)),
    };
    Some(Model {
        heading: match lang {
            Lang::De => format!("Zielvereinbarung {year}"),
            Lang::En => format!("Target agreement {year}"),
        },
        parties: match lang {
            Lang::De => format!("{} mit {}", agreement.job_centre, agreement.partner),
            Lang::En => format!("{} with {}", agreement.job_centre, agreement.partner),
        },
        signed,
        summary: summary(&result, lang),
        as_of: as_of_line(&result, lang),
        rows: rows(agreement, &result, &catalogue, lang),
        warnings: result
            .warnings
            .iter()
            .map(|w| super::warnings::text(w, &catalogue, lang))
            .collect(),
    })
}

/// The summary line: "1 erreicht · 1 nicht erreicht · 0 offen · 0 Monitoring".
pub fn summary(result: &AgreementResult, lang: Lang) -> String {
    let c = result.counts;
    match lang {
        Lang::De => format!(
            "{} erreicht · {} nicht erreicht · {} offen · {} Monitoring",
            c.met, c.missed, c.open, c.monitoring
        ),
        Lang::En => format!(
            "{} achieved · {} missed · {} open · {} monitoring",
            c.met, c.missed, c.open, c.monitoring
        ),
    }
}

/// "Datenstand: 31.05.2022", or that none is known.
pub fn as_of_line(result: &AgreementResult, lang: Lang) -> String {
    match (result.latest_as_of, lang) {
        (Some(d), Lang::De) => format!("Datenstand: {}", format_date(d, lang)),
        (Some(d), Lang::En) => format!("Data as of {}", format_date(d, lang)),
        (None, Lang::De) => "Datenstand: nicht angegeben".into(),
        (None, Lang::En) => "Data as of: not stated".into(),
    }
}

/// The title of a target: its own, or indicator and population.
pub fn title(target: &Target, indicator: Option<&Indicator>, lang: Lang) -> String {
    if !target.title.trim().is_empty() {
        return target.title.trim().to_owned();
    }
    match (target.format.subject(), indicator) {
        (Some(s), Some(i)) => {
            let population = match lang {
                Lang::De => s.population.label_de(),
                Lang::En => s.population.label_en(),
            };
            format!("{} – {population}", i.display_name(lang))
        }
        (Some(s), None) => s.indicator.0.clone(),
        (None, _) => match &target.format {
            TargetFormat::Qualitative { description, .. } => description.chars().take(80).collect(),
            _ => String::new(),
        },
    }
}

/// The target cell: "≥ 770", "≤ 2.020", "≤ 2.280 (Vorjahr +14,0 %)", "–".
fn target_cell(
    target: &Target,
    result: &TargetResult,
    indicator: Option<&Indicator>,
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
            let change_text = match unit {
                crate::domain::agreement::ChangeUnit::Percent => {
                    format_signed_percent(signed, 1, lang)
                }
                crate::domain::agreement::ChangeUnit::PercentagePoints => {
                    format_difference(crate::domain::indicator::Unit::Percent, signed, lang)
                }
            };
            let previous = match lang {
                Lang::De => "Vorjahr",
                Lang::En => "previous year",
            };
            match value {
                Some(v) => format!(
                    "{sign}{} ({previous} {change_text})",
                    format_value(indicator.unit, v, lang)
                ),
                None => format!("{previous} {change_text}"),
            }
        }
        (_, Some(v)) => format!("{sign}{}", format_value(indicator.unit, v, lang)),
        (_, None) => "–".into(),
    }
}

/// Builds the rows for an agreement.
pub fn rows(
    agreement: &Agreement,
    result: &AgreementResult,
    catalogue: &Catalogue,
    lang: Lang,
) -> Vec<Row> {
    agreement
        .targets
        .iter()
        .filter_map(|t| result.result(t.id).map(|r| (t, r)))
        .map(|(target, r)| {
            let indicator = target
                .format
                .subject()
                .and_then(|s| catalogue.get(s.indicator.as_str()));
            let value =
                |v: f64| indicator.map_or_else(|| "–".into(), |i| format_value(i.unit, v, lang));
            let through = match (r.is_final, r.through) {
                (false, Some(m)) => match lang {
                    Lang::De => format!(" (bis {})", month_name(m, lang)),
                    Lang::En => format!(" (to {})", month_name(m, lang)),
                },
                _ => String::new(),
            };
            let actual = r
                .actual
                .map_or_else(|| "–".into(), |a| format!("{}{through}", value(a)));
            let deviation = match (r.deviation, indicator) {
                (Some(d), Some(i)) => format_difference(i.unit, d, lang),
                _ => "–".into(),
            };
            let ratio = r
                .ratio_percent
                .map_or_else(|| "–".into(), |p| format_percent(p, 1, lang));
            let (forecast, forecast_method) = match r.forecast {
                Some(f) if f.method != ForecastMethod::Final => (
                    value(f.value),
                    match lang {
                        Lang::De => f.method.label_de().to_owned(),
                        Lang::En => f.method.label_en().to_owned(),
                    },
                ),
                _ => ("–".into(), String::new()),
            };
            let interpretations = match &target.format {
                TargetFormat::QuotaIncrease {
                    change, target: t, ..
                } => interpretation_text(&r.interpretations, *change, *t, lang),
                _ => String::new(),
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
                    target_cell(target, r, indicator, lang)
                },
                deviation,
                ratio,
                status: r.status,
                forecast,
                forecast_method,
                sentence: sentence(target, r, indicator, agreement.year, lang),
                interpretations,
                previous_year: r.previous_year.map_or_else(|| "–".into(), value),
                change: match (r.change_vs_previous, indicator) {
                    (Some(c), Some(i)) => match c.percent {
                        Some(p) => format!(
                            "{} ({})",
                            format_difference(i.unit, c.absolute, lang),
                            format_signed_percent(p, 1, lang)
                        ),
                        None => format_difference(i.unit, c.absolute, lang),
                    },
                    _ => "–".into(),
                },
                is_final: r.is_final,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::attainment::evaluate;
    use crate::domain::calendar::Year;
    use crate::domain::example::odenwaldkreis;

    #[test]
    fn seed_2021_rows() {
        let ws = odenwaldkreis();
        let a = ws.agreement_for(Year::new(2021).unwrap()).unwrap();
        let result = evaluate(&ws, a);
        let rows = rows(a, &result, &ws.catalogue(), Lang::De);
        assert_eq!(rows.len(), 2);
        let int = &rows[0];
        assert_eq!(int.title, "Integrationen – Insgesamt");
        assert_eq!(int.kind, "Bundesziel · Mindestwert");
        assert_eq!(
            (
                int.actual.as_str(),
                int.target.as_str(),
                int.deviation.as_str()
            ),
            ("718", "≥ 690", "+28")
        );
        assert_eq!(int.ratio, "104,1\u{a0}%");
        assert_eq!(int.status, Status::Achieved);
        assert_eq!(int.forecast, "–");
        let lzb = &rows[1];
        assert_eq!(
            (
                lzb.actual.as_str(),
                lzb.target.as_str(),
                lzb.deviation.as_str()
            ),
            ("2.035", "≤ 2.030", "+5")
        );
        assert_eq!(lzb.ratio, "100,2\u{a0}%");
        assert_eq!(lzb.status, Status::Missed);
        assert_eq!(
            (lzb.previous_year.as_str(), lzb.change.as_str()),
            ("–", "–")
        );
        assert!(lzb.is_final);
        assert_eq!(
            summary(&result, Lang::De),
            "1 erreicht · 1 nicht erreicht · 0 offen · 0 Monitoring"
        );
        assert_eq!(as_of_line(&result, Lang::De), "Datenstand: nicht angegeben");
    }

    #[test]
    fn previous_year_and_change_cells() {
        use crate::domain::calendar::Month;
        use crate::domain::indicator::IndicatorCode;
        use crate::domain::values::{Amount, Population, ValueKey};
        let mut ws = odenwaldkreis();
        // 2022 complete: 12 months summing to 770 against 718 in 2021: +52, +7,2 %.
        for m in 1..=12 {
            let v = if m <= 2 { 65.0 } else { 64.0 };
            let key = ValueKey {
                indicator: IndicatorCode::new("INT"),
                population: Population::Total,
                year: Year::new(2022).unwrap(),
                month: Month::new(m),
            };
            ws.values.record(key, Amount::Number(v), None, "");
        }
        let m = model(&ws, Year::new(2022).unwrap(), Lang::De).unwrap();
        let int = &m.rows[0];
        assert_eq!((int.actual.as_str(), int.status), ("770", Status::Achieved));
        assert_eq!(
            (int.previous_year.as_str(), int.change.as_str()),
            ("718", "+52 (+7,2\u{a0}%)")
        );
        assert!(int.is_final);
    }

    #[test]
    fn model_of_the_seed_2022() {
        let ws = odenwaldkreis();
        let m = model(&ws, Year::new(2022).unwrap(), Lang::De).unwrap();
        assert_eq!(m.heading, "Zielvereinbarung 2022");
        assert_eq!(
            m.parties,
            "Kommunales Job-Center (KJC) Odenwaldkreis mit Hessisches Ministerium für Soziales und Integration (HMSI)"
        );
        assert_eq!(
            m.signed,
            "Unterzeichnet von Landrat Frank Matiaske, Erster Kreisbeigeordneter Oliver Grobeis"
        );
        assert_eq!(m.rows.len(), 10);
        assert!(m.warnings.is_empty(), "{:?}", m.warnings);
        assert!(model(&ws, Year::new(2023).unwrap(), Lang::De).is_none());
    }

    #[test]
    fn seed_2022_rows() {
        let ws = odenwaldkreis();
        let a = ws.agreement_for(Year::new(2022).unwrap()).unwrap();
        let result = evaluate(&ws, a);
        let rows = rows(a, &result, &ws.catalogue(), Lang::De);
        let cells: Vec<(&str, &str, Status)> = rows
            .iter()
            .map(|r| (r.title.as_str(), r.target.as_str(), r.status))
            .collect();
        assert_eq!(
            cells,
            vec![
                ("Integrationen – Insgesamt", "≥ 770", Status::NoData),
                ("Integrationen – Frauen", "≥ 308", Status::NoData),
                ("Integrationen – Männer", "≥ 462", Status::NoData),
                (
                    "Bestand Langzeitleistungsbeziehende – Insgesamt",
                    "≤ 2.020",
                    Status::NoData
                ),
                (
                    "Bestand Langzeitleistungsbeziehende – Frauen",
                    "≤ 1.100",
                    Status::NoData
                ),
                (
                    "Bestand Langzeitleistungsbeziehende – Männer",
                    "≤ 920",
                    Status::NoData
                ),
                (
                    "Summe der Leistungen zum Lebensunterhalt – Insgesamt",
                    "–",
                    Status::Monitoring
                ),
                (
                    "Kontinuierliche Beschäftigung nach Integration – Insgesamt",
                    "≥ 58,0\u{a0}%",
                    Status::NoData
                ),
                (
                    "Integrationen U25 in voll qualifizierende Berufsausbildung – Insgesamt",
                    "≥ 70",
                    Status::NoData
                ),
                (
                    "Integration von Menschen mit Behinderungen",
                    "–",
                    Status::Open
                ),
            ]
        );
        assert_eq!(
            rows[7].interpretations,
            "Lesarten der Veränderung – um 1,8\u{a0}Prozentpunkte: von 56,2\u{a0}% auf 58,0\u{a0}% | um 1,8\u{a0}% \
             (so vereinbart): von 57,0\u{a0}% auf 58,0\u{a0}%."
        );
        assert_eq!(rows[9].kind, "qualitatives Ziel");
        assert_eq!(
            rows[9].sentence,
            "Qualitatives Ziel „Integration von Menschen mit Behinderungen“: noch nicht bewertet."
        );
        assert_eq!(
            summary(&result, Lang::De),
            "0 erreicht · 0 nicht erreicht · 9 offen · 1 Monitoring"
        );
    }
}
