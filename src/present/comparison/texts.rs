//! The comparison's sentences that are not a cell: what a print or a file is of, and why a typed comparison type
//! was not taken.

use crate::core::calendar::Year;
use crate::domain::comparison::{TypeCode, TypeCodeError};
use crate::locale::Lang;
use crate::tr;

/// What the comparison shows, as the print's heading and the files' title: "Vergleich 2022: Integrationen –
/// Insgesamt, alle Vergleichstypen".
pub fn heading(year: Year, figure: Option<&str>, only: Option<&TypeCode>, lang: Lang) -> String {
    let figure = figure.unwrap_or(lang.pick("alle Ziele", "all targets"));
    let kinds = only.map_or_else(
        || {
            lang.pick("alle Vergleichstypen", "all comparison types")
                .to_owned()
        },
        |k| tr!(lang, "Vergleichstyp {}", "comparison type {}", k.as_str()),
    );
    tr!(
        lang,
        "Vergleich {year}: {figure}, {kinds}",
        "Comparison {year}: {figure}, {kinds}"
    )
}

/// Why a typed comparison type was not taken.
pub fn type_error(e: TypeCodeError, lang: Lang) -> String {
    match e {
        TypeCodeError::Empty => lang
            .pick(
                "Bitte einen Vergleichstyp eingeben, etwa „IIb“.",
                "Please enter a comparison type, e.g. “IIb”.",
            )
            .into(),
        TypeCodeError::TooLong => lang
            .pick(
                "Ein Vergleichstyp hat höchstens 8 Zeichen, etwa „IIIe“.",
                "A comparison type has at most 8 characters, e.g. “IIIe”.",
            )
            .into(),
        TypeCodeError::Character(c) => tr!(
            lang,
            "„{c}“ gehört nicht in einen Vergleichstyp (nur Buchstaben und Ziffern, etwa „IIb“).",
            "“{c}” does not belong in a comparison type (letters and digits only, e.g. “IIb”)."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(y: i64) -> Year {
        Year::new(y).unwrap()
    }

    #[test]
    fn what_the_comparison_shows_in_both_languages() {
        let iib = TypeCode::parse("IIb").unwrap();
        assert_eq!(
            heading(
                year(2022),
                Some("Integrationen – Insgesamt"),
                None,
                Lang::De
            ),
            "Vergleich 2022: Integrationen – Insgesamt, alle Vergleichstypen"
        );
        assert_eq!(
            heading(year(2022), None, Some(&iib), Lang::De),
            "Vergleich 2022: alle Ziele, Vergleichstyp IIb"
        );
        assert_eq!(
            heading(
                year(2021),
                Some("Integrations – Total"),
                Some(&iib),
                Lang::En
            ),
            "Comparison 2021: Integrations – Total, comparison type IIb"
        );
    }

    #[test]
    fn a_typed_type_refused_with_the_reason() {
        let said = |text: &str, lang| TypeCode::parse(text).map_err(|e| type_error(e, lang));
        assert_eq!(
            said("II b", Lang::De),
            Err(
                "„ “ gehört nicht in einen Vergleichstyp (nur Buchstaben und Ziffern, etwa „IIb“)."
                    .into()
            )
        );
        assert_eq!(
            said("", Lang::En),
            Err("Please enter a comparison type, e.g. “IIb”.".into())
        );
        assert_eq!(
            said("IIIeeeeee", Lang::De),
            Err("Ein Vergleichstyp hat höchstens 8 Zeichen, etwa „IIIe“.".into())
        );
        assert!(said("IIb", Lang::De).is_ok());
    }
}
