//! Changes to agreements and targets as the editor makes them: create, copy from the previous year, delete
//! with undo, add/replace/remove targets. Every operation checks first and changes nothing when it refuses;
//! its reason is an [`EditError`], which says itself in either language.

use std::sync::Arc;

use super::agreement::{Agreement, AgreementId, ManualStatus, Target, TargetFormat, TargetId};
use super::indicator::{Aggregation, CodeError, Indicator, validate_user_code};
use super::workspace::Workspace;
use crate::core::calendar::Year;
use crate::locale::Lang;
use crate::tr;

/// Why an edit was refused; nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The year has an agreement already.
    YearTaken(Year),
    /// The agreement to copy was deleted meanwhile.
    SourceGone,
    /// The agreement was deleted meanwhile.
    AgreementGone,
    /// A deleted agreement cannot come back: its year got another one meanwhile.
    YearTakenMeanwhile(Year),
    /// The code of an own indicator is not allowed.
    Code(CodeError),
    /// An own indicator with this code exists (compared without case).
    CodeTaken(String),
    /// An own indicator needs a name.
    NameMissing,
    /// The base of a change indicator has no values of its own.
    BaseWithoutValues(String),
}

impl EditError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            EditError::YearTaken(year) => tr!(
                lang,
                "Für {year} gibt es bereits eine Zielvereinbarung.",
                "There is already a target agreement for {year}."
            ),
            EditError::SourceGone => tr!(
                lang,
                "Die Vorlage gibt es nicht mehr.",
                "The agreement to copy no longer exists."
            ),
            EditError::AgreementGone => tr!(
                lang,
                "Die Zielvereinbarung gibt es nicht mehr.",
                "The target agreement no longer exists."
            ),
            EditError::YearTakenMeanwhile(year) => tr!(
                lang,
                "Für {year} gibt es inzwischen eine andere Zielvereinbarung; die gelöschte kann nicht zurückgeholt werden.",
                "There is now another target agreement for {year}; the deleted one cannot be brought back."
            ),
            EditError::Code(e) => e.message(lang),
            EditError::CodeTaken(code) => tr!(
                lang,
                "Eine eigene Kennzahl mit dem Code „{code}“ gibt es bereits.",
                "There is already an own indicator with the code “{code}”."
            ),
            EditError::NameMissing => tr!(
                lang,
                "Bitte eine Bezeichnung für die Kennzahl eingeben.",
                "Please enter a name for the indicator."
            ),
            EditError::BaseWithoutValues(base) => tr!(
                lang,
                "Die Basis „{base}“ ist keine Kennzahl mit eigenen Werten.",
                "The base “{base}” is not an indicator with values of its own."
            ),
        }
    }
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
        self.agreements
            .iter_mut()
            .find(|a| a.id == id)
            .map(Arc::make_mut)
    }

    /// A new, empty agreement for `year`; refused if that year has one.
    pub fn create_agreement(
        &mut self,
        year: Year,
        job_centre: &str,
        partner: &str,
    ) -> Result<AgreementId, EditError> {
        if self.agreement_for(year).is_some() {
            return Err(EditError::YearTaken(year));
        }
        let id = self.next_agreement_id();
        self.agreements.push(Arc::new(Agreement {
            id,
            year,
            job_centre: job_centre.trim().to_owned(),
            partner: partner.trim().to_owned(),
            signed_on: None,
            signatories: String::new(),
            notes: String::new(),
            targets: Vec::new(),
        }));
        self.agreements.sort_by_key(|a| a.year);
        Ok(id)
    }

    /// A copy of the agreement `from` for `year`: the same targets (new ids, notes emptied, qualitative goals
    /// open again), parties kept, not yet signed. Refused if `year` has an agreement.
    pub fn copy_agreement(
        &mut self,
        from: AgreementId,
        year: Year,
    ) -> Result<AgreementId, EditError> {
        if self.agreement_for(year).is_some() {
            return Err(EditError::YearTaken(year));
        }
        let source = self.agreement(from).cloned().ok_or(EditError::SourceGone)?;
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
        self.agreements.push(Arc::new(Agreement {
            id,
            year,
            job_centre: source.job_centre,
            partner: source.partner,
            signed_on: None,
            signatories: String::new(),
            notes: String::new(),
            targets,
        }));
        self.agreements.sort_by_key(|a| a.year);
        Ok(id)
    }

    /// Removes an agreement with its targets (the values stay); returns it for undo.
    pub fn delete_agreement(&mut self, id: AgreementId) -> Option<RemovedAgreement> {
        let index = self.agreements.iter().position(|a| a.id == id)?;
        Some(RemovedAgreement {
            index,
            agreement: Arc::unwrap_or_clone(self.agreements.remove(index)),
        })
    }

    /// Undoes [`Workspace::delete_agreement`]; refused if the year got a new agreement meanwhile.
    pub fn restore_agreement(&mut self, removed: RemovedAgreement) -> Result<(), EditError> {
        let year = removed.agreement.year;
        if self.agreement_for(year).is_some() {
            return Err(EditError::YearTakenMeanwhile(year));
        }
        let index = removed.index.min(self.agreements.len());
        self.agreements.insert(index, Arc::new(removed.agreement));
        Ok(())
    }

    /// Adds a target, or replaces the one with the same id.
    pub fn put_target(&mut self, agreement: AgreementId, target: Target) -> Result<(), EditError> {
        let a = self
            .agreement_mut(agreement)
            .ok_or(EditError::AgreementGone)?;
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
    pub fn add_indicator(&mut self, indicator: Indicator) -> Result<(), EditError> {
        let code = indicator.code.as_str();
        validate_user_code(code).map_err(EditError::Code)?;
        if self
            .indicators
            .iter()
            .any(|i| i.code.as_str().eq_ignore_ascii_case(code))
        {
            return Err(EditError::CodeTaken(code.to_owned()));
        }
        if indicator.name.trim().is_empty() {
            return Err(EditError::NameMissing);
        }
        if let Aggregation::ChangeVsPreviousYear { base } = &indicator.aggregation
            && !self
                .catalogue()
                .get(base.as_str())
                .is_some_and(Indicator::takes_values)
        {
            return Err(EditError::BaseWithoutValues(base.to_string()));
        }
        self.indicators.push(Indicator {
            name: indicator.name.trim().to_owned(),
            ..indicator
        });
        Ok(())
    }

    /// Undoes [`Workspace::remove_target`].
    pub fn restore_target(&mut self, removed: RemovedTarget) -> Result<(), EditError> {
        let a = self
            .agreement_mut(removed.agreement)
            .ok_or(EditError::AgreementGone)?;
        let index = removed.index.min(a.targets.len());
        a.targets.insert(index, removed.target);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
