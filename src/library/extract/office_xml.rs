//! The words of a Word, PowerPoint or OpenDocument XML part, read with a
//! real XML parser. Word splits a paragraph into runs wherever formatting,
//! spell-checking or revision marks change — often inside a word
//! (`<w:t>Za</w:t></w:r><w:r><w:t>štita</w:t>`) — so runs are joined
//! without a space and only paragraphs, tabs and breaks separate words.
//! Elements are told by their namespace, not their prefix, so a file
//! written with other prefixes reads the same.

use quick_xml::NsReader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesRef, Event};
use quick_xml::name::ResolveResult;

const WORD: &[&str] = &[
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const DRAWING: &[&str] = &[
    "http://schemas.openxmlformats.org/drawingml/2006/main",
    "http://purl.oclc.org/ooxml/drawingml/main",
];
const OPEN_DOCUMENT_TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

/// What an element means for the text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// `w:t`, `a:t`: its characters are the document's text.
    Run,
    /// `text:p`, `text:h`: an OpenDocument paragraph, whose characters
    /// (inside spans, links…) are the text; ends with a space.
    OpenDocumentParagraph,
    /// `w:p`, `a:p`: ends with a space; its text is in its runs only (the
    /// rest is field codes, deleted text and layout whitespace).
    Paragraph,
    /// Tabs, line breaks and OpenDocument's spaces: a space.
    Gap,
    Other,
}

fn role(namespace: &ResolveResult<'_>, local: &str) -> Role {
    let ResolveResult::Bound(namespace) = namespace else {
        return Role::Other;
    };
    let namespace = namespace.0;
    if WORD.contains(&namespace) {
        match local {
            "t" => Role::Run,
            "p" => Role::Paragraph,
            "tab" | "br" | "cr" => Role::Gap,
            _ => Role::Other,
        }
    } else if DRAWING.contains(&namespace) {
        match local {
            "t" => Role::Run,
            "p" => Role::Paragraph,
            "br" => Role::Gap,
            _ => Role::Other,
        }
    } else if namespace == OPEN_DOCUMENT_TEXT {
        match local {
            "p" | "h" => Role::OpenDocumentParagraph,
            "s" | "tab" | "line-break" => Role::Gap,
            _ => Role::Other,
        }
    } else {
        Role::Other
    }
}

