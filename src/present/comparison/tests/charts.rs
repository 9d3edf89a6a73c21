//! The comparison's charts with their figures written out.

use super::*;
use crate::chart::svg::ranking::height;

#[test]
fn ist_soll_per_job_centre_grouped_by_type_best_first() {
    let members = members_2021();
    let int = Selection::Figure(subject("INT", Population::Total));
    let t = table(&members, year(2021), &int, None, Lang::De);
    let r = ranking(&t, "Integrationen", year(2021), Lang::De);
    assert_eq!(r.title, "Ist/Soll je Jobcenter: Integrationen 2021");
    let rows = r.table().rows;
    let rows: Vec<[&str; 3]> = rows
        .iter()
        .map(|row| [row[0].as_str(), row[1].as_str(), row[2].as_str()])
        .collect();
    // 760 / 690 = 110.1 %; 718 / 690 = 104.1 %; 650 / 690 = 94.2 %; 690 / 690 = 100.0 %; Fulda has no agreement.
    assert_eq!(
        rows,
        [
            [
                "Kreisjobcenter Marburg-Biedenkopf",
                "Vergleichstyp Ia",
                "110,1\u{a0}%"
            ],
            [
                "Kommunales Job-Center (KJC) Odenwaldkreis (Ihr Arbeitsbereich)",
                "Vergleichstyp IIb",
                "104,1\u{a0}%"
            ],
            ["Jobcenter Bergstraße", "Vergleichstyp IIb", "94,2\u{a0}%"],
            ["Jobcenter Fulda", "Vergleichstyp IIb", "kein Wert"],
            ["Jobcenter Gießen", "Ohne Vergleichstyp", "100,0\u{a0}%"],
        ]
    );
    assert_eq!(
        r.description(),
        "Ist/Soll je Jobcenter: Integrationen 2021. Vergleichstyp Ia: Kreisjobcenter Marburg-Biedenkopf 110,1 %. \
         Vergleichstyp IIb: Kommunales Job-Center (KJC) Odenwaldkreis (Ihr Arbeitsbereich) 104,1 %, Jobcenter Bergstraße 94,2 %, \
         Jobcenter Fulda kein Wert. Ohne Vergleichstyp: Jobcenter Gießen 100,0 %. Ziel erreicht bei 100,0 %."
            .replace(" %", "\u{a0}%")
    );
    let svg = ranking_figure(&r).svg.unwrap();
    // Three headings and five rows: 44 + 3 × 28 + 5 × 22 + 34 px.
    assert_eq!(height(&r), 272);
    assert!(svg.contains("viewBox=\"0 0 720 272\""), "{svg}");
    assert!(svg.contains("role=\"img\""));
    for text in [
        "110,1\u{a0}%",
        "94,2\u{a0}%",
        "kein Wert",
        "Vergleichstyp IIb",
    ] {
        assert!(svg.contains(text), "{text} missing in {svg}");
    }
    // The names take the most room (400 px), the bars 400 to 640 px. The scale ends at 120 %: the 100 % line
    // stands at 400 + 100 / 120 × 240 = 600 px; Marburg's bar ends at 400 + 110.14 / 120 × 240 = 620 px.
    assert!(svg.contains("points=\"600,44 600,238 \""), "{svg}");
    assert!(svg.contains("x=\"400\" y=\"76\" width=\"220\""), "{svg}");
    // The values in a column at the right edge, right-aligned.
    assert!(
        svg.contains("x=\"712\" y=\"83\" dy=\"0.5ex\" text-anchor=\"end\""),
        "{svg}"
    );
}

#[test]
fn ranking_in_english() {
    let members = members_2021();
    let int = Selection::Figure(subject("INT", Population::Total));
    let t = table(&members, year(2021), &int, None, Lang::En);
    let r = ranking(&t, "Integrations", year(2021), Lang::En);
    assert_eq!(r.title, "Actual/target per job centre: Integrations 2021");
    assert_eq!(
        r.table().headers,
        ["Job centre", "Comparison type", "Actual/target"]
    );
    assert_eq!(
        r.table().rows[1][0],
        "Kommunales Job-Center (KJC) Odenwaldkreis (your workspace)"
    );
    assert_eq!(r.table().rows[1][2], "104.1\u{a0}%");
    assert_eq!(r.table().rows[3][2], "no figure");
}

