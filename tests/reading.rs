//! What a controller reads on the overview, the balance, the detail and in the report, against real agreements
//! entered by hand (issue 13): remarks at the targets concerned, derived limits shown precisely enough to tell them
//! from the actual, the agreed wording of a relative change, which figure counts when an annual value stands
//! beside monthly ones, the status rule, rates whose path is the rate itself. Every number written out.
#![cfg(not(target_arch = "wasm32"))]
// A test file: helpers outside #[test] functions may unwrap too; a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use zielsteuerung::core::calendar::{Month, Year};
use zielsteuerung::domain::agreement::{
    Agreement, AgreementId, Category, ChangeLimit, ChangeUnit, Subject, Target, TargetFormat,
    TargetId,
};
use zielsteuerung::domain::attainment::{self, Status};
use zielsteuerung::domain::example;
use zielsteuerung::domain::indicator::IndicatorCode;
use zielsteuerung::domain::values::{Amount, Population, ValueKey};
use zielsteuerung::domain::workspace::Workspace;
use zielsteuerung::locale::Lang;
use zielsteuerung::present::detail::detail;
use zielsteuerung::present::example::{discard_warning, example_banner, file_over_example_warning};
use zielsteuerung::present::grid::years_offered;
use zielsteuerung::present::overview::model;
use zielsteuerung::present::report::report;

fn y(year: i64) -> Year {
    Year::new(year).unwrap()
}

fn subject(code: &str, population: Population) -> Subject {
    Subject {
        indicator: IndicatorCode::new(code),
        population,
    }
}

fn agreement(id: u32, year: i64, targets: Vec<(u32, TargetFormat)>) -> Agreement {
    Agreement {
        id: AgreementId(id),
        year: y(year),
        job_centre: "Jobcenter Test".into(),
        partner: "Ministerium".into(),
        signed_on: None,
        signatories: String::new(),
        notes: String::new(),
        targets: targets
            .into_iter()
            .map(|(id, format)| Target {
                id: TargetId(id),
                title: String::new(),
                category: Category::Federal,
                format,
                notes: String::new(),
            })
            .collect(),
    }
}

fn record(
    ws: &mut Workspace,
    code: &str,
    population: Population,
    year: i64,
    month: Option<i64>,
    amount: Amount,
) {
    let key = ValueKey {
        indicator: IndicatorCode::new(code),
        population,
        year: y(year),
        month: month.and_then(Month::new),
    };
    ws.values.record(key, amount, None, "");
}

/// "Die Integrationsquote der Frauen sinkt um nicht mehr als 6,9 % ggü. Vorjahr": 2022 published 20,0 %, so
/// the floor of 2023 is 20,0 × 0,931 = 18,62 %; 2023 came in at 18,60 %.
fn bavarian_floor() -> Workspace {
    let mut ws = Workspace::empty("Jobcenter Test");
    ws.agreements.push(std::sync::Arc::new(agreement(
        1,
        2023,
        vec![(
            1,
            TargetFormat::ChangeVsPreviousYear {
                subject: subject("K2", Population::Women),
                limit: ChangeLimit::FallAtMost,
                change: 6.9,
                unit: ChangeUnit::Percent,
            },
        )],
    )));
    record(
        &mut ws,
        "K2",
        Population::Women,
        2022,
        None,
        Amount::Number(20.0),
    );
    record(
        &mut ws,
        "K2",
        Population::Women,
        2023,
        None,
        Amount::Number(18.6),
    );
    ws
}

