//! Which of the grid's columns are rendered (issue 22): the columns in view of the grid's frame and a few beside
//! them, and in place of the columns before and after them one gap each, as wide as they are.
//! Everything here works in the frame's pixels as the page measures them; the page only reads the scroll position
//! and the widths and writes what these functions return.

use std::ops::Range;

use super::At;

/// Columns rendered on either side of those in view, so that a short scroll or an arrow key finds its column
/// already there.
pub const OVERSCAN: usize = 2;

/// A year with no more columns than this renders them all (a job centre's usual year: the example has 21): what
/// is not in view costs little there, and nothing needs to be scrolled in.
pub const ALL_UP_TO: usize = 40;

/// Columns rendered before the frame has been measured (a first paint of the grid): as many as a wide screen shows.
pub const FIRST_PAINT: usize = 16;

/// What one row of the grid renders, left to right after the row header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    /// The column with this index (into the year's columns).
    Column(usize),
    /// In the first header row: the name of the indicator of `span` rendered columns from column `first` on.
    Group { first: usize, span: usize },
    /// `count` columns from `from` on, not rendered: one empty cell as wide as they are.
    Gap { from: usize, count: usize },
}

/// The frame of the grid as measured on the page, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// How far the frame is scrolled to the right (`scrollLeft`).
    pub scroll: f64,
    /// The width of the frame's view (`clientWidth`), the row headers included.
    pub width: f64,
    /// The width of the row headers ("Monat"), which stay in view (sticky) and so hide the columns behind them.
    pub header: f64,
    /// The width of one column.
    pub column: f64,
}

impl Frame {
    /// The width in which columns can be seen: the view less the row headers.
    fn view(&self) -> f64 {
        (self.width - self.header).max(0.0)
    }
}

/// The columns in view of `frame` (of `n` columns), with [`OVERSCAN`] columns on either side.
pub fn in_view(n: usize, frame: &Frame) -> Range<usize> {
    if n <= ALL_UP_TO {
        return 0..n;
    }
    let measured = frame.column.is_finite() && frame.column > 0.0;
    if !measured || !frame.scroll.is_finite() || !frame.width.is_finite() {
        return 0..n.min(FIRST_PAINT);
    }
    let scroll = frame.scroll.max(0.0);
    // Column c covers [c·w, (c+1)·w) behind the row headers; in view is [scroll, scroll + view).
    let first = (scroll / frame.column).floor() as usize;
    let end = ((scroll + frame.view()) / frame.column).ceil() as usize;
    let first = first.saturating_sub(OVERSCAN).min(n - 1);
    let end = end.saturating_add(OVERSCAN).clamp(first + 1, n);
    first..end
}

/// The columns rendered before the frame is measured: [`FIRST_PAINT`] columns from 0, or around `wanted` (a cell
/// link's column) so that it is there to take the focus.
pub fn first_paint(n: usize, wanted: Option<usize>) -> Range<usize> {
    if n <= ALL_UP_TO {
        return 0..n;
    }
    let span = n.min(FIRST_PAINT);
    let first = wanted.map_or(0, |c| c.min(n.saturating_sub(1)).saturating_sub(span / 2));
    let first = first.min(n - span);
    first..first + span
}

/// The slots of a row: the columns of `range`, and one gap for the columns before it and one for those after.
pub fn slots(n: usize, range: Range<usize>) -> Vec<Slot> {
    let (first, end) = (range.start.min(n), range.end.min(n));
    let mut out = Vec::with_capacity(end.saturating_sub(first) + 2);
    if first > 0 {
        out.push(Slot::Gap {
            from: 0,
            count: first,
        });
    }
    out.extend((first..end).map(Slot::Column));
    if end.max(first) < n {
        let from = end.max(first);
        out.push(Slot::Gap {
            from,
            count: n - from,
        });
    }
    out
}

