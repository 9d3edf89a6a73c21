//! The form for an own indicator ("eigene Kennzahl") without the browser: its choices (unit, how the months make
//! the year, which direction is better), and building the indicator from what was typed, with every problem by
//! field in the UI's language.

use crate::domain::editing::EditError;
use crate::domain::indicator::{
    Aggregation, Denominator, Direction, Indicator, IndicatorCode, Unit, validate_user_code,
};
use crate::domain::workspace::Workspace;
use crate::locale::Lang;

use super::choices::{Choice, choice};

/// How the year's figure comes from the months.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Rule {
    #[default]
    Sum,
    Average,
    /// A rate: Σ numerator / Σ denominator.
    RateOfSums,
    /// A rate: Σ numerator / the average denominator.
    RateOfAverage,
}

pub const UNITS: &[Choice<Unit>] = &[
    choice(Unit::Count, "Anzahl", "Anzahl", "Count"),
    choice(Unit::Persons, "Personen", "Personen", "Persons"),
    choice(Unit::Euro, "Euro", "Euro", "Euro"),
    choice(Unit::Percent, "Prozent", "Prozent", "Percent"),
];
pub const RULES: &[Choice<Rule>] = &[
    choice(Rule::Sum, "Summe", "Summe", "Sum"),
    choice(Rule::Average, "Durchschnitt", "Durchschnitt", "Average"),
    choice(Rule::RateOfSums, "Quote Σ/Σ", "Quote Σ/Σ", "Rate Σ/Σ"),
    choice(Rule::RateOfAverage, "Quote Σ/Ø", "Quote Σ/Ø", "Rate Σ/Ø"),
];
pub const DIRECTIONS: &[Choice<Direction>] = &[
    choice(Direction::HigherIsBetter, "höher", "höher", "higher"),
    choice(Direction::LowerIsBetter, "niedriger", "niedriger", "lower"),
    choice(Direction::Neutral, "neutral", "neutral", "neutral"),
];

/// The form's fields that can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IndicatorField {
    Code,
    Name,
}

impl IndicatorField {
    /// The id of the input in the page.
    pub fn id(self) -> &'static str {
        match self {
            IndicatorField::Code => "kz-code",
            IndicatorField::Name => "kz-name",
        }
    }
}

/// What the form holds.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorDraft {
    pub code: String,
    pub name: String,
    pub unit: Unit,
    pub rule: Rule,
    pub direction: Direction,
}

impl Default for IndicatorDraft {
    fn default() -> Self {
        IndicatorDraft {
            code: String::new(),
            name: String::new(),
            unit: Unit::Count,
            rule: Rule::Sum,
            direction: Direction::HigherIsBetter,
        }
    }
}

/// The unit and aggregation the choices make: a rate is always in percent, whatever unit was chosen.
pub fn unit_and_aggregation(unit: Unit, rule: Rule) -> (Unit, Aggregation) {
    match rule {
        Rule::Sum => (unit, Aggregation::Flow),
        Rule::Average => (unit, Aggregation::Stock),
        Rule::RateOfSums => (Unit::Percent, Aggregation::Quota(Denominator::Sum)),
        Rule::RateOfAverage => (Unit::Percent, Aggregation::Quota(Denominator::Average)),
    }
}

/// The field an edit's refusal belongs to.
pub fn field_of(error: &EditError) -> IndicatorField {
    match error {
        EditError::NameMissing => IndicatorField::Name,
        _ => IndicatorField::Code,
    }
}

