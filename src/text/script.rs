//! Members' content in the reader's script, the way the Serbian Wikipedia
//! converts between Latin and Cyrillic: on the fly, as the page is shown,
//! with the stored text never changed.
//!
//! Serbian is written in both scripts and readers pick one; the interface
//! follows the reader (see `i18n`), and this module lets what members write
//! follow too. A converter that touched everything would break what is not
//! Serbian prose, so these rules decide what is left exactly as written:
//!
//! - **Markup and code.** Only HTML text nodes change: never tags or
//!   attribute values (`href`, `src`, `title` …), never character references
//!   (`&amp;`, `&#39;`), never anything inside `<code>`, `<pre>`, `<kbd>`,
//!   `<samp>` or `<var>`. In plain text (titles), `` `code` `` spans stay.
//! - **Addresses.** A whitespace-separated token that is a URL
//!   (`https://…`, `www.…`, a `/path`), an e-mail address, a handle
//!   (`@marko`) or a host name (two words joined by a dot without a space,
//!   `kolega.rs`, `пример.срб`) stays.
//! - **Foreign words.** Into Cyrillic, a word with q, w, x or y, or with a
//!   Latin letter Serbian does not use (é, ü, ß …), stays: it is a name or
//!   a word from another language (WhatsApp, Müller, café). Into Latin, a
//!   word with a Cyrillic letter Serbian does not use (я, ы, ѓ, ќ …) stays:
//!   it is Russian, Macedonian, Bulgarian or Ukrainian.
//! - **Mixed scripts.** A word already mixing Latin and Cyrillic letters is
//!   left alone: there is no telling what its author meant.
//! - **Abbreviations.** A word of two or more letters all in capitals
//!   (PDF, CSR, UNICEF, and the Roman numerals XIV, IV) stays as its author
//!   wrote it: Serbian Cyrillic texts keep Latin abbreviations and Roman
//!   numerals, and a wrongly converted abbreviation misleads more than an
//!   unconverted one.
//!
//! The digraph exceptions (konjunktura, nadživeti) are those of
//! [`translit`](super::translit). Conversion is idempotent, and a plain
//! Serbian word comes back from Cyrillic exactly as it went in.
//!
//! Only content in a language written in both scripts is converted (see
//! [`is_biscriptal_language`]); a Macedonian post stays Cyrillic on a Latin
//! page and an English one stays English.
//!
//! Pages use it through `web::Page::content` / `content_html`. A page where
//! something was converted ends with "Izvorni tekst": the same address with
//! `?izvorno=1`, which shows members' text as written and offers the way
//! back. A query parameter rather than a cookie or a setting, so that the
//! original is one plain link away, can be shared, needs no form, and is
//! forgotten on the next page; the language switch drops it from the
//! address it returns to, and a form shown again after a POST (which has no
//! address to repeat) offers no link.

use super::translit;

/// The two scripts of Serbian.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Latin,
    Cyrillic,
}

/// Languages (as groups, events and resources name them) whose texts are
/// written in either script and are converted for the reader.
pub fn is_biscriptal_language(language: &str) -> bool {
    matches!(language, "sr" | "cnr")
}

/// A fragment of sanitised HTML with its text in `to`.
pub fn html_to(to: Script, html: &str) -> String {
    if !needs_conversion(to, html) {
        return html.to_owned();
    }
    let chars: Vec<char> = html.chars().collect();
    let mut out = String::with_capacity(html.len() * 2);
    // How many verbatim elements (code, pre …) we are inside.
    let mut verbatim_depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '<' {
            let end = tag_end(&chars, i);
            let tag = &chars[i..=end];
            if let Some((name, closing)) = tag_name(tag)
                && VERBATIM_ELEMENTS.contains(&name.as_str())
            {
                if closing {
                    verbatim_depth = verbatim_depth.saturating_sub(1);
                } else if tag.len() < 2 || tag[tag.len() - 2] != '/' {
                    verbatim_depth += 1;
                }
            }
            out.extend(tag);
            i = end + 1;
            continue;
        }
        let run_end = (i..chars.len())
            .find(|&j| chars[j] == '<')
            .unwrap_or(chars.len());
        if verbatim_depth > 0 {
            out.extend(&chars[i..run_end]);
        } else {
            convert_run(&chars[i..run_end], to, true, &mut out);
        }
        i = run_end;
    }
    out
}

