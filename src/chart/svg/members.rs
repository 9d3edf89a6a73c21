//! The lines of several job centres in one chart (the comparison's course of the year): each member told apart
//! by its marker's shape and its line's dash, not by colour alone (the colour only helps).

use plotters::coord::CoordTranslate;
use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::element::{DashedPathElement, EmptyElement};
use plotters::prelude::*;

/// Colours of the members' lines, each at least 4.5:1 on white.
const COLOURS: [RGBColor; 5] = [
    super::ACTUAL,
    super::FORECAST,
    super::RUNNING,
    RGBColor(0x6a, 0x1b, 0x9a),
    super::PATH,
];

/// The marker of the `k`-th member: circle, triangle, square, cross, in turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Triangle,
    Square,
    Cross,
}

/// How the `k`-th member's line is drawn: its colour, its marker, and its dash (`None`: solid).
pub fn style(k: u8) -> (RGBColor, Shape, Option<(u32, u32)>) {
    let shape = [Shape::Circle, Shape::Triangle, Shape::Square, Shape::Cross][usize::from(k % 4)];
    let dash = [None, Some((10, 6)), Some((3, 5))][usize::from((k / 4) % 3)];
    (COLOURS[usize::from(k % 5)], shape, dash)
}

/// Draws the marker `shape` at `at` (the area's coordinates).
fn marker<CT>(
    area: &DrawingArea<SVGBackend<'_>, CT>,
    at: CT::From,
    shape: Shape,
    colour: RGBColor,
) -> Result<(), Box<dyn std::error::Error>>
where
    CT: CoordTranslate,
    CT::From: Clone + 'static,
{
    let r = 5;
    let at = EmptyElement::at(at);
    match shape {
        Shape::Circle => area.draw(&(at + Circle::new((0, 0), r, colour.filled())))?,
        Shape::Triangle => {
            area.draw(&(at + TriangleMarker::new((0, 0), r + 1, colour.filled())))?
        }
        Shape::Square => {
            area.draw(&(at + Rectangle::new([(-r + 1, -r + 1), (r - 1, r - 1)], colour.filled())))?
        }
        Shape::Cross => area.draw(&(at + Cross::new((0, 0), r, colour.stroke_width(3))))?,
    }
    Ok(())
}

/// Draws the `k`-th member's runs of points on `chart`.
pub fn draw_runs(
    chart: &mut ChartContext<'_, SVGBackend<'_>, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    runs: Vec<Vec<(f64, f64)>>,
    k: u8,
) -> Result<(), Box<dyn std::error::Error>> {
    let (colour, shape, dash) = style(k);
    for run in runs {
        match dash {
            None => {
                chart.draw_series(LineSeries::new(run.clone(), colour.stroke_width(2)))?;
            }
            Some((size, gap)) => {
                chart.draw_series(DashedLineSeries::new(
                    run.clone(),
                    size,
                    gap,
                    colour.stroke_width(2),
                ))?;
            }
        }
        for point in run {
            marker(chart.plotting_area(), point, shape, colour)?;
        }
    }
    Ok(())
}

/// The legend's sample of the `k`-th member at (`x`, `y`): the line 32 px long with its marker in the middle.
pub fn sample(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    x: i32,
    y: i32,
    k: u8,
) -> Result<(), Box<dyn std::error::Error>> {
    let (colour, shape, dash) = style(k);
    let line = vec![(x, y), (x + 32, y)];
    match dash {
        None => area.draw(&PathElement::new(line, colour.stroke_width(2)))?,
        Some((size, gap)) => area.draw(&DashedPathElement::new(
            line,
            size,
            gap,
            colour.stroke_width(2),
        ))?,
    }
    marker(area, (x + 16, y), shape, colour)?;
    Ok(())
}
