//! Services, their organizations and locations in PostgreSQL: one record,
//! creating and updating from a checked input, verification, and the
//! municipalities list.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::{PgConnection, PgExecutor, Row};
use uuid::Uuid;

use super::record;
use super::vocabulary::{ServiceKind, ServiceStatus};

/// A service with its organization and place, as pages show it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Service {
    pub service_id: Uuid,
    pub organization_id: Uuid,
    pub organization_name: String,
    pub organization_description: String,
    pub organization_website: String,
    pub organization_email: String,
    pub organization_phone: String,
    pub organization_legal_status: String,
    pub name: String,
    pub description: String,
    pub kind: ServiceKind,
    pub target_groups: Vec<String>,
    pub eligibility: String,
    pub fees: String,
    pub languages: Vec<String>,
    pub hours: String,
    pub application_process: String,
    pub email: String,
    pub phone: String,
    pub url: String,
    pub contact_name: String,
    pub location_id: Uuid,
    pub location_name: String,
    pub address: String,
    pub postal_code: String,
    pub municipality_id: i32,
    pub municipality_name: String,
    pub municipality_name_cyrl: String,
    pub region: String,
    pub country_code: String,
    pub address_confidential: bool,
    pub latitude: f64,
    pub longitude: f64,
    pub accessibility: String,
    pub status: ServiceStatus,
    pub is_demo: bool,
    pub last_verified_at: Option<DateTime<Utc>>,
    pub last_verified_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub const SERVICE_QUERY: &str = "SELECT s.service_id, s.organization_id, o.name AS organization_name,
    o.description AS organization_description, o.website AS organization_website,
    o.email AS organization_email, o.phone AS organization_phone, o.legal_status AS organization_legal_status,
    s.name, s.description, s.kind, s.target_groups, s.eligibility, s.fees, s.languages, s.hours,
    s.application_process, s.email, s.phone, s.url, s.contact_name, s.location_id, s.location_name,
    s.address, s.postal_code, s.municipality_id, m.name AS municipality_name,
    m.name_cyrl AS municipality_name_cyrl, m.region, m.country_code, s.address_confidential,
    s.latitude, s.longitude, s.accessibility, s.status, s.is_demo, s.last_verified_at,
    v.name AS last_verified_by_name, s.created_at, s.updated_at
    FROM services s
    JOIN organizations o USING (organization_id)
    JOIN municipalities m USING (municipality_id)
    LEFT JOIN users v ON v.user_id = s.last_verified_by";

/// Everything a service record is made of, checked (see `forms`). Also
/// the shape of a suggestion, kept as JSON until a moderator decides.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceInput {
    pub organization_name: String,
    pub organization_description: String,
    pub organization_website: String,
    pub organization_email: String,
    pub organization_phone: String,
    pub organization_legal_status: String,
    pub name: String,
    pub description: String,
    pub kind: String,
    pub target_groups: Vec<String>,
    pub eligibility: String,
    pub fees: String,
    pub languages: Vec<String>,
    pub hours: String,
    pub application_process: String,
    pub email: String,
    pub phone: String,
    pub url: String,
    pub contact_name: String,
    pub location_name: String,
    pub address: String,
    pub postal_code: String,
    pub municipality_id: i32,
    pub address_confidential: bool,
    /// `None`: the municipality's seat.
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub accessibility: String,
}

