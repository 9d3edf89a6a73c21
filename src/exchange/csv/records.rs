//! Splitting CSV text into records of fields (quotes, doubled quotes, line breaks inside quotes).

/// Splits text into records of fields, each with the line number where it starts. A quoted field may hold the
/// separator, doubled quotes and line breaks. The second result is the line of a quote never closed (the rest
/// of the file then belongs to that field and is dropped).
pub(super) fn records(text: &str, separator: char) -> (Vec<(usize, Vec<String>)>, Option<usize>) {
    let mut out = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut start = 1;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\r' if chars.peek() == Some(&'\n') => {}
                c => {
                    if c == '\n' || c == '\r' {
                        line += 1;
                    }
                    field.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            c if c == separator => fields.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                fields.push(std::mem::take(&mut field));
                out.push((start, std::mem::take(&mut fields)));
                line += 1;
                start = line;
            }
            c => field.push(c),
        }
    }
    if quoted {
        return (out, Some(start));
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        out.push((start, fields));
    }
    (out, None)
}
