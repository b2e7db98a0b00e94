//! De-identification of case dilemmas (supervision cases). On top of the
//! personal-data guard (JMBG, phone, e-mail, street address with a number)
//! it finds what identifies a client in a story: a personal name (a
//! capitalised first name and surname), an age next to a name, a street
//! named without a number ("u ulici Njegoševoj") and a named village ("iz
//! sela Vrnjci"). Both scripts: words are matched after transliteration to
//! Latin. It runs only for case forms; in ordinary posts the same words
//! (colleagues, authors, institutions named after people) would be noise.
//!
//! Spans are byte ranges of the text as written, merged where they overlap,
//! so the form can highlight them and [`rewrite`] can replace each by a
//! neutral placeholder.

use std::collections::HashSet;
use std::sync::OnceLock;

use sha2::{Digest, Sha256};

use super::personal_data::{self, Finding, Span};
use super::words::{Word, extend_house_number, words};

/// Everything in `text` that may identify a person, in order, not
/// overlapping.
pub fn find(text: &str) -> Vec<Span> {
    let words = words(text);
    let mut spans = personal_data::find(text);
    let names = names(text, &words);
    spans.extend(ages(text, &words, &names));
    spans.extend(names);
    spans.extend(streets(text, &words));
    spans.extend(places(text, &words));
    merge(spans)
}

/// `text` with every span replaced by `placeholder(kind)`.
pub fn rewrite(text: &str, spans: &[Span], placeholder: impl Fn(Finding) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for span in spans {
        out.push_str(&text[at..span.range.start]);
        out.push_str(&placeholder(span.kind));
        at = span.range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// `text` with everything [`find`] finds replaced by placeholders. A
/// replacement can bring words closer ("Ana, 064 123 4567, ima 14 godina":
/// the age is near the name once the phone is one word), so it goes on
/// until nothing is left (a few rounds at most).
pub fn deidentify(text: &str, placeholder: impl Fn(Finding) -> String) -> String {
    let mut text = text.to_owned();
    for _ in 0..4 {
        let spans = find(&text);
        if spans.is_empty() {
            break;
        }
        text = rewrite(&text, &spans, &placeholder);
    }
    text
}

/// A short fingerprint of what was found (kind and text of each span, not
/// where it stands), so a confirmation given for these spans does not
/// carry over to a text with other ones.
pub fn fingerprint<'a>(found: impl IntoIterator<Item = (Finding, &'a str)>) -> String {
    let mut hasher = Sha256::new();
    for (kind, text) in found {
        hasher.update(format!("{kind:?}\u{1F}{text}\u{1E}").as_bytes());
    }
    hasher.finalize()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Overlapping spans become one, of the kind that matters most (an address
/// that contains a name — "ulica Vuka Karadžića 5" — is an address).
fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by_key(|s| (s.range.start, std::cmp::Reverse(s.range.end)));
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.range.start < last.range.end => {
                last.range.end = last.range.end.max(span.range.end);
                last.kind = last.kind.min(span.kind);
            }
            _ => merged.push(span),
        }
    }
    merged
}

// ---------------------------------------------------------------------------
// Names

fn first_names() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| declined_set(include_str!("names/first_names.txt")))
}

fn listed_surnames() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| declined_set(include_str!("names/surnames.txt")))
}

/// Every name of a list in its common case forms, normalised.
fn declined_set(list: &str) -> HashSet<String> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .flat_map(|name| declined(&super::search::normalize(name)))
        .collect()
}

/// The case forms of a (normalised) name: Milica → milice, milici,
/// milicu, milicom; Marko → marka, marku, markom; Petar → petra;
/// Stefan → stefana, stefanu, stefanom.
fn declined(name: &str) -> Vec<String> {
    let mut forms = vec![name.to_owned()];
    let Some(last) = name.chars().last() else {
        return forms;
    };
    let stem = &name[..name.len() - last.len_utf8()];
    let endings: &[&str] = match last {
        'a' => &["e", "i", "u", "om", "o"],
        'o' | 'e' => &["a", "u", "om", "em", "e", "o"],
        'i' => &["ja", "ju", "jem"],
        _ => &[],
    };
    if endings.is_empty() {
        for ending in ["a", "u", "om", "em", "e", "i"] {
            forms.push(format!("{name}{ending}"));
        }
        // The fleeting a: Petar → Petra, Aleksandar → Aleksandra.
        if let Some(stem) = name.strip_suffix("ar").filter(|s| s.len() >= 3) {
            for ending in ["a", "u", "om", "e"] {
                forms.push(format!("{stem}r{ending}"));
            }
        }
    } else {
        let stem = if last == 'i' { name } else { stem };
        for ending in endings {
            forms.push(format!("{stem}{ending}"));
        }
    }
    forms
}

