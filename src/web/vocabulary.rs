//! One way to declare a closed set of words the database stores as text (a
//! status, a role, a kind, an audience): an enum that sqlx reads and binds
//! as that text, serde reads from forms, and templates name through the
//! catalogue. A misspelt value then fails to compile instead of quietly
//! matching nothing.
//!
//! A macro rather than a hand-written enum per word list because every one
//! needs the same five pieces (the enum, the list of all values, the
//! stored text, parsing and the catalogue key) kept in step with each other:
//! written once here, they cannot drift apart in one of them.

/// Declares a text-backed enum. Each variant names the exact text stored
/// in the database (the column's CHECK constraint lists the same values).
/// With `key "prefix-"`, `message_key()` gives the catalogue key
/// `prefix-<text>` that names the value on a page.
///
/// ```ignore
/// vocabulary! {
///     /// Where a request stands.
///     pub enum Status key "support-status-" {
///         Open = "open",
///         Closed = "closed",
///     }
/// }
/// ```
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident key $prefix:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $crate::web::vocabulary::vocabulary! {
            $(#[$meta])*
            pub enum $name {
                $( $(#[$vmeta])* $variant = $text, )+
            }
        }

        impl $name {
            /// The catalogue key of its name.
            pub fn message_key(self) -> &'static str {
                match self {
                    $( $name::$variant => concat!($prefix, $text), )+
                }
            }
        }
    };
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, sqlx::Type, serde::Serialize, serde::Deserialize,
        )]
        #[sqlx(type_name = "text")]
        pub enum $name {
            $( $(#[$vmeta])* #[sqlx(rename = $text)] #[serde(rename = $text)] $variant, )+
        }

        impl $name {
            /// Every value, in the order forms offer them.
            pub const ALL: &'static [$name] = &[$( $name::$variant, )+];

            /// The text stored in the database and sent by forms.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $text, )+
                }
            }

            /// The value `text` names, if it names one.
            pub fn parse(text: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|value| value.as_str() == text)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use vocabulary;

/// For the word lists' tests: every key names a message in every
/// catalogue, so no value shows on a page as its bare key.
#[cfg(test)]
pub(crate) fn assert_in_every_catalogue(keys: impl IntoIterator<Item = &'static str>) {
    for key in keys {
        for locale in crate::i18n::Locale::ALL {
            assert!(
                crate::i18n::has(locale, key),
                "{key} is missing in {locale:?}"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    vocabulary! {
        /// A word list for the tests.
        pub enum Colour key "colour-" {
            Red = "red",
            DarkBlue = "dark_blue",
        }
    }

    #[test]
    fn every_value_reads_back_from_its_text() {
        for colour in Colour::ALL {
            assert_eq!(Colour::parse(colour.as_str()), Some(*colour));
        }
        assert_eq!(Colour::parse("Red"), None);
        assert_eq!(Colour::parse(""), None);
    }

    #[test]
    fn the_catalogue_key_carries_the_stored_text() {
        assert_eq!(Colour::DarkBlue.message_key(), "colour-dark_blue");
        assert_eq!(Colour::DarkBlue.to_string(), "dark_blue");
    }

    #[test]
    fn forms_and_json_use_the_stored_text() {
        #[derive(serde::Deserialize)]
        struct Form {
            colour: Colour,
        }
        let form: Form = serde_urlencoded::from_str("colour=dark_blue").unwrap();
        assert_eq!(form.colour, Colour::DarkBlue);
        assert!(serde_urlencoded::from_str::<Form>("colour=green").is_err());
        assert_eq!(serde_json::to_string(&Colour::Red).unwrap(), "\"red\"");
    }
}
