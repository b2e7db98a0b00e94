//! CSV through the `csv` crate (RFC 4180: quoted fields may hold the
//! delimiter, quotes ("") and line breaks), with what the crate leaves to
//! us: which delimiter a file uses (Excel in a Serbian locale saves `;`),
//! the line each record starts on for the importer's error report, and
//! defusing values a spreadsheet would run as formulas on export.

use csv::{ReaderBuilder, StringRecord, WriterBuilder};

/// The delimiters spreadsheet programs save: `,` (English locales), `;`
/// (locales with a decimal comma, Serbian among them) and tab ("Unicode
/// text" / "Text (tab delimited)").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    Semicolon,
    Tab,
}

impl Delimiter {
    pub const ALL: [Delimiter; 3] = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab];

    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }

    /// For catalogue keys (`services-import-read-semicolon`).
    pub fn slug(self) -> &'static str {
        match self {
            Delimiter::Comma => "comma",
            Delimiter::Semicolon => "semicolon",
            Delimiter::Tab => "tab",
        }
    }

    /// The delimiter of a text whose first record names columns: the one
    /// that splits it into the most names from `known` — a `;` inside a
    /// comma-separated header (or the reverse) then cannot mislead, since
    /// only the right split yields the names. A header naming none of them
    /// is split where it splits most (then `,`), so its report lists the
    /// names it does have.
    pub fn detect(text: &str, known: &[&str]) -> Delimiter {
        let mut best = (Delimiter::Comma, 0, 0);
        for delimiter in Delimiter::ALL {
            let header = first_record(text, delimiter);
            let names = header
                .iter()
                .filter(|f| known.contains(&f.trim().to_lowercase().as_str()))
                .count();
            if (names, header.len()) > (best.1, best.2) {
                best = (delimiter, names, header.len());
            }
        }
        best.0
    }
}

/// One record and the line (1-based) of the file it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

fn reader(text: &str, delimiter: Delimiter) -> csv::Reader<&[u8]> {
    ReaderBuilder::new()
        .delimiter(delimiter.byte())
        .has_headers(false)
        // Rows of different lengths are the importer's to report, by line.
        .flexible(true)
        .from_reader(text.as_bytes())
}

fn first_record(text: &str, delimiter: Delimiter) -> Vec<String> {
    let mut record = StringRecord::new();
    match reader(text, delimiter).read_record(&mut record) {
        Ok(true) => record.iter().map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

/// Every record of a CSV text; blank lines are not records. An
/// unterminated quote runs to the end of the text.
///
/// Reading a `&str` with `flexible` set, the crate has no error left to
/// give (no invalid UTF-8, no row length to enforce); should one come all
/// the same, it is the line where reading stopped, never a silently
/// shorter file.
pub fn parse(text: &str, delimiter: Delimiter) -> Result<Vec<Record>, usize> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = reader(text, delimiter);
    let mut records = Vec::new();
    let mut record = StringRecord::new();
    let as_line = |line: u64| usize::try_from(line).unwrap_or(usize::MAX);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => return Ok(records),
            Err(error) => {
                let line = error.position().map_or(1, csv::Position::line);
                return Err(as_line(line));
            }
        }
        let line = record
            .position()
            .map_or(1, |at| start_line(text, at.byte(), at.line()));
        records.push(Record {
            line: as_line(line),
            fields: record.iter().map(str::to_owned).collect(),
        });
    }
}

/// The crate gives each record the position where the previous one ended:
/// before its line break (the `\n` of a CRLF) and any blank lines. The
/// record's own line is past those.
fn start_line(text: &str, byte: u64, line: u64) -> u64 {
    let byte = usize::try_from(byte).unwrap_or(usize::MAX);
    let skipped = text.as_bytes()[byte.min(text.len())..]
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .filter(|b| **b == b'\n')
        .count();
    line + skipped as u64
}

