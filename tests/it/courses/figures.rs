//! A course's figures for its author: with known enrolments, lessons done
//! and quiz attempts, the page shows exactly how many enrolled, were active
//! in 30 days and completed, the median time to complete, and the share
//! answering each question right — and names nobody. Other members are
//! refused.

use crate::common::TestApp;
use axum::http::StatusCode;
use kolega::members::Role;
use uuid::Uuid;

/// The learners (names the page must not show).
const LEARNERS: [&str; 5] = [
    "Polaznica Prva",
    "Polaznica Druga",
    "Polaznica Treća",
    "Polaznica Četvrta",
    "Polaznica Peta",
];

#[tokio::test]
async fn the_author_sees_exact_figures_and_no_names() {
    let app = TestApp::spawn().await;
    let author = app.member(Role::Teacher).await;
    let moderator = app.member(Role::Moderator).await;
    let other_teacher = app.member(Role::Teacher).await;
    let student = app.member(Role::Student).await;
    let mut ids = Vec::new();
    for (n, name) in LEARNERS.iter().enumerate() {
        let email = format!("polaznica{n}@csr.rs");
        app.create_member(name, &email, Role::Student).await;
        ids.push(app.user_id(&email).await);
    }
    // The test clock reads 23 November 2026, 09:00 UTC. One module, one
    // lesson, a quiz of two questions: a single choice (A right, B wrong)
    // and a multiple choice (C and D right, E wrong).
    let script = r#"
        INSERT INTO courses (course_id, slug, title, language, level, estimated_hours, status,
                             author_id, created_at, updated_at, published_at)
        VALUES ('c0000000-0000-4000-8000-000000000001', 'kurs-sa-brojkama', 'Kurs sa brojkama',
                'sr', 'introductory', 2, 'published', $1, '2026-08-01', '2026-08-01', '2026-08-01');
        INSERT INTO course_modules (module_id, course_id, position, title)
        VALUES ('d0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001', 1, 'Modul');
        INSERT INTO lessons (lesson_id, module_id, course_id, position, title, created_at, updated_at)
        VALUES ('e0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001',
                'c0000000-0000-4000-8000-000000000001', 1, 'Lekcija', '2026-08-01', '2026-08-01');
        INSERT INTO quizzes (module_id, course_id, pass_mark)
        VALUES ('d0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001', 60);
        INSERT INTO quiz_questions (question_id, module_id, position, kind, prompt) VALUES
            ('f0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', 1, 'single', 'Prvo pitanje o proceni'),
            ('f0000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000001', 2, 'multiple', 'Drugo pitanje o planu');
        INSERT INTO quiz_answers (answer_id, question_id, position, text, correct) VALUES
            ('a0000000-0000-4000-8000-00000000000a', 'f0000000-0000-4000-8000-000000000001', 1, 'A', true),
            ('a0000000-0000-4000-8000-00000000000b', 'f0000000-0000-4000-8000-000000000001', 2, 'B', false),
            ('a0000000-0000-4000-8000-00000000000c', 'f0000000-0000-4000-8000-000000000002', 1, 'C', true),
            ('a0000000-0000-4000-8000-00000000000d', 'f0000000-0000-4000-8000-000000000002', 2, 'D', true),
            ('a0000000-0000-4000-8000-00000000000e', 'f0000000-0000-4000-8000-000000000002', 3, 'E', false);
    "#;
    for statement in script.split(';').filter(|s| !s.trim().is_empty()) {
        let mut query = sqlx::query(statement);
        if statement.contains("$1") {
            query = query.bind(author.user_id);
        }
        query.execute(&app.pool).await.unwrap();
    }
    // Enrolments: three completed after 2, 4 and 10 days (median 4 days),
    // one idle since September, one started three days ago.
    for (learner, enrolled, completed) in [
        (0, "2026-11-01 09:00Z", Some("2026-11-03 09:00Z")),
        (1, "2026-11-01 09:00Z", Some("2026-11-05 09:00Z")),
        (2, "2026-10-01 09:00Z", Some("2026-10-11 09:00Z")),
        (3, "2026-09-01 09:00Z", None),
        (4, "2026-11-20 09:00Z", None),
    ] {
        sqlx::query(
            "INSERT INTO enrolments (course_id, user_id, enrolled_at, completed_at)
             VALUES ('c0000000-0000-4000-8000-000000000001', $1, $2::timestamptz, $3::timestamptz)",
        )
        .bind(ids[learner])
        .bind(enrolled)
        .bind(completed)
        .execute(&app.pool)
        .await
        .unwrap();
    }
    // Activity: the first and the fifth did a lesson within 30 days, the
    // third only on 5 October (more than 30 days ago); the second only
    // attempted the quiz within 30 days.
    for (learner, at) in [
        (0, "2026-11-02 09:00Z"),
        (2, "2026-10-05 09:00Z"),
        (4, "2026-11-21 09:00Z"),
    ] {
        sqlx::query(
            "INSERT INTO lesson_progress (lesson_id, user_id, done_at)
             VALUES ('e0000000-0000-4000-8000-000000000001', $1, $2::timestamptz)",
        )
        .bind(ids[learner])
        .bind(at)
        .execute(&app.pool)
        .await
        .unwrap();
    }
    // Attempts (answers chosen): the first question right 3 times of 4,
    // the second 2 of 4 (one chose too few, one too many); the open
    // attempt is not counted.
    for (learner, at, chosen, submitted) in [
        (0, "2026-10-20 09:00Z", "{a...a, a...c, a...d}", true),
        (1, "2026-11-04 09:00Z", "{a...b, a...c}", true),
        (1, "2026-11-04 10:00Z", "{a...a, a...c, a...d, a...e}", true),
        (2, "2026-10-06 09:00Z", "{a...a, a...c, a...d}", true),
        (4, "2026-11-21 10:00Z", "{a...b}", false),
    ] {
        let chosen = chosen.replace("a...", "a0000000-0000-4000-8000-00000000000");
        sqlx::query(
            "INSERT INTO quiz_attempts (attempt_id, module_id, user_id, started_at, question_order,
                                        answer_order, submitted_at, chosen)
             VALUES ($1, 'd0000000-0000-4000-8000-000000000001', $2, $3::timestamptz,
                     '{f0000000-0000-4000-8000-000000000002, f0000000-0000-4000-8000-000000000001}',
                     '{}', CASE WHEN $4 THEN $3::timestamptz END, $5::uuid[])",
        )
        .bind(Uuid::new_v4())
        .bind(ids[learner])
        .bind(at)
        .bind(submitted)
        .bind(&chosen)
        .execute(&app.pool)
        .await
        .unwrap();
    }

    let path = "/courses/kurs-sa-brojkama/figures";
    assert!(
        author
            .get("/courses/kurs-sa-brojkama")
            .await
            .body
            .contains(path),
        "the course page links to its figures"
    );
    let page = author.get(path).await;
    page.assert_status(StatusCode::OK);
    let figures = page
        .body
        .split("id=\"course-figures\"")
        .nth(1)
        .unwrap()
        .split("</dl>")
        .next()
        .unwrap()
        .to_owned();
    let value = |label: &str| {
        figures
            .split(label)
            .nth(1)
            .and_then(|rest| rest.split("<dd>").nth(1))
            .and_then(|rest| rest.split("</dd>").next())
            .unwrap_or_else(|| panic!("{label}: {figures}"))
            .to_owned()
    };
    assert_eq!(value("Upisanih"), "5");
    assert_eq!(value("Aktivnih u poslednjih 30 dana"), "3");
    assert_eq!(value("Završilo kurs"), "3");
    assert_eq!(value("medijana"), "4 dana");
    let questions = page
        .body
        .split("id=\"question-figures\"")
        .nth(1)
        .unwrap()
        .to_owned();
    let row = |prompt: &str| {
        questions
            .split(prompt)
            .nth(1)
            .and_then(|rest| rest.split("</tr>").next())
            .unwrap_or_else(|| panic!("{prompt}: {questions}"))
            .to_owned()
    };
    assert!(
        row("Prvo pitanje o proceni").contains("75 % (3 od 4)"),
        "{questions}"
    );
    assert!(
        row("Drugo pitanje o planu").contains("50 % (2 od 4)"),
        "{questions}"
    );
    for name in LEARNERS {
        assert!(!page.body.contains(name), "{name} is named");
    }

    // Moderators see them too; other members are refused, visitors asked
    // to sign in.
    moderator.get(path).await.assert_status(StatusCode::OK);
    for member in [&other_teacher, &student] {
        member.get(path).await.assert_status(StatusCode::FORBIDDEN);
        assert!(
            !member
                .get("/courses/kurs-sa-brojkama")
                .await
                .body
                .contains(path)
        );
    }
    let visitor = app.new_browser().get(path).await;
    assert!(visitor.header("location").unwrap().starts_with("/login"));
}
