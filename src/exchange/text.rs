//! Bytes of an uploaded file to text, whatever Excel wrote: UTF-8 with or without BOM, UTF-16 ("Unicode-Text",
//! with its BOM), or Windows-1252 ("CSV (Trennzeichen-getrennt)" of a German Excel, where "ä" is the byte 0xE4).

/// Decodes a file's bytes. Never fails: bytes that are neither UTF-8 nor UTF-16 with BOM are read as
/// Windows-1252, which maps every byte to some character (the importer then judges the content).
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8_or_cp1252(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    utf8_or_cp1252(bytes)
}

fn utf8_or_cp1252(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| cp1252(b)).collect(),
    }
}

fn utf16(bytes: &[u8], read: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| read([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Windows-1252: Latin-1 except 0x80–0x9F, which hold "€", typographic quotes, dashes and a few letters.
fn cp1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFM\xC3\xA4nner"), "Männer");
        assert_eq!(decode_text("Männer".as_bytes()), "Männer");
    }

    #[test]
    fn windows_1252_umlauts_and_euro() {
        // "Männer;Zähler;1.234,50 €" as a German Excel writes it.
        assert_eq!(
            decode_text(b"M\xE4nner;Z\xE4hler;1.234,50 \x80;\x84Ziel\x93;Stra\xDFe"),
            "Männer;Zähler;1.234,50 €;„Ziel“;Straße"
        );
    }

    #[test]
    fn utf16_unicode_text() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Zähler\t1".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_text(&le), "Zähler\t1");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Männer".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode_text(&be), "Männer");
        // An odd byte at the end and a lone surrogate do not panic.
        assert_eq!(decode_text(&[0xFF, 0xFE, 0x00, 0xD8, 0x41]), "\u{FFFD}");
    }
}
