//! The choices of the forms (populations, categories, units, limits, statuses): the value, its stable option
//! value in the page (the same in both languages), its German and English text.

use crate::domain::agreement::{Category, ChangeLimit, ChangeUnit, ManualStatus};
use crate::domain::values::Population;
use crate::locale::Lang;

/// One option of a choice in the form: the value, its stable option value in the page (the same in both
/// languages), its German and English text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice<T: 'static> {
    pub value: T,
    pub key: &'static str,
    pub label_de: &'static str,
    pub label_en: &'static str,
}

impl<T> Choice<T> {
    /// The option text in `lang`.
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.label_de, self.label_en)
    }
}

pub const fn choice<T>(
    value: T,
    key: &'static str,
    label_de: &'static str,
    label_en: &'static str,
) -> Choice<T> {
    Choice {
        value,
        key,
        label_de,
        label_en,
    }
}

pub const POPULATIONS: &[Choice<Population>] = &[
    choice(Population::Total, "Insgesamt", "Insgesamt", "Total"),
    choice(Population::Women, "Frauen", "Frauen", "Women"),
    choice(Population::Men, "Männer", "Männer", "Men"),
];
pub const CATEGORIES: &[Choice<Category>] = &[
    choice(
        Category::Federal,
        "bundesziel",
        "Bundesziel",
        "Federal target",
    ),
    choice(
        Category::State,
        "landesspezifisch",
        "landesspezifisches Ziel",
        "State target",
    ),
    choice(Category::Local, "lokal", "lokales Ziel", "Local target"),
    choice(
        Category::Qualitative,
        "qualitativ",
        "qualitatives Ziel",
        "Qualitative goal",
    ),
];
pub const UNITS: &[Choice<ChangeUnit>] = &[
    choice(
        ChangeUnit::PercentagePoints,
        "Prozentpunkte",
        "Prozentpunkte",
        "Percentage points",
    ),
    choice(ChangeUnit::Percent, "%", "% (relativ)", "% (relative)"),
];
/// The unit of a change of a figure that is no rate: only relative.
pub const PERCENT_ONLY: &[Choice<ChangeUnit>] = &[choice(
    ChangeUnit::Percent,
    "%",
    "% (relativ)",
    "% (relative)",
)];
/// The limit continues the sentence "Der Wert …" / "The value …", so it starts in lower case.
pub const LIMITS: &[Choice<ChangeLimit>] = &[
    choice(
        ChangeLimit::RiseAtMost,
        "steigt_um_hoechstens",
        "steigt um höchstens",
        "rises by at most",
    ),
    choice(
        ChangeLimit::FallAtMost,
        "sinkt_um_hoechstens",
        "sinkt um höchstens",
        "falls by at most",
    ),
    choice(
        ChangeLimit::RiseAtLeast,
        "steigt_um_mindestens",
        "steigt um mindestens",
        "rises by at least",
    ),
    choice(
        ChangeLimit::FallAtLeast,
        "sinkt_um_mindestens",
        "sinkt um mindestens",
        "falls by at least",
    ),
];
pub const STATUSES: &[Choice<ManualStatus>] = &[
    choice(ManualStatus::Open, "offen", "offen", "Open"),
    choice(ManualStatus::Achieved, "erreicht", "erreicht", "Achieved"),
    choice(
        ManualStatus::PartlyAchieved,
        "teilweise_erreicht",
        "teilweise erreicht",
        "Partly achieved",
    ),
    choice(
        ManualStatus::NotAchieved,
        "nicht_erreicht",
        "nicht erreicht",
        "Not achieved",
    ),
];

/// The option value of `value`; "" when it is not set (or not in the table).
pub fn key_of<T: PartialEq>(table: &[Choice<T>], value: Option<T>) -> &'static str {
    value
        .and_then(|v| table.iter().find(|c| c.value == v))
        .map_or("", |c| c.key)
}

/// The value behind an option value; `None` for "" or an unknown key.
pub fn from_key<T: Copy>(table: &[Choice<T>], key: &str) -> Option<T> {
    table.iter().find(|c| c.key == key).map(|c| c.value)
}
