//! The browser's clock: today's date, the current year, a timestamp. The only place the UI asks for the time.

/// Today as a date (the browser's local calendar day).
pub fn today_date() -> Option<crate::core::calendar::Date> {
    let now = js_sys::Date::new_0();
    crate::core::calendar::Date::new(
        i64::from(now.get_full_year()),
        i64::from(now.get_month()) + 1,
        i64::from(now.get_date()),
    )
}

/// The current calendar year, if it lies in the range the app takes.
pub fn this_year() -> Option<crate::core::calendar::Year> {
    today_date().and_then(|d| crate::core::calendar::Year::new(i64::from(d.year())))
}

/// Now as an ISO timestamp ("2026-11-26T10:30:00.123Z").
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today as "26.11.2026" / "26/11/2026".
pub fn today(lang: crate::locale::Lang) -> String {
    today_date()
        .map(|d| crate::locale::format_date(d, lang))
        .unwrap_or_default()
}
