//! Group courses: a teacher writes a course for her confidential class
//! group; its members find, open, take and keep it on every page, while to
//! an outsider and to a signed-out visitor it does not exist anywhere (404,
//! never 403, and no count gives it away). Leaving the group ends it.

use super::{add_lesson, add_module, course};
use crate::common::TestApp;
use crate::common::actors::Actor;
use axum::http::StatusCode;
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;

const TITLE: &str = "Rad sa porodicom u krizi";

/// The number of course cards in a catalogue page.
fn cards(body: &str) -> usize {
    body.matches("<li class=\"card\">").count()
}

/// The home page's learning block.
fn learning_block(home: &str) -> String {
    home.split("id=\"my-learning\"")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("the learning block")
        .to_owned()
}

/// A teacher's confidential class group with `student` in it (joined by
/// the class code); the group's path and id.
async fn class_group(app: &TestApp, teacher: &Actor, student: &Actor) -> (String, String) {
    let group = teacher
        .open_group(
            "Razred supervizije 2026",
            Visibility::Secret,
            &[("class_group", "on")],
        )
        .await;
    let (group_id, code): (String, String) =
        sqlx::query_as("SELECT group_id::text, join_code FROM groups WHERE name = $1")
            .bind("Razred supervizije 2026")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    student
        .submit_form("/groups/join", "/groups/join", &[("code", &code)])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    (group, group_id)
}