/// The first header row over `slots`, given the indicator name of every column (`names[c]`): consecutive
/// rendered columns of one indicator share one [`Slot::Group`], so a name stands over the part of its group in view.
pub fn header_slots(names: &[&str], slots: &[Slot]) -> Vec<Slot> {
    let name = |c: usize| names.get(c).copied().unwrap_or_default();
    let mut out: Vec<Slot> = Vec::with_capacity(slots.len());
    for slot in slots {
        match (*slot, out.last_mut()) {
            (Slot::Column(c), Some(Slot::Group { first, span }))
                if *first + *span == c && name(*first) == name(c) =>
            {
                *span += 1;
            }
            (Slot::Column(c), _) => out.push(Slot::Group { first: c, span: 1 }),
            (other, _) => out.push(other),
        }
    }
    out
}

/// The scroll position that brings column `c` wholly into view of `frame` (beside the row headers), or `None`
/// where it is in view already.
pub fn scroll_to_show(c: usize, frame: &Frame) -> Option<f64> {
    if frame.column.is_nan() || frame.column <= 0.0 {
        return None;
    }
    let left = c as f64 * frame.column;
    let right = left + frame.column;
    if left < frame.scroll {
        Some(left)
    } else if right > frame.scroll + frame.view() {
        // A column wider than the view shows its left edge.
        Some((right - frame.view()).min(left).max(0.0))
    } else {
        None
    }
}

