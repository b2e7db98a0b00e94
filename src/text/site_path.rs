//! Whether an address written by someone points into this site: the one
//! rule for `next=` redirects and for images in Markdown, so the two can
//! never disagree about what "same site" means.

/// A path on this site: starts with one `/`, and nothing a browser would
/// read as another host. Browsers treat `\` as `/` in URLs (so `/\host` is
/// `//host`, another host) and drop tabs and line breaks (so `/\t/host` is
/// `//host` too); any control character is refused.
pub fn is_site_path(address: &str) -> bool {
    address.starts_with('/')
        && !matches!(address.as_bytes().get(1), Some(b'/' | b'\\'))
        && !address.chars().any(|c| c.is_control())
}

#[cfg(test)]
mod tests {
    use super::is_site_path;

    #[test]
    fn only_paths_on_this_site_pass() {
        for ok in ["/", "/groups?page=2", "/files/a.png", "/a//b", "/a\\b"] {
            assert!(is_site_path(ok), "{ok}");
        }
        for refused in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example/x.png",
            "/\t/evil.example",
            "/\n/evil.example",
            "/a\r\nSet-Cookie: x",
            "evil.example",
            "",
        ] {
            assert!(!is_site_path(refused), "{refused:?}");
        }
    }
}
