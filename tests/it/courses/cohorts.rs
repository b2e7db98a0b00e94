//! Cohorts: the author runs her published course as a cohort with dates,
//! a deadline and a closed discussion group; members join (enrolled, in the
//! group); the teacher sees each member's progress, everyone else only the
//! totals; the weekly reminder reaches those behind, once a week, never
//! twice from two schedulers, honouring their choice, and not after the
//! deadline.

use super::{add_lesson, add_module, write_course};
use crate::common::TestApp;
use crate::common::actors::Actor;
use crate::common::members::PASSWORD;
use axum::http::StatusCode;
use chrono::Duration;
use kolega::members::Role;

/// A member with a name no other actor of the test carries (the pages are
/// searched for names).
async fn named(app: &TestApp, name: &str, email: &str, role: Role) -> Actor {
    let member = app.create_member(name, email, role).await;
    let browser = app.new_browser();
    browser
        .sign_in(email, PASSWORD)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    Actor {
        browser,
        user_id: app.user_id(email).await,
        email: member.email,
        handle: member.handle,
    }
}

/// A published course of one module with four lessons, by `teacher`; its
/// path and the lessons' paths.
async fn four_lesson_course(app: &TestApp, teacher: &Actor) -> (String, Vec<String>) {
    let moderator = app.member(Role::Moderator).await;
    let path = write_course(teacher, "Kurs u kohorti", "open").await;
    let module = add_module(app, teacher, &path, "Jedini modul").await;
    let mut lessons = Vec::new();
    for n in 1..=4 {
        let title = format!("Lekcija broj {n}");
        let id = add_lesson(app, teacher, &path, &module, &title, "Tekst.").await;
        lessons.push(format!("{path}/lessons/{id}"));
    }
    teacher
        .submit_form(&path, &format!("{path}/submit"), &[])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    moderator
        .submit_form(&path, &format!("{path}/decide"), &[("action", "publish")])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    (path, lessons)
}

/// The teacher's cohort from 23 November (the test clock's day) to 21
/// December (28 days), deadline 28 December; its path.
async fn autumn_cohort(teacher: &Actor, course: &str) -> String {
    let form = format!("{course}/cohorts/new");
    let created = teacher
        .submit_form(
            &form,
            &form,
            &[
                ("title", "Jesen 2026"),
                ("starts_on", "2026-11-23"),
                ("ends_on", "2026-12-21"),
                ("deadline", "2026-12-28"),
            ],
        )
        .await;
    created.assert_status(StatusCode::SEE_OTHER);
    created.header("location").unwrap().to_owned()
}

async fn join(member: &Actor, cohort: &str) {
    member
        .submit_form(cohort, &format!("{cohort}/join"), &[])
        .await
        .assert_redirect_to(cohort);
}

async fn mark_done(member: &Actor, lessons: &[String]) {
    for lesson in lessons {
        member
            .submit_form(lesson, &format!("{lesson}/done"), &[])
            .await
            .assert_status(StatusCode::SEE_OTHER);
    }
}