/// Surname endings (normalised: -ić is "ic") with their case forms.
const SURNAME_ENDINGS: &[&str] = &[
    "ic", "ica", "icu", "icem", "icom", "ici", "ice", "ski", "skog", "skoga", "skom", "skim",
    "skome", "ska", "ske", "skoj", "sku", "ov", "ova", "ovu", "ovom", "ove", "ovoj", "ovi", "ev",
    "eva", "evu", "evom", "eve", "evoj", "evi", "aj", "aja", "aju", "ajem", "ajt",
];

fn is_first_name(word: &Word) -> bool {
    word.is_capitalised() && first_names().contains(&word.normalized)
}

fn is_surname(word: &Word) -> bool {
    if !word.is_capitalised() || word.normalized.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let w = word.normalized.as_str();
    listed_surnames().contains(w)
        || SURNAME_ENDINGS
            .iter()
            .any(|ending| w.len() >= ending.len() + 2 && w.ends_with(ending))
        || is_albanian_surname(word.text)
}

/// Albanian surnames often end in -i or -iu (Krasniqi, Jashari, Avdiu);
/// only with a letter or digraph of Albanian spelling, or every Serbian
/// plural would be one.
fn is_albanian_surname(written: &str) -> bool {
    let lower = written.to_lowercase();
    lower.chars().count() >= 4
        && (lower.ends_with('i') || lower.ends_with("iu"))
        && ["q", "x", "ë", "ç", "sh", "gj", "xh", "th", "dh", "ll", "rr"]
            .iter()
            .any(|mark| lower.contains(mark))
}

/// Only spaces between two words (a name is not split over a line or by
/// punctuation).
fn adjacent(text: &str, a: &Word, b: &Word) -> bool {
    let between = &text[a.range.end..b.range.start];
    !between.is_empty() && between.chars().all(|c| c == ' ' || c == '\u{A0}')
}

/// Inside quotation marks on its line: the name of a school, a home or a
/// prize ("OŠ „Vuk Karadžić“"), not a person in the case.
fn in_quotes(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let quotes = text[line_start..at]
        .chars()
        .filter(|c| matches!(c, '„' | '“' | '”' | '"' | '«' | '»' | '‚' | '‘' | '’'))
        .count();
    quotes % 2 == 1
}

/// A cited author: "Vesna Žegarac (2014)", "Vesna Žegarac, 2014".
fn cited(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches([' ', '(', ',']);
    let year: String = rest.chars().take_while(char::is_ascii_digit).collect();
    year.len() == 4 && (year.starts_with("19") || year.starts_with("20"))
}

/// First name and surname ("Marko Marković", "Milici Petrović"), or
/// surname and first name as records write it ("Marković Marko"), with a
/// middle name or a second surname.
fn names(text: &str, words: &[Word]) -> Vec<Span> {
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < words.len() {
        let (a, b) = (&words[i], &words[i + 1]);
        let pair = adjacent(text, a, b)
            && ((is_first_name(a) && is_surname(b)) || (is_surname(a) && is_first_name(b)));
        if !pair || in_quotes(text, a.range.start) {
            i += 1;
            continue;
        }
        let mut last = i + 1;
        while let Some(next) = words.get(last + 1) {
            if adjacent(text, &words[last], next) && (is_surname(next) || is_first_name(next)) {
                last += 1;
            } else {
                break;
            }
        }
        if !cited(text, words[last].range.end) {
            found.push(Span {
                kind: Finding::Name,
                range: a.range.start..words[last].range.end,
            });
        }
        i = last + 1;
    }
    found
}

// ---------------------------------------------------------------------------
// Ages

/// An age: up to 110.
fn age_number(word: &Word) -> bool {
    word.text.len() <= 3
        && word.text.chars().all(|c| c.is_ascii_digit())
        && word.text.parse::<u32>().is_ok_and(|n| n <= 110)
}

fn is_years_word(normalized: &str) -> bool {
    matches!(normalized, "godina" | "godine" | "godinu" | "god" | "g")
        || normalized.starts_with("godisnj")
}

