//! Demo service map for `kolega seed-demo`: the services of
//! `content/demo/services.csv` (about 180 in fifteen places of Serbia,
//! Montenegro, Bosnia and Herzegovina and North Macedonia; big cities have
//! most kinds, small municipalities only a few, so the coverage table
//! shows real-looking gaps). Contacts are invented (numbers end in 00xx,
//! e-mail on example domains) and shelters' addresses are confidential.
//!
//! The file is in the import's own column set and goes through the same
//! import a moderator's upload does (read, check against the directory,
//! write), so seeding also exercises it. What a file cannot say is set
//! after the import: the moderator checked every entry, on dates spread
//! over the last eighteen months (so about a third are stale), and the
//! entries were added over the last 600 days. A record whose name is a
//! demo service in its municipality already is left out, so running it
//! twice adds nothing.

use chrono::{DateTime, Duration, Utc};
use sqlx::PgPool;

use super::transfer::import;
use crate::members::store::find_user_by_email;

/// The demo services, compiled in: the binary seeds without the repository.
pub const SERVICES_CSV: &str = include_str!("../../content/demo/services.csv");

/// Who verified the demo entries.
const MODERATOR: &str = "milica.jovanovic@kolega.example";

/// Seeds the demo services; returns how many it created.
pub async fn seed(pool: &PgPool) -> anyhow::Result<usize> {
    let verified_by = find_user_by_email(pool, MODERATOR)
        .await?
        .map(|u| u.user_id);
    let now = Utc::now();
    let mut tx = pool.begin().await?;
    let mut plan = import::plan(&mut tx, SERVICES_CSV).await?;
    if !plan.problems.is_empty() {
        anyhow::bail!("content/demo/services.csv: {:?}", plan.problems);
    }
    // The n-th record of the file (from 1) keeps its dates however many
    // of the others are there already.
    let mut new = Vec::new();
    for (n, record) in (1..).zip(plan.records) {
        let exists: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM services WHERE is_demo AND name = $1 AND municipality_id = $2)",
        )
        .bind(&record.input.name)
        .bind(record.input.municipality_id)
        .fetch_one(&mut *tx)
        .await?;
        if !exists {
            new.push((n, record));
        }
    }
    plan.records = new.iter().map(|(_, record)| record.clone()).collect();
    import::write(&mut tx, &plan, now).await?;
    for (n, record) in &new {
        sqlx::query(
            "UPDATE services SET last_verified_at = $3, last_verified_by = $4, created_at = $5, updated_at = $5
             WHERE is_demo AND name = $1 AND municipality_id = $2",
        )
        .bind(&record.input.name)
        .bind(record.input.municipality_id)
        .bind(verified_at(now, *n))
        .bind(verified_by)
        .bind(now - Duration::days(600 - n))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(new.len())
}

/// Spread over the last eighteen months, so about a third are stale.
fn verified_at(now: DateTime<Utc>, n: i64) -> DateTime<Utc> {
    now - Duration::days(5 + (n * 53) % 540)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::reference;
    use crate::directory::store::MunicipalityRow;

    /// The file passes every check of the import (the web form's rules
    /// included) against the compiled-in municipalities, as it must for
    /// `seed-demo` to write any of it.
    #[test]
    fn the_demo_file_imports_without_a_problem() {
        let municipalities = (1..)
            .zip(reference::municipalities())
            .map(|(id, m)| MunicipalityRow {
                municipality_id: id,
                country_code: m.country_code,
                region: m.region,
                name: m.name,
                name_cyrl: m.name_cyrl,
                latitude: m.latitude,
                longitude: m.longitude,
            })
            .collect();
        let context = import::Context {
            municipalities,
            ..import::Context::default()
        };
        let plan = import::check(import::parse(SERVICES_CSV), &context);
        assert_eq!(plan.problems, vec![]);
        assert_eq!(plan.records.len(), 174);
        assert!(plan.records.iter().all(|r| r.provenance.is_demo));
        let places: std::collections::HashSet<_> = plan
            .records
            .iter()
            .map(|r| r.input.municipality_id)
            .collect();
        assert_eq!(places.len(), 15);
        for record in &plan.records {
            let phone = &record.input.phone;
            assert!(
                phone.starts_with('+') && phone[phone.len() - 4..].starts_with("00"),
                "{phone}"
            );
        }
    }
}
