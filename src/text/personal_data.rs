//! Before a post or a case dilemma is saved, look for data that identifies
//! a client: a JMBG (13 digits — also written in groups, with any spaces,
//! dashes, dots, slashes or invisible characters between them, in any
//! script's digits — whose date is real, whose region code exists and whose
//! mod-11 checksum holds), phone numbers, e-mail addresses and street
//! addresses with a number. A JMBG blocks saving; the others ask the author
//! to confirm. [`find`] says where: byte ranges of the text as written, so
//! a form can highlight exactly what the author typed.

use std::ops::Range;

/// A kind of personal data found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Finding {
    Jmbg,
    Phone,
    Email,
    Address,
    // Found only in case dilemmas (see `deident`).
    Name,
    Place,
    Age,
}

impl Finding {
    /// The catalogue key of the warning shown to the author.
    pub fn message_key(self) -> &'static str {
        match self {
            Finding::Jmbg => "personal-data-jmbg",
            Finding::Phone => "personal-data-phone",
            Finding::Email => "personal-data-email",
            Finding::Address => "personal-data-address",
            Finding::Name => "personal-data-name",
            Finding::Place => "personal-data-place",
            Finding::Age => "personal-data-age",
        }
    }

    /// The catalogue key of the neutral placeholder that replaces it.
    pub fn placeholder_key(self) -> &'static str {
        match self {
            Finding::Jmbg => "deident-placeholder-jmbg",
            Finding::Phone => "deident-placeholder-phone",
            Finding::Email => "deident-placeholder-email",
            Finding::Address => "deident-placeholder-address",
            Finding::Name => "deident-placeholder-name",
            Finding::Place => "deident-placeholder-place",
            Finding::Age => "deident-placeholder-age",
        }
    }

    /// A JMBG is never saved; the others can be confirmed by the author.
    pub fn blocks_saving(self) -> bool {
        self == Finding::Jmbg
    }
}

/// Where in the text (byte offsets into the text as written) a finding is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub kind: Finding,
    pub range: Range<usize>,
}

/// What `text` seems to contain, each kind once, in a stable order.
pub fn scan(text: &str) -> Vec<Finding> {
    let mut kinds: Vec<Finding> = find(text).iter().map(|span| span.kind).collect();
    kinds.sort();
    kinds.dedup();
    kinds
}

/// Every finding with its place in `text`, in order of position.
pub fn find(text: &str) -> Vec<Span> {
    let cleaned = clean(text);
    let mut spans = Vec::new();
    // A JMBG is read through whatever people put between its digits.
    for run in digit_runs(&cleaned, JMBG_GAP) {
        for range in jmbg_ranges(&run) {
            spans.push(Span {
                kind: Finding::Jmbg,
                range,
            });
        }
    }
    // Phone numbers keep to one separator between groups, or
    // "01.02.2024. 10.30" would run together into one.
    for run in digit_runs(&cleaned, PHONE_GAP) {
        let digits: String = run.iter().map(|group| group.digits.as_str()).collect();
        if looks_like_phone(&digits) {
            spans.push(Span {
                kind: Finding::Phone,
                range: run[0].start..run[run.len() - 1].end,
            });
        }
    }
    for range in email_ranges(text) {
        spans.push(Span {
            kind: Finding::Email,
            range,
        });
    }
    for range in street_addresses(text) {
        spans.push(Span {
            kind: Finding::Address,
            range,
        });
    }
    spans.sort_by_key(|span| (span.range.start, span.range.end));
    spans
}

/// Words that start a street address in the region's languages (in Latin,
/// after transliteration), followed within a few words by a house number.
const STREET_WORDS: &[&str] = &[
    "ulica", "ulici", "ul", "bulevar", "bulevaru", "bul", "trg", "trgu", "sokak", "put", "naselje",
];

/// "ulica … 12": from the street word to the house number ("12", "34a",
/// "7/3").
fn street_addresses(text: &str) -> Vec<Range<usize>> {
    let words = super::words::words(text);
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if !STREET_WORDS.contains(&word.normalized.as_str()) {
            continue;
        }
        if let Some(number) = words[i + 1..]
            .iter()
            .take(4)
            .find(|w| is_house_number(&w.normalized))
        {
            found.push(word.range.start..super::words::extend_house_number(text, number.range.end));
        }
    }
    found
}

