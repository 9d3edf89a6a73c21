//! A small writer of XLSX workbooks (Office Open XML SpreadsheetML): number and text cells, dates, number
//! formats, bold and sized fonts, a bottom border, wrapped text, column widths, a frozen header and an
//! autofilter, in a zip container with stored (uncompressed) entries.
//!
//! Why not rust_xlsxwriter: it was used first, and it added 185 KiB brotli to the Wasm (zip with zopfli and
//! zlib-rs, and the writer's general machinery), more than half of the whole app and beyond the size budget of
//! SPEC S8 on its own. What the export needs is this file. The tests read the result back with the `zip` crate,
//! and the end-to-end test opens it in LibreOffice Calc.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::core::calendar::Date;

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

/// The shared string table: each distinct text once.
#[derive(Default)]
struct Strings {
    list: Vec<String>,
    index: std::collections::HashMap<String, usize>,
}

impl Strings {
    fn id(&mut self, text: &str) -> usize {
        if let Some(&i) = self.index.get(text) {
            return i;
        }
        self.list.push(text.to_owned());
        self.index.insert(text.to_owned(), self.list.len() - 1);
        self.list.len() - 1
    }
    fn xml(&self) -> String {
        let mut out = format!(
            "{XML_HEAD}<sst xmlns=\"{MAIN_NS}\" count=\"{n}\" uniqueCount=\"{n}\">",
            n = self.list.len()
        );
        for s in &self.list {
            let _ = write!(out, "<si><t xml:space=\"preserve\">{}</t></si>", escape(s));
        }
        out.push_str("</sst>");
        out
    }
}

/// The distinct formats in use, numbered as Excel's cell formats (0 is the default).
#[derive(Default)]
struct Styles {
    formats: Vec<Format>,
}

impl Styles {
    fn id(&mut self, format: &Format) -> usize {
        match self.formats.iter().position(|f| f == format) {
            Some(i) => i + 1,
            None => {
                self.formats.push(format.clone());
                self.formats.len()
            }
        }
    }

