//! Hostile and arbitrary input for the text functions every feature shares
//! (src/text/): the Markdown sanitiser, Serbian transliteration (and members'
//! content in the reader's script), search
//! normalisation and the personal-data guard. Properties, not examples: each
//! is checked on a few hundred generated inputs per run. A failure prints
//! the smallest input proptest could shrink it to; keep that as an example
//! test next to the code it broke.

use kolega::text::deident;
use kolega::text::markdown::{render, render_cached};
use kolega::text::personal_data::{Finding, Span, find, is_valid_jmbg, scan};
use kolega::text::script::{Script, html_to, text_to};
use kolega::text::search::{normalize, slugify};
use kolega::text::translit::{to_cyrillic, to_latin};
use proptest::prelude::*;
use proptest::sample::select;

/// The check the fuzz target (fuzz/fuzz_targets/markdown.rs) asserts too.
#[path = "../../fuzz/safe_html.rs"]
mod safe_html;

fn config() -> ProptestConfig {
    ProptestConfig {
        // Shrunk failures go into an example test, not a file in the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Generators

/// Pieces of known attacks on Markdown sanitisers, and the Markdown
/// syntax around them, to be glued together at random.
const HOSTILE: &[&str] = &[
    "<script>",
    "</script>",
    "<script src=//evil.example/x.js></script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<style>body{display:none}</style>",
    "<div style=\"background:url(javascript:alert(1))\">",
    "<a href=\"javascript:alert(1)\">",
    "</a>",
    "<math><mi xlink:href=\"javascript:alert(1)\">",
    "<object data=x>",
    "<form action=x><input>",
    "<base href=//evil.example/>",
    "<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<p ",
    " onclick=alert(1)",
    " onmouseover=\"alert(1)\"",
    " style=\"x\"",
    "<",
    ">",
    "</",
    "/>",
    "\"",
    "'",
    "`",
    "```",
    "&",
    "&amp;",
    "&lt;",
    "&#106;",
    "&#x6A;",
    "&#0;",
    "&colon;",
    "&Tab;",
    "&NewLine;",
    "&#x3C;script&#x3E;",
    "[",
    "]",
    "(",
    ")",
    "](",
    "![",
    "[x](",
    "![x](",
    "\"title\")",
    "<javascript:alert(1)>",
    "<https://example.org>",
    "<mailto:a@b.rs>",
    "[r]",
    "\n[r]: ",
    "\n\n",
    "\n",
    "    ",
    "\t",
    "*",
    "**",
    "_",
    "~~",
    "\\",
    "# ",
    "> ",
    "- ",
    "1. ",
    "| a | b |\n|:-:|--|\n",
    "|",
    "---",
    "alert(1)",
    "x",
    " ",
    "\u{0}",
    "\u{feff}",
    "\u{2028}",
    "\u{a0}",
    "Čačak",
];

/// URL beginnings that have got past sanitisers: scripts behind case,
/// entities, control characters and percent-encoding, other hosts for
/// images, and harmless ones for contrast.
const SCHEMES: &[&str] = &[
    "javascript:",
    "JaVaScRiPt:",
    " javascript:",
    "java\tscript:",
    "java&#9;script:",
    "java&Tab;script:",
    "&#106;avascript:",
    "&#x6A;avascript:",
    "&#X6a;avascript:",
    "javascript&colon;",
    "javascript&#58;",
    "javascript&#x3a;",
    "\u{1}javascript:",
    "%6A%61vascript:",
    "vbscript:",
    "VBScript:",
    "data:",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:image/svg+xml,",
    "file:",
    "blob:",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "/&#92;evil.example/",
    "/&#9;/evil.example/",
    "https://evil.example/",
    "http:",
    "mailto:",
    "tel:",
    "/files/",
    "",
];

/// A hostile address, or (one time in four) a plain path on this site: the
/// only images the sanitiser keeps are same-site ones, so without the paths
/// almost every image would be dropped and the image code never exercised.
fn url() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (select(SCHEMES), "[a-z0-9()/.:;,=&#%\\\\ '\"<>?-]{0,16}")
            .prop_map(|(scheme, rest)| format!("{scheme}{rest}")),
        1 => "/[a-z0-9/._-]{0,16}",
    ]
}

/// Markdown constructs that carry a URL: links, images, autolinks,
/// reference definitions; each also with a title and nested in another.
fn url_construct() -> impl Strategy<Value = String> {
    (url(), "[a-zA-Z <>\"&*_]{0,8}", 0..8usize).prop_map(|(url, text, form)| match form {
        0 => format!("[{text}]({url})"),
        1 => format!("![{text}]({url})"),
        2 => format!("[{text}](<{url}> \"{text}\")"),
        3 => format!("<{url}>"),
        4 => format!("[{text}][r]\n\n[r]: {url}\n"),
        5 => format!("[![{text}]({url})]({url})"),
        6 => format!("[{text} [in]({url})]({url})"),
        _ => format!("![{text}][r]\n\n[r]: <{url}> '{text}'\n"),
    })
}

