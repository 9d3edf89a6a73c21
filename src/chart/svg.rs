//! Draws a [`ChartSpec`] to an SVG string with plotters' SVG backend: categories along x (drawn by us, so that
//! they sit under the points and bars), plotters' y axis with de-DE or English labels, a legend above the plot
//! that shows each series' dash pattern, and the target as a thick dashed line with its value written at the
//! right. The SVG carries `role="img"`, an `aria-label` and a `<title>`: the text alternative.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{ChartSpec, Dash, Mark};

pub mod members;
pub mod ranking;
use crate::domain::indicator::Unit;
use crate::domain::names::{format_value, format_value_at};
use crate::locale::{Lang, format_decimal, format_percent};

/// Drawing size in pixels (the SVG scales with its container through its viewBox).
pub const WIDTH: u32 = 720;
pub const HEIGHT: u32 = 340;
pub const LEGEND_HEIGHT: u32 = 44;
const FONT: &str = "sans-serif";

/// Colours: dark enough for 4.5:1 on white; the patterns, not the colours, carry the meaning.
pub const ACTUAL: RGBColor = RGBColor(0x1f, 0x4e, 0x79);
pub const PATH: RGBColor = RGBColor(0x20, 0x20, 0x20);
pub const FORECAST: RGBColor = RGBColor(0x9a, 0x3d, 0x00);
pub const RUNNING: RGBColor = RGBColor(0x2e, 0x6b, 0x30);
pub const PREVIOUS: RGBColor = RGBColor(0x6b, 0x6b, 0x6b);
/// The target line; no series uses this colour, so tests can find the line.
pub const TARGET: RGBColor = RGBColor(0x00, 0x00, 0x00);
const GRID: RGBColor = RGBColor(0xdd, 0xdd, 0xdd);

fn colour(mark: Mark) -> RGBColor {
    match mark {
        Mark::Line(Dash::Solid) | Mark::FilledBars | Mark::OutlinedBars => ACTUAL,
        Mark::Line(Dash::Dashed) => PATH,
        Mark::Line(Dash::Dotted) => FORECAST,
        Mark::Line(Dash::DashDot) => RUNNING,
        Mark::Line(Dash::Previous) => PREVIOUS,
        Mark::Member(k) => members::style(k).0,
    }
}

/// Axis label of a value: counts grouped, percentages with one decimal.
fn axis_label(unit: Unit, value: f64, lang: Lang) -> String {
    match unit {
        Unit::Percent => format_percent(value, 1, lang),
        Unit::Euro => format_value(unit, value, lang),
        Unit::Count | Unit::Persons if value.fract().abs() > 1e-9 => format_decimal(value, 1, lang),
        Unit::Count | Unit::Persons => format_value(unit, value, lang),
    }
}

/// Escapes text for an SVG attribute or element.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The y range. Bars stand on zero. Lines of levels (stocks, quotas) get a range around their values and the
/// target, so that a cap of 2.020 and months near 2.000 do not melt into one line at the top; a range that
/// would reach below zero for non-negative values starts at zero (cumulative flows do).
fn y_range(spec: &ChartSpec) -> (f64, f64) {
    let values = spec
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten().copied())
        .chain(spec.reference.as_ref().map(|r| r.value));
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !lo.is_finite() || !hi.is_finite() {
        return (0.0, 1.0);
    }
    let bars = spec
        .series
        .iter()
        .any(|s| matches!(s.mark, Mark::FilledBars | Mark::OutlinedBars));
    let (lo, hi) = if bars {
        (lo.min(0.0), hi.max(0.0))
    } else {
        (lo, hi)
    };
    let span = (hi - lo).max(hi.abs() * 0.02).max(1.0);
    let mut bottom = lo - span * 0.25;
    if lo >= 0.0 && (bottom < 0.0 || bars) {
        bottom = 0.0;
    }
    let top = hi + span * 0.15;
    if bottom.is_finite() && top.is_finite() && top > bottom {
        (bottom, top)
    } else {
        (0.0, 1.0)
    }
}

/// The largest magnitude a chart draws: far above any figure the doors let in (see
/// `domain::indicator::plausible_limit`), far below where a span or a tick computation overflows.
const DRAWABLE: f64 = 1e15;

/// The spec with every value a finite number within ±[`DRAWABLE`]; what is not finite is left out.
fn tamed(spec: &ChartSpec) -> ChartSpec {
    let tame = |v: f64| v.is_finite().then(|| v.clamp(-DRAWABLE, DRAWABLE));
    let mut out = spec.clone();
    for s in &mut out.series {
        for v in &mut s.values {
            *v = v.and_then(tame);
        }
    }
    out.reference = spec
        .reference
        .as_ref()
        .and_then(|r| tame(r.value).map(|value| super::Reference { value, ..r.clone() }));
    out
}

