//! "All targets" per job centre: a Land's hundred job centres with every target are thousands of lines, more than
//! anyone reads at once and more than a browser lays out quickly. So each job centre is one line saying how its
//! targets stand ("45 Ziele: 12 erreicht, 8 auf Kurs, …; Median Ist/Soll 98,0 %"), opened to its targets on
//! request.

use super::Line;
use crate::domain::attainment::Status;
use crate::domain::comparison::median;
use crate::locale::{Lang, format_percent};
use crate::present::status;
use crate::tr;

/// One job centre's targets and how they stand, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub key: String,
    pub member: String,
    pub own: bool,
    /// "45 Ziele: 12 erreicht, …; Median Ist/Soll 98,0 %", or why there are none ("Keine Zielvereinbarung 2022").
    pub said: String,
    /// Its lines in the table's order; empty where it has no targets.
    pub lines: Vec<Line>,
}

/// The lines of one type grouped by job centre, in the order each first appears.
pub fn blocks(lines: Vec<Line>, lang: Lang) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for line in lines {
        // The last block is the usual place: the lines of one job centre stand together unless sorted apart.
        match out.iter_mut().rev().find(|b| b.key == line.key) {
            Some(block) => block.lines.push(line),
            None => out.push(Block {
                key: line.key.clone(),
                member: line.member.clone(),
                own: line.own,
                said: String::new(),
                lines: vec![line],
            }),
        }
    }
    for block in &mut out {
        if let Some(missing) = block.lines.iter().find_map(|l| l.missing.clone()) {
            block.said = missing;
            block.lines.clear();
        } else {
            block.said = standing(&block.lines, lang);
        }
    }
    out
}

/// "45 Ziele: 12 erreicht, 8 auf Kurs, 25 ohne Daten; Median Ist/Soll 98,0 %".
fn standing(lines: &[Line], lang: Lang) -> String {
    let n = lines.len();
    let targets = match (lang, n) {
        (Lang::De, 1) => "1 Ziel".to_owned(),
        (Lang::De, _) => format!("{n} Ziele"),
        (Lang::En, 1) => "1 target".to_owned(),
        (Lang::En, _) => format!("{n} targets"),
    };
    let counts: Vec<String> = Status::ALL
        .iter()
        .filter_map(|s| {
            let count = lines.iter().filter(|l| l.status == Some(*s)).count();
            (count > 0).then(|| format!("{count} {}", status::label(*s, lang)))
        })
        .collect();
    let ratios: Vec<f64> = lines.iter().filter_map(|l| l.keys.ratio).collect();
    let mut said = if counts.is_empty() {
        targets
    } else {
        format!("{targets}: {}", counts.join(", "))
    };
    if let Some(m) = median(&ratios) {
        let m = format_percent(m, 1, lang);
        said.push_str(&tr!(
            lang,
            "; Median Ist/Soll {m}",
            "; median actual/target {m}"
        ));
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::comparison::Keys;

    fn line(key: &str, status: Option<Status>, ratio: Option<f64>) -> Line {
        Line {
            key: key.into(),
            member: format!("Jobcenter {key}"),
            own: false,
            title: String::new(),
            target: String::new(),
            wording: String::new(),
            actual: String::new(),
            deviation: String::new(),
            ratio: String::new(),
            status,
            forecast: String::new(),
            as_of: String::new(),
            older: false,
            missing: None,
            rank: String::new(),
            keys: Keys {
                ratio,
                ..Keys::default()
            },
        }
    }

    #[test]
    fn each_job_centre_once_with_how_its_targets_stand() {
        let mut none = line("Gießen", None, None);
        none.missing = Some("Keine Zielvereinbarung 2022".into());
        let lines = [
            line("Fulda", Some(Status::Achieved), Some(104.1)),
            line("Bergstraße", Some(Status::Critical), Some(77.9)),
            line("Fulda", Some(Status::Critical), Some(93.5)),
            line("Fulda", Some(Status::Achieved), Some(101.0)),
            none,
            line("Bergstraße", Some(Status::Monitoring), None),
        ];
        let b = blocks(lines.to_vec(), Lang::De);
        let said: Vec<(&str, &str, usize)> = b
            .iter()
            .map(|b| (b.key.as_str(), b.said.as_str(), b.lines.len()))
            .collect();
        // Fulda: median of 93.5, 101.0 and 104.1 = 101.0; Bergstraße: 77.9 alone.
        assert_eq!(
            said,
            [
                (
                    "Fulda",
                    "3 Ziele: 2 erreicht, 1 kritisch; Median Ist/Soll 101,0\u{a0}%",
                    3
                ),
                (
                    "Bergstraße",
                    "2 Ziele: 1 kritisch, 1 Monitoring; Median Ist/Soll 77,9\u{a0}%",
                    2
                ),
                ("Gießen", "Keine Zielvereinbarung 2022", 0),
            ]
        );
        let en = blocks(lines[1..2].to_vec(), Lang::En);
        assert_eq!(
            en[0].said,
            "1 target: 1 critical; median actual/target 77.9\u{a0}%"
        );
    }
}