/// Text that looks like an attack: hostile pieces, URL constructs and a
/// little noise, in any order.
fn hostile_markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => select(HOSTILE).prop_map(str::to_owned),
        2 => url_construct(),
        1 => "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

/// Serbian Cyrillic letters, both cases.
const CYRILLIC: &str = "абвгдђежзијклљмнњопрстћуфхцчџшАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ";

/// Serbian Latin letters as people write them: digraphs in lower or title
/// case (an all-capitals "LJ" comes back from Cyrillic as "Lj").
const LATIN: &[&str] = &[
    "a", "b", "c", "č", "ć", "d", "dž", "đ", "e", "f", "g", "h", "i", "j", "k", "l", "lj", "m",
    "n", "nj", "o", "p", "r", "s", "š", "t", "u", "v", "z", "ž", "A", "B", "C", "Č", "Ć", "D",
    "Dž", "Đ", "E", "F", "G", "H", "I", "J", "K", "L", "Lj", "M", "N", "Nj", "O", "P", "R", "S",
    "Š", "T", "U", "V", "Z", "Ž",
];

/// Digits, whitespace and punctuation that neither direction touches (no
/// `` ` ``, `<`, `](`, `/` or `@`, which mark code, tags, links and addresses).
const NEUTRAL: &str = "0123456789 \n\t.,;:!?-–—()\"'«»„“*_#%+=";

fn latin_text() -> impl Strategy<Value = String> {
    let word = prop::collection::vec(select(LATIN), 1..12).prop_map(|letters| letters.concat());
    let gap = prop::collection::vec(select(NEUTRAL.chars().collect::<Vec<_>>()), 1..3)
        .prop_map(|chars| chars.into_iter().collect::<String>());
    prop::collection::vec((word, gap), 0..10).prop_map(|parts| {
        let text: String = parts.into_iter().map(|(w, g)| w + &g).collect();
        // Letters glued at random can spell a digraph with a capital second
        // letter ("LJ", "nJ"); written as people write Serbian it is "Lj".
        [
            ("LJ", "Lj"),
            ("lJ", "lj"),
            ("NJ", "Nj"),
            ("nJ", "nj"),
            ("DŽ", "Dž"),
            ("dŽ", "dž"),
        ]
        .iter()
        .fold(text, |text, (from, to)| text.replace(from, to))
    })
}

fn cyrillic_text(letters: &'static str) -> impl Strategy<Value = String> {
    let word = prop::collection::vec(select(letters.chars().collect::<Vec<_>>()), 1..12)
        .prop_map(|chars| chars.into_iter().collect::<String>());
    let gap = prop::collection::vec(select(NEUTRAL.chars().collect::<Vec<_>>()), 1..3)
        .prop_map(|chars| chars.into_iter().collect::<String>());
    prop::collection::vec((word, gap), 0..10)
        .prop_map(|parts| parts.into_iter().map(|(w, g)| w + &g).collect())
}

/// Unicode that breaks naive text code: combining marks (alone, stacked,
/// at the start), right-to-left text and marks, emoji with joiners and
/// modifiers, case mappings that change length, noncharacters, controls.
fn tricky_unicode() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        select(vec![
            "\u{301}",
            "\u{30c}\u{30c}\u{30c}",
            "e\u{301}",
            "c\u{30c}",
            "\u{200f}",
            "\u{202e}",
            "\u{2066}",
            "שלום",
            "مرحبا",
            "👩\u{200d}👩\u{200d}👧",
            "👍🏽",
            "🇷🇸",
            "\u{fe0f}",
            "İ",
            "ß",
            "ﬁ",
            "ǅ",
            "\u{1e9e}",
            "K",
            "Ω",
            "\u{ffff}",
            "\u{10ffff}",
            "\u{0}",
            "\u{1b}[31m",
            "\r\n",
            "ѓќѕЀЍ",
            "ы",
            "٣",
            "Ⅻ",
            "²",
        ])
        .prop_map(str::to_owned),
        any::<char>().prop_map(String::from),
        "[a-zA-Zčćžšđ0-9 ]{1,4}",
    ];
    prop::collection::vec(piece, 0..16).prop_map(|pieces| pieces.concat())
}

/// A valid JMBG: DDMMYYY RR BBB K, a real date, a region in use, the
/// mod-11 control digit.
fn jmbg() -> impl Strategy<Value = String> {
    let regions: Vec<u32> = (0..=19)
        .chain(21..=39)
        .chain(41..=60)
        .chain([66])
        .chain(70..=99)
        .collect();
    (
        1900..=2025i32,
        1..=12u32,
        1..=31u32,
        select(regions),
        0..1000u32,
    )
        .prop_filter_map("a real date", |(year, month, day, region, serial)| {
            chrono::NaiveDate::from_ymd_opt(year, month, day)?;
            let body = format!("{day:02}{month:02}{:03}{region:02}{serial:03}", year % 1000);
            Some(format!("{body}{}", control_digit(&body)))
        })
}

