//! Text handling shared by every feature: Serbian script conversion and
//! the normalisation that makes search script- and diacritic-insensitive.

pub mod coordinates;
pub mod deident;
pub mod file_size;
pub mod markdown;
pub mod personal_data;
pub mod script;
pub mod search;
pub mod site_path;
pub mod translit;
pub mod web_link;
pub mod words;

/// A title as one line: every run of whitespace (line breaks, tabs, the
/// Unicode line and paragraph separators) becomes one space and other
/// control characters go. Titles reach mail subjects and `<title>`, where a
/// line break is shown oddly by mail programs even when it is encoded.
pub fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .filter(|word| !word.is_empty())
        .map(|word| word.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_title_is_one_line() {
        assert_eq!(
            super::one_line("  Prvi red\r\nDrugi\u{2028}red\tkraj\u{7}  "),
            "Prvi red Drugi red kraj"
        );
        assert_eq!(super::one_line("Obična tema"), "Obična tema");
    }
}
