//! The language of the UI and of generated text, and the one way texts of both languages are written: side by
//! side at the place of use, with [`tr!`](crate::tr).

/// A text in the UI's language, written side by side at the place of use: `tr!(lang, "Jahr {year}", "Year
/// {year}")`. Both arms are `format!` strings (captured names or further arguments); the result is a `String`.
/// For a fixed pair of `&'static str` without arguments [`Lang::pick`] does the same without allocating.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $de:literal, $en:literal $(,)?) => {
        match $lang {
            $crate::core::Lang::De => format!($de),
            $crate::core::Lang::En => format!($en),
        }
    };
    ($lang:expr, $de:literal, $en:literal, $($arg:tt)+) => {
        match $lang {
            $crate::core::Lang::De => format!($de, $($arg)+),
            $crate::core::Lang::En => format!($en, $($arg)+),
        }
    };
}

/// The language of the UI and of generated text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    #[default]
    De,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    /// The text in this language of a pair written side by side at the place of use.
    pub const fn pick(self, de: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::De => de,
            Lang::En => en,
        }
    }
    /// The pair of texts in this language of two pairs written side by side (e.g. singular and plural).
    pub fn pick_pair<T: Copy>(self, de: (T, T), en: (T, T)) -> (T, T) {
        match self {
            Lang::De => de,
            Lang::En => en,
        }
    }
    /// The BCP 47 code for `<html lang>` and for storage: "de", "en".
    pub fn code(self) -> &'static str {
        self.pick("de", "en")
    }
    /// The language of a stored or declared code ("de", "de-DE", "en-GB"); `None` for anything else.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    /// The language's own name, as the switch offers it: "Deutsch", "English".
    pub fn endonym(self) -> &'static str {
        self.pick("Deutsch", "English")
    }
    /// The other language (the switch has two).
    pub fn other(self) -> Lang {
        self.pick_lang(Lang::En, Lang::De)
    }
    const fn pick_lang(self, de: Lang, en: Lang) -> Lang {
        match self {
            Lang::De => de,
            Lang::En => en,
        }
    }
}