/// Words that say "aged": "star 14", "stara 9 godina", "uzrasta 7".
fn is_aged_word(normalized: &str) -> bool {
    matches!(
        normalized,
        "star"
            | "stara"
            | "staro"
            | "stari"
            | "starosti"
            | "uzrasta"
            | "uzrast"
            | "napunio"
            | "napunila"
    )
}

/// "(14)", "(14 god.)", "14 godina", "14-godišnji", "star 14" — when a
/// name stands near it in the same sentence: an age alone ("dečak od 14
/// godina") is what the form asks for instead of a birth date.
fn ages(text: &str, words: &[Word], names: &[Span]) -> Vec<Span> {
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if !age_number(word) {
            continue;
        }
        let next = words.get(i + 1);
        let years = next.filter(|n| {
            is_years_word(&n.normalized)
                && text[word.range.end..n.range.start]
                    .chars()
                    .all(|c| matches!(c, ' ' | '-' | '\u{A0}' | '\u{2011}' | '\u{2013}'))
        });
        let mut range = word.range.start..years.map_or(word.range.end, |y| y.range.end);
        // "14 god." — the abbreviation's dot is part of it.
        if years.is_some_and(|y| {
            matches!(y.normalized.as_str(), "god" | "g") && text[y.range.end..].starts_with('.')
        }) {
            range.end += 1;
        }
        let before = text[..word.range.start].trim_end_matches(' ');
        let after = &text[range.end..];
        let in_parentheses = before.ends_with('(') && after.trim_start().starts_with(')');
        let aged = i > 0 && is_aged_word(&words[i - 1].normalized);
        if !(in_parentheses || years.is_some() || aged) {
            continue;
        }
        if !near_a_name(text, words, names, i) {
            continue;
        }
        if in_parentheses {
            range.start = before.len() - 1;
            range.end += after.find(')').map_or(0, |p| p + 1);
        }
        found.push(Span {
            kind: Finding::Age,
            range,
        });
    }
    found
}

/// A name (a found name, or a capitalised first name) within a few words
/// before or after word `i`, in the same sentence.
fn near_a_name(text: &str, words: &[Word], names: &[Span], i: usize) -> bool {
    let at = words[i].range.clone();
    let same_sentence = |from: usize, to: usize| {
        !text[from..to]
            .chars()
            .any(|c| matches!(c, '!' | '?' | '\n' | ';'))
            && !text[from..to].contains(". ")
    };
    let start = i.saturating_sub(6);
    let end = (i + 4).min(words.len());
    (start..end).any(|j| {
        let w = &words[j];
        let is_name = is_first_name(w)
            || names
                .iter()
                .any(|n| n.range.start <= w.range.start && w.range.end <= n.range.end);
        is_name
            && j != i
            && if w.range.end <= at.start {
                same_sentence(w.range.end, at.start)
            } else {
                same_sentence(at.end, w.range.start)
            }
    })
}

// ---------------------------------------------------------------------------
// Streets and places

/// Words that start a street (in Latin, normalised), in their case forms.
const STREET_WORDS: &[&str] = &[
    "ulica", "ulici", "ulicu", "ulice", "ulicom", "ul", "bulevar", "bulevaru", "bulevara", "bul",
    "trg", "trgu", "trga", "sokak", "sokaku", "naselje", "naselju", "naselja",
];

/// "ulica Njegoševa 12", "Ul. Kralja Petra 5", "u ulici Vojvode Mišića":
/// a street word with a house number a few words on, or with a capitalised
/// name right after it.
fn streets(text: &str, words: &[Word]) -> Vec<Span> {
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if !STREET_WORDS.contains(&word.normalized.as_str()) {
            continue;
        }
        let rest = &words[i + 1..];
        let number = rest.iter().take(4).position(|w| {
            let digits = w
                .normalized
                .trim_end_matches(|c: char| c.is_ascii_alphabetic());
            !digits.is_empty() && digits.len() <= 4 && digits.chars().all(|c| c.is_ascii_digit())
        });
        let end = if let Some(n) = number {
            extend_house_number(text, rest[n].range.end)
        } else {
            let named = capitalised_run(text, word, rest);
            if named == 0 {
                continue;
            }
            rest[named - 1].range.end
        };
        found.push(Span {
            kind: Finding::Address,
            range: word.range.start..end,
        });
    }
    found
}

