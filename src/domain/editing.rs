//! Changes to agreements and targets as the editor makes them: create, copy from the previous year, delete
//! with undo, add/replace/remove targets. Every operation checks first and changes nothing when it refuses;
//! its reason comes in the UI's language.

use super::agreement::{Agreement, AgreementId, ManualStatus, Target, TargetFormat, TargetId};
use super::indicator::{Aggregation, Indicator, is_builtin, validate_user_code};
use super::workspace::Workspace;
use crate::core::calendar::Year;
use crate::locale::Lang;

/// "Für 2022 gibt es bereits eine Zielvereinbarung." in `lang`.
fn year_taken(year: Year, lang: Lang) -> String {
    match lang {
        Lang::De => format!("Für {year} gibt es bereits eine Zielvereinbarung."),
        Lang::En => format!("There is already a target agreement for {year}."),
    }
}

fn agreement_gone(lang: Lang) -> String {
    lang.pick(
        "Die Zielvereinbarung gibt es nicht mehr.",
        "The target agreement no longer exists.",
    )
    .to_owned()
}

/// A removed agreement with its place, for undo.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedAgreement {
    pub index: usize,
    pub agreement: Agreement,
}

/// A removed target with its agreement and place, for undo.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedTarget {
    pub agreement: AgreementId,
    pub index: usize,
    pub target: Target,
}

impl Workspace {
    /// The next free agreement id.
    pub fn next_agreement_id(&self) -> AgreementId {
        AgreementId(self.agreements.iter().map(|a| a.id.0).max().unwrap_or(0) + 1)
    }

    /// The next free target id (unique across all agreements, so that `#/ziel/N` always means one target).
    pub fn next_target_id(&self) -> TargetId {
        TargetId(
            self.agreements
                .iter()
                .flat_map(|a| a.targets.iter().map(|t| t.id.0))
                .max()
                .unwrap_or(0)
                + 1,
        )
    }

    pub fn agreement_mut(&mut self, id: AgreementId) -> Option<&mut Agreement> {
        self.agreements.iter_mut().find(|a| a.id == id)
    }

    /// A new, empty agreement for `year`; refused if that year has one.
    pub fn create_agreement(
        &mut self,
        year: Year,
        job_centre: &str,
        partner: &str,
        lang: Lang,
    ) -> Result<AgreementId, String> {
        if self.agreement_for(year).is_some() {
            return Err(year_taken(year, lang));
        }
        let id = self.next_agreement_id();
        self.agreements.push(Agreement {
            id,
            year,
            job_centre: job_centre.trim().to_owned(),
            partner: partner.trim().to_owned(),
            signed_on: None,
            signatories: String::new(),
            notes: String::new(),
            targets: Vec::new(),
        });
        self.agreements.sort_by_key(|a| a.year);
        Ok(id)
    }

    /// A copy of the agreement `from` for `year`: the same targets (new ids, notes emptied, qualitative goals
    /// open again), parties kept, not yet signed. Refused if `year` has an agreement.
    pub fn copy_agreement(
        &mut self,
        from: AgreementId,
        year: Year,
        lang: Lang,
    ) -> Result<AgreementId, String> {
        if self.agreement_for(year).is_some() {
            return Err(year_taken(year, lang));
        }
        let source = self.agreement(from).cloned().ok_or_else(|| {
            lang.pick(
                "Die Vorlage gibt es nicht mehr.",
                "The agreement to copy no longer exists.",
            )
            .to_owned()
        })?;
        let id = self.next_agreement_id();
        let mut next = self.next_target_id().0;
        let targets = source
            .targets
            .into_iter()
            .map(|mut t| {
                t.id = TargetId(next);
                next += 1;
                t.notes.clear();
                if let TargetFormat::Qualitative { status, .. } = &mut t.format {
                    *status = ManualStatus::Open;
                }
                t
            })
            .collect();
        self.agreements.push(Agreement {
            id,
            year,
            job_centre: source.job_centre,
            partner: source.partner,
            signed_on: None,
            signatories: String::new(),
            notes: String::new(),
            targets,
        });
        self.agreements.sort_by_key(|a| a.year);
        Ok(id)
    }

