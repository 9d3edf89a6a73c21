use super::*;
use crate::core::calendar::{Month, Year};
use crate::domain::agreement::TargetId;
use crate::domain::attainment::evaluate;
use crate::domain::example::odenwaldkreis;
use crate::domain::indicator::IndicatorCode;
use crate::domain::values::{Amount, ValueKey};
use crate::locale::parse_number;

fn y(v: i64) -> Year {
    Year::new(v).unwrap()
}

fn charts_of(ws: &Workspace, year: i64, id: u32, lang: Lang) -> Vec<ChartSpec> {
    let agreement = ws.agreement_for(y(year)).unwrap();
    let result = evaluate(ws, agreement);
    let target = agreement
        .targets
        .iter()
        .find(|t| t.id == TargetId(id))
        .unwrap();
    target_charts(ws, agreement, &result, target, lang)
}

/// Five months of integrations 2022: 300 in total, 120 women, 180 men.
fn five_months() -> Workspace {
    let mut ws = odenwaldkreis();
    let data = [
        (Population::Total, [60.0, 55.0, 60.0, 65.0, 60.0]),
        (Population::Women, [24.0, 22.0, 24.0, 26.0, 24.0]),
        (Population::Men, [36.0, 33.0, 36.0, 39.0, 36.0]),
    ];
    for (population, values) in data {
        for (i, v) in values.into_iter().enumerate() {
            let key = ValueKey {
                indicator: IndicatorCode::new("INT"),
                population,
                year: y(2022),
                month: Month::new(i as i64 + 1),
            };
            ws.values.record(key, Amount::Number(v), None, "");
        }
    }
    ws
}

/// The y pixel of every element drawn in the target colour with the target's width below the legend (the
/// legend shows a sample of the same line).
fn target_line_ys(svg: &str) -> Vec<f64> {
    let mut ys = Vec::new();
    for element in svg.split('<').filter(|e| {
        e.contains("stroke=\"#000000\"")
            && e.contains("stroke-width=\"3\"")
            && e.starts_with("polyline")
    }) {
        let Some(points) = attribute(element, "points") else {
            continue;
        };
        for point in points.split_whitespace() {
            if let Some((_, y)) = point.split_once(',') {
                let y = y.parse::<f64>().unwrap();
                if y > f64::from(svg::LEGEND_HEIGHT) {
                    ys.push(y);
                }
            }
        }
    }
    ys
}

fn attribute<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let start = element.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = element[start..].find('"')? + start;
    Some(&element[start..end])
}

/// The text of every `<text>` element.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            Some(
                t.split_once('>')?
                    .1
                    .split_once("</text")?
                    .0
                    .trim()
                    .to_owned(),
            )
        })
        .collect()
}

/// The y-axis ticks as (pixel, value), read from the labels plotters wrote at the left.
fn ticks(svg: &str) -> Vec<(f64, f64)> {
    svg.split("<text")
        .skip(1)
        .filter(|t| t.contains("text-anchor=\"end\""))
        .filter_map(|t| {
            let y = attribute(t, "y")?.parse::<f64>().ok()?;
            let label = t.split_once('>')?.1.split_once("</text")?.0.trim();
            let label = label.replace("&nbsp;", " ").replace(['%', '€'], "");
            Some((y, parse_number(&label).ok()?))
        })
        .collect()
}

/// The value at pixel `py` by the axis' own labels (linear between the outermost ticks).
fn value_at(svg: &str, py: f64) -> f64 {
    let t = ticks(svg);
    assert!(t.len() >= 3, "y axis labels: {t:?}");
    let (first, last) = (t[0], t[t.len() - 1]);
    first.1 + (py - first.0) * (last.1 - first.1) / (last.0 - first.0)
}