impl ServiceInput {
    pub fn from_service(service: &Service) -> ServiceInput {
        ServiceInput {
            organization_name: service.organization_name.clone(),
            organization_description: service.organization_description.clone(),
            organization_website: service.organization_website.clone(),
            organization_email: service.organization_email.clone(),
            organization_phone: service.organization_phone.clone(),
            organization_legal_status: service.organization_legal_status.clone(),
            name: service.name.clone(),
            description: service.description.clone(),
            kind: service.kind.as_str().to_owned(),
            target_groups: service.target_groups.clone(),
            eligibility: service.eligibility.clone(),
            fees: service.fees.clone(),
            languages: service.languages.clone(),
            hours: service.hours.clone(),
            application_process: service.application_process.clone(),
            email: service.email.clone(),
            phone: service.phone.clone(),
            url: service.url.clone(),
            contact_name: service.contact_name.clone(),
            location_name: service.location_name.clone(),
            address: service.address.clone(),
            postal_code: service.postal_code.clone(),
            municipality_id: service.municipality_id,
            address_confidential: service.address_confidential,
            latitude: Some(service.latitude),
            longitude: Some(service.longitude),
            accessibility: service.accessibility.clone(),
        }
    }
}

/// Who wrote a record and with which identities (import keeps the ids of
/// the file it reads, so an export imported elsewhere is the same directory).
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    pub service_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub location_id: Option<Uuid>,
    pub is_demo: bool,
    pub last_verified_at: Option<DateTime<Utc>>,
    pub verified_by: Option<Uuid>,
}

pub async fn find(
    executor: impl PgExecutor<'_>,
    service_id: Uuid,
) -> sqlx::Result<Option<Service>> {
    sqlx::query_as(&format!("{SERVICE_QUERY} WHERE s.service_id = $1"))
        .bind(service_id)
        .fetch_optional(executor)
        .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MunicipalityRow {
    pub municipality_id: i32,
    pub country_code: String,
    pub region: String,
    pub name: String,
    pub name_cyrl: String,
    pub latitude: f64,
    pub longitude: f64,
}

/// Every municipality, by country then name (for the "near" and form lists).
pub async fn municipalities(executor: impl PgExecutor<'_>) -> sqlx::Result<Vec<MunicipalityRow>> {
    sqlx::query_as(
        "SELECT municipality_id, country_code, region, name, name_cyrl, latitude, longitude
         FROM municipalities ORDER BY country_code, name",
    )
    .fetch_all(executor)
    .await
}

pub async fn find_municipality(
    executor: impl PgExecutor<'_>,
    municipality_id: i32,
) -> sqlx::Result<Option<MunicipalityRow>> {
    sqlx::query_as(
        "SELECT municipality_id, country_code, region, name, name_cyrl, latitude, longitude
         FROM municipalities WHERE municipality_id = $1",
    )
    .bind(municipality_id)
    .fetch_optional(executor)
    .await
}

/// Creates a service (and its organization unless one of that name exists).
pub async fn create(
    conn: &mut PgConnection,
    input: &ServiceInput,
    provenance: &Provenance,
    now: DateTime<Utc>,
) -> sqlx::Result<Uuid> {
    let place = find_municipality(&mut *conn, input.municipality_id)
        .await?
        .ok_or(sqlx::Error::RowNotFound)?;
    let organization_id =
        save_organization(&mut *conn, input, provenance.organization_id, now).await?;
    let sql = format!(
        "INSERT INTO services (service_id, organization_id, location_id, is_demo, last_verified_at,
            last_verified_by, created_at, updated_at, {})
         VALUES (coalesce($1, gen_random_uuid()), $2, coalesce($3, gen_random_uuid()), $4, $5, $6, $7, $7, {})
         RETURNING service_id",
        record::insert_columns(),
        record::insert_values(8),
    );
    let query = sqlx::query(&sql)
        .bind(provenance.service_id)
        .bind(organization_id)
        .bind(provenance.location_id)
        .bind(provenance.is_demo)
        .bind(provenance.last_verified_at)
        .bind(provenance.verified_by)
        .bind(now);
    let row = record::bind(query, input, &place)
        .fetch_one(&mut *conn)
        .await?;
    row.try_get("service_id")
}

