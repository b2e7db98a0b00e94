//! Any bytes that are UTF-8 → `render` → HTML with no executable construct
//! (the same check as the property tests in tests/it/properties.rs).

#![no_main]

use libfuzzer_sys::fuzz_target;

/// The sanitiser itself, compiled from the main crate's source.
#[allow(dead_code)]
#[path = "../../src/text/markdown.rs"]
mod markdown;

/// The same-site rule the sanitiser's image check uses (`super::site_path`
/// from the sanitiser's point of view).
#[path = "../../src/text/site_path.rs"]
mod site_path;

#[path = "../safe_html.rs"]
mod safe_html;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let html = markdown::render(text);
    if let Err(why) = safe_html::check(&html) {
        panic!("{why}\n  input: {text:?}\n  html: {html:?}");
    }
    // Rendered HTML pasted back in is rendered safely too.
    let again = markdown::render(&html);
    if let Err(why) = safe_html::check(&again) {
        panic!("{why} (rendered twice)\n  input: {html:?}\n  html: {again:?}");
    }
});
