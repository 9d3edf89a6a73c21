use super::*;
use crate::core::calendar::{Date, Month};
use crate::domain::amount::Amount;
use crate::domain::comparison::TypeHistory;
use crate::domain::example::odenwaldkreis;
use crate::domain::indicator::IndicatorCode;
use crate::domain::values::{Population, ValueKey};

fn year(y: i64) -> Year {
    Year::new(y).unwrap()
}

fn types(entries: &[(i64, &str)]) -> TypeHistory {
    let mut history = TypeHistory::default();
    for (from, code) in entries {
        history.set(year(*from), TypeCode::parse(code).unwrap());
    }
    history
}

fn subject(code: &str, population: Population) -> Subject {
    Subject {
        indicator: IndicatorCode::new(code),
        population,
    }
}

/// The example's workspace under another name, with its 2021 annual figures for INT and LZB replaced.
fn job_centre(name: &str, int: f64, lzb: f64) -> Workspace {
    let mut ws = odenwaldkreis();
    ws.organisation = name.into();
    for (code, value) in [("INT", int), ("LZB", lzb)] {
        let key = ValueKey {
            indicator: IndicatorCode::new(code),
            population: Population::Total,
            year: year(2021),
            month: None,
        };
        ws.values
            .record(key, Amount::Number(value), Date::new(2022, 1, 31), "BA");
    }
    ws
}

/// Five members of 2021: two of type IIb and one without an agreement of that year, one of Ia, one without type.
fn members_2021() -> Vec<MemberYear> {
    let odenwald = odenwaldkreis(); // INT 718 of ≥ 690, LZB 2,035 of ≤ 2,030
    let bergstrasse = job_centre("Jobcenter Bergstraße", 650.0, 1990.0);
    let marburg = job_centre("Kreisjobcenter Marburg-Biedenkopf", 760.0, 2100.0);
    let giessen = job_centre("Jobcenter Gießen", 690.0, 2030.0);
    let mut fulda = job_centre("Jobcenter Fulda", 700.0, 2000.0);
    fulda.agreements.retain(|a| a.year != year(2021));
    let iib = types(&[(2014, "Ic"), (2020, "IIb")]);
    let ia = types(&[(2019, "Ia")]);
    let none = TypeHistory::default();
    let list: [(&str, &Workspace, &TypeHistory, bool); 5] = [
        ("odenwald", &odenwald, &iib, true),
        ("bergstrasse", &bergstrasse, &iib, false),
        ("marburg", &marburg, &ia, false),
        ("giessen", &giessen, &none, false),
        ("fulda", &fulda, &iib, false),
    ];
    list.into_iter()
        .map(|(key, workspace, types, own)| {
            let member = Member {
                key,
                workspace,
                types,
                own,
            };
            member_year(&member, year(2021), Lang::De)
        })
        .collect()
}

fn cells(line: &Line) -> [&str; 6] {
    [
        &line.member,
        &line.target,
        &line.actual,
        &line.deviation,
        &line.ratio,
        &line.rank,
    ]
}

#[test]
fn one_figure_grouped_by_type_ranked_with_the_median() {
    let members = members_2021();
    let int = Selection::Figure(subject("INT", Population::Total));
    let t = table(&members, year(2021), &int, None, Lang::De);
    let headings: Vec<&str> = t.groups.iter().map(|g| g.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Vergleichstyp Ia",
            "Vergleichstyp IIb",
            "Ohne Vergleichstyp"
        ]
    );

    // Ia: 760 of ≥ 690 → 110.1 %.
    let ia = &t.groups[0];
    assert_eq!(
        cells(&ia.lines[0]),
        [
            "Kreisjobcenter Marburg-Biedenkopf",
            "≥ 690",
            "760",
            "+70",
            "110,1\u{a0}%",
            "1 von 1"
        ]
    );
    assert_eq!(ia.median, "Median Ist/Soll: 110,1\u{a0}% (1 Jobcenter)");

    // IIb (from 2020; Ic before): 718 → 104.1 %, 650 → 94.2 %; Fulda has no agreement for 2021, in words.
    let iib = &t.groups[1];
    assert_eq!(iib.lines.len(), 3);
    assert_eq!(
        cells(&iib.lines[0]),
        [
            "Jobcenter Bergstraße",
            "≥ 690",
            "650",
            "−40",
            "94,2\u{a0}%",
            "2 von 2"
        ]
    );
    assert_eq!(iib.lines[1].member, "Jobcenter Fulda");
    assert_eq!(
        iib.lines[1].missing.as_deref(),
        Some("Keine Zielvereinbarung 2021")
    );
    assert_eq!(
        [
            iib.lines[1].actual.as_str(),
            iib.lines[1].ratio.as_str(),
            iib.lines[1].rank.as_str()
        ],
        ["–", "–", "–"]
    );
    assert_eq!(
        cells(&iib.lines[2]),
        [
            "Kommunales Job-Center (KJC) Odenwaldkreis",
            "≥ 690",
            "718",
            "+28",
            "104,1\u{a0}%",
            "1 von 2"
        ]
    );
    assert!(iib.lines[2].own);
    assert_eq!(iib.lines[2].status, Some(Status::Achieved));
    assert_eq!(iib.lines[0].status, Some(Status::Missed));
    // (104.058 + 94.203) / 2 = 99.130.
    assert_eq!(iib.median, "Median Ist/Soll: 99,1\u{a0}% (2 Jobcenter)");

    // Without type: 690 of 690 → 100.0 %.
    assert_eq!(
        cells(&t.groups[2].lines[0]),
        [
            "Jobcenter Gießen",
            "≥ 690",
            "690",
            "0",
            "100,0\u{a0}%",
            "1 von 1"
        ]
    );
}