/// The target line lies where the axis says the target value is (within one pixel's worth).
fn assert_target_line(svg: &str, value: f64) {
    let ys = target_line_ys(svg);
    assert!(!ys.is_empty(), "no target line in {svg}");
    assert!(
        ys.iter().all(|&py| py == ys[0]),
        "target line not horizontal: {ys:?}"
    );
    let t = ticks(svg);
    let per_pixel = ((t[t.len() - 1].1 - t[0].1) / (t[t.len() - 1].0 - t[0].0)).abs();
    let read = value_at(svg, ys[0]);
    assert!(
        (read - value).abs() <= per_pixel,
        "target line at {read}, expected {value}"
    );
}

#[test]
fn seed_2021_integrations_annual_figure_against_the_target_of_690() {
    let ws = odenwaldkreis();
    let charts = charts_of(&ws, 2021, 1, Lang::De);
    assert_eq!(charts.len(), 1);
    let c = &charts[0];
    assert_eq!(
        c.title,
        "Integrationen – Insgesamt: Jahreswert 2021 und Vorjahr"
    );
    assert_eq!(c.categories, ["2020", "2021"]);
    assert_eq!(c.series[0].values, [None, Some(718.0)]);
    // Each year's own target: 2020 has no agreement, so no target; 2021's is 690.
    assert_eq!(c.series[1].name, "Ziel");
    assert_eq!(c.series[1].mark, Mark::OutlinedBars);
    assert_eq!(c.series[1].values, [None, Some(690.0)]);
    assert_eq!(c.reference, None);
    let t = table(c);
    assert_eq!(t.headers, ["Jahr", "Ist", "Ziel"]);
    assert_eq!(t.rows, [["2020", "–", "–"], ["2021", "718", "690"]]);
    let svg = svg::render(c).unwrap();
    assert!(target_line_ys(&svg).is_empty(), "no line across both years");
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("<title id=\"ziel-1-verlauf-titel\">Integrationen – Insgesamt: Jahreswert 2021 und Vorjahr. Ist: 718 (2021). Ziel: 690 (2021).</title>"));
}

#[test]
fn seed_2021_long_term_recipients_under_the_cap_of_2030() {
    let ws = odenwaldkreis();
    let c = &charts_of(&ws, 2021, 2, Lang::De)[0];
    assert_eq!(c.series[1].name, "Obergrenze");
    assert_eq!(c.series[1].values, [None, Some(2030.0)]);
    let svg = svg::render(c).unwrap();
    // German grouping on the axis.
    assert!(ticks(&svg).iter().any(|(_, v)| *v >= 1000.0));
    assert!(
        texts(&svg).iter().any(|t| t == "2.000" || t == "1.500"),
        "{svg}"
    );
}

#[test]
fn seed_2022_before_any_value_shows_2021_with_its_own_target_of_690_beside_770() {
    let ws = odenwaldkreis();
    let charts = charts_of(&ws, 2022, 3, Lang::De);
    assert_eq!(
        charts.len(),
        1,
        "no months, no gender values: only the annual comparison"
    );
    let c = &charts[0];
    assert_eq!(c.series[0].values, [Some(718.0), None]);
    // 2021 against its own agreement's 690, 2022 against 770 (not 770 for both years).
    assert_eq!(c.series[1].values, [Some(690.0), Some(770.0)]);
    assert_eq!(
        table(c).rows,
        [["2021", "718", "690"], ["2022", "–", "770"]]
    );
    // The cap of LZB: 2021 said 2.030, 2022 says 2.020.
    let lzb = &charts_of(&ws, 2022, 6, Lang::De)[0];
    assert_eq!(lzb.series[1].values, [Some(2030.0), Some(2020.0)]);
    // The women's part of 2022 had no counterpart in 2021: no target for 2021.
    let women = &charts_of(&ws, 2022, 4, Lang::De)[0];
    assert_eq!(women.series[1].values, [None, Some(308.0)]);
}