/// The text of `xml`, whitespace collapsed, at most `max_bytes` long.
/// `xml` may hold several documents one after another (the slides of a
/// presentation as `unzip -p` prints them) or end in the middle of one
/// (output cut at its limit): the text read until then is kept.
pub fn office_text(xml: &str, max_bytes: usize) -> String {
    let mut text = Text::new(max_bytes);
    let mut reader = NsReader::from_str(xml);
    // Slides follow one another; a closing tag that does not match stops
    // nothing that the parser can still read.
    reader.config_mut().check_end_names = false;
    // Characters count inside a run or an OpenDocument paragraph; nesting
    // is counted so an inner element's end does not end the outer one.
    let mut in_run = 0usize;
    let mut in_open_document_paragraph = 0usize;
    while !text.is_full() {
        let (namespace, event) = match reader.read_resolved_event() {
            Ok(resolved) => resolved,
            // Broken or cut-off XML: what was read is the text.
            Err(_) => break,
        };
        match event {
            Event::Start(element) => match role(&namespace, element.local_name().into_inner()) {
                Role::Run => in_run += 1,
                Role::OpenDocumentParagraph => in_open_document_paragraph += 1,
                Role::Gap => text.space(),
                Role::Paragraph | Role::Other => {}
            },
            Event::Empty(element) => match role(&namespace, element.local_name().into_inner()) {
                Role::Gap | Role::Paragraph | Role::OpenDocumentParagraph => text.space(),
                Role::Run | Role::Other => {}
            },
            Event::End(element) => match role(&namespace, element.local_name().into_inner()) {
                Role::Run => in_run = in_run.saturating_sub(1),
                Role::OpenDocumentParagraph => {
                    in_open_document_paragraph = in_open_document_paragraph.saturating_sub(1);
                    text.space();
                }
                Role::Paragraph => text.space(),
                Role::Gap | Role::Other => {}
            },
            Event::Text(characters) if in_run > 0 || in_open_document_paragraph > 0 => {
                text.push(&characters.xml10_content());
            }
            Event::CData(characters) if in_run > 0 || in_open_document_paragraph > 0 => {
                text.push(&characters);
            }
            Event::GeneralRef(reference) if in_run > 0 || in_open_document_paragraph > 0 => {
                if let Some(resolved) = resolve(&reference) {
                    text.push(&resolved);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    text.finish()
}

/// `&amp;`, `&#x161;`… as the characters they stand for (Office files
/// declare no other entities).
fn resolve(reference: &BytesRef<'_>) -> Option<String> {
    if let Ok(Some(character)) = reference.resolve_char_ref() {
        return Some(character.to_string());
    }
    resolve_predefined_entity(&reference.xml10_content()).map(str::to_owned)
}

/// The growing text: runs of whitespace become one space, and nothing is
/// added past the limit.
struct Text {
    text: String,
    max_bytes: usize,
    full: bool,
}

impl Text {
    fn new(max_bytes: usize) -> Text {
        Text {
            text: String::new(),
            max_bytes,
            full: false,
        }
    }

    fn is_full(&self) -> bool {
        self.full
    }

    fn space(&mut self) {
        self.push(" ");
    }

    fn push(&mut self, characters: &str) {
        for character in characters.chars() {
            // PostgreSQL text holds no NUL.
            let character = if character.is_whitespace() || character == '\0' {
                if self.text.is_empty() || self.text.ends_with(' ') {
                    continue;
                }
                ' '
            } else {
                character
            };
            if self.text.len() + character.len_utf8() > self.max_bytes {
                self.full = true;
                return;
            }
            self.text.push(character);
        }
    }

    fn finish(mut self) -> String {
        if self.text.ends_with(' ') {
            self.text.pop();
        }
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn word(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>{body}</w:body></w:document>"#
        )
    }

    #[test]
    fn runs_of_a_word_paragraph_join_into_whole_words() {
        let xml = word(
            r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Za</w:t></w:r><w:r><w:t>štita</w:t></w:r><w:r><w:t xml:space="preserve"> dece</w:t></w:r></w:p>
               <w:p><w:r><w:t>Podrška</w:t></w:r></w:p>"#,
        );
        assert_eq!(office_text(&xml, 1000), "Zaštita dece Podrška");
    }

    #[test]
    fn tabs_and_breaks_separate_words_and_entities_are_decoded() {
        let xml = word(
            r#"<w:p><w:r><w:t>Centar</w:t><w:tab/><w:t>za</w:t><w:br/><w:t>rad &amp; &lt;brigu&gt; &#x161;&#269;</w:t></w:r></w:p>"#,
        );
        assert_eq!(office_text(&xml, 1000), "Centar za rad & <brigu> šč");
    }

    #[test]
    fn field_codes_and_deleted_text_are_not_text() {
        let xml = word(
            r#"<w:p><w:r><w:instrText>HYPERLINK "http://x"</w:instrText></w:r><w:r><w:t>veza</w:t></w:r><w:del><w:r><w:delText>obrisano</w:delText></w:r></w:del></w:p>"#,
        );
        assert_eq!(office_text(&xml, 1000), "veza");
    }

    #[test]
    fn other_prefixes_for_the_same_namespace_read_the_same() {
        let xml = r#"<ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:p><ns0:r><ns0:t>Hranitelj</ns0:t></ns0:r><ns0:r><ns0:t>stvo</ns0:t></ns0:r></ns0:p></ns0:document>"#;
        assert_eq!(office_text(xml, 1000), "Hraniteljstvo");
    }

    #[test]
    fn opendocument_spans_join_and_spaces_tabs_breaks_separate() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>
<text:h text:outline-level="1">Nasi<text:span text:style-name="T1">lje</text:span></text:h>
<text:p>u<text:s text:c="2"/>porodici<text:tab/>i<text:line-break/>školi</text:p></office:text></office:body></office:document-content>"#;
        assert_eq!(office_text(xml, 1000), "Nasilje u porodici i školi");
    }

    #[test]
    fn slides_printed_one_after_another_are_all_read() {
        let slide = |words: &str| {
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>{words}</a:t></a:r><a:r><a:t>ka</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>"#
            )
        };
        let xml = format!("{}{}", slide("Supervizij"), slide("Prakti"));
        assert_eq!(office_text(&xml, 1000), "Supervizijka Praktika");
    }

    #[test]
    fn cut_off_xml_keeps_what_was_read_and_text_stops_at_its_limit() {
        let xml = word(
            "<w:p><w:r><w:t>Prvi deo.</w:t></w:r></w:p><w:p><w:r><w:t>Drugi pasus</w:t></w:r></w:p>",
        );
        let cut = &xml[..xml.find("sus").unwrap()];
        assert_eq!(office_text(cut, 1000), "Prvi deo. Drugi pa");
        let long = word(&"<w:p><w:r><w:t>šš</w:t></w:r></w:p>".repeat(1000));
        let text = office_text(&long, 101);
        assert!(text.len() <= 101, "{}", text.len());
        assert!(text.starts_with("šš šš"), "{text}");
    }

    #[test]
    fn text_outside_runs_and_undeclared_prefixes_are_not_text() {
        let xml = word("<w:p>\n   <w:r>\n <w:t>reč</w:t>\n </w:r>\n</w:p>");
        assert_eq!(office_text(&xml, 1000), "reč");
        assert_eq!(office_text("<x:t>ništa</x:t>", 1000), "");
        assert_eq!(office_text("not xml at all <<<", 1000), "");
    }
}
