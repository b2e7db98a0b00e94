//! Members' text: Markdown rendered to HTML, then sanitised. No raw HTML,
//! scripts, styles, event handlers, `javascript:` or `data:` URLs survive;
//! links get `rel="nofollow ugc noopener"`; images only from this site.

use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, Mutex};

use ammonia::{Builder, UrlRelative};
use pulldown_cmark::{Event, Options, Parser, html};

use super::site_path::is_site_path;

static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let tags: HashSet<&str> = [
        "p",
        "br",
        "strong",
        "em",
        "del",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "a",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "img",
    ]
    .into_iter()
    .collect();
    let mut builder = Builder::default();
    builder
        .tags(tags)
        .link_rel(Some("nofollow ugc noopener"))
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        // Relative URLs stay relative (they point into the site).
        .url_relative(UrlRelative::PassThrough)
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            // Images only from the site itself: a same-site path, never another host.
            ("img", "src") => is_site_path(value).then(|| value.into()),
            _ => Some(value.into()),
        });
    builder
});

/// Markdown → safe HTML.
pub fn render(markdown: &str) -> String {
    // Raw HTML in the source is shown as text, not interpreted.
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
    .map(|event| match event {
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        other => other,
    })
    .filter(unkept_links_dropped());
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, parser);
    SANITIZER.clean(&unsafe_html).to_string()
}

/// Links and images the sanitiser would strip of their address are
/// dropped here as elements (their text stays): otherwise a
/// `[x](javascript:…)` became `<a rel="…">x</a>` and an outside image an
/// `<img alt="…">`, both invalid HTML (an `a` with `rel` needs `href`, an
/// `img` needs `src`).
fn unkept_links_dropped() -> impl FnMut(&Event<'_>) -> bool {
    use pulldown_cmark::{Tag, TagEnd};
    // Per open link or image: whether it is kept.
    let mut open: Vec<bool> = Vec::new();
    move |event| match event {
        Event::Start(link @ Tag::Link { .. }) => {
            let kept = link_kept(link);
            open.push(kept);
            kept
        }
        Event::Start(Tag::Image { dest_url, .. }) => {
            let kept = is_site_path(dest_url);
            open.push(kept);
            kept
        }
        Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => open.pop().unwrap_or(true),
        _ => true,
    }
}

/// Whether a link's address survives the sanitiser: its own verdict on the
/// link alone (a scheme check here missed addresses it cannot parse, such
/// as `http:` or `https://[`, which lost their `href`).
fn link_kept(link: &pulldown_cmark::Tag<'_>) -> bool {
    let mut probe = String::new();
    html::push_html(
        &mut probe,
        [
            Event::Start(link.clone()),
            Event::End(pulldown_cmark::TagEnd::Link),
        ]
        .into_iter(),
    );
    SANITIZER.clean(&probe).to_string().starts_with("<a href=")
}

/// Texts shown on every view of a page (a group's or an event's
/// description) are rendered once and kept: sanitising is the dearest part
/// of such a page. The cache is keyed by the text itself, so an edit is a
/// new entry, and emptied when it grows past a bound.
static RENDERED: LazyLock<Mutex<HashMap<String, String>>> = LazyLock::new(Default::default);
const RENDERED_MAX_ENTRIES: usize = 1_000;

/// [`render`], remembered for texts shown again and again.
pub fn render_cached(markdown: &str) -> String {
    if let Some(html) = RENDERED
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(markdown)
    {
        return html.clone();
    }
    let html = render(markdown);
    let mut cache = RENDERED.lock().unwrap_or_else(|p| p.into_inner());
    if cache.len() >= RENDERED_MAX_ENTRIES {
        cache.clear();
    }
    cache.insert(markdown.to_owned(), html.clone());
    html
}

/// The first paragraph of a text as one plain line (Markdown marks dropped,
/// raw HTML kept as text, escaped by the template), cut at a word boundary
/// after about `max_chars` characters: a summary in a list of cards.
pub fn first_line(markdown: &str, max_chars: usize) -> String {
    use pulldown_cmark::TagEnd;
    let mut line = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                line.push_str(&text)
            }
            Event::SoftBreak | Event::HardBreak => line.push(' '),
            // The first block that said something is the line.
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) if !line.trim().is_empty() => break,
            _ => {}
        }
    }
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max_chars {
        return line;
    }
    let cut: String = line.chars().take(max_chars).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > 0 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// Markdown → plain text, for places that show no HTML (an event's