#[test]
fn a_derived_floor_shows_as_many_decimals_as_it_takes() {
    let ws = bavarian_floor();
    let m = model(&ws, y(2023), Lang::De).unwrap();
    let row = &m.rows[0];
    assert_eq!(row.status, Status::Missed);
    assert_eq!(row.target, "≥ 18,62\u{a0}% (Vorjahr −6,9\u{a0}%)");
    assert_eq!(row.actual, "18,60\u{a0}%");
    assert_eq!(row.deviation, "−0,02\u{a0}Prozentpunkte");
    assert_eq!(
        row.sentence,
        "Die Integrationsquote (Frauen) lag 2023 mit 18,60\u{a0}% unter dem aus dem Vorjahr abgeleiteten \
         Mindestwert von 18,62\u{a0}% (−0,02\u{a0}Prozentpunkte; −0,1\u{a0}%)."
    );
    let en = model(&ws, y(2023), Lang::En).unwrap();
    assert_eq!(
        en.rows[0].sentence,
        "In 2023, the integration rate (women) was 18.60\u{a0}%, below the minimum of 18.62\u{a0}% derived from \
         the previous year (−0.02\u{a0}percentage points; −0.1\u{a0}%)."
    );
    // The report carries the same figures, its chart too.
    let r = report(&ws, y(2023), Lang::De).unwrap();
    assert_eq!(
        r.sections[0].row.target,
        "≥ 18,62\u{a0}% (Vorjahr −6,9\u{a0}%)"
    );
    let table = &r.sections[0].figures[0].table;
    assert_eq!(table.rows[1], ["2023", "18,60\u{a0}%", "18,62\u{a0}%"]);
    // 18,625 against 18,62 needs three places to tell them apart.
    let mut close_call = bavarian_floor();
    record(
        &mut close_call,
        "K2",
        Population::Women,
        2023,
        None,
        Amount::Number(18.625),
    );
    let row = &model(&close_call, y(2023), Lang::De).unwrap().rows[0];
    assert_eq!(
        (row.actual.as_str(), row.target.as_str()),
        ("18,625\u{a0}%", "≥ 18,620\u{a0}% (Vorjahr −6,9\u{a0}%)")
    );
    assert_eq!(row.status, Status::Achieved);
}

#[test]
fn gender_parts_that_do_not_add_up_are_remarked_at_every_target_concerned() {
    let mut ws = example::odenwaldkreis();
    // 300 + 462 = 762, not 770.
    if let Some(t) = ws
        .agreement_mut(AgreementId(2))
        .and_then(|a| a.targets.get_mut(1))
        && let TargetFormat::Minimum { target, .. } = &mut t.format
    {
        *target = 300.0;
    }
    let expected = "Die Ziele für Frauen (300) und Männer (462) zu „Integrationen“ ergeben zusammen 762, nicht das \
                    Gesamtziel 770.";
    let m = model(&ws, y(2022), Lang::De).unwrap();
    for id in [3, 4, 5] {
        let row = m.rows.iter().find(|r| r.target_id == id).unwrap();
        assert_eq!(row.remarks.len(), 1, "target {id}");
        assert_eq!(row.remarks[0].text, expected);
    }
    // Not at the LZB targets, and still in the list at the foot.
    assert!(
        m.rows
            .iter()
            .find(|r| r.target_id == 6)
            .unwrap()
            .remarks
            .is_empty()
    );
    assert!(m.warnings.iter().any(|w| w == expected));
    // The report that goes to the ministry has it at the target.
    let r = report(&ws, y(2022), Lang::De).unwrap();
    assert_eq!(r.sections[1].row.remarks[0].text, expected);
}