/// The indicator as typed, or every problem by field in `lang`. The same checks as
/// `Workspace::add_indicator`, all at once instead of the first.
pub fn build(
    draft: &IndicatorDraft,
    workspace: &Workspace,
    lang: Lang,
) -> Result<Indicator, Vec<(IndicatorField, String)>> {
    let code = draft.code.trim();
    let mut errors = Vec::new();
    if let Err(e) = validate_user_code(code) {
        errors.push((IndicatorField::Code, EditError::Code(e).message(lang)));
    } else if workspace
        .indicators
        .iter()
        .any(|i| i.code.as_str().eq_ignore_ascii_case(code))
    {
        errors.push((
            IndicatorField::Code,
            EditError::CodeTaken(code.to_owned()).message(lang),
        ));
    }
    if draft.name.trim().is_empty() {
        errors.push((IndicatorField::Name, EditError::NameMissing.message(lang)));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let (unit, aggregation) = unit_and_aggregation(draft.unit, draft.rule);
    Ok(Indicator {
        code: IndicatorCode::new(code),
        name: draft.name.trim().to_owned(),
        name_en: String::new(),
        unit,
        aggregation,
        direction: draft.direction,
        phrase_de: String::new(),
        phrase_en: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::odenwaldkreis;
    use crate::present::choices::from_key;

    fn draft(code: &str, name: &str) -> IndicatorDraft {
        IndicatorDraft {
            code: code.into(),
            name: name.into(),
            ..IndicatorDraft::default()
        }
    }

    #[test]
    fn a_rate_is_in_percent_whatever_unit_was_chosen() {
        let ws = odenwaldkreis();
        let mut d = draft(" INT-U25 ", " Integrationen U25 in Ausbildung ");
        d.unit = Unit::Euro;
        d.rule = Rule::RateOfAverage;
        d.direction = Direction::LowerIsBetter;
        let built = build(&d, &ws, Lang::De).unwrap();
        assert_eq!(built.code.as_str(), "INT-U25");
        assert_eq!(built.name, "Integrationen U25 in Ausbildung");
        assert_eq!(built.unit, Unit::Percent);
        assert_eq!(built.aggregation, Aggregation::Quota(Denominator::Average));
        assert_eq!(built.direction, Direction::LowerIsBetter);
        d.rule = Rule::Average;
        assert_eq!(
            build(&d, &ws, Lang::De).map(|i| (i.unit, i.aggregation)),
            Ok((Unit::Euro, Aggregation::Stock))
        );
    }

    #[test]
    fn every_problem_by_field_in_both_languages() {
        let ws = odenwaldkreis();
        assert_eq!(
            build(&draft("K2", ""), &ws, Lang::De),
            Err(vec![
                (
                    IndicatorField::Code,
                    "„K2“ ist bereits eine eingebaute Kennzahl.".to_owned()
                ),
                (
                    IndicatorField::Name,
                    "Bitte eine Bezeichnung für die Kennzahl eingeben.".to_owned()
                ),
            ])
        );
        assert_eq!(
            build(&draft("1 AB", "x"), &ws, Lang::En),
            Err(vec![(
                IndicatorField::Code,
                "“1 AB” is not allowed as an indicator code: 1 to 24 characters from the letters A–Z, digits, - \
                 and _, starting with a letter."
                    .to_owned()
            )])
        );
        let mut with_own = ws.clone();
        with_own
            .add_indicator(build(&draft("INT-U25", "U25"), &ws, Lang::De).unwrap())
            .unwrap();
        assert_eq!(
            build(&draft("int-u25", "again"), &with_own, Lang::En),
            Err(vec![(
                IndicatorField::Code,
                "There is already an own indicator with the code “int-u25”.".to_owned()
            )])
        );
    }

    #[test]
    fn the_options_keep_their_page_values() {
        // The option values are what the page and its tests select; they must not change with the language.
        assert_eq!(from_key(RULES, "Quote Σ/Ø"), Some(Rule::RateOfAverage));
        assert_eq!(from_key(UNITS, "Personen"), Some(Unit::Persons));
        assert_eq!(
            from_key(DIRECTIONS, "niedriger"),
            Some(Direction::LowerIsBetter)
        );
        assert_eq!(RULES[2].label(Lang::En), "Rate Σ/Σ");
    }

    #[test]
    fn refusals_of_the_workspace_land_at_their_field() {
        assert_eq!(field_of(&EditError::NameMissing), IndicatorField::Name);
        assert_eq!(
            field_of(&EditError::CodeTaken("X".into())),
            IndicatorField::Code
        );
    }
}
