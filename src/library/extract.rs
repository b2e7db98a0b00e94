//! Text of library files, extracted in the background and indexed with the
//! record, so a word inside a PDF finds it. The work is done by separate,
//! well-tried programs — `pdftotext` (poppler-utils) for PDF, `unzip` for
//! the ZIP-based DOCX, PPTX and ODT — each in its own process with a time
//! limit, so a hostile or broken file can neither crash nor stall Kolega.
//! Without them files are still stored and found by their records; the
//! log says what to install.

use std::path::Path;
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::PgPool;
use tokio::process::Command;
use uuid::Uuid;

use super::files::{DOCX, FileStore, ODT, PDF, PPTX};
use crate::text::search::normalize;

/// Files handled per run of the job.
const BATCH: i64 = 5;
/// More text than this adds nothing to finding a document.
const MAX_TEXT_BYTES: usize = 1024 * 1024;
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
        PPTX => (
            "unzip",
            vec!["-p".into(), path, "ppt/slides/*.xml".into()],
            true,
        ),
        ODT => ("unzip", vec!["-p".into(), path, "content.xml".into()], true),
        _ => return Extracted::Unreadable,
    };
    let child = Command::new(tool)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn();
    let child = match child {
        Ok(child) => child,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Extracted::ToolMissing(tool);
        }
        Err(_) => return Extracted::Unreadable,
    };
    let output = match tokio::time::timeout(TOOL_TIME_LIMIT, child.wait_with_output()).await {
        Ok(Ok(output)) if output.status.success() => output,
        _ => return Extracted::Unreadable,
    };
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    if xml {
        text = xml_text(&text);
    }
    if text.len() > MAX_TEXT_BYTES {
        let mut end = MAX_TEXT_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    Extracted::Text(text)
}

/// The text of an Office/OpenDocument XML part: tags dropped, paragraph
/// ends kept as spaces, the five XML entities decoded.
pub fn xml_text(xml: &str) -> String {
    let mut text = String::with_capacity(xml.len() / 2);
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
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
    fn office_xml_becomes_plain_text() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>Zaštita &amp; podrška</w:t></w:r></w:p><w:p><w:t>deci</w:t></w:p></w:body></w:document>"#;
        assert_eq!(xml_text(xml), "Zaštita & podrška deci");
    }
}
