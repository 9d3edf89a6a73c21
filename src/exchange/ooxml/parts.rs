//! The XML parts of a workbook: shared strings, styles, content types, document properties, workbook and
//! worksheets.

use super::*;

/// The shared string table: each distinct text once.
#[derive(Default)]
pub(super) struct Strings {
    list: Vec<String>,
    index: std::collections::HashMap<String, usize>,
}

impl Strings {
    pub(super) fn id(&mut self, text: &str) -> usize {
        if let Some(&i) = self.index.get(text) {
            return i;
        }
        self.list.push(text.to_owned());
        self.index.insert(text.to_owned(), self.list.len() - 1);
        self.list.len() - 1
    }
    pub(super) fn xml(&self) -> String {
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
pub(super) struct Styles {
    formats: Vec<Format>,
}

impl Styles {
    pub(super) fn id(&mut self, format: &Format) -> usize {
        match self.formats.iter().position(|f| f == format) {
            Some(i) => i + 1,
            None => {
                self.formats.push(format.clone());
                self.formats.len()
            }
        }
    }

    pub(super) fn xml(&self) -> String {
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

pub(super) const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
pub(super) const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
pub(super) const REL_NS: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
pub(super) const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships \
    xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" \
    Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" \
    Target=\"xl/workbook.xml\"/><Relationship Id=\"rId2\" \
    Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" \
    Target=\"docProps/core.xml\"/></Relationships>";

pub(super) fn content_types(sheets: usize) -> String {
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

pub(super) fn core_xml(title: &str, created: Option<Date>) -> String {
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

pub(super) fn workbook_xml(sheets: &[Worksheet]) -> String {
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
pub(super) fn absolute(reference: &str) -> String {
    let digits = reference
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(reference.len());
    format!("${}${}", &reference[..digits], &reference[digits..])
}

pub(super) fn workbook_rels(sheets: usize) -> String {
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

pub(super) fn sheet_xml(
    sheet: &Worksheet,
    first: bool,
    styles: &mut Styles,
    strings: &mut Strings,
) -> String {
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
