//! Before a post or a case dilemma is saved, look for data that identifies
//! a client: a Serbian JMBG (13 digits with a valid checksum), phone
//! numbers, e-mail addresses. The author is asked to remove them.

/// A kind of personal data found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    Jmbg,
    Phone,
    Email,
}

impl Finding {
    /// The catalogue key of the warning shown to the author.
    pub fn message_key(self) -> &'static str {
        match self {
            Finding::Jmbg => "personal-data-jmbg",
            Finding::Phone => "personal-data-phone",
            Finding::Email => "personal-data-email",
        }
    }
}

/// What `text` seems to contain, each kind once, in a stable order.
pub fn scan(text: &str) -> Vec<Finding> {
    let mut found = Vec::new();
    let runs = digit_runs(text);
    if runs.iter().any(|run| run.len() == 13 && is_valid_jmbg(run)) {
        found.push(Finding::Jmbg);
    }
    if runs.iter().any(|run| looks_like_phone(run)) {
        found.push(Finding::Phone);
    }
    if text.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | ',' | ';')).any(looks_like_email) {
        found.push(Finding::Email);
    }
    found
}

/// Runs of digits, allowing the separators people put inside phone numbers
/// (space, dash, slash, dot) and a leading `+`.
fn digit_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() || (c == '+' && current.is_empty()) {
            current.push(c);
        } else if matches!(c, ' ' | '-' | '/' | '.') && !current.is_empty() && chars.peek().is_some_and(char::is_ascii_digit) {
            continue;
        } else if !current.is_empty() {
            runs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// JMBG: DDMMYYYRRBBBK, K from the weighted sum mod 11.
pub fn is_valid_jmbg(digits: &str) -> bool {
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 13 || digits.len() != 13 {
        return false;
    }
    let day = d[0] * 10 + d[1];
    let month = d[2] * 10 + d[3];
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
        return false;
    }
    let weights = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let sum: u32 = d.iter().zip(weights).map(|(digit, weight)| digit * weight).sum();
    let control = match 11 - sum % 11 {
        10 | 11 => 0,
        k => k,
    };
    d[12] == control
}

/// Regional phone numbers: +381/+382/+387/+389/+385/+386/+383/+355 or a
/// leading 0, then 8–10 more digits.
fn looks_like_phone(run: &str) -> bool {
    let digits: String = run.chars().filter(char::is_ascii_digit).collect();
    if let Some(rest) = run.strip_prefix('+') {
        return rest.len() >= 10 && rest.len() <= 13 && ["381", "382", "383", "385", "386", "387", "389", "355"].iter().any(|p| rest.starts_with(p));
    }
    digits.starts_with('0') && (9..=11).contains(&digits.len()) && digits.len() != 13
}

fn looks_like_email(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    match word.split_once('@') {
        Some((local, domain)) => !local.is_empty() && domain.contains('.') && !domain.ends_with('.') && !domain.starts_with('.'),
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
        assert!(!is_valid_jmbg("3213990710008"), "no 32nd day, no 13th month");
        assert!(!is_valid_jmbg("010199071000"), "twelve digits");
    }

    #[test]
    fn finds_client_data_in_a_dilemma() {
        assert_eq!(scan("Dečak (JMBG 0101990710008) živi sa bakom."), vec![Finding::Jmbg]);
        assert_eq!(scan("Majka je dostupna na 064/123-4567 posle podne."), vec![Finding::Phone]);
        assert_eq!(scan("Zvati +381 64 123 4567"), vec![Finding::Phone]);
        assert_eq!(scan("piše sa marija.p@gmail.com"), vec![Finding::Email]);
        assert_eq!(scan("Broj predmeta 0101990710007 nije JMBG"), vec![]);
    }

    #[test]
    fn ordinary_text_is_not_flagged() {
        assert_eq!(scan("Od 2019. do 2024. godine, 15 dece u 3 opštine, 120 sati supervizije."), vec![]);
        assert_eq!(scan("Zakon o socijalnoj zaštiti (\"Sl. glasnik RS\", br. 24/2011)"), vec![]);
    }
}