#[tokio::test]
async fn a_confidential_group_course_exists_only_for_the_group() {
    let app = TestApp::spawn().await;
    let teacher = app.member(Role::Teacher).await;
    let moderator = app.member(Role::Moderator).await;
    let student = app.member(Role::Student).await;
    let outsider = app.member(Role::Student).await;
    let visitor = app.new_browser();
    let (group, group_id) = class_group(&app, &teacher, &student).await;

    // An open course beside it, so a count that included the group course
    // would show.
    let (_open, _) = super::published_course(&app, "Otvoren kurs o hraniteljstvu", "open").await;

    // The form offers her own group; a group she does not teach is refused
    // beside the field, and so is a group course without a group.
    let form = teacher.get("/courses/new").await;
    assert!(
        form.body.contains(&format!("value=\"{group_id}\"")),
        "{}",
        form.body
    );
    let foreign = someone_elses_group(&app).await;
    for chosen in [foreign.as_str(), ""] {
        let mut fields = course(TITLE, "group");
        fields.push(("group_id", chosen));
        let refused = teacher
            .submit_form("/courses/new", "/courses/new", &fields)
            .await;
        refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("id=\"group_id-error\""), "{chosen:?}");
        assert!(refused.body.contains(TITLE), "the input is kept");
    }

    let mut fields = course(TITLE, "group");
    fields.push(("group_id", &group_id));
    let created = teacher
        .submit_form("/courses/new", "/courses/new", &fields)
        .await;
    created.assert_status(StatusCode::SEE_OTHER);
    let path = created.header("location").unwrap().to_owned();
    let module = add_module(&app, &teacher, &path, "Prvi susret").await;
    let lesson_id = add_lesson(
        &app,
        &teacher,
        &path,
        &module,
        "Procena rizika",
        "Tekst o proceni rizika.",
    )
    .await;
    let lesson = format!("{path}/lessons/{lesson_id}");
    // The module's quiz (its questions are the quiz tests' business).
    sqlx::query(
        "WITH q AS (INSERT INTO quizzes (module_id, course_id, pass_mark)
                    SELECT module_id, course_id, 60 FROM course_modules
                    WHERE module_id::text = $1 RETURNING module_id)
         INSERT INTO quiz_questions (module_id, position, kind, prompt)
         SELECT module_id, 1, 'single', 'Prvo pitanje' FROM q",
    )
    .bind(&module)
    .execute(&app.pool)
    .await
    .unwrap();
    let quiz = format!("{path}/modules/{module}/quiz");
    teacher
        .submit_form(&path, &format!("{path}/submit"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    // The moderator reviews it though she is not in the group.
    moderator.get(&path).await.assert_status(StatusCode::OK);
    moderator
        .submit_form(&path, &format!("{path}/decide"), &[("action", "publish")])
        .await
        .assert_status(StatusCode::SEE_OTHER);

    // A cohort of it is the group's too.
    let new_cohort = format!("{path}/cohorts/new");
    let cohort = teacher
        .submit_form(
            &new_cohort,
            &new_cohort,
            &[
                ("title", "Zimski razred"),
                ("starts_on", "2026-11-23"),
                ("ends_on", "2026-12-21"),
            ],
        )
        .await;
    cohort.assert_status(StatusCode::SEE_OTHER);
    let cohort = cohort.header("location").unwrap().to_owned();

    // To the outsider and the visitor the course does not exist.
    let search = "/courses?q=krizi";
    for (who, browser) in [("outsider", &outsider.browser), ("visitor", &visitor)] {
        let catalogue = browser.get("/courses").await;
        assert!(!catalogue.body.contains(TITLE), "{who}: catalogue");
        assert_eq!(cards(&catalogue.body), 1, "{who}: only the open course");
        let found = browser.get(search).await;
        assert!(!found.body.contains(TITLE), "{who}: search");
        assert_eq!(cards(&found.body), 0, "{who}: search count");
        for page in [&path, &lesson, &cohort] {
            browser.get(page).await.assert_status(StatusCode::NOT_FOUND);
        }
        // The quiz asks a visitor to sign in first, as it does for a
        // course that does not exist: the same answer reveals nothing.
        let none = browser
            .get(&format!("/courses/nema-ga/modules/{module}/quiz"))
            .await;
        let answer = browser.get(&quiz).await;
        assert_eq!(answer.status, none.status, "{who}: quiz");
        assert_eq!(
            answer.header("location"),
            none.header("location")
                .map(|l| l.replace("nema-ga", path.trim_start_matches("/courses/")))
                .as_deref(),
            "{who}: quiz"
        );
        if who == "outsider" {
            answer.assert_status(StatusCode::NOT_FOUND);
        }
    }
    // The outsider cannot enrol, mark a lesson done or start the quiz:
    // "not found" each time, and nothing is recorded.
    for action in [
        format!("{path}/enrol"),
        format!("{lesson}/done"),
        format!("{quiz}/start"),
        format!("{cohort}/join"),
    ] {
        let token = outsider.csrf_token().unwrap();
        outsider
            .post_form(&action, &[("csrf_token", &token)])
            .await
            .assert_status(StatusCode::NOT_FOUND);
    }
    let outsider_rows: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM enrolments WHERE user_id = $1)
              + (SELECT count(*) FROM quiz_attempts WHERE user_id = $1)
              + (SELECT count(*) FROM cohort_members WHERE user_id = $1)",
    )
    .bind(outsider.user_id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(outsider_rows, 0);
    assert!(!outsider.get("/me/learning").await.body.contains(TITLE));

    // The member finds it (both courses counted), sees whose it is, takes it.
    let catalogue = student.get("/courses").await;
    assert!(catalogue.body.contains(TITLE));
    assert_eq!(cards(&catalogue.body), 2);
    assert!(catalogue.body.contains("Za jednu grupu"));
    let found = student.get(search).await;
    assert_eq!(cards(&found.body), 1);
    let page = student.get(&path).await;
    page.assert_status(StatusCode::OK);
    assert!(
        page.body.contains(&format!("href=\"{group}\"")),
        "{}",
        page.body
    );
    student
        .submit_form(&path, &format!("{path}/enrol"), &[])
        .await
        .assert_redirect_to(&lesson);
    let read = student.get(&lesson).await;
    read.assert_status(StatusCode::OK);
    assert!(read.body.contains("Tekst o proceni rizika."));
    student.get(&quiz).await.assert_status(StatusCode::OK);
    student.get(&cohort).await.assert_status(StatusCode::OK);
    assert!(student.get("/me/learning").await.body.contains(TITLE));
    assert!(learning_block(&student.get("/").await.body).contains(TITLE));

    // She leaves the group: the course is gone for her too, on every page.
    student
        .submit_form(&group, &format!("{group}/leave"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    for page in [&path, &lesson, &quiz, &cohort] {
        student.get(page).await.assert_status(StatusCode::NOT_FOUND);
    }
    assert!(!student.get("/courses").await.body.contains(TITLE));
    assert!(!student.get("/me/learning").await.body.contains(TITLE));
    assert!(!learning_block(&student.get("/").await.body).contains(TITLE));
}

/// A closed group of someone else's; its id.
async fn someone_elses_group(app: &TestApp) -> String {
    let practitioner = app.member(Role::Practitioner).await;
    practitioner
        .open_group("Tuđa grupa", Visibility::Closed, &[])
        .await;
    sqlx::query_scalar("SELECT group_id::text FROM groups WHERE name = 'Tuđa grupa'")
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// The database keeps the rule too: a group course names its group, and no
/// other course names one.
#[tokio::test]
async fn a_group_is_named_exactly_by_a_group_course() {
    let app = TestApp::spawn().await;
    let teacher = app.member(Role::Teacher).await;
    teacher.open_group("Razred", Visibility::Closed, &[]).await;
    for (audience, group, allowed) in [
        ("group", false, false),
        ("open", true, false),
        ("group", true, true),
        ("members", false, true),
    ] {
        let inserted = sqlx::query(
            "INSERT INTO courses (slug, title, language, level, estimated_hours, audience, group_id,
                                  author_id, created_at, updated_at)
             SELECT 'kurs-' || gen_random_uuid(), 'Kurs', 'sr', 'introductory', 1, $1,
                    CASE WHEN $2 THEN (SELECT group_id FROM groups LIMIT 1) END, $3, now(), now()",
        )
        .bind(audience)
        .bind(group)
        .bind(teacher.user_id)
        .execute(&app.pool)
        .await;
        assert_eq!(inserted.is_ok(), allowed, "{audience} {group}");
    }
}
