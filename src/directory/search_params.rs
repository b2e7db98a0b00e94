//! What a search of the service map asks (`/services?…`), as the search
//! form sends it and the results page links to it again. Outside `routes`
//! so the views can show it.

use serde::Deserialize;

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct SearchParams {
    pub q: String,
    pub kind: String,
    pub group: String,
    pub country: String,
    pub municipality: String,
    /// A municipality whose seat the results are ordered by distance from.
    pub near: String,
    /// The browser's position ("near me"), when it shared it.
    pub lat: String,
    pub lon: String,
    pub after: String,
    /// The form's one place list: `mode` "in" filters by it, otherwise
    /// results are ordered by distance from it (`near`). Sent empty when
    /// the visitor chose "any place" (which forgets the remembered one).
    pub place: Option<String>,
    pub mode: String,
}

impl SearchParams {
    /// This search's address with `after` set (or cleared).
    pub fn link(&self, after: &str) -> String {
        let query = serde_urlencoded::to_string([
            ("q", self.q.as_str()),
            ("kind", self.kind.as_str()),
            ("group", self.group.as_str()),
            ("country", self.country.as_str()),
            ("municipality", self.municipality.as_str()),
            ("near", self.near.as_str()),
            ("lat", self.lat.as_str()),
            ("lon", self.lon.as_str()),
            ("after", after),
        ])
        .unwrap_or_default();
        // Empty parameters only lengthen the address.
        let kept: Vec<&str> = query.split('&').filter(|p| !p.ends_with('=')).collect();
        format!("/services?{}", kept.join("&"))
    }
}
