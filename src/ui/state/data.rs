//! The workspace in the UI, with triggers that follow the data: what a component reads, it reads through the
//! narrowest door, and each door hands only what it tracks, as a type: `meta` a [`MetaView`] (everything but the
//! values), `series` a [`SeriesView`] (one indicator and population in one year), `for_years` the workspace for
//! readers of named years (the engine), `all` the lot. A change notifies only the doors it went through; a change
//! of values gets a [`ValuesEdit`] and so cannot touch the rest. A typed value so re-runs its grid column, the
//! year's notes and the results of that year and the next, and nothing else. The workspace itself is plain
//! domain data; its years are shared with the copies the save protocol keeps, so telling what changed is a
//! comparison of pointers.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::core::calendar::Year;
use crate::domain::indicator::IndicatorCode;
use crate::domain::values::{Population, ValueKey, YearValues};
use crate::domain::workspace::{MetaView, SeriesView, ValuesEdit, Workspace};

type SeriesKey = (IndicatorCode, Population, Year);

/// The triggers, created on first use.
#[derive(Default)]
struct Triggers {
    meta: ArcTrigger,
    any: ArcTrigger,
    years: HashMap<Year, ArcTrigger>,
    series: HashMap<SeriesKey, ArcTrigger>,
}

/// The workspace with its triggers. `Copy`; provided by [`super::AppState`].
#[derive(Clone, Copy)]
pub struct Data {
    workspace: StoredValue<Workspace>,
    triggers: StoredValue<Triggers>,
}

impl Data {
    pub fn new(workspace: Workspace) -> Data {
        Data {
            workspace: StoredValue::new(workspace),
            triggers: StoredValue::new(Triggers::default()),
        }
    }

    fn track_meta(&self) {
        self.triggers.with_value(|t| t.meta.track());
    }
    fn track_year(&self, year: Year) {
        let trigger = self
            .triggers
            .try_update_value(|t| t.years.entry(year).or_default().clone());
        if let Some(trigger) = trigger {
            trigger.track();
        }
    }