    fn xml(&self) -> String {
        let mut codes: Vec<&str> = Vec::new();
        let mut fonts: Vec<(bool, u8)> = vec![(false, 11)];
        for f in &self.formats {
            if let Some(code) = f.num_format.as_deref()
                && !codes.contains(&code)
            {
                codes.push(code);
            }
            let font = (f.bold, f.size.unwrap_or(11));
            if !fonts.contains(&font) {
                fonts.push(font);
            }
        }
        let mut out = format!("{XML_HEAD}<styleSheet xmlns=\"{MAIN_NS}\">");
        if !codes.is_empty() {
            let _ = write!(out, "<numFmts count=\"{}\">", codes.len());
            for (i, code) in codes.iter().enumerate() {
                let _ = write!(
                    out,
                    "<numFmt numFmtId=\"{}\" formatCode=\"{}\"/>",
                    164 + i,
                    escape(code)
                );
            }
            out.push_str("</numFmts>");
        }
        let _ = write!(out, "<fonts count=\"{}\">", fonts.len());
        for (bold, size) in &fonts {
            let b = if *bold { "<b/>" } else { "" };
            let _ = write!(
                out,
                "<font>{b}<sz val=\"{size}\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            );
        }
        out.push_str(
            "</fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill \
             patternType=\"gray125\"/></fill></fills><borders count=\"2\"><border><left/><right/><top/><bottom/>\
             <diagonal/></border><border><left/><right/><top/><bottom style=\"thin\"><color auto=\"1\"/></bottom>\
             <diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" \
             borderId=\"0\"/></cellStyleXfs>",
        );
        let _ = write!(out, "<cellXfs count=\"{}\">", self.formats.len() + 1);
        out.push_str("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
        for f in &self.formats {
            let num = f
                .num_format
                .as_deref()
                .and_then(|c| codes.iter().position(|x| *x == c))
                .map_or(0, |i| 164 + i);
            let font = fonts
                .iter()
                .position(|x| *x == (f.bold, f.size.unwrap_or(11)))
                .unwrap_or(0);
            let border = usize::from(f.border_bottom);
            let _ = write!(
                out,
                "<xf numFmtId=\"{num}\" fontId=\"{font}\" fillId=\"0\" borderId=\"{border}\" xfId=\"0\"{}{}{}{}",
                if num > 0 {
                    " applyNumberFormat=\"1\""
                } else {
                    ""
                },
                if font > 0 { " applyFont=\"1\"" } else { "" },
                if border > 0 { " applyBorder=\"1\"" } else { "" },
                if f.quote_prefix {
                    " quotePrefix=\"1\""
                } else {
                    ""
                },
            );
            if f.wrap {
                out.push_str(
                    " applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>",
                );
            } else {
                out.push_str("/>");
            }
        }
        out.push_str(
            "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>\
             </styleSheet>",
        );
        out
    }
}

const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships \
    xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" \
    Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" \
    Target=\"xl/workbook.xml\"/><Relationship Id=\"rId2\" \
    Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" \
    Target=\"docProps/core.xml\"/></Relationships>";

fn content_types(sheets: usize) -> String {
    let mut out = format!(
        "{XML_HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/xl/workbook.xml\" \
         ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
         <Override PartName=\"/xl/styles.xml\" \
         ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>\
         <Override PartName=\"/xl/sharedStrings.xml\" \
         ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" \
         ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    );
    for i in 1..=sheets {
        let _ = write!(
            out,
            "<Override PartName=\"/xl/worksheets/sheet{i}.xml\" \
             ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        );
    }
    out.push_str("</Types>");
    out
}

fn core_xml(title: &str, created: Option<Date>) -> String {
    let created = created.map_or_else(String::new, |d| {
        format!(
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{}T00:00:00Z</dcterms:created>",
            d.iso()
        )
    });
    format!(
        "{XML_HEAD}<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title>\
         <dc:creator>Zielsteuerung</dc:creator>{created}</cp:coreProperties>",
        escape(title)
    )
}

fn workbook_xml(sheets: &[Worksheet]) -> String {
    let mut out = format!(
        "{XML_HEAD}<workbook xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\"><bookViews><workbookView/></bookViews><sheets>"
    );
    for (i, s) in sheets.iter().enumerate() {
        let _ = write!(
            out,
            "<sheet name=\"{}\" sheetId=\"{}\" r:id=\"rId{}\"/>",
            escape(&s.name),
            i + 1,
            i + 1
        );
    }
    out.push_str("</sheets>");
    let filters: Vec<String> = sheets
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            s.filter.map(|(r1, c1, r2, c2)| {
                let a = reference(r1, c1);
                let b = reference(r2, c2);
                format!(
                    "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{i}\" hidden=\"1\">'{}'!{}:{}\
                     </definedName>",
                    escape(&s.name.replace('\'', "''")),
                    absolute(&a),
                    absolute(&b)
                )
            })
        })
        .collect();
    if !filters.is_empty() {
        out.push_str("<definedNames>");
        out.push_str(&filters.concat());
        out.push_str("</definedNames>");
    }
    out.push_str("</workbook>");
    out
}

/// "B12" → "$B$12".
fn absolute(reference: &str) -> String {
    let digits = reference
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(reference.len());
    format!("${}${}", &reference[..digits], &reference[digits..])
}

fn workbook_rels(sheets: usize) -> String {
    let mut out = format!(
        "{XML_HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    );
    for i in 1..=sheets {
        let _ = write!(
            out,
            "<Relationship Id=\"rId{i}\" Type=\"{REL_NS}/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>"
        );
    }
    let _ = write!(
        out,
        "<Relationship Id=\"rId{}\" Type=\"{REL_NS}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rId{}\" Type=\"{REL_NS}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>",
        sheets + 1,
        sheets + 2
    );
    out
}

fn sheet_xml(sheet: &Worksheet, first: bool, styles: &mut Styles, strings: &mut Strings) -> String {
    let mut out = format!(
        "{XML_HEAD}<worksheet xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\"><sheetViews><sheetView"
    );
    if first {
        out.push_str(" tabSelected=\"1\"");
    }
    out.push_str(" workbookViewId=\"0\"");
    if sheet.frozen_rows > 0 {
        let _ = write!(
            out,
            "><pane ySplit=\"{}\" topLeftCell=\"{}\" activePane=\"bottomLeft\" state=\"frozen\"/>\
             <selection pane=\"bottomLeft\"/></sheetView>",
            sheet.frozen_rows,
            reference(sheet.frozen_rows, 0)
        );
    } else {
        out.push_str("/>");
    }
    out.push_str("</sheetViews>");
    if !sheet.widths.is_empty() {
        out.push_str("<cols>");
        for (col, width) in &sheet.widths {
            let n = col + 1;
            let _ = write!(
                out,
                "<col min=\"{n}\" max=\"{n}\" width=\"{width}\" customWidth=\"1\"/>"
            );
        }
        out.push_str("</cols>");
    }
    out.push_str("<sheetData>");
    let mut current_row = None;
    for ((row, col), (value, format)) in &sheet.cells {
        if current_row != Some(*row) {
            if current_row.is_some() {
                out.push_str("</row>");
            }
            let _ = write!(out, "<row r=\"{}\">", row + 1);
            current_row = Some(*row);
        }
        let style = format
            .as_ref()
            .map_or_else(String::new, |f| format!(" s=\"{}\"", styles.id(f)));
        let r = reference(*row, *col);
        match value {
            Value::Number(v) => {
                let _ = write!(out, "<c r=\"{r}\"{style}><v>{v}</v></c>");
            }
            Value::Text(t) => {
                let _ = write!(
                    out,
                    "<c r=\"{r}\"{style} t=\"s\"><v>{}</v></c>",
                    strings.id(t)
                );
            }
        }
    }
    if current_row.is_some() {
        out.push_str("</row>");
    }
    out.push_str("</sheetData>");
    if let Some((r1, c1, r2, c2)) = sheet.filter {
        let _ = write!(
            out,
            "<autoFilter ref=\"{}:{}\"/>",
            reference(r1, c1),
            reference(r2, c2)
        );
    }
    out.push_str("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
    out.push_str("</worksheet>");
    out
}

/// A zip archive with stored entries (XLSX readers accept them; the app's files are small).
#[derive(Default)]
struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

impl Zip {
    fn add(&mut self, name: &str, content: &str) {
        let data = content.as_bytes();
        let crc = crc32(data);
        let offset = self.out.len() as u32;
        let size = data.len() as u32;
        let name_len = name.len() as u16;
        // Local file header: version 2.0, no flags, stored, DOS time 0:00 on 1.1.1980.
        self.out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for v in [20u16, 0, 0, 0, 0x21] {
            self.out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, size, size] {
            self.out.extend_from_slice(&v.to_le_bytes());
        }
        self.out.extend_from_slice(&name_len.to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes());
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(data);
        // Central directory entry.
        self.central
            .extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        for v in [20u16, 20, 0, 0, 0, 0x21] {
            self.central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, size, size] {
            self.central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [name_len, 0, 0, 0, 0] {
            self.central.extend_from_slice(&v.to_le_bytes());
        }
        self.central.extend_from_slice(&0u32.to_le_bytes());
        self.central.extend_from_slice(&offset.to_le_bytes());
        self.central.extend_from_slice(name.as_bytes());
        self.count += 1;
    }

    fn finish(mut self) -> Vec<u8> {
        let start = self.out.len() as u32;
        let size = self.central.len() as u32;
        self.out.extend_from_slice(&self.central);
        self.out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        for v in [0u16, 0, self.count, self.count] {
            self.out.extend_from_slice(&v.to_le_bytes());
        }
        self.out.extend_from_slice(&size.to_le_bytes());
        self.out.extend_from_slice(&start.to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes());
        self.out
    }
}

/// CRC-32 (IEEE 802.3, as zip uses it), bit by bit: the files are a few hundred KB at most.
fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    let mut crc = !0u32;
    for &b in data {
        crc = TABLE[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
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
}
