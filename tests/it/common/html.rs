//! Just enough HTML reading for tests: the hidden fields of a form, like a
//! browser would submit them, and attribute values.

/// The hidden inputs (name, value) of the first form whose action is `action`.
pub fn hidden_fields(html: &str, action: &str) -> Option<Vec<(String, String)>> {
    let marker = format!("action=\"{action}\"");
    let start = html.find(&marker)?;
    let form_start = html[..start].rfind("<form")?;
    let form_end = form_start + html[form_start..].find("</form>")?;
    let form = &html[form_start..form_end];
    let mut fields = Vec::new();
    for input in form.split("<input").skip(1) {
        let tag = &input[..input.find('>').unwrap_or(input.len())];
        if attribute(tag, "type").as_deref() == Some("hidden")
            && let (Some(name), Some(value)) = (attribute(tag, "name"), attribute(tag, "value"))
        {
            fields.push((name, value));
        }
    }
    Some(fields)
}

/// The value of `name="…"` inside one tag's text.
pub fn attribute(tag: &str, name: &str) -> Option<String> {
    let marker = format!(" {name}=\"");
    let start = tag.find(&marker)? + marker.len();
    let end = start + tag[start..].find('"')?;
    Some(unescape(&tag[start..end]))
}

pub fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#x2f;", "/")
        .replace("&#38;", "&")
        .replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&amp;", "&")
}

/// The text of the first `<h1>`.
pub fn h1(html: &str) -> Option<String> {
    let start = html.find("<h1")?;
    let start = start + html[start..].find('>')? + 1;
    let end = start + html[start..].find("</h1>")?;
    Some(unescape(html[start..end].trim()))
}