/// Two job centres of type IIb with January to June of 2022: 60 and 50 integrations a month.
fn two_of_a_type_2022() -> Vec<MemberYear> {
    let mut odenwald = odenwaldkreis();
    let mut bergstrasse = odenwaldkreis();
    bergstrasse.organisation = "Jobcenter Bergstraße".into();
    for (ws, per_month) in [(&mut odenwald, 60.0), (&mut bergstrasse, 50.0)] {
        for m in 1..=6 {
            let key = ValueKey {
                indicator: IndicatorCode::new("INT"),
                population: Population::Total,
                year: year(2022),
                month: Month::new(m),
            };
            ws.values
                .record(key, Amount::Number(per_month), Date::new(2022, 6, 30), "");
        }
    }
    let iib = types(&[(2020, "IIb")]);
    [("o", &odenwald), ("b", &bergstrasse)]
        .into_iter()
        .map(|(key, workspace)| {
            member_year(
                &Member {
                    key,
                    workspace,
                    types: &iib,
                    own: false,
                },
                year(2022),
                Lang::De,
            )
        })
        .collect()
}

#[test]
fn course_of_the_year_per_type_as_ist_soll_to_each_month() {
    let members = two_of_a_type_2022();
    let int = subject("INT", Population::Total);
    let t = table(
        &members,
        year(2022),
        &Selection::Figure(int.clone()),
        None,
        Lang::De,
    );
    let figures = courses(&t, &members, &int, "Integrationen", year(2022), Lang::De);
    assert_eq!(figures.len(), 1);
    let f = &figures[0];
    assert_eq!(
        f.title,
        "Verlauf 2022, Ist/Soll bis zum Monat: Integrationen, Vergleichstyp IIb"
    );
    assert_eq!(
        f.table.headers,
        [
            "Monat",
            "Jobcenter Bergstraße",
            "Kommunales Job-Center (KJC) Odenwaldkreis",
            "Ziel"
        ]
    );
    // Target ≥ 770 on the linear path: 64.17 a month, 385 through June. 360 / 385 = 93.5 %; 300 / 385 = 77.9 %.
    let pct = |s: &str| s.replace(' ', "\u{a0}");
    assert_eq!(
        f.table.rows[0],
        ["Januar", &pct("77,9 %"), &pct("93,5 %"), &pct("100,0 %")]
    );
    assert_eq!(
        f.table.rows[5],
        ["Juni", &pct("77,9 %"), &pct("93,5 %"), &pct("100,0 %")]
    );
    assert_eq!(f.table.rows[6], ["Juli", "–", "–", &pct("100,0 %")]);
    let svg = f.svg.as_ref().unwrap();
    // Told apart by marker: the first a circle, the second a triangle (a polygon), each on six months.
    assert_eq!(
        svg.matches("<circle").count(),
        6 + 1,
        "six points and the legend's sample"
    );
    assert_eq!(svg.matches("<polygon").count(), 6 + 1);
}

#[test]
fn many_members_give_the_legend_more_rows_not_overlap() {
    let names: Vec<(String, [Option<f64>; 12])> = (1..=16)
        .map(|i| {
            (
                format!("Jobcenter Nummer {i}"),
                [Some(90.0 + f64::from(i)); 12],
            )
        })
        .collect();
    let spec = crate::chart::comparison::year_course("v", "Verlauf".into(), names, Lang::De);
    let svg = crate::chart::svg::render(&spec).unwrap();
    let h = crate::chart::svg::height(&spec);
    assert!(h > crate::chart::svg::HEIGHT, "{h}");
    assert!(svg.contains(&format!("viewBox=\"0 0 720 {h}\"")));
    // Sixteen members: four shapes × dashes; the styles of the first twelve differ.
    let styles: Vec<_> = (0..12)
        .map(crate::chart::svg::members::style)
        .map(|(_, s, d)| (s, d))
        .collect();
    for (i, a) in styles.iter().enumerate() {
        assert!(!styles[i + 1..].contains(a), "style {i} repeats");
    }
}

#[test]
fn names_fit_before_the_bars_and_only_the_longest_are_shortened() {
    use crate::chart::comparison::{Bar, BarGroup, Ranking};
    let of = |names: &[&str]| Ranking {
        id: "r".into(),
        title: "Ist/Soll".into(),
        groups: vec![BarGroup {
            heading: "Vergleichstyp Ia".into(),
            bars: names
                .iter()
                .map(|n| Bar {
                    name: (*n).into(),
                    ratio: Some(93.5),
                })
                .collect(),
        }],
        lang: Lang::De,
    };
    let svg =
        crate::chart::svg::ranking::render(&of(&["Kreisjobcenter Marburg-Biedenkopf"])).unwrap();
    assert!(
        svg.contains("\nKreisjobcenter Marburg-Biedenkopf\n</text>"),
        "{svg}"
    );
    // 33 characters × 7.2 px + 24: the bars start at 262 px.
    assert!(svg.contains("x=\"262\""), "{svg}");
    let long = "Kommunales Jobcenter des Landkreises Marburg-Biedenkopf, Geschäftsstelle Nord";
    let svg = crate::chart::svg::ranking::render(&of(&[long])).unwrap();
    // At most 400 px for names: 52 characters, the last an ellipsis.
    assert!(
        svg.contains("\nKommunales Jobcenter des Landkreises Marburg-Bieden…\n</text>"),
        "{svg}"
    );
}
