//! The house layering (ARCHITECTURE.md), checked on the source itself so a
//! slip fails the suite instead of waiting for a review:
//!
//! 1. The foundation (`clock`, `config`, `text`, `i18n`, `db`, `web`) uses no
//!    feature: features build on it, never the other way round.
//! 2. A feature never uses another feature's `routes`: what two features
//!    share lives outside `routes` (a store, a policy, a lookup).
//! 3. No source file grows past 500 lines, except today's large files listed
//!    in `LARGE_FILES`, which may only shrink.
//!
//! Plain Rust reading `src/`: the checkers take a file's text, so the unit
//! tests at the bottom prove each rule catches what it is meant to.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The modules every feature builds on.
const FOUNDATION: &[&str] = &["clock", "config", "text", "i18n", "db", "web"];

/// The modules that assemble the application (and so may use any feature,
/// routes included): neither foundation nor feature.
const COMPOSITION: &[&str] = &["app", "cli", "scheduler", "seed", "server"];

/// The longest a source file may be.
const MAX_LINES: usize = 500;

/// Today's files over `MAX_LINES`, with their line counts when this test was
/// written. The list may only shrink: a listed file may not grow past its
/// count, and an entry must go once its file is split below the limit.
const LARGE_FILES: &[(&str, usize)] = &[
    // The service-map import: parsing, checking and the report together.
    ("src/directory/transfer/import.rs", 904),
    // Library search: the query builder and its many tests.
    ("src/library/search.rs", 657),
    // The private PostgreSQL cluster: start, join, stop and their tests.
    ("src/db/embedded.rs", 645),
    // Personal-data patterns and de-identification, each with a long
    // table of test cases.
    ("src/text/personal_data.rs", 606),
    ("src/text/deident.rs", 531),
    // iCalendar output with its RFC 5545 folding and escaping tests.
    ("src/events/ics.rs", 524),
];

/// A broken rule: where and which.
#[derive(Debug, PartialEq, Eq)]
struct Violation {
    file: String,
    line: usize,
    rule: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.rule)
    }
}

/// The top-level modules `src/lib.rs` declares that are features: all but
/// the foundation and the composition.
fn features(lib_rs: &str) -> Vec<String> {
    lib_rs
        .lines()
        .filter_map(|line| line.trim().strip_prefix("pub mod "))
        .filter_map(|rest| rest.strip_suffix(';'))
        .filter(|name| !FOUNDATION.contains(name) && !COMPOSITION.contains(name))
        .map(str::to_owned)
        .collect()
}

/// The text with `//` comments blanked out (same length, same lines), so a
/// module doc that names a feature is not an import.
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => {
                format!("{}{}", &line[..at], " ".repeat(line.len() - at))
            }
            _ => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path the code names after `crate::`, with the line it starts on:
/// `crate::a::b::c` gives `a::b::c`, and a use tree
/// `crate::a::{b::c, d}` gives `a::b::c` and `a::d`.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let code = without_comments(text);
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("crate::") {
        let start = from + at;
        from = start + "crate::".len();
        // `kolega_crate::x` or `mycrate::x` are not ours.
        let before = code[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let line = code[..start].matches('\n').count() + 1;
        for path in use_tree(&code[from..], "") {
            found.push((line, path));
        }
    }
    found
}

/// The paths of one use tree at the start of `rest`, each after `prefix`.
fn use_tree(rest: &str, prefix: &str) -> Vec<String> {
    let rest = rest.trim_start();
    if let Some(inner) = rest.strip_prefix('{') {
        return split_top_level(group_body(inner))
            .into_iter()
            .flat_map(|item| use_tree(item, prefix))
            .collect();
    }
    let ident: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if ident.is_empty() {
        return if prefix.is_empty() {
            Vec::new()
        } else {
            vec![prefix.to_owned()]
        };
    }
    let path = if prefix.is_empty() {
        ident.clone()
    } else {
        format!("{prefix}::{ident}")
    };
    match rest[ident.len()..].trim_start().strip_prefix("::") {
        Some(after) => use_tree(after, &path),
        None => vec![path],
    }
}

