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
fn a_grid_cell_round_trips_through_its_href() {
    let cell = CellRef {
        year: Year::new(2021).unwrap(),
        indicator: IndicatorCode::new("LZB"),
        population: Population::Men,
        month: None,
    };
    let route = Route::ValueCell(cell.clone());
    assert_eq!(route.href(), "#/werte/2021/LZB/maenner/jahr");
    assert_eq!(Route::from_fragment(&route.href()), route);
    let march = Route::ValueCell(CellRef {
        month: Month::new(3),
        ..cell
    });
    assert_eq!(march.href(), "#/werte/2021/LZB/maenner/3");
    assert_eq!(Route::from_fragment("#/werte/2021/LZB/maenner/3"), march);
    assert_eq!(march.screen(), Some(Screen::Values));
    for bad in [
        "#/werte/20x1/LZB/frauen/jahr",
        "#/werte/2021/LZB/kinder/1",
        "#/werte/2021/LZB/frauen/13",
    ] {
        assert!(
            matches!(Route::from_fragment(bad), Route::Unknown(_)),
            "{bad}"
        );
    }
    assert_eq!(
        Route::from_fragment("#/werte/"),
        Route::Screen(Screen::Values)
    );
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
fn target_detail_addresses() {
    assert_eq!(Route::from_fragment("#/ziel/7"), Route::Target(7));
    assert_eq!(
        Route::from_fragment(&Route::target_href(12)),
        Route::Target(12)
    );
    assert_eq!(
        Route::from_fragment("#/ziel/x"),
        Route::Unknown("ziel/x".into())
    );
    assert_eq!(
        Route::from_fragment("#/ziel"),
        Route::Unknown("ziel".into())
    );
    assert_eq!(Route::Target(7).screen(), Some(Screen::Overview));
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
            "#/bericht",
            "#/austausch",
            "#/vergleich"
        ]
    );
}
