//! The review of a course as a workflow, without HTTP.

use super::write_course;
use crate::common::TestApp;
use axum::http::StatusCode;
use kolega::members::Role;

/// The review workflow without HTTP: `courses::review::decide` over a
/// transaction keeps the status machine, asks for a reason to return, logs
/// each change and tells the author once.
#[tokio::test]
async fn a_course_review_is_a_workflow_over_a_transaction() {
    use kolega::courses::review::{self, Decision, Refused};
    use kolega::courses::store;
    let app = TestApp::spawn().await;
    let teacher = app.member(Role::Teacher).await;
    let moderator = app.member(Role::Moderator).await;
    let path = write_course(&teacher, "Rad sa porodicom", "open").await;
    let slug = path.trim_start_matches("/courses/");
    let again = write_course(&teacher, "Rad sa porodicom", "open").await;
    assert_eq!(
        again, "/courses/rad-sa-porodicom-2",
        "a title taken gets its own address"
    );
    let draft = store::find_by_slug(&app.pool, slug).await.unwrap().unwrap();
    let now = app.clock.now();
    let mut tx = app.pool.begin().await.unwrap();
    assert!(
        review::send_for_review(&mut tx, &draft, teacher.user_id, now)
            .await
            .unwrap()
    );
    assert!(
        !review::send_for_review(&mut tx, &draft, teacher.user_id, now)
            .await
            .unwrap(),
        "in review already"
    );
    tx.commit().await.unwrap();
    let course = store::find_by_slug(&app.pool, slug).await.unwrap().unwrap();
    let base_url = &app.state.config.base_url;
    let decide = |decision| {
        let course = course.clone();
        let pool = app.pool.clone();
        let by = moderator.user_id;
        async move {
            let mut tx = pool.begin().await.unwrap();
            let answer = review::decide(&mut tx, base_url, &course, by, decision, now)
                .await
                .unwrap();
            tx.commit().await.unwrap();
            answer
        }
    };
    assert_eq!(
        decide(Decision::Return { reason: "  " }).await,
        Err(Refused::NoReason)
    );
    assert_eq!(decide(Decision::Archive).await, Err(Refused::StatusChanged));
    assert_eq!(decide(Decision::Publish).await, Ok("course-published"));
    assert_eq!(
        decide(Decision::Publish).await,
        Err(Refused::StatusChanged),
        "a second moderator finds nothing to decide"
    );
    assert_eq!(decide(Decision::Archive).await, Ok("course-archived"));
    let log: Vec<String> = sqlx::query_scalar(
        "SELECT to_status FROM course_log WHERE course_id = $1 ORDER BY entry_id",
    )
    .bind(course.course_id)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(log, ["draft", "in_review", "published", "archived"]);
    let told: i64 = sqlx::query_scalar("SELECT count(*) FROM notifications WHERE user_id = $1")
        .bind(teacher.user_id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        told, 1,
        "told of the publication once; archiving tells no one"
    );
    // An archived course is gone from the catalogue.
    app.new_browser()
        .get(&path)
        .await
        .assert_status(StatusCode::NOT_FOUND);
}