/// Sanitised HTML in Cyrillic, for a reader of the Cyrillic interface.
pub fn html_to_cyrillic(html: &str) -> String {
    html_to(Script::Cyrillic, html)
}

/// Sanitised HTML in Latin, for Cyrillic-written content on a Latin page.
pub fn html_to_latin(html: &str) -> String {
    html_to(Script::Latin, html)
}

/// Plain text (a title, a name) in `to`, to be escaped by the template.
pub fn text_to(to: Script, text: &str) -> String {
    if !needs_conversion(to, text) {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    convert_run(&chars, to, false, &mut out);
    out
}

/// Elements whose text is code or data, never prose.
const VERBATIM_ELEMENTS: &[&str] = &[
    "code", "pre", "kbd", "samp", "var", "script", "style", "textarea",
];

/// Whether `text` has any letter of the other script at all: most content
/// on a Latin page is Latin, and is passed through without a scan.
fn needs_conversion(to: Script, text: &str) -> bool {
    match to {
        Script::Cyrillic => text.chars().any(is_latin_letter),
        Script::Latin => text.chars().any(is_cyrillic_letter),
    }
}

/// The index of the `>` closing the tag opened at `start` (quotes in
/// attribute values respected), or the last index when it never closes.
fn tag_end(chars: &[char], start: usize) -> usize {
    let mut quote: Option<char> = None;
    for (j, &c) in chars.iter().enumerate().skip(start + 1) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '>' => return j,
            None => {}
        }
    }
    chars.len() - 1
}

/// `<code class="x">` → ("code", false); `</pre>` → ("pre", true).
fn tag_name(tag: &[char]) -> Option<(String, bool)> {
    let mut rest = tag.get(1..)?;
    let closing = rest.first() == Some(&'/');
    if closing {
        rest = &rest[1..];
    }
    let name: String = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (!name.is_empty()).then_some((name, closing))
}

/// Converts a run of text (an HTML text node when `html`, else plain text).
fn convert_run(chars: &[char], to: Script, html: bool, out: &mut String) {
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let verbatim_until = match c {
            '&' if html => entity_end(chars, i),
            '`' if !html => (i + 1..chars.len()).find(|&j| chars[j] == '`'),
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
        if i == 0 || chars[i - 1].is_whitespace() {
            let token_end = (i..chars.len())
                .find(|&j| chars[j].is_whitespace())
                .unwrap_or(chars.len());
            if is_verbatim_token(&chars[i..token_end]) {
                out.extend(&chars[i..token_end]);
                i = token_end;
                continue;
            }
        }
        if c.is_alphabetic() {
            let word_end = (i..chars.len())
                .find(|&j| !chars[j].is_alphabetic())
                .unwrap_or(chars.len());
            convert_word(&chars[i..word_end], to, out);
            i = word_end;
        } else {
            out.push(c);
            i += 1;
        }
    }
}

/// The `;` ending a character reference (`&amp;`, `&#39;`, `&#x2F;`) at `start`.
fn entity_end(chars: &[char], start: usize) -> Option<usize> {
    let end = (start + 1..chars.len().min(start + 34)).find(|&j| chars[j] == ';')?;
    let body = &chars[start + 1..end];
    let well_formed = match body {
        ['#', 'x' | 'X', hex @ ..] => !hex.is_empty() && hex.iter().all(char::is_ascii_hexdigit),
        ['#', digits @ ..] => !digits.is_empty() && digits.iter().all(char::is_ascii_digit),
        name => !name.is_empty() && name.iter().all(char::is_ascii_alphanumeric),
    };
    well_formed.then_some(end)
}

/// URLs, e-mail addresses, handles and host names.
fn is_verbatim_token(token: &[char]) -> bool {
    if translit::is_address(token) || token.first() == Some(&'@') {
        return true;
    }
    // A host name: words joined by dots, no space ("kolega.rs/pomoc").
    let trimmed: Vec<char> = {
        let mut t = token.to_vec();
        while t
            .last()
            .is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '»' | '"' | '“'))
        {
            t.pop();
        }
        t
    };
    trimmed
        .iter()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '/'))
        && trimmed
            .windows(3)
            .any(|w| w[0].is_alphanumeric() && w[1] == '.' && w[2].is_alphanumeric())
}

