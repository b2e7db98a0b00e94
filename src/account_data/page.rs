//! `index.html` of the member's archive: the data of `data.json`, readable
//! in her language, in one self-contained page (no scripts, no external
//! files, print rules inline) that works offline.
//!
//! The page is made from the JSON itself, walking it section by section,
//! so it can never show less than `data.json` holds: a column a feature
//! adds to its part of the download appears here too (labelled by
//! `data-field-…` in the catalogue; the completeness test names any label
//! missing). The walk writes HTML by hand because askama templates cannot
//! recurse; every piece of text passes through [`escape`]. The page's
//! frame is `templates/account_data/index.html`.

use std::fmt::Write;

use askama::Template;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Belgrade;
use serde_json::{Map, Value};

use crate::i18n::{self, Args, Locale};

/// The sections of the page, in order; each is a key of `data.json`.
pub const SECTIONS: [&str; 11] = [
    "account",
    "sessions",
    "notifications",
    "emails_sent_to_you",
    "library_topics_followed",
    "groups",
    "events",
    "courses",
    "support",
    "library",
    "service_map",
];

/// Fields whose values are codes (a status, a role, a kind) shown through
/// the catalogue; any other text is the member's or the site's own words.
const CODED_FIELDS: [&str; 13] = [
    "role",
    "status",
    "kind",
    "visibility",
    "mode",
    "reason",
    "outcome",
    "what",
    "profession",
    "approval",
    "municipality_size",
    "from",
    "format",
];

/// Where a code's name is looked for: our own, then the names the site
/// already gives event, resource, proposal and notification kinds.
const CODE_PREFIXES: [&str; 5] = [
    "data-value-",
    "event-kind-",
    "resource-kind-",
    "proposal-kind-",
    "notify-kind-",
];

/// Fields shown first in a record, in this order, and the parts of a
/// section in the order the features tell them; the rest alphabetically
/// (JSON objects keep no order).
const ORDER: [&str; 45] = [
    "title",
    "name",
    "email",
    "handle",
    "group",
    "thread",
    "event",
    "proposal",
    "service",
    "resource",
    "course",
    "lesson",
    "subject",
    "role",
    "kind",
    "status",
    "from",
    "body",
    "messages",
    "settings",
    "received",
    "memberships",
    "threads",
    "posts",
    "followed_threads",
    "reports_made",
    "warnings_received",
    "anonymous_authors_revealed",
    "registrations",
    "points_and_certificates",
    "feedback_given",
    "event_roles",
    "proposals",
    "proposal_votes",
    "supervision_cases",
    "supervision_notes",
    "supervision_reads",
    "enrolments",
    "lessons_done",
    "conversations",
    "submissions",
    "changes_made",
    "suggestions",
    "imports",
    "services_verified",
];

/// Fields that are `null` when what they name is no longer hers to read
/// (a thread of a group she left, say).
const WITHHELD_WHEN_NULL: [&str; 3] = ["thread", "event", "resource"];

#[derive(Template)]
#[template(path = "account_data/index.html")]
struct ArchivePage {
    lang: &'static str,
    title: String,
    intro: String,
    json_note: String,
    contents: String,
    sections: Vec<Section>,
}

struct Section {
    id: String,
    heading: String,
    /// Already escaped (see the module comment).
    html: String,
}

/// The whole page for `data` (as `data.json` holds it), in `locale`.
pub fn render(
    data: &Value,
    locale: Locale,
    name: &str,
    exported_at: DateTime<Utc>,
) -> askama::Result<String> {
    let writer = Writer { locale };
    let sections = SECTIONS
        .iter()
        .map(|key| {
            let mut html = String::new();
            writer.section(data.get(*key).unwrap_or(&Value::Null), &mut html);
            Section {
                id: anchor(key),
                heading: writer.heading(key),
                html,
            }
        })
        .collect();
    let args = Args::new()
        .with("name", name.to_owned())
        .with("date", writer.datetime(exported_at));
    ArchivePage {
        lang: locale.tag(),
        title: i18n::t(locale, "data-page-title"),
        intro: i18n::t_args(locale, "data-page-intro", &args),
        json_note: i18n::t(locale, "data-page-json"),
        contents: i18n::t(locale, "data-page-contents"),
        sections,
    }
    .render()
}

struct Writer {
    locale: Locale,
}

impl Writer {
    fn t(&self, key: &str) -> String {
        i18n::t(self.locale, key)
    }

    fn heading(&self, key: &str) -> String {
        self.t(&format!("data-section-{}", anchor(key)))
    }

