//! Gathering a member's data from every feature, and packing it.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Belgrade;
use serde_json::{Value, json};
use sqlx::PgConnection;
use uuid::Uuid;

use super::{page, zip::ZipWriter};
use crate::i18n::Locale;
use crate::{courses, directory, events, groups, library, members, support};

/// Names the structure of `data.json`; raised when a field changes meaning.
pub const FORMAT: &str = "kolega-member-export-2";

/// Everything Kolega keeps about the member, as `data.json` holds it. The
/// caller reads it in one snapshot (a repeatable-read transaction), so the
/// parts agree with each other.
pub async fn gather(
    conn: &mut PgConnection,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<Value> {
    let mut data = members::lifecycle::export(conn, user_id).await?;
    let parts = [
        (
            "groups",
            groups::member_data::export_for_member(conn, user_id).await?,
        ),
        (
            "events",
            events::member_data::export_for_member(conn, user_id).await?,
        ),
        (
            "support",
            support::member_data::export_for_member(conn, user_id).await?,
        ),
        (
            "courses",
            courses::member_data::export_for_member(conn, user_id).await?,
        ),
        (
            "library",
            library::member_data::export_for_member(conn, user_id).await?,
        ),
        (
            "service_map",
            directory::member_data::export_for_member(conn, user_id).await?,
        ),
    ];
    data["format"] = json!(FORMAT);
    data["exported_at"] = json!(now);
    for (key, part) in parts {
        data[key] = part;
    }
    Ok(data)
}

/// The archive a member downloads: `data.json` for programs, `index.html`
/// for her, both of the same data.
pub struct Archive {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

pub fn pack(
    data: &Value,
    locale: Locale,
    name: &str,
    handle: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<Archive> {
    let local = now.with_timezone(&Belgrade).naive_local();
    let mut zip = ZipWriter::new(local);
    zip.add("data.json", serde_json::to_string_pretty(data)?.as_bytes())?;
    zip.add(
        "index.html",
        page::render(data, locale, name, now)?.as_bytes(),
    )?;
    // Handles are slugs already; the filter keeps the header safe anyway.
    let handle: String = handle
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    Ok(Archive {
        file_name: format!("kolega-{handle}-{}.zip", local.format("%Y-%m-%d")),
        bytes: zip.finish()?,
    })
}