#[test]
fn five_months_2022_cumulative_actual_path_and_forecast() {
    let ws = five_months();
    let charts = charts_of(&ws, 2022, 3, Lang::De);
    let ids: Vec<&str> = charts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["ziel-3-verlauf", "ziel-3-geschlecht"]);
    let c = &charts[0];
    assert_eq!(
        c.title,
        "Integrationen – Insgesamt: kumuliertes Ist, Soll-Pfad und Prognose 2022"
    );
    let names: Vec<&str> = c.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Ist kumuliert", "Soll-Pfad", "Prognose"]);
    assert_eq!(c.series[0].values[4], Some(300.0));
    assert_eq!(c.series[0].values[5], None);
    let t = table(c);
    assert_eq!(
        t.headers,
        ["Monat", "Ist kumuliert", "Soll-Pfad", "Prognose", "Ziel"]
    );
    // May: 300 actual, 770 × 5/12 = 320,83 on the path; the forecast starts at the actual.
    assert_eq!(t.rows[4], ["Mai", "300", "321", "300", "770"]);
    // December: linear forecast 300 / 5 × 12 = 720 against 770.
    assert_eq!(t.rows[11], ["Dezember", "–", "770", "720", "770"]);
    let svg = svg::render(c).unwrap();
    assert_target_line(&svg, 770.0);
    assert!(texts(&svg).contains(&"Mär".to_owned()) && texts(&svg).contains(&"Dez".to_owned()));
    assert!(c.description().contains("Prognose: 720 (Dezember)"));

    // Women and men: 120 of 308 × 5/12 = 128,33 and 180 of 462 × 5/12 = 192,5.
    let g = &charts[1];
    assert_eq!(g.categories, ["Frauen", "Männer"]);
    assert_eq!(g.series[0].values, [Some(120.0), Some(180.0)]);
    let t = table(g);
    assert_eq!(t.rows, [["Frauen", "120", "128"], ["Männer", "180", "193"]]);
    assert!(texts(&svg::render(g).unwrap()).contains(&"Männer".to_owned()));
}

#[test]
fn this_year_against_the_previous_year_by_month() {
    let mut ws = five_months();
    for (i, v) in [50.0, 50.0, 55.0].into_iter().enumerate() {
        let key = ValueKey {
            indicator: IndicatorCode::new("INT"),
            population: Population::Total,
            year: y(2021),
            month: Month::new(i as i64 + 1),
        };
        ws.values.record(key, Amount::Number(v), None, "");
    }
    let charts = charts_of(&ws, 2022, 3, Lang::En);
    let c = charts.iter().find(|c| c.id == "ziel-3-vorjahr").unwrap();
    assert_eq!(c.title, "Integrations – Total: 2022 and 2021, cumulative");
    assert_eq!(
        c.series[1].values[..4],
        [Some(50.0), Some(100.0), Some(155.0), None]
    );
    let t = table(c);
    assert_eq!(t.headers, ["Month", "2022", "2021"]);
    assert_eq!(t.rows[2], ["March", "175", "155"]);
    let svg = svg::render(c).unwrap();
    assert!(texts(&svg).contains(&"Mar".to_owned()));
    assert!(
        target_line_ys(&svg).is_empty(),
        "no target line in the comparison"
    );
}

#[test]
fn extreme_values_still_draw_and_return() {
    // Each of these once overflowed the y range to infinity, and plotters never returned.
    let extremes: [&[Option<f64>]; 6] = [
        &[Some(1e308), Some(-1e308)],
        &[Some(f64::MAX), Some(f64::MIN)],
        &[Some(1.795e6), Some(0.0), Some(58.0)],
        &[Some(1e-300), Some(-1e-300)],
        &[Some(f64::NAN), Some(f64::INFINITY), Some(1.0)],
        &[Some(4.2e15), None, Some(4.2e15)],
    ];
    for values in extremes {
        for mark in [Mark::Line(Dash::Solid), Mark::FilledBars] {
            let spec = ChartSpec {
                id: "extrem".into(),
                title: "Extrem".into(),
                categories: (0..values.len()).map(|i| i.to_string()).collect(),
                category_names: (0..values.len()).map(|i| i.to_string()).collect(),
                category_header: "Monat".into(),
                unit: Unit::Percent,
                decimals: None,
                series: vec![Series {
                    name: "Ist".into(),
                    mark,
                    values: values.to_vec(),
                }],
                reference: Some(Reference {
                    name: "Ziel".into(),
                    value: 1e308,
                }),
                lang: Lang::De,
            };
            // A watchdog: a regression fails here within seconds instead of hanging the test run.
            let (send, receive) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let _ = send.send(svg::render(&spec));
            });
            let svg = receive
                .recv_timeout(std::time::Duration::from_secs(20))
                .unwrap_or_else(|_| panic!("{values:?}: the chart did not return"))
                .unwrap_or_else(|| panic!("{values:?} drew nothing"));
            assert!(!svg.contains("inf") && !svg.contains("NaN"), "{values:?}");
        }
    }
}