    /// A field's label: ours, or a notification kind's name (the keys of
    /// the notification settings), or the key itself (the keys of a
    /// suggested service's fields, which are data).
    fn label(&self, key: &str) -> String {
        for candidate in [
            format!("data-field-{}", anchor(key)),
            format!("notify-kind-{key}"),
        ] {
            if i18n::has(self.locale, &candidate) {
                return self.t(&candidate);
            }
        }
        key.to_owned()
    }

    fn datetime(&self, at: DateTime<Utc>) -> String {
        at.with_timezone(&Belgrade)
            .format(self.locale.datetime_format())
            .to_string()
    }

    /// A top-level section: its own fields first, then a sub-heading for
    /// each list or group of fields it holds.
    fn section(&self, value: &Value, out: &mut String) {
        let Value::Object(fields) = value else {
            return self.block("", value, false, out);
        };
        let (nested, plain): (Vec<_>, Vec<_>) = ordered(fields)
            .into_iter()
            .partition(|(_, v)| matches!(v, Value::Array(_) | Value::Object(_)));
        if !plain.is_empty() {
            self.record(plain, false, out);
        }
        for (key, value) in nested {
            let _ = write!(out, "<h3>{}</h3>", escape(&self.heading(key)));
            self.block(key, value, key == "settings", out);
        }
    }

    /// A list of records, a list of words, or one record.
    fn block(&self, key: &str, value: &Value, coded: bool, out: &mut String) {
        match value {
            Value::Array(items) if items.is_empty() => {
                let _ = write!(
                    out,
                    "<p class=\"empty\">{}</p>",
                    escape(&self.t("data-none"))
                );
            }
            Value::Array(items) if items.iter().all(Value::is_object) => {
                out.push_str("<ol class=\"records\">");
                for item in items {
                    out.push_str("<li>");
                    if let Value::Object(fields) = item {
                        self.record(ordered(fields), coded, out);
                    }
                    out.push_str("</li>");
                }
                out.push_str("</ol>");
            }
            Value::Array(items) => {
                out.push_str("<ul class=\"words\">");
                for item in items {
                    let _ = write!(out, "<li>{}</li>", self.scalar(key, item, coded));
                }
                out.push_str("</ul>");
            }
            Value::Object(fields) if fields.is_empty() => {
                let _ = write!(
                    out,
                    "<p class=\"empty\">{}</p>",
                    escape(&self.t("data-none"))
                );
            }
            Value::Object(fields) => self.record(ordered(fields), coded, out),
            scalar => {
                let _ = write!(out, "<p>{}</p>", self.scalar(key, scalar, coded));
            }
        }
    }

    /// One record as a description list; nested lists (a conversation's
    /// messages, a post's earlier versions) inside it.
    fn record(&self, fields: Vec<(&str, &Value)>, coded: bool, out: &mut String) {
        out.push_str("<dl>");
        for (key, value) in fields {
            let _ = write!(out, "<dt>{}</dt>", escape(&self.label(key)));
            match value {
                Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_object) => {
                    out.push_str("<dd>");
                    self.block(key, value, coded, out);
                    out.push_str("</dd>");
                }
                Value::Object(fields) if !fields.is_empty() => {
                    out.push_str("<dd>");
                    self.record(ordered(fields), coded || key == "settings", out);
                    out.push_str("</dd>");
                }
                Value::Array(items) => {
                    let words: Vec<String> = items
                        .iter()
                        .map(|item| self.scalar(key, item, coded))
                        .collect();
                    let text = if words.is_empty() {
                        "—".to_owned()
                    } else {
                        words.join(", ")
                    };
                    let _ = write!(out, "<dd>{text}</dd>");
                }
                Value::String(text) if text.contains('\n') || text.chars().count() > 120 => {
                    let _ = write!(out, "<dd class=\"text\">{}</dd>", escape(text));
                }
                scalar => {
                    let _ = write!(out, "<dd>{}</dd>", self.scalar(key, scalar, coded));
                }
            }
        }
        out.push_str("</dl>");
    }

    /// A single value, escaped: times in Belgrade time and the page's
    /// format, yes and no, codes by their names.
    fn scalar(&self, key: &str, value: &Value, coded: bool) -> String {
        let text = match value {
            Value::Null if WITHHELD_WHEN_NULL.contains(&key) => self.t("data-withheld"),
            Value::Null => "—".to_owned(),
            Value::String(text) if text.is_empty() => "—".to_owned(),
            Value::Bool(true) => self.t("data-yes"),
            Value::Bool(false) => self.t("data-no"),
            Value::Number(number) => number.to_string(),
            Value::String(text) => self.text(key, text, coded),
            other => other.to_string(),
        };
        escape(&text)
    }

    fn text(&self, key: &str, text: &str, coded: bool) -> String {
        let is_time = key.ends_with("_at") || key.ends_with("_since") || key == "since";
        if is_time {
            if let Ok(at) = DateTime::parse_from_rfc3339(text) {
                return self.datetime(at.with_timezone(&Utc));
            }
            if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                return day.format(self.locale.date_format()).to_string();
            }
        }
        if key == "locale"
            && let Some(locale) = Locale::from_tag(text)
        {
            return locale.native_name().to_owned();
        }
        if key == "country" && i18n::has(self.locale, &format!("country-{text}")) {
            return self.t(&format!("country-{text}"));
        }
        if coded || CODED_FIELDS.contains(&key) {
            for prefix in CODE_PREFIXES {
                let candidate = format!("{prefix}{}", anchor(text));
                let exact = format!("{prefix}{text}");
                for name in [candidate, exact] {
                    if i18n::has(self.locale, &name) {
                        return self.t(&name);
                    }
                }
            }
        }
        text.to_owned()
    }
}

