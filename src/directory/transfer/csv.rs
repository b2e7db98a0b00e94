//! RFC 4180 CSV, by hand: quoted fields may hold commas, quotes ("") and
//! line breaks. Small enough not to need a crate, and it reports the line
//! each record started on, for the importer's error report.

/// One record and the line (1-based) of the file it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Every record of a CSV text (a trailing empty line is not a record).
/// An unterminated quote runs to the end of the text.
pub fn parse(text: &str) -> Vec<Record> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut line = 1;
    let mut record_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' => {}
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => in_quotes = true,
            ',' => fields.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                if !(fields.len() == 1 && fields[0].is_empty()) {
                    records.push(Record {
                        line: record_line,
                        fields: std::mem::take(&mut fields),
                    });
                }
                fields.clear();
                line += 1;
                record_line = line;
            }
            c => field.push(c),
        }
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        records.push(Record {
            line: record_line,
            fields,
        });
    }
    records
}

/// The fields of a single line.
pub fn parse_line(line: &str) -> Vec<String> {
    parse(line)
        .into_iter()
        .next()
        .map(|r| r.fields)
        .unwrap_or_default()
}

/// One CSV line (with its CRLF), quoting fields that need it. A field
/// starting with = + - @ is prefixed with ' so spreadsheet programs show
/// it as text rather than run it as a formula.
pub fn write_record(fields: &[&str]) -> String {
    let mut out = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let field = if field.starts_with(['=', '+', '-', '@']) && !looks_numeric(field) {
            format!("'{field}")
        } else {
            (*field).to_owned()
        };
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
    out
}

/// Phone numbers ("+381 …") and negative coordinates are not formulas.
fn looks_numeric(field: &str) -> bool {
    field
        .chars()
        .skip(1)
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '/' | '(' | ')'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_commas_quotes_and_line_breaks() {
        let text = "a,b\r\n\"x, y\",\"he said \"\"hi\"\"\"\n\"two\nlines\",z\n";
        let records = parse(text);
        assert_eq!(records.len(), 3);
        assert_eq!(records[1].fields, vec!["x, y", "he said \"hi\""]);
        assert_eq!(records[2].fields, vec!["two\nlines", "z"]);
        assert_eq!(records[2].line, 3);
        assert_eq!(parse("a,b\n\nc,d").len(), 2, "blank lines are not records");
    }

    #[test]
    fn written_records_read_back() {
        let fields = [
            "Centar, Vranje",
            "say \"hi\"",
            "two\nlines",
            "+381 17 421 000",
            "=cmd()",
        ];
        let line = write_record(&fields);
        let back = parse(&line);
        assert_eq!(
            back[0].fields[..4],
            fields[..4]
                .iter()
                .map(|f| f.to_string())
                .collect::<Vec<_>>()[..]
        );
        assert_eq!(back[0].fields[4], "'=cmd()", "formulas are defused");
    }
}
