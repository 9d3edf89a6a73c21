//! The sheet "Bilanz" ("Balance"): title, summary, the notes of the balance screen, and one row per target of the
//! year's agreement with what the screens say of it: the direction of the target, its figures as shown, status
//! and standing, the sentence, the agreed wording and the remarks.

use super::figures::{shown_difference, shown_figure, shown_ratio};
use super::*;
use crate::domain::agreement::{Agreement, TargetFormat};
use crate::domain::attainment::{ForecastMethod, evaluate};
use crate::domain::indicator::Indicator;
use crate::domain::names::precision;
use crate::present::balance::{direction, notes, standing, standing_label};
use crate::present::overview::{as_of_line, rows, summary};
use crate::tr;

/// The sheet "Bilanz": title, summary, then one row per target of the year's agreement. `today` decides
/// whether a year without figures has ended ("keine Daten") or not ("noch keine Daten").
pub(super) fn balance_sheet(
    sheet: &mut Worksheet,
    ws: &Workspace,
    year: Year,
    today: Date,
    heading: &str,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(lang.pick("Bilanz", "Balance"))?;
    text(sheet, 0, 0, heading, Some(&f.title))?;
    match ws.agreement_for(year) {
        Some(agreement) => balance_table(sheet, ws, agreement, today, lang, f),
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

/// The columns of the balance table: header and width.
fn columns(lang: Lang) -> [(&'static str, f64); 14] {
    match lang {
        Lang::De => [
            ("Ziel", 38.0),
            ("Kennzahl", 11.0),
            ("Richtung", 15.0),
            ("Zielwert", 13.0),
            ("Ist", 13.0),
            ("Abweichung", 13.0),
            ("Ist/Soll", 10.0),
            ("Status", 16.0),
            ("Stand", 20.0),
            ("Prognose", 13.0),
            ("Vorjahr", 13.0),
            ("Bilanzsatz", 80.0),
            ("Wortlaut der Vereinbarung", 60.0),
            ("Hinweise", 60.0),
        ],
        Lang::En => [
            ("Target", 38.0),
            ("Indicator", 11.0),
            ("Direction", 15.0),
            ("Target value", 13.0),
            ("Actual", 13.0),
            ("Deviation", 13.0),
            ("Actual/target", 13.0),
            ("Status", 16.0),
            ("State", 20.0),
            ("Forecast", 13.0),
            ("Previous year", 13.0),
            ("Balance sentence", 80.0),
            ("Agreed wording", 60.0),
            ("Remarks", 60.0),
        ],
    }
}

pub(super) fn balance_table(
    sheet: &mut Worksheet,
    ws: &Workspace,
    agreement: &Agreement,
    today: Date,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let result = evaluate(ws, agreement);
    let catalogue = ws.catalogue();
    text(sheet, 1, 0, &summary(&result, lang), None)?;
    text(sheet, 2, 0, &as_of_line(&result, lang), None)?;
    text(
        sheet,
        3,
        0,
        &notes(agreement, &result, today, lang).join(" "),
        None,
    )?;
    const HEADER_ROW: u32 = 4;
    let columns = columns(lang);
    header(sheet, HEADER_ROW, &columns, f)?;
    let last_col = columns.len() as u16 - 1;
    let mut row = HEADER_ROW;
    // The overview's rows carry what the screens say: sentence, wording, remarks, the ratio as shown.
    for shown in rows(agreement, &result, &catalogue, lang) {
        let Some((target, r)) = agreement
            .targets
            .iter()
            .find(|t| t.id.0 == shown.target_id)
            .and_then(|t| result.result(t.id).map(|r| (t, r)))
        else {
            continue;
        };
        row += 1;
        let subject = target.format.subject();
        let indicator: Option<&Indicator> =
            subject.and_then(|s| catalogue.get(s.indicator.as_str()));
        let unit = indicator.map(|i| i.unit);
        text(sheet, row, 0, &shown.title, Some(&f.text))?;
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
        text(
            sheet,
            row,
            2,
            if has_target {
                direction(r.bound, lang)
            } else {
                ""
            },
            None,
        )?;
        let decimals = unit.and_then(|u| precision(target, r, u));
        let as_shown = |v: f64| shown_figure(unit, v, decimals, lang);
        if let Some(v) = r.target_value.filter(|_| has_target) {
            let (v, format) = as_shown(v);
            number(sheet, row, 3, (v, &format))?;
        }
        if let Some(v) = r.actual {
            let (v, format) = as_shown(v);
            number(sheet, row, 4, (v, &format))?;
        }
        if let Some(v) = r.deviation {
            let (v, format) = shown_difference(unit, v, decimals, lang);
            number(sheet, row, 5, (v, &format))?;
        }
        if let Some(p) = r.ratio_percent {
            let (v, format) = shown_ratio(p, &shown.ratio, lang);
            number(sheet, row, 6, (v, &format))?;
        }
        text(
            sheet,
            row,
            7,
            &crate::present::status::label(r.status, lang),
            None,
        )?;
        let state = standing(target, r, agreement.year, today);
        text(sheet, row, 8, &standing_label(state, lang), None)?;
        if let Some(forecast) = r.forecast.filter(|x| x.method != ForecastMethod::Final) {
            let (v, format) = as_shown(forecast.value);
            number(sheet, row, 9, (v, &format))?;
        }
        if let Some(v) = r.previous_year {
            let (v, format) = as_shown(v);
            number(sheet, row, 10, (v, &format))?;
        }
        text(sheet, row, 11, &shown.sentence, Some(&f.text))?;
        text(sheet, row, 12, &shown.wording, Some(&f.text))?;
        let remarks: Vec<&str> = shown.remarks.iter().map(|m| m.text.as_str()).collect();
        text(sheet, row, 13, &remarks.join("\n"), Some(&f.text))?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.autofilter(HEADER_ROW, 0, row, last_col)?;
    Ok(())
}
