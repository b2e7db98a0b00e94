//! Helpers for service-map tests: services written straight through the
//! store (fast, with known places), and a record as the web form posts it.

use chrono::{DateTime, Utc};
use kolega::directory::store::{self, Provenance, ServiceInput};
use uuid::Uuid;

use super::TestApp;

/// A minimal valid record in the given municipality.
pub fn service(name: &str, kind: &str, groups: &[&str], municipality_id: i32) -> ServiceInput {
    ServiceInput {
        organization_name: format!("Organizacija: {name}"),
        name: name.to_owned(),
        kind: kind.to_owned(),
        target_groups: groups.iter().map(|g| g.to_string()).collect(),
        languages: vec!["sr".into()],
        phone: "+381 11 000 0001".into(),
        municipality_id,
        ..ServiceInput::default()
    }
}

/// The record's fields as the form posts them (repeated names for lists).
pub fn form_fields(input: &ServiceInput) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = [
        ("organization_name", &input.organization_name),
        ("organization_website", &input.organization_website),
        ("organization_email", &input.organization_email),
        ("organization_phone", &input.organization_phone),
        ("name", &input.name),
        ("description", &input.description),
        ("kind", &input.kind),
        ("eligibility", &input.eligibility),
        ("fees", &input.fees),
        ("hours", &input.hours),
        ("email", &input.email),
        ("phone", &input.phone),
        ("url", &input.url),
        ("address", &input.address),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.clone()))
    .collect();
    fields.push(("municipality".into(), input.municipality_id.to_string()));
    for group in &input.target_groups {
        fields.push(("target_groups".into(), group.clone()));
    }
    for language in &input.languages {
        fields.push(("languages".into(), language.clone()));
    }
    if input.address_confidential {
        fields.push(("address_confidential".into(), "true".into()));
    }
    fields
}

impl TestApp {
    pub async fn municipality(&self, country: &str, name: &str) -> i32 {
        sqlx::query_scalar(
            "SELECT municipality_id FROM municipalities WHERE country_code = $1 AND name = $2",
        )
        .bind(country)
        .bind(name)
        .fetch_one(&self.pool)
        .await
        .unwrap_or_else(|_| panic!("{name} ({country}) is in the reference data"))
    }

    /// A published service, last verified at `verified_at`.
    pub async fn add_service(
        &self,
        input: &ServiceInput,
        verified_at: Option<DateTime<Utc>>,
    ) -> Uuid {
        let mut tx = self.pool.begin().await.unwrap();
        let provenance = Provenance {
            last_verified_at: verified_at,
            ..Provenance::default()
        };
        let id = store::create(&mut tx, input, &provenance, self.clock.now())
            .await
            .unwrap();
        tx.commit().await.unwrap();
        id
    }

    /// Posts `fields` and the session's CSRF token to `action`.
    pub async fn post_fields(
        &self,
        action: &str,
        fields: &[(String, String)],
    ) -> super::TestResponse {
        if self.csrf_token().is_none() {
            self.get("/").await;
        }
        let mut pairs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let token = self.csrf_token().expect("a CSRF token after a page");
        pairs.push(("csrf_token", &token));
        self.post_form(action, &pairs).await
    }
}
