//! A target's numbers checked against its indicator, with a reason for every problem in the UI's language.

use super::*;

/// A number of a target, as validation names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Figure {
    Target,
    Cap,
    Change,
    Baseline,
}

impl Figure {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            Figure::Target => lang.pick("Zielwert", "Target value"),
            Figure::Cap => lang.pick("Obergrenze", "Cap"),
            Figure::Change => lang.pick("Veränderung", "Change"),
            Figure::Baseline => lang.pick("Ausgangswert", "Baseline"),
        }
    }
}

impl Target {
    /// Checks the target's numbers against its indicator; the reasons for every problem in `lang`.
    pub fn validate(&self, indicator: Option<&Indicator>, lang: Lang) -> Vec<String> {
        let mut problems = Vec::new();
        let numbers: Vec<(Figure, f64)> = match &self.format {
            TargetFormat::Minimum { target, .. } => vec![(Figure::Target, *target)],
            TargetFormat::Maximum { cap, .. } => vec![(Figure::Cap, *cap)],
            TargetFormat::QuotaIncrease {
                baseline,
                change,
                target,
                ..
            } => {
                let mut n = vec![(Figure::Change, *change), (Figure::Target, *target)];
                n.extend(baseline.map(|b| (Figure::Baseline, b)));
                n
            }
            TargetFormat::ChangeVsPreviousYear { change, .. } => vec![(Figure::Change, *change)],
            TargetFormat::QuotaRelativeChange {
                baseline,
                change_percent,
                target,
                ..
            } => {
                vec![
                    (Figure::Baseline, *baseline),
                    (Figure::Change, *change_percent),
                    (Figure::Target, *target),
                ]
            }
            TargetFormat::Monitoring { .. } => vec![],
            TargetFormat::Qualitative { description, .. } => {
                if description.trim().is_empty() {
                    problems.push(
                        lang.pick(
                            "Ein qualitatives Ziel braucht eine Beschreibung.",
                            "A qualitative goal needs a description.",
                        )
                        .to_owned(),
                    );
                }
                vec![]
            }
        };
        for (figure, value) in &numbers {
            if !value.is_finite() {
                let name = figure.label(lang);
                problems.push(tr!(
                    lang,
                    "{name}: keine gültige Zahl.",
                    "{name}: not a valid number."
                ));
                continue;
            }
            // A change is a percentage (or points); the other figures are in the indicator's unit.
            let unit = match (figure, indicator) {
                (Figure::Change, _) | (_, None) => Unit::Percent,
                (_, Some(i)) => i.unit,
            };
            let limit = crate::domain::indicator::plausible_limit(unit);
            if value.abs() > limit {
                let name = figure.label(lang);
                let limit = crate::locale::format_decimal(limit, 0, lang);
                problems.push(crate::tr!(
                    lang,
                    "{name} ist größer, als es bei dieser Kennzahl möglich ist (höchstens {limit}).",
                    "{name} is larger than this indicator allows (at most {limit})."
                ));
            }
        }
        if let Some(subject) = self.format.subject() {
            match indicator {
                None => problems.push(tr!(
                    lang,
                    "Die Kennzahl „{}“ ist nicht im Katalog.",
                    "The indicator “{}” is not in the catalogue.",
                    subject.indicator
                )),
                Some(ind) => {
                    let is_quota_format = matches!(
                        self.format,
                        TargetFormat::QuotaIncrease { .. }
                            | TargetFormat::QuotaRelativeChange { .. }
                    );
                    if is_quota_format && ind.unit != Unit::Percent {
                        let format = self.format.label(lang);
                        problems.push(tr!(
                            lang,
                            "Das Format „{format}“ passt nur zu Quoten; „{}“ ist keine Quote.",
                            "The format “{format}” only applies to rates; “{}” is not a rate.",
                            ind.name
                        ));
                    }
                    if ind.unit != Unit::Percent {
                        for (figure, value) in &numbers {
                            if *value < 0.0 && *figure != Figure::Change {
                                let name = figure.label(lang);
                                problems.push(tr!(
                                    lang,
                                    "{name} darf nicht negativ sein.",
                                    "{name} must not be negative."
                                ));
                            }
                        }
                    }
                }
            }
        }
        if let TargetFormat::ChangeVsPreviousYear { change, .. } = self.format
            && change < 0.0
        {
            problems.push(
                lang.pick(
                    "Die Veränderung wird ohne Vorzeichen angegeben; die Richtung steht in der Grenze.",
                    "The change is stated without a sign; the limit gives the direction.",
                )
                .into(),
            );
        }
        problems
    }
}
