//! A small writer of XLSX workbooks (Office Open XML SpreadsheetML): number and text cells, dates, number
//! formats, bold and sized fonts, a bottom border, wrapped text, column widths, a frozen header and an
//! autofilter, in a zip container with stored (uncompressed) entries.
//!
//! Why not rust_xlsxwriter: it was used first, and it added 185 KiB brotli to the Wasm (zip with zopfli and
//! zlib-rs, and the writer's general machinery), more than half of the whole app and beyond the size budget of
//! PRODUCT S8 on its own. What the export needs is this file. The tests read the result back with the `zip` crate,
//! and the end-to-end test opens it in LibreOffice Calc.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::core::calendar::Date;

mod parts;
mod zip;

use parts::{
    RELS, Strings, Styles, content_types, core_xml, sheet_xml, workbook_rels, workbook_xml,
};
use zip::Zip;

/// Why a workbook could not be built (only for input no caller of this crate produces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XlsxError(String);

impl std::fmt::Display for XlsxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Rows and columns Excel allows.
const MAX_ROW: u32 = 1_048_575;
const MAX_COL: u16 = 16_383;

/// How a cell looks: font, border, wrapping and number format.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Format {
    bold: bool,
    size: Option<u8>,
    border_bottom: bool,
    wrap: bool,
    num_format: Option<String>,
    /// Excel's "quote prefix": the text is text, also when the cell is edited (it never becomes a formula).
    quote_prefix: bool,
}

impl Format {
    pub fn new() -> Format {
        Format::default()
    }
    pub fn set_bold(mut self) -> Format {
        self.bold = true;
        self
    }
    pub fn set_font_size(mut self, size: u8) -> Format {
        self.size = Some(size);
        self
    }
    /// A thin line under the cell.
    pub fn set_border_bottom(mut self) -> Format {
        self.border_bottom = true;
        self
    }
    pub fn set_text_wrap(mut self) -> Format {
        self.wrap = true;
        self
    }
    /// Marks a text cell as text for good: editing it never turns it into a formula (see `needs_guard`).
    pub fn set_quote_prefix(mut self) -> Format {
        self.quote_prefix = true;
        self
    }
    /// An Excel number format code such as `#,##0` or `DD.MM.YYYY` (locale-independent).
    pub fn set_num_format(mut self, code: &str) -> Format {
        self.num_format = Some(code.to_owned());
        self
    }
}

#[derive(Clone, Debug)]
enum Value {
    Number(f64),
    Text(String),
}

/// One sheet: its cells by (row, column), both counted from 0.
#[derive(Clone, Debug, Default)]
pub struct Worksheet {
    name: String,
    cells: BTreeMap<(u32, u16), (Value, Option<Format>)>,
    widths: BTreeMap<u16, f64>,
    frozen_rows: u32,
    filter: Option<(u32, u16, u32, u16)>,
}

impl Worksheet {
    /// Names the sheet (at most 31 characters, none of `[]:*?/\`).
    pub fn set_name(&mut self, name: &str) -> Result<&mut Worksheet, XlsxError> {
        if name.is_empty()
            || name.chars().count() > 31
            || name.contains(['[', ']', ':', '*', '?', '/', '\\'])
        {
            return Err(XlsxError(format!("invalid sheet name {name:?}")));
        }
        self.name = name.to_owned();
        Ok(self)
    }

    fn put(
        &mut self,
        row: u32,
        col: u16,
        value: Value,
        format: Option<&Format>,
    ) -> Result<&mut Worksheet, XlsxError> {
        if row > MAX_ROW || col > MAX_COL {
            return Err(XlsxError(format!("cell ({row}, {col}) outside the sheet")));
        }
        self.cells.insert((row, col), (value, format.cloned()));
        Ok(self)
    }

    /// A number cell; a non-finite number is refused (XLSX cannot hold it).
    pub fn write_number(
        &mut self,
        row: u32,
        col: u16,
        value: impl Into<f64>,
    ) -> Result<&mut Worksheet, XlsxError> {
        self.write_number_opt(row, col, value.into(), None)
    }

    pub fn write_number_with_format(
        &mut self,
        row: u32,
        col: u16,
        value: f64,
        format: &Format,
    ) -> Result<&mut Worksheet, XlsxError> {
        self.write_number_opt(row, col, value, Some(format))
    }

    fn write_number_opt(
        &mut self,
        row: u32,
        col: u16,
        value: f64,
        format: Option<&Format>,
    ) -> Result<&mut Worksheet, XlsxError> {
        if !value.is_finite() {
            return Err(XlsxError(format!("{value} is not a finite number")));
        }
        self.put(row, col, Value::Number(value), format)
    }