/// The control digit of the first twelve digits, as the regulation gives it.
fn control_digit(body: &str) -> u32 {
    let sum: u32 = body
        .chars()
        .map(|c| c.to_digit(10).unwrap())
        .zip([7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        .map(|(digit, weight)| digit * weight)
        .sum();
    match 11 - sum % 11 {
        10 | 11 => 0,
        k => k,
    }
}

/// A JMBG as people write it: in one piece or in groups.
fn written_jmbg() -> impl Strategy<Value = String> {
    (jmbg(), 0..4usize).prop_map(|(j, form)| match form {
        0 => j,
        1 => format!("{} {} {} {}", &j[..4], &j[4..7], &j[7..10], &j[10..]),
        2 => format!("{}-{}-{}-{}", &j[..4], &j[4..7], &j[7..10], &j[10..]),
        _ => format!("{}/{}", &j[..7], &j[7..]),
    })
}

/// What people, their keyboards and word processors put between the digit
/// groups of a number: spaces of every width, dashes, the minus sign,
/// dots, slashes, tabs and line breaks.
const SEPARATORS: &[&str] = &[
    " ", "\u{A0}", "\u{202F}", "\u{2007}", "\u{2009}", "\u{200A}", "\u{2002}", "\u{3000}", "-",
    "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE63}",
    "\u{FF0D}", ".", "\u{FF0E}", "/", "\u{2215}", "\t", "\n",
];

/// Characters that show nothing: zero-width ones, the soft hyphen.
const INVISIBLES: &[&str] = &[
    "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{AD}",
];

/// What stands between two digit groups: up to three separators (or a
/// Windows line break) with invisible characters anywhere among them.
fn digit_gap() -> impl Strategy<Value = String> {
    let visible = prop_oneof![
        prop::collection::vec(select(SEPARATORS), 0..=3).prop_map(|v| v.concat()),
        Just("\r\n".to_owned()),
    ];
    (
        visible,
        prop::collection::vec(select(INVISIBLES), 0..=3),
        any::<u8>(),
    )
        .prop_map(|(visible, invisibles, at)| {
            let mut chars: Vec<String> = visible.chars().map(String::from).collect();
            for (i, invisible) in invisibles.into_iter().enumerate() {
                let place = (at as usize + i * 7) % (chars.len() + 1);
                chars.insert(place, invisible.to_owned());
            }
            chars.concat()
        })
}

/// The "0" of some scripts' decimal digits: ASCII, full-width,
/// Arabic-Indic, Eastern Arabic-Indic, Devanagari, Bengali, mathematical
/// bold and monospace.
const DIGIT_ZEROS: &[u32] = &[0x30, 0xFF10, 0x660, 0x6F0, 0x966, 0x9E6, 0x1D7CE, 0x1D7F6];

/// A JMBG cut into groups anywhere, any gap between the groups, each digit
/// in any script.
fn separated_jmbg() -> impl Strategy<Value = String> {
    (
        jmbg(),
        prop::collection::vec(any::<bool>(), 12),
        prop::collection::vec(digit_gap(), 12),
        prop::collection::vec(
            prop_oneof![4 => Just(0x30u32), 1 => select(DIGIT_ZEROS)],
            13,
        ),
    )
        .prop_map(|(j, cuts, gaps, zeros)| {
            let mut written = String::new();
            for (i, digit) in j.chars().enumerate() {
                let value = digit.to_digit(10).unwrap();
                written.push(char::from_u32(zeros[i] + value).unwrap());
                if i < 12 && cuts[i] {
                    written.push_str(&gaps[i]);
                }
            }
            written
        })
}

/// Case-dilemma-like text: names, ages, streets, villages, phones and
/// ordinary words in any order, in both scripts.
fn case_text() -> impl Strategy<Value = String> {
    let pieces = vec![
        "Marko",
        "Marković",
        "Markovića",
        "Milici",
        "Petrović",
        "Ana",
        "Krasniqi",
        "(14)",
        "14",
        "9",
        "godina",
        "14-godišnji",
        "star",
        "stara",
        "iz",
        "sela",
        "selu",
        "Vrnjci",
        "Donja",
        "Trnava",
        "ulici",
        "ulica",
        "Njegoševoj",
        "Ul.",
        "Kralja",
        "Petra",
        "12",
        "7/3",
        "Bulevar",
        "oslobođenja",
        "064/123-4567",
        "+381 64 123 4567",
        "ana@csr.rs",
        "„",
        "“",
        "(",
        ")",
        ",",
        ".",
        ";",
        "\n",
        "i",
        "živi",
        "ima",
        "Dom",
        "zdravlja",
        "Марко",
        "Марковић",
        "села",
        "Врњци",
        "улици",
        "0101990710008",
        "[x]",
        "mesta",
        "Stefan",
        "Ilić",
        "2014",
    ];
    prop::collection::vec(select(pieces), 0..24).prop_map(|words| words.join(" "))
}

/// What can stand next to a number in a sentence.
fn boundary() -> impl Strategy<Value = String> {
    select(vec![
        " ", "\n", ", ", ": ", " (", ") ", ". ", "; ", " - ", "JMBG ", "x", "č", "ш", "|",
    ])
    .prop_map(str::to_owned)
}

// ---------------------------------------------------------------------------
// Markdown sanitiser

proptest! {
    #![proptest_config(config())]

    /// Whatever members write, the HTML holds no executable construct:
    /// only allowed tags and attributes, no event handler or style, no
    /// scheme but http/https/mailto/tel (after entity decoding and what
    /// browsers strip), images only from this site, rel on every link.
    #[test]
    fn hostile_markdown_renders_safe_html(markdown in hostile_markdown()) {
        let html = render(&markdown);
        if let Err(why) = safe_html::check(&html) {
            prop_assert!(false, "{why}\n  input: {markdown:?}\n  html: {html:?}");
        }
    }

    #[test]
    fn arbitrary_text_renders_safe_html(markdown in any::<String>()) {
        let html = render(&markdown);
        if let Err(why) = safe_html::check(&html) {
            prop_assert!(false, "{why}\n  input: {markdown:?}\n  html: {html:?}");
        }
    }

    /// The output fed back in (an edit of quoted HTML, a double render) is
    /// still safe, and rendering is a function of the text alone, cache or not.
    #[test]
    fn rendering_is_deterministic_and_safe_twice(markdown in hostile_markdown()) {
        let html = render(&markdown);
        prop_assert_eq!(&render(&markdown), &html);
        prop_assert_eq!(&render_cached(&markdown), &html);
        let again = render(&html);
        if let Err(why) = safe_html::check(&again) {
            prop_assert!(false, "{why}\n  input: {html:?}\n  html: {again:?}");
        }
    }

    /// Plain words are one paragraph of the same words.
    #[test]
    fn plain_text_is_a_paragraph_of_itself(
        text in "[a-zA-Z0-9čćžšđČĆŽŠĐа-шђјљњћџА-ШЂЈЉЊЋЏ]{1,10}( [a-zA-Z0-9čćžšđа-шђјљњћџ]{1,10}){0,8}"
    ) {
        prop_assert_eq!(render(&text), format!("<p>{text}</p>\n"));
    }

    /// Raw HTML is shown as the text it is, not dropped and not interpreted.
    #[test]
    fn raw_html_is_shown_as_text(
        words in prop::collection::vec(
            prop_oneof![
                "[a-zA-Zč]{1,6}",
                "<[a-z]{1,6}>",
                "</[a-z]{1,6}>",
                "<[a-z]{1,6} [a-z]{1,6}=\"[a-z ]{0,6}\">",
            ],
            1..8,
        )
    ) {
        let text = words.join(" ");
        let html = render(&text);
        prop_assert!(safe_html::check(&html).is_ok(), "{html:?}");
        let shown = text_content(&html);
        prop_assert_eq!(shown.trim(), text.as_str(), "{:?}", html);
    }
}

/// The text a browser shows for sanitised HTML (tags dropped, escapes decoded).
fn text_content(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    let mut quoted = false;
    for c in html.chars() {
        match c {
            '<' if !in_tag => in_tag = true,
            '"' if in_tag => quoted = !quoted,
            '>' if in_tag && !quoted => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

// ---------------------------------------------------------------------------
// Transliteration

proptest! {
    #![proptest_config(config())]

    /// Serbian Latin survives a trip through Cyrillic, digraphs included
    /// ("konjunktura" keeps its n+j by the exception table, and comes back
    /// the same either way).
    #[test]
    fn latin_round_trips_through_cyrillic(latin in latin_text()) {
        let cyrillic = to_cyrillic(&latin);
        prop_assert_eq!(to_latin(&cyrillic), latin);
    }

    /// Plain Serbian words leave no Latin letter behind.
    #[test]
    fn serbian_latin_becomes_all_cyrillic(latin in latin_text()) {
        let cyrillic = to_cyrillic(&latin);
        prop_assert!(!cyrillic.chars().any(|c| c.is_alphabetic() && !CYRILLIC.contains(c)), "{}", cyrillic);
    }

    /// Cyrillic → Latin → Cyrillic is lossless when no л, н or д stands
    /// right before ј or ж: those pairs are written lj, nj, dž in Latin,
    /// which reads back as љ, њ, џ (the exceptions split only real digraphs,
    /// so words with the pairs are left out rather than the exceptions).
    #[test]
    fn cyrillic_round_trips_through_latin(cyrillic in cyrillic_text(CYRILLIC)) {
        let lower = cyrillic.to_lowercase();
        prop_assume!(!["лј", "нј", "дж"].iter().any(|pair| lower.contains(pair)));
        // A word whose Latin form starts like "konjug" or "nadživ" keeps
        // two letters on the way back: the exception table.
        prop_assume!(!to_latin(&lower).split(|c: char| !c.is_alphabetic()).any(is_split_exception));
        prop_assert_eq!(to_cyrillic(&to_latin(&cyrillic)), cyrillic);
    }

    /// Digits, whitespace and punctuation pass through both directions.
    #[test]
    fn neutral_characters_are_untouched(
        text in prop::collection::vec(select(NEUTRAL.chars().collect::<Vec<_>>()), 0..40)
            .prop_map(|chars| chars.into_iter().collect::<String>())
    ) {
        prop_assert_eq!(&to_cyrillic(&text), &text);
        prop_assert_eq!(&to_latin(&text), &text);
    }

    /// Text without Cyrillic is already Latin.
    #[test]
    fn to_latin_leaves_non_cyrillic_text_alone(text in any::<String>()) {
        prop_assume!(!text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)));
        prop_assert_eq!(to_latin(&text), text);
    }

    /// Converting twice is converting once, whatever the text.
    #[test]
    fn to_cyrillic_is_idempotent(text in prop_oneof![any::<String>(), tricky_unicode(), hostile_markdown()]) {
        let once = to_cyrillic(&text);
        prop_assert_eq!(to_cyrillic(&once), once);
    }
}

// ---------------------------------------------------------------------------
// Members' content in the reader's script (src/text/script.rs)

/// A plain Serbian word as people write it: lower case, or with a capital
/// first letter (an all-capitals word is an abbreviation, kept as written).
fn serbian_word() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(select(&LATIN[..30]), 1..10),
        any::<bool>(),
    )
        .prop_map(|(letters, capital)| {
            let word = letters.concat();
            if capital {
                let mut chars = word.chars();
                let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
                first.unwrap_or_default() + chars.as_str()
            } else {
                word
            }
        })
}

/// A same-site or outside address with Serbian words in its path.
fn content_url() -> impl Strategy<Value = String> {
    (
        select(&["https://kolega.rs/", "https://primer.org/a/", "/groups/"][..]),
        "[a-z0-9._-]{1,12}",
    )
        .prop_map(|(start, path)| format!("{start}{path}"))
}

/// Markdown a member writes: Serbian words with links, code spans and
/// addresses among them. Returns the text, its link URLs and its code.
fn member_markdown() -> impl Strategy<Value = (String, Vec<String>, Vec<String>)> {
    let piece = prop_oneof![
        4 => serbian_word().prop_map(|w| (w, None, None)),
        1 => (serbian_word(), content_url())
            .prop_map(|(w, url)| (format!("[{w}]({url})"), Some(url), None)),
        1 => serbian_word().prop_map(|w| (format!("`{w} nj`"), None, Some(format!("{w} nj")))),
        1 => serbian_word().prop_map(|w| (format!("**{w}**"), None, None)),
        1 => Just(("pisi@kolega.rs".to_owned(), None, None)),
    ];
    prop::collection::vec(piece, 0..16).prop_map(|pieces| {
        let mut text = Vec::new();
        let mut urls = Vec::new();
        let mut code = Vec::new();
        for (piece, url, span) in pieces {
            text.push(piece);
            urls.extend(url);
            code.extend(span);
        }
        (text.join(" "), urls, code)
    })
}

/// Everything a conversion must leave as it is: each tag with its
/// attributes, each character reference, and the text inside `<code>`.
fn verbatim_parts(html: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(['<', '&']) {
        let end = if rest[start..].starts_with('<') {
            rest[start..].find('>').map(|e| start + e + 1)
        } else {
            rest[start..].find(';').map(|e| start + e + 1)
        };
        let Some(end) = end else { break };
        parts.push(rest[start..end].to_owned());
        if rest[start..end].starts_with("<code") {
            let close = rest[end..].find("</code>").map_or(rest.len(), |c| end + c);
            parts.push(rest[end..close].to_owned());
            rest = &rest[close..];
        } else {
            rest = &rest[end..];
        }
    }
    parts
}

proptest! {
    #![proptest_config(config())]

    /// Converted HTML is as safe as what the sanitiser gave, in both directions.
    #[test]
    fn converted_html_stays_safe(markdown in prop_oneof![hostile_markdown(), member_markdown().prop_map(|m| m.0), any::<String>()]) {
        let html = render(&markdown);
        for script in [Script::Cyrillic, Script::Latin] {
            let converted = html_to(script, &html);
            if let Err(why) = safe_html::check(&converted) {
                return Err(TestCaseError::fail(format!("{why}\n{markdown:?}\n{converted}")));
            }
        }
    }

    /// Tags and their attributes (every href and src), character
    /// references and code are exactly as rendered; link targets and
    /// addresses written in the text too.
    #[test]
    fn urls_code_and_markup_are_untouched((markdown, urls, code) in member_markdown()) {
        let html = render(&markdown);
        let converted = html_to(Script::Cyrillic, &html);
        prop_assert_eq!(verbatim_parts(&converted), verbatim_parts(&html));
        for url in &urls {
            prop_assert!(converted.contains(&format!("href=\"{url}\"")), "{}", converted);
        }
        for span in &code {
            prop_assert!(converted.contains(&format!("<code>{span}</code>")), "{}", converted);
        }
        if markdown.contains("pisi@kolega.rs") {
            prop_assert!(converted.contains("pisi@kolega.rs"), "{}", converted);
        }
        // And the prose did change: no Serbian word is left in Latin.
        prop_assert!(!text_content(&converted.replace("pisi@kolega.rs", ""))
            .split_whitespace()
            .any(|w| w.chars().any(|c| c.is_ascii_lowercase()) && !code.iter().any(|s| s.contains(w))),
            "{}", converted);
    }

    /// Converting twice is converting once, whatever the text.
    #[test]
    fn content_conversion_is_idempotent(text in prop_oneof![any::<String>(), tricky_unicode(), hostile_markdown(), member_markdown().prop_map(|m| m.0)]) {
        for script in [Script::Cyrillic, Script::Latin] {
            let html = render(&text);
            let once = html_to(script, &html);
            prop_assert_eq!(&html_to(script, &once), &once);
            let plain = text_to(script, &text);
            prop_assert_eq!(&text_to(script, &plain), &plain);
        }
    }

    /// Plain Serbian words come back from Cyrillic exactly as written.
    #[test]
    fn serbian_words_round_trip_through_cyrillic(words in prop::collection::vec(serbian_word(), 0..12)) {
        let latin = words.join(" ");
        let cyrillic = text_to(Script::Cyrillic, &latin);
        prop_assert!(!cyrillic.chars().any(|c| c.is_ascii_alphabetic()), "{}", cyrillic);
        prop_assert_eq!(text_to(Script::Latin, &cyrillic), latin);
    }
}

/// Word beginnings src/text/translit.rs keeps as two letters (its
/// `SPLIT_DIGRAPHS`): the one place Cyrillic → Latin → Cyrillic may differ.
fn is_split_exception(word: &str) -> bool {
    [
        "konjug", "konjunk", "injek", "injunk", "vanjez", "tanjug", "nadživ", "nadžanj", "podžanr",
        "podžup", "odžal", "odživ",
    ]
    .iter()
    .any(|prefix| word.starts_with(prefix))
}

// ---------------------------------------------------------------------------
// Search normalisation

/// A Serbian Latin text with its diacritics written the ASCII way.
fn without_diacritics(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'č' | 'ć' => "c".to_owned(),
            'Č' | 'Ć' => "C".to_owned(),
            'š' => "s".to_owned(),
            'Š' => "S".to_owned(),
            'ž' => "z".to_owned(),
            'Ž' => "Z".to_owned(),
            'đ' => "dj".to_owned(),
            'Đ' => "Dj".to_owned(),
            other => other.to_string(),
        })
        .collect()
}

