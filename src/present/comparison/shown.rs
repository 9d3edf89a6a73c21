//! How a line's figures are shown, kept beside the formatted cells so that the comparison's files write each
//! figure as the screen does: in its unit, with the row's decimals, and to which month the actual runs.

use crate::core::calendar::Month;
use crate::domain::agreement::Target;
use crate::domain::attainment::{ActualSource, TargetResult};
use crate::domain::indicator::Unit;
use crate::domain::names::precision;
use crate::domain::workspace::Catalogue;

/// The unit, decimals and period of a line's figures.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Shown {
    /// The unit of the target's figure; `None` for a target without one (qualitative).
    pub unit: Option<Unit>,
    /// The decimals the row shows (`domain::names::precision`); `None`: the unit's usual ones.
    pub decimals: Option<usize>,
    /// The month the actual runs to while the year is not complete ("300 (bis Mai)").
    pub through: Option<Month>,
    /// The actual is the annual figure given beside months ("718 (Jahreswert)").
    pub annual: bool,
}

impl Shown {
    /// As the overview's row shows target `t` with its result `r` (`present::overview`).
    pub(super) fn of(t: &Target, r: &TargetResult, catalogue: &Catalogue) -> Shown {
        let unit = t
            .format
            .subject()
            .and_then(|s| catalogue.get(s.indicator.as_str()))
            .map(|i| i.unit);
        let (through, annual) = match (r.source, r.is_final, r.through) {
            (ActualSource::Annual, _, _) if r.months_beside.is_some() => (None, true),
            (_, false, Some(m)) => (Some(m), false),
            _ => (None, false),
        };
        Shown {
            unit,
            decimals: unit.and_then(|u| precision(t, r, u)),
            through,
            annual,
        }
    }
}