#[tokio::test]
async fn a_cohort_has_its_group_and_only_its_teacher_sees_each_member() {
    let app = TestApp::spawn().await;
    let teacher = named(&app, "Nastavnica Zorka", "zorka@fpn.rs", Role::Teacher).await;
    let (course, lessons) = four_lesson_course(&app, &teacher).await;
    let ana = named(&app, "Ana Kohortić", "ana@csr.rs", Role::Student).await;
    let marko = named(&app, "Marko Zaostalić", "marko@csr.rs", Role::Student).await;
    let moderator = app.member(Role::Moderator).await;
    let visitor = app.new_browser();

    // Only the author (or a moderator) runs a cohort.
    let form = format!("{course}/cohorts/new");
    ana.get(&form).await.assert_status(StatusCode::FORBIDDEN);
    let token = ana.csrf_token().unwrap();
    ana.post_form(&form, &[("csrf_token", &token), ("title", "Moja")])
        .await
        .assert_status(StatusCode::FORBIDDEN);
    // Dates out of order come back beside the field, with the input kept.
    let wrong = teacher
        .submit_form(
            &form,
            &form,
            &[
                ("title", "Pogrešna"),
                ("starts_on", "2026-12-21"),
                ("ends_on", "2026-11-23"),
            ],
        )
        .await;
    wrong.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("id=\"ends_on-error\"") && wrong.body.contains("Pogrešna"));

    let cohort = autumn_cohort(&teacher, &course).await;
    let page = teacher.get(&cohort).await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains("Jesen 2026") && page.body.contains("28. 12. 2026."));
    // Its discussion group: closed, owned by the teacher, linked.
    let (group_slug, visibility, owner): (String, String, String) = sqlx::query_as(
        "SELECT g.slug, g.visibility, u.email FROM course_cohorts h
         JOIN groups g ON g.group_id = h.group_id
         JOIN group_members m ON m.group_id = g.group_id AND m.role = 'owner'
         JOIN users u ON u.user_id = m.user_id",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        (visibility.as_str(), owner.as_str()),
        ("closed", "zorka@fpn.rs")
    );
    let group = format!("/groups/{group_slug}");
    assert!(page.body.contains(&format!("href=\"{group}\"")));
    assert!(
        ana.get(&course).await.body.contains(&cohort),
        "the course lists its cohort"
    );

    // Joining enrols her and lets her into the group.
    join(&ana, &cohort).await;
    join(&marko, &cohort).await;
    for member in [&ana, &marko] {
        let (enrolled, in_group): (bool, bool) = sqlx::query_as(
            "SELECT EXISTS (SELECT 1 FROM enrolments WHERE user_id = $1),
                    EXISTS (SELECT 1 FROM group_members WHERE user_id = $1 AND status = 'active')",
        )
        .bind(member.user_id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
        assert!(enrolled && in_group, "{}", member.email);
    }
    let thread = ana
        .start_thread(&group, "Pitanje o prvoj lekciji", "Da li je neko završio?")
        .await;
    marko.get(&thread).await.assert_status(StatusCode::OK);
    mark_done(&ana, &lessons[..2]).await;

    // The teacher sees each member, with progress and last activity.
    let page = teacher.get(&cohort).await.body;
    let table = page
        .split("id=\"cohort-members\"")
        .nth(1)
        .expect("the members' table")
        .to_owned();
    assert!(table.contains("Ana Kohortić") && table.contains("Završeno lekcija i testova: 2 od 4"));
    assert!(
        table.contains("Marko Zaostalić") && table.contains("Završeno lekcija i testova: 0 od 4")
    );
    assert!(
        table.contains("23. 11. 2026."),
        "Ana's last activity: {table}"
    );

    // Everyone else sees the totals only: 2 enrolled, none finished, 25 %
    // on average (2 of 4 and 0 of 4) — and no name of a member.
    for (who, body) in [
        ("member", ana.get(&cohort).await.body),
        ("moderator", moderator.get(&cohort).await.body),
        ("visitor", visitor.get(&cohort).await.body),
    ] {
        let totals = body
            .split("id=\"cohort-aggregates\"")
            .nth(1)
            .unwrap_or_else(|| panic!("{who}: the totals"))
            .split("</dl>")
            .next()
            .unwrap()
            .to_owned();
        assert!(
            totals.contains("<dd>2</dd>") && totals.contains("<dd>0</dd>"),
            "{who}: {totals}"
        );
        assert!(totals.contains("25 %"), "{who}: {totals}");
        assert!(!body.contains("id=\"cohort-members\""), "{who}");
        assert!(!body.contains("Marko Zaostalić"), "{who} sees a name");
        assert!(!body.contains("Ana Kohortić") || who == "member", "{who}");
    }
    // A visitor is asked to sign in before joining.
    let token = visitor.csrf_token().unwrap_or_default();
    let refused = visitor
        .post_form(&format!("{cohort}/join"), &[("csrf_token", &token)])
        .await;
    assert!(refused.status.is_redirection() || refused.status == StatusCode::FORBIDDEN);
    assert_eq!(
        app.count("SELECT count(*) FROM cohort_members").await,
        2,
        "nobody else joined"
    );
}

