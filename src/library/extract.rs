//! Text of library files, extracted in the background and indexed with the
//! record, so a word inside a PDF finds it. The work is done by separate,
//! well-tried programs — `pdftotext` (poppler-utils) for PDF, `unzip` for
//! the ZIP-based DOCX, PPTX and ODT — each in its own process with a time
//! limit, so a hostile or broken file can neither crash nor stall Kolega.
//! Without them files are still stored and found by their records; the
//! log says what to install.

mod bounded_tool;
mod office_xml;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::PgPool;
use uuid::Uuid;

use super::files::{DOCX, FileStore, ODT, PDF, PPTX};
use crate::text::search::normalize;
use office_xml::office_text;

/// Files handled per run of the job.
const BATCH: i64 = 5;
/// More text than this adds nothing to finding a document.
const MAX_TEXT_BYTES: usize = 1024 * 1024;
/// The most of a Word, PowerPoint or OpenDocument XML part read: markup
/// around the text is several times its size, so this still yields about
/// the text limit, while a file that unpacks to gigabytes is cut here.
const MAX_XML_BYTES: usize = 16 * 1024 * 1024;
const TOOL_TIME_LIMIT: Duration = Duration::from_secs(60);

static WARNED_MISSING_TOOL: AtomicBool = AtomicBool::new(false);

/// Extracts and indexes the text of files not yet done; returns how many.
pub async fn extract_pending(
    pool: &PgPool,
    store: &FileStore,
    now: DateTime<Utc>,
) -> anyhow::Result<usize> {
    let pending: Vec<(Uuid, String, String)> = sqlx::query_as(
        "SELECT r.resource_id, f.storage_key, f.content_type FROM resources r JOIN stored_files f USING (file_id)
         WHERE r.text_extracted_at IS NULL ORDER BY r.created_at LIMIT $1",
    )
    .bind(BATCH)
    .fetch_all(pool)
    .await?;
    let mut done = 0;
    for (resource_id, key, content_type) in pending {
        let copy = match store.local_copy(&key).await {
            Ok(copy) => copy,
            Err(error) => {
                // Tried again at the next turn (a bucket briefly away).
                tracing::warn!(%error, %resource_id, "a library file could not be read for its text");
                continue;
            }
        };
        let text = match extract(copy.path(), &content_type).await {
            Extracted::Text(text) => text,
            Extracted::Unreadable => String::new(),
            Extracted::ToolMissing(tool) => {
                if !WARNED_MISSING_TOOL.swap(true, Ordering::Relaxed) {
                    tracing::warn!(
                        tool,
                        "library files are stored but their text is not searchable: install poppler-utils and unzip"
                    );
                }
                continue;
            }
        };
        save(pool, resource_id, &text, now).await?;
        done += 1;
    }
    Ok(done)
}

enum Extracted {
    Text(String),
    /// The tool ran but could not read the file: stored, not searchable.
    Unreadable,
    ToolMissing(&'static str),
}

async fn extract(path: &Path, content_type: &str) -> Extracted {
    let path = path.to_string_lossy().into_owned();
    let (tool, args, xml): (&'static str, Vec<String>, bool) = match content_type {
        PDF => (
            "pdftotext",
            vec!["-q".into(), "-enc".into(), "UTF-8".into(), path, "-".into()],
            false,
        ),
        DOCX => (
            "unzip",
            vec!["-p".into(), path, "word/document.xml".into()],
            true,
        ),
        // Every slide, one XML document after another.
        PPTX => (
            "unzip",
            vec!["-p".into(), path, "ppt/slides/*.xml".into()],
            true,
        ),
        ODT => ("unzip", vec!["-p".into(), path, "content.xml".into()], true),
        _ => return Extracted::Unreadable,
    };
    // pdftotext prints the text itself; an XML part is markup around it.
    let max_output = if xml { MAX_XML_BYTES } else { MAX_TEXT_BYTES };
    // Output cut at its limit is kept, not refused: its beginning is the
    // beginning of the document, so a long book stays findable by its
    // first chapters, while a bomb's filler costs only the bounded buffer.
    let printed = match bounded_tool::run(tool, &args, max_output, TOOL_TIME_LIMIT).await {
        Ok(printed) => printed,
        Err(bounded_tool::Failure::Missing) => return Extracted::ToolMissing(tool),
        Err(bounded_tool::Failure::Failed) => return Extracted::Unreadable,
    };
    let bytes = whole_characters(&printed.bytes);
    let text = String::from_utf8_lossy(bytes);
    if xml {
        Extracted::Text(office_text(&text, MAX_TEXT_BYTES))
    } else {
        // PostgreSQL text holds no NUL; lossy decoding may have grown it.
        let mut text = text.replace('\0', " ");
        let mut end = text.len().min(MAX_TEXT_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        Extracted::Text(text)
    }
}

/// Without a UTF-8 sequence cut in two at the end of output cut short.
fn whole_characters(bytes: &[u8]) -> &[u8] {
    match std::str::from_utf8(bytes) {
        Err(error) if error.error_len().is_none() => &bytes[..error.valid_up_to()],
        _ => bytes,
    }
}

/// Stores the text and re-indexes the record with it.
async fn save(
    pool: &PgPool,
    resource_id: Uuid,
    text: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let (title, summary, authors, source): (String, String, String, String) = sqlx::query_as(
        "SELECT title, summary, authors, source_org FROM resources WHERE resource_id = $1",
    )
    .bind(resource_id)
    .fetch_one(pool)
    .await?;
    let document = normalize(&format!("{title} {summary} {authors} {source} {text}"));
    sqlx::query(
        "UPDATE resources SET extracted_text = $2, text_extracted_at = $3, search = to_tsvector('simple', $4)
         WHERE resource_id = $1",
    )
    .bind(resource_id)
    .bind(text)
    .bind(now)
    .bind(document)
    .execute(pool)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_cut_inside_a_character_drops_only_that_character() {
        let word = "Zaštita".as_bytes();
        assert_eq!(whole_characters(&word[..3]), b"Za");
        assert_eq!(whole_characters(word), word);
        assert_eq!(
            whole_characters(b"a\xffb"),
            b"a\xffb",
            "bad bytes inside stay for lossy decoding"
        );
    }
}
