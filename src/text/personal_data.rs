//! Before a post or a case dilemma is saved, look for data that identifies
//! a client: a JMBG (13 digits — also written with spaces or dashes — whose
//! date is real, whose region code exists and whose mod-11 checksum holds),
//! phone numbers, e-mail addresses and street addresses with a number. A
//! JMBG blocks saving; the others ask the author to confirm.

/// A kind of personal data found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    Jmbg,
    Phone,
    Email,
    Address,
}

impl Finding {
    /// The catalogue key of the warning shown to the author.
    pub fn message_key(self) -> &'static str {
        match self {
            Finding::Jmbg => "personal-data-jmbg",
            Finding::Phone => "personal-data-phone",
            Finding::Email => "personal-data-email",
            Finding::Address => "personal-data-address",
        }
    }

    /// A JMBG is never saved; the others can be confirmed by the author.
    pub fn blocks_saving(self) -> bool {
        self == Finding::Jmbg
    }
}

/// What `text` seems to contain, each kind once, in a stable order.
pub fn scan(text: &str) -> Vec<Finding> {
    let mut found = Vec::new();
    let grouped_runs = digit_runs(text);
    if grouped_runs.iter().any(|groups| contains_jmbg(groups)) {
        found.push(Finding::Jmbg);
    }
    let runs: Vec<String> = grouped_runs.iter().map(|groups| groups.concat()).collect();
    if runs.iter().any(|run| looks_like_phone(run)) {
        found.push(Finding::Phone);
    }
    if text
        .split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | ',' | ';'))
        .any(looks_like_email)
    {
        found.push(Finding::Email);
    }
    if has_street_address(text) {
        found.push(Finding::Address);
    }
    found
}

/// Words that start a street address in the region's languages (in Latin,
/// after transliteration), followed within a few words by a house number.
const STREET_WORDS: &[&str] = &[
    "ulica", "ulici", "ul", "bulevar", "bulevaru", "bul", "trg", "trgu", "sokak", "put", "naselje",
];

fn has_street_address(text: &str) -> bool {
    let normalized = super::search::normalize(text);
    let words: Vec<&str> = normalized.split(' ').collect();
    words.iter().enumerate().any(|(i, word)| {
        STREET_WORDS.contains(word)
            && words[i + 1..].iter().take(4).any(|w| {
                let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                !digits.is_empty()
                    && digits.len() <= 4
                    && digits.chars().all(|c| c.is_ascii_digit())
            })
    })
}

/// Runs of digits, allowing the separators people put inside phone numbers
/// (space, dash, slash, dot) and a leading `+`; each run as its groups
/// (the digits between separators), since numbers written next to each
/// other ("JMBG i telefon: 0101990710008 064 123 4567") make one run.
fn digit_runs(text: &str) -> Vec<Vec<String>> {
    let mut runs = Vec::new();
    let mut groups = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let starts_number =
            c == '+' && current.is_empty() && chars.peek().is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() || starts_number {
            current.push(c);
        } else if matches!(c, ' ' | '-' | '/' | '.')
            && !current.is_empty()
            && chars.peek().is_some_and(char::is_ascii_digit)
        {
            groups.push(std::mem::take(&mut current));
        } else if !current.is_empty() {
            groups.push(std::mem::take(&mut current));
            runs.push(std::mem::take(&mut groups));
        }
    }
    if !current.is_empty() {
        groups.push(current);
        runs.push(groups);
    }
    runs
}

/// Whether whole consecutive groups of a run spell a valid JMBG (13 digits,
/// in one piece or written in groups), wherever in the run they stand.
fn contains_jmbg(groups: &[String]) -> bool {
    (0..groups.len()).any(|start| {
        let mut digits = String::new();
        for group in &groups[start..] {
            digits.push_str(group.trim_start_matches('+'));
            if digits.len() >= 13 {
                break;
            }
        }
        digits.len() == 13 && is_valid_jmbg(&digits)
    })
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