    /// Removes an agreement with its targets (the values stay); returns it for undo.
    pub fn delete_agreement(&mut self, id: AgreementId) -> Option<RemovedAgreement> {
        let index = self.agreements.iter().position(|a| a.id == id)?;
        Some(RemovedAgreement {
            index,
            agreement: self.agreements.remove(index),
        })
    }

    /// Undoes [`Workspace::delete_agreement`]; refused if the year got a new agreement meanwhile.
    pub fn restore_agreement(
        &mut self,
        removed: RemovedAgreement,
        lang: Lang,
    ) -> Result<(), String> {
        let year = removed.agreement.year;
        if self.agreement_for(year).is_some() {
            return Err(match lang {
                Lang::De => format!(
                    "Für {year} gibt es inzwischen eine andere Zielvereinbarung; die gelöschte kann nicht zurückgeholt werden."
                ),
                Lang::En => format!(
                    "There is now another target agreement for {year}; the deleted one cannot be brought back."
                ),
            });
        }
        let index = removed.index.min(self.agreements.len());
        self.agreements.insert(index, removed.agreement);
        Ok(())
    }

    /// Adds a target, or replaces the one with the same id.
    pub fn put_target(
        &mut self,
        agreement: AgreementId,
        target: Target,
        lang: Lang,
    ) -> Result<(), String> {
        let a = self
            .agreement_mut(agreement)
            .ok_or_else(|| agreement_gone(lang))?;
        match a.targets.iter_mut().find(|t| t.id == target.id) {
            Some(existing) => *existing = target,
            None => {
                let at = a.insert_position(&target);
                a.targets.insert(at, target);
            }
        }
        Ok(())
    }

    /// Removes a target; returns it for undo.
    pub fn remove_target(&mut self, agreement: AgreementId, id: TargetId) -> Option<RemovedTarget> {
        let a = self.agreement_mut(agreement)?;
        let index = a.targets.iter().position(|t| t.id == id)?;
        Some(RemovedTarget {
            agreement,
            index,
            target: a.targets.remove(index),
        })
    }

    /// Adds a user-defined indicator ("eigene Kennzahl"), checking its code and name.
    pub fn add_indicator(&mut self, indicator: Indicator, lang: Lang) -> Result<(), String> {
        let code = indicator.code.as_str();
        // The rule lives in `validate_user_code`, whose reason is German; English names the same two cases.
        validate_user_code(code).map_err(|german| match lang {
            Lang::De => german,
            Lang::En if is_builtin(code) => format!("“{code}” is already a built-in indicator."),
            Lang::En => format!(
                "“{code}” is not allowed as an indicator code: 1 to 24 characters from the letters A–Z, digits, - \
                 and _, starting with a letter."
            ),
        })?;
        if self
            .indicators
            .iter()
            .any(|i| i.code.as_str().eq_ignore_ascii_case(code))
        {
            return Err(match lang {
                Lang::De => format!("Eine eigene Kennzahl mit dem Code „{code}“ gibt es bereits."),
                Lang::En => format!("There is already an own indicator with the code “{code}”."),
            });
        }
        if indicator.name.trim().is_empty() {
            return Err(lang
                .pick(
                    "Bitte eine Bezeichnung für die Kennzahl eingeben.",
                    "Please enter a name for the indicator.",
                )
                .into());
        }
        if let Aggregation::ChangeVsPreviousYear { base } = &indicator.aggregation
            && !self
                .catalogue()
                .get(base.as_str())
                .is_some_and(Indicator::takes_values)
        {
            return Err(match lang {
                Lang::De => format!("Die Basis „{base}“ ist keine Kennzahl mit eigenen Werten."),
                Lang::En => {
                    format!("The base “{base}” is not an indicator with values of its own.")
                }
            });
        }
        self.indicators.push(Indicator {
            name: indicator.name.trim().to_owned(),
            ..indicator
        });
        Ok(())
    }

