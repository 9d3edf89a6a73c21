//! The comparison's orders: of the types (as the IAB numbers them), and of the lines by any column.

use std::cmp::Ordering;

use super::Line;
use crate::domain::agreement::{Bound, Subject};
use crate::domain::comparison::{TypeCode, median, ranks, standing};
use crate::locale::{Lang, format_percent};
use crate::tr;

/// A column of the comparison, to sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Member,
    Target,
    Actual,
    Deviation,
    Ratio,
    Status,
    Forecast,
    AsOf,
    Rank,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Member,
        Column::Target,
        Column::Actual,
        Column::Deviation,
        Column::Ratio,
        Column::Status,
        Column::Forecast,
        Column::AsOf,
        Column::Rank,
    ];
}

/// Sorts `lines` by `column`, ascending or descending; lines without a figure in that column come last either
/// way, and ties keep the order of the member's name, then of the targets in its agreement.
pub fn sort(lines: &mut [Line], column: Column, descending: bool) {
    // The texts' sort keys once per line, not once per comparison (a Land's "all targets" are 4,500 lines).
    let names: Vec<String> = lines.iter().map(|l| folded(&l.member)).collect();
    let titles: Vec<String> = match column {
        Column::Target => lines.iter().map(|l| folded(&l.title)).collect(),
        _ => Vec::new(),
    };
    let text = |a: usize, b: usize, keys: &[String], raw: fn(&Line) -> &str| {
        let o = keys[a]
            .cmp(&keys[b])
            .then_with(|| raw(&lines[a]).cmp(raw(&lines[b])));
        if descending { o.reverse() } else { o }
    };
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&lines[a].keys, &lines[b].keys);
        let first = match column {
            Column::Member => text(a, b, &names, |l| &l.member),
            Column::Target => text(a, b, &titles, |l| &l.title),
            Column::Actual => by_option(x.actual, y.actual, descending),
            Column::Deviation => by_option(x.deviation, y.deviation, descending),
            Column::Ratio => by_option(x.ratio, y.ratio, descending),
            Column::Status => by_option(x.status, y.status, descending),
            Column::Forecast => by_option(x.forecast, y.forecast, descending),
            Column::AsOf => by_option(x.as_of, y.as_of, descending),
            Column::Rank => by_option(x.rank, y.rank, descending),
        };
        first
            .then_with(|| names[a].cmp(&names[b]))
            .then_with(|| lines[a].member.cmp(&lines[b].member))
            .then_with(|| x.order.cmp(&y.order))
    });
    permute(lines, &order);
}

/// Puts `items` in the order `order` (the new `i`-th is the old `order[i]`), by swaps along its cycles.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut i = start;
        while !placed[i] {
            placed[i] = true;
            let next = order[i];
            if next == start {
                break;
            }
            items.swap(i, next);
            i = next;
        }
    }
}

/// A text's key in German order: case and the umlauts' dots do not count first ("Ärzte" beside "Arbeit"); ties
/// are broken by the text itself.
fn folded(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ä' => 'a',
            'ö' => 'o',
            'ü' => 'u',
            'ß' => 's',
            other => other,
        })
        .collect()
}

/// The order of comparison types as the IAB numbers them: by the Roman numeral, then the letter ("Ia", "Ie",
/// "IIa", "IIIe"); a code of another form after those, by its text; no type last.
pub fn type_order(a: Option<&TypeCode>, b: Option<&TypeCode>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => {
            let (nx, rx) = numeral(x.as_str());
            let (ny, ry) = numeral(y.as_str());
            by_option(nx, ny, false)
                .then_with(|| rx.cmp(ry))
                .then_with(|| x.cmp(y))
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The leading Roman numeral of a code (I … X) and the rest: "IIIe" → (3, "e"); `None` where it has none.
fn numeral(code: &str) -> (Option<u32>, &str) {
    let end = code
        .find(|c: char| !matches!(c, 'I' | 'V' | 'X'))
        .unwrap_or(code.len());
    let (roman, rest) = code.split_at(end);
    let value = match roman {
        "I" => Some(1),
        "II" => Some(2),
        "III" => Some(3),
        "IV" => Some(4),
        "V" => Some(5),
        "VI" => Some(6),
        "VII" => Some(7),
        "VIII" => Some(8),
        "IX" => Some(9),
        "X" => Some(10),
        _ => None,
    };
    match value {
        Some(n) => (Some(n), rest),
        None => (None, code),
    }
}

/// Ranks the lines of one type: per figure (all targets mixes figures), by [`standing`].
pub(super) fn rank_lines(lines: &mut [(Line, Option<Bound>, Option<&Subject>)], lang: Lang) {
    let mut subjects: Vec<&Subject> = lines.iter().filter_map(|(_, _, s)| *s).collect();
    subjects.sort_by(|a, b| {
        (a.indicator.as_str(), a.population).cmp(&(b.indicator.as_str(), b.population))
    });
    subjects.dedup();
    for subject in subjects {
        let at: Vec<usize> = (0..lines.len())
            .filter(|i| lines[*i].2 == Some(subject))
            .collect();
        let standings: Vec<Option<f64>> = at
            .iter()
            .map(|i| {
                let (line, bound, _) = &lines[*i];
                line.keys.ratio.zip(*bound).map(|(r, b)| standing(r, b))
            })
            .collect();
        let ranked = ranks(&standings);
        let of = ranked.iter().flatten().count();
        for (i, rank) in at.into_iter().zip(ranked) {
            if let Some(place) = rank {
                lines[i].0.rank = tr!(lang, "{place} von {of}", "{place} of {of}");
                lines[i].0.keys.rank = Some(place);
                lines[i].0.keys.ranked = Some(of);
            }
        }
    }
}

/// "Median Ist/Soll: 101,5 % (3 Jobcenter)" over the lines with an Ist/Soll; empty where none has one.
pub(super) fn median_text(lines: &[(Line, Option<Bound>, Option<&Subject>)], lang: Lang) -> String {
    let ratios: Vec<f64> = lines.iter().filter_map(|(l, _, _)| l.keys.ratio).collect();
    median(&ratios).map_or_else(String::new, |m| {
        let value = format_percent(m, 1, lang);
        let n = ratios.len();
        let centres = if n == 1 { "job centre" } else { "job centres" };
        tr!(
            lang,
            "Median Ist/Soll: {value} ({n} Jobcenter)",
            "Median actual/target: {value} ({n} {centres})"
        )
    })
}

/// Whether `a` sorts before `b` with missing values last in either direction.
fn by_option<T: PartialOrd>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => {
            let o = x.partial_cmp(&y).unwrap_or(Ordering::Equal);
            if descending { o.reverse() } else { o }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
