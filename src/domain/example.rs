//! The default workspace of a first start (SPEC S3): the Odenwaldkreis example from the press release of 2022
//! (shared/seed). Only figures the press release states are here; nothing is invented. It is marked as an
//! example, and the UI says so.

use super::agreement::{
    Agreement, AgreementId, Category, ChangeUnit, ManualStatus, Subject, Target, TargetFormat,
    TargetId,
};
use super::calendar::Year;
use super::indicator::{Aggregation, Direction, Indicator, IndicatorCode, Unit};
use super::values::{Amount, Population, ValueKey};
use super::workspace::Workspace;

/// Code of the state goal "Integrationen U25 in voll qualifizierende Berufsausbildung" (a user-defined indicator).
pub const U25_CODE: &str = "INT-U25-AUSB";

const JOB_CENTRE: &str = "Kommunales Job-Center (KJC) Odenwaldkreis";
const PARTNER: &str = "Hessisches Ministerium für Soziales und Integration (HMSI)";
const SOURCE: &str = "Pressemitteilung des Odenwaldkreises zur Zielvereinbarung 2022";

fn year(y: i64) -> Year {
    Year::new(y).expect("the seed's years 2021 and 2022 lie in the valid range")
}

fn subject(code: &str, population: Population) -> Subject {
    Subject {
        indicator: IndicatorCode::new(code),
        population,
    }
}

fn target(id: u32, category: Category, format: TargetFormat) -> Target {
    Target {
        id: TargetId(id),
        title: String::new(),
        category,
        format,
        notes: String::new(),
    }
}

/// The Odenwaldkreis example workspace.
pub fn odenwaldkreis() -> Workspace {
    let mut ws = Workspace::empty(JOB_CENTRE);
    ws.example = true;
    ws.indicators.push(Indicator {
        code: IndicatorCode::new(U25_CODE),
        name: "Integrationen U25 in voll qualifizierende Berufsausbildung".into(),
        name_en: String::new(),
        unit: Unit::Count,
        aggregation: Aggregation::Flow,
        direction: Direction::HigherIsBetter,
        phrase_de:
            "die Zahl der Integrationen unter 25-Jähriger in voll qualifizierende Berufsausbildung"
                .into(),
        phrase_en:
            "the number of integrations of under-25s into fully qualifying vocational training"
                .into(),
    });

    let y2021 = year(2021);
    let y2022 = year(2022);
    ws.agreements.push(Agreement {
        id: AgreementId(1),
        year: y2021,
        job_centre: JOB_CENTRE.into(),
        partner: PARTNER.into(),
        signed_on: None,
        signatories: String::new(),
        notes: format!(
            "Ergebnisse 2021 laut {SOURCE}: Zielvereinbarung „fast vollständig erfüllt“."
        ),
        targets: vec![
            target(
                1,
                Category::Federal,
                TargetFormat::Minimum {
                    subject: subject("INT", Population::Total),
                    target: 690.0,
                },
            ),
            target(
                2,
                Category::Federal,
                TargetFormat::Maximum {
                    subject: subject("LZB", Population::Total),
                    cap: 2030.0,
                },
            ),
        ],
    });
    ws.agreements.push(Agreement {
        id: AgreementId(2),
        year: y2022,
        job_centre: JOB_CENTRE.into(),
        partner: PARTNER.into(),
        signed_on: None,
        signatories: "Landrat Frank Matiaske, Erster Kreisbeigeordneter Oliver Grobeis".into(),
        notes: format!(
            "Ziele laut {SOURCE}. Neu: geschlechterspezifische Ziele für alle Bereiche (ab 2023 für alle Jobcenter \
             verpflichtend)."
        ),
        targets: vec![
            target(3, Category::Federal, TargetFormat::Minimum { subject: subject("INT", Population::Total), target: 770.0 }),
            target(4, Category::Federal, TargetFormat::Minimum { subject: subject("INT", Population::Women), target: 308.0 }),
            target(5, Category::Federal, TargetFormat::Minimum { subject: subject("INT", Population::Men), target: 462.0 }),
            target(6, Category::Federal, TargetFormat::Maximum { subject: subject("LZB", Population::Total), cap: 2020.0 }),
            target(7, Category::Federal, TargetFormat::Maximum { subject: subject("LZB", Population::Women), cap: 1100.0 }),
            target(8, Category::Federal, TargetFormat::Maximum { subject: subject("LZB", Population::Men), cap: 920.0 }),
            target(9, Category::Federal, TargetFormat::Monitoring { subject: subject("LLU", Population::Total) }),
            Target {
                notes: "Die Pressemitteilung nennt „um 1,8 Prozent auf 58 Prozent“; ob Prozent oder Prozentpunkte gemeint \
                        sind, ist offen: beide Lesarten werden angezeigt."
                    .into(),
                ..target(
                    10,
                    Category::State,
                    TargetFormat::QuotaIncrease {
                        subject: subject("K2E3", Population::Total),
                        baseline: None,
                        change: 1.8,
                        unit: ChangeUnit::Percent,
                        target: 58.0,
                    },
                )
            },
            target(11, Category::State, TargetFormat::Minimum { subject: subject(U25_CODE, Population::Total), target: 70.0 }),
            Target {
                title: "Integration von Menschen mit Behinderungen".into(),
                ..target(
                    12,
                    Category::Qualitative,
                    TargetFormat::Qualitative {
                        description: "Nachhaltige Förderung der Integration von Menschen mit Behinderungen: die \
                                      Bemühungen und die Zusammenarbeit mit Rehabilitationsträgern verstärken sowie regional \
                                      zur Verfügung stehende Möglichkeiten und Angebote zielführend nutzen."
                            .into(),
                        status: ManualStatus::Open,
                    },
                )
            },
        ],
    });

    // The reported results of 2021, as annual values without a known "Datenstand".
    let annual = |code: &str| ValueKey {
        indicator: IndicatorCode::new(code),
        population: Population::Total,
        year: y2021,
        month: None,
    };
    ws.values
        .record(annual("INT"), Amount::Number(718.0), None, SOURCE);
    ws.values.record(
        annual("LZB"),
        Amount::Number(2035.0),
        None,
        &format!("Jahresdurchschnitt laut {SOURCE}"),
    );
    ws
}
