use super::*;

#[test]
fn catalogue_has_every_federal_code_once() {
    let codes: Vec<String> = builtin_catalogue().into_iter().map(|i| i.code.0).collect();
    for code in [
        "K1", "K1E1", "K1E2", "K1E3", "K1E4", "K2", "K2E1", "K2E2", "K2E3", "K2E4", "K3", "K3E1",
        "K3E2", "K3E3", "K3E4", "INT", "LZB", "ELB", "LLU",
    ] {
        assert_eq!(codes.iter().filter(|c| *c == code).count(), 1, "{code}");
    }
}

#[test]
fn derived_changes_point_at_built_in_bases() {
    for i in builtin_catalogue() {
        if let Aggregation::ChangeVsPreviousYear { base } = &i.aggregation {
            assert!(is_builtin(base.as_str()), "{}", i.code);
            assert!(!i.takes_values());
        }
    }
}

#[test]
fn additive_figures() {
    let cat = builtin_catalogue();
    let by = |c: &str| cat.iter().find(|i| i.code.as_str() == c).unwrap().clone();
    assert!(by("INT").is_additive());
    assert!(by("LZB").is_additive());
    assert!(!by("K2E3").is_additive());
    assert!(by("K2E3").is_quota());
}

#[test]
fn user_codes() {
    assert!(validate_user_code("INT-U25-AUSB").is_ok());
    assert_eq!(
        validate_user_code("K2").map_err(|e| e.message(Lang::De)),
        Err("„K2“ ist bereits eine eingebaute Kennzahl.".into())
    );
    assert_eq!(
        validate_user_code("int").map_err(|e| e.message(Lang::En)),
        Err("“int” is already a built-in indicator.".into())
    );
    assert_eq!(
        validate_user_code(""),
        Err(CodeError::NotAllowed(String::new()))
    );
    assert!(validate_user_code("1ABC").is_err());
    assert!(validate_user_code("A B").is_err());
    assert!(validate_user_code("=HYPERLINK").is_err());
}

#[test]
fn amounts_are_bounded_to_what_an_indicator_can_hold() {
    use crate::domain::values::Amount;
    let catalogue = builtin_catalogue();
    let get = |code: &str| catalogue.iter().find(|i| i.code.as_str() == code).unwrap();
    let (int, k2e3, k2, llu) = (get("INT"), get("K2E3"), get("K2"), get("LLU"));
    assert_eq!(int.check_amount(Amount::Number(718.0)), Ok(()));
    assert_eq!(
        int.check_amount(Amount::Number(1e308)),
        Err(AmountError::TooLarge {
            value: 1e308,
            limit: 1e8
        })
    );
    assert_eq!(
        AmountError::TooLarge {
            value: 1e308,
            limit: 1e8
        }
        .message(Lang::De),
        "eine Zahl mit 309 Stellen ist größer, als diese Kennzahl sein kann (höchstens 100.000.000)"
    );
    assert_eq!(
        int.check_amount(Amount::Number(-3.0)),
        Err(AmountError::Negative(-3.0))
    );
    assert_eq!(llu.check_amount(Amount::Number(-120_000.5)), Ok(()));
    // 1 / 0,0000557 = 1.795.332 %: refused with the numbers that make it.
    let tiny = Amount::Ratio {
        numerator: 1.0,
        denominator: 0.0000557,
    };
    let Err(e) = k2e3.check_amount(tiny) else {
        panic!("a rate of 1.795.332 % must be refused")
    };
    assert_eq!(
        e.message(Lang::De),
        "Zähler 1 und Nenner 0,0000557 ergeben eine Quote von 1.795.332 %; möglich sind höchstens 1.000 %"
    );
    assert_eq!(
        k2e3.check_amount(Amount::Ratio {
            numerator: 412.0,
            denominator: 709.0
        }),
        Ok(())
    );
    // K2 counts a month at the year's pace: 100 on 1.000 is 120 %, 1.000 on 1.000 would be 1.200 %.
    assert!(
        k2.check_amount(Amount::Ratio {
            numerator: 100.0,
            denominator: 1000.0
        })
        .is_ok()
    );
    assert!(
        k2.check_amount(Amount::Ratio {
            numerator: 1000.0,
            denominator: 1000.0
        })
        .is_err()
    );
    assert_eq!(k2e3.check_amount(Amount::Number(20.0)), Ok(()));
    assert_eq!(
        k2e3.check_amount(Amount::Number(-1.0)),
        Err(AmountError::Negative(-1.0))
    );
    assert_eq!(
        int.check_amount(Amount::Ratio {
            numerator: 1.0,
            denominator: 2.0
        }),
        Err(AmountError::NotAQuota)
    );
    assert_eq!(
        int.check_amount(Amount::Number(f64::NAN)),
        Err(AmountError::NotFinite)
    );
}