/// The same text with č, ć, š, ž written as a letter and a combining mark
/// (Unicode NFD: what some keyboards, PDFs and macOS file names give).
fn decomposed(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'č' => "c\u{30c}".to_owned(),
            'ć' => "c\u{301}".to_owned(),
            'š' => "s\u{30c}".to_owned(),
            'ž' => "z\u{30c}".to_owned(),
            'Č' => "C\u{30c}".to_owned(),
            'Ć' => "C\u{301}".to_owned(),
            'Š' => "S\u{30c}".to_owned(),
            'Ž' => "Z\u{30c}".to_owned(),
            other => other.to_string(),
        })
        .collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn normalize_is_idempotent(text in prop_oneof![any::<String>(), tricky_unicode(), latin_text()]) {
        let once = normalize(&text);
        prop_assert_eq!(normalize(&once), once);
    }

    /// The output is what the search index expects: lower-case Latin
    /// letters and digits, single spaces, nothing at the ends — for any input.
    #[test]
    fn normalize_gives_single_spaced_lowercase_latin(
        text in prop_oneof![any::<String>(), tricky_unicode(), cyrillic_text(CYRILLIC)]
    ) {
        let out = normalize(&text);
        prop_assert!(!out.starts_with(' ') && !out.ends_with(' ') && !out.contains("  "), "{:?}", out);
        prop_assert!(out.chars().all(|c| c == ' ' || c.is_alphanumeric()), "{:?}", out);
        prop_assert!(out.chars().all(|c| c.to_lowercase().eq([c])), "{:?}", out);
        prop_assert!(!out.chars().any(|c| "čćšžđ".contains(c) || CYRILLIC.contains(c)), "{:?}", out);
    }

    /// "centar" finds "центар": Latin and its Cyrillic normalise alike.
    #[test]
    fn normalize_is_script_agnostic(latin in latin_text()) {
        prop_assert_eq!(normalize(&to_cyrillic(&latin)), normalize(&latin));
    }

    /// "cacak" finds "Čačak", "djak" finds "đak".
    #[test]
    fn normalize_is_diacritic_insensitive(latin in latin_text()) {
        prop_assert_eq!(normalize(&without_diacritics(&latin)), normalize(&latin));
    }

    /// "Čačak" typed as C + combining caron finds "Čačak" too.
    #[test]
    fn normalize_reads_decomposed_letters_as_composed(latin in latin_text()) {
        prop_assert_eq!(normalize(&decomposed(&latin)), normalize(&latin));
    }

    /// Slugs are ASCII words joined by single dashes, for any input.
    #[test]
    fn slugs_are_ascii_words_and_dashes(text in prop_oneof![any::<String>(), tricky_unicode(), latin_text()]) {
        let slug = slugify(&text);
        prop_assert!(slug.is_empty() || slug.split('-').all(|part| {
            !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        }), "{:?}", slug);
    }
}