/// The text up to the `}` that closes a group already opened.
fn group_body(inner: &str) -> &str {
    let mut depth = 0;
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return &inner[..i],
            '}' => depth -= 1,
            _ => {}
        }
    }
    inner
}

/// A group's items, split on the commas outside nested groups.
fn split_top_level(body: &str) -> Vec<&str> {
    let (mut items, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in body.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&body[start..]);
    items.into_iter().filter(|i| !i.trim().is_empty()).collect()
}

/// The top-level module a file under `src/` belongs to
/// (`src/web/page.rs` → `web`, `src/config.rs` → `config`).
fn module_of(relative: &str) -> Option<&str> {
    let rest = relative.strip_prefix("src/")?;
    let first = rest.split('/').next()?;
    Some(first.strip_suffix(".rs").unwrap_or(first))
}

/// Rule 1: a foundation file naming a feature.
fn foundation_violations(file: &str, text: &str, features: &[String]) -> Vec<Violation> {
    crate_paths(text)
        .into_iter()
        .filter_map(|(line, path)| {
            let first = path.split("::").next()?;
            features.iter().any(|f| f == first).then(|| Violation {
                file: file.to_owned(),
                line,
                rule: format!(
                    "the foundation uses the feature `{first}` (crate::{path}); \
                     move the shared piece into the foundation or let the app pass it in"
                ),
            })
        })
        .collect()
}

/// Rule 2: a file of feature `own` naming another feature's `routes`.
fn routes_violations(file: &str, own: &str, text: &str, features: &[String]) -> Vec<Violation> {
    crate_paths(text)
        .into_iter()
        .filter_map(|(line, path)| {
            let mut segments = path.split("::");
            let (first, second) = (segments.next()?, segments.next()?);
            (first != own && second == "routes" && features.iter().any(|f| f == first)).then(|| {
                Violation {
                    file: file.to_owned(),
                    line,
                    rule: format!(
                        "the feature `{own}` uses another feature's routes (crate::{path}); \
                         move what they share out of `{first}::routes`"
                    ),
                }
            })
        })
        .collect()
}

/// Rule 3: a file over the limit, unless allow-listed and not grown.
fn size_violation(file: &str, lines: usize, allowed: &[(&str, usize)]) -> Option<Violation> {
    let rule = match allowed.iter().find(|(name, _)| *name == file) {
        Some((_, max)) if lines > *max => format!(
            "{lines} lines, more than the {max} it is allowed in LARGE_FILES: split it instead"
        ),
        Some(_) => return None,
        None if lines > MAX_LINES => format!(
            "{lines} lines, over the {MAX_LINES}-line limit for a source file: split it by purpose"
        ),
        None => return None,
    };
    Some(Violation {
        file: file.to_owned(),
        line: lines,
        rule,
    })
}

/// Every `.rs` file under `dir`, as paths relative to the crate root.
fn rust_files(root: &Path, dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(root, &path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path.strip_prefix(root).unwrap().to_owned());
        }
    }
}

