//! Search normalisation: "centar", "центар" and "cěntar" must find the same
//! things, so indexed text and queries both pass through [`normalize`].

use super::translit;

/// Lower-case, Latin script, no diacritics, single spaces.
pub fn normalize(text: &str) -> String {
    let latin = translit::to_latin(text);
    let mut out = String::with_capacity(latin.len());
    let mut last_was_space = true;
    for c in latin.chars().flat_map(char::to_lowercase) {
        let c = fold_diacritic(c);
        // A letter written with a combining mark ("c" + U+030C for "č",
        // as decomposed Unicode has it) is the letter: the mark goes.
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        if c.is_alphanumeric() {
            if c == 'đ' {
                out.push_str("dj");
            } else {
                out.push(c);
            }
            last_was_space = false;
        } else if !last_was_space {
            out.push(' ');
            last_was_space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Maps letters with diacritics to their base letter (đ is kept for the
/// caller, which spells it "dj" as Serbian ASCII writing does).
fn fold_diacritic(c: char) -> char {
    match c {
        'č' | 'ć' | 'ç' | 'ĉ' | 'ċ' => 'c',
        'š' | 'ś' | 'ş' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ō' | 'ő' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ñ' | 'ń' | 'ň' => 'n',
        'ř' => 'r',
        'ť' => 't',
        'ď' => 'd',
        'ľ' | 'ł' => 'l',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

/// A URL-safe ASCII slug ("Ana Petrović" → "ana-petrovic").
pub fn slugify(text: &str) -> String {
    normalize(text)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_diacritics_normalise_alike() {
        assert_eq!(normalize("Čačak"), "cacak");
        assert_eq!(normalize("Чачак"), "cacak");
        assert_eq!(normalize("Cacak"), "cacak");
        assert_eq!(normalize("cěntar"), normalize("центар"));
        assert_eq!(normalize("socijalni"), normalize("социјални"));
        assert_eq!(normalize("Đurđevdan"), normalize("Djurdjevdan"));
        assert_eq!(normalize("C\u{30c}ac\u{30c}ak"), "cacak", "decomposed č");
    }

    #[test]
    fn punctuation_collapses_to_single_spaces() {
        assert_eq!(
            normalize("  Centar — za   socijalni rad, Niš!  "),
            "centar za socijalni rad nis"
        );
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slugify("Ana Petrović"), "ana-petrovic");
        assert_eq!(slugify("Љиљана Ђорђевић"), "ljiljana-djordjevic");
    }
}