#[test]
fn a_relative_change_of_a_quota_shows_its_wording_and_a_misfit() {
    let mut ws = Workspace::empty("Jobcenter Test");
    ws.agreements.push(std::sync::Arc::new(agreement(
        1,
        2022,
        vec![
            (
                1,
                TargetFormat::QuotaRelativeChange {
                    subject: subject("K2", Population::Women),
                    baseline: 13.7,
                    change_percent: 7.3,
                    target: 14.7,
                },
            ),
            (
                2,
                TargetFormat::QuotaRelativeChange {
                    subject: subject("K2", Population::Men),
                    baseline: 13.7,
                    change_percent: 7.3,
                    target: 15.7,
                },
            ),
        ],
    )));
    let m = model(&ws, y(2022), Lang::De).unwrap();
    assert_eq!(
        m.rows[0].wording,
        "Vereinbart: steigt um 7,3\u{a0}% von 13,7\u{a0}% auf 14,7\u{a0}% (13,7\u{a0}% × 1,073 = 14,70\u{a0}%)."
    );
    assert!(m.rows[0].remarks.is_empty());
    assert_eq!(m.rows[1].remarks.len(), 1);
    assert_eq!(
        m.rows[1].remarks[0].text,
        "Ausgangswert 13,7\u{a0}% und Veränderung um 7,3\u{a0}% ergeben 14,70\u{a0}%, nicht den Zielwert \
         15,7\u{a0}%; bewertet wird gegen 15,7\u{a0}%. Bitte die Zahlen mit der Vereinbarung vergleichen."
    );
    let en = model(&ws, y(2022), Lang::En).unwrap();
    assert_eq!(
        en.rows[0].wording,
        "Agreed: rises by 7.3\u{a0}% from 13.7\u{a0}% to 14.7\u{a0}% (13.7\u{a0}% × 1.073 = 14.70\u{a0}%)."
    );
}

#[test]
fn an_annual_value_beside_months_says_which_counts() {
    let mut ws = example::odenwaldkreis();
    // 2021: the press release's 718 as the annual value, and January to May typed as months: 300.
    for (m, v) in [(1, 60.0), (2, 55.0), (3, 65.0), (4, 58.0), (5, 62.0)] {
        record(
            &mut ws,
            "INT",
            Population::Total,
            2021,
            Some(m),
            Amount::Number(v),
        );
    }
    let m = model(&ws, y(2021), Lang::De).unwrap();
    let int = &m.rows[0];
    assert_eq!(int.actual, "718 (Jahreswert)");
    assert_eq!(
        int.remarks[0].text,
        "Es zählt der Jahreswert 718: Ein Jahreswert geht den Monatswerten vor. Die Monatswerte bis Mai ergeben 300."
    );
    // All twelve months, adding up to 712: flagged at the target and in the list.
    for (m, v) in [
        (6, 60.0),
        (7, 70.0),
        (8, 50.0),
        (9, 62.0),
        (10, 60.0),
        (11, 55.0),
        (12, 55.0),
    ] {
        record(
            &mut ws,
            "INT",
            Population::Total,
            2021,
            Some(m),
            Amount::Number(v),
        );
    }
    let m = model(&ws, y(2021), Lang::En).unwrap();
    assert_eq!(
        m.rows[0].remarks[0].text,
        "The annual figure 718 counts: an annual figure takes precedence over monthly ones. The twelve months give \
         712, which differs – please check."
    );
    assert!(m.warnings.contains(
        &"Integrations – Total: the twelve months give 712, the annual figure is 718; the annual figure counts. \
          Please check."
            .to_owned()
    ));
}

#[test]
fn a_missing_previous_year_links_to_its_cell_and_the_grid_offers_that_year() {
    let mut ws = bavarian_floor();
    ws.values = Default::default();
    let m = model(&ws, y(2023), Lang::De).unwrap();
    let remark = &m.rows[0].remarks[0];
    assert_eq!(
        remark.link,
        Some((
            "#/werte/2022/K2/frauen/jahr".to_owned(),
            "Jahreswert 2022 erfassen".to_owned()
        ))
    );
    // The grid offers 2022 although no agreement has it, and the current year.
    assert_eq!(
        years_offered(&ws, y(2023), Some(y(2026))),
        [y(2022), y(2023), y(2026)]
    );
}

#[test]
fn the_detail_explains_the_status_with_its_numbers() {
    let mut ws = example::odenwaldkreis();
    for m in 1..=5 {
        record(
            &mut ws,
            "INT",
            Population::Total,
            2022,
            Some(m),
            Amount::Number(62.0),
        );
    }
    // 5 × 62 = 310, linear 744: 26 short of 770 = 3,4 % within the tolerance of 5 %.
    let d = detail(&ws, TargetId(3), Lang::De).unwrap();
    assert_eq!(d.row.status, Status::AtRisk);
    assert_eq!(
        d.status_rule,
        "Gefährdet: Die Prognose 744 verfehlt den Zielwert 770 um 26 (3,4\u{a0}% des Zielwerts); bis zur Toleranz \
         von 5\u{a0}% gilt ein Ziel als gefährdet, darüber als kritisch."
    );
    // (770 − 310) / 7 = 65,7 a month needed, 62 so far.
    assert_eq!(
        d.pace,
        "Tempo: bisher im Mittel 62,0 je Monat; für den Zielwert 770 nötig in den restlichen 7 Monaten: 65,7 je \
         Monat."
    );
}