/// How many capitalised words (at most three) follow `word` with only
/// spaces, or an abbreviation's dot ("Ul. Kralja"), between.
fn capitalised_run(text: &str, word: &Word, rest: &[Word]) -> usize {
    let mut previous = word;
    let mut count = 0;
    for next in rest.iter().take(3) {
        let between = &text[previous.range.end..next.range.start];
        let spaced = !between.is_empty()
            && between
                .trim_start_matches('.')
                .chars()
                .all(|c| c == ' ' || c == '\u{A0}');
        if !spaced || !next.is_capitalised() || (count > 0 && between.contains('.')) {
            break;
        }
        count += 1;
        previous = next;
    }
    count
}

/// Words after which a capitalised name is a village or a hamlet.
const PLACE_WORDS: &[&str] = &[
    "selo", "sela", "selu", "selom", "zaselak", "zaseoka", "zaseoku", "zaselku", "zaseok",
];

/// "iz sela Vrnjci", "u selu Donja Trnava", "iz mesta Kamenica".
fn places(text: &str, words: &[Word]) -> Vec<Span> {
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let place_word = PLACE_WORDS.contains(&word.normalized.as_str())
            || (matches!(word.normalized.as_str(), "mesta" | "mestu" | "mesto")
                && i > 0
                && matches!(words[i - 1].normalized.as_str(), "iz" | "u" | "kod" | "do"));
        if !place_word {
            continue;
        }
        let rest = &words[i + 1..];
        let named = capitalised_run(text, word, rest);
        if named > 0 {
            found.push(Span {
                kind: Finding::Place,
                range: rest[0].range.start..rest[named - 1].range.end,
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<(Finding, &str)> {
        find(text)
            .into_iter()
            .map(|s| (s.kind, &text[s.range]))
            .collect()
    }

    #[test]
    fn finds_a_child_with_age_and_village() {
        assert_eq!(
            shown("Marko Marković (14) iz sela Vrnjci živi sa bakom."),
            vec![
                (Finding::Name, "Marko Marković"),
                (Finding::Age, "(14)"),
                (Finding::Place, "Vrnjci"),
            ]
        );
        assert_eq!(
            shown("Марко Марковић (14) из села Врњци живи са баком."),
            vec![
                (Finding::Name, "Марко Марковић"),
                (Finding::Age, "(14)"),
                (Finding::Place, "Врњци"),
            ]
        );
    }

    #[test]
    fn declined_names_and_ages() {
        assert_eq!(
            shown("Razgovarala sam sa Milici Petrović, stara 9 godina."),
            vec![
                (Finding::Name, "Milici Petrović"),
                (Finding::Age, "9 godina")
            ]
        );
        assert_eq!(
            shown("Otac Marka Markovića ima 14-godišnjeg sina."),
            vec![
                (Finding::Name, "Marka Markovića"),
                (Finding::Age, "14-godišnjeg")
            ]
        );
        assert_eq!(
            shown("Jovana, 14-godišnja učenica, ćerka je Ane Trajkovske."),
            vec![
                (Finding::Age, "14-godišnja"),
                (Finding::Name, "Ane Trajkovske")
            ]
        );
    }

    #[test]
    fn streets_with_and_without_number() {
        assert_eq!(
            shown("Stanuju u ulici Njegoševoj, a baka na Bulevar oslobođenja 7/3."),
            vec![
                (Finding::Address, "ulici Njegoševoj"),
                (Finding::Address, "Bulevar oslobođenja 7/3")
            ]
        );
        assert_eq!(
            shown("Adresa: Ul. Kralja Petra 5."),
            vec![(Finding::Address, "Ul. Kralja Petra 5")]
        );
    }

    #[test]
    fn professional_text_is_quiet() {
        for text in [
            "Centar za socijalni rad Niš uputio je porodicu Domu zdravlja.",
            "Prema Milosavljeviću (2009), Zakon o socijalnoj zaštiti uvodi usluge.",
            "Vesna Žegarac (2014) piše o deci u hraniteljstvu.",
            "Dečak od 14 godina pohađa OŠ „Vuk Karadžić“ u Nišu.",
            "Na Savindan, za Svetog Savu, škola priređuje priredbu.",
            "U junu i julu, posle 20 godina rada, supervizorka je otišla u penziju.",
        ] {
            assert_eq!(shown(text), vec![], "{text}");
        }
    }

    #[test]
    fn rewriting_replaces_each_span() {
        let text = "Marko Marković (14) iz sela Vrnjci, tel. 064 123 4567.";
        let rewritten = rewrite(text, &find(text), |kind| format!("[{kind:?}]"));
        assert_eq!(rewritten, "[Name] [Age] iz sela [Place], tel. [Phone].");
        assert_eq!(find(&rewritten), vec![]);
    }
}
