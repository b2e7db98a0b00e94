//! Hostile input: the corpus, a small reader of the forms a page carries
//! (method, action, every named control with the value a browser would
//! send), plausible values for the fields the corpus is not in, request
//! bodies that can carry bytes no browser would encode, and the check that
//! a response shows no corpus markup unescaped.

use super::html::unescape;

/// One hostile value.
#[derive(Debug, Clone, Copy)]
pub enum Payload {
    /// A string, percent-encoded like a browser does.
    Text(&'static str),
    /// Bytes, percent-encoded (so `%FF%FE` arrives: invalid UTF-8 after decoding).
    Bytes(&'static [u8]),
    /// Bytes put into an urlencoded body as they are (raw 0xFF).
    Raw(&'static [u8]),
    /// A string of this many bytes (sent once per form).
    Long(usize),
}

/// Sent into every text-like field.
pub const CORPUS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "<svg onload=alert(1)>",
    "[klik](javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">klik</a>",
    "'; DROP TABLE users; --",
    "' OR '1'='1",
    "../../../../etc/passwd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "{{7*7}}",
    "${7*7}",
    "\u{0}",
    "nul\u{0}u sredini",
    "\u{7}",
    "\u{1b}[31mcrveno",
    "\u{202e}txt.exe",
    "  ",
    "@<script>alert(1)</script>",
];

/// Sent once per form, into its first text-like field.
pub const ONCE_PER_FORM: &[Payload] = &[
    Payload::Long(1024 * 1024),
    Payload::Long(200 * 1024),
    Payload::Bytes(b"%FF%FE"),
    Payload::Bytes(b"\xff\xfe"),
    Payload::Raw(b"\xff\xfe\xff"),
    Payload::Bytes(b"ok\xc3("),
];

/// Sent into number, date and time fields.
pub const TYPED_CORPUS: &[&str] = &[
    "-1",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "2026-02-30",
    "25:61",
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "\u{0}",
];

impl Payload {
    pub fn bytes(self) -> Vec<u8> {
        match self {
            Payload::Text(text) => text.as_bytes().to_vec(),
            Payload::Bytes(bytes) | Payload::Raw(bytes) => bytes.to_vec(),
            Payload::Long(n) => "<script>alert(1)</script>"
                .bytes()
                .chain(std::iter::repeat(b'a'))
                .take(n)
                .collect(),
        }
    }

    pub fn describe(self) -> String {
        match self {
            Payload::Text(text) => format!("{text:?}"),
            Payload::Bytes(bytes) => format!("percent-encoded bytes {bytes:?}"),
            Payload::Raw(bytes) => format!("raw bytes {bytes:?}"),
            Payload::Long(n) => format!("a {n}-byte string"),
        }
    }
}

/// Markup that must never reach a page unescaped: literal tags (an escaped
/// one has no `<`), and, inside real tags, event-handler attributes that
/// call the corpus's functions or `javascript:` addresses.
pub const RAW_MARKERS: &[&str] = &[
    "<script>alert(",
    "<img src=x onerror",
    "<svg onload",
    "<script>window.__xss",
];

/// The first unescaped corpus markup in `body`, if any.
pub fn raw_markup(body: &str) -> Option<String> {
    let lower = body.to_lowercase();
    if let Some(marker) = RAW_MARKERS.iter().find(|m| lower.contains(*m)) {
        return Some(marker.to_string());
    }
    let mut rest = lower.as_str();
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        let name_end = tag
            .find(|c: char| c.is_ascii_whitespace() || c == '/')
            .unwrap_or(tag.len());
        for (name, value) in attributes(&tag[name_end..]) {
            let value = value.trim();
            if name.starts_with("on") && (value.contains("alert(") || value.contains("__xss")) {
                return Some(format!("<{} {name}=\"{value}\">", &tag[..name_end]));
            }
            if matches!(
                name.as_str(),
                "href" | "src" | "action" | "formaction" | "xlink:href"
            ) && value.starts_with("javascript:")
            {
                return Some(format!("<{} {name}=\"{value}\">", &tag[..name_end]));
            }
        }
        rest = &rest[end..];
    }
    None
}

#[derive(Debug, Clone)]
pub enum ControlKind {
    Input(String),
    Textarea,
    Select(Vec<(String, bool)>),
    Button,
}

#[derive(Debug, Clone)]
pub struct Control {
    pub kind: ControlKind,
    pub name: String,
    pub value: String,
    pub checked: bool,
}

impl Control {
    /// Text-like: where the corpus goes.
    pub fn is_text(&self) -> bool {
        match &self.kind {
            ControlKind::Textarea => true,
            ControlKind::Input(t) => {
                matches!(t.as_str(), "text" | "email" | "search" | "url" | "tel")
            }
            _ => false,
        }
    }

