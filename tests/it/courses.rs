//! Courses: a teacher writes a course with modules and lessons, reorders,
//! sends it for review; moderators return it with a reason and publish it;
//! students find it in either script, enrol, mark lessons done, see their
//! progress and continue; visitors read open courses only; permissions and
//! the personal-data guard hold; finishing a course completes it with its
//! points and certificate.

mod attachments;
mod catalogue;
mod cohorts;
mod completion;
mod figures;
mod group_courses;
mod quizzes;
mod review;

use crate::common::TestApp;
use crate::common::actors::Actor;
use axum::http::StatusCode;
use kolega::members::Role;

/// The course's fields as the form sends them.
fn course<'a>(title: &'a str, audience: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title", title),
        ("summary", "Kako da centar prati hraniteljsku porodicu."),
        ("description", "Kurs za **voditelje slučaja**."),
        ("language", "sr"),
        ("level", "introductory"),
        ("estimated_hours", "3"),
        ("licence_points", "4"),
        ("topics", "child-protection"),
        ("audience", audience),
    ]
}

/// Creates a draft through the form; its page's path.
async fn write_course(author: &Actor, title: &str, audience: &str) -> String {
    let created = author
        .submit_form("/courses/new", "/courses/new", &course(title, audience))
        .await;
    created.assert_status(StatusCode::SEE_OTHER);
    created.header("location").unwrap().to_owned()
}

async fn add_module(app: &TestApp, author: &Actor, path: &str, title: &str) -> String {
    author
        .submit_form(path, &format!("{path}/modules"), &[("title", title)])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    id_of(app, "course_modules", title).await
}

async fn add_lesson(
    app: &TestApp,
    author: &Actor,
    path: &str,
    module: &str,
    title: &str,
    body: &str,
) -> String {
    let form = format!("{path}/modules/{module}/lessons/new");
    author
        .submit_form(&form, &form, &[("title", title), ("body", body)])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    id_of(app, "lessons", title).await
}

/// The id of the module or lesson with this (in the test, unique) title.
async fn id_of(app: &TestApp, table: &str, title: &str) -> String {
    let column = if table == "lessons" {
        "lesson_id"
    } else {
        "module_id"
    };
    sqlx::query_scalar(&format!(
        "SELECT {column}::text FROM {table} WHERE title = $1"
    ))
    .bind(title)
    .fetch_one(&app.pool)
    .await
    .unwrap_or_else(|e| panic!("{table} {title}: {e}"))
}

