//! The catalogue's pages and filters over many published courses.

use crate::common::TestApp;
use kolega::members::Role;

#[tokio::test]
async fn the_catalogue_pages_by_twenty_and_filters_by_language_and_topic() {
    let app = TestApp::spawn().await;
    let teacher = app.member(Role::Teacher).await;
    sqlx::query(
        "INSERT INTO courses (slug, title, language, level, estimated_hours, topics, status,
                              author_id, search_text, created_at, updated_at, published_at)
         SELECT 'kurs-' || n, 'Kurs broj ' || n, CASE WHEN n = 7 THEN 'en' ELSE 'sr' END,
                'introductory', 1, CASE WHEN n = 9 THEN '{poverty}'::text[] ELSE '{}' END,
                'published', $1, 'kurs broj ' || n, now(), now(), now() - n * interval '1 hour'
         FROM generate_series(1, 21) n",
    )
    .bind(teacher.user_id)
    .execute(&app.pool)
    .await
    .unwrap();
    let first = app.new_browser().get("/courses").await;
    assert_eq!(first.body.matches("<li class=\"card\">").count(), 20);
    assert!(first.body.contains("Kurs broj 1<") && !first.body.contains("Kurs broj 21<"));
    let next = first
        .body
        .split("href=\"")
        .find_map(|rest| {
            let href = rest.split('"').next().unwrap();
            (href.starts_with("/courses?") && href.contains("page=2")).then(|| href.to_owned())
        })
        .expect("a link to the next page");
    let next = next.replace("&amp;", "&").replace("&#38;", "&");
    let second = app.new_browser().get(&next).await;
    assert_eq!(second.status, axum::http::StatusCode::OK, "{next}");
    assert_eq!(
        second.body.matches("<li class=\"card\">").count(),
        1,
        "{next}"
    );
    assert!(second.body.contains("Kurs broj 21<"));
    assert!(second.body.contains("rel=\"prev\""));

    let english = app.new_browser().get("/courses?language=en").await;
    assert_eq!(english.body.matches("<li class=\"card\">").count(), 1);
    assert!(english.body.contains("Kurs broj 7<"));
    let poverty = app.new_browser().get("/courses?topic=poverty").await;
    assert_eq!(poverty.body.matches("<li class=\"card\">").count(), 1);
    assert!(poverty.body.contains("Kurs broj 9<"));
    let searched = app
        .new_browser()
        .get("/courses?q=%D0%B1%D1%80%D0%BE%D1%98+12")
        .await;
    assert_eq!(
        searched.body.matches("<li class=\"card\">").count(),
        1,
        "\"број 12\""
    );
}
