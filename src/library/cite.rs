//! "Cite this": an APA-style reference for a resource.

use super::store::Resource;

/// "Petrović, A. (2024). *Title*. Source. URL" — APA 7 in spirit: authors
/// as written by the submitter, "n.d." without a year, the organisation as
/// publisher, and the resource's address on the site.
pub fn apa(resource: &Resource, url: &str) -> String {
    let authors = resource.authors.trim();
    let source = resource.source_org.trim();
    let author = if !authors.is_empty() {
        authors
    } else if !source.is_empty() {
        source
    } else {
        "Kolega"
    };
    let year = resource
        .year
        .map_or_else(|| "n.d.".to_owned(), |y| y.to_string());
    let mut reference = format!(
        "{author} ({year}). {}.",
        resource.title.trim_end_matches('.')
    );
    if !source.is_empty() && source != author {
        reference.push_str(&format!(" {source}."));
    }
    reference.push_str(&format!(" {url}"));
    reference
}
