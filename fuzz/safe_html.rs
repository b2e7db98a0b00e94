//! The promise of `kolega::text::markdown::render`, checked on its output:
//! shared by the property tests (`tests/it/properties.rs`, through `#[path]`)
//! and the fuzz target (`fuzz/fuzz_targets/markdown.rs`).
//!
//! The output is read the way a browser would read it — tags, attributes,
//! entity-decoded attribute values, URLs with the characters browsers strip
//! removed — and must hold only allowed tags and attributes, no event
//! handlers or styles, no URL scheme but http, https, mailto and tel, images
//! only from this site, `rel="nofollow ugc noopener"` on every link, no
//! link or image without its address, and a balanced tree (so a text can
//! never close the page's own elements).

/// Tags the sanitiser lets through (src/text/markdown.rs).
const TAGS: &[&str] = &[
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
];
const VOID_TAGS: &[&str] = &["br", "hr", "img"];

/// Attributes allowed on a tag: ammonia's defaults for the tags above plus
/// the generic `lang` and `title`, and the `rel` it adds to links.
fn attribute_allowed(tag: &str, attribute: &str) -> bool {
    if matches!(attribute, "lang" | "title") {
        return true;
    }
    let allowed: &[&str] = match tag {
        "a" => &["href", "hreflang", "rel"],
        "blockquote" => &["cite"],
        "del" => &["cite", "datetime"],
        "hr" => &["align", "size", "width"],
        "img" => &["align", "alt", "height", "src", "width"],
        "ol" => &["start"],
        "table" => &["align", "char", "charoff", "summary"],
        "thead" | "tbody" | "tr" => &["align", "char", "charoff"],
        "td" => &["align", "char", "charoff", "colspan", "headers", "rowspan"],
        "th" => &[
            "align", "char", "charoff", "colspan", "headers", "rowspan", "scope",
        ],
        _ => &[],
    };
    allowed.contains(&attribute)
}

const URL_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// `Err` with the reason when `html` breaks the promise.
pub fn check(html: &str) -> Result<(), String> {
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    loop {
        let Some(lt) = rest.find('<') else {
            check_text(rest)?;
            break;
        };
        check_text(&rest[..lt])?;
        rest = &rest[lt + 1..];
        let closing = rest.starts_with('/');
        if closing {
            rest = &rest[1..];
        }
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_lowercase()) {
            return Err(format!(
                "`<` that does not start a tag: {:?}",
                excerpt(rest)
            ));
        }
        if !TAGS.contains(&name) {
            return Err(format!("the tag <{name}> is not allowed"));
        }
        rest = &rest[name_len..];
        if closing {
            rest = rest
                .strip_prefix('>')
                .ok_or_else(|| format!("malformed </{name}"))?;
            match open.pop() {
                Some(top) if top == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
            continue;
        }
        let (mut rel, mut has_href, mut has_src) = (None, false, false);
        loop {
            rest = rest.trim_start_matches(' ');
            if let Some(after) = rest.strip_prefix('>') {
                rest = after;
                break;
            }
            let attr_len = rest
                .find(['=', ' ', '>', '/', '"', '\''])
                .unwrap_or(rest.len());
            let attribute = &rest[..attr_len];
            if attribute.is_empty() {
                return Err(format!("malformed <{name}: {:?}", excerpt(rest)));
            }
            rest = &rest[attr_len..];
            let value = match rest.strip_prefix("=\"") {
                Some(quoted) => {
                    let end = quoted
                        .find('"')
                        .ok_or_else(|| format!("unterminated {attribute}= in <{name}>"))?;
                    rest = &quoted[end + 1..];
                    decode_attribute(&quoted[..end])?
                }
                None => String::new(),
            };
            let lower = attribute.to_ascii_lowercase();
            if lower.starts_with("on") || lower == "style" || !attribute_allowed(name, &lower) {
                return Err(format!("the attribute {attribute:?} on <{name}>"));
            }
            match lower.as_str() {
                "href" => {
                    has_href = true;
                    check_url(&value)?
                }
                "cite" => check_url(&value)?,
                "src" => {
                    has_src = true;
                    check_image_url(&value)?
                }
                "rel" => rel = Some(value),
                _ => {}
            }
        }
        if name == "a" && rel.as_deref() != Some("nofollow ugc noopener") {
            return Err(format!("a link with rel={rel:?}"));
        }
        // Valid HTML: a link the sanitiser refused is text, not an `<a>`
        // without `href` (which may not carry `rel`), nor an `<img>` without `src`.
        if (name == "a" && !has_href) || (name == "img" && !has_src) {
            return Err(format!("<{name}> without its address"));
        }
        if !VOID_TAGS.contains(&name) {
            open.push(name.to_owned());
        }
    }
    if !open.is_empty() {
        return Err(format!("unclosed {open:?}"));
    }
    Ok(())
}

/// Text between tags: `>` and `&` only as escapes.
fn check_text(text: &str) -> Result<(), String> {
    if text.contains('>') {
        return Err(format!("an unescaped `>` in text: {:?}", excerpt(text)));
    }
    decode_attribute(text).map(|_| ())
}

/// Attribute value → what the browser sees. Every `&` must start one of the
/// escapes the serialiser writes; anything else (`&colon;`, `&Tab;`) fails,
/// since a browser would decode it.
fn decode_attribute(value: &str) -> Result<String, String> {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let (decoded, len) = [
            ("&amp;", '&'),
            ("&quot;", '"'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&nbsp;", '\u{a0}'),
        ]
        .into_iter()
        .find(|(entity, _)| rest.starts_with(entity))
        .map(|(entity, c)| (c, entity.len()))
        .ok_or_else(|| format!("an unexpected entity: {:?}", excerpt(rest)))?;
        out.push(decoded);
        rest = &rest[len..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The URL as a browser parses it: leading and trailing C0 controls and
/// spaces trimmed, tabs and newlines removed anywhere.
fn browser_url(value: &str) -> String {
    value
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme a browser would find, lower-cased; `None` for a relative URL.
fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

fn check_url(value: &str) -> Result<(), String> {
    let url = browser_url(value);
    match scheme(&url) {
        Some(scheme) if !URL_SCHEMES.contains(&scheme.as_str()) => {
            Err(format!("a {scheme}: URL: {value:?}"))
        }
        _ => Ok(()),
    }
}

/// Images only from the site itself: a path, never `//host` or `/\host`.
fn check_image_url(value: &str) -> Result<(), String> {
    let url = browser_url(value);
    let mut chars = url.chars();
    if chars.next() == Some('/') && !matches!(chars.next(), Some('/' | '\\')) {
        Ok(())
    } else {
        Err(format!("an image from elsewhere: {value:?}"))
    }
}

fn excerpt(text: &str) -> &str {
    let end = text
        .char_indices()
        .nth(40)
        .map_or(text.len(), |(index, _)| index);
    &text[..end]
}