fn is_house_number(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty() && digits.len() <= 4 && digits.chars().all(|c| c.is_ascii_digit())
}

/// Candidate e-mail addresses: words between spaces and brackets, trimmed
/// of punctuation.
fn email_ranges(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut start = 0;
    let is_break = |c: char| c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | ',' | ';');
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if !is_break(c) {
            continue;
        }
        let word = &text[start..i];
        let trimmed = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        let from = start + word.len() - trimmed.len();
        let trimmed = trimmed.trim_end_matches(|c: char| !c.is_alphanumeric());
        if looks_like_email(trimmed) {
            found.push(from..from + trimmed.len());
        }
        start = i + c.len_utf8();
    }
    found
}

/// One character of the text as the digit scanner reads it, with where it
/// stands in the original.
#[derive(Debug, Clone, Copy)]
struct Read {
    /// An ASCII digit, `+`, a canonical separator (' ', '\n', '-', '/',
    /// '.') or anything else (as it is).
    c: char,
    start: usize,
    end: usize,
}

/// Reads `text` the way a person reads a number: any script's decimal
/// digits as digits, the many spaces, dashes, dots and slashes as theirs,
/// and invisible characters (zero-width, soft hyphen, direction marks) as
/// nothing at all.
fn clean(text: &str) -> Vec<Read> {
    text.char_indices()
        .filter(|&(_, c)| !is_invisible(c))
        .map(|(start, c)| Read {
            c: canonical(c),
            start,
            end: start + c.len_utf8(),
        })
        .collect()
}

fn canonical(c: char) -> char {
    if let Some(d) = decimal_digit(c) {
        return char::from_digit(d, 10).unwrap_or(c);
    }
    match c {
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => '\n',
        c if c.is_whitespace() => ' ',
        // Dash punctuation (Unicode Pd), the minus signs.
        '-'
        | '\u{58A}'
        | '\u{5BE}'
        | '\u{1400}'
        | '\u{1806}'
        | '\u{2010}'..='\u{2015}'
        | '\u{2E17}'
        | '\u{2E1A}'
        | '\u{2E3A}'
        | '\u{2E3B}'
        | '\u{2E40}'
        | '\u{2E5D}'
        | '\u{301C}'
        | '\u{3030}'
        | '\u{30A0}'
        | '\u{FE31}'
        | '\u{FE32}'
        | '\u{FE58}'
        | '\u{FE63}'
        | '\u{FF0D}'
        | '\u{10EAD}'
        | '\u{2212}'
        | '\u{2796}'
        | '\u{207B}'
        | '\u{208B}' => '-',
        '/' | '\\' | '\u{2044}' | '\u{2215}' | '\u{29F8}' | '\u{FF0F}' | '\u{FF3C}' => '/',
        '.' | '\u{B7}' | '\u{2024}' | '\u{2027}' | '\u{2219}' | '\u{22C5}' | '\u{FE52}'
        | '\u{FF0E}' | '\u{3002}' | '\u{FF61}' => '.',
        '+' | '\u{FF0B}' => '+',
        other => other,
    }
}

/// Characters that show nothing (Unicode's default-ignorable code points):
/// put between digits, they must not hide a number.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}')
}

/// The first code point ("0") of each block of ten decimal digits in
/// Unicode 16 (general category Nd).
const DIGIT_ZEROS: [u32; 75] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x10D40, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x116D0, 0x116DA, 0x11730, 0x118E0, 0x11950, 0x11BF0, 0x11C50, 0x11D50,
    0x11DA0, 0x11F50, 0x16130, 0x16A60, 0x16AC0, 0x16B50, 0x16D70, 0x1CCF0, 0x1D7CE, 0x1D7D8,
    0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E5F1, 0x1E950,
];

/// The value of a decimal digit in any script ("٣", "３", "३" are 3).
pub fn decimal_digit(c: char) -> Option<u32> {
    let code = c as u32;
    if code < 0x80 {
        return c.to_digit(10);
    }
    // Blocks of ten, sorted: the last zero at or below `code`.
    let i = DIGIT_ZEROS.partition_point(|&zero| zero <= code);
    let zero = DIGIT_ZEROS[i.checked_sub(1)?];
    (code - zero < 10).then_some(code - zero)
}