#[test]
fn text_is_escaped() {
    let mut ws = five_months();
    let agreement = ws
        .agreements
        .iter_mut()
        .find(|a| a.year == y(2022))
        .map(std::sync::Arc::make_mut)
        .unwrap();
    let target = agreement
        .targets
        .iter_mut()
        .find(|t| t.id == TargetId(3))
        .unwrap();
    target.title = "<script>alert(1)</script> & \"Ziel\" <img src=x onerror=alert(2)>".into();
    let charts = charts_of(&ws, 2022, 3, Lang::De);
    for c in &charts {
        let svg = svg::render(c).unwrap();
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("<img"), "{svg}");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Ziel&quot;"));
    }
}

#[test]
fn quota_by_month_with_its_target() {
    let mut ws = odenwaldkreis();
    for (i, (n, d)) in [(40.0, 70.0), (41.0, 70.0), (42.0, 70.0)]
        .into_iter()
        .enumerate()
    {
        let key = ValueKey {
            indicator: IndicatorCode::new("K2E3"),
            population: Population::Total,
            year: y(2022),
            month: Month::new(i as i64 + 1),
        };
        ws.values.record(
            key,
            Amount::Ratio {
                numerator: n,
                denominator: d,
            },
            None,
            "",
        );
    }
    let agreement = ws.agreement_for(y(2022)).unwrap();
    let target = agreement
        .targets
        .iter()
        .find(|t| {
            t.format
                .subject()
                .is_some_and(|s| s.indicator.as_str() == "K2E3")
        })
        .unwrap();
    let result = evaluate(&ws, agreement);
    let charts = target_charts(&ws, agreement, &result, target, Lang::De);
    let c = &charts[0];
    let names: Vec<&str> = c.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Quote im Monat", "Quote bis dahin", "Prognose"]);
    let t = table(c);
    // 40/70 = 57,1 %; Jan–Mar 123/210 = 58,6 %.
    assert_eq!(t.rows[0][1], "57,1\u{a0}%");
    assert_eq!(t.rows[2][2], "58,6\u{a0}%");
    assert_eq!(c.reference.as_ref().map(|r| r.value), Some(58.0));
    assert_target_line(&svg::render(c).unwrap(), 58.0);
}

#[test]
#[ignore = "writes the seed's charts to target/charts for a look"]
fn write_charts_for_review() {
    let mut ws = five_months();
    let mut put = |code: &str, month: i64, amount: Amount| {
        let key = ValueKey {
            indicator: IndicatorCode::new(code),
            population: Population::Total,
            year: y(2022),
            month: Month::new(month),
        };
        ws.values.record(key, amount, None, "");
    };
    for (m, v) in [2050.0, 2040.0, 2010.0, 1995.0].into_iter().enumerate() {
        put("LZB", m as i64 + 1, Amount::Number(v));
    }
    for (m, n) in [40.0, 41.0, 42.0].into_iter().enumerate() {
        put(
            "K2E3",
            m as i64 + 1,
            Amount::Ratio {
                numerator: n,
                denominator: 70.0,
            },
        );
    }
    std::fs::create_dir_all("target/charts").unwrap();
    for (year, id) in [(2021, 1), (2021, 2), (2022, 3), (2022, 6), (2022, 10)] {
        for c in charts_of(&ws, year, id, Lang::De) {
            std::fs::write(
                format!("target/charts/{}-{year}.svg", c.id),
                svg::render(&c).unwrap(),
            )
            .unwrap();
        }
    }
}