#[test]
fn a_cap_ranks_the_lower_ratio_first() {
    let members = members_2021();
    let lzb = Selection::Figure(subject("LZB", Population::Total));
    let only = TypeCode::parse("IIb").unwrap();
    let t = table(&members, year(2021), &lzb, Some(&only), Lang::De);
    assert_eq!(t.groups.len(), 1);
    let lines = &t.groups[0].lines;
    // 1,990 under the cap of 2,030: 98.0 %, first; 2,035 over it: 100.2 %, second.
    assert_eq!(
        cells(&lines[0]),
        [
            "Jobcenter Bergstraße",
            "≤ 2.030",
            "1.990",
            "−40",
            "98,0\u{a0}%",
            "1 von 2"
        ]
    );
    assert_eq!(
        cells(&lines[2]),
        [
            "Kommunales Job-Center (KJC) Odenwaldkreis",
            "≤ 2.030",
            "2.035",
            "+5",
            "100,2\u{a0}%",
            "2 von 2"
        ]
    );
}

#[test]
fn a_member_without_the_target_says_so_never_zero() {
    let members = members_2021();
    let women = Selection::Figure(subject("INT", Population::Women));
    let t = table(&members, year(2021), &women, None, Lang::De);
    let ia = &t.groups[0].lines[0];
    assert_eq!(
        ia.missing.as_deref(),
        Some("Kein Ziel zu INT (Frauen) 2021")
    );
    assert_eq!(
        [ia.actual.as_str(), ia.ratio.as_str(), ia.rank.as_str()],
        ["–", "–", "–"]
    );
    assert_eq!(t.groups[0].median, "");
    let t = table(&members, year(2021), &women, None, Lang::En);
    assert_eq!(
        t.groups[0].lines[0].missing.as_deref(),
        Some("No target on INT (Women) in 2021")
    );
    assert_eq!(t.groups[1].heading, "Comparison type IIb");
    assert_eq!(t.groups[2].heading, "Without comparison type");
    let int = Selection::Figure(subject("INT", Population::Total));
    let t = table(&members, year(2021), &int, None, Lang::En);
    assert_eq!(
        t.groups[0].median,
        "Median actual/target: 110.1\u{a0}% (1 job centre)"
    );
    assert_eq!(
        t.groups[1].median,
        "Median actual/target: 99.1\u{a0}% (2 job centres)"
    );
}

#[test]
fn all_targets_rank_per_figure() {
    let members = members_2021();
    let t = table(&members, year(2021), &Selection::AllTargets, None, Lang::De);
    let iib = &t.groups[1];
    let of = |member: &str, title: &str| -> String {
        let line = iib
            .lines
            .iter()
            .find(|l| l.member == member && l.title.starts_with(title))
            .unwrap_or_else(|| {
                panic!(
                    "{member}: {title} in {:?}",
                    iib.lines.iter().map(|l| &l.title).collect::<Vec<_>>()
                )
            });
        line.rank.clone()
    };
    // INT: Odenwald ahead; LZB: Bergstraße ahead.
    assert_eq!(
        of("Kommunales Job-Center (KJC) Odenwaldkreis", "Integrationen"),
        "1 von 2"
    );
    assert_eq!(of("Jobcenter Bergstraße", "Integrationen"), "2 von 2");
    assert_eq!(
        of(
            "Jobcenter Bergstraße",
            "Bestand Langzeitleistungsbeziehende"
        ),
        "1 von 2"
    );
    assert_eq!(iib.median, "");
    assert_eq!(iib.lines.len(), 5, "two targets each, one line for Fulda");
}

