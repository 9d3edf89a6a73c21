//! Comparisons: women and men on the total's footing, and the year against the previous year with each year's
//! own target.

use super::*;

/// Women and men side by side, on the same footing as the total's verdict: for a complete year each one's full
/// year (annual value, else the twelve months) against their targets; during the year each one's months up to
/// the total's latest month against their targets pro rata for those months (an annual value of a part does not
/// stand beside a total to date). Actual as filled bars, target as outlined bars.
#[allow(clippy::too_many_arguments)]
pub(super) fn gender(
    workspace: &Workspace,
    catalogue: &Catalogue,
    agreement: &Agreement,
    result: &AgreementResult,
    target: &Target,
    indicator: &Indicator,
    r: &TargetResult,
    name: &str,
    lang: Lang,
) -> ChartSpec {
    let year = agreement.year;
    let populations = [Population::Women, Population::Men];
    if !r.is_final && r.through.is_none() {
        // Nothing of the total yet: nothing to put the parts beside.
        return empty(target, lang);
    }
    let through = (!r.is_final).then_some(r.through).flatten();
    let part_result = |p: Population| {
        agreement
            .sibling(target, p)
            .and_then(|t| result.result(t.id))
    };
    let actual = |p: Population| {
        let f = year_figures(workspace, catalogue, indicator, p, year);
        match through {
            None => f.full_year,
            Some(m) => f.to_date[m.index()],
        }
    };
    let target_for = |p: Population| {
        let pr = part_result(p)?;
        match through {
            None => pr.target_value,
            Some(m) => pr
                .months
                .get(m.index())
                .and_then(|row| row.path_seasonal.or(row.path_linear)),
        }
    };
    let actuals: Vec<Option<f64>> = populations.iter().map(|&p| actual(p)).collect();
    if actuals.iter().all(Option::is_none) {
        // Targets alone say nothing about women and men.
        return empty(target, lang);
    }
    let targets: Vec<Option<f64>> = populations.iter().map(|&p| target_for(p)).collect();
    let mut series = vec![Series {
        name: lang.pick("Ist", "Actual").to_owned(),
        mark: Mark::FilledBars,
        values: actuals,
    }];
    if targets.iter().any(Option::is_some) {
        series.push(Series {
            name: match through {
                None => lang.pick("Ziel", "Target"),
                Some(_) => lang.pick("Ziel (anteilig bis dahin)", "Target (pro rata to date)"),
            }
            .to_owned(),
            mark: Mark::OutlinedBars,
            values: targets,
        });
    }
    let categories: Vec<String> = populations
        .iter()
        .map(|p| p.label(lang).to_owned())
        .collect();
    let title = match through {
        None => tr!(
            lang,
            "{name}: Frauen und Männer {year}",
            "{name}: women and men {year}"
        ),
        Some(m) => {
            let to = month_year(m, year, lang);
            tr!(
                lang,
                "{name}: Frauen und Männer bis {to}",
                "{name}: women and men up to {to}"
            )
        }
    };
    ChartSpec {
        id: format!("ziel-{}-geschlecht", target.id.0),
        title,
        category_names: categories.clone(),
        categories,
        category_header: lang.pick("Personengruppe", "Population").to_owned(),
        unit: indicator.unit,
        decimals: None,
        series,
        reference: None,
        lang,
    }
}

/// This year against the previous year month by month (flows cumulative, otherwise the month's figure).
pub(super) fn previous_year(
    workspace: &Workspace,
    catalogue: &Catalogue,
    target: &Target,
    indicator: &Indicator,
    name: &str,
    agreement: &Agreement,
    lang: Lang,
) -> ChartSpec {
    let year = agreement.year;
    let Some(subject) = target.format.subject() else {
        return empty(target, lang);
    };
    let Some(previous) = year.previous() else {
        return empty(target, lang);
    };
    let accumulates = matches!(indicator.aggregation, Aggregation::Flow);
    let pick = |y| {
        let f = year_figures(workspace, catalogue, indicator, subject.population, y);
        if accumulates { f.to_date } else { f.months }.to_vec()
    };
    let now = pick(year);
    let before = pick(previous);
    let (categories, category_names) = months(lang);
    let has_both = now.iter().any(Option::is_some) && before.iter().any(Option::is_some);
    ChartSpec {
        id: format!("ziel-{}-vorjahr", target.id.0),
        title: match (lang, accumulates) {
            (Lang::De, true) => format!("{name}: {year} und {previous} kumuliert"),
            (Lang::De, false) => format!("{name}: {year} und {previous} nach Monaten"),
            (Lang::En, true) => format!("{name}: {year} and {previous}, cumulative"),
            (Lang::En, false) => format!("{name}: {year} and {previous} by month"),
        },
        categories,
        category_names,
        category_header: lang.pick("Monat", "Month").to_owned(),
        unit: indicator.unit,
        decimals: None,
        series: if has_both {
            vec![
                Series {
                    name: year.to_string(),
                    mark: Mark::Line(Dash::Solid),
                    values: now,
                },
                Series {
                    name: previous.to_string(),
                    mark: Mark::Line(Dash::Previous),
                    values: before,
                },
            ]
        } else {
            Vec::new()
        },
        reference: None,
        lang,
    }
}
