use super::parts::absolute;
use super::zip::crc32;
use super::*;

#[test]
fn references_and_serial_dates() {
    assert_eq!(reference(0, 0), "A1");
    assert_eq!(reference(4, 10), "K5");
    assert_eq!(reference(0, 25), "Z1");
    assert_eq!(reference(0, 26), "AA1");
    assert_eq!(reference(9, 701), "ZZ10");
    assert_eq!(reference(0, 702), "AAA1");
    assert_eq!(absolute("AB12"), "$AB$12");
    assert_eq!(serial(Date::new(2022, 5, 31).unwrap()), 44712.0);
    assert_eq!(serial(Date::new(2022, 2, 28).unwrap()), 44620.0);
    assert_eq!(serial(Date::new(2000, 1, 1).unwrap()), 36526.0);
}

#[test]
fn crc_of_known_text() {
    // The check value of CRC-32/ISO-HDLC.
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b""), 0);
}

#[test]
fn control_characters_never_reach_the_xml() {
    assert_eq!(
        escape("a\u{1}b<c>&\"d\"\te\u{FFFF}"),
        "ab&lt;c&gt;&amp;&quot;d&quot;\te"
    );
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    assert!(sheet.set_name("a/b").is_err());
    assert!(sheet.set_name(&"x".repeat(32)).is_err());
    assert!(sheet.write_number(0, 0, f64::NAN).is_err());
    assert!(sheet.write_number(MAX_ROW + 1, 0, 1.0).is_err());
    book.add_worksheet();
    assert!(book.save_to_buffer().is_ok());
    let mut twice = Workbook::new();
    twice.add_worksheet().set_name("A").unwrap();
    twice.add_worksheet().set_name("a").unwrap();
    assert!(twice.save_to_buffer().is_err());
}