/// A record's fields: the telling ones first, then alphabetically.
fn ordered(fields: &Map<String, Value>) -> Vec<(&str, &Value)> {
    let mut list: Vec<(&str, &Value)> = fields.iter().map(|(k, v)| (k.as_str(), v)).collect();
    list.sort_by_key(|(key, _)| {
        (
            ORDER
                .iter()
                .position(|first| first == key)
                .unwrap_or(ORDER.len()),
            *key,
        )
    });
    list
}

/// `emails_sent_to_you` → `emails-sent-to-you`, for ids and message keys.
fn anchor(key: &str) -> String {
    key.replace('_', "-")
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Every field name in `data` that the page labels (the keys of records),
/// for the test that each has its label in every catalogue. The keys of a
/// suggested service's fields and of notification settings are data.
pub fn field_names(data: &Value) -> Vec<String> {
    fn walk(value: &Value, names: &mut Vec<String>) {
        match value {
            Value::Object(fields) => {
                for (key, value) in fields {
                    names.push(key.clone());
                    if key != "fields" && key != "settings" {
                        walk(value, names);
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|item| walk(item, names)),
            _ => {}
        }
    }
    let mut names = Vec::new();
    for key in SECTIONS {
        if let Some(value) = data.get(key) {
            walk(value, &mut names);
        }
    }
    names.sort();
    names.dedup();
    names
}

/// Whether the page has a label for `field` in `locale` (see [`field_names`]).
pub fn has_label(locale: Locale, field: &str) -> bool {
    i18n::has(locale, &format!("data-field-{}", anchor(field)))
        || i18n::has(locale, &format!("data-section-{}", anchor(field)))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn member_text_is_escaped_and_codes_and_times_are_named() {
        let data = json!({
            "groups": {
                "posts": [{
                    "group": "Hraniteljstvo",
                    "body": "<script>alert('x')</script> & više",
                    "anonymous": true,
                    "created_at": "2026-11-23T09:00:00+00:00",
                    "earlier_versions": [],
                }],
                "memberships": [{"group": "Hraniteljstvo", "role": "owner", "status": "active"}],
            },
        });
        let at = DateTime::parse_from_rfc3339("2026-11-23T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let page = render(&data, Locale::SrLatn, "Ana <Vuković>", at).unwrap();
        assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; više"));
        assert!(!page.contains("<script"));
        assert!(page.contains("Ana &#60;Vuković&#62;"), "{page}");
        // 09:00 UTC is 10:00 in Belgrade in November.
        assert!(page.contains("23. 11. 2026. u 10:00"), "{page}");
        assert!(!page.contains(">owner<"), "the role is named: {page}");
        assert!(page.contains("lang=\"sr-Latn\""));
        assert!(
            !page.contains("<link") && !page.contains("src="),
            "self-contained"
        );
    }

    #[test]
    fn records_list_the_telling_fields_first() {
        let fields = json!({"created_at": 1, "body": 2, "group": 3, "anonymous": 4});
        let Value::Object(fields) = fields else {
            unreachable!()
        };
        let keys: Vec<&str> = ordered(&fields).into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["group", "body", "anonymous", "created_at"]);
    }
}