#[test]
fn older_figures_are_marked_by_their_datenstand() {
    let mut odenwald = odenwaldkreis();
    let mut bergstrasse = odenwaldkreis();
    bergstrasse.organisation = "Jobcenter Bergstraße".into();
    // 2022: Odenwald has January to April (Datenstand 30 April), Bergstraße January to May (31 May).
    for (ws, months, as_of) in [
        (&mut odenwald, 4, Date::new(2022, 4, 30)),
        (&mut bergstrasse, 5, Date::new(2022, 5, 31)),
    ] {
        for m in 1..=months {
            let key = ValueKey {
                indicator: IndicatorCode::new("INT"),
                population: Population::Total,
                year: year(2022),
                month: Month::new(m),
            };
            ws.values.record(key, Amount::Number(64.0), as_of, "");
        }
    }
    let none = TypeHistory::default();
    let members: Vec<MemberYear> = [("o", &odenwald), ("b", &bergstrasse)]
        .into_iter()
        .map(|(key, workspace)| {
            member_year(
                &Member {
                    key,
                    workspace,
                    types: &none,
                    own: false,
                },
                year(2022),
                Lang::De,
            )
        })
        .collect();
    let int = Selection::Figure(subject("INT", Population::Total));
    let t = table(&members, year(2022), &int, None, Lang::De);
    assert_eq!(t.newest, "31.05.2022");
    let lines = &t.groups[0].lines;
    assert_eq!(
        (
            lines[0].member.as_str(),
            lines[0].as_of.as_str(),
            lines[0].older
        ),
        ("Jobcenter Bergstraße", "31.05.2022", false)
    );
    assert_eq!(
        (lines[1].as_of.as_str(), lines[1].older),
        ("30.04.2022", true)
    );
    // 5 × 64 = 320 through May; 4 × 64 = 256 through April.
    assert_eq!(lines[0].actual, "320 (bis Mai)");
    assert_eq!(lines[1].actual, "256 (bis April)");
}

#[test]
fn sorted_by_any_column_with_missing_figures_last_both_ways() {
    let members = members_2021();
    let int = Selection::Figure(subject("INT", Population::Total));
    let t = table(&members, year(2021), &int, None, Lang::De);
    let mut lines = t.groups[1].lines.clone();
    let names = |lines: &[Line]| lines.iter().map(|l| l.member.clone()).collect::<Vec<_>>();
    sort(&mut lines, Column::Ratio, true);
    assert_eq!(
        names(&lines),
        [
            "Kommunales Job-Center (KJC) Odenwaldkreis",
            "Jobcenter Bergstraße",
            "Jobcenter Fulda"
        ]
    );
    sort(&mut lines, Column::Ratio, false);
    assert_eq!(
        names(&lines),
        [
            "Jobcenter Bergstraße",
            "Kommunales Job-Center (KJC) Odenwaldkreis",
            "Jobcenter Fulda"
        ]
    );
    sort(&mut lines, Column::Rank, false);
    assert_eq!(
        names(&lines),
        [
            "Kommunales Job-Center (KJC) Odenwaldkreis",
            "Jobcenter Bergstraße",
            "Jobcenter Fulda"
        ]
    );
    sort(&mut lines, Column::Member, true);
    assert_eq!(
        names(&lines),
        [
            "Kommunales Job-Center (KJC) Odenwaldkreis",
            "Jobcenter Fulda",
            "Jobcenter Bergstraße"
        ]
    );
    for column in Column::ALL {
        sort(&mut lines, column, true);
        assert_eq!(lines.len(), 3);
    }
}

#[test]
fn types_in_the_iab_order() {
    let code = |c: &str| TypeCode::parse(c).unwrap();
    let mut list = [
        Some(code("IIIe")),
        None,
        Some(code("IIa")),
        Some(code("Ie")),
        Some(code("Ia")),
        Some(code("X1")),
        Some(code("IIIa")),
    ];
    list.sort_by(|a, b| type_order(a.as_ref(), b.as_ref()));
    let shown: Vec<&str> = list
        .iter()
        .map(|c| c.as_ref().map_or("–", TypeCode::as_str))
        .collect();
    assert_eq!(shown, ["Ia", "Ie", "IIa", "IIIa", "IIIe", "X1", "–"]);
}

#[test]
fn the_figures_of_the_year_once_each_named_as_the_targets_are() {
    let members = members_2021();
    let names: Vec<String> = figures(&members)
        .into_iter()
        .map(|(s, name)| format!("{} {:?}: {name}", s.indicator.as_str(), s.population))
        .collect();
    assert_eq!(
        names,
        [
            "INT Total: Integrationen – Insgesamt",
            "LZB Total: Bestand Langzeitleistungsbeziehende – Insgesamt"
        ]
    );
}

mod charts;
