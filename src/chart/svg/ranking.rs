//! Draws a [`Ranking`]: one horizontal bar per job centre with its Ist/Soll written beside it, the types'
//! headings between the groups, and the 100 % line as a thick dashed line down the bars. The drawing grows with
//! the number of job centres (22 px each), so 100 of them stay legible.

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{ACTUAL, FONT, TARGET, WIDTH};
use crate::chart::comparison::{Ranking, no_figure, percent};

const TOP: i32 = 44;
const HEADING: i32 = 28;
const ROW: i32 = 22;
const BOTTOM: i32 = 34;
/// Where the bars end (pixels from the left); they start after the longest name, see [`left`].
const RIGHT: i32 = 640;
/// About the width of a character of the names (16 px in plotters' units, 12.9 px on screen).
const CHAR: f64 = 7.2;
const GRID: RGBColor = RGBColor(0xdd, 0xdd, 0xdd);

/// The drawing's height for `ranking`.
pub fn height(ranking: &Ranking) -> u32 {
    let rows: usize = ranking.groups.iter().map(|g| g.bars.len()).sum();
    let h = TOP as usize
        + ranking.groups.len() * HEADING as usize
        + rows * ROW as usize
        + BOTTOM as usize;
    u32::try_from(h).unwrap_or(u32::MAX)
}

/// The upper end of the scale: at least 120 %, else the largest Ist/Soll rounded up to the next 20.
fn scale(ranking: &Ranking) -> f64 {
    let largest = ranking
        .groups
        .iter()
        .flat_map(|g| &g.bars)
        .filter_map(|b| b.ratio)
        .filter(|r| r.is_finite())
        .fold(0.0f64, f64::max)
        .min(1e6);
    ((largest / 20.0).ceil() * 20.0).max(120.0)
}

/// Where the bars start: after the longest name, between 160 and 400 px (the names end 8 px before).
fn left(ranking: &Ranking) -> i32 {
    let longest = ranking
        .groups
        .iter()
        .flat_map(|g| &g.bars)
        .map(|b| b.name.chars().count())
        .max()
        .unwrap_or(0);
    ((longest as f64 * CHAR).ceil() as i32 + 24).clamp(160, 400)
}

/// The name as it fits before the bars that start at `left` (a longer one ends in "…"; the table has it whole).
fn fitted(name: &str, left: i32) -> String {
    let room = (f64::from(left - 24) / CHAR).round() as usize;
    if name.chars().count() <= room {
        return name.to_owned();
    }
    let mut short: String = name.chars().take(room.saturating_sub(1)).collect();
    short.push('…');
    short
}

/// The ranking as an SVG document; `None` if plotters reports an error (the table still shows the data).
pub fn render(ranking: &Ranking) -> Option<String> {
    let mut out = String::new();
    draw(ranking, &mut out).ok()?;
    Some(decorate(&out, ranking))
}

fn draw(ranking: &Ranking, out: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let h = height(ranking);
    let root = SVGBackend::with_string(out, (WIDTH, h)).into_drawing_area();
    root.fill(&WHITE)?;
    let lang = ranking.lang;
    let top = scale(ranking);
    let left = left(ranking);
    let x_of = |v: f64| left + ((v.clamp(0.0, top) / top) * f64::from(RIGHT - left)).round() as i32;
    let bottom = h as i32 - BOTTOM;
    let text = |size: i32, h: HPos| {
        TextStyle::from((FONT, size).into_font())
            .color(&BLACK)
            .pos(Pos::new(h, VPos::Center))
    };

    // Legend: the bar and the 100 % line.
    root.draw(&Rectangle::new(
        [(left, 10), (left + 16, 24)],
        ACTUAL.filled(),
    ))?;
    root.draw(&Text::new(
        lang.pick("Ist/Soll", "Actual/target"),
        (left + 24, 17),
        text(17, HPos::Left),
    ))?;
    let target = lang.pick("Ziel erreicht (100 %)", "Target met (100 %)");
    root.draw(&DashedPathElement::new(
        vec![(left + 150, 17), (left + 182, 17)],
        12,
        6,
        TARGET.stroke_width(3),
    ))?;
    root.draw(&Text::new(target, (left + 190, 17), text(17, HPos::Left)))?;

    // Grid and scale every 20 points.
    let mut tick = 0.0;
    while tick <= top + 1e-9 {
        let x = x_of(tick);
        root.draw(&PathElement::new(
            vec![(x, TOP), (x, bottom)],
            GRID.stroke_width(1),
        ))?;
        let label = TextStyle::from((FONT, 15).into_font())
            .color(&BLACK)
            .pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(format_tick(tick, lang), (x, bottom + 6), label))?;
        tick += 20.0;
    }

    let mut y = TOP;
    for group in &ranking.groups {
        root.draw(&Text::new(
            group.heading.clone(),
            (8, y + HEADING / 2 + 2),
            TextStyle::from((FONT, 18, FontStyle::Bold).into_font())
                .color(&BLACK)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        y += HEADING;
        for bar in &group.bars {
            let middle = y + ROW / 2;
            root.draw(&Text::new(
                fitted(&bar.name, left),
                (left - 8, middle),
                text(16, HPos::Right),
            ))?;
            match bar.ratio.filter(|r| r.is_finite()) {
                Some(r) => {
                    let end = x_of(r);
                    root.draw(&Rectangle::new(
                        [(left, y + 4), (end.max(left + 1), y + ROW - 4)],
                        ACTUAL.filled(),
                    ))?;
                    // In a column of their own at the right, clear of the bars and the 100 % line.
                    root.draw(&Text::new(
                        percent(r, lang),
                        (WIDTH as i32 - 8, middle),
                        text(16, HPos::Right),
                    ))?;
                }
                None => {
                    root.draw(&Text::new(
                        no_figure(lang),
                        (left + 6, middle),
                        text(16, HPos::Left),
                    ))?;
                }
            }
            y += ROW;
        }
    }

    // The 100 % line over the bars.
    let x = x_of(100.0);
    root.draw(&DashedPathElement::new(
        vec![(x, TOP), (x, bottom)],
        12,
        6,
        TARGET.stroke_width(3),
    ))?;
    root.draw(&PathElement::new(
        vec![(left, TOP), (left, bottom)],
        BLACK.stroke_width(1),
    ))?;
    root.present()?;
    Ok(())
}

/// A scale label: "0 %", "120 %".
fn format_tick(value: f64, lang: crate::locale::Lang) -> String {
    crate::locale::format_percent(value, 0, lang)
}

/// Adds the text alternative and makes the drawing scale (as `super::decorate` does for a [`super::ChartSpec`]).
fn decorate(svg: &str, ranking: &Ranking) -> String {
    super::decorated(svg, &ranking.id, &ranking.description(), height(ranking))
}
