use super::*;

#[test]
fn german_formats() {
    assert_eq!(format_count(2035.0, Lang::De), "2.035");
    assert_eq!(format_count(718.0, Lang::De), "718");
    assert_eq!(format_count(1_234_567.0, Lang::De), "1.234.567");
    assert_eq!(format_decimal(1234.5, 1, Lang::De), "1.234,5");
    assert_eq!(format_decimal(-1234.5, 1, Lang::De), "−1.234,5");
    assert_eq!(format_percent(58.0, 1, Lang::De), "58,0\u{a0}%");
    assert_eq!(
        format_percent(718.0 / 690.0 * 100.0, 1, Lang::De),
        "104,1\u{a0}%"
    );
    assert_eq!(format_euro(1234.5, Lang::De), "1.234,50\u{a0}€");
    assert_eq!(format_euro(-0.5, Lang::De), "−0,50\u{a0}€");
}

#[test]
fn english_formats() {
    assert_eq!(format_count(2035.0, Lang::En), "2,035");
    assert_eq!(format_decimal(1234.5, 1, Lang::En), "1,234.5");
    assert_eq!(format_percent(104.06, 1, Lang::En), "104.1\u{a0}%");
    assert_eq!(format_euro(1234.5, Lang::En), "€1,234.50");
    assert_eq!(format_euro(-3.0, Lang::En), "−€3.00");
}

#[test]
fn signed_deviations() {
    assert_eq!(format_signed_count(28.0, Lang::De), "+28");
    assert_eq!(format_signed_count(-5.0, Lang::De), "−5");
    assert_eq!(format_signed_count(0.2, Lang::De), "0");
    assert_eq!(format_signed_count(-0.2, Lang::De), "0");
    assert_eq!(
        format_signed_percent(5.0 / 2030.0 * 100.0, 1, Lang::De),
        "+0,2\u{a0}%"
    );
    assert_eq!(format_signed_percent(-6.9, 1, Lang::De), "−6,9\u{a0}%");
    assert_eq!(format_signed_decimal(1.8, 1, Lang::De), "+1,8");
}

#[test]
fn halves_round_away_from_zero_like_excel() {
    assert_eq!(format_count(192.5, Lang::De), "193");
    assert_eq!(format_count(2.5, Lang::De), "3");
    assert_eq!(format_count(-2.5, Lang::De), "−3");
    assert_eq!(format_decimal(0.125, 2, Lang::De), "0,13");
    assert_eq!(format_decimal(2.25, 1, Lang::De), "2,3");
    assert_eq!(format_percent(100.25, 1, Lang::De), "100,3\u{a0}%");
}

#[test]
fn rounding_never_shows_negative_zero() {
    assert_eq!(format_decimal(-0.04, 1, Lang::De), "0,0");
    assert_eq!(format_count(-0.4, Lang::De), "0");
}

#[test]
fn non_finite_is_a_dash() {
    assert_eq!(format_count(f64::NAN, Lang::De), "–");
    assert_eq!(format_percent(f64::INFINITY, 1, Lang::De), "–\u{a0}%");
}

#[test]
fn parses_what_germans_type() {
    assert_eq!(parse_number("1.234,5"), Ok(1234.5));
    assert_eq!(parse_number("1234,5"), Ok(1234.5));
    assert_eq!(parse_number(" 718 "), Ok(718.0));
    assert_eq!(parse_number("2.035"), Ok(2035.0));
    assert_eq!(parse_number("1.234.567"), Ok(1_234_567.0));
    assert_eq!(parse_number("58 %"), Ok(58.0));
    assert_eq!(parse_number("58,0%"), Ok(58.0));
    assert_eq!(parse_number("58,0\u{a0}%"), Ok(58.0));
    assert_eq!(parse_number("1.234,50 €"), Ok(1234.5));
    assert_eq!(parse_number("-5"), Ok(-5.0));
    assert_eq!(parse_number("−5"), Ok(-5.0));
    assert_eq!(parse_number("+1,8"), Ok(1.8));
    assert_eq!(parse_number(",5"), Ok(0.5));
    assert_eq!(parse_number("0,25"), Ok(0.25));
    assert_eq!(parse_number("5,"), Ok(5.0));
    assert_eq!(parse_number("-0"), Ok(0.0));
}