/// One CSV line (with its CRLF), quoting fields that need it. A field
/// starting with = + - @ is prefixed with ' so spreadsheet programs show
/// it as text rather than run it as a formula.
pub fn write_record(fields: &[&str]) -> String {
    let mut writer = WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let defused = fields.iter().map(|field| {
        if field.starts_with(['=', '+', '-', '@']) && !looks_numeric(field) {
            format!("'{field}")
        } else {
            (*field).to_owned()
        }
    });
    // Writing into a Vec cannot fail, and every field is a `str`.
    writer
        .write_record(defused)
        .expect("CSV is written into memory");
    let bytes = writer.into_inner().expect("CSV is written into memory");
    String::from_utf8(bytes).expect("fields are UTF-8")
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

    const KNOWN: [&str; 4] = ["name", "country", "municipality", "phone"];

    #[test]
    fn quoted_fields_keep_commas_quotes_and_line_breaks() {
        let text = "a,b\r\n\"x, y\",\"he said \"\"hi\"\"\"\n\"two\nlines\",z\n";
        let records = parse(text, Delimiter::Comma).unwrap();
        assert_eq!(records.len(), 3);
        assert_eq!(records[1].fields, vec!["x, y", "he said \"hi\""]);
        assert_eq!(records[2].fields, vec!["two\nlines", "z"]);
        assert_eq!(records[2].line, 3);
        assert_eq!(
            parse("a,b\n\nc,d", Delimiter::Comma).unwrap().len(),
            2,
            "blank lines are not records"
        );
    }

    #[test]
    fn each_record_has_the_line_it_starts_on() {
        let lines = |text: &str| -> Vec<usize> {
            parse(text, Delimiter::Semicolon)
                .unwrap()
                .iter()
                .map(|r| r.line)
                .collect()
        };
        assert_eq!(lines("a;b\nc;d\ne;f"), vec![1, 2, 3]);
        assert_eq!(lines("a;b\r\nc;d\r\ne;f\r\n"), vec![1, 2, 3], "CRLF");
        assert_eq!(lines("a;b\r\n\r\n\nc;d\n\ne;f\n"), vec![1, 4, 6], "blank");
        assert_eq!(
            lines("a;b\r\n\"one\r\ntwo\r\nthree\";x\r\nc;d\r\n"),
            vec![1, 2, 5],
            "a quoted field over three lines"
        );
        assert_eq!(lines("\n\na;b\n"), vec![3], "blank lines first");
    }

    #[test]
    fn the_delimiter_is_the_one_that_yields_known_columns() {
        let detect = |text: &str| Delimiter::detect(text, &KNOWN);
        assert_eq!(detect("name,country,municipality\n"), Delimiter::Comma);
        assert_eq!(
            detect("name;country;municipality\r\n"),
            Delimiter::Semicolon
        );
        assert_eq!(detect("name\tcountry\tmunicipality\n"), Delimiter::Tab);
        assert_eq!(
            detect("\"name\";\"country\";\"municipality\"\n"),
            Delimiter::Semicolon,
            "quoted names"
        );
        // More semicolons than commas in the header, but only the commas
        // separate column names.
        assert_eq!(
            detect("name,\"a;b;c;d\",country\nx;y;z;w;v,1,2\n"),
            Delimiter::Comma
        );
        // Commas inside a quoted semicolon-separated header.
        assert_eq!(
            detect("\"name, of the service\";country;municipality;phone\n"),
            Delimiter::Semicolon
        );
        // Only the header counts, not the rows under it.
        assert_eq!(detect("name;country\nx,y,z,w,v,u\n"), Delimiter::Semicolon);
        // No known name: where it splits most, else a comma.
        assert_eq!(detect("naziv;opština;telefon\n"), Delimiter::Semicolon);
        assert_eq!(detect("Ovo nije ni JSON ni CSV.\n"), Delimiter::Comma);
        assert_eq!(detect(""), Delimiter::Comma);
    }

    #[test]
    fn written_records_read_back() {
        let fields = [
            "Centar, Vranje",
            "say \"hi\"",
            "two\nlines",
            "+381 17 421 000",
            "=cmd()",
            "a;b",
        ];
        let line = write_record(&fields);
        assert!(line.ends_with("\r\n"));
        let back = parse(&line, Delimiter::Comma).unwrap();
        assert_eq!(
            back[0].fields[..4],
            fields[..4]
                .iter()
                .map(|f| f.to_string())
                .collect::<Vec<_>>()[..]
        );
        assert_eq!(back[0].fields[4], "'=cmd()", "formulas are defused");
        assert_eq!(back[0].fields[5], "a;b");
    }
}
