//! Serbian Latin ⇄ Cyrillic transliteration.
//!
//! The interface catalogue is written once, in Latin; the Cyrillic interface
//! is derived from it here so it can never fall behind. Serbian has a 1:1
//! mapping between the scripts except for three Latin digraphs (lj, nj, dž)
//! that are single Cyrillic letters — but not always: in words like
//! "konjunktura" or "nadživeti" the two letters belong to different morphemes
//! and stay two letters. Things that are not Serbian words (URLs, e-mail
//! addresses, code, foreign words with q/w/x/y) are left as they are.

use std::borrow::Cow;

/// Word beginnings where a Latin digraph is really two letters, with the
/// index (in chars) of the first of the two.
const SPLIT_DIGRAPHS: &[(&str, usize)] = &[
    ("konjug", 2),
    ("konjunk", 2),
    ("injek", 1),
    ("injunk", 1),
    ("vanjez", 2),
    ("tanjug", 2),
    ("nadživ", 2),
    ("nadžanj", 2),
    ("podžanr", 2),
    ("podžup", 2),
    ("odžal", 1),
    ("odživ", 1),
];

/// Latin → Cyrillic for Serbian text, leaving URLs, e-mail addresses, code
/// spans, Markdown link targets, HTML tags and foreign words untouched.
pub fn to_cyrillic(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // Code spans, Markdown link destinations and tags are copied verbatim.
        let verbatim_until = match c {
            '`' => find(&chars, i + 1, '`'),
            ']' if chars.get(i + 1) == Some(&'(') => find(&chars, i + 2, ')'),
            '<' => find(&chars, i + 1, '>'),
            _ => None,
        };
        if let Some(end) = verbatim_until {
            out.extend(&chars[i..=end]);
            i = end + 1;
            continue;
        }
        if c.is_whitespace() {
            out.push(c);
            i += 1;
            continue;
        }
        // A token runs to the next whitespace; tokens that are addresses stay.
        let token_end = (i..chars.len())
            .find(|&j| chars[j].is_whitespace())
            .unwrap_or(chars.len());
        let at_token_start = i == 0 || chars[i - 1].is_whitespace();
        if at_token_start && is_address(&chars[i..token_end]) {
            out.extend(&chars[i..token_end]);
            i = token_end;
            continue;
        }
        if c.is_alphabetic() {
            let word_end = (i..chars.len())
                .find(|&j| !chars[j].is_alphabetic())
                .unwrap_or(chars.len());
            word_to_cyrillic(&chars[i..word_end], &mut out);
            i = word_end;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The same as [`to_cyrillic`] with the signature Fluent's text transform wants.
pub fn to_cyrillic_cow(text: &str) -> Cow<'_, str> {
    Cow::Owned(to_cyrillic(text))
}

/// Cyrillic → Latin (with diacritics). Unambiguous, so no exceptions needed.
pub fn to_latin(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match cyrillic_letter_to_latin(c) {
            Some(latin) => out.push_str(latin),
            None => out.push(c),
        }
    }
    out
}

fn find(chars: &[char], from: usize, wanted: char) -> Option<usize> {
    (from..chars.len()).find(|&j| chars[j] == wanted)
}

pub(super) fn is_address(token: &[char]) -> bool {
    let token: String = token.iter().collect();
    let trimmed = token.trim_start_matches(['(', '[', '"', '\'', '«', '„']);
    trimmed.contains("://")
        || trimmed.starts_with("www.")
        || trimmed.starts_with('/')
        || (trimmed.contains('@') && trimmed.contains('.'))
}

pub(super) fn word_to_cyrillic(word: &[char], out: &mut String) {
    // Foreign words (names of products, organisations) keep their spelling.
    if word
        .iter()
        .any(|c| matches!(c, 'q' | 'w' | 'x' | 'y' | 'Q' | 'W' | 'X' | 'Y'))
    {
        out.extend(word);
        return;
    }
    let lower: String = word.iter().flat_map(|c| c.to_lowercase()).collect();
    let split_at = SPLIT_DIGRAPHS
        .iter()
        .find(|(prefix, _)| lower.starts_with(prefix))
        .map(|&(_, at)| at);
    let mut i = 0;
    while i < word.len() {
        let c = word[i];
        let next = word.get(i + 1).copied();
        if split_at != Some(i)
            && let Some(next) = next
            && let Some(letter) = digraph_to_cyrillic(c, next)
        {
            out.push(letter);
            i += 2;
            continue;
        }
        out.push(latin_letter_to_cyrillic(c).unwrap_or(c));
        i += 1;
    }
}

fn digraph_to_cyrillic(first: char, second: char) -> Option<char> {
    // "LJUBAV" (all capitals) and "Ljubav" (title case) both give a capital letter.
    let upper = first.is_uppercase();
    let letter = match (first.to_lowercase().next()?, second.to_lowercase().next()?) {
        ('l', 'j') => 'љ',
        ('n', 'j') => 'њ',
        ('d', 'ž') => 'џ',
        _ => return None,
    };
    Some(if upper {
        letter.to_uppercase().next()?
    } else {
        letter
    })
}