#[test]
fn rejects_the_rest_with_german_messages() {
    assert_eq!(parse_number(""), Err(NumberError::Empty));
    assert_eq!(parse_number("  "), Err(NumberError::Empty));
    assert_eq!(parse_number("%"), Err(NumberError::Empty));
    assert!(matches!(parse_number("abc"), Err(NumberError::Invalid(_))));
    assert!(matches!(parse_number("12a"), Err(NumberError::Invalid(_))));
    assert!(matches!(parse_number("1e5"), Err(NumberError::Invalid(_))));
    assert!(matches!(parse_number("NaN"), Err(NumberError::Invalid(_))));
    assert!(matches!(parse_number("inf"), Err(NumberError::Invalid(_))));
    assert!(matches!(parse_number("--5"), Err(NumberError::Invalid(_))));
    assert!(matches!(parse_number("-"), Err(NumberError::Invalid(_))));
    assert!(matches!(parse_number(","), Err(NumberError::Invalid(_))));
    assert!(matches!(
        parse_number("1,2,3"),
        Err(NumberError::TwoCommas(_))
    ));
    assert!(matches!(
        parse_number("1.23,4"),
        Err(NumberError::Grouping(_))
    ));
    assert!(matches!(
        parse_number("1.2345"),
        Err(NumberError::DecimalPoint(_))
    ));
    assert!(matches!(
        parse_number("1.23.456"),
        Err(NumberError::Grouping(_))
    ));
    assert!(matches!(
        parse_number(".123"),
        Err(NumberError::Grouping(_))
    ));
    assert!(matches!(
        parse_number("1,234.5"),
        Err(NumberError::Grouping(_))
    ));
    assert!(matches!(
        parse_number("1e400"),
        Err(NumberError::Invalid(_))
    ));
    assert!(matches!(
        parse_number("9999999999999999"),
        Err(NumberError::TooLarge(_))
    ));
    let err = parse_number("12.5").unwrap_err();
    assert_eq!(err, NumberError::DecimalPoint("12.5".into()));
    assert_eq!(
        err.message(Lang::De),
        "„12.5“: Bitte das Komma als Dezimaltrennzeichen verwenden, z. B. 12,5."
    );
    assert!(
        parse_number("x")
            .unwrap_err()
            .message(Lang::De)
            .starts_with("„x“ ist keine Zahl.")
    );
}

#[test]
fn format_then_parse_round_trips() {
    for v in [0.0, 1.5, 718.0, 2035.0, 1234.5, -1234.5, 1_000_000.25, 58.0] {
        assert_eq!(parse_number(&format_decimal(v, 2, Lang::De)), Ok(v), "{v}");
    }
}

#[test]
fn english_input_swaps_point_and_comma() {
    assert_eq!(parse_number_in("1,234.5", Lang::En), Ok(1234.5));
    assert_eq!(parse_number_in("1234.5", Lang::En), Ok(1234.5));
    assert_eq!(parse_number_in("−5", Lang::En), Ok(-5.0));
    assert_eq!(parse_number_in("58.0 %", Lang::En), Ok(58.0));
    assert_eq!(parse_number_in("1.234,5", Lang::De), Ok(1234.5));
    let err = parse_number_in("12,5", Lang::En).unwrap_err();
    assert_eq!(err, NumberError::DecimalPoint("12,5".into()));
    assert_eq!(
        err.message(Lang::En),
        "“12,5”: please use a point as the decimal separator, e.g. 12.5."
    );
    assert_eq!(
        parse_number_in("1.2.3", Lang::En)
            .unwrap_err()
            .message(Lang::En),
        "“1.2.3” contains more than one decimal point."
    );
    assert_eq!(
        parse_number_in("", Lang::En).unwrap_err().message(Lang::En),
        "Please enter a number."
    );
    for v in [0.0, 1.5, 718.0, 1234.5, -1234.5, 1_000_000.25] {
        assert_eq!(
            parse_number_in(&format_decimal(v, 2, Lang::En), Lang::En),
            Ok(v),
            "{v}"
        );
    }
}

#[test]
fn input_text_keeps_every_decimal() {
    assert_eq!(format_for_input(2020.0, Lang::De), "2.020");
    assert_eq!(format_for_input(1.8, Lang::De), "1,8");
    assert_eq!(format_for_input(0.0557, Lang::De), "0,0557");
    assert_eq!(format_for_input(18.625, Lang::En), "18.625");
    assert_eq!(format_for_input(-1234.5, Lang::De), "\u{2212}1.234,5");
    assert_eq!(format_for_input(f64::NAN, Lang::De), "");
    // Whatever the cell shows reads back to the very same number.
    for v in [0.1 + 0.2, 1.0 / 3.0, 457050208587.83844, 1e-7, 123456.789] {
        for lang in Lang::ALL {
            assert_eq!(
                parse_number_in(&format_for_input(v, lang), lang),
                Ok(v),
                "{v} {lang:?}"
            );
        }
    }
}

#[test]
fn decimals_as_written() {
    assert_eq!(decimals_of(13.7, 6), 1);
    assert_eq!(decimals_of(2020.0, 6), 0);
    assert_eq!(decimals_of(18.625, 6), 3);
    assert_eq!(decimals_of(1.0 / 3.0, 6), 6);
}