fn convert_word(word: &[char], to: Script, out: &mut String) {
    if is_kept_as_written(word, to) {
        out.extend(word);
        return;
    }
    match to {
        Script::Cyrillic => translit::word_to_cyrillic(word, out),
        Script::Latin => {
            for &c in word {
                match translit::cyrillic_letter_to_latin(c) {
                    Some(latin) => out.push_str(latin),
                    None => out.push(c),
                }
            }
        }
    }
}

/// The foreign-word, mixed-script and abbreviation rules of the module doc.
fn is_kept_as_written(word: &[char], to: Script) -> bool {
    let latin = word.iter().any(|&c| is_latin_letter(c));
    let cyrillic = word.iter().any(|&c| is_cyrillic_letter(c));
    if latin && cyrillic {
        return true;
    }
    if word.len() >= 2 && word.iter().all(|c| c.is_uppercase()) {
        return true;
    }
    match to {
        Script::Cyrillic => word
            .iter()
            .any(|&c| is_latin_letter(c) && !is_serbian_latin_letter(c)),
        Script::Latin => word
            .iter()
            .any(|&c| is_cyrillic_letter(c) && !is_serbian_cyrillic_letter(c)),
    }
}

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && (c < '\u{0250}' || ('\u{1E00}'..='\u{1EFF}').contains(&c))
}

fn is_cyrillic_letter(c: char) -> bool {
    c.is_alphabetic() && ('\u{0400}'..='\u{052F}').contains(&c)
}

fn is_serbian_latin_letter(c: char) -> bool {
    let lower = c.to_lowercase().next().unwrap_or(c);
    matches!(lower, 'a'..='z' | 'č' | 'ć' | 'đ' | 'š' | 'ž')
        && !matches!(lower, 'q' | 'w' | 'x' | 'y')
}

fn is_serbian_cyrillic_letter(c: char) -> bool {
    let lower = c.to_lowercase().next().unwrap_or(c);
    "абвгдђежзијклљмнњопрстћуфхцчџш".contains(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_nodes_change_and_markup_does_not() {
        assert_eq!(
            html_to_cyrillic(
                "<p>Pogledaj <a href=\"https://kolega.rs/pravila\" title=\"Pravila\">pravila</a> i pokreni <code>cargo run</code> danas.</p>"
            ),
            "<p>Погледај <a href=\"https://kolega.rs/pravila\" title=\"Pravila\">правила</a> и покрени <code>cargo run</code> данас.</p>"
        );
        assert_eq!(
            html_to_cyrillic("<pre><code>let ljubav = 1;</code></pre><p>ljubav</p>"),
            "<pre><code>let ljubav = 1;</code></pre><p>љубав</p>"
        );
    }

    #[test]
    fn entities_addresses_and_handles_stay() {
        assert_eq!(
            html_to_cyrillic("<p>Tom &amp; Jerry &#39;citat&#39; &nbsp;kraj</p>"),
            "<p>Том &amp; Jerry &#39;цитат&#39; &nbsp;крај</p>"
        );
        assert_eq!(
            html_to_cyrillic(
                "<p>Piši na info@kolega.rs, vidi www.kolega.rs ili kolega.rs/pomoc i pitaj @marko.</p>"
            ),
            "<p>Пиши на info@kolega.rs, види www.kolega.rs или kolega.rs/pomoc и питај @marko.</p>"
        );
    }

    #[test]
    fn foreign_words_abbreviations_and_mixed_words_stay() {
        assert_eq!(
            text_to(
                Script::Cyrillic,
                "Webinar o PDF i CSR u XIV veku, Müller i café, meš\u{0430}no"
            ),
            "Webinar о PDF и CSR у XIV веку, Müller и café, meš\u{0430}no"
        );
        assert_eq!(
            text_to(
                Script::Latin,
                "Центар за социјални рад и Меѓуопштински центар, Москва — ЦСР"
            ),
            "Centar za socijalni rad i Меѓуопштински centar, Moskva — ЦСР"
        );
    }

    #[test]
    fn plain_text_keeps_code_spans() {
        assert_eq!(
            text_to(Script::Cyrillic, "Kako radi `git log` komanda"),
            "Како ради `git log` команда"
        );
    }

    #[test]
    fn only_languages_written_in_both_scripts_are_converted() {
        assert!(is_biscriptal_language("sr"));
        assert!(is_biscriptal_language("cnr"));
        assert!(!is_biscriptal_language("mk"));
        assert!(!is_biscriptal_language("en"));
    }
}
