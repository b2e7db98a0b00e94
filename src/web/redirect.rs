//! Redirects that cannot be turned against the user: a `next=` target is
//! followed only if it is a path on this site.

use axum::response::Redirect;

use crate::text::site_path::is_site_path;

/// `next` if it is a same-site path, otherwise `fallback`.
pub fn safe_next<'a>(next: Option<&'a str>, fallback: &'a str) -> &'a str {
    match next {
        Some(path) if is_site_path(path) => path,
        _ => fallback,
    }
}

/// 303 See Other: the right answer to a successful form POST.
pub fn see_other(path: &str) -> Redirect {
    Redirect::to(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_same_site_paths_are_followed() {
        assert_eq!(safe_next(Some("/groups?page=2"), "/"), "/groups?page=2");
        assert_eq!(safe_next(Some("https://evil.example"), "/"), "/");
        assert_eq!(safe_next(Some("//evil.example"), "/"), "/");
        assert_eq!(safe_next(Some("/\\evil.example"), "/"), "/");
        assert_eq!(safe_next(Some("/a\r\nSet-Cookie: x"), "/"), "/");
        assert_eq!(safe_next(None, "/home"), "/home");
    }
}
