//! The de-identification review of a case dilemma: what the guard found in
//! each field, highlighted in a preview of the text and listed, with the
//! fingerprint a confirmation must carry so that it holds for exactly these
//! spans and no others.

use crate::i18n::{self, Locale};
use crate::text::deident;
use crate::text::personal_data::{Finding, Span};

/// A piece of a field's text, highlighted when it is a finding.
#[derive(Debug, Clone)]
pub struct Segment {
    pub text: String,
    /// The finding's kind, in words, for a highlighted piece.
    pub kind: Option<String>,
}

#[derive(Debug, Clone)]
pub struct FieldPreview {
    pub label: String,
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub kind: String,
    pub text: String,
    /// A JMBG cannot be confirmed, only removed.
    pub confirmable: bool,
}

#[derive(Debug, Clone)]
pub struct Review {
    pub fields: Vec<FieldPreview>,
    pub items: Vec<Item>,
    /// Binds a confirmation to these spans (see [`deident::fingerprint`]).
    pub fingerprint: String,
    /// Anything found that the author may confirm.
    pub confirmable: bool,
    pub jmbg: bool,
}

/// One field of the form: its label key, its text and what was found.
pub struct Field<'a> {
    pub label_key: &'static str,
    pub text: &'a str,
    pub spans: Vec<Span>,
}

impl<'a> Field<'a> {
    pub fn new(label_key: &'static str, text: &'a str) -> Field<'a> {
        Field {
            label_key,
            text,
            spans: deident::find(text),
        }
    }

    /// The text with each finding replaced by its placeholder ("[ime]").
    pub fn rewritten(&self, locale: Locale) -> String {
        deident::deidentify(self.text, |kind| i18n::t(locale, kind.placeholder_key()))
    }

    pub fn has_jmbg(&self) -> bool {
        self.spans.iter().any(|s| s.kind.blocks_saving())
    }
}

fn kind_name(locale: Locale, kind: Finding) -> String {
    i18n::t(locale, &format!("deident-kind-{}", kind_slug(kind)))
}

fn kind_slug(kind: Finding) -> &'static str {
    match kind {
        Finding::Jmbg => "jmbg",
        Finding::Phone => "phone",
        Finding::Email => "email",
        Finding::Address => "address",
        Finding::Name => "name",
        Finding::Place => "place",
        Finding::Age => "age",
    }
}

/// The fingerprint of what may be confirmed in `fields`.
pub fn fingerprint(fields: &[Field]) -> String {
    deident::fingerprint(fields.iter().flat_map(|field| {
        field
            .spans
            .iter()
            .filter(|s| !s.kind.blocks_saving())
            .map(|s| (s.kind, &field.text[s.range.clone()]))
    }))
}

/// The review of `fields`, or none when nothing was found.
pub fn review(locale: Locale, fields: &[Field]) -> Option<Review> {
    if fields.iter().all(|f| f.spans.is_empty()) {
        return None;
    }
    let mut previews = Vec::new();
    let mut items = Vec::new();
    for field in fields.iter().filter(|f| !f.spans.is_empty()) {
        let mut segments = Vec::new();
        let mut at = 0;
        for span in &field.spans {
            let text = &field.text[span.range.clone()];
            segments.push(Segment {
                text: field.text[at..span.range.start].to_owned(),
                kind: None,
            });
            segments.push(Segment {
                text: text.to_owned(),
                kind: Some(kind_name(locale, span.kind)),
            });
            items.push(Item {
                kind: kind_name(locale, span.kind),
                text: text.to_owned(),
                confirmable: !span.kind.blocks_saving(),
            });
            at = span.range.end;
        }
        segments.push(Segment {
            text: field.text[at..].to_owned(),
            kind: None,
        });
        previews.push(FieldPreview {
            label: i18n::t(locale, field.label_key),
            segments,
        });
    }
    Some(Review {
        fields: previews,
        confirmable: items.iter().any(|i| i.confirmable),
        jmbg: items.iter().any(|i| !i.confirmable),
        items,
        fingerprint: fingerprint(fields),
    })
}