/// Replaces a service's record (and its organization's details); a
/// moderator's save counts as a verification.
pub async fn update(
    conn: &mut PgConnection,
    service_id: Uuid,
    input: &ServiceInput,
    verified_by: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let place = find_municipality(&mut *conn, input.municipality_id)
        .await?
        .ok_or(sqlx::Error::RowNotFound)?;
    let organization_id: Uuid =
        sqlx::query_scalar("SELECT organization_id FROM services WHERE service_id = $1")
            .bind(service_id)
            .fetch_one(&mut *conn)
            .await?;
    save_organization(&mut *conn, input, Some(organization_id), now).await?;
    let sql = format!(
        "UPDATE services SET last_verified_at = $2, last_verified_by = $3, updated_at = $2, {}
         WHERE service_id = $1",
        record::assignments(4),
    );
    let query = sqlx::query(&sql)
        .bind(service_id)
        .bind(now)
        .bind(verified_by);
    record::bind(query, input, &place)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The organization with the given id, or else one with the same name, is
/// updated; otherwise a new one is made.
pub(crate) async fn save_organization(
    conn: &mut PgConnection,
    input: &ServiceInput,
    organization_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> sqlx::Result<Uuid> {
    let existing: Option<Uuid> = match organization_id {
        Some(id) => sqlx::query_scalar("SELECT organization_id FROM organizations WHERE organization_id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?,
        None => sqlx::query_scalar(
            "SELECT organization_id FROM organizations WHERE lower(name) = lower($1) ORDER BY created_at LIMIT 1",
        )
        .bind(&input.organization_name)
        .fetch_optional(&mut *conn)
        .await?,
    };
    match existing {
        Some(id) => {
            sqlx::query(
                "UPDATE organizations SET name = $2, description = $3, website = $4, email = $5, phone = $6,
                    legal_status = $7, updated_at = $8 WHERE organization_id = $1",
            )
            .bind(id)
            .bind(&input.organization_name)
            .bind(&input.organization_description)
            .bind(&input.organization_website)
            .bind(&input.organization_email)
            .bind(&input.organization_phone)
            .bind(&input.organization_legal_status)
            .bind(now)
            .execute(&mut *conn)
            .await?;
            Ok(id)
        }
        None => {
            sqlx::query_scalar(
                "INSERT INTO organizations (organization_id, name, description, website, email, phone, legal_status,
                    created_at, updated_at)
                 VALUES (coalesce($1, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $8) RETURNING organization_id",
            )
            .bind(organization_id)
            .bind(&input.organization_name)
            .bind(&input.organization_description)
            .bind(&input.organization_website)
            .bind(&input.organization_email)
            .bind(&input.organization_phone)
            .bind(&input.organization_legal_status)
            .bind(now)
            .fetch_one(&mut *conn)
            .await
        }
    }
}

/// A moderator confirms the entry is current.
pub async fn mark_verified(
    executor: impl PgExecutor<'_>,
    service_id: Uuid,
    verified_by: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE services SET last_verified_at = $3, last_verified_by = $2 WHERE service_id = $1",
    )
    .bind(service_id)
    .bind(verified_by)
    .bind(now)
    .execute(executor)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Published entries not verified since `before`, oldest first.
pub async fn stale(
    executor: impl PgExecutor<'_>,
    before: DateTime<Utc>,
    limit: i64,
) -> sqlx::Result<Vec<Service>> {
    sqlx::query_as(&format!(
        "{SERVICE_QUERY} WHERE s.status = 'published' AND (s.last_verified_at IS NULL OR s.last_verified_at < $1)
         ORDER BY s.last_verified_at NULLS FIRST, s.service_no LIMIT $2"
    ))
    .bind(before)
    .bind(limit)
    .fetch_all(executor)
    .await
}

pub async fn count_stale(
    executor: impl PgExecutor<'_>,
    before: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT count(*) FROM services WHERE status = 'published'
         AND (last_verified_at IS NULL OR last_verified_at < $1)",
    )
    .bind(before)
    .fetch_one(executor)
    .await
}