    /// Reads everything but the values (organisation, own indicators, agreements, settings); tracked by them.
    pub fn meta<T>(&self, f: impl FnOnce(MetaView<'_>) -> T) -> T {
        self.track_meta();
        self.workspace.with_value(|w| f(w.meta()))
    }

    /// Reads what the agreement of `year` is judged by: everything but the values, and the values of `year` and
    /// the year before (the engine's previous-year figures). Tracked by exactly these.
    pub fn for_year<T>(&self, year: Year, f: impl FnOnce(&Workspace) -> T) -> T {
        let years = [Some(year), year.previous()];
        self.for_years(years.iter().flatten().copied(), f)
    }

    /// Reads everything but the values, and the values of `years` (a report's charts reach back a year further
    /// than the engine). Tracked by exactly these: `f` must read no other year's values.
    pub fn for_years<T>(
        &self,
        years: impl IntoIterator<Item = Year>,
        f: impl FnOnce(&Workspace) -> T,
    ) -> T {
        self.track_meta();
        for year in years {
            self.track_year(year);
        }
        self.workspace.with_value(f)
    }

    /// Reads one indicator and population in one year; tracked by that series alone.
    pub fn series<T>(
        &self,
        indicator: &IndicatorCode,
        population: Population,
        year: Year,
        f: impl FnOnce(&SeriesView<'_>) -> T,
    ) -> T {
        let key = (indicator.clone(), population, year);
        let trigger = self
            .triggers
            .try_update_value(|t| t.series.entry(key).or_default().clone());
        if let Some(trigger) = trigger {
            trigger.track();
        }
        self.workspace
            .with_value(|w| f(&w.values.series_view(indicator, population, year)))
    }

    /// Reads the whole workspace; tracked by every change.
    pub fn all<T>(&self, f: impl FnOnce(&Workspace) -> T) -> T {
        self.triggers.with_value(|t| t.any.track());
        self.workspace.with_value(f)
    }

    /// Reads without tracking (in event handlers).
    pub fn untracked<T>(&self, f: impl FnOnce(&Workspace) -> T) -> T {
        self.workspace.with_value(f)
    }

    /// A copy of the workspace (cheap: the years are shared).
    pub fn snapshot(&self) -> Workspace {
        self.workspace.get_value()
    }

    /// Changes what is not values (agreements, targets, own indicators, settings, organisation). `true` when
    /// anything changed, which then notifies the readers of `meta`.
    pub(super) fn change_meta<T>(&self, f: impl FnOnce(&mut Workspace) -> T) -> (T, bool) {
        let before = self.workspace.with_value(Meta::of);
        let out = self
            .workspace
            .try_update_value(f)
            .unwrap_or_else(|| unreachable!("the workspace lives as long as the app"));
        let changed = self.workspace.with_value(|w| before.differs(w));
        if changed {
            self.triggers.with_value(|t| {
                t.meta.notify();
                t.any.notify();
            });
        }
        (out, changed)
    }

    /// Changes values (and only values: the rest is there to read); notifies the series, years and
    /// everything-readers concerned. `true` when any value changed.
    pub(super) fn change_values<T>(&self, f: impl FnOnce(&mut ValuesEdit<'_>) -> T) -> (T, bool) {
        let before = self.workspace.with_value(|w| w.values.clone());
        let out = self
            .workspace
            .try_update_value(|w| f(&mut w.values_edit()))
            .unwrap_or_else(|| unreachable!("the workspace lives as long as the app"));
        let changed = self
            .workspace
            .with_value(|w| self.notify_values(&before, &w.values));
        (out, changed)
    }

    /// Puts another workspace in place (an import, a new workspace, another tab's save) and notifies what differs.
    pub(super) fn replace(&self, workspace: Workspace) -> bool {
        let before = self.workspace.get_value();
        self.workspace.set_value(workspace);
        self.workspace.with_value(|after| {
            let meta = Meta::of(&before).differs(after);
            if meta {
                self.triggers.with_value(|t| {
                    t.meta.notify();
                    t.any.notify();
                });
            }
            let values = self.notify_values(&before.values, &after.values);
            meta || values
        })
    }

    /// Notifies the readers of every year and series that differ between `before` and `after`.
    fn notify_values(
        &self,
        before: &crate::domain::values::Values,
        after: &crate::domain::values::Values,
    ) -> bool {
        let mut years: Vec<Year> = before.years();
        years.extend(after.years());
        years.sort_unstable();
        years.dedup();
        let mut changed = false;
        for year in years {
            if before.same_year(after, year) {
                continue;
            }
            let series = changed_series(before.year(year), after.year(year));
            if series.is_empty() {
                continue;
            }
            changed = true;
            self.triggers.with_value(|t| {
                if let Some(trigger) = t.years.get(&year) {
                    trigger.notify();
                }
                for (indicator, population) in series {
                    if let Some(trigger) = t.series.get(&(indicator, population, year)) {
                        trigger.notify();
                    }
                }
            });
        }
        if changed {
            self.triggers.with_value(|t| t.any.notify());
        }
        changed
    }
}

/// The series (indicator and population) whose values differ between two versions of one year.
fn changed_series(
    before: Option<&std::sync::Arc<YearValues>>,
    after: Option<&std::sync::Arc<YearValues>>,
) -> Vec<(IndicatorCode, Population)> {
    let empty = YearValues::new();
    let (before, after) = (
        before.map_or(&empty, |b| &**b),
        after.map_or(&empty, |a| &**a),
    );
    let mut out: Vec<(IndicatorCode, Population)> = Vec::new();
    let mut note = |key: &ValueKey| {
        if out
            .last()
            .is_none_or(|(i, p)| *i != key.indicator || *p != key.population)
        {
            out.push((key.indicator.clone(), key.population));
        }
    };
    for (key, value) in after {
        if before.get(key) != Some(value) {
            note(key);
        }
    }
    for key in before.keys() {
        if !after.contains_key(key) {
            note(key);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// What `meta` covers, to tell whether a change touched it.
struct Meta {
    organisation: String,
    example: bool,
    indicators: Vec<crate::domain::indicator::Indicator>,
    agreements: Vec<std::sync::Arc<crate::domain::agreement::Agreement>>,
    settings: crate::domain::workspace::Settings,
}

impl Meta {
    fn of(w: &Workspace) -> Meta {
        Meta {
            organisation: w.organisation.clone(),
            example: w.example,
            indicators: w.indicators.clone(),
            agreements: w.agreements.clone(),
            settings: w.settings,
        }
    }
    fn differs(&self, w: &Workspace) -> bool {
        self.organisation != w.organisation
            || self.example != w.example
            || self.settings != w.settings
            || self.indicators != w.indicators
            || self.agreements != w.agreements
    }
}