#[tokio::test]
async fn the_weekly_reminder_reaches_those_behind_once_a_week_until_the_deadline() {
    let app = TestApp::spawn().await;
    let teacher = named(&app, "Nastavnica Zorka", "zorka@fpn.rs", Role::Teacher).await;
    let (course, lessons) = four_lesson_course(&app, &teacher).await;
    let cohort = autumn_cohort(&teacher, &course).await;
    let ana = named(&app, "Ana Polović", "ana@csr.rs", Role::Student).await;
    let marko = named(&app, "Marko Nulić", "marko@csr.rs", Role::Student).await;
    let vesna = named(&app, "Vesna Gotović", "vesna@csr.rs", Role::Student).await;
    let ivan = named(&app, "Ivan Tihić", "ivan@csr.rs", Role::Student).await;
    for member in [&ana, &marko, &vesna, &ivan] {
        join(member, &cohort).await;
    }
    mark_done(&ana, &lessons[..2]).await;
    mark_done(&vesna, &lessons).await;
    // Ivan wants no cohort reminders by e-mail.
    sqlx::query(
        "INSERT INTO notification_settings (user_id, kind, delivery) VALUES ($1, 'cohort_reminder', 'never')",
    )
    .bind(ivan.user_id)
    .execute(&app.pool)
    .await
    .unwrap();
    app.deliver_new_mail().await;
    let base = app.state.config.base_url.clone();
    let remind = || kolega::courses::reminders::send_due(&app.pool, &base, app.clock.now());

    // The first day: no time has gone, nobody is behind.
    assert_eq!(remind().await.unwrap(), 0);

    // A week in (a quarter of the cohort's 28 days): Marko (0 of 4) and
    // Ivan are behind; Ana (2 of 4) is not, Vesna finished.
    app.clock.advance(Duration::days(7));
    assert_eq!(remind().await.unwrap(), 2);
    assert_eq!(remind().await.unwrap(), 0, "never twice");
    let mail = app.deliver_new_mail().await;
    assert_eq!(mail.len(), 1, "Ivan chose no mail: {mail:?}");
    assert_eq!(mail[0].to, "marko@csr.rs");
    assert!(
        mail[0].subject.contains("Kurs u kohorti"),
        "{}",
        mail[0].subject
    );
    let text = &mail[0].text;
    assert!(
        text.contains("Jesen 2026") && text.contains("0 od 4"),
        "{text}"
    );
    assert!(
        text.contains("28. 12. 2026.") && text.contains(&cohort),
        "{text}"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM notifications WHERE user_id = '{}' AND kind = 'cohort_reminder'",
            ivan.user_id
        ))
        .await,
        1,
        "Ivan's reminder waits in the app"
    );

    // Two schedulers at once, a week later (half the time gone): each
    // reminder is claimed by one of them.
    app.clock.advance(Duration::days(7));
    let (first, second) = tokio::join!(remind(), remind());
    assert_eq!(first.unwrap() + second.unwrap(), 2, "Marko and Ivan, once");
    let mail = app.deliver_new_mail().await;
    assert_eq!(mail.len(), 1, "{mail:?}");
    assert_eq!(mail[0].to, "marko@csr.rs");

    // Three days later (17 of 28 days gone) Ana, half done, is behind;
    // Marko and Ivan were reminded 3 days ago and are not due.
    app.clock.advance(Duration::days(3));
    assert_eq!(remind().await.unwrap(), 1);
    let mail = app.deliver_new_mail().await;
    assert_eq!(mail.len(), 1, "{mail:?}");
    assert_eq!(mail[0].to, "ana@csr.rs");
    assert!(mail[0].text.contains("2 od 4"), "{}", mail[0].text);
    // Four days more: Marko and Ivan again, Ana not (4 days since hers).
    app.clock.advance(Duration::days(4));
    assert_eq!(remind().await.unwrap(), 2);
    let mail = app.deliver_new_mail().await;
    assert_eq!(mail.len(), 1, "{mail:?}");
    assert_eq!(mail[0].to, "marko@csr.rs");

    // After the deadline (28 December) nothing goes, however long it was.
    app.clock.advance(Duration::days(15));
    assert_eq!(remind().await.unwrap(), 0);
    assert!(app.deliver_new_mail().await.is_empty());
}
