//! Quizzes: a teacher adds a module's quiz with a single- and a
//! multiple-choice question; a student takes it in a shuffled order kept
//! by the attempt, fails, waits out the cool-down, passes, and is refused a
//! third attempt; the correct answers never reach the page before
//! submitting; someone else's attempt, visitors and members not enrolled
//! are refused; the course page and progress count the passed quiz.

use super::{add_lesson, add_module, write_course};
use crate::common::actors::Actor;
use crate::common::members::PASSWORD;
use crate::common::{TestApp, TestResponse};
use axum::http::StatusCode;
use chrono::Duration;
use chrono_tz::Europe::Belgrade;
use kolega::courses::quiz::{seed_of, shuffled};
use kolega::members::Role;
use uuid::Uuid;

/// The id of the answer with this (in the test, unique) text.
async fn answer(app: &TestApp, text: &str) -> String {
    sqlx::query_scalar("SELECT answer_id::text FROM quiz_answers WHERE text = $1")
        .bind(text)
        .fetch_one(&app.pool)
        .await
        .unwrap_or_else(|e| panic!("{text}: {e}"))
}

async fn question(app: &TestApp, prompt: &str) -> String {
    sqlx::query_scalar("SELECT question_id::text FROM quiz_questions WHERE prompt = $1")
        .bind(prompt)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// The member's attempts: (id, question order, answer order, score), oldest first.
async fn attempts(app: &TestApp, who: &Actor) -> Vec<(Uuid, Vec<Uuid>, Vec<Uuid>, Option<i32>)> {
    sqlx::query_as(
        "SELECT attempt_id, question_order, answer_order, score FROM quiz_attempts
         WHERE user_id = $1 ORDER BY started_at",
    )
    .bind(who.user_id)
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

/// Lets `hours` pass; the student signs in again (her session's idle
/// limit is shorter than the cool-down).
async fn later(app: &TestApp, who: &Actor, hours: i64) {
    app.clock.advance(Duration::hours(hours));
    who.sign_in(&who.email, PASSWORD)
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

/// Posts a form that is not on the page (a refused or repeated action),
/// with the browser's CSRF token, as a second tab or a replay would.
async fn post(who: &Actor, page: &str, action: &str, fields: &[(&str, &str)]) -> TestResponse {
    who.get(page).await;
    let token = who.csrf_token().expect("a CSRF token");
    let mut all = vec![("csrf_token", token.as_str())];
    all.extend_from_slice(fields);
    who.post_form(action, &all).await
}

/// The answer ids in the order the page shows them.
fn shown_order(body: &str) -> Vec<String> {
    body.split("name=\"q_")
        .skip(1)
        .filter_map(|part| part.split("value=\"").nth(1))
        .map(|rest| rest[..36].to_owned())
        .collect()
}

const MULTIPLE: [(&str, bool); 8] = [
    ("Porodične veze", true),
    ("Potrebe deteta", true),
    ("Stanovanje", true),
    ("Vremenska prognoza", false),
    ("Boja automobila", false),
    ("Omiljeni film", false),
    ("Prihodi porodice", true),
    ("Horoskop", false),
];

#[tokio::test]
async fn a_quiz_is_written_taken_failed_retaken_after_the_cool_down_and_passed() {
    let app = TestApp::spawn().await;
    let teacher = app.member(Role::Teacher).await;
    let moderator = app.member(Role::Moderator).await;
    let student = app.member(Role::Student).await;
    let outsider = app.member(Role::Practitioner).await;

    // The teacher writes a course with a module, a lesson and its quiz.
    let path = write_course(&teacher, "Procena u praksi", "open").await;
    let module = add_module(&app, &teacher, &path, "Procena porodice").await;
    let lesson = add_lesson(&app, &teacher, &path, &module, "Šta je procena", "Tekst.").await;
    let course_page = teacher.get(&path).await;
    let edit = format!("{path}/modules/{module}/quiz/edit");
    assert!(course_page.body.contains(&format!("href=\"{edit}\"")));
    let bad = teacher
        .submit_form(
            &edit,
            &edit,
            &[("pass_mark", "0"), ("cooldown_hours", "24")],
        )
        .await;
    bad.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Upišite prag između 1 i 100."));
    teacher
        .submit_form(
            &edit,
            &edit,
            &[
                ("pass_mark", "60"),
                ("max_attempts", "2"),
                ("cooldown_hours", "24"),
            ],
        )
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let new = format!("{path}/modules/{module}/quiz/questions/new");
    // Two answers marked correct on a single-choice question: kept, refused.
    let refused = teacher
        .submit_form(
            &new,
            &new,
            &[
                ("kind", "single"),
                ("prompt", "Ko vodi slučaj?"),
                ("answer_0", "Voditelj slučaja"),
                ("correct_0", "yes"),
                ("answer_1", "Sud"),
                ("correct_1", "yes"),
            ],
        )
        .await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("Označite tačno jedan odgovor kao tačan.")
    );
    assert!(refused.body.contains("value=\"Voditelj slučaja\""), "kept");
    // A JMBG in an answer is refused beside that answer, the text kept.
    let jmbg = "Dete sa JMBG 0101990710008";
    let guarded = teacher
        .submit_form(
            &new,
            &new,
            &[
                ("kind", "single"),
                ("prompt", "Ko vodi slučaj?"),
                ("answer_0", "Voditelj slučaja"),
                ("correct_0", "yes"),
                ("answer_1", jmbg),
            ],
        )
        .await;
    guarded.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        guarded.body.contains("id=\"answer_1-error\""),
        "{}",
        guarded.body
    );
    assert!(guarded.body.contains(jmbg), "kept");
    teacher
        .submit_form(
            &new,
            &new,
            &[
                ("kind", "single"),
                ("prompt", "Ko vodi slučaj?"),
                ("answer_0", "Voditelj slučaja"),
                ("correct_0", "yes"),
                ("answer_1", "Sud"),
                ("answer_3", "Škola"),
                ("feedback", "Slučaj vodi voditelj slučaja u centru."),
            ],
        )
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let mut fields = vec![
        ("kind".to_owned(), "multiple".to_owned()),
        ("prompt".to_owned(), "Šta ulazi u procenu?".to_owned()),
        (
            "feedback".to_owned(),
            "Procena obuhvata porodicu, dete, stan i prihode.".to_owned(),
        ),
    ];
    for (i, (text, correct)) in MULTIPLE.iter().enumerate() {
        fields.push((format!("answer_{i}"), (*text).to_owned()));
        if *correct {
            fields.push((format!("correct_{i}"), "yes".to_owned()));
        }
    }
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    teacher
        .submit_form(&new, &new, &fields)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let edit_page = teacher.get(&edit).await;
    assert!(edit_page.body.contains("Ko vodi slučaj?") && edit_page.body.contains("Horoskop"));
    teacher
        .submit_form(&path, &format!("{path}/submit"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    moderator
        .submit_form(&path, &format!("{path}/decide"), &[("action", "publish")])
        .await
        .assert_status(StatusCode::SEE_OTHER);

    // Visitors and members not enrolled cannot take it.
    let quiz = format!("{path}/modules/{module}/quiz");
    let start = format!("{quiz}/start");
    let visitor = app.new_browser().get(&quiz).await;
    assert_eq!(visitor.status, StatusCode::SEE_OTHER, "sign in first");
    outsider
        .get(&quiz)
        .await
        .assert_status(StatusCode::FORBIDDEN);
    post(&outsider, &path, &start, &[])
        .await
        .assert_status(StatusCode::FORBIDDEN);

    // The student enrols; the lesson's navigation leads to the quiz.
    student
        .submit_form(&path, &format!("{path}/enrol"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let lesson_page = student.get(&format!("{path}/lessons/{lesson}")).await;
    assert!(lesson_page.body.contains(&format!("href=\"{quiz}\"")));
    let first_look = student.get(&quiz).await;
    assert!(
        first_look.body.contains("Započni test"),
        "{}",
        first_look.body
    );
    student
        .submit_form(&quiz, &start, &[])
        .await
        .assert_redirect_to(&quiz);
    let open = student.get(&quiz).await;
    assert!(open.body.contains("Ko vodi slučaj?") && open.body.contains("Horoskop"));
    // Nothing on the page tells the correct answers from the others.
    for telltale in ["correct", "Tačno", "checked", "Slučaj vodi voditelj"] {
        assert!(
            !open.body.contains(telltale),
            "{telltale} before submitting"
        );
    }
    // A reload (a lost connection) shows the same attempt in the same order,
    // the order stored in the attempt and derived from its own id.
    let order = shown_order(&open.body);
    assert_eq!(order.len(), 11, "{}", open.body);
    let again = student.get(&quiz).await;
    assert_eq!(shown_order(&again.body), order);
    let single = question(&app, "Ko vodi slučaj?").await;
    let multiple = question(&app, "Šta ulazi u procenu?").await;
    let check_order = |(id, questions, answers, _): &(Uuid, Vec<Uuid>, Vec<Uuid>, Option<i32>)| {
        let authored: Vec<Uuid> = vec![single.parse().unwrap(), multiple.parse().unwrap()];
        assert_eq!(
            questions,
            &shuffled(authored, seed_of(*id)),
            "the attempt's own shuffle"
        );
        let mut sorted = answers.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 11, "every answer once");
    };
    let first = attempts(&app, &student).await;
    assert_eq!(first.len(), 1);
    check_order(&first[0]);
    let page_order: Vec<Uuid> = order.iter().map(|id| id.parse().unwrap()).collect();
    let mut stored_by_question = Vec::new();
    for q in &first[0].1 {
        let of_q: Vec<Uuid> =
            sqlx::query_scalar("SELECT answer_id FROM quiz_answers WHERE question_id = $1")
                .bind(q)
                .fetch_all(&app.pool)
                .await
                .unwrap();
        stored_by_question.extend(first[0].2.iter().filter(|a| of_q.contains(a)).copied());
    }
    assert_eq!(
        page_order, stored_by_question,
        "the page shows the stored order"
    );
    // Starting again while the attempt is open continues it.
    post(&student, &quiz, &start, &[])
        .await
        .assert_redirect_to(&quiz);
    assert_eq!(attempts(&app, &student).await.len(), 1);

    // Someone else's attempt is not found, even once enrolled.
    let attempt_path = format!("{quiz}/attempts/{}", first[0].0);
    outsider
        .submit_form(&path, &format!("{path}/enrol"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    post(&outsider, &quiz, &attempt_path, &[])
        .await
        .assert_status(StatusCode::NOT_FOUND);

    // She gets the single-choice question wrong: 50% of a 60% pass mark.
    let (q1, q2) = (format!("q_{single}"), format!("q_{multiple}"));
    let (sud, voditelj) = (
        answer(&app, "Sud").await,
        answer(&app, "Voditelj slučaja").await,
    );
    let mut all_right = Vec::new();
    for (text, correct) in MULTIPLE {
        if correct {
            all_right.push(answer(&app, text).await);
        }
    }
    let mut wrong: Vec<(&str, &str)> = vec![(&q1, &sud)];
    wrong.extend(all_right.iter().map(|a| (q2.as_str(), a.as_str())));
    // (The checkboxes repeat a name, which `submit_form` would fold.)
    post(&student, &quiz, &attempt_path, &wrong)
        .await
        .assert_redirect_to(&quiz);
    let failed_at = app.clock.now();
    let result = student.get(&quiz).await;
    assert!(result.body.contains("Rezultat: 50%"), "{}", result.body);
    assert!(result.body.contains("nije položeno"));
    assert!(result.body.contains("Netačno") && result.body.contains("Tačno"));
    assert!(
        result
            .body
            .contains("Slučaj vodi voditelj slučaja u centru."),
        "feedback"
    );
    assert!(
        result
            .body
            .contains("Procena obuhvata porodicu, dete, stan i prihode.")
    );
    // Not again before 24 hours, and she is told until when (Belgrade time).
    let until = (failed_at + Duration::hours(24))
        .with_timezone(&Belgrade)
        .format("%-d. %-m. %Y. u %H:%M")
        .to_string();
    assert!(
        result
            .body
            .contains(&format!("Ponovo možete pokušati posle {until}.")),
        "{}",
        result.body
    );
    assert!(!result.body.contains(&format!("action=\"{start}\"")));
    later(&app, &student, 23).await;
    post(&student, &quiz, &start, &[])
        .await
        .assert_redirect_to(&quiz);
    assert_eq!(
        attempts(&app, &student).await.len(),
        1,
        "refused in the cool-down"
    );
    // Submitting the same attempt again, right this time, changes nothing.
    let mut right: Vec<(&str, &str)> = vec![(&q1, &voditelj)];
    right.extend(all_right.iter().map(|a| (q2.as_str(), a.as_str())));
    post(&student, &quiz, &attempt_path, &right)
        .await
        .assert_redirect_to(&quiz);
    assert_eq!(attempts(&app, &student).await[0].3, Some(50), "idempotent");

    // After the cool-down she tries again and passes.
    later(&app, &student, 1).await;
    student
        .submit_form(&quiz, &start, &[])
        .await
        .assert_redirect_to(&quiz);
    let both = attempts(&app, &student).await;
    assert_eq!(both.len(), 2);
    check_order(&both[1]);
    let second_path = format!("{quiz}/attempts/{}", both[1].0);
    post(&student, &quiz, &second_path, &right)
        .await
        .assert_redirect_to(&quiz);
    let passed = student.get(&quiz).await;
    assert!(passed.body.contains("Rezultat: 100%"), "{}", passed.body);
    assert!(passed.body.contains("Test položen"));

    // A third attempt is refused: both are used.
    later(&app, &student, 48).await;
    let used_up = student.get(&quiz).await;
    assert!(
        used_up
            .body
            .contains("Iskoristili ste sve pokušaje za ovaj test.")
    );
    post(&student, &quiz, &start, &[])
        .await
        .assert_redirect_to(&quiz);
    assert_eq!(attempts(&app, &student).await.len(), 2);

    // The course page shows the quiz passed, and progress counts it.
    let page = student.get(&path).await;
    assert!(page.body.contains("Test položen"), "{}", page.body);
    assert!(page.body.contains("Završeno lekcija i testova: 1 od 2"));
    let learning = student.get("/me/learning").await;
    assert!(learning.body.contains("Završeno lekcija i testova: 1 od 2"));

    // Her attempts are in her data download and go with her account.
    let archive = student.download_data().await;
    let tried = &archive.data["courses"]["quiz_attempts"];
    assert_eq!(tried.as_array().map(Vec::len), Some(2), "{tried}");
    assert_eq!(tried[0]["module"], "Procena porodice");
    assert!(archive.html.contains("Vaši pokušaji testova"));
    student
        .submit_form("/settings", "/settings/delete", &[("password", PASSWORD)])
        .await
        .assert_redirect_to("/");
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM quiz_attempts WHERE user_id = $1")
        .bind(student.user_id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(left, 0);
}