#[test]
fn a_rates_path_is_the_rate_itself() {
    let mut ws = Workspace::empty("Jobcenter Test");
    ws.agreements.push(std::sync::Arc::new(agreement(
        1,
        2022,
        vec![(
            1,
            TargetFormat::QuotaRelativeChange {
                subject: subject("K2", Population::Women),
                baseline: 13.7,
                change_percent: 7.3,
                target: 14.7,
            },
        )],
    )));
    // January: 50 integrations of women on 4.100 ELB women = 1,22 % in the month, 14,63 % at the year's pace.
    record(
        &mut ws,
        "K2",
        Population::Women,
        2022,
        Some(1),
        Amount::Ratio {
            numerator: 50.0,
            denominator: 4100.0,
        },
    );
    let r = attainment::evaluate(&ws, &ws.agreements[0]).targets[0].clone();
    assert_eq!(r.months[0].path_linear, Some(14.7));
    assert_eq!(r.months[11].path_linear, Some(14.7));
    assert!((r.actual.unwrap() - 1200.0 * 50.0 / 4100.0).abs() < 1e-9);
    let d = detail(&ws, TargetId(1), Lang::De).unwrap();
    assert_eq!(d.months[0].path_linear, "14,7\u{a0}%");
    assert_eq!(d.months[0].value, "14,6\u{a0}%");
}

#[test]
fn the_example_banner_and_the_discard_warning_count_own_entries() {
    let mut ws = example::odenwaldkreis();
    assert_eq!(
        discard_warning(&example::own_entries(&ws), Lang::De),
        "Das Beispiel wird dabei verworfen; Sie können das direkt danach rückgängig machen."
    );
    ws.copy_agreement(AgreementId(2), y(2023)).unwrap();
    for m in 1..=2 {
        record(
            &mut ws,
            "INT",
            Population::Total,
            2023,
            Some(m),
            Amount::Number(61.0),
        );
    }
    let own = example::own_entries(&ws);
    assert_eq!(
        discard_warning(&own, Lang::De),
        "Verworfen werden das Beispiel und auch Ihre eigenen Eingaben darin: 1 Zielvereinbarung (2023), 2 Ist-Werte. \
         Wenn Sie diese behalten wollen, laden Sie vorher eine Sicherung herunter. Direkt danach können Sie das \
         Anlegen noch rückgängig machen."
    );
    assert!(
        example_banner(&own, Lang::En).ends_with(
            "Your own entries come on top: 1 target agreement (2023), 2 actual figures."
        )
    );
    // Issue 21, loss 3: opening a colleague's file over the example says what taking it discards.
    assert_eq!(
        file_over_example_warning(&example::own_entries(&example::odenwaldkreis()), Lang::De),
        None
    );
    assert_eq!(
        file_over_example_warning(&own, Lang::De).as_deref(),
        Some(
            "Hier liegt das Beispiel mit Ihren eigenen Eingaben: 1 Zielvereinbarung (2023), 2 Ist-Werte. „Fassung \
             der Datei übernehmen“ verwirft sie; wenn Sie sie behalten wollen, laden Sie vorher eine Sicherung \
             herunter oder führen Sie zusammen."
        )
    );
    assert_eq!(
        file_over_example_warning(&own, Lang::En).as_deref(),
        Some(
            "This browser holds the example with your own entries: 1 target agreement (2023), 2 actual figures. \
             “Take the file's version” discards them; if you want to keep them, download a backup first or merge."
        )
    );
}