// ---------------------------------------------------------------------------
// Personal-data guard

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_jmbgs_are_valid(j in jmbg()) {
        prop_assert!(is_valid_jmbg(&j), "{}", j);
    }

    /// A JMBG anywhere in a text blocks saving — in one piece or in groups,
    /// next to words, punctuation or other numbers.
    #[test]
    fn a_jmbg_in_any_text_is_found(
        before in prop_oneof![any::<String>(), latin_text(), "[0-9 ]{0,12}"],
        left in boundary(),
        j in written_jmbg(),
        right in boundary(),
        after in prop_oneof![any::<String>(), latin_text(), "[0-9 ]{0,12}"],
    ) {
        let text = format!("{before}{left}{j}{right}{after}");
        prop_assert!(scan(&text).contains(&Finding::Jmbg), "{:?}", text);
    }

    /// However its digits are written and whatever stands between its
    /// groups, a JMBG is found, and the span the form highlights is
    /// exactly the characters the author typed for it.
    #[test]
    fn a_jmbg_with_any_separators_and_invisibles_is_found_where_it_is(
        before in prop_oneof![any::<String>(), latin_text(), "[0-9 ]{0,12}"],
        left in boundary(),
        j in separated_jmbg(),
        right in boundary(),
        after in prop_oneof![any::<String>(), latin_text(), "[0-9 ]{0,12}"],
    ) {
        let text = format!("{before}{left}{j}{right}{after}");
        prop_assert!(scan(&text).contains(&Finding::Jmbg), "{:?}", text);
        let start = before.len() + left.len();
        let expected = Span { kind: Finding::Jmbg, range: start..start + j.len() };
        let spans = find(&text);
        prop_assert!(spans.contains(&expected), "{:?}: {:?} not in {:?}", text, expected, spans);
    }

    /// Every span is a place in the text: on character boundaries, in
    /// order, never empty.
    #[test]
    fn spans_are_places_in_the_text(
        text in prop_oneof![any::<String>(), tricky_unicode(), "[0-9 +./\u{A0}\u{200B}\u{2013}-]{0,64}"],
    ) {
        let spans = find(&text);
        for span in &spans {
            prop_assert!(span.range.start < span.range.end, "{:?}", span);
            prop_assert!(text.get(span.range.clone()).is_some(), "{:?} in {:?}", span, text);
        }
        prop_assert!(spans.windows(2).all(|w| w[0].range.start <= w[1].range.start));
    }

    /// The case-form detectors run on every case saved: whatever the text,
    /// they do not panic, their spans are ordered places in it that do not
    /// overlap, and the one-click rewrite leaves nothing for them to find.
    #[test]
    fn case_form_spans_are_disjoint_places_and_the_rewrite_is_clean(
        text in prop_oneof![any::<String>(), tricky_unicode(), latin_text(), case_text()],
    ) {
        let spans = deident::find(&text);
        for span in &spans {
            prop_assert!(text.get(span.range.clone()).is_some_and(|s| !s.is_empty()), "{:?} in {:?}", span, text);
        }
        prop_assert!(spans.windows(2).all(|w| w[0].range.end <= w[1].range.start), "{:?}", spans);
        let rewritten = deident::deidentify(&text, |_| "[x]".to_owned());
        prop_assert_eq!(deident::find(&rewritten), vec![], "{:?} from {:?}", rewritten, text);
    }

    /// Only one control digit is right: the other nine are not a JMBG.
    #[test]
    fn a_wrong_control_digit_is_not_a_jmbg(
        j in jmbg(),
        wrong in 0..10u32,
        before in latin_text(),
        after in latin_text(),
    ) {
        let right = j[12..].parse::<u32>().unwrap();
        prop_assume!(wrong != right);
        let number = format!("{}{wrong}", &j[..12]);
        prop_assert!(!is_valid_jmbg(&number), "{}", number);
        let text = format!("{before} {number} {after}");
        prop_assert!(!scan(&text).contains(&Finding::Jmbg), "{:?}", text);
    }

    /// Any thirteen digits: valid exactly when date, region and control
    /// digit are (checked here independently of the guard's code).
    #[test]
    fn jmbg_validity_matches_the_rules(digits in "[0-9]{13}") {
        let d: Vec<u32> = digits.chars().map(|c| c.to_digit(10).unwrap()).collect();
        let three = d[4] * 100 + d[5] * 10 + d[6];
        let year = if three >= 800 { 1000 + three } else { 2000 + three };
        let date = chrono::NaiveDate::from_ymd_opt(year as i32, d[2] * 10 + d[3], d[0] * 10 + d[1]);
        let region = d[7] * 10 + d[8];
        let region_ok = !matches!(region, 20 | 40 | 61..=65 | 67..=69);
        let expected = date.is_some() && region_ok && d[12] == control_digit(&digits[..12]);
        prop_assert_eq!(is_valid_jmbg(&digits), expected, "{}", digits);
    }

    /// An e-mail address anywhere in a text asks the author to confirm.
    #[test]
    fn an_email_address_in_any_text_is_found(
        before in prop_oneof![any::<String>(), latin_text()],
        left in select(vec![" ", "\n", " (", " <", ", ", "; "]),
        address in "[a-z0-9][a-z0-9._+-]{0,10}@[a-z0-9][a-z0-9-]{0,8}(\\.[a-z0-9-]{1,8})?\\.[a-z]{2,6}",
        right in select(vec!["", " ", ".", ",", ")", ">", "!", "?", ":", ";", "\n"]),
        after in prop_oneof![any::<String>(), latin_text()],
    ) {
        let text = format!("{before}{left}{address}{right} {after}");
        prop_assert!(scan(&text).contains(&Finding::Email), "{:?}", text);
    }

    /// A mobile number in the forms people write it (also after a stray
    /// `+`, which used to swallow the number).
    #[test]
    fn a_mobile_number_in_text_is_found(
        before in latin_text(),
        operator in 60..=69u32,
        number in 100_000..=9_999_999u32,
        form in 0..4usize,
        label in select(vec![" tel. ", " + ", ": ", " ("]),
        after in latin_text(),
    ) {
        let digits = number.to_string();
        let (head, tail) = digits.split_at(3);
        let phone = match form {
            0 => format!("0{operator}{digits}"),
            1 => format!("0{operator}/{head}-{tail}"),
            2 => format!("0{operator} {head} {tail}"),
            _ => format!("+381 {operator} {head} {tail}"),
        };
        // Apart from other numbers: digit groups run together ("1 064 …"),
        // and the guard does not cut them up, or "01.02.2024 10.30" would
        // be a phone number.
        let text = format!("{before}{label}{phone}, {after}");
        prop_assert!(scan(&text).contains(&Finding::Phone), "{:?}", text);
    }

    /// The guard runs on every save: it must not panic on anything.
    #[test]
    fn scanning_never_panics(text in prop_oneof![any::<String>(), tricky_unicode(), "[0-9 +./-]{0,64}"]) {
        let findings = scan(&text);
        let mut unique = findings.clone();
        unique.dedup();
        prop_assert_eq!(unique, findings);
    }
}

