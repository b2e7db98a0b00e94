//! Links people paste into forms (a meeting, a recording, a resource's
//! address), parsed as URLs rather than checked by prefix.

/// A web address as people type it (a meeting, a recording, a resource), checked by
/// parsing it (a prefix check let `https://example.org/e?<script>` in):
/// http or https with a host; no user name or password (credentials do
/// not belong on a page, and `https://bank.example@evil.example` misleads);
/// no spaces, control characters or `<>"`, which no pasted link needs and
/// which a careless page or mail client could take for markup. Returns the
/// normalised address to store, or the message key of what is wrong.
pub fn web_link(text: &str) -> Result<String, &'static str> {
    let unwanted = |c: char| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"');
    if text.chars().any(unwanted) {
        return Err("error-event-link-characters");
    }
    // The WHATWG parser repairs `http:example` into `http://example/`; a
    // link typed without its `//` is more likely a slip than meant.
    let lower = text.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return Err("error-event-link");
    }
    let url = url::Url::parse(text).map_err(|_| "error-event-link")?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return Err("error-event-link");
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("error-event-link-credentials");
    }
    Ok(url.into())
}

#[cfg(test)]
mod tests {
    use super::web_link;

    #[test]
    fn links_are_parsed_and_stored_normalised() {
        assert_eq!(
            web_link("HTTPS://Meet.Example.org/j/123?pwd=a,b"),
            Ok("https://meet.example.org/j/123?pwd=a,b".into())
        );
        assert_eq!(
            web_link("https://example.org"),
            Ok("https://example.org/".into())
        );
        for (text, key) in [
            (
                "https://example.org/e?<script>",
                "error-event-link-characters",
            ),
            ("https://example.org/a b", "error-event-link-characters"),
            ("https://example.org/\u{7}", "error-event-link-characters"),
            ("https://example.org/\"x", "error-event-link-characters"),
            (
                "https://user:pass@example.org/",
                "error-event-link-credentials",
            ),
            (
                "https://bank.example@evil.example/",
                "error-event-link-credentials",
            ),
            ("javascript:alert(1)", "error-event-link"),
            ("ftp://example.org/x", "error-event-link"),
            ("https://", "error-event-link"),
            ("http:example", "error-event-link"),
            ("https:/example.org/x", "error-event-link"),
            ("meet.example.org", "error-event-link"),
            ("file:///etc/passwd", "error-event-link"),
        ] {
            assert_eq!(web_link(text), Err(key), "{text}");
        }
    }
}
