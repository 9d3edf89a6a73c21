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
mod tests;