/// What may stand between two digit groups of one number.
struct Gap {
    /// At most this many separator characters.
    max: usize,
    /// Whether a line break is one of them.
    line_breaks: bool,
}

/// "0101 – 990", "0101.\n990", "0101 / 990": up to three separators.
const JMBG_GAP: Gap = Gap {
    max: 3,
    line_breaks: true,
};
/// "064/123-4567", "064 123 4567": one separator, on one line.
const PHONE_GAP: Gap = Gap {
    max: 1,
    line_breaks: false,
};

/// A group of digits (with a leading `+` when a number starts with one)
/// and the bytes of the original text it spans.
#[derive(Debug)]
struct Group {
    digits: String,
    start: usize,
    end: usize,
}

/// Runs of digit groups with at most `gap` separators between groups;
/// numbers written next to each other ("JMBG i telefon: 0101990710008 064
/// 123 4567") make one run.
fn digit_runs(read: &[Read], gap: Gap) -> Vec<Vec<Group>> {
    let is_separator =
        |c: char| matches!(c, ' ' | '-' | '/' | '.') || (gap.line_breaks && c == '\n');
    let mut runs = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut current: Option<Group> = None;
    let mut i = 0;
    while i < read.len() {
        let r = read[i];
        let next_is_digit = |j: usize| read.get(j).is_some_and(|n| n.c.is_ascii_digit());
        if r.c.is_ascii_digit() || (r.c == '+' && current.is_none() && next_is_digit(i + 1)) {
            let group = current.get_or_insert(Group {
                digits: String::new(),
                start: r.start,
                end: r.end,
            });
            group.digits.push(r.c);
            group.end = r.end;
            i += 1;
            continue;
        }
        if current.is_some() && is_separator(r.c) {
            let width = read[i..]
                .iter()
                .take(gap.max + 1)
                .take_while(|n| is_separator(n.c))
                .count();
            if width <= gap.max && next_is_digit(i + width) {
                groups.extend(current.take());
                i += width;
                continue;
            }
        }
        groups.extend(current.take());
        if !groups.is_empty() {
            runs.push(std::mem::take(&mut groups));
        }
        i += 1;
    }
    groups.extend(current.take());
    if !groups.is_empty() {
        runs.push(groups);
    }
    runs
}

/// Where whole consecutive groups of a run spell a valid JMBG (13 digits,
/// in one piece or written in groups), wherever in the run they stand.
fn jmbg_ranges(groups: &[Group]) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for start in 0..groups.len() {
        let mut digits = String::new();
        for (end, group) in groups.iter().enumerate().skip(start) {
            digits.push_str(group.digits.trim_start_matches('+'));
            if digits.len() >= 13 {
                if digits.len() == 13 && is_valid_jmbg(&digits) {
                    let first = &groups[start];
                    let plus = first.digits.len() - first.digits.trim_start_matches('+').len();
                    found.push(first.start + plus..groups[end].end);
                }
                break;
            }
        }
    }
    found
}

/// JMBG: DDMMYYYRRBBBK, K from the weighted sum mod 11.
pub fn is_valid_jmbg(digits: &str) -> bool {
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 13 || digits.len() != 13 {
        return false;
    }
    let day = d[0] * 10 + d[1];
    let month = d[2] * 10 + d[3];
    let three = d[4] * 100 + d[5] * 10 + d[6];
    // 990 is 1990, 005 is 2005.
    let year = if three >= 800 {
        1000 + three
    } else {
        2000 + three
    };
    if chrono::NaiveDate::from_ymd_opt(year as i32, month, day).is_none() {
        return false;
    }
    let region = d[7] * 10 + d[8];
    if !is_region_code(region) {
        return false;
    }
    let weights = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let sum: u32 = d
        .iter()
        .zip(weights)
        .map(|(digit, weight)| digit * weight)
        .sum();
    let control = match 11 - sum % 11 {
        10 | 11 => 0,
        k => k,
    };
    d[12] == control
}

