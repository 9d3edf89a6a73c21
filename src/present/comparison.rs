//! The comparison of job centres (PRODUCT S10) as the screen, the print and the files show it: for one year and
//! one figure (an indicator and a population), or all targets, one line per job centre and target, grouped by
//! comparison type, with the rank within the type and the type's median Ist/Soll.
//!
//! Each member's year is evaluated once ([`member_year`]: the engine and the overview's formatted row per target);
//! a table of any figure ([`table`]) and its sorting ([`sort`]) then only pick, rank and order what is there, so
//! that choosing another figure or column takes no engine run.

use crate::core::calendar::{Date, Year};
use crate::domain::agreement::{Bound, Subject};
use crate::domain::attainment::{Status, evaluate};
use crate::domain::comparison::{TypeCode, TypeHistory};
use crate::domain::workspace::Workspace;
use crate::locale::{Lang, format_date};
use crate::present::overview::{Row, rows};
use crate::tr;

mod blocks;
mod charts;
pub mod html;
mod order;
mod shown;
#[cfg(test)]
mod tests;
pub mod texts;

pub use blocks::{Block, blocks};
pub use charts::{courses, ranking, ranking_figure};
pub use order::{Column, sort, type_order};
use order::{median_text, rank_lines};
pub use shown::Shown;

/// A job centre taking part: another's workspace read from its file, or the user's own.
pub struct Member<'a> {
    /// The member's key in the member store (its organisation as its file names it).
    pub key: &'a str,
    pub workspace: &'a Workspace,
    pub types: &'a TypeHistory,
    pub own: bool,
}

/// One target of a member's agreement, evaluated.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetFigures {
    pub subject: Option<Subject>,
    pub bound: Option<Bound>,
    pub shown: Shown,
    /// The overview's row: every cell formatted as the member's own overview shows it.
    pub row: Row,
    pub actual: Option<f64>,
    pub deviation: Option<f64>,
    pub ratio: Option<f64>,
    pub forecast: Option<f64>,
    /// Ist/Soll month by month: the actual to date against the target path to date (seasonal where the previous
    /// year allows, else linear), in percent; `None` for months without figures.
    pub course: [Option<f64>; 12],
}

/// A member's year, evaluated once for every table of that year.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberYear {
    pub key: String,
    /// The organisation's name.
    pub name: String,
    pub own: bool,
    /// The comparison type that applies in the year.
    pub kind: Option<TypeCode>,
    /// The agreement's targets in display order; `None`: no agreement for the year.
    pub targets: Option<Vec<TargetFigures>>,
    /// The newest Datenstand of the year's figures.
    pub as_of: Option<Date>,
}

/// Evaluates `member`'s agreement of `year`.
pub fn member_year(member: &Member, year: Year, lang: Lang) -> MemberYear {
    let workspace = member.workspace;
    let evaluated = workspace.agreement_for(year).map(|agreement| {
        let result = evaluate(workspace, agreement);
        let catalogue = workspace.catalogue();
        let targets = rows(agreement, &result, &catalogue, lang)
            .into_iter()
            .filter_map(|row| {
                let target = agreement.targets.iter().find(|t| t.id.0 == row.target_id)?;
                let r = result.result(target.id)?;
                Some(TargetFigures {
                    subject: target.format.subject().cloned(),
                    bound: r.bound,
                    shown: Shown::of(target, r, &catalogue),
                    actual: r.actual,
                    deviation: r.deviation,
                    ratio: r.ratio_percent,
                    forecast: r.forecast.map(|f| f.value),
                    course: course(r),
                    row,
                })
            })
            .collect();
        (targets, result.latest_as_of)
    });
    let (targets, as_of) = match evaluated {
        Some((targets, as_of)) => (Some(targets), as_of),
        None => (None, None),
    };
    MemberYear {
        key: member.key.to_owned(),
        name: workspace.meta().organisation().to_owned(),
        own: member.own,
        kind: member.types.in_year(year).cloned(),
        targets,
        as_of,
    }
}

