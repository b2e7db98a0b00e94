//! The application's route table, read from the source that builds the
//! router (axum's `Router` cannot list its routes).
//!
//! Every `.route(` call in every `.rs` file under `src/` is parsed: its path
//! literal and the HTTP methods of its method router (`get(a).post(b)`,
//! across lines, with `.layer(…)` allowed in the chain). Anything the parser
//! does not understand is a panic, never a silent skip, and so is any other
//! way of adding routes (`.nest(`, `.route_service(`, …) except the mounts
//! listed in [`KNOWN_MOUNTS`]. The table is then proved against the real
//! router by [`crate::common::TestApp`]-driven checks in the test itself.

use std::path::{Path, PathBuf};

/// One `.route(` call: where it is, its path pattern, and its methods
/// (upper case, in source order).
#[derive(Debug, Clone)]
pub struct ParsedRoute {
    pub file: String,
    pub line: usize,
    pub path: String,
    pub methods: Vec<String>,
}

/// Method-router functions, and what each serves.
const METHOD_FUNCTIONS: &[(&str, &str)] = &[
    ("get", "GET"),
    ("post", "POST"),
    ("put", "PUT"),
    ("patch", "PATCH"),
    ("delete", "DELETE"),
    ("head", "HEAD"),
    ("options", "OPTIONS"),
    ("trace", "TRACE"),
];

/// Calls allowed in a method-router chain that add no method.
const NEUTRAL_CALLS: &[&str] = &["layer", "route_layer"];

/// Router calls other than `.route(` that would add routes. A mount listed
/// in [`KNOWN_MOUNTS`] is expected; any other occurrence fails the parse.
const OTHER_ROUTE_ADDERS: &[&str] = &[
    ".nest(",
    ".nest_service(",
    ".route_service(",
    ".fallback_service(",
    "get_service(",
    "post_service(",
    "any(",
    "on(",
];

/// Mounts that are not `.route(` calls: (file, call, path prefix).
pub const KNOWN_MOUNTS: &[(&str, &str, &str)] =
    &[("src/web/static_files.rs", ".nest_service(", "/static")];

pub fn source_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// The source with comments and the contents of string literals other
/// than the route paths kept as they are, but `//` comments blanked (so a
/// `.route(` in a doc comment is not counted as a route).
fn strip_line_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_string = false;
        let mut escaped = false;
        let mut cut = line.len();
        let bytes = line.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if in_string {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                }
            } else if b == b'"' {
                in_string = true;
            } else if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
                cut = i;
                break;
            }
        }
        out.push_str(&line[..cut]);
        out.push('\n');
    }
    out
}

/// Every `.route(` call in `src/`, and the number of `.route(` occurrences
/// seen (outside comments), which must equal the number parsed.
pub fn parse_source_routes() -> (Vec<ParsedRoute>, usize) {
    let root = source_root();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut routes = Vec::new();
    let mut occurrences = 0;
    for file in files {
        let relative = format!(
            "src/{}",
            file.strip_prefix(&root).unwrap().to_string_lossy()
        );
        let (found, seen) = parse_text(&relative, &std::fs::read_to_string(&file).unwrap());
        routes.extend(found);
        occurrences += seen;
    }
    (routes, occurrences)
}

/// The `.route(` calls of one file's text, and how many `.route(` it has
/// outside comments. Panics on anything it cannot read.
pub fn parse_text(file: &str, text: &str) -> (Vec<ParsedRoute>, usize) {
    let text = strip_line_comments(text);
    let occurrences = text.matches(".route(").count();
    check_other_adders(file, &text);
    let mut routes = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(".route(") {
        let start = from + found + ".route(".len();
        let line = text[..start].lines().count();
        let (route, end) = parse_route_call(&text, start)
            .unwrap_or_else(|why| panic!("{file}:{line}: cannot parse `.route(`: {why}"));
        routes.push(ParsedRoute {
            file: file.to_owned(),
            line,
            path: route.0,
            methods: route.1,
        });
        from = end;
    }
    (routes, occurrences)
}