/// calendar entry, whose DESCRIPTION calendars show as it is): emphasis
/// marks dropped, a link as its text with the address in parentheses, list
/// items as lines starting with "- " (or "1. " in a numbered list), blocks
/// apart by a blank line. Raw HTML stays text, as on the page. A link the
/// page would not keep (`javascript:` …) is its text alone; the site's own
/// links (`/library/…`) are made absolute with `site`, since a calendar is
/// not on the site.
pub fn to_text(markdown: &str, site: &str) -> String {
    use pulldown_cmark::{Tag, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    // Per open list: the next item's number, or None for bullets.
    let mut lists: Vec<Option<u64>> = Vec::new();
    // Per open link: the address to add after its text, and where the text starts.
    let mut links: Vec<(Option<String>, usize)> = Vec::new();
    // A list marker was just written: the item's first paragraph follows it.
    let mut after_marker = false;
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    for event in parser {
        match event {
            Event::Start(Tag::List(first)) => {
                if lists.is_empty() {
                    blank_line(&mut out);
                }
                lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                if lists.is_empty() {
                    blank_line(&mut out);
                }
            }
            Event::Start(Tag::Item) => {
                new_line(&mut out);
                out.push_str(&"  ".repeat(lists.len().saturating_sub(1)));
                match lists.last_mut() {
                    Some(Some(number)) => {
                        out.push_str(&format!("{number}. "));
                        *number += 1;
                    }
                    _ => out.push_str("- "),
                }
                after_marker = true;
                continue;
            }
            Event::Start(Tag::Paragraph) if after_marker => continue,
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::CodeBlock(_)
                | Tag::BlockQuote(_)
                | Tag::HtmlBlock
                | Tag::Table(_),
            )
            | Event::Rule => blank_line(&mut out),
            Event::Start(ref link @ Tag::Link { ref dest_url, .. }) => {
                let address = link_kept(link).then(|| absolute(dest_url, site));
                links.push((address, out.len()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((Some(address), start)) = links.pop() {
                    let text = out[start..].trim();
                    // An autolink's text is its address already.
                    if text != address && text != address.trim_start_matches("mailto:") {
                        out.push_str(&format!(" ({address})"));
                    }
                }
            }
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                out.push_str(&text)
            }
            Event::SoftBreak | Event::HardBreak => new_line(&mut out),
            Event::End(TagEnd::TableCell) => out.push_str(" | "),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                out.truncate(out.trim_end_matches(" | ").len());
                out.push('\n');
            }
            _ => {}
        }
        after_marker = false;
    }
    tidy(&out)
}

/// A site path made an address; any other address as it is.
fn absolute(address: &str, site: &str) -> String {
    if is_site_path(address) {
        format!("{}{address}", site.trim_end_matches('/'))
    } else {
        address.to_owned()
    }
}

