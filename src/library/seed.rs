//! Demo library for `kolega seed-demo`: the forty believable resources of
//! `content/demo/library.json` in Serbian, Montenegrin, English and
//! Macedonian, most with a small generated PDF whose text is then
//! extracted and indexed like any upload. A title already in the library
//! is left out, so running it twice adds nothing.

use chrono::{Duration, Utc};
use serde::Deserialize;
use sqlx::PgPool;

use super::files::FileStore;
use super::store::{self, ResourceInput};
use super::vocabulary::{ResourceKind, ResourceStatus};
use crate::members::store::find_user_by_email;

/// The demo resources, compiled in: the binary seeds without the repository.
pub const LIBRARY_JSON: &str = include_str!("../../content/demo/library.json");

/// One resource of the file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoResource {
    pub title: String,
    pub kind: ResourceKind,
    pub topic: String,
    pub language: String,
    pub audience: String,
    /// Who published it.
    pub source: String,
    pub year: i32,
    /// The summary and the text of its PDF; empty for a link.
    pub text: String,
}

/// The resources of `content/demo/library.json`.
pub fn resources() -> serde_json::Result<Vec<DemoResource>> {
    serde_json::from_str(LIBRARY_JSON)
}

/// Seeds the demo library; returns how many resources it created. Each
/// is published by the moderator, one a day up to yesterday, in the order
/// of the file.
pub async fn seed(pool: &PgPool, files: &FileStore) -> anyhow::Result<usize> {
    let Some(moderator) = find_user_by_email(pool, "milica.jovanovic@kolega.example").await? else {
        return Ok(0);
    };
    let resources = resources()?;
    let mut created = 0;
    for (n, demo) in resources.iter().enumerate() {
        let exists: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM resources WHERE title = $1)")
                .bind(&demo.title)
                .fetch_one(pool)
                .await?;
        if exists {
            continue;
        }
        let now = Utc::now() - Duration::days(resources.len() as i64 - n as i64);
        let input = ResourceInput {
            title: demo.title.clone(),
            summary: demo.text.clone(),
            kind: demo.kind,
            topics: vec![demo.topic.clone()],
            language: demo.language.clone(),
            script: if demo.title.chars().any(|c| ('а'..='я').contains(&c)) {
                "cyrillic"
            } else {
                "latin"
            }
            .into(),
            audiences: vec![demo.audience.clone()],
            source_org: demo.source.clone(),
            authors: String::new(),
            year: Some(demo.year),
            licence: "sva prava zadržana, deli se uz dozvolu".into(),
            external_url: if demo.text.is_empty() {
                "https://kolega.example/resursi".into()
            } else {
                String::new()
            },
        };
        let mut tx = pool.begin().await?;
        let file_id = if demo.text.is_empty() {
            None
        } else {
            let saved = files
                .save_bytes(&pdf_with_text(&demo.text), &format!("{}.pdf", n + 1))
                .await?;
            Some(store::save_file(&mut tx, &saved, now).await?)
        };
        let id = store::create(&mut tx, &input, file_id, moderator.user_id, now).await?;
        store::set_status(
            &mut tx,
            id,
            &[ResourceStatus::Draft],
            ResourceStatus::Published,
            moderator.user_id,
            "",
            now,
        )
        .await?;
        tx.commit().await?;
        created += 1;
    }
    // Index the PDFs' text now rather than at the scheduler's next turn.
    while super::extract::extract_pending(pool, files, Utc::now()).await? > 0 {}
    Ok(created)
}

/// A one-page PDF with `text` (Latin letters without diacritics, which the
/// standard PDF fonts can show; search normalises alike anyway).
pub fn pdf_with_text(text: &str) -> Vec<u8> {
    let ascii: String = crate::text::search::normalize(text)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
        .collect();
    let content = format!("BT /F1 12 Tf 72 720 Td ({ascii}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}
