//! The comparison as an XLSX workbook: one sheet "Vergleich"/"Comparison" with the title, the newest Datenstand,
//! and the CSV's columns below a bold header with filter buttons, frozen when scrolling. Figures are number cells
//! stored as the screen rounds them with its number format (`xlsx/figures.rs`), Ist/Soll a fraction shown "93,5 %",
//! Datenstand a real date, texts strings (never formulas; a formula-like text gets Excel's quote prefix).

use super::super::ooxml::{Workbook, Worksheet, XlsxError};
use super::super::xlsx::figures::{shown_difference, shown_figure, shown_ratio};
use super::super::xlsx::{Formats, header, number, text};
use super::{Cell, columns, rows};
use crate::core::calendar::Date;
use crate::locale::Lang;
use crate::present::comparison::Table;
use crate::tr;

/// The row of the column headings; the lines follow.
const HEADER_ROW: u32 = 3;

/// The columns whose text wraps (the target's title and the agreed wording).
const WRAPPED: [usize; 2] = [3, 5];

/// The workbook of the comparison `table` under `title`; `created` becomes the document's creation date. The
/// error is a sentence in `lang`.
pub fn workbook(table: &Table, title: &str, created: Date, lang: Lang) -> Result<Vec<u8>, String> {
    build(table, title, created, lang).map_err(|e| {
        tr!(
            lang,
            "Die Excel-Datei konnte nicht erstellt werden ({e}).",
            "The Excel file could not be created ({e})."
        )
    })
}

fn build(table: &Table, title: &str, created: Date, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_title(title);
    book.set_created(created);
    let f = Formats::new(lang);
    let sheet = book.add_worksheet();
    sheet.set_name(lang.pick("Vergleich", "Comparison"))?;
    text(sheet, 0, 0, title, Some(&f.title))?;
    let newest = tr!(
        lang,
        "Neuester Datenstand: {}",
        "Newest as-of date: {}",
        table.newest
    );
    text(sheet, 1, 0, &newest, None)?;
    let columns = columns(lang);
    header(sheet, HEADER_ROW, &columns, &f)?;
    let mut row = HEADER_ROW;
    for cells in rows(table, lang) {
        row += 1;
        for (col, cell) in (0u16..).zip(&cells) {
            let wrap = WRAPPED.contains(&usize::from(col));
            write(sheet, row, col, cell, wrap, lang, &f)?;
        }
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.autofilter(HEADER_ROW, 0, row, columns.len() as u16 - 1)?;
    book.save_to_buffer()
}

/// Writes one cell: figures as the screen rounds them, in their number format.
fn write(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    wrap: bool,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Text(t) => text(sheet, row, col, t, wrap.then_some(&f.text))?,
        Cell::Figure(v, shown) => {
            let (v, format) = shown_figure(shown.unit, *v, shown.decimals, lang);
            number(sheet, row, col, (v, &format))?;
        }
        Cell::Difference(v, shown) => {
            let (v, format) = shown_difference(shown.unit, *v, shown.decimals, lang);
            number(sheet, row, col, (v, &format))?;
        }
        Cell::Ratio(p, shown) => {
            let (v, format) = shown_ratio(*p, shown, lang);
            number(sheet, row, col, (v, &format))?;
        }
        Cell::Whole(n) => number(sheet, row, col, (*n as f64, &f.integer))?,
        Cell::Date(d) => {
            sheet.write_date_with_format(row, col, *d, &f.date)?;
        }
    }
    Ok(())
}
