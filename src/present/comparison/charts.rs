//! The comparison's charts for one figure: Ist/Soll per job centre, grouped by type with each type's best first,
//! and per type the course of the year, Ist/Soll through each month. Drawn by `chart::comparison`.

use crate::chart::comparison::{Bar, BarGroup, Ranking, year_course};
use crate::chart::svg::ranking;
use crate::core::calendar::Year;
use crate::domain::agreement::Subject;
use crate::locale::Lang;
use crate::present::report::{Figure, figure};
use crate::tr;

use super::{MemberYear, Table};

/// A job centre's name in a chart, marked where it is the user's own workspace.
fn name(member: &str, own: bool, lang: Lang) -> String {
    if own {
        format!(
            "{member}{}",
            lang.pick(" (Ihr Arbeitsbereich)", " (your workspace)")
        )
    } else {
        member.to_owned()
    }
}

/// Ist/Soll per job centre of `table` (a table of one figure, named `figure`), grouped as the table is, each
/// type's job centres by rank (those without a figure last, in words).
pub fn ranking(table: &Table, figure: &str, year: Year, lang: Lang) -> Ranking {
    let groups = table
        .groups
        .iter()
        .map(|g| {
            let mut lines: Vec<_> = g.lines.iter().collect();
            lines.sort_by(|a, b| {
                let rank = |l: &super::Line| l.keys.rank.unwrap_or(usize::MAX);
                rank(a)
                    .cmp(&rank(b))
                    .then_with(|| a.member.to_lowercase().cmp(&b.member.to_lowercase()))
            });
            BarGroup {
                heading: g.heading.clone(),
                bars: lines
                    .into_iter()
                    .map(|l| Bar {
                        name: name(&l.member, l.own, lang),
                        ratio: l.missing.is_none().then_some(l.keys.ratio).flatten(),
                    })
                    .collect(),
            }
        })
        .collect();
    Ranking {
        id: "vergleich-ist-soll".into(),
        title: tr!(
            lang,
            "Ist/Soll je Jobcenter: {figure} {year}",
            "Actual/target per job centre: {figure} {year}"
        ),
        groups,
        lang,
    }
}

/// The ranking as placed on screen and in print.
pub fn ranking_figure(r: &Ranking) -> Figure {
    Figure {
        id: r.id.clone(),
        title: r.title.clone(),
        svg: ranking::render(r),
        table: r.table(),
    }
}

/// Per group of `table` the course of the year of its job centres on `subject` (named `figure`): Ist/Soll through
/// each month. Groups without any monthly figure are left out.
pub fn courses(
    table: &Table,
    members: &[MemberYear],
    subject: &Subject,
    figure_name: &str,
    year: Year,
    lang: Lang,
) -> Vec<Figure> {
    table
        .groups
        .iter()
        .enumerate()
        .filter_map(|(i, g)| {
            let mut lines: Vec<(String, [Option<f64>; 12])> = members
                .iter()
                .filter(|m| m.kind == g.kind)
                .filter_map(|m| {
                    let t = m
                        .targets
                        .iter()
                        .flatten()
                        .find(|t| t.subject.as_ref() == Some(subject))?;
                    Some((name(&m.name, m.own, lang), t.course))
                })
                .collect();
            lines.sort_by_key(|(n, _)| n.to_lowercase());
            if !lines.iter().any(|(_, c)| c.iter().any(Option::is_some)) {
                return None;
            }
            let heading = &g.heading;
            let spec = year_course(
                &format!("vergleich-verlauf-{i}"),
                tr!(
                    lang,
                    "Verlauf {year}, Ist/Soll bis zum Monat: {figure_name}, {heading}",
                    "Course of {year}, actual/target to each month: {figure_name}, {heading}"
                ),
                lines,
                lang,
            );
            Some(figure(&spec))
        })
        .collect()
}
