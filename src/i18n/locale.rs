use std::fmt;

/// One of the three interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    SrLatn,
    SrCyrl,
    En,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::SrLatn, Locale::SrCyrl, Locale::En];

    /// The BCP 47 tag, used in `<html lang>`, cookies and the database.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::SrLatn => "sr-Latn",
            Locale::SrCyrl => "sr-Cyrl",
            Locale::En => "en",
        }
    }

    /// The language's own name, as shown in the switcher.
    /// The language of content written in this interface language (as
    /// groups, events and conversations name it: `sr`, `en`, `mk`, `sq`).
    pub fn content_language(self) -> &'static str {
        match self {
            Locale::SrLatn | Locale::SrCyrl => "sr",
            Locale::En => "en",
        }
    }

    pub fn native_name(self) -> &'static str {
        match self {
            Locale::SrLatn => "Latinica",
            Locale::SrCyrl => "Ћирилица",
            Locale::En => "English",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Locale> {
        match tag.trim().to_ascii_lowercase().as_str() {
            "sr-latn" => Some(Locale::SrLatn),
            "sr-cyrl" => Some(Locale::SrCyrl),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// Picks the best interface language for an `Accept-Language` header.
    /// Serbian without a script, and the neighbouring languages our users
    /// read without effort (hr, bs, sh, cnr), get Latin — the default script
    /// of the community; Macedonian readers get Cyrillic.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut candidates: Vec<(f32, usize, Locale)> = header
            .split(',')
            .enumerate()
            .filter_map(|(position, item)| {
                let mut parts = item.split(';');
                let tag = parts.next()?.trim().to_ascii_lowercase();
                let quality = parts
                    .find_map(|p| p.trim().strip_prefix("q=").map(str::to_owned))
                    .map_or(Some(1.0), |q| q.parse::<f32>().ok())?;
                let locale = Self::for_language_tag(&tag)?;
                (quality > 0.0).then_some((quality, position, locale))
            })
            .collect();
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        candidates.first().map(|&(_, _, locale)| locale)
    }

    fn for_language_tag(tag: &str) -> Option<Locale> {
        let mut subtags = tag.split('-');
        let language = subtags.next()?;
        let script_cyrillic = tag.split('-').any(|s| s == "cyrl");
        let script_latin = tag.split('-').any(|s| s == "latn");
        match language {
            "sr" if script_cyrillic => Some(Locale::SrCyrl),
            "sr" if script_latin => Some(Locale::SrLatn),
            "sr" | "hr" | "bs" | "sh" | "cnr" | "me" => Some(Locale::SrLatn),
            "mk" => Some(Locale::SrCyrl),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// Date formatting pattern for chrono, per locale.
    pub fn date_format(self) -> &'static str {
        match self {
            Locale::SrLatn | Locale::SrCyrl => "%-d. %-m. %Y.",
            Locale::En => "%-d %b %Y",
        }
    }

    pub fn datetime_format(self) -> &'static str {
        match self {
            Locale::SrLatn => "%-d. %-m. %Y. u %H:%M",
            Locale::SrCyrl => "%-d. %-m. %Y. у %H:%M",
            Locale::En => "%-d %b %Y, %H:%M",
        }
    }
}

impl TryFrom<String> for Locale {
    type Error = String;

    fn try_from(tag: String) -> Result<Self, Self::Error> {
        Locale::from_tag(&tag).ok_or_else(|| format!("unknown locale {tag:?}"))
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_highest_quality() {
        assert_eq!(
            Locale::from_accept_language("en-US,en;q=0.9,sr;q=0.8"),
            Some(Locale::En)
        );
        assert_eq!(
            Locale::from_accept_language("de-DE, sr-Cyrl-RS;q=0.7, en;q=0.5"),
            Some(Locale::SrCyrl)
        );
        assert_eq!(
            Locale::from_accept_language("sr-RS,sr;q=0.9"),
            Some(Locale::SrLatn)
        );
        assert_eq!(
            Locale::from_accept_language("hr;q=0.4, en;q=0.6"),
            Some(Locale::En)
        );
        assert_eq!(Locale::from_accept_language("de, fr"), None);
        assert_eq!(
            Locale::from_accept_language("en;q=0, sr-Latn"),
            Some(Locale::SrLatn)
        );
        assert_eq!(Locale::from_accept_language(";;;,q=x"), None);
    }

    #[test]
    fn tags_round_trip() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        }
    }
}
