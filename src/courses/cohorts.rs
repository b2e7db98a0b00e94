//! Cohorts as workflows over a transaction: the teacher runs a published
//! course as a cohort (its closed discussion group is made for it through
//! the groups feature, with her as owner), and a member joins one (enrolled
//! in the course, a member of the cohort and of its group). Handlers parse
//! and render; tests call these without HTTP.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use super::store::cohorts::{self, Cohort, NewCohort};
use super::store::{Course, learning};
use crate::groups::store::{self as groups_store, NewGroup};
use crate::groups::vocabulary::Visibility;
use crate::text::search::slugify;

/// Makes the cohort and its discussion group; the cohort's id.
pub async fn create(
    tx: &mut PgConnection,
    course: &Course,
    teacher: Uuid,
    cohort: &NewCohort,
    now: DateTime<Utc>,
) -> sqlx::Result<Uuid> {
    let cohort_id = Uuid::new_v4();
    // The cohort's id in the address keeps it unique without a retry loop
    // (group addresses are unique across the site).
    let base: String = slugify(&format!("{} {}", course.title, cohort.title))
        .chars()
        .take(60)
        .collect();
    let short = cohort_id.simple().to_string();
    let slug = format!("{}-{}", base.trim_matches('-'), &short[..8]);
    let name = format!("{} — {}", course.title, cohort.title);
    // Closed: the group is listed, but only the cohort's members (added
    // when they join) read and write in it.
    let group_id = groups_store::create_group(
        &mut *tx,
        &NewGroup {
            slug: &slug,
            name: &name,
            description: &course.summary,
            visibility: Visibility::Closed,
            language: &course.language,
            topics: &course.topics,
            allow_anonymous: false,
            join_code: None,
        },
        teacher,
        now,
    )
    .await?;
    cohorts::create(
        &mut *tx,
        cohort_id,
        course.course_id,
        cohort,
        group_id,
        teacher,
        now,
    )
    .await?;
    Ok(cohort_id)
}

/// The member joins the cohort: enrolled in its course (if she was not),
/// counted in the cohort, and an active member of its discussion group.
pub async fn join(
    tx: &mut PgConnection,
    cohort: &Cohort,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    learning::enrol(&mut *tx, cohort.course_id, user_id, now).await?;
    cohorts::add_member(&mut *tx, cohort.cohort_id, user_id, now).await?;
    groups_store::activate_member(tx, cohort.group_id, user_id, now).await
}