#[test]
fn the_source_keeps_its_layers_and_sizes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let features = features(&fs::read_to_string(root.join("src/lib.rs")).unwrap());
    assert!(
        features.iter().any(|f| f == "members"),
        "features read from src/lib.rs: {features:?}"
    );
    let mut files = Vec::new();
    rust_files(root, &root.join("src"), &mut files);
    files.sort();
    let mut violations = Vec::new();
    let mut seen = BTreeSet::new();
    for file in &files {
        let name = file.to_string_lossy().replace('\\', "/");
        let text = fs::read_to_string(root.join(file)).unwrap();
        seen.insert(name.clone());
        match module_of(&name) {
            Some(module) if FOUNDATION.contains(&module) => {
                violations.extend(foundation_violations(&name, &text, &features));
            }
            Some(module) if features.iter().any(|f| f == module) => {
                violations.extend(routes_violations(&name, module, &text, &features));
            }
            _ => {}
        }
        violations.extend(size_violation(&name, text.lines().count(), LARGE_FILES));
    }
    for (name, _) in LARGE_FILES {
        let text = fs::read_to_string(root.join(name)).unwrap_or_default();
        if !seen.contains(*name) || text.lines().count() <= MAX_LINES {
            violations.push(Violation {
                file: (*name).to_owned(),
                line: 0,
                rule: "listed in LARGE_FILES but no longer over the limit: remove the entry"
                    .to_owned(),
            });
        }
    }
    assert!(
        violations.is_empty(),
        "the source breaks the house layering (tests/it/architecture.rs):\n{}",
        violations
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

fn sample_features() -> Vec<String> {
    features("pub mod app;\npub mod web;\npub mod groups;\npub mod events;\npub mod members;\n")
}

#[test]
fn features_are_the_declared_modules_outside_the_foundation_and_the_app() {
    assert_eq!(sample_features(), ["groups", "events", "members"]);
}

#[test]
fn paths_are_read_from_plain_paths_and_use_trees() {
    let text = "use crate::web::Page;\nuse crate::{groups::{routes::visible, store}, i18n};\n\
                let x = crate::events::times::span(a);\n// crate::members::x in a comment\n\
                use kolega_crate::members;";
    let paths: Vec<(usize, String)> = crate_paths(text);
    assert_eq!(
        paths,
        [
            (1, "web::Page".to_owned()),
            (2, "groups::routes::visible".to_owned()),
            (2, "groups::store".to_owned()),
            (2, "i18n".to_owned()),
            (3, "events::times::span".to_owned()),
        ]
    );
}

#[test]
fn a_foundation_file_using_a_feature_is_caught_with_file_and_line() {
    let features = sample_features();
    let text = "use crate::i18n::Locale;\nuse crate::members::presence::OnlineCounts;\n\
                fn f() { crate::events::times::span(); }\nuse crate::app::AppState;\n";
    let found = foundation_violations("src/web/page.rs", text, &features);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        (found[0].file.as_str(), found[0].line),
        ("src/web/page.rs", 2)
    );
    assert!(
        found[0]
            .rule
            .contains("the foundation uses the feature `members`")
    );
    assert_eq!(found[1].line, 3);
    assert!(found[1].rule.contains("`events`"));
    assert!(foundation_violations("src/web/page.rs", "use crate::i18n::t;", &features).is_empty());
}

#[test]
fn a_feature_using_another_features_routes_is_caught() {
    let features = sample_features();
    let text = "use crate::groups::store;\nuse crate::events::routes::helper;\n\
                use crate::groups::{lookup, routes::x};\nuse super::routes::Form;\n";
    let found = routes_violations("src/groups/views.rs", "groups", text, &features);
    assert_eq!(
        found.iter().map(|v| v.line).collect::<Vec<_>>(),
        [2],
        "its own routes are its own, events' are not: {found:?}"
    );
    let found = routes_violations("src/events/x.rs", "events", text, &features);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].line, 3);
    assert!(
        found[0]
            .rule
            .contains("the feature `events` uses another feature's routes")
    );
    let found = routes_violations("src/members/x.rs", "members", text, &features);
    assert_eq!(
        found.iter().map(|v| v.line).collect::<Vec<_>>(),
        [2, 3],
        "{found:?}"
    );
}

#[test]
fn a_long_file_is_caught_unless_listed_and_not_grown() {
    let allowed = [("src/big.rs", 700)];
    assert_eq!(size_violation("src/small.rs", 500, &allowed), None);
    let new = size_violation("src/small.rs", 501, &allowed).expect("a new long file fails");
    assert_eq!(new.file, "src/small.rs");
    assert!(new.rule.contains("over the 500-line limit"));
    assert_eq!(size_violation("src/big.rs", 700, &allowed), None);
    let grown = size_violation("src/big.rs", 701, &allowed).expect("a listed file may not grow");
    assert!(grown.rule.contains("more than the 700 it is allowed"));
}

#[test]
fn files_belong_to_their_top_level_module() {
    assert_eq!(module_of("src/web/page.rs"), Some("web"));
    assert_eq!(module_of("src/config.rs"), Some("config"));
    assert_eq!(module_of("src/config/s3.rs"), Some("config"));
    assert_eq!(module_of("src/groups/routes/mod.rs"), Some("groups"));
}