/// A long run of short digit groups (a table of numbers, an attack) is
/// scanned in time proportional to its length.
#[test]
fn long_digit_runs_are_scanned_quickly() {
    let text = "1 2 ".repeat(50_000);
    let started = std::time::Instant::now();
    assert_eq!(scan(&text), vec![]);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

/// The check is not vacuous: it rejects what a broken sanitiser would let
/// through, and accepts what the real one writes.
#[test]
fn the_html_check_rejects_executable_constructs() {
    let rel = "rel=\"nofollow ugc noopener\"";
    for bad in [
        "<script>alert(1)</script>".to_owned(),
        "<p onclick=\"alert(1)\">x</p>".to_owned(),
        "<p style=\"x\">x</p>".to_owned(),
        "<iframe src=\"/x\"></iframe>".to_owned(),
        format!("<a href=\"javascript:alert(1)\" {rel}>x</a>"),
        format!("<a href=\" JaVa&#9;Script:alert(1)\" {rel}>x</a>"),
        format!("<a href=\"java\tscript:alert(1)\" {rel}>x</a>"),
        format!("<a href=\"javascript&colon;alert(1)\" {rel}>x</a>"),
        format!("<a href=\"data:text/html,x\" {rel}>x</a>"),
        format!("<a href=\"vbscript:x\" {rel}>x</a>"),
        "<a href=\"https://example.org\">x</a>".to_owned(),
        format!("<p><a {rel}>x</a></p>"),
        "<img alt=\"x\">".to_owned(),
        "<img src=\"//evil.example/x.png\">".to_owned(),
        "<img src=\"/\\evil.example/x.png\">".to_owned(),
        "<img src=\"https://evil.example/x.png\">".to_owned(),
        "<img src=\"\t//evil.example/x.png\">".to_owned(),
        "</div>".to_owned(),
        "<p>x".to_owned(),
        "<!-- x -->".to_owned(),
        "x > y".to_owned(),
    ] {
        assert!(safe_html::check(&bad).is_err(), "{bad:?} passed");
    }
    for good in [
        format!("<p><a href=\"https://example.org/a?b=1&amp;c=2\" {rel}>x</a></p>\n"),
        format!(
            "<p><a href=\"/%5Cevil.example\" {rel}>x</a> <a href=\"mailto:a@b.rs\" {rel}>y</a></p>"
        ),
        "<p><img src=\"/files/a.png\" alt=\"<script>\" title=\"&quot;\"></p>".to_owned(),
        "<p>a &lt;b&gt; &amp; \"c\"</p>".to_owned(),
    ] {
        assert!(
            safe_html::check(&good).is_ok(),
            "{good:?}: {:?}",
            safe_html::check(&good)
        );
    }
}

/// The generator reaches the code under test: among its texts are links
/// and images that survive sanitising, and script URLs that must not.
#[test]
fn hostile_markdown_exercises_links_and_images() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = hostile_markdown();
    let (mut links, mut images, mut scripts) = (0, 0, 0);
    for _ in 0..256 {
        let markdown = strategy.new_tree(&mut runner).unwrap().current();
        let html = render(&markdown);
        links += html.matches("<a href=").count();
        images += html.matches("<img src=").count();
        scripts += markdown.to_ascii_lowercase().matches("script:").count();
    }
    assert!(
        links > 20 && images > 5 && scripts > 20,
        "{links} {images} {scripts}"
    );
}