/// Region codes in use: 00–09 foreign citizens, 10–19 Bosnia and
/// Herzegovina, 21–29 Montenegro, 30–39 Croatia, 41–49 North Macedonia,
/// 50–59 Slovenia, 60 and 66 temporary residence, 70–79 central Serbia,
/// 80–89 Vojvodina, 90–99 Kosovo.
fn is_region_code(region: u32) -> bool {
    matches!(region, 0..=19 | 21..=39 | 41..=60 | 66 | 70..=99)
}

/// Regional phone numbers: +381/+382/+387/+389/+385/+386/+383/+355 or a
/// leading 0, then 8–10 more digits.
fn looks_like_phone(run: &str) -> bool {
    let digits: String = run.chars().filter(char::is_ascii_digit).collect();
    if let Some(rest) = run.strip_prefix('+') {
        return rest.len() >= 10
            && rest.len() <= 13
            && ["381", "382", "383", "385", "386", "387", "389", "355"]
                .iter()
                .any(|p| rest.starts_with(p));
    }
    digits.starts_with('0') && (9..=11).contains(&digits.len()) && digits.len() != 13
}

fn looks_like_email(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    match word.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.ends_with('.')
                && !domain.starts_with('.')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jmbg_checksums() {
        assert!(is_valid_jmbg("0101990710008"));
        assert!(is_valid_jmbg("1705978730032"));
        assert!(!is_valid_jmbg("0101990710007"), "wrong control digit");
        assert!(is_valid_jmbg("1503985760018"));
        assert!(
            !is_valid_jmbg("3213990710008"),
            "no 32nd day, no 13th month"
        );
        assert!(!is_valid_jmbg("3102990710005"), "no 31 February");
        assert!(!is_valid_jmbg("0101990200000"), "region 20 does not exist");
        assert!(!is_valid_jmbg("010199071000"), "twelve digits");
    }

    #[test]
    fn finds_client_data_in_a_dilemma() {
        assert_eq!(
            scan("Dečak (JMBG 0101990710008) živi sa bakom."),
            vec![Finding::Jmbg]
        );
        assert_eq!(
            scan("Majka je dostupna na 064/123-4567 posle podne."),
            vec![Finding::Phone]
        );
        assert_eq!(scan("Zvati +381 64 123 4567"), vec![Finding::Phone]);
        assert_eq!(scan("piše sa marija.p@gmail.com"), vec![Finding::Email]);
        assert_eq!(scan("Broj predmeta 0101990710007 nije JMBG"), vec![]);
        assert_eq!(
            scan("JMBG 0101-990-710-008 sa crticama"),
            vec![Finding::Jmbg]
        );
        assert_eq!(
            scan("JMBG i telefon: 0101990710008 064 123 4567"),
            vec![Finding::Jmbg],
            "next to another number"
        );
        assert_eq!(scan("br. 12 0101990710008"), vec![Finding::Jmbg]);
        assert_eq!(scan("majka + 064 123 4567"), vec![Finding::Phone]);
        assert_eq!(
            scan("Porodica živi u ulici Kralja Petra 12 u Nišu."),
            vec![Finding::Address]
        );
        assert_eq!(
            scan("Станују на Булевару ослобођења 34а."),
            vec![Finding::Address]
        );
    }

    /// The JMBG 0101990710008 as people (or their keyboards and word
    /// processors) write it: the span is exactly the characters written.
    #[test]
    fn a_jmbg_is_read_through_separators_invisibles_and_other_digits() {
        for written in [
            "0101\u{A0}990\u{A0}710\u{A0}008",
            "0101\u{202F}990\u{2009}710\u{2007}008",
            "0101\u{2013}990\u{2014}710\u{2212}008",
            "0101\u{2010}990\u{2011}710-008",
            "01019\u{200B}9071\u{200C}0008",
            "0\u{200D}1\u{2060}0\u{FEFF}1990710\u{AD}008",
            "0101990\n710008",
            "0101990\r\n710008",
            "0101.990.710.008",
            "0101990/710008",
            "0101\t990\t710\t008",
            "0101 - 990 - 710 - 008",
            "\u{FF10}\u{FF11}\u{FF10}\u{FF11}\u{FF19}\u{FF19}\u{FF10}\u{FF17}\u{FF11}\u{FF10}\u{FF10}\u{FF10}\u{FF18}",
            "\u{660}\u{661}\u{660}\u{661}\u{669}\u{669}\u{660}\u{667}\u{661}\u{660}\u{660}\u{660}\u{668}",
            "0101\u{96F}\u{96F}\u{966} 710 \u{1D7CE}\u{1D7CE}8",
        ] {
            let text = format!("Dečak, JMBG {written}, živi sa bakom.");
            let start = "Dečak, JMBG ".len();
            let spans: Vec<_> = find(&text)
                .into_iter()
                .filter(|s| s.kind == Finding::Jmbg)
                .collect();
            assert_eq!(
                spans,
                vec![Span {
                    kind: Finding::Jmbg,
                    range: start..start + written.len()
                }],
                "{written:?}"
            );
        }
    }

    #[test]
    fn unicode_decimal_digits_have_their_value() {
        for zero in DIGIT_ZEROS {
            for value in 0..10 {
                let c = char::from_u32(zero + value).unwrap();
                assert!(c.is_numeric(), "{c:?}");
                assert_eq!(decimal_digit(c), Some(value), "{c:?}");
            }
        }
        for c in ['a', '²', '½', 'Ⅻ', '①', ' ', '\u{2070}'] {
            assert_eq!(decimal_digit(c), None, "{c:?}");
        }
    }

    /// Dates, times, amounts, phone numbers and case numbers stay what
    /// they are, also written with the new separators.
    #[test]
    fn ordinary_numbers_are_not_a_jmbg() {
        for text in [
            "Sastanak je 01.02.2024. u 10.30, sledeći 15.03.2024. u 9.00.",
            "Od 01.02.2024 do 28.02.2024 — 10.30–12.00 h.",
            "Iznos pomoći je 1.250.000,00 din, a jednokratna 25.000,00 din.",
            "Iznos: 1\u{A0}250\u{A0}000,00 din; 12\u{202F}500 din mesečno.",
            "Rešenje br. 553-01-1234/2024-05 od 12.03.2024.",
            "Predmet br. 551-03-00123/2024-14, zaveden 01.02.2024.",
            "Broj predmeta: 401-00-00567/2023-02\nDatum: 05.06.2023.",
            "Tel. 064 123 4567 ili 011/3456-789, radnim danima 8–16 h.",
            "Zakon (\"Sl. glasnik RS\", br. 24/2011, 18/2016 i 46/2017)",
            "Tabela: 2019. – 120, 2020. – 135, 2021. – 150 korisnika.",
            "Period 2019–2024: 1.250 dece, 3.400 odraslih, 15 opština.",
            "Grupa se sastaje 12. 3. 2024. i 26. 3. 2024. od 17 do 19 h.",
        ] {
            let found = scan(text);
            assert!(!found.contains(&Finding::Jmbg), "{text:?}: {found:?}");
        }
        assert_eq!(scan("Sastanak 01.02.2024. u 10.30."), vec![]);
        assert_eq!(scan("Iznos 1.250.000,00 din."), vec![]);
        assert_eq!(
            scan("Predmet br. 551-03-00123/2024-14 od 01.02.2024."),
            vec![]
        );
        assert_eq!(
            scan("Tel.\u{A0}064\u{A0}123\u{A0}4567"),
            vec![Finding::Phone]
        );
    }

    #[test]
    fn spans_point_at_the_original_text() {
        let text = "Мајка: 064/123-4567, marija.p@gmail.com, ulica Kralja Petra 12/3.";
        let spans = find(text);
        let shown: Vec<(Finding, &str)> = spans
            .iter()
            .map(|s| (s.kind, &text[s.range.clone()]))
            .collect();
        assert_eq!(
            shown,
            vec![
                (Finding::Phone, "064/123-4567"),
                (Finding::Email, "marija.p@gmail.com"),
                (Finding::Address, "ulica Kralja Petra 12/3"),
            ]
        );
    }

    #[test]
    fn ordinary_text_is_not_flagged() {
        assert_eq!(
            scan("Od 2019. do 2024. godine, 15 dece u 3 opštine, 120 sati supervizije."),
            vec![]
        );
        assert_eq!(
            scan("Zakon o socijalnoj zaštiti (\"Sl. glasnik RS\", br. 24/2011)"),
            vec![]
        );
    }
}
