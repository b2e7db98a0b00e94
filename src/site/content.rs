//! Policy and information pages, written in Markdown under `content/` (one
//! Serbian Latin and one English file per page) and compiled in. The
//! Cyrillic page is the transliterated Latin one.

use std::collections::HashMap;
use std::sync::LazyLock;

use pulldown_cmark::{Options, Parser, html};

use crate::i18n::Locale;
use crate::text::translit;

/// A page: its slug (also its URL) and the catalogue key of its title.
pub struct ContentPage {
    pub slug: &'static str,
    pub title_key: &'static str,
    sr_latn: &'static str,
    en: &'static str,
}

pub const PAGES: &[ContentPage] = &[
    ContentPage {
        slug: "about",
        title_key: "page-about",
        sr_latn: include_str!("../../content/about.sr-Latn.md"),
        en: include_str!("../../content/about.en.md"),
    },
    ContentPage {
        slug: "guidelines",
        title_key: "page-guidelines",
        sr_latn: include_str!("../../content/guidelines.sr-Latn.md"),
        en: include_str!("../../content/guidelines.en.md"),
    },
    ContentPage {
        slug: "privacy",
        title_key: "page-privacy",
        sr_latn: include_str!("../../content/privacy.sr-Latn.md"),
        en: include_str!("../../content/privacy.en.md"),
    },
    ContentPage {
        slug: "child-safeguarding",
        title_key: "page-child-safeguarding",
        sr_latn: include_str!("../../content/child-safeguarding.sr-Latn.md"),
        en: include_str!("../../content/child-safeguarding.en.md"),
    },
];

/// Rendered HTML, once per page and language. The Markdown is ours, not
/// users', so it needs no sanitising.
static RENDERED: LazyLock<HashMap<(&'static str, Locale), String>> = LazyLock::new(|| {
    let mut rendered = HashMap::new();
    for page in PAGES {
        rendered.insert((page.slug, Locale::SrLatn), markdown_to_html(page.sr_latn));
        rendered.insert(
            (page.slug, Locale::SrCyrl),
            markdown_to_html(&translit::to_cyrillic(page.sr_latn)),
        );
        rendered.insert((page.slug, Locale::En), markdown_to_html(page.en));
    }
    rendered
});

pub fn find(slug: &str) -> Option<&'static ContentPage> {
    PAGES.iter().find(|page| page.slug == slug)
}

pub fn html(page: &ContentPage, locale: Locale) -> &'static str {
    RENDERED
        .get(&(page.slug, locale))
        .map(String::as_str)
        .unwrap_or_default()
}

fn markdown_to_html(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut out, Parser::new_ext(markdown, Options::ENABLE_TABLES));
    out
}