fn new_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn blank_line(out: &mut String) {
    new_line(out);
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

/// No trailing spaces on a line, at most one blank line in a row, none at
/// either end.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.trim().lines().map(str::trim_end) {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{first_line, render, render_cached, to_text};

    #[test]
    fn the_first_paragraph_becomes_one_plain_line() {
        assert_eq!(
            first_line("Koraci **centra**\nza `rad`.\n\nDrugi pasus.", 100),
            "Koraci centra za rad."
        );
        assert_eq!(first_line("jedan dva tri četiri", 12), "jedan dva…");
        assert_eq!(first_line("", 10), "");
        assert_eq!(
            first_line("<b>x</b>", 10),
            "<b>x</b>",
            "escaped later, not dropped"
        );
    }

    #[test]
    fn cached_rendering_is_the_same_rendering() {
        let text = "Opis **grupe** <script>alert(1)</script>";
        assert_eq!(render_cached(text), render(text));
        assert_eq!(
            render_cached(text),
            render(text),
            "and again, from the cache"
        );
        assert_eq!(render_cached("drugi *tekst*"), render("drugi *tekst*"));
    }

    #[test]
    fn a_link_or_image_whose_address_is_refused_is_text_not_an_element() {
        for (source, text) in [
            ("[klik](javascript:alert(1))", "klik"),
            ("[klik]( JavaScript:alert(1))", "klik"),
            ("![slika](https://example.org/x.png)", "slika"),
        ] {
            let html = render(source);
            assert!(
                !html.contains("<a") && !html.contains("<img"),
                "{source}: {html}"
            );
            assert!(html.contains(text), "{source}: {html}");
        }
        assert!(render("[protokol](/library/x)").contains("href=\"/library/x\""));
        assert!(render("![grafikon](/static/x.png)").contains("src=\"/static/x.png\""));
    }

    #[test]
    fn markdown_becomes_html() {
        assert_eq!(
            render("**jako** i _koso_"),
            "<p><strong>jako</strong> i <em>koso</em></p>\n"
        );
        assert!(render("- jedan\n- dva").contains("<li>jedan</li>"));
    }

    #[test]
    fn links_are_marked_as_user_content() {
        let html = render("[protokol](https://example.org/protokol.pdf)");
        assert!(html.contains("href=\"https://example.org/protokol.pdf\""));
        assert!(html.contains("rel=\"nofollow ugc noopener\""));
    }

    #[test]
    fn hostile_input_is_neutralised() {
        let vectors = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[klik](javascript:alert(1))",
            "[klik](JaVaScRiPt:alert(1))",
            "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<style>body{display:none}</style>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg onload=alert(1)>",
            "![x](https://evil.example/track.png)",
            "![x](//evil.example/track.png)",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<p onclick=\"alert(1)\">x</p>",
            "[x](vbscript:msgbox(1))",
            "<object data=\"x\"></object>",
            "<form action=\"https://evil.example\"><input></form>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        ];
        for vector in vectors {
            let html = render(vector).to_lowercase();
            // Escaped text is harmless; look only inside the real tags.
            for tag in tags(&html) {
                let name = tag
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .trim_start_matches('/');
                assert!(
                    ALLOWED.contains(&name),
                    "{vector:?} produced the tag {tag:?}"
                );
                for forbidden in [
                    " on",
                    "javascript:",
                    "vbscript:",
                    "data:",
                    "style=",
                    "evil.example",
                ] {
                    assert!(!tag.contains(forbidden), "{vector:?} produced {tag:?}");
                }
            }
        }
    }

    const ALLOWED: &[&str] = &["p", "a", "strong", "em", "code", "pre", "img", "br"];

    /// The text of every tag in `html` (between `<` and `>`).
    fn tags(html: &str) -> Vec<&str> {
        html.split('<')
            .skip(1)
            .filter_map(|rest| rest.split_once('>').map(|(tag, _)| tag))
            .collect()
    }

    #[test]
    fn links_the_sanitiser_cannot_parse_are_text() {
        for link in [
            "[x](http:)",
            "[x](<https://[>)",
            "[x](http://a:99999 \" href=\")",
        ] {
            assert!(!render(link).contains("<a"), "{link}: {}", render(link));
        }
        assert!(render("[x](/pravila)").contains("<a href=\"/pravila\""));
    }

    #[test]
    fn images_from_the_site_itself_are_kept() {
        assert!(render("![shema](/files/shema.png)").contains("src=\"/files/shema.png\""));
    }

    #[test]
    fn an_image_a_browser_would_fetch_from_another_host_is_refused() {
        // Browsers read `\` as `/`: `/\evil.example/x.png` is `//evil.example/x.png`.
        for image in [
            "![x](/\\evil.example/x.png)",
            "![x](</\tevil.example/x.png>)",
            "![x](//evil.example/x.png)",
        ] {
            let html = render(image);
            assert!(!html.contains("<img"), "{image}: {html}");
        }
    }

    #[test]
    fn markdown_becomes_plain_text_for_calendars() {
        let text = |md: &str| to_text(md, "https://kolega.example/");
        assert_eq!(
            text("Kako postupiti **odmah** i _mirno_, ~~sutra~~ `danas`."),
            "Kako postupiti odmah i mirno, sutra danas."
        );
        assert_eq!(
            text("Vidi [protokol](https://example.org/p.pdf) i <https://example.org/x>."),
            "Vidi protokol (https://example.org/p.pdf) i https://example.org/x."
        );
        assert_eq!(
            text(
                "# Plan\n\n* prvi **korak**\n* drugi\n  - pod\n\n1. jedan\n2. dva\n\nKraj  \nnovi red"
            ),
            "Plan\n\n- prvi korak\n- drugi\n  - pod\n\n1. jedan\n2. dva\n\nKraj\nnovi red"
        );
        assert_eq!(text("- labav\n\n- spisak"), "- labav\n- spisak");
        assert_eq!(
            text("[pravila](/pravila) [klik](javascript:alert(1)) \\*zvezda\\*"),
            "pravila (https://kolega.example/pravila) klik *zvezda*"
        );
        assert_eq!(text("<b>x</b> ![slika](/s.png)"), "<b>x</b> slika");
        assert_eq!(text("| a | b |\n|---|---|\n| 1 | 2 |"), "a | b\n1 | 2");
        assert_eq!(text(""), "");
    }
}
