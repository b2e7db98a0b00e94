//! Words of a text with their place in it: the personal-data detectors
//! match on the normalised word (Latin, lower case, no diacritics) but
//! report the bytes of the word as the author wrote it.

use std::ops::Range;

use super::search;

#[derive(Debug, Clone)]
pub struct Word<'a> {
    /// As written.
    pub text: &'a str,
    /// Bytes of the original text.
    pub range: Range<usize>,
    /// Latin, lower case, without diacritics ("Đorđević" → "djordjevic").
    pub normalized: String,
}

impl Word<'_> {
    /// Written with a capital first letter (in either script).
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Letters, digits and the combining marks of decomposed letters.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut found = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (is_word_char(c) && i < text.len(), start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                let word = &text[from..i];
                found.push(Word {
                    text: word,
                    range: from..i,
                    normalized: search::normalize(word),
                });
                start = None;
            }
            _ => {}
        }
    }
    found
}

/// A house number goes on past "/3", "-a", " a" glued to it: where it ends.
pub fn extend_house_number(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let mut chars = rest.char_indices();
    if let Some((_, '/' | '-')) = chars.next() {
        let tail: usize = rest[1..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || c.is_alphabetic())
            .take(4)
            .map(char::len_utf8)
            .sum();
        if tail > 0 {
            return end + 1 + tail;
        }
    }
    end
}
