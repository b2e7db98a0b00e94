//! Completing a course: the last lesson done or the last quiz passed
//! completes it (a failed quiz does not); its licence points go into the
//! ledger once, even when the final steps race; they count on /me/points
//! in the year and the licence period, and on the home page; the
//! certificate is its owner's, and anyone verifies its code signed out; a
//! lesson added later keeps the completion; the data download has it.

use super::{add_lesson, add_module, write_course};
use crate::common::TestApp;
use crate::common::actors::Actor;
use axum::http::StatusCode;
use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Europe::Belgrade;
use kolega::courses::completion::record_if_complete;
use kolega::courses::store::learning;
use kolega::members::Role;
use uuid::Uuid;

/// A published course (4 licence points) with one module of lessons and,
/// when asked, the module's quiz of one question; its author and moderator.
struct Course {
    path: String,
    course_id: Uuid,
    /// The lessons' pages, in order.
    lessons: Vec<String>,
    /// The quiz's page, if it has one.
    quiz: Option<String>,
    moderator: Actor,
    module: String,
}

async fn published(app: &TestApp, title: &str, lessons: usize, quiz: bool) -> Course {
    let teacher = app.member(Role::Teacher).await;
    let moderator = app.member(Role::Moderator).await;
    let path = write_course(&teacher, title, "open").await;
    let module = add_module(app, &teacher, &path, &format!("Modul: {title}")).await;
    let mut pages = Vec::new();
    for n in 1..=lessons {
        let name = format!("Lekcija {n}: {title}");
        let id = add_lesson(app, &teacher, &path, &module, &name, "Tekst.").await;
        pages.push(format!("{path}/lessons/{id}"));
    }
    let quiz = if quiz {
        let base = format!("{path}/modules/{module}/quiz");
        let edit = format!("{base}/edit");
        teacher
            .submit_form(
                &edit,
                &edit,
                &[
                    ("pass_mark", "100"),
                    ("max_attempts", ""),
                    ("cooldown_hours", "0"),
                ],
            )
            .await
            .assert_status(StatusCode::SEE_OTHER);
        let new = format!("{base}/questions/new");
        teacher
            .submit_form(
                &new,
                &new,
                &[
                    ("kind", "single"),
                    ("prompt", &format!("Ko vodi slučaj? ({title})")),
                    ("answer_0", &format!("Voditelj slučaja ({title})")),
                    ("correct_0", "yes"),
                    ("answer_1", &format!("Sud ({title})")),
                ],
            )
            .await
            .assert_status(StatusCode::SEE_OTHER);
        Some(base)
    } else {
        None
    };
    teacher
        .submit_form(&path, &format!("{path}/submit"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    moderator
        .submit_form(&path, &format!("{path}/decide"), &[("action", "publish")])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let course_id = sqlx::query_scalar("SELECT course_id FROM courses WHERE title = $1")
        .bind(title)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    Course {
        path,
        course_id,
        lessons: pages,
        quiz,
        moderator,
        module,
    }
}

async fn enrol(who: &Actor, course: &Course) {
    who.submit_form(&course.path, &format!("{}/enrol", course.path), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

async fn mark_done(who: &Actor, lesson: &str) -> crate::common::TestResponse {
    let done = who
        .submit_form(lesson, &format!("{lesson}/done"), &[])
        .await;
    done.assert_status(StatusCode::SEE_OTHER);
    done
}

/// Takes the course's quiz once, answering right or wrong.
async fn take_quiz(app: &TestApp, who: &Actor, course: &Course, title: &str, right: bool) {
    let quiz = course.quiz.as_deref().expect("a quiz");
    who.submit_form(quiz, &format!("{quiz}/start"), &[])
        .await
        .assert_redirect_to(quiz);
    let (attempt, question): (Uuid, Uuid) = sqlx::query_as(
        "SELECT a.attempt_id, q.question_id FROM quiz_attempts a JOIN quiz_questions q USING (module_id)
         WHERE a.user_id = $1 AND a.submitted_at IS NULL",
    )
    .bind(who.user_id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let text = if right {
        format!("Voditelj slučaja ({title})")
    } else {
        format!("Sud ({title})")
    };
    let answer: Uuid = sqlx::query_scalar("SELECT answer_id FROM quiz_answers WHERE text = $1")
        .bind(&text)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let (name, value) = (format!("q_{question}"), answer.to_string());
    who.submit_form(
        quiz,
        &format!("{quiz}/attempts/{attempt}"),
        &[(&name, &value)],
    )
    .await
    .assert_redirect_to(quiz);
}

/// (completed_at, certificate code) of her enrolment.
async fn completion(
    app: &TestApp,
    who: &Actor,
    course: &Course,
) -> (Option<DateTime<Utc>>, Option<String>) {
    sqlx::query_as(
        "SELECT completed_at, certificate_code FROM enrolments WHERE user_id = $1 AND course_id = $2",
    )
    .bind(who.user_id)
    .bind(course.course_id)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

/// Her ledger entries for the course: (source, points).
async fn course_points(app: &TestApp, who: &Actor, course: &Course) -> Vec<(String, i32)> {
    sqlx::query_as(
        "SELECT source, points FROM points_entries WHERE user_id = $1 AND course_id = $2",
    )
    .bind(who.user_id)
    .bind(course.course_id)
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

async fn name_of(app: &TestApp, who: &Actor) -> String {
    sqlx::query_scalar("SELECT name FROM users WHERE user_id = $1")
        .bind(who.user_id)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_last_lesson_done_completes_the_course_with_its_points_once() {
    let app = TestApp::spawn().await;
    let course = published(&app, "Kurs o hraniteljstvu", 2, false).await;
    let student = app.member(Role::Student).await;
    enrol(&student, &course).await;

    mark_done(&student, &course.lessons[0]).await;
    assert_eq!(completion(&app, &student, &course).await, (None, None));
    assert!(course_points(&app, &student, &course).await.is_empty());
    let page = student.get(&course.path).await.body;
    assert!(!page.contains("Završen kurs") && !page.contains("/certificate"));

    // The last lesson completes it and leads to the course's page.
    mark_done(&student, &course.lessons[1])
        .await
        .assert_redirect_to(&course.path);
    let (completed_at, code) = completion(&app, &student, &course).await;
    assert_eq!(completed_at, Some(app.clock.now()));
    assert_eq!(code.as_deref().map(str::len), Some(10));
    assert_eq!(
        course_points(&app, &student, &course).await,
        vec![("course".to_owned(), 4)]
    );
    let page = student.get(&course.path).await.body;
    assert!(page.contains("Završili ste kurs."), "the message: {page}");
    assert!(page.contains("Završen kurs"), "{page}");
    let certificate = format!("href=\"{}/certificate\"", course.path);
    assert!(page.contains(&certificate) && page.contains(">Sertifikat<"));
    let learning = student.get("/me/learning").await.body;
    assert!(learning.contains("Završen kurs") && learning.contains(&certificate));

    // Marking the last lesson done again (a second tab, a replay) changes
    // nothing.
    student.get(&course.lessons[1]).await;
    let token = student.csrf_token().unwrap();
    student
        .post_form(
            &format!("{}/done", course.lessons[1]),
            &[("csrf_token", &token)],
        )
        .await
        .assert_status(StatusCode::SEE_OTHER);
    assert_eq!(
        completion(&app, &student, &course).await,
        (completed_at, code)
    );
    assert_eq!(course_points(&app, &student, &course).await.len(), 1);
}

#[tokio::test]
async fn a_failed_quiz_keeps_the_course_open_and_passing_it_completes_it() {
    let app = TestApp::spawn().await;
    let title = "Kurs o proceni";
    let course = published(&app, title, 1, true).await;
    let student = app.member(Role::Student).await;
    enrol(&student, &course).await;

    // Every lesson done, the quiz not yet passed: not complete.
    mark_done(&student, &course.lessons[0]).await;
    assert_eq!(completion(&app, &student, &course).await.0, None);
    take_quiz(&app, &student, &course, title, false).await;
    assert_eq!(completion(&app, &student, &course).await.0, None);
    assert!(course_points(&app, &student, &course).await.is_empty());
    let page = student.get(&course.path).await.body;
    assert!(page.contains("Završeno lekcija i testova: 1 od 2"));
    assert!(!page.contains("Završen kurs"));

    // Passing the quiz completes it; the quiz page says so.
    take_quiz(&app, &student, &course, title, true).await;
    assert!(completion(&app, &student, &course).await.0.is_some());
    assert_eq!(
        course_points(&app, &student, &course).await,
        vec![("course".to_owned(), 4)]
    );
    let quiz = student.get(course.quiz.as_deref().unwrap()).await.body;
    assert!(quiz.contains("Test je položen. Kurs je završen"), "{quiz}");
    assert!(
        student
            .get(&course.path)
            .await
            .body
            .contains("Završen kurs")
    );
}

/// Two tabs send her last two lessons at the same moment: one of them
/// completes the course (neither may miss the other's lesson), and the
/// points are written once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_final_requests_at_once_complete_the_course_once() {
    let app = TestApp::spawn().await;
    let course = published(&app, "Kurs o nasilju", 3, false).await;
    let student = app.member(Role::Student).await;
    enrol(&student, &course).await;
    mark_done(&student, &course.lessons[0]).await;

    student.get(&course.lessons[1]).await;
    let token = student.csrf_token().unwrap();
    let fields = [("csrf_token", token.as_str())];
    let (second, third) = (
        format!("{}/done", course.lessons[1]),
        format!("{}/done", course.lessons[2]),
    );
    let (a, b) = tokio::join!(
        student.post_form(&second, &fields),
        student.post_form(&third, &fields)
    );
    a.assert_status(StatusCode::SEE_OTHER);
    b.assert_status(StatusCode::SEE_OTHER);
    assert!(completion(&app, &student, &course).await.0.is_some());
    assert_eq!(course_points(&app, &student, &course).await.len(), 1);

    // And the same final request twice at once, on a second course.
    let other = published(&app, "Kurs o starateljstvu", 1, false).await;
    enrol(&student, &other).await;
    student.get(&other.lessons[0]).await;
    let token = student.csrf_token().unwrap();
    let fields = [("csrf_token", token.as_str())];
    let done = format!("{}/done", other.lessons[0]);
    let (a, b) = tokio::join!(
        student.post_form(&done, &fields),
        student.post_form(&done, &fields)
    );
    a.assert_status(StatusCode::SEE_OTHER);
    b.assert_status(StatusCode::SEE_OTHER);
    assert!(completion(&app, &student, &other).await.0.is_some());
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM points_entries WHERE course_id = '{}'",
            other.course_id
        ))
        .await,
        1
    );
}

/// The workflow itself, without HTTP: while the first of two final steps
/// holds its transaction, the second waits on the enrolment's lock and then
/// counts the first one's lesson, so the course is completed (by the
/// second) and completed once.
#[tokio::test]
async fn the_second_of_two_racing_steps_waits_and_completes_the_course() {
    let app = TestApp::spawn().await;
    let course = published(&app, "Kurs o usvojenju", 2, false).await;
    let student = app.member(Role::Student).await;
    enrol(&student, &course).await;
    let lesson = |n: usize| -> Uuid {
        course.lessons[n]
            .rsplit('/')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    let now = app.clock.now();

    let mut first = app.pool.begin().await.unwrap();
    learning::mark_done(
        &mut first,
        course.course_id,
        lesson(0),
        student.user_id,
        now,
    )
    .await
    .unwrap();
    let by_first = record_if_complete(&mut first, course.course_id, student.user_id, now)
        .await
        .unwrap();
    assert_eq!(by_first, None, "one lesson is still to do");

    let pool = app.pool.clone();
    let (course_id, user_id, second_lesson) = (course.course_id, student.user_id, lesson(1));
    let second = tokio::spawn(async move {
        let mut tx = pool.begin().await.unwrap();
        learning::mark_done(&mut tx, course_id, second_lesson, user_id, now)
            .await
            .unwrap();
        let done = record_if_complete(&mut tx, course_id, user_id, now)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        done
    });
    // Wait until the second really waits on the enrolment's lock.
    loop {
        let waiting = app
            .count(
                "SELECT count(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock'",
            )
            .await;
        if waiting > 0 {
            break;
        }
        tokio::task::yield_now().await;
    }
    first.commit().await.unwrap();
    let by_second = second.await.unwrap().expect("the second completes it");
    assert_eq!(by_second.points, Some(4));
    assert_eq!(
        completion(&app, &student, &course).await.1,
        Some(by_second.certificate_code)
    );
    assert_eq!(course_points(&app, &student, &course).await.len(), 1);
}

#[tokio::test]
async fn the_points_count_in_the_year_and_licence_period_and_on_the_home_page() {
    let app = TestApp::spawn().await;
    let course = published(&app, "Kurs o supervziji", 1, false).await;
    let student = app.member(Role::Student).await;
    let year = app.clock.now().with_timezone(&Belgrade).year();
    let since = format!("{year}-01-01");
    student
        .submit_form("/me/points", "/me/points", &[("licence_since", &since)])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    enrol(&student, &course).await;
    mark_done(&student, &course.lessons[0]).await;
    let code = completion(&app, &student, &course).await.1.unwrap();

    let points = student.get("/me/points").await.body;
    let row = points
        .split("<tr>")
        .find(|row| row.contains("Kurs o supervziji"))
        .unwrap_or_else(|| panic!("the course's row: {points}"));
    assert!(row.contains(&format!("href=\"{}\"", course.path)), "{row}");
    assert!(row.contains("<td>4</td>") && row.contains(&code), "{row}");
    assert!(row.contains(&format!("href=\"{}/certificate\"", course.path)));
    let per_year = format!("<tr><td>{year}</td><td>4</td></tr>");
    assert!(points.contains(&per_year), "{points}");
    let period = format!(
        "<tr><td>1. 1. {year}. – 31. 12. {}.</td><td>4</td></tr>",
        year + 5
    );
    assert!(points.contains(&period), "{points}");

    let home = student.get("/").await.body;
    let block = home
        .split("id=\"my-points\"")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("the points block");
    assert!(block.contains("data-points=\"4\""), "{block}");
}

#[tokio::test]
async fn the_certificate_is_hers_and_anyone_verifies_its_code_signed_out() {
    let app = TestApp::spawn().await;
    let course = published(&app, "Kurs o zaštiti dece", 1, false).await;
    let student = app.member(Role::Student).await;
    let other = app.member(Role::Practitioner).await;
    let certificate = format!("{}/certificate", course.path);
    enrol(&student, &course).await;
    student
        .get(&certificate)
        .await
        .assert_status(StatusCode::NOT_FOUND);
    mark_done(&student, &course.lessons[0]).await;
    let code = completion(&app, &student, &course).await.1.unwrap();
    let name = name_of(&app, &student).await;

    let page = student.get(&certificate).await;
    page.assert_status(StatusCode::OK);
    for text in [
        name.as_str(),
        "Kurs o zaštiti dece",
        "Sertifikat o završenom kursu",
        "bodova za licencu: 4",
        code.as_str(),
        &format!("/certificates/{code}\""),
    ] {
        assert!(page.body.contains(text), "{text}: {}", page.body);
    }
    assert!(
        page.body.contains("class=\"certificate\""),
        "the print rules"
    );
    // Her code under /me/certificates leads to it too.
    student
        .get(&format!("/me/certificates/{code}"))
        .await
        .assert_redirect_to(&certificate);

    // Someone else: not found, even with the code; a visitor signs in.
    other
        .get(&certificate)
        .await
        .assert_status(StatusCode::NOT_FOUND);
    other
        .get(&format!("/me/certificates/{code}"))
        .await
        .assert_status(StatusCode::NOT_FOUND);
    let visitor = app.new_browser();
    let refused = visitor.get(&certificate).await;
    refused.assert_status(StatusCode::SEE_OTHER);
    assert!(refused.header("location").unwrap().starts_with("/login"));

    // Signed out, the code (typed in lower case) verifies: her name, the
    // course, the points and the date.
    let verified = visitor
        .get(&format!("/certificates/{}", code.to_lowercase()))
        .await;
    verified.assert_status(StatusCode::OK);
    let date = app
        .clock
        .now()
        .with_timezone(&Belgrade)
        .format("%-d. %-m. %Y.")
        .to_string();
    for text in [
        "Ova potvrda je važeća.",
        name.as_str(),
        "Kurs o zaštiti dece",
        "<dd>4</dd>",
        date.as_str(),
    ] {
        assert!(verified.body.contains(text), "{text}: {}", verified.body);
    }
    let unknown = visitor.get("/certificates/NEPOSTOJI23").await;
    unknown.assert_status(StatusCode::NOT_FOUND);
    assert!(unknown.body.contains("NEPOSTOJI23"));
    assert!(!unknown.body.contains("Kurs o zaštiti dece"));
}

/// "A published course edited later keeps the completions made before":
/// a lesson and a quiz added after she completed it show as still to do,
/// but the course stays completed, with its points and certificate.
#[tokio::test]
async fn a_lesson_added_later_keeps_the_completion() {
    let app = TestApp::spawn().await;
    let course = published(&app, "Kurs o porodici", 1, false).await;
    let student = app.member(Role::Student).await;
    enrol(&student, &course).await;
    mark_done(&student, &course.lessons[0]).await;
    let before = completion(&app, &student, &course).await;
    assert!(before.0.is_some());

    // Later, the moderator adds a lesson and a quiz to the published course.
    app.clock.advance(chrono::Duration::minutes(10));
    let added = add_lesson(
        &app,
        &course.moderator,
        &course.path,
        &course.module,
        "Nova lekcija",
        "Dodato posle.",
    )
    .await;
    let quiz = format!("{}/modules/{}/quiz", course.path, course.module);
    let edit = format!("{quiz}/edit");
    course
        .moderator
        .submit_form(
            &edit,
            &edit,
            &[
                ("pass_mark", "60"),
                ("max_attempts", ""),
                ("cooldown_hours", "0"),
            ],
        )
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let new = format!("{quiz}/questions/new");
    course
        .moderator
        .submit_form(
            &new,
            &new,
            &[
                ("kind", "single"),
                ("prompt", "Novo pitanje?"),
                ("answer_0", "Da"),
                ("correct_0", "yes"),
                ("answer_1", "Ne"),
            ],
        )
        .await
        .assert_status(StatusCode::SEE_OTHER);

    let page = student.get(&course.path).await.body;
    assert!(
        page.contains("Završeno lekcija i testova: 1 od 3"),
        "{page}"
    );
    assert!(page.contains("Završen kurs"), "still completed: {page}");
    assert!(page.contains(&format!("{}/certificate", course.path)));
    student
        .get(&format!("{}/certificate", course.path))
        .await
        .assert_status(StatusCode::OK);
    assert_eq!(completion(&app, &student, &course).await, before);
    // Doing the new lesson neither completes it again nor adds points.
    mark_done(&student, &format!("{}/lessons/{added}", course.path)).await;
    assert_eq!(completion(&app, &student, &course).await, before);
    assert_eq!(course_points(&app, &student, &course).await.len(), 1);
    let learning = student.get("/me/learning").await.body;
    assert!(learning.contains("Završen kurs"));
}

#[tokio::test]
async fn her_data_download_has_the_course_points_and_certificate() {
    let app = TestApp::spawn().await;
    let course = published(&app, "Kurs o mentorstvu", 1, false).await;
    let student = app.member(Role::Student).await;
    enrol(&student, &course).await;
    mark_done(&student, &course.lessons[0]).await;
    let code = completion(&app, &student, &course).await.1.unwrap();

    let archive = student.download_data().await;
    let enrolment = &archive.data["courses"]["enrolments"][0];
    assert_eq!(enrolment["course"], "Kurs o mentorstvu");
    assert_eq!(enrolment["certificate_code"], code.as_str());
    assert_eq!(enrolment["points"], 4);
    assert!(!enrolment["completed_at"].is_null());
    let ledger = archive.data["events"]["points_and_certificates"]
        .as_array()
        .expect("the ledger");
    let entry = ledger
        .iter()
        .find(|e| e["certificate_code"] == code.as_str())
        .unwrap_or_else(|| panic!("the course's entry: {ledger:?}"));
    assert_eq!(entry["source"], "course");
    assert_eq!(entry["course"], "Kurs o mentorstvu");
    assert_eq!(entry["points"], 4);
}