    pub fn is_typed(&self) -> bool {
        matches!(&self.kind, ControlKind::Input(t) if matches!(t.as_str(), "number" | "date" | "time" | "datetime-local"))
    }

    pub fn input_type(&self) -> &str {
        match &self.kind {
            ControlKind::Input(t) => t,
            ControlKind::Textarea => "textarea",
            ControlKind::Select(_) => "select",
            ControlKind::Button => "button",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Form {
    /// The page the form was found on.
    pub page: String,
    pub method: String,
    pub action: String,
    pub multipart: bool,
    pub controls: Vec<Control>,
}

impl Form {
    /// The form's identity across pages and viewers: method, action
    /// pattern and field names.
    pub fn key(&self) -> String {
        let path = self.action.split('?').next().unwrap_or_default();
        let mut names: Vec<&str> = self.controls.iter().map(|c| c.name.as_str()).collect();
        names.sort();
        names.dedup();
        format!("{} {} [{}]", self.method, pattern(path), names.join(","))
    }

    /// The key with the action's last segment left out: forms that differ
    /// only in the entity they act on.
    pub fn family(&self) -> String {
        let path = self.action.split('?').next().unwrap_or_default();
        let parent = path.rsplit_once('/').map(|(p, _)| p).unwrap_or(path);
        let mut names: Vec<&str> = self.controls.iter().map(|c| c.name.as_str()).collect();
        names.sort();
        names.dedup();
        format!(
            "{} {}/* [{}]",
            self.method,
            pattern(parent),
            names.join(",")
        )
    }

    pub fn text_fields(&self) -> Vec<&Control> {
        let mut seen = Vec::new();
        self.controls
            .iter()
            .filter(|c| c.is_text())
            .filter(|c| {
                let new = !seen.contains(&c.name);
                seen.push(c.name.clone());
                new
            })
            .collect()
    }

    pub fn typed_fields(&self) -> Vec<&Control> {
        self.controls.iter().filter(|c| c.is_typed()).collect()
    }

    pub fn has_file(&self) -> bool {
        self.controls
            .iter()
            .any(|c| matches!(&c.kind, ControlKind::Input(t) if t == "file"))
    }

    /// What a browser would send, with every empty field given a plausible
    /// value: (name, value) in document order.
    pub fn valid_values(&self, guess: &dyn Fn(&Control) -> String) -> Vec<(String, String)> {
        let mut values = Vec::new();
        let mut radios_done: Vec<String> = Vec::new();
        let mut checkbox_groups: Vec<(String, usize, bool)> = Vec::new();
        for c in &self.controls {
            if let ControlKind::Input(t) = &c.kind
                && t == "checkbox"
            {
                match checkbox_groups.iter_mut().find(|(n, _, _)| *n == c.name) {
                    Some(group) => {
                        group.1 += 1;
                        group.2 |= c.checked;
                    }
                    None => checkbox_groups.push((c.name.clone(), 1, c.checked)),
                }
            }
        }
        let mut button_done = false;
        for c in &self.controls {
            match &c.kind {
                ControlKind::Input(t) => match t.as_str() {
                    "checkbox" => {
                        let (_, count, any_checked) = checkbox_groups
                            .iter()
                            .find(|(n, _, _)| *n == c.name)
                            .cloned()
                            .unwrap();
                        let first_of_group = !values.iter().any(|(n, _)| *n == c.name);
                        let accept = c.name.starts_with("accept") || c.name.starts_with("confirm");
                        if c.checked
                            || (count > 1 && !any_checked && first_of_group)
                            || (count == 1 && accept)
                        {
                            values.push((c.name.clone(), c.value_or("on")));
                        }
                    }
                    "radio" => {
                        if radios_done.contains(&c.name) {
                            continue;
                        }
                        let chosen = self
                            .controls
                            .iter()
                            .find(|o| o.name == c.name && o.checked)
                            .unwrap_or(c);
                        radios_done.push(c.name.clone());
                        values.push((c.name.clone(), chosen.value_or("on")));
                    }
                    "file" | "submit" | "reset" | "image" | "button" => {}
                    "hidden" => values.push((c.name.clone(), c.value.clone())),
                    _ => {
                        let value = if c.value.is_empty() {
                            guess(c)
                        } else {
                            c.value.clone()
                        };
                        values.push((c.name.clone(), value));
                    }
                },
                ControlKind::Textarea => {
                    let value = if c.value.trim().is_empty() {
                        guess(c)
                    } else {
                        c.value.clone()
                    };
                    values.push((c.name.clone(), value));
                }
                ControlKind::Select(options) => {
                    let chosen = options
                        .iter()
                        .find(|(_, selected)| *selected)
                        .or_else(|| options.iter().find(|(v, _)| !v.is_empty()))
                        .map(|(v, _)| v.clone())
                        .unwrap_or_default();
                    values.push((c.name.clone(), chosen));
                }
                ControlKind::Button => {
                    if !button_done {
                        button_done = true;
                        values.push((c.name.clone(), c.value.clone()));
                    }
                }
            }
        }
        values
    }
}

impl Control {
    fn value_or(&self, default: &str) -> String {
        if self.value.is_empty() {
            default.to_owned()
        } else {
            self.value.clone()
        }
    }
}

/// A path with its ids (UUIDs, numbers, long tokens) replaced by `{}`.
pub fn pattern(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            let id_like = !segment.is_empty()
                && (segment.chars().all(|c| c.is_ascii_digit())
                    || (segment.len() >= 20
                        && segment.chars().all(|c| c.is_ascii_hexdigit() || c == '-')));
            if id_like { "{}" } else { segment }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The attributes of one tag's text (after `<name`, up to `>`).
pub fn attributes(tag: &str) -> Vec<(String, String)> {
    let bytes = tag.as_bytes();
    let mut i = 0;
    let mut out = Vec::new();
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'=' {
            i += 1;
        }
        if start == i {
            break;
        }
        let name = tag[start..i].to_ascii_lowercase();
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            let value = if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let quote = bytes[i];
                let from = i + 1;
                let end = tag[from..]
                    .bytes()
                    .position(|b| b == quote)
                    .map(|p| from + p)
                    .unwrap_or(tag.len());
                i = (end + 1).min(tag.len());
                &tag[from..end]
            } else {
                let from = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                &tag[from..i]
            };
            out.push((name, unescape(value)));
        } else {
            out.push((name, String::new()));
        }
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// The text of the tag that starts at `at` (just after its name), up to `>`.
fn tag_text(html: &str, at: usize) -> (&str, usize) {
    let end = html[at..].find('>').map(|p| at + p).unwrap_or(html.len());
    (&html[at..end], (end + 1).min(html.len()))
}

/// Every `<form>` of a page.
pub fn forms(page: &str, html: &str) -> Vec<Form> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = html[from..].find("<form") {
        let start = from + found + "<form".len();
        let (open, inner_start) = tag_text(html, start);
        let attrs = attributes(open);
        let inner_end = html[inner_start..]
            .find("</form>")
            .map(|p| inner_start + p)
            .unwrap_or(html.len());
        let inner = &html[inner_start..inner_end];
        from = inner_end;
        let method = attr(&attrs, "method").unwrap_or("get").to_ascii_uppercase();
        let action = attr(&attrs, "action")
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .unwrap_or_else(|| page.to_owned());
        let multipart = attr(&attrs, "enctype") == Some("multipart/form-data");
        out.push(Form {
            page: page.to_owned(),
            method,
            action,
            multipart,
            controls: controls(inner),
        });
    }
    out
}

fn controls(inner: &str) -> Vec<Control> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(found) = inner[i..].find('<') {
        let at = i + found + 1;
        let rest = &inner[at..];
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let tag = rest[..name_len].to_ascii_lowercase();
        let (text, after) = tag_text(inner, at + name_len);
        i = after;
        let attrs = attributes(text);
        let Some(name) = attr(&attrs, "name").map(str::to_owned) else {
            continue;
        };
        if attrs.iter().any(|(n, _)| n == "disabled") {
            continue;
        }
        let value = attr(&attrs, "value").unwrap_or_default().to_owned();
        match tag.as_str() {
            "input" => out.push(Control {
                kind: ControlKind::Input(
                    attr(&attrs, "type").unwrap_or("text").to_ascii_lowercase(),
                ),
                name,
                value,
                checked: attrs.iter().any(|(n, _)| n == "checked"),
            }),
            "textarea" => {
                let end = inner[after..]
                    .find("</textarea>")
                    .map(|p| after + p)
                    .unwrap_or(inner.len());
                out.push(Control {
                    kind: ControlKind::Textarea,
                    name,
                    value: unescape(&inner[after..end]),
                    checked: false,
                });
                i = end;
            }
            "select" => {
                let end = inner[after..]
                    .find("</select>")
                    .map(|p| after + p)
                    .unwrap_or(inner.len());
                let body = &inner[after..end];
                let mut options = Vec::new();
                for part in body.split("<option").skip(1) {
                    let (open, _) = tag_text(part, 0);
                    let oattrs = attributes(open);
                    let text = part[open.len() + 1..]
                        .split('<')
                        .next()
                        .unwrap_or_default()
                        .trim();
                    let value = attr(&oattrs, "value")
                        .map(str::to_owned)
                        .unwrap_or_else(|| unescape(text));
                    options.push((value, oattrs.iter().any(|(n, _)| n == "selected")));
                }
                out.push(Control {
                    kind: ControlKind::Select(options),
                    name,
                    value: String::new(),
                    checked: false,
                });
                i = end;
            }
            "button" => out.push(Control {
                kind: ControlKind::Button,
                name,
                value,
                checked: false,
            }),
            _ => {}
        }
    }
    out
}

/// Same-site links (`href="/…"`) of a page, unescaped, without fragments.
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in html.split("href=\"").skip(1) {
        let Some(end) = part.find('"') else { continue };
        let link = unescape(&part[..end]);
        if !link.starts_with('/') || link.starts_with("//") {
            continue;
        }
        let link = link.split('#').next().unwrap_or_default().to_owned();
        if !link.is_empty() && !out.contains(&link) {
            out.push(link);
        }
    }
    out
}

/// Percent-encodes bytes the way `application/x-www-form-urlencoded` does.
pub fn percent_encode(bytes: &[u8], out: &mut Vec<u8>) {
    for &b in bytes {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => out.push(b),
            b' ' => out.push(b'+'),
            _ => out.extend_from_slice(format!("%{b:02X}").as_bytes()),
        }
    }
}

/// An urlencoded body (or query): `pairs`, with `raw` (name, bytes) put in
/// unencoded.
pub fn urlencoded(pairs: &[(String, Vec<u8>)], raw: Option<&str>) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, (name, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push(b'&');
        }
        percent_encode(name.as_bytes(), &mut out);
        out.push(b'=');
        if raw == Some(name.as_str()) {
            out.extend_from_slice(value);
        } else {
            percent_encode(value, &mut out);
        }
    }
    out
}

pub const BOUNDARY: &str = "----kolega-hostile-boundary";

/// A multipart body: text `pairs`, then the files (name, filename, type, bytes).
pub fn multipart(pairs: &[(String, Vec<u8>)], files: &[(&str, &str, &str, Vec<u8>)]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in pairs {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(value);
        body.extend_from_slice(b"\r\n");
    }
    for (name, file_name, content_type, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: {content_type}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}