/// Ist/Soll through each month of `r`.
fn course(r: &crate::domain::attainment::TargetResult) -> [Option<f64>; 12] {
    let mut out = [None; 12];
    for (slot, row) in out.iter_mut().zip(&r.months) {
        let path = row.path_seasonal.or(row.path_linear);
        *slot = match (row.actual_to_date, path) {
            (Some(actual), Some(path)) if path != 0.0 => {
                Some(actual / path * 100.0).filter(|v| v.is_finite())
            }
            _ => None,
        };
    }
    out
}

/// What the table shows: the targets on one figure, or every target.
#[derive(Clone, Debug, PartialEq)]
pub enum Selection {
    Figure(Subject),
    AllTargets,
}

/// One line: a member's target (or, where it has none, the member and the reason in words).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub key: String,
    pub member: String,
    pub own: bool,
    /// The target's title ("Integrationen – Frauen"), or empty where the member has none.
    pub title: String,
    /// The target in the member's own agreed terms: "≥ 770", "≤ 2.020".
    pub target: String,
    /// What the agreement says in its own words where the figures alone could mislead; else empty.
    pub wording: String,
    /// "718", "300 (bis Mai)".
    pub actual: String,
    pub deviation: String,
    /// Ist/Soll: "104,1 %".
    pub ratio: String,
    pub status: Option<Status>,
    pub forecast: String,
    /// The member's newest Datenstand of the year: "31.05.2022", or "–".
    pub as_of: String,
    /// The member's figures are older than the newest of the comparison (by their Datenstand).
    pub older: bool,
    /// Why there is no figure, in words: "Keine Zielvereinbarung 2022", "Kein Ziel zu Integrationen – Frauen".
    pub missing: Option<String>,
    /// Place within the type ("2 von 5"), or "–".
    pub rank: String,
    /// The numbers behind the cells, for sorting.
    pub keys: Keys,
}

/// The numbers a line is sorted by.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Keys {
    pub actual: Option<f64>,
    pub deviation: Option<f64>,
    pub ratio: Option<f64>,
    pub forecast: Option<f64>,
    pub as_of: Option<Date>,
    pub rank: Option<usize>,
    pub status: Option<usize>,
    /// The target's place in its agreement's order (ties of one member keep it).
    pub order: usize,
    /// How many lines of the figure have a place in the type ("2 von 5": 5).
    pub ranked: Option<usize>,
    pub shown: Shown,
}

/// The members of one comparison type.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub kind: Option<TypeCode>,
    /// "Vergleichstyp IIb", "Ohne Vergleichstyp".
    pub heading: String,
    /// "Median Ist/Soll: 101,5 % (3 Jobcenter)"; empty where no line has an Ist/Soll or for all targets.
    pub median: String,
    pub lines: Vec<Line>,
}

/// The comparison for one year and selection.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub groups: Vec<Group>,
    /// The newest Datenstand among the members: "31.05.2022", or "–".
    pub newest: String,
}

/// The figures the members' targets of the year are on, each with its name as the first target on it is titled
/// ("Integrationen – Frauen"), in the order of first appearance.
pub fn figures(members: &[MemberYear]) -> Vec<(Subject, String)> {
    let mut out: Vec<(Subject, String)> = Vec::new();
    for t in members.iter().filter_map(|m| m.targets.as_ref()).flatten() {
        if let Some(s) = &t.subject
            && !out.iter().any(|(o, _)| o == s)
        {
            out.push((s.clone(), t.row.title.clone()));
        }
    }
    out
}

