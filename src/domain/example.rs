//! The default workspace of a first start (PRODUCT S3): the Odenwaldkreis example from the press release of 2022
//! (the press release in docs/PRODUCT.md, S3). Only figures the press release states are here; nothing is invented. It is marked as an
//! example, and the UI says so.

use std::sync::Arc;

use super::agreement::{
    Agreement, AgreementId, Category, ChangeUnit, ManualStatus, Subject, Target, TargetFormat,
    TargetId,
};
use super::indicator::{Aggregation, Direction, Indicator, IndicatorCode, Unit};
use super::values::{Amount, Population, ValueKey};
use super::workspace::Workspace;
use crate::core::calendar::Year;

/// Code of the state goal "Integrationen U25 in voll qualifizierende Berufsausbildung" (a user-defined indicator).
pub const U25_CODE: &str = "INT-U25-AUSB";

const JOB_CENTRE: &str = "Kommunales Job-Center (KJC) Odenwaldkreis";
const PARTNER: &str = "Hessisches Ministerium für Soziales und Integration (HMSI)";
const SOURCE: &str = "Pressemitteilung des Odenwaldkreises zur Zielvereinbarung 2022";

/// A year of the seed (2021 or 2022), which always lies in the valid range.
#[allow(clippy::expect_used)]
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
    ws.agreements.push(Arc::new(Agreement {
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
    }));
    ws.agreements.push(Arc::new(Agreement {
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
    }));

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

/// What the user has added to or changed in the example: everything that starting a new workspace would
/// discard beyond the example itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OwnEntries {
    /// Years of agreements the example does not have.
    pub agreements: Vec<Year>,
    /// Targets of the example's agreements added, changed or removed, and changed agreement details.
    pub changed_targets: usize,
    /// Actual values added or changed.
    pub values: usize,
    /// Own indicators beyond the example's.
    pub indicators: usize,
}

impl OwnEntries {
    pub fn is_empty(&self) -> bool {
        self.agreements.is_empty()
            && self.changed_targets == 0
            && self.values == 0
            && self.indicators == 0
    }
}

/// The user's own entries in an example workspace, found by comparing it with the pristine example.
pub fn own_entries(workspace: &Workspace) -> OwnEntries {
    let example = odenwaldkreis();
    let mut own = OwnEntries::default();
    for agreement in &workspace.agreements {
        match example.agreement_for(agreement.year) {
            None => own.agreements.push(agreement.year),
            Some(original) => {
                let changed = agreement
                    .targets
                    .iter()
                    .filter(|t| original.target(t.id) != Some(*t))
                    .count();
                let removed = original
                    .targets
                    .iter()
                    .filter(|t| agreement.target(t.id).is_none())
                    .count();
                let details = usize::from(
                    Agreement {
                        targets: Vec::new(),
                        ..agreement.as_ref().clone()
                    } != Agreement {
                        targets: Vec::new(),
                        id: agreement.id,
                        ..original.clone()
                    },
                );
                own.changed_targets += changed + removed + details;
            }
        }
    }
    own.values = workspace
        .values
        .iter()
        .filter(|v| example.values.get(&v.key).map(|e| &e.current) != Some(&v.current))
        .count();
    own.indicators = workspace
        .indicators
        .iter()
        .filter(|i| !example.indicators.contains(i))
        .count();
    own
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::calendar::Month;
    use crate::locale::Lang;

    #[test]
    fn the_pristine_example_has_no_own_entries() {
        assert!(own_entries(&odenwaldkreis()).is_empty());
    }

    #[test]
    fn own_entries_are_counted() {
        let mut ws = odenwaldkreis();
        ws.copy_agreement(AgreementId(2), year(2023))
            .map_err(|e| e.message(Lang::De))
            .unwrap();
        // One 2022 target changed, one removed.
        ws.agreement_mut(AgreementId(2)).unwrap().targets[0].notes = "Gespräch im Mai".into();
        ws.remove_target(AgreementId(2), TargetId(5)).unwrap();
        for m in 1..=3 {
            let key = ValueKey {
                indicator: IndicatorCode::new("INT"),
                population: Population::Total,
                year: year(2022),
                month: Month::new(m),
            };
            ws.values.record(key, Amount::Number(60.0), None, "");
        }
        let own = own_entries(&ws);
        assert_eq!(own.agreements, vec![year(2023)]);
        assert_eq!(own.changed_targets, 2);
        assert_eq!(own.values, 3);
        assert_eq!(own.indicators, 0);
    }
}
