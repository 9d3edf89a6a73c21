//! The sheet "Bilanz" ("Balance"): title, summary and one row per target of the year's agreement.

use super::*;
use crate::tr;

/// The sheet "Bilanz": title, summary, then one row per target of the year's agreement.
pub(super) fn balance_sheet(
    sheet: &mut Worksheet,
    ws: &Workspace,
    year: Year,
    heading: &str,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(lang.pick("Bilanz", "Balance"))?;
    text(sheet, 0, 0, heading, Some(&f.title))?;
    match ws.agreement_for(year) {
        Some(agreement) => balance_table(sheet, ws, agreement, lang, f),
        None => {
            let none = tr!(
                lang,
                "Für {year} gibt es keine Zielvereinbarung.",
                "There is no target agreement for {year}."
            );
            text(sheet, 2, 0, &none, None)?;
            sheet.set_column_width(0, 45)?;
            Ok(())
        }
    }
}

pub(super) fn balance_table(
    sheet: &mut Worksheet,
    ws: &Workspace,
    agreement: &Agreement,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let result = evaluate(ws, agreement);
    let catalogue = ws.catalogue();
    text(sheet, 1, 0, &summary(&result, lang), None)?;
    text(sheet, 2, 0, &as_of_line(&result, lang), None)?;
    const HEADER_ROW: u32 = 4;
    let columns: [(&str, f64); 11] = match lang {
        Lang::De => [
            ("Ziel", 38.0),
            ("Kennzahl", 11.0),
            ("Zielwert", 13.0),
            ("Ist", 13.0),
            ("Abweichung", 13.0),
            ("Ist/Soll", 10.0),
            ("Status", 16.0),
            ("Stand", 20.0),
            ("Prognose", 13.0),
            ("Vorjahr", 13.0),
            ("Bilanzsatz", 80.0),
        ],
        Lang::En => [
            ("Target", 38.0),
            ("Indicator", 11.0),
            ("Target value", 13.0),
            ("Actual", 13.0),
            ("Deviation", 13.0),
            ("Actual/target", 13.0),
            ("Status", 16.0),
            ("State", 20.0),
            ("Forecast", 13.0),
            ("Previous year", 13.0),
            ("Balance sentence", 80.0),
        ],
    };
    header(sheet, HEADER_ROW, &columns, f)?;
    let mut row = HEADER_ROW;
    for target in agreement.display_order() {
        let Some(r) = result.result(target.id) else {
            continue;
        };
        row += 1;
        let subject = target.format.subject();
        let indicator: Option<&Indicator> =
            subject.and_then(|s| catalogue.get(s.indicator.as_str()));
        let unit = indicator.map(|i| i.unit);
        text(
            sheet,
            row,
            0,
            &title(target, indicator, lang),
            Some(&f.text),
        )?;
        text(
            sheet,
            row,
            1,
            subject.map_or("", |s| s.indicator.as_str()),
            None,
        )?;
        let has_target = !matches!(
            target.format,
            TargetFormat::Monitoring { .. } | TargetFormat::Qualitative { .. }
        );
        let decimals = unit.and_then(|u| precision(target, r, u));
        if let Some(v) = r.target_value.filter(|_| has_target) {
            let (v, format) = figure_at(unit, v, decimals, f);
            number(sheet, row, 2, (v, &format))?;
        }
        if let Some(v) = r.actual {
            let (v, format) = figure_at(unit, v, decimals, f);
            number(sheet, row, 3, (v, &format))?;
        }
        if let Some(v) = r.deviation {
            let (v, format) = difference_at(unit, v, decimals, f, lang);
            number(sheet, row, 4, (v, &format))?;
        }
        if let Some(p) = r.ratio_percent {
            number(sheet, row, 5, (p / 100.0, &f.percent))?;
        }
        text(
            sheet,
            row,
            6,
            &crate::present::status::label(r.status, lang),
            None,
        )?;
        let qualitative = matches!(target.format, TargetFormat::Qualitative { .. });
        let state = match (r.is_final, r.through) {
            _ if qualitative => String::new(),
            (true, _) => lang.pick("endgültig", "final").to_owned(),
            (false, Some(m)) => tr!(
                lang,
                "vorläufig (bis {})",
                "provisional (to {})",
                month_name(m, lang)
            ),
            (false, None) => lang.pick("vorläufig", "provisional").to_owned(),
        };
        text(sheet, row, 7, &state, None)?;
        if let Some(forecast) = r.forecast.filter(|x| x.method != ForecastMethod::Final) {
            number(sheet, row, 8, figure(unit, forecast.value, f))?;
        }
        if let Some(v) = r.previous_year {
            number(sheet, row, 9, figure(unit, v, f))?;
        }
        let line = sentence(target, r, indicator, agreement.year, lang);
        text(sheet, row, 10, &line, Some(&f.text))?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.autofilter(HEADER_ROW, 0, row, 10)?;
    Ok(())
}