fn check_other_adders(file: &str, text: &str) {
    for adder in OTHER_ROUTE_ADDERS {
        let mut from = 0;
        while let Some(found) = text[from..].find(adder) {
            let at = from + found;
            from = at + adder.len();
            // `any(` / `on(` only as free functions (not `company(` or
            // `Iterator::any`).
            let before = text[..at].chars().next_back().unwrap_or(' ');
            if !adder.starts_with('.')
                && (before.is_alphanumeric() || before == '_' || before == '.')
            {
                continue;
            }
            let known = KNOWN_MOUNTS
                .iter()
                .any(|(f, call, _)| *f == file && call == adder);
            // Plain functions named `on`/`any` in unrelated code are not
            // router calls; only flag them in files that build routers.
            let builds_router = text.contains("Router::new()");
            if !known && (adder.starts_with('.') || builds_router) {
                let line = text[..at].lines().count();
                panic!(
                    "{file}:{line}: `{adder}` adds routes the walk does not know; \
                     teach tests/it/common/routes.rs about it"
                );
            }
        }
    }
}

/// Parses `"path", method_router)` from `start` (just after `.route(`).
/// Returns ((path, methods), index after the closing parenthesis).
fn parse_route_call(text: &str, start: usize) -> Result<((String, Vec<String>), usize), String> {
    let bytes = text.as_bytes();
    let mut i = start;
    while bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    if bytes[i] != b'"' {
        return Err("the path is not a string literal".into());
    }
    let path_end = text[i + 1..].find('"').ok_or("unterminated path")? + i + 1;
    let path = text[i + 1..path_end].to_owned();
    if path.contains('\\') || !path.starts_with('/') {
        return Err(format!("unexpected path literal {path:?}"));
    }
    i = path_end + 1;
    while bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    if bytes[i] != b',' {
        return Err("no comma after the path".into());
    }
    i += 1;
    // The method router: identifiers at depth 0 followed by `(` are calls
    // of the chain; everything inside their parentheses is skipped.
    let mut methods = Vec::new();
    let mut depth = 0usize;
    let mut ident = String::new();
    let mut in_string = false;
    loop {
        let c = *bytes.get(i).ok_or("unterminated .route(")? as char;
        if in_string {
            if c == '\\' {
                i += 1;
            } else if c == '"' {
                in_string = false;
            }
            i += 1;
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' => {
                if depth == 0 {
                    let name = std::mem::take(&mut ident);
                    let name = name.rsplit("::").next().unwrap_or("").to_owned();
                    if let Some((_, method)) = METHOD_FUNCTIONS.iter().find(|(f, _)| *f == name) {
                        methods.push(method.to_string());
                    } else if !NEUTRAL_CALLS.contains(&name.as_str()) {
                        return Err(format!("unknown call `{name}(` in the method router"));
                    }
                }
                depth += 1;
            }
            ')' => {
                if depth == 0 {
                    if methods.is_empty() {
                        return Err("no method in the method router".into());
                    }
                    return Ok(((path, methods), i + 1));
                }
                depth -= 1;
            }
            c if depth == 0 && (c.is_alphanumeric() || c == '_' || c == ':') => ident.push(c),
            c if depth == 0 && (c == '.' || c.is_whitespace() || c == ',') => ident.clear(),
            _ => {
                if depth == 0 {
                    return Err(format!("unexpected `{c}` in the method router"));
                }
            }
        }
        i += 1;
    }
}

/// The pattern with every parameter replaced by `value(name)`.
pub fn fill(pattern: &str, mut value: impl FnMut(&str) -> String) -> String {
    pattern
        .split('/')
        .map(
            |segment| match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) => value(name),
                None => segment.to_owned(),
            },
        )
        .collect::<Vec<_>>()
        .join("/")
}
