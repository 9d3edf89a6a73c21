//! The built-in catalogue: the federal key figures (K1 … K3E4) and the absolute figures agreements target
//! (INT, LZB, ELB, LLU, KDU), with their names, units, rules and sentence phrases in both languages.

use super::*;

/// The const form of [`Aggregation`] for the built-in table.
#[derive(Clone, Copy)]
pub(super) enum Agg {
    Flow,
    Stock,
    QuotaSum,
    QuotaAvg,
    ChangeOf(&'static str),
}

impl Agg {
    fn build(self) -> Aggregation {
        match self {
            Agg::Flow => Aggregation::Flow,
            Agg::Stock => Aggregation::Stock,
            Agg::QuotaSum => Aggregation::Quota(Denominator::Sum),
            Agg::QuotaAvg => Aggregation::Quota(Denominator::Average),
            Agg::ChangeOf(base) => Aggregation::ChangeVsPreviousYear {
                base: IndicatorCode::new(base),
            },
        }
    }
}

pub(super) struct Builtin {
    code: &'static str,
    name: &'static str,
    name_en: &'static str,
    unit: Unit,
    aggregation: Agg,
    direction: Direction,
    phrase_de: &'static str,
    phrase_en: &'static str,
}

use Direction::{HigherIsBetter as Higher, LowerIsBetter as Lower, Neutral};

pub(super) const BUILTINS: &[Builtin] = &[
    Builtin {
        code: "INT",
        name: "Integrationen",
        name_en: "Integrations",
        unit: Unit::Count,
        aggregation: Agg::Flow,
        direction: Higher,
        phrase_de: "die Summe der Integrationen",
        phrase_en: "the number of integrations",
    },
    Builtin {
        code: "LZB",
        name: "Bestand Langzeitleistungsbeziehende",
        name_en: "Long-term benefit recipients (stock)",
        unit: Unit::Persons,
        aggregation: Agg::Stock,
        direction: Lower,
        phrase_de: "der durchschnittliche Bestand an Langzeitleistungsbeziehenden",
        phrase_en: "the average number of long-term benefit recipients",
    },
    Builtin {
        code: "ELB",
        name: "Bestand erwerbsfähige Leistungsberechtigte",
        name_en: "Employable benefit recipients (stock)",
        unit: Unit::Persons,
        aggregation: Agg::Stock,
        direction: Lower,
        phrase_de: "der durchschnittliche Bestand an erwerbsfähigen Leistungsberechtigten",
        phrase_en: "the average number of employable benefit recipients",
    },
    Builtin {
        code: "LLU",
        name: "Summe der Leistungen zum Lebensunterhalt",
        name_en: "Sum of subsistence benefits",
        unit: Unit::Euro,
        aggregation: Agg::Flow,
        direction: Lower,
        phrase_de: "die Summe der Leistungen zum Lebensunterhalt",
        phrase_en: "the sum of subsistence benefits",
    },
    Builtin {
        code: "KDU",
        name: "Summe der Leistungen für Unterkunft und Heizung",
        name_en: "Sum of housing and heating benefits",
        unit: Unit::Euro,
        aggregation: Agg::Flow,
        direction: Lower,
        phrase_de: "die Summe der Leistungen für Unterkunft und Heizung",
        phrase_en: "the sum of housing and heating benefits",
    },
    Builtin {
        code: "K1",
        name: "Veränderung der Summe der Leistungen zum Lebensunterhalt",
        name_en: "Change in the sum of subsistence benefits",
        unit: Unit::Percent,
        aggregation: Agg::ChangeOf("LLU"),
        direction: Lower,
        phrase_de: "die Veränderung der Summe der Leistungen zum Lebensunterhalt",
        phrase_en: "the change in subsistence benefits",
    },
    Builtin {
        code: "K1E1",
        name: "Veränderung der Summe der Leistungen für Unterkunft und Heizung",
        name_en: "Change in the sum of housing and heating benefits",
        unit: Unit::Percent,
        aggregation: Agg::ChangeOf("KDU"),
        direction: Lower,
        phrase_de: "die Veränderung der Summe der Leistungen für Unterkunft und Heizung",
        phrase_en: "the change in housing and heating benefits",
    },
    Builtin {
        code: "K1E2",
        name: "Veränderung der Zahl der erwerbsfähigen Leistungsberechtigten",
        name_en: "Change in the number of employable benefit recipients",
        unit: Unit::Percent,
        aggregation: Agg::ChangeOf("ELB"),
        direction: Lower,
        phrase_de: "die Veränderung der Zahl der erwerbsfähigen Leistungsberechtigten",
        phrase_en: "the change in employable benefit recipients",
    },
    Builtin {
        code: "K1E3",
        name: "Durchschnittliche Zugangsrate der erwerbsfähigen Leistungsberechtigten",
        name_en: "Average inflow rate of employable benefit recipients",
        unit: Unit::Percent,
        aggregation: Agg::Stock,
        direction: Lower,
        phrase_de: "die durchschnittliche Zugangsrate der erwerbsfähigen Leistungsberechtigten",
        phrase_en: "the average inflow rate of employable benefit recipients",
    },
    Builtin {
        code: "K1E4",
        name: "Durchschnittliche Abgangsrate der erwerbsfähigen Leistungsberechtigten",
        name_en: "Average outflow rate of employable benefit recipients",
        unit: Unit::Percent,
        aggregation: Agg::Stock,
        direction: Higher,
        phrase_de: "die durchschnittliche Abgangsrate der erwerbsfähigen Leistungsberechtigten",
        phrase_en: "the average outflow rate of employable benefit recipients",
    },
    Builtin {
        code: "K2",
        name: "Integrationsquote",
        name_en: "Integration rate",
        unit: Unit::Percent,
        aggregation: Agg::QuotaAvg,
        direction: Higher,
        phrase_de: "die Integrationsquote",
        phrase_en: "the integration rate",
    },
    Builtin {
        code: "K2E1",
        name: "Quote der Eintritte in geringfügige Beschäftigung",
        name_en: "Rate of entries into marginal employment",
        unit: Unit::Percent,
        aggregation: Agg::QuotaAvg,
        direction: Neutral,
        phrase_de: "die Quote der Eintritte in geringfügige Beschäftigung",
        phrase_en: "the rate of entries into marginal employment",
    },
    Builtin {
        code: "K2E2",
        name: "Quote der Eintritte in öffentlich geförderte Beschäftigung",
        name_en: "Rate of entries into publicly subsidised employment",
        unit: Unit::Percent,
        aggregation: Agg::QuotaAvg,
        direction: Neutral,
        phrase_de: "die Quote der Eintritte in öffentlich geförderte Beschäftigung",
        phrase_en: "the rate of entries into subsidised employment",
    },
    Builtin {
        code: "K2E3",
        name: "Kontinuierliche Beschäftigung nach Integration",
        name_en: "Continued employment after integration",
        unit: Unit::Percent,
        aggregation: Agg::QuotaSum,
        direction: Higher,
        phrase_de: "die Quote der kontinuierlichen Beschäftigung nach Integration",
        phrase_en: "the rate of continuous employment after integration",
    },
    Builtin {
        code: "K2E4",
        name: "Integrationsquote der Alleinerziehenden",
        name_en: "Integration rate of single parents",
        unit: Unit::Percent,
        aggregation: Agg::QuotaAvg,
        direction: Higher,
        phrase_de: "die Integrationsquote der Alleinerziehenden",
        phrase_en: "the integration rate of single parents",
    },
    Builtin {
        code: "K3",
        name: "Veränderung des Bestands an Langzeitleistungsbeziehenden",
        name_en: "Change in the stock of long-term benefit recipients",
        unit: Unit::Percent,
        aggregation: Agg::ChangeOf("LZB"),
        direction: Lower,
        phrase_de: "die Veränderung des Bestands an Langzeitleistungsbeziehenden",
        phrase_en: "the change in long-term benefit recipients",
    },
    Builtin {
        code: "K3E1",
        name: "Integrationsquote der Langzeitleistungsbeziehenden",
        name_en: "Integration rate of long-term benefit recipients",
        unit: Unit::Percent,
        aggregation: Agg::QuotaAvg,
        direction: Higher,
        phrase_de: "die Integrationsquote der Langzeitleistungsbeziehenden",
        phrase_en: "the integration rate of long-term benefit recipients",
    },
    Builtin {
        code: "K3E2",
        name: "Aktivierungsquote der Langzeitleistungsbeziehenden",
        name_en: "Activation rate of long-term benefit recipients",
        unit: Unit::Percent,
        aggregation: Agg::QuotaSum,
        direction: Neutral,
        phrase_de: "die Aktivierungsquote der Langzeitleistungsbeziehenden",
        phrase_en: "the activation rate of long-term benefit recipients",
    },
    Builtin {
        code: "K3E3",
        name: "Zugangsrate der Langzeitleistungsbeziehenden",
        name_en: "Inflow rate of long-term benefit recipients",
        unit: Unit::Percent,
        aggregation: Agg::Stock,
        direction: Lower,
        phrase_de: "die Zugangsrate der Langzeitleistungsbeziehenden",
        phrase_en: "the inflow rate of long-term benefit recipients",
    },
    Builtin {
        code: "K3E4",
        name: "Abgangsrate der Langzeitleistungsbeziehenden",
        name_en: "Outflow rate of long-term benefit recipients",
        unit: Unit::Percent,
        aggregation: Agg::Stock,
        direction: Higher,
        phrase_de: "die Abgangsrate der Langzeitleistungsbeziehenden",
        phrase_en: "the outflow rate of long-term benefit recipients",
    },
];

/// The built-in catalogue, in the order the UI lists it.
pub fn builtin_catalogue() -> Vec<Indicator> {
    BUILTINS
        .iter()
        .map(|b| Indicator {
            code: IndicatorCode::new(b.code),
            name: b.name.to_owned(),
            name_en: b.name_en.to_owned(),
            unit: b.unit,
            aggregation: b.aggregation.build(),
            direction: b.direction,
            phrase_de: b.phrase_de.to_owned(),
            phrase_en: b.phrase_en.to_owned(),
        })
        .collect()
}

/// Whether `code` is one of the built-in codes (users cannot redefine them).
pub fn is_builtin(code: &str) -> bool {
    BUILTINS.iter().any(|b| b.code.eq_ignore_ascii_case(code))
}
