//! How well the case-form de-identification (src/text/deident.rs) does on
//! realistic text: case dilemmas with identifying data marked ⟦like this⟧
//! (tests/fixtures/deident/identifying.txt) and ordinary professional
//! paragraphs without any (clean.txt). Prints the rates and asserts floors
//! set from what was measured, so a change that makes it worse fails.

use std::ops::Range;

use kolega::text::deident::find;

/// The blocks of a fixture file, without its comment lines.
fn blocks(file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(format!("tests/fixtures/deident/{file}")).unwrap();
    let mut blocks = vec![String::new()];
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        if line.trim() == "---" {
            blocks.push(String::new());
        } else {
            let block = blocks.last_mut().unwrap();
            block.push_str(line);
            block.push('\n');
        }
    }
    blocks
        .into_iter()
        .map(|b| b.trim().to_owned())
        .filter(|b| !b.is_empty())
        .collect()
}

/// The text without its markers, and the marked ranges in it.
fn unmark(marked: &str) -> (String, Vec<Range<usize>>) {
    let mut text = String::new();
    let mut expected = Vec::new();
    let mut open = None;
    for c in marked.chars() {
        match c {
            '⟦' => open = Some(text.len()),
            '⟧' => expected.push(open.take().expect("a ⟧ after its ⟦")..text.len()),
            _ => text.push(c),
        }
    }
    assert!(open.is_none(), "unclosed ⟦ in {marked:?}");
    (text, expected)
}

#[test]
fn identifying_data_is_found_and_ordinary_text_is_left_alone() {
    let cases = blocks("identifying.txt");
    let clean = blocks("clean.txt");
    assert!(cases.len() >= 30 && clean.len() >= 40);

    let (mut expected_total, mut found, mut extra) = (0, 0, 0);
    for marked in &cases {
        let (text, expected) = unmark(marked);
        assert!(!expected.is_empty(), "nothing marked in {marked:?}");
        let spans = find(&text);
        for want in &expected {
            expected_total += 1;
            // Found: one span covers all of it (it may say a little more).
            if spans
                .iter()
                .any(|s| s.range.start <= want.start && want.end <= s.range.end)
            {
                found += 1;
            } else {
                println!("missed {:?} in {text:?}", &text[want.clone()]);
            }
        }
        for span in &spans {
            if !expected
                .iter()
                .any(|want| span.range.start < want.end && want.start < span.range.end)
            {
                extra += 1;
                println!("extra {:?} in {text:?}", &text[span.range.clone()]);
            }
        }
    }
    let mut flagged = 0;
    for text in &clean {
        let spans = find(text);
        if !spans.is_empty() {
            flagged += 1;
            let shown: Vec<&str> = spans.iter().map(|s| &text[s.range.clone()]).collect();
            println!("false alarm {shown:?} in {text:?}");
        }
    }
    let detection = found as f64 / expected_total as f64;
    let false_alarms = flagged as f64 / clean.len() as f64;
    println!(
        "de-identification: {found}/{expected_total} identifying spans found ({:.1} %), \
         {extra} extra spans in the dilemmas, {flagged}/{} clean paragraphs flagged ({:.1} %)",
        detection * 100.0,
        clean.len(),
        false_alarms * 100.0
    );
    assert!(detection >= 0.95, "detection rate {detection}");
    assert!(false_alarms <= 0.05, "false-alarm rate {false_alarms}");
}
