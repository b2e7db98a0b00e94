use std::borrow::Cow;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use super::Locale;
use crate::text::translit;

const SERBIAN_LATIN: &str = include_str!("../../locales/sr-Latn.ftl");
const ENGLISH: &str = include_str!("../../locales/en.ftl");

struct Catalog {
    sr_latn: FluentBundle<FluentResource>,
    sr_cyrl: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| Catalog {
    sr_latn: bundle("sr-Latn", SERBIAN_LATIN, None),
    sr_cyrl: bundle("sr-Cyrl", SERBIAN_LATIN, Some(translit::to_cyrillic_cow)),
    en: bundle("en", ENGLISH, None),
});

fn bundle(
    tag: &str,
    source: &str,
    transform: Option<fn(&str) -> Cow<'_, str>>,
) -> FluentBundle<FluentResource> {
    let lang: LanguageIdentifier = tag.parse().expect("locale tags are valid");
    let resource = FluentResource::try_new(source.to_owned())
        .unwrap_or_else(|(_, errors)| panic!("the {tag} catalogue does not parse: {errors:?}"));
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Unicode isolation marks around placeables confuse e-mail clients and
    // tests alike; our placeables never mix text directions.
    bundle.set_use_isolating(false);
    bundle.set_transform(transform);
    bundle
        .add_resource(resource)
        .expect("message ids are unique");
    bundle
}

impl Catalog {
    fn for_locale(&self, locale: Locale) -> &FluentBundle<FluentResource> {
        match locale {
            Locale::SrLatn => &self.sr_latn,
            Locale::SrCyrl => &self.sr_cyrl,
            Locale::En => &self.en,
        }
    }
}

/// Arguments for a message, e.g. `Args::new().with("count", 3)`.
#[derive(Default)]
pub struct Args(FluentArgs<'static>);

impl Args {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with(mut self, name: &'static str, value: impl Into<FluentValue<'static>>) -> Self {
        self.0.set(name, value);
        self
    }
}

/// The message `key` in `locale`. A missing key shows the key itself (and
/// the catalogue test fails), so a gap is visible, never a crash.
pub fn t(locale: Locale, key: &str) -> String {
    format(locale, key, None)
}

/// Whether the catalogue has the message `key` (no attributes), for text
/// made from data, where a label may exist or the data is shown as it is.
pub fn has(locale: Locale, key: &str) -> bool {
    CATALOG.for_locale(locale).has_message(key)
}

pub fn t_args(locale: Locale, key: &str, args: &Args) -> String {
    format(locale, key, Some(&args.0))
}

fn format(locale: Locale, key: &str, args: Option<&FluentArgs<'static>>) -> String {
    let (id, attribute) = match key.split_once('.') {
        Some((id, attribute)) => (id, Some(attribute)),
        None => (key, None),
    };
    let bundle = CATALOG.for_locale(locale);
    let pattern = bundle.get_message(id).and_then(|message| match attribute {
        Some(attribute) => message.get_attribute(attribute).map(|a| a.value()),
        None => message.value(),
    });
    let Some(pattern) = pattern else {
        tracing::warn!(
            key,
            locale = locale.tag(),
            "message missing from the catalogue"
        );
        return key.to_owned();
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::warn!(key, ?errors, "message formatted with errors");
    }
    text.into_owned()
}

/// Every message id in a catalogue source, for the completeness test.
pub fn message_ids(locale: Locale) -> Vec<String> {
    let source = match locale {
        Locale::En => ENGLISH,
        Locale::SrLatn | Locale::SrCyrl => SERBIAN_LATIN,
    };
    source
        .lines()
        .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim().to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_serbian_catalogues_have_the_same_messages() {
        let mut serbian = message_ids(Locale::SrLatn);
        let mut english = message_ids(Locale::En);
        serbian.sort();
        english.sort();
        assert_eq!(serbian, english);
        assert!(serbian.len() > 20);
        for id in &serbian {
            assert_ne!(
                t(Locale::SrLatn, id),
                *id,
                "{id} is not a Serbian message with a value"
            );
            assert_ne!(
                t(Locale::En, id),
                *id,
                "{id} is not an English message with a value"
            );
        }
    }

    #[test]
    fn cyrillic_is_derived_from_latin() {
        assert_eq!(t(Locale::SrLatn, "nav-groups"), "Grupe");
        assert_eq!(t(Locale::SrCyrl, "nav-groups"), "Групе");
        assert_eq!(t(Locale::En, "nav-groups"), "Groups");
    }

    #[test]
    fn serbian_plurals_have_three_forms() {
        let members = |n: i64| {
            t_args(
                Locale::SrLatn,
                "member-count",
                &Args::new().with("count", n),
            )
        };
        assert_eq!(members(1), "1 član");
        assert_eq!(members(3), "3 člana");
        assert_eq!(members(5), "5 članova");
        assert_eq!(members(21), "21 član");
        let cyrillic = t_args(
            Locale::SrCyrl,
            "member-count",
            &Args::new().with("count", 3),
        );
        assert_eq!(cyrillic, "3 члана");
    }

    /// Serbian says "1 podrška, 3 podrške, 5 podrški": a selector on a
    /// count with only "one" and "other" reads wrongly for 2–4 ("podrški: 4",
    /// "2 novih obaveštenja"), so every such selector needs its "few" form.
    #[test]
    fn every_serbian_count_selector_has_a_few_form() {
        use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
        let resource = fluent_syntax::parser::parse(SERBIAN_LATIN).expect("the catalogue parses");
        let mut missing = Vec::new();
        for entry in &resource.body {
            let Entry::Message(message) = entry else {
                continue;
            };
            let Some(pattern) = &message.value else {
                continue;
            };
            for element in &pattern.elements {
                let PatternElement::Placeable {
                    expression: Expression::Select { selector, variants },
                } = element
                else {
                    continue;
                };
                let on_count = matches!(selector, InlineExpression::VariableReference { id } if id.name == "count");
                let has_few = variants
                    .iter()
                    .any(|v| format!("{:?}", v.key).contains("\"few\""));
                if on_count && !has_few {
                    missing.push(message.id.name);
                }
            }
        }
        assert!(
            missing.is_empty(),
            "count selectors without [few]: {missing:?}"
        );
        let votes = |n: i64| {
            t_args(
                Locale::SrLatn,
                "proposal-votes",
                &Args::new().with("count", n),
            )
        };
        assert_eq!(votes(4), "4 podrške");
        assert_eq!(votes(7), "7 podrški");
    }

    #[test]
    fn a_missing_key_shows_itself() {
        assert_eq!(t(Locale::En, "no-such-message"), "no-such-message");
    }
}