/// A published course with one module and one lesson; (page, lesson path).
async fn published_course(app: &TestApp, title: &str, audience: &str) -> (String, String) {
    let teacher = app.member(Role::Teacher).await;
    let moderator = app.member(Role::Moderator).await;
    let path = write_course(&teacher, title, audience).await;
    let module = add_module(app, &teacher, &path, &format!("Osnove: {title}")).await;
    let lesson = add_lesson(
        app,
        &teacher,
        &path,
        &module,
        &format!("Uvod: {title}"),
        "Tekst prve lekcije.",
    )
    .await;
    teacher
        .submit_form(&path, &format!("{path}/submit"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    moderator
        .submit_form(&path, &format!("{path}/decide"), &[("action", "publish")])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let lesson_path = format!("{path}/lessons/{lesson}");
    (path, lesson_path)
}

#[tokio::test]
async fn a_course_is_written_reviewed_published_found_and_followed() {
    let app = TestApp::spawn().await;
    let teacher = app.member(Role::Teacher).await;
    let moderator = app.member(Role::Moderator).await;
    let student = app.member(Role::Student).await;

    // The teacher writes a course with two modules and three lessons.
    let path = write_course(&teacher, "Hraniteljstvo u praksi", "open").await;
    assert_eq!(path, "/courses/hraniteljstvo-u-praksi");
    let first = add_module(&app, &teacher, &path, "Pre smeštaja").await;
    let second = add_module(&app, &teacher, &path, "Posle smeštaja").await;
    let procena = add_lesson(
        &app,
        &teacher,
        &path,
        &first,
        "Procena porodice",
        "Prvi **korak**.",
    )
    .await;
    let plan = add_lesson(
        &app,
        &teacher,
        &path,
        &first,
        "Plan smeštaja",
        "Drugi korak.",
    )
    .await;
    let pracenje = add_lesson(
        &app,
        &teacher,
        &path,
        &second,
        "Praćenje",
        "Posete porodici.",
    )
    .await;

    // She moves "Plan smeštaja" up: it now comes first.
    teacher
        .submit_form(
            &path,
            &format!("{path}/lessons/{plan}/move"),
            &[("direction", "up")],
        )
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let page = teacher.get(&path).await;
    let at = |text: &str| page.body.find(text).unwrap_or_else(|| panic!("{text}"));
    assert!(
        at("Plan smeštaja") < at("Procena porodice"),
        "{}",
        page.body
    );
    assert!(at("Procena porodice") < at("Praćenje"));

    // A draft is the author's: a student gets "not found" everywhere.
    let lesson = format!("{path}/lessons/{procena}");
    student
        .get(&path)
        .await
        .assert_status(StatusCode::NOT_FOUND);
    student
        .get(&lesson)
        .await
        .assert_status(StatusCode::NOT_FOUND);
    assert!(
        !student
            .get("/courses")
            .await
            .body
            .contains("Hraniteljstvo u praksi")
    );
    let search =
        "/courses?q=%D1%85%D1%80%D0%B0%D0%BD%D0%B8%D1%82%D0%B5%D1%99%D1%81%D1%82%D0%B2%D0%BE";
    assert!(
        !student
            .get(search)
            .await
            .body
            .contains("Hraniteljstvo u praksi")
    );

    // She edits the course and renames a module; her draft is listed as hers.
    let edit = format!("{path}/edit");
    let mut edited = course("Hraniteljstvo u praksi", "open");
    edited.retain(|(name, _)| *name != "summary");
    edited.push(("summary", "Od procene do praćenja."));
    teacher
        .submit_form(&edit, &edit, &edited)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let rename = format!("{path}/modules/{second}/edit");
    teacher
        .submit_form(&rename, &rename, &[("title", "Nakon smeštaja")])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let page = teacher.get(&path).await;
    assert!(page.body.contains("Od procene do praćenja.") && page.body.contains("Nakon smeštaja"));
    let catalogue = teacher.get("/courses").await.body;
    assert!(catalogue.contains("Moji neobjavljeni kursevi") && catalogue.contains(&path));

    // Sent for review (no longer hers to edit); the moderator finds it
    // waiting and returns it with a reason.
    teacher
        .submit_form(&path, &format!("{path}/submit"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    teacher
        .get(&edit)
        .await
        .assert_status(StatusCode::FORBIDDEN);
    let waiting = moderator.get("/courses").await.body;
    assert!(waiting.contains("Kursevi na pregledu") && waiting.contains(&path));
    student
        .get(&path)
        .await
        .assert_status(StatusCode::NOT_FOUND);
    let decide = format!("{path}/decide");
    let no_reason = moderator
        .submit_form(&path, &decide, &[("action", "return"), ("reason", " ")])
        .await;
    no_reason.assert_status(StatusCode::SEE_OTHER);
    moderator
        .submit_form(
            &path,
            &decide,
            &[("action", "return"), ("reason", "Dodajte literaturu.")],
        )
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let mail = app.deliver_new_mail().await;
    let told = mail
        .iter()
        .find(|m| m.to.contains(&teacher.email))
        .expect("the author is told");
    assert!(told.text.contains("Dodajte literaturu."), "{}", told.text);
    assert!(told.text.contains(&path), "{}", told.text);
    let page = teacher.get(&path).await;
    assert!(page.body.contains("Dodajte literaturu."));
    assert!(
        page.body.contains("Na pregledu"),
        "the log shows each change"
    );
    assert!(page.body.contains("Nacrt"));

    // Sent again and published: the author is told, the log grows.
    teacher
        .submit_form(&path, &format!("{path}/submit"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    moderator
        .submit_form(&path, &decide, &[("action", "publish")])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let mail = app.deliver_new_mail().await;
    assert!(
        mail.iter()
            .any(|m| m.to.contains(&teacher.email) && m.subject.contains("Objavljen kurs")),
        "{mail:?}"
    );
    let log = moderator.get(&path).await.body;
    assert!(log.contains("Objavljen") && log.contains("Dodajte literaturu."));

    // A student finds it by a Cyrillic word, with the facts of the course.
    let found = student.get(search).await;
    assert!(
        found.body.contains("Hraniteljstvo u praksi"),
        "{}",
        found.body
    );
    assert!(found.body.contains("3 sata") && found.body.contains("4 boda"));
    let other = student.get("/courses?q=supervizija").await;
    assert!(!other.body.contains("Hraniteljstvo u praksi"));
    assert!(other.body.contains("Nema objavljenih kurseva"));
    let filtered = student.get("/courses?level=advanced").await;
    assert!(!filtered.body.contains("Hraniteljstvo u praksi"));

    // She enrols (to the first lesson), marks two lessons done.
    let enrolled = student
        .submit_form(&path, &format!("{path}/enrol"), &[])
        .await;
    enrolled.assert_redirect_to(&format!("{path}/lessons/{plan}"));
    let plan_path = format!("{path}/lessons/{plan}");
    let done = student
        .submit_form(&plan_path, &format!("{plan_path}/done"), &[])
        .await;
    done.assert_redirect_to(&lesson);
    let page = student.get(&lesson).await;
    assert!(
        page.body.contains("Prvi <strong>korak</strong>"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains(&format!("href=\"{plan_path}\"")),
        "previous"
    );
    assert!(
        page.body.contains(&format!("{path}/lessons/{pracenje}")),
        "next"
    );
    student
        .submit_form(&lesson, &format!("{lesson}/done"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    // She opens the third lesson and leaves.
    student.get(&format!("{path}/lessons/{pracenje}")).await;

    let page = student.get(&path).await;
    assert!(
        page.body.contains("Završeno lekcija i testova: 2 od 3"),
        "{}",
        page.body
    );
    let learning = student.get("/me/learning").await;
    assert!(learning.body.contains("Hraniteljstvo u praksi"));
    assert!(learning.body.contains("Završeno lekcija i testova: 2 od 3"));
    assert!(
        learning
            .body
            .contains(&format!("href=\"{path}/lessons/{pracenje}\"")),
        "continue leads to the last lesson opened: {}",
        learning.body
    );
    // In Cyrillic, the course reads in Cyrillic.
    student
        .submit_form("/", "/language", &[("lang", "sr-Cyrl")])
        .await;
    let cyrillic = student.get(&path).await;
    assert!(
        cyrillic.body.contains("Хранитељство у пракси"),
        "{}",
        cyrillic.body
    );
}

#[tokio::test]
async fn an_empty_learning_page_leads_to_the_catalogue() {
    let app = TestApp::spawn().await;
    let student = app.member(Role::Student).await;
    let page = student.get("/me/learning").await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains("Još niste započeli nijedan kurs"));
    assert!(page.body.contains("href=\"/courses\""));
    app.new_browser()
        .get("/me/learning")
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn visitors_read_open_courses_and_members_only_ones_need_enrolment() {
    let app = TestApp::spawn().await;
    let (open, open_lesson) = published_course(&app, "Otvoreni kurs o nasilju", "open").await;
    let (closed, closed_lesson) = published_course(&app, "Kurs za clanove", "members").await;
    let visitor = app.new_browser();

    let lesson = visitor.get(&open_lesson).await;
    lesson.assert_status(StatusCode::OK);
    assert!(lesson.body.contains("Tekst prve lekcije."));
    assert!(visitor.get(&open).await.body.contains(&open_lesson));

    let catalogue = visitor.get("/courses").await;
    assert!(
        catalogue.body.contains("Kurs za clanove"),
        "listed to visitors"
    );
    assert!(catalogue.body.contains("Prijavite se da biste pohađali"));
    let page = visitor.get(&closed).await;
    page.assert_status(StatusCode::OK);
    assert!(
        !page.body.contains(&closed_lesson),
        "no link to the lessons"
    );
    let refused = visitor.get(&closed_lesson).await;
    refused.assert_status(StatusCode::SEE_OTHER);
    assert!(refused.header("location").unwrap().starts_with("/login"));

    let student = app.member(Role::Student).await;
    student
        .get(&closed_lesson)
        .await
        .assert_status(StatusCode::FORBIDDEN);
    student
        .submit_form(&closed, &format!("{closed}/enrol"), &[])
        .await
        .assert_redirect_to(&closed_lesson);
    let lesson = student.get(&closed_lesson).await;
    lesson.assert_status(StatusCode::OK);
    assert!(lesson.body.contains("Tekst prve lekcije."));
}

#[tokio::test]
async fn practitioners_and_students_cannot_write_courses() {
    let app = TestApp::spawn().await;
    for role in [Role::Practitioner, Role::Student] {
        let member = app.member(role).await;
        member
            .get("/courses/new")
            .await
            .assert_status(StatusCode::FORBIDDEN);
        let token = member.csrf_token().unwrap();
        let mut fields = course("Neovlašćeni kurs", "open");
        fields.push(("csrf_token", &token));
        member
            .post_form("/courses/new", &fields)
            .await
            .assert_status(StatusCode::FORBIDDEN);
        assert!(!member.get("/courses").await.body.contains("/courses/new"));
    }
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM courses")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn a_lesson_with_a_jmbg_is_refused_with_the_text_kept() {
    let app = TestApp::spawn().await;
    let teacher = app.member(Role::Teacher).await;
    let path = write_course(&teacher, "Vođenje slučaja", "open").await;
    let module = add_module(&app, &teacher, &path, "Dokumentacija").await;
    let form = format!("{path}/modules/{module}/lessons/new");
    let body = "Primer: dete sa JMBG 0101990710008 u evidenciji.";
    let refused = teacher
        .submit_form(
            &form,
            &form,
            &[("title", "Primer iz prakse"), ("body", body)],
        )
        .await;
    refused.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains(body), "the text is kept");
    assert!(refused.body.contains("Primer iz prakse"));
    assert!(
        refused.body.contains("id=\"body-error\""),
        "{}",
        refused.body
    );
    // A phone number asks the author to confirm it is no client's.
    let phone = [("title", "Kontakt"), ("body", "Dežurni tim: 064 123 4567.")];
    let asked = teacher.submit_form(&form, &form, &phone).await;
    asked.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(asked.body.contains("name=\"confirm_personal_data\""));
    let mut confirmed = phone.to_vec();
    confirmed.push(("confirm_personal_data", "yes"));
    teacher
        .submit_form(&form, &form, &confirmed)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    // A course form with mistakes comes back the same way.
    let mut fields = course("Vođenje slučaja 2", "open");
    fields.retain(|(name, _)| *name != "estimated_hours");
    fields.push(("estimated_hours", "nula"));
    let wrong = teacher
        .submit_form("/courses/new", "/courses/new", &fields)
        .await;
    wrong.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("id=\"estimated_hours-error\""));
    assert!(wrong.body.contains("Vođenje slučaja 2"));
    let lessons: i64 = sqlx::query_scalar("SELECT count(*) FROM lessons")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(lessons, 1, "only the confirmed lesson is saved");
}

/// Her learning is hers: the data download lists the course she took and
/// the lesson she finished; deleting her account erases both, and the
/// course stays for the others.
#[tokio::test]
async fn her_learning_is_in_her_data_and_goes_with_her_account() {
    let app = TestApp::spawn().await;
    let (course, lesson) = published_course(&app, "Kurs o starateljstvu", "open").await;
    let student = app.member(Role::Student).await;
    student
        .submit_form(&course, &format!("{course}/enrol"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    student
        .submit_form(&lesson, &format!("{lesson}/done"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);

    let archive = student.download_data().await;
    let courses = &archive.data["courses"];
    assert_eq!(courses["enrolments"][0]["course"], "Kurs o starateljstvu");
    assert_eq!(courses["enrolments"][0]["done_lessons"], 1);
    assert_eq!(
        courses["lessons_done"][0]["lesson"],
        "Uvod: Kurs o starateljstvu"
    );
    assert!(archive.html.contains("Kursevi na koje ste se upisali"));

    student
        .submit_form(
            "/settings",
            "/settings/delete",
            &[("password", crate::common::members::PASSWORD)],
        )
        .await
        .assert_redirect_to("/");
    let left = |table: &'static str| {
        let sql = format!("SELECT count(*) FROM {table} WHERE user_id = $1");
        let pool = app.pool.clone();
        let id = student.user_id;
        async move {
            sqlx::query_scalar::<_, i64>(&sql)
                .bind(id)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    assert_eq!(left("enrolments").await, 0);
    assert_eq!(left("lesson_progress").await, 0);
    app.new_browser()
        .get(&lesson)
        .await
        .assert_status(StatusCode::OK);
}

/// The home page shows a member the courses she has started and not
/// finished, with her progress and the way back in; before any, a way to
/// the catalogue; a finished course leaves the home page for /me/learning.
#[tokio::test]
async fn the_home_page_shows_the_courses_she_is_taking() {
    let app = TestApp::spawn().await;
    let (course, lesson) = published_course(&app, "Kurs o usvojenju", "open").await;
    let student = app.member(Role::Student).await;
    let learning_block = |home: &str| {
        home.split("id=\"my-learning\"")
            .nth(1)
            .and_then(|rest| rest.split("</section>").next())
            .expect("the learning block")
            .to_owned()
    };
    let before = learning_block(&student.get("/").await.body);
    assert!(before.contains("Nemate kurs u toku.") && before.contains("href=\"/courses\""));

    student
        .submit_form(&course, &format!("{course}/enrol"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let started = learning_block(&student.get("/").await.body);
    assert!(started.contains("Kurs o usvojenju"));
    assert!(
        started.contains("Završeno lekcija i testova: 0 od 1"),
        "{started}"
    );
    assert!(
        started.contains(&format!("href=\"{lesson}\"")),
        "the way back in"
    );

    student
        .submit_form(&lesson, &format!("{lesson}/done"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let finished = learning_block(&student.get("/").await.body);
    assert!(
        !finished.contains("Kurs o usvojenju"),
        "finished: {finished}"
    );
    assert!(finished.contains("Nemate kurs u toku."));
    assert!(
        student
            .get("/me/learning")
            .await
            .body
            .contains("Kurs o usvojenju")
    );
}