/// The table of `members` (each evaluated for the same year) for `selection`, only the type `only` if given.
pub fn table(
    members: &[MemberYear],
    year: Year,
    selection: &Selection,
    only: Option<&TypeCode>,
    lang: Lang,
) -> Table {
    let newest = members.iter().filter_map(|m| m.as_of).max();
    let mut kinds: Vec<Option<&TypeCode>> = members.iter().map(|m| m.kind.as_ref()).collect();
    kinds.sort_by(|a, b| type_order(*a, *b));
    kinds.dedup();
    let groups = kinds
        .into_iter()
        .filter(|k| only.is_none_or(|o| *k == Some(o)))
        .map(|kind| {
            let mut lines: Vec<(Line, Option<Bound>, Option<&Subject>)> = members
                .iter()
                .filter(|m| m.kind.as_ref() == kind)
                .flat_map(|m| member_lines(m, year, selection, newest, lang))
                .collect();
            rank_lines(&mut lines, lang);
            let median = match selection {
                Selection::AllTargets => String::new(),
                Selection::Figure(_) => median_text(&lines, lang),
            };
            let mut lines: Vec<Line> = lines.into_iter().map(|(line, _, _)| line).collect();
            sort(&mut lines, Column::Member, false);
            Group {
                heading: kind.map_or_else(
                    || {
                        lang.pick("Ohne Vergleichstyp", "Without comparison type")
                            .to_owned()
                    },
                    |k| tr!(lang, "Vergleichstyp {}", "Comparison type {}", k.as_str()),
                ),
                kind: kind.cloned(),
                median,
                lines,
            }
        })
        .collect();
    Table {
        groups,
        newest: newest.map_or_else(|| "–".into(), |d| format_date(d, lang)),
    }
}

/// A member's lines for the selection: one per matching target, or one saying why there is none.
fn member_lines<'m>(
    m: &'m MemberYear,
    year: Year,
    selection: &Selection,
    newest: Option<Date>,
    lang: Lang,
) -> Vec<(Line, Option<Bound>, Option<&'m Subject>)> {
    let as_of = m.as_of.map_or_else(|| "–".into(), |d| format_date(d, lang));
    let older = matches!((m.as_of, newest), (Some(mine), Some(n)) if mine < n);
    let base = Line {
        key: m.key.clone(),
        member: m.name.clone(),
        own: m.own,
        title: String::new(),
        target: "–".into(),
        wording: String::new(),
        actual: "–".into(),
        deviation: "–".into(),
        ratio: "–".into(),
        status: None,
        forecast: "–".into(),
        as_of,
        older,
        missing: None,
        rank: "–".into(),
        keys: Keys {
            as_of: m.as_of,
            ..Keys::default()
        },
    };
    let chosen: Vec<&TargetFigures> = m
        .targets
        .iter()
        .flatten()
        .filter(|t| match selection {
            Selection::AllTargets => true,
            Selection::Figure(s) => t.subject.as_ref() == Some(s),
        })
        .collect();
    if chosen.is_empty() {
        let missing = match (&m.targets, selection) {
            (None, _) => tr!(
                lang,
                "Keine Zielvereinbarung {year}",
                "No target agreement {year}"
            ),
            (Some(_), Selection::Figure(s)) => {
                let figure = s.indicator.as_str();
                let group = s.population.label(lang);
                tr!(
                    lang,
                    "Kein Ziel zu {figure} ({group}) {year}",
                    "No target on {figure} ({group}) in {year}"
                )
            }
            (Some(_), Selection::AllTargets) => {
                tr!(lang, "Keine Ziele {year}", "No targets in {year}")
            }
        };
        let line = Line {
            missing: Some(missing),
            ..base
        };
        return vec![(line, None, None)];
    }
    chosen
        .into_iter()
        .enumerate()
        .map(|(order, t)| {
            let line = Line {
                title: t.row.title.clone(),
                target: t.row.target.clone(),
                wording: t.row.wording.clone(),
                actual: t.row.actual.clone(),
                deviation: t.row.deviation.clone(),
                ratio: t.row.ratio.clone(),
                status: Some(t.row.status),
                forecast: t.row.forecast.clone(),
                keys: Keys {
                    actual: t.actual,
                    deviation: t.deviation,
                    ratio: t.ratio,
                    forecast: t.forecast,
                    status: Status::ALL.iter().position(|s| *s == t.row.status),
                    order,
                    shown: t.shown,
                    ..base.keys.clone()
                },
                ..base.clone()
            };
            (line, t.bound, t.subject.as_ref())
        })
        .collect()
}