    /// Undoes [`Workspace::remove_target`].
    pub fn restore_target(&mut self, removed: RemovedTarget, lang: Lang) -> Result<(), String> {
        let a = self
            .agreement_mut(removed.agreement)
            .ok_or_else(|| agreement_gone(lang))?;
        let index = removed.index.min(a.targets.len());
        a.targets.insert(index, removed.target);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::odenwaldkreis;

    fn y(v: i64) -> Year {
        Year::new(v).unwrap()
    }

    #[test]
    fn create_refuses_a_second_agreement_for_a_year() {
        let mut ws = odenwaldkreis();
        let before = ws.clone();
        assert_eq!(
            ws.create_agreement(y(2022), "KJC", "HMSI", Lang::De),
            Err("Für 2022 gibt es bereits eine Zielvereinbarung.".into())
        );
        assert_eq!(ws, before);
        let id = ws
            .create_agreement(y(2023), " KJC ", "HMSI", Lang::De)
            .unwrap();
        assert_eq!(id, AgreementId(3));
        assert_eq!(ws.agreement(id).unwrap().job_centre, "KJC");
        assert_eq!(ws.agreement_years(), vec![y(2021), y(2022), y(2023)]);
    }

    #[test]
    fn copy_from_the_previous_year() {
        let mut ws = odenwaldkreis();
        let id = ws
            .copy_agreement(AgreementId(2), y(2023), Lang::De)
            .unwrap();
        let copy = ws.agreement(id).unwrap();
        assert_eq!(copy.targets.len(), 10);
        // New ids after the highest existing one (12).
        assert_eq!(copy.targets.first().unwrap().id, TargetId(13));
        assert_eq!(copy.targets.last().unwrap().id, TargetId(22));
        assert_eq!(copy.signatories, "");
        assert_eq!(
            copy.partner,
            "Hessisches Ministerium für Soziales und Integration (HMSI)"
        );
        assert!(copy.targets.iter().all(|t| t.notes.is_empty()));
        assert_eq!(
            ws.copy_agreement(AgreementId(2), y(2023), Lang::De),
            Err("Für 2023 gibt es bereits eine Zielvereinbarung.".into())
        );
    }

    #[test]
    fn delete_and_undo() {
        let mut ws = odenwaldkreis();
        let before = ws.clone();
        let removed = ws.delete_agreement(AgreementId(1)).unwrap();
        assert_eq!(ws.agreement_years(), vec![y(2022)]);
        // The values of 2021 stay.
        assert_eq!(ws.values.len(), before.values.len());
        ws.restore_agreement(removed, Lang::De).unwrap();
        assert_eq!(ws, before);

        let removed = ws.remove_target(AgreementId(2), TargetId(4)).unwrap();
        assert_eq!(ws.agreement(AgreementId(2)).unwrap().targets.len(), 9);
        ws.restore_target(removed, Lang::De).unwrap();
        assert_eq!(ws, before);
    }

    #[test]
    fn new_parts_go_under_their_total() {
        use crate::domain::agreement::{Category, Subject};
        use crate::domain::indicator::IndicatorCode;
        use crate::domain::values::Population;
        let mut ws = odenwaldkreis();
        // 2022: 770 (3), 308 (4), 462 (5), LZB 2.020 (6) ...: remove both parts, then add the men first.
        ws.remove_target(AgreementId(2), TargetId(4)).unwrap();
        ws.remove_target(AgreementId(2), TargetId(5)).unwrap();
        let part = |id: u32, population: Population, v: f64| Target {
            id: TargetId(id),
            title: String::new(),
            category: Category::Federal,
            format: TargetFormat::Minimum {
                subject: Subject {
                    indicator: IndicatorCode::new("INT"),
                    population,
                },
                target: v,
            },
            notes: String::new(),
        };
        ws.put_target(AgreementId(2), part(40, Population::Men, 462.0), Lang::De)
            .unwrap();
        ws.put_target(AgreementId(2), part(41, Population::Women, 308.0), Lang::De)
            .unwrap();
        let ids: Vec<u32> = ws.agreement(AgreementId(2)).unwrap().targets[..4]
            .iter()
            .map(|t| t.id.0)
            .collect();
        // Stored: the men right under the total, the women after the total too (before the men).
        assert_eq!(ids, vec![3, 41, 40, 6]);
        // Shown: women before men under their total, whatever the stored order.
        let a = ws.agreement_mut(AgreementId(2)).unwrap();
        a.targets.swap(1, 2);
        let shown: Vec<u32> = a.display_order()[..4].iter().map(|t| t.id.0).collect();
        assert_eq!(shown, vec![3, 41, 40, 6]);
    }

    #[test]
    fn own_indicators_are_checked() {
        use crate::domain::indicator::{Direction, IndicatorCode, Unit};
        let mut ws = crate::domain::workspace::Workspace::empty("KJC");
        let u25 = Indicator {
            code: IndicatorCode::new("INT-U25-AUSB"),
            name: " Integrationen U25 in Ausbildung ".into(),
            name_en: String::new(),
            unit: Unit::Count,
            aggregation: Aggregation::Flow,
            direction: Direction::HigherIsBetter,
            phrase_de: String::new(),
            phrase_en: String::new(),
        };
        assert_eq!(ws.add_indicator(u25.clone(), Lang::De), Ok(()));
        assert_eq!(
            ws.catalogue().get("INT-U25-AUSB").unwrap().name,
            "Integrationen U25 in Ausbildung"
        );
        assert_eq!(
            ws.add_indicator(u25.clone(), Lang::De),
            Err("Eine eigene Kennzahl mit dem Code „INT-U25-AUSB“ gibt es bereits.".into())
        );
        let builtin = Indicator {
            code: IndicatorCode::new("K2"),
            ..u25.clone()
        };
        assert_eq!(
            ws.add_indicator(builtin, Lang::De),
            Err("„K2“ ist bereits eine eingebaute Kennzahl.".into())
        );
        let nameless = Indicator {
            code: IndicatorCode::new("X1"),
            name: "  ".into(),
            ..u25
        };
        assert_eq!(
            ws.add_indicator(nameless, Lang::De),
            Err("Bitte eine Bezeichnung für die Kennzahl eingeben.".into())
        );
        assert_eq!(ws.indicators.len(), 1);
    }

    #[test]
    fn undo_is_refused_when_the_year_is_taken_again() {
        let mut ws = odenwaldkreis();
        let removed = ws.delete_agreement(AgreementId(1)).unwrap();
        ws.create_agreement(y(2021), "KJC", "HMSI", Lang::De)
            .unwrap();
        assert!(
            ws.restore_agreement(removed, Lang::De)
                .unwrap_err()
                .contains("inzwischen eine andere")
        );
    }

    #[test]
    fn refusals_in_english() {
        use crate::domain::indicator::{Direction, IndicatorCode, Unit};
        let mut ws = odenwaldkreis();
        assert_eq!(
            ws.create_agreement(y(2022), "KJC", "HMSI", Lang::En),
            Err("There is already a target agreement for 2022.".into())
        );
        assert_eq!(
            ws.copy_agreement(AgreementId(9), y(2030), Lang::En),
            Err("The agreement to copy no longer exists.".into())
        );
        let removed = ws.delete_agreement(AgreementId(1)).unwrap();
        ws.create_agreement(y(2021), "KJC", "HMSI", Lang::En)
            .unwrap();
        assert_eq!(
            ws.restore_agreement(removed, Lang::En),
            Err(
                "There is now another target agreement for 2021; the deleted one cannot be brought back."
                    .into()
            )
        );
        let own = |code: &str, name: &str| Indicator {
            code: IndicatorCode::new(code),
            name: name.into(),
            name_en: String::new(),
            unit: Unit::Count,
            aggregation: Aggregation::Flow,
            direction: Direction::HigherIsBetter,
            phrase_de: String::new(),
            phrase_en: String::new(),
        };
        assert_eq!(
            ws.add_indicator(own("K2", "x"), Lang::En),
            Err("“K2” is already a built-in indicator.".into())
        );
        assert!(
            ws.add_indicator(own("1ABC", "x"), Lang::En)
                .unwrap_err()
                .starts_with("“1ABC” is not allowed as an indicator code")
        );
        assert_eq!(
            ws.add_indicator(own("X1", " "), Lang::En),
            Err("Please enter a name for the indicator.".into())
        );
        assert_eq!(
            ws.put_target(
                AgreementId(1),
                ws.agreement(AgreementId(2)).unwrap().targets[0].clone(),
                Lang::En
            ),
            Err("The target agreement no longer exists.".into())
        );
    }
}
