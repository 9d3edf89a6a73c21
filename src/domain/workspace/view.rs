//! Read doors as types: what a reader is handed when it may see only a part of the workspace. The UI's state
//! hands these out by what it tracks (`ui::state::Data`): [`MetaView`] for everything but the values (a value
//! change never re-runs its reader, so it has no way to the values), [`SeriesView`] for one indicator and
//! population in one year, and [`ValuesEdit`] for a change of values (which cannot touch the rest).

use std::sync::Arc;

use super::{Catalogue, Settings, Workspace};
use crate::core::calendar::{Month, Year};
use crate::domain::agreement::{Agreement, AgreementId, Target, TargetId};
use crate::domain::indicator::{Indicator, IndicatorCode, builtin_catalogue};
use crate::domain::values::{Population, Value, ValueKey, Values, YearValues};

/// Everything of a workspace but its values: organisation, own indicators, agreements, settings.
#[derive(Clone, Copy)]
pub struct MetaView<'a> {
    organisation: &'a str,
    example: bool,
    indicators: &'a [Indicator],
    agreements: &'a [Arc<Agreement>],
    settings: &'a Settings,
}

impl<'a> MetaView<'a> {
    pub fn organisation(self) -> &'a str {
        self.organisation
    }

    /// The example from the seed, not the user's own workspace.
    pub fn example(self) -> bool {
        self.example
    }

    /// The user's own indicators (the built-in ones are in [`MetaView::catalogue`]).
    pub fn indicators(self) -> &'a [Indicator] {
        self.indicators
    }

    pub fn agreements(self) -> &'a [Arc<Agreement>] {
        self.agreements
    }

    pub fn settings(self) -> &'a Settings {
        self.settings
    }

    /// Built-in and user-defined indicators, looked up by code.
    pub fn catalogue(self) -> Catalogue {
        let mut list = builtin_catalogue();
        list.extend(self.indicators.iter().cloned());
        Catalogue::new(list)
    }

    /// The agreement of a year (the first, should there be several).
    pub fn agreement_for(self, year: Year) -> Option<&'a Agreement> {
        self.agreements
            .iter()
            .find(|a| a.year == year)
            .map(|a| a.as_ref())
    }

    pub fn agreement(self, id: AgreementId) -> Option<&'a Agreement> {
        self.agreements
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.as_ref())
    }

    /// The target with `id` and the agreement that holds it (target ids are unique across agreements).
    pub fn target(self, id: TargetId) -> Option<(&'a Agreement, &'a Target)> {
        self.agreements
            .iter()
            .find_map(|a| a.target(id).map(|t| (a.as_ref(), t)))
    }
}

/// The values of one indicator and population in one year, its months and its annual value.
pub struct SeriesView<'a> {
    year_values: Option<&'a YearValues>,
    indicator: &'a IndicatorCode,
    population: Population,
    year: Year,
}

impl<'a> SeriesView<'a> {
    /// The value of a month, or the annual value (`None`).
    pub fn get(&self, month: Option<Month>) -> Option<&'a Value> {
        let key = ValueKey {
            indicator: self.indicator.clone(),
            population: self.population,
            year: self.year,
            month,
        };
        self.year_values?.get(&key)
    }
}

/// A change of values: the values to change, and the rest of the workspace to read (a value change cannot
/// change it).
pub struct ValuesEdit<'a> {
    pub meta: MetaView<'a>,
    pub values: &'a mut Values,
}

impl Workspace {
    /// Everything but the values.
    pub fn meta(&self) -> MetaView<'_> {
        MetaView {
            organisation: &self.organisation,
            example: self.example,
            indicators: &self.indicators,
            agreements: &self.agreements,
            settings: &self.settings,
        }
    }

    /// The values to change, with the rest to read.
    pub fn values_edit(&mut self) -> ValuesEdit<'_> {
        ValuesEdit {
            meta: MetaView {
                organisation: &self.organisation,
                example: self.example,
                indicators: &self.indicators,
                agreements: &self.agreements,
                settings: &self.settings,
            },
            values: &mut self.values,
        }
    }
}

impl Values {
    /// The values of one indicator and population in one year.
    pub fn series_view<'a>(
        &'a self,
        indicator: &'a IndicatorCode,
        population: Population,
        year: Year,
    ) -> SeriesView<'a> {
        SeriesView {
            year_values: self.year(year).map(|y| &**y),
            indicator,
            population,
            year,
        }
    }
}