/// Where Tab (or Shift+Tab with `back`) goes from `at` in a grid of `rows` × `cols`: along the row, then to the
/// next row's first (or the previous row's last) column, as the browser's own order of the inputs was; `None` at
/// the grid's end, where the browser's Tab leaves the grid.
pub fn tab_target(at: At, rows: usize, cols: usize, back: bool) -> Option<At> {
    let (r, c) = at;
    if rows == 0 || cols == 0 {
        return None;
    }
    if back {
        match (r, c) {
            (_, c) if c > 0 => Some((r, c - 1)),
            (0, _) => None,
            _ => Some((r - 1, cols - 1)),
        }
    } else if c + 1 < cols {
        Some((r, c + 1))
    } else if r + 1 < rows {
        Some((r + 1, 0))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The large workspace's grid on a 1280 px page: 120 columns of 105 px behind 177 px of row headers, a frame
    /// 1230 px wide.
    fn frame(scroll: f64) -> Frame {
        Frame {
            scroll,
            width: 1230.0,
            header: 177.0,
            column: 105.0,
        }
    }

    #[test]
    fn the_columns_in_view_and_two_on_either_side() {
        // (1230 − 177) / 105 = 10.03: columns 0 to 10 are (partly) in view; with two more: 0..13.
        assert_eq!(in_view(120, &frame(0.0)), 0..13);
        // Scrolled by 1,000 px: column 9 (945–1050) to column 19 (1995–2100, partly) → 7..22.
        assert_eq!(in_view(120, &frame(1000.0)), 7..22);
        // At the right end (scrollWidth 12,777 − 1,230 = 11,547): columns 109.97 … → 107..120.
        assert_eq!(in_view(120, &frame(11_547.0)), 107..120);
        // Fewer columns than the view holds: all of them.
        assert_eq!(in_view(5, &frame(0.0)), 0..5);
        // Up to 40 columns (the example's year has 21) all are rendered, wherever the frame is scrolled; from 41 on
        // those in view.
        assert_eq!(in_view(40, &frame(1000.0)), 0..40);
        assert_eq!(in_view(41, &frame(1000.0)), 7..22);
        assert_eq!(first_paint(40, Some(39)), 0..40);
        assert_eq!(in_view(0, &frame(0.0)), 0..0);
    }

    #[test]
    fn an_unmeasured_frame_renders_the_first_paint() {
        let unmeasured = Frame {
            scroll: 0.0,
            width: 0.0,
            header: 0.0,
            column: 0.0,
        };
        assert_eq!(in_view(120, &unmeasured), 0..16);
        assert_eq!(
            in_view(
                120,
                &Frame {
                    column: f64::NAN,
                    ..frame(0.0)
                }
            ),
            0..16
        );
        assert_eq!(first_paint(120, None), 0..16);
        // A link to column 100 renders 92..108; to column 3, 0..16; to the last, 104..120.
        assert_eq!(first_paint(120, Some(100)), 92..108);
        assert_eq!(first_paint(120, Some(3)), 0..16);
        assert_eq!(first_paint(120, Some(119)), 104..120);
        assert_eq!(first_paint(9, Some(8)), 0..9);
    }

    #[test]
    fn slots_put_one_gap_for_the_columns_before_and_one_for_those_after() {
        use Slot::{Column, Gap};
        assert_eq!(
            slots(120, 7..10),
            vec![
                Gap { from: 0, count: 7 },
                Column(7),
                Column(8),
                Column(9),
                Gap {
                    from: 10,
                    count: 110
                },
            ]
        );
        assert_eq!(slots(4, 0..4), (0..4).map(Column).collect::<Vec<_>>());
        assert_eq!(
            slots(5, 3..5),
            vec![Gap { from: 0, count: 3 }, Column(3), Column(4)]
        );
        // A range beyond the columns (a year with fewer columns than before) is cut to them.
        assert_eq!(slots(3, 2..9), vec![Gap { from: 0, count: 2 }, Column(2)]);
        assert_eq!(slots(0, 0..0), Vec::<Slot>::new());
    }

    #[test]
    fn a_name_stands_over_the_part_of_its_group_in_view() {
        // Three indicators of three columns each; columns 2 to 6 rendered.
        let names = [
            "Integrationen",
            "Integrationen",
            "Integrationen",
            "LZB",
            "LZB",
            "LZB",
            "ELB",
            "ELB",
            "ELB",
        ];
        assert_eq!(
            header_slots(&names, &slots(9, 2..7)),
            vec![
                Slot::Gap { from: 0, count: 2 },
                Slot::Group { first: 2, span: 1 },
                Slot::Group { first: 3, span: 3 },
                Slot::Group { first: 6, span: 1 },
                Slot::Gap { from: 7, count: 2 },
            ]
        );
        // Two indicators of one name side by side (as a catalogue may have) stay one cell.
        assert_eq!(
            header_slots(&["A", "A"], &slots(2, 0..2)),
            vec![Slot::Group { first: 0, span: 2 }]
        );
        assert_eq!(header_slots(&[], &[]), Vec::<Slot>::new());
    }

    #[test]
    fn scrolling_brings_a_column_wholly_into_view() {
        // Column 12 (1260–1365) beyond the view of 1053 px: scrolled to 1365 − 1053 = 312.
        assert_eq!(scroll_to_show(12, &frame(0.0)), Some(312.0));
        // Column 3 (315–420) left of a view scrolled to 1000: scrolled to 315.
        assert_eq!(scroll_to_show(3, &frame(1000.0)), Some(315.0));
        // In view already.
        assert_eq!(scroll_to_show(5, &frame(0.0)), None);
        assert_eq!(scroll_to_show(9, &frame(0.0)), None);
        // Column 10 (1050–1155) is partly hidden: 1155 − 1053 = 102.
        assert_eq!(scroll_to_show(10, &frame(0.0)), Some(102.0));
    }

    #[test]
    fn tab_goes_along_the_row_then_to_the_next() {
        assert_eq!(tab_target((0, 0), 13, 120, false), Some((0, 1)));
        assert_eq!(tab_target((0, 119), 13, 120, false), Some((1, 0)));
        assert_eq!(tab_target((12, 119), 13, 120, false), None);
        assert_eq!(tab_target((1, 0), 13, 120, true), Some((0, 119)));
        assert_eq!(tab_target((1, 5), 13, 120, true), Some((1, 4)));
        assert_eq!(tab_target((0, 0), 13, 120, true), None);
        assert_eq!(tab_target((0, 0), 0, 0, false), None);
    }
}
