//! The screens of the app (SPEC S5) and their addresses in the URL fragment (`#/uebersicht`, ...).
//!
//! The fragment keeps navigation working on any plain static server: a reload never asks the server for a
//! deep path. Pure: parsing and printing fragments needs no browser.

/// One screen of the app, as addressed by the URL fragment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// "Übersicht": the agreement of the selected year with the attainment of each target.
    Overview,
    /// "Zielvereinbarung": create, copy and edit agreements and their targets.
    Agreement,
    /// "Ist-Werte erfassen": the month-by-indicator grid of actual values.
    Values,
    /// "Jahresbilanz": the year's result per target with the generated sentences.
    Balance,
    /// "Bericht": the printable report for the target dialogue with the ministry.
    Report,
}

impl Screen {
    /// The screens in the order of the main navigation.
    pub const ALL: [Screen; 5] = [
        Screen::Overview,
        Screen::Agreement,
        Screen::Values,
        Screen::Balance,
        Screen::Report,
    ];

    /// The path segment in the fragment, stable because users bookmark it.
    pub fn slug(self) -> &'static str {
        match self {
            Screen::Overview => "uebersicht",
            Screen::Agreement => "vereinbarung",
            Screen::Values => "werte",
            Screen::Balance => "bilanz",
            Screen::Report => "bericht",
        }
    }

    /// The link target for this screen, relative to the page (works under any subpath).
    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }
}

/// Where the fragment points: a screen, or something the app does not know (an old or mistyped bookmark).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Screen(Screen),
    Unknown(String),
}

impl Route {
    /// Reads `location.hash` as the browser gives it ("", "#", "#/werte", "#/werte/", "#werte").
    /// An empty fragment is the start screen, the overview.
    pub fn from_fragment(fragment: &str) -> Route {
        let path = fragment.trim_start_matches('#').trim_matches('/');
        if path.is_empty() {
            return Route::Screen(Screen::Overview);
        }
        // Only the first segment names the screen; later issues add parameters after it.
        let first = path.split(['/', '?']).next().unwrap_or_default();
        Screen::ALL
            .into_iter()
            .find(|s| s.slug().eq_ignore_ascii_case(first))
            .map(Route::Screen)
            .unwrap_or_else(|| Route::Unknown(path.to_owned()))
    }

    /// The screen to highlight in the navigation, if any.
    pub fn screen(&self) -> Option<Screen> {
        match self {
            Route::Screen(s) => Some(*s),
            Route::Unknown(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_fragment_is_the_overview() {
        for f in ["", "#", "#/", "#//"] {
            assert_eq!(
                Route::from_fragment(f),
                Route::Screen(Screen::Overview),
                "{f:?}"
            );
        }
    }

    #[test]
    fn every_screen_round_trips_through_its_href() {
        for s in Screen::ALL {
            assert_eq!(Route::from_fragment(&s.href()), Route::Screen(s));
        }
    }

    #[test]
    fn tolerant_spellings_of_a_known_screen() {
        assert_eq!(
            Route::from_fragment("#werte"),
            Route::Screen(Screen::Values)
        );
        assert_eq!(
            Route::from_fragment("#/werte/"),
            Route::Screen(Screen::Values)
        );
        assert_eq!(
            Route::from_fragment("#/Bilanz"),
            Route::Screen(Screen::Balance)
        );
        assert_eq!(
            Route::from_fragment("#/bericht/2022"),
            Route::Screen(Screen::Report)
        );
    }

    #[test]
    fn unknown_fragment_is_kept_for_the_message() {
        assert_eq!(Route::from_fragment("#/abc"), Route::Unknown("abc".into()));
        assert_eq!(Route::from_fragment("#/abc").screen(), None);
    }

    #[test]
    fn slugs_are_the_documented_addresses() {
        let slugs: Vec<_> = Screen::ALL.iter().map(|s| s.href()).collect();
        assert_eq!(
            slugs,
            [
                "#/uebersicht",
                "#/vereinbarung",
                "#/werte",
                "#/bilanz",
                "#/bericht"
            ]
        );
    }
}