    /// A text cell: always a string, never a formula, whatever it starts with.
    pub fn write_string(
        &mut self,
        row: u32,
        col: u16,
        text: impl AsRef<str>,
    ) -> Result<&mut Worksheet, XlsxError> {
        self.put(row, col, Value::Text(text.as_ref().to_owned()), None)
    }

    pub fn write_string_with_format(
        &mut self,
        row: u32,
        col: u16,
        text: impl AsRef<str>,
        format: &Format,
    ) -> Result<&mut Worksheet, XlsxError> {
        self.put(
            row,
            col,
            Value::Text(text.as_ref().to_owned()),
            Some(format),
        )
    }

    /// A date as Excel's serial day number, shown with `format` (which should be a date format).
    pub fn write_date_with_format(
        &mut self,
        row: u32,
        col: u16,
        date: Date,
        format: &Format,
    ) -> Result<&mut Worksheet, XlsxError> {
        self.put(row, col, Value::Number(serial(date)), Some(format))
    }

    /// Width in characters.
    pub fn set_column_width(
        &mut self,
        col: u16,
        width: impl Into<f64>,
    ) -> Result<&mut Worksheet, XlsxError> {
        self.widths.insert(col, width.into().clamp(0.0, 255.0));
        Ok(self)
    }

    /// Keeps the first `rows` rows in view when scrolling (columns are not frozen here).
    pub fn set_freeze_panes(&mut self, rows: u32, _cols: u16) -> Result<&mut Worksheet, XlsxError> {
        self.frozen_rows = rows.min(MAX_ROW);
        Ok(self)
    }

    /// Filter buttons on the first row of the range.
    pub fn autofilter(
        &mut self,
        first_row: u32,
        first_col: u16,
        last_row: u32,
        last_col: u16,
    ) -> Result<&mut Worksheet, XlsxError> {
        self.filter = Some((
            first_row,
            first_col,
            last_row.max(first_row),
            last_col.max(first_col),
        ));
        Ok(self)
    }
}

/// A workbook: sheets in order, a title and a creation date.
#[derive(Clone, Debug, Default)]
pub struct Workbook {
    sheets: Vec<Worksheet>,
    title: String,
    created: Option<Date>,
}

impl Workbook {
    pub fn new() -> Workbook {
        Workbook::default()
    }
    pub fn set_title(&mut self, title: &str) {
        self.title = title.to_owned();
    }
    pub fn set_created(&mut self, date: Date) {
        self.created = Some(date);
    }
    pub fn add_worksheet(&mut self) -> &mut Worksheet {
        let number = self.sheets.len() + 1;
        self.sheets.push(Worksheet {
            name: format!("Sheet{number}"),
            ..Worksheet::default()
        });
        let last = self.sheets.len() - 1;
        &mut self.sheets[last]
    }

    /// The .xlsx file.
    pub fn save_to_buffer(&self) -> Result<Vec<u8>, XlsxError> {
        let mut names: Vec<&str> = self.sheets.iter().map(|s| s.name.as_str()).collect();
        names.sort_unstable();
        if names.windows(2).any(|w| w[0].eq_ignore_ascii_case(w[1])) {
            return Err(XlsxError("two sheets have the same name".into()));
        }
        let mut styles = Styles::default();
        let mut strings = Strings::default();
        let sheets: Vec<String> = self
            .sheets
            .iter()
            .enumerate()
            .map(|(i, s)| sheet_xml(s, i == 0, &mut styles, &mut strings))
            .collect();
        let mut zip = Zip::default();
        zip.add("[Content_Types].xml", &content_types(self.sheets.len()));
        zip.add("_rels/.rels", RELS);
        zip.add("docProps/core.xml", &core_xml(&self.title, self.created));
        zip.add("xl/workbook.xml", &workbook_xml(&self.sheets));
        zip.add(
            "xl/_rels/workbook.xml.rels",
            &workbook_rels(self.sheets.len()),
        );
        zip.add("xl/styles.xml", &styles.xml());
        zip.add("xl/sharedStrings.xml", &strings.xml());
        for (i, xml) in sheets.iter().enumerate() {
            zip.add(&format!("xl/worksheets/sheet{}.xml", i + 1), xml);
        }
        Ok(zip.finish())
    }
}

/// Days since 30.12.1899, Excel's day 0 (for dates after February 1900, where Excel's 1900 leap-day bug no longer
/// shifts anything): 31.05.2022 is 44712.
pub fn serial(date: Date) -> f64 {
    fn days(y: i64, m: i64, d: i64) -> i64 {
        // Days from 1.3.0000 in the proleptic Gregorian calendar.
        let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d
    }
    let date = days(
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    );
    (date - days(1899, 12, 30)) as f64
}

/// "A1"-style reference of a cell (row and column from 0).
fn reference(row: u32, col: u16) -> String {
    let mut letters = Vec::new();
    let mut n = u32::from(col) + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

/// Text for XML: markup characters escaped, characters XML 1.0 cannot hold dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