fn latin_letter_to_cyrillic(c: char) -> Option<char> {
    let lower = c.to_lowercase().next()?;
    let cyr = match lower {
        'a' => 'а',
        'b' => 'б',
        'c' => 'ц',
        'č' => 'ч',
        'ć' => 'ћ',
        'd' => 'д',
        'đ' => 'ђ',
        'e' => 'е',
        'f' => 'ф',
        'g' => 'г',
        'h' => 'х',
        'i' => 'и',
        'j' => 'ј',
        'k' => 'к',
        'l' => 'л',
        'm' => 'м',
        'n' => 'н',
        'o' => 'о',
        'p' => 'п',
        'r' => 'р',
        's' => 'с',
        'š' => 'ш',
        't' => 'т',
        'u' => 'у',
        'v' => 'в',
        'z' => 'з',
        'ž' => 'ж',
        _ => return None,
    };
    Some(if c.is_uppercase() {
        cyr.to_uppercase().next()?
    } else {
        cyr
    })
}

pub(super) fn cyrillic_letter_to_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'ђ' => "đ",
        'е' => "e",
        'ж' => "ž",
        'з' => "z",
        'и' => "i",
        'ј' => "j",
        'к' => "k",
        'л' => "l",
        'љ' => "lj",
        'м' => "m",
        'н' => "n",
        'њ' => "nj",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'ћ' => "ć",
        'у' => "u",
        'ф' => "f",
        'х' => "h",
        'ц' => "c",
        'ч' => "č",
        'џ' => "dž",
        'ш' => "š",
        'А' => "A",
        'Б' => "B",
        'В' => "V",
        'Г' => "G",
        'Д' => "D",
        'Ђ' => "Đ",
        'Е' => "E",
        'Ж' => "Ž",
        'З' => "Z",
        'И' => "I",
        'Ј' => "J",
        'К' => "K",
        'Л' => "L",
        'Љ' => "Lj",
        'М' => "M",
        'Н' => "N",
        'Њ' => "Nj",
        'О' => "O",
        'П' => "P",
        'Р' => "R",
        'С' => "S",
        'Т' => "T",
        'Ћ' => "Ć",
        'У' => "U",
        'Ф' => "F",
        'Х' => "H",
        'Ц' => "C",
        'Ч' => "Č",
        'Џ' => "Dž",
        'Ш' => "Š",
        // Macedonian letters, as their Serbian Latin neighbours, so that a
        // search finds cognates across the two (меѓу → među, ќерка → ćerka).
        'ѓ' => "đ",
        'ќ' => "ć",
        'ѕ' => "dz",
        'ѐ' => "e",
        'ѝ' => "i",
        'Ѓ' => "Đ",
        'Ќ' => "Ć",
        'Ѕ' => "Dz",
        'Ѐ' => "E",
        'Ѝ' => "I",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macedonian_letters_read_as_their_serbian_latin_neighbours() {
        assert_eq!(
            to_latin("Меѓуопштински центар, Ќерка, ѕвезда"),
            "Međuopštinski centar, Ćerka, dzvezda"
        );
    }

    #[test]
    fn digraphs_become_single_letters() {
        assert_eq!(to_cyrillic("ljubav njiva džep"), "љубав њива џеп");
        assert_eq!(
            to_cyrillic("Ljubljana Njegoš Džamija"),
            "Љубљана Његош Џамија"
        );
        assert_eq!(to_cyrillic("LJUBAV NJIVA DŽEP"), "ЉУБАВ ЊИВА ЏЕП");
        assert_eq!(to_cyrillic("odžak"), "оџак");
    }

    #[test]
    fn digraphs_across_morphemes_stay_two_letters() {
        assert_eq!(to_cyrillic("konjunktura"), "конјунктура");
        assert_eq!(to_cyrillic("injekcija"), "инјекција");
        assert_eq!(to_cyrillic("Nadživeti"), "Надживети");
        assert_eq!(to_cyrillic("podžanr"), "поджанр");
        assert_eq!(to_cyrillic("konjugacija"), "конјугација");
    }

    #[test]
    fn all_letters_and_punctuation() {
        assert_eq!(
            to_cyrillic("Centar za socijalni rad Čačak, Đurđevdan: ćuprija; šuma, žaba!"),
            "Центар за социјални рад Чачак, Ђурђевдан: ћуприја; шума, жаба!"
        );
    }

    #[test]
    fn addresses_code_and_foreign_words_are_left_alone() {
        assert_eq!(
            to_cyrillic("Piši na info@kolega.rs ili vidi https://kolega.rs/pomoc danas"),
            "Пиши на info@kolega.rs или види https://kolega.rs/pomoc данас"
        );
        assert_eq!(
            to_cyrillic("pokreni `cargo run` sada"),
            "покрени `cargo run` сада"
        );
        assert_eq!(
            to_cyrillic("[pravila](/guidelines)"),
            "[правила](/guidelines)"
        );
        assert_eq!(
            to_cyrillic("webinar preko Zoom i WhatsApp"),
            "webinar преко Зоом и WhatsApp"
        );
        assert_eq!(
            to_cyrillic("<strong>jak</strong> tekst"),
            "<strong>јак</strong> текст"
        );
    }

    #[test]
    fn cyrillic_to_latin_round_trips() {
        let latin = "Ljiljana i Njegoš iz Čačka, džep, đak, ćuprija";
        assert_eq!(to_latin(&to_cyrillic(latin)), latin);
        assert_eq!(to_latin("ЉУБАВ"), "LjUBAV");
    }
}