/// The chart as an SVG document; `None` if plotters reports an error (the table still shows the data). Total:
/// any input, however extreme, gives a finite range and returns.
pub fn render(spec: &ChartSpec) -> Option<String> {
    let spec = tamed(spec);
    let mut out = String::new();
    draw(&spec, &mut out).ok()?;
    Some(decorate(&out, &spec))
}

fn draw(spec: &ChartSpec, out: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(out, (WIDTH, height(spec))).into_drawing_area();
    root.fill(&WHITE)?;
    let (legend, plot) = root.split_vertically(legend_places(spec).1);
    draw_legend(spec, &legend)?;

    let n = spec.categories.len().max(1);
    let (y0, y1) = y_range(spec);
    let mut chart = ChartBuilder::on(&plot)
        .margin_left(8)
        .margin_right(140)
        .margin_top(6)
        .margin_bottom(4)
        .x_label_area_size(26)
        .y_label_area_size(86)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), y0..y1)?;
    let lang = spec.lang;
    let unit = spec.unit;
    let y_format = move |v: &f64| axis_label(unit, *v, lang);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&y_format)
        .label_style((FONT, 17).into_font().color(&BLACK))
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(BLACK)
        .draw()?;

    // Category labels under their points.
    let label_style = TextStyle::from((FONT, 17).into_font())
        .color(&BLACK)
        .pos(Pos::new(HPos::Center, VPos::Top));
    for (i, category) in spec.categories.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(i as f64, y0));
        root.draw(&Text::new(
            category.clone(),
            (x, y + 6),
            label_style.clone(),
        ))?;
    }

    // Bars: grouped within each category.
    let bar_series: Vec<_> = spec
        .series
        .iter()
        .filter(|s| matches!(s.mark, Mark::FilledBars | Mark::OutlinedBars))
        .collect();
    let group = 0.7;
    let width = group / bar_series.len().max(1) as f64;
    for (k, s) in bar_series.iter().enumerate() {
        let c = colour(s.mark);
        let style = match s.mark {
            Mark::FilledBars => c.filled(),
            _ => c.stroke_width(2),
        };
        chart.draw_series(s.values.iter().enumerate().filter_map(|(i, v)| {
            let v = (*v)?;
            let left = i as f64 - group / 2.0 + k as f64 * width + 0.02;
            let right = left + width - 0.04;
            Some(Rectangle::new([(left, 0.0f64.max(y0)), (right, v)], style))
        }))?;
    }

    // Lines, split where a month has no value.
    for s in &spec.series {
        if let Mark::Member(k) = s.mark {
            members::draw_runs(&mut chart, runs(&s.values), k)?;
            continue;
        }
        let Mark::Line(dash) = s.mark else { continue };
        let c = colour(s.mark);
        for run in runs(&s.values) {
            match dash {
                Dash::Solid => {
                    chart.draw_series(LineSeries::new(run.clone(), c.stroke_width(3)))?;
                    chart.draw_series(
                        run.iter().map(|&(x, y)| Circle::new((x, y), 4, c.filled())),
                    )?;
                }
                Dash::Dashed => {
                    chart.draw_series(DashedLineSeries::new(run, 10, 6, c.stroke_width(2)))?;
                }
                Dash::Previous => {
                    chart.draw_series(DashedLineSeries::new(run, 6, 4, c.stroke_width(2)))?;
                }
                Dash::Dotted => {
                    chart.draw_series(DashedLineSeries::new(run, 3, 5, c.stroke_width(3)))?;
                }
                Dash::DashDot => {
                    chart.draw_series(DashedLineSeries::new(run, 14, 4, c.stroke_width(2)))?;
                    // The dots between the dashes: small markers on the points.
                }
            }
        }
    }

    // The target: a thick dashed line across, its value at the right end.
    if let Some(r) = &spec.reference {
        let left = -0.5;
        let right = n as f64 - 0.5;
        chart.draw_series(DashedLineSeries::new(
            vec![(left, r.value), (right, r.value)],
            12,
            6,
            TARGET.stroke_width(3),
        ))?;
        let (x, y) = chart.backend_coord(&(right, r.value));
        root.draw(&Text::new(
            format!(
                "{} {}",
                r.name,
                format_value_at(spec.unit, r.value, spec.decimals, spec.lang)
            ),
            (x + 6, y),
            TextStyle::from((FONT, 16).into_font())
                .color(&BLACK)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    root.present()?;
    Ok(())
}

/// Contiguous stretches of values as (x, y) points.
fn runs(values: &[Option<f64>]) -> Vec<Vec<(f64, f64)>> {
    let mut runs = Vec::new();
    let mut current = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => current.push((i as f64, *v)),
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// A legend entry: its name, its sample (`None`: the target line) and where it stands.
type Place = (String, Option<Mark>, i32, i32);

/// The legend's entries with their places, in rows across the top, and the height the rows take (at least
/// [`LEGEND_HEIGHT`]).
fn legend_places(spec: &ChartSpec) -> (Vec<Place>, u32) {
    let mut entries: Vec<(String, Option<Mark>)> = spec
        .series
        .iter()
        .map(|s| (s.name.clone(), Some(s.mark)))
        .collect();
    if let Some(r) = &spec.reference {
        entries.push((r.name.clone(), None));
    }
    let (mut x, mut y) = (96i32, 12i32);
    let mut places = Vec::with_capacity(entries.len());
    for (name, mark) in entries {
        // About 7.5 px per character at 13.7 px (plotters writes 17 / 1.24): enough to keep entries apart.
        let width = 40 + (name.chars().count() as i32 * 15) / 2 + 18;
        if x + width > WIDTH as i32 - 8 && x > 96 {
            x = 96;
            y += 20;
        }
        places.push((name, mark, x, y));
        x += width;
    }
    let height = u32::try_from(y + 12)
        .unwrap_or(LEGEND_HEIGHT)
        .max(LEGEND_HEIGHT);
    (places, height)
}

/// The drawing's height: [`HEIGHT`], and more where the legend needs more rows.
pub fn height(spec: &ChartSpec) -> u32 {
    HEIGHT - LEGEND_HEIGHT + legend_places(spec).1
}

/// The legend: a sample of each series' pattern and its name, in rows across the top.
fn draw_legend(
    spec: &ChartSpec,
    area: &DrawingArea<SVGBackend<'_>, Shift>,
) -> Result<(), Box<dyn std::error::Error>> {
    let style = TextStyle::from((FONT, 17).into_font())
        .color(&BLACK)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for (name, mark, x, y) in legend_places(spec).0 {
        let sample = vec![(x, y), (x + 32, y)];
        match mark {
            Some(Mark::Member(k)) => members::sample(area, x, y, k)?,
            Some(Mark::Line(Dash::Solid)) => {
                area.draw(&PathElement::new(sample, ACTUAL.stroke_width(3)))?;
                area.draw(&Circle::new((x + 16, y), 4, ACTUAL.filled()))?;
            }
            Some(Mark::Line(dash)) => {
                let (size, gap, w) = match dash {
                    Dash::Dashed => (10, 6, 2),
                    Dash::Previous => (6, 4, 2),
                    Dash::Dotted => (3, 5, 3),
                    _ => (14, 4, 2),
                };
                area.draw(&DashedPathElement::new(
                    sample,
                    size,
                    gap,
                    colour(Mark::Line(dash)).stroke_width(w),
                ))?;
            }
            Some(m @ (Mark::FilledBars | Mark::OutlinedBars)) => {
                let style = if m == Mark::FilledBars {
                    ACTUAL.filled()
                } else {
                    ACTUAL.stroke_width(2)
                };
                area.draw(&Rectangle::new([(x + 8, y - 7), (x + 24, y + 7)], style))?;
            }
            None => {
                area.draw(&DashedPathElement::new(
                    sample,
                    12,
                    6,
                    TARGET.stroke_width(3),
                ))?;
            }
        }
        area.draw(&Text::new(name, (x + 40, y), style.clone()))?;
    }
    Ok(())
}

/// Adds the text alternative and makes the drawing scale: `role="img"`, `aria-label`, `<title>`, a viewBox
/// and a width of 100 %.
fn decorate(svg: &str, spec: &ChartSpec) -> String {
    decorated(svg, &spec.id, &spec.description(), height(spec))
}

/// `svg` with the text alternative `description` as its title and a viewBox `WIDTH` × `height`.
fn decorated(svg: &str, id: &str, description: &str, height: u32) -> String {
    let description = escape(description);
    let id = escape(id);
    let Some(start) = svg.find("<svg") else {
        return svg.to_owned();
    };
    let Some(end) = svg[start..].find('>').map(|e| start + e) else {
        return svg.to_owned();
    };
    let head = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" \
         preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-labelledby=\"{id}-titel\" \
         class=\"diagramm\"><title id=\"{id}-titel\">{description}</title>"
    );
    format!("{head}{}", &svg[end + 1..])
}
