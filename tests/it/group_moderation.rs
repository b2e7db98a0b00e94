//! Moderation: flags, the queue, hiding, bans, and logged looks at
//! anonymous authors.

use crate::common::TestApp;
use crate::common::groups::link_ending;
use axum::http::StatusCode;
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;

/// Jelena owns a public group; Nikola posts in it; Ana flags his post.
async fn flagged_post(app: &TestApp) -> (String, String) {
    app.create_member("Nikola Đorđević", "nikola@csr.rs", Role::Practitioner)
        .await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .submit_form(
            "/groups/new",
            "/groups/new",
            &[
                ("name", "Hraniteljstvo"),
                ("visibility", "public"),
                ("language", "sr"),
            ],
        )
        .await
        .header("location")
        .unwrap()
        .to_owned();
    app.switch_to("nikola@csr.rs").await;
    app.submit_form(&group, &format!("{group}/join"), &[]).await;
    let path = format!("{group}/new-thread");
    let thread = app
        .submit_form(
            &path,
            &path,
            &[
                ("title", "Kupite moj kurs"),
                ("body", "Najbolji kurs za hranitelje, popust danas!"),
            ],
        )
        .await
        .header("location")
        .unwrap()
        .to_owned();
    app.switch_to("ana@csr.rs").await;
    let page = app.get(&thread).await;
    let flag = link_ending(&page.body, "flag");
    let flagged = app
        .submit_form(&flag, &flag, &[("reason", "spam"), ("note", "Reklama.")])
        .await;
    flagged.assert_redirect_to(&thread);
    (group, thread)
}

#[tokio::test]
async fn a_group_moderator_hides_a_flagged_post_and_the_author_is_told() {
    let app = TestApp::spawn().await;
    let (_group, thread) = flagged_post(&app).await;

    // Ana (a plain member) has no queue to work.
    let empty = app.get("/moderation").await;
    assert!(empty.body.contains("Nema otvorenih prijava."));

    app.switch_to("jelena@csr.rs").await;
    let queue = app.get("/moderation").await;
    assert!(queue.body.contains("Kupite moj kurs") && queue.body.contains("Reklama."));
    let action = queue
        .body
        .split("action=\"/moderation/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let hidden = app
        .submit_form(
            "/moderation",
            &format!("/moderation/{action}"),
            &[
                ("action", "hide"),
                ("note", "Oglasi nisu dozvoljeni."),
                ("ban", "yes"),
            ],
        )
        .await;
    hidden.assert_redirect_to("/moderation");
    assert!(
        app.get("/moderation")
            .await
            .body
            .contains("Nema otvorenih prijava.")
    );
    let as_moderator = app.get(&thread).await;
    assert!(
        as_moderator.body.contains("Najbolji kurs")
            && as_moderator.body.contains("sakriveno od strane moderatora")
    );

    app.switch_to("ana@csr.rs").await;
    let as_member = app.get(&thread).await;
    assert!(as_member.body.contains("Moderatori su sakrili ovu poruku."));
    assert!(!as_member.body.contains("Najbolji kurs"));
    app.clear_cookies();
    assert!(
        !app.get(&thread).await.body.contains("Najbolji kurs"),
        "visitors do not see it either"
    );

    let mail = app.deliver_mail().await;
    let to_author = mail
        .iter()
        .find(|m| m.to == "nikola@csr.rs" && m.subject.contains("sakrivena"))
        .expect("the author is told");
    assert!(to_author.text.contains("Oglasi nisu dozvoljeni."));
    assert_eq!(
        app.count("SELECT count(*) FROM group_members WHERE status = 'banned'")
            .await,
        1,
        "and banned from the group"
    );
}

#[tokio::test]
async fn only_moderators_decide_and_a_kept_post_stays() {
    let app = TestApp::spawn().await;
    let (_group, thread) = flagged_post(&app).await;
    let flag_id: String = sqlx::query_scalar("SELECT flag_id::text FROM flags")
        .fetch_one(&app.pool)
        .await
        .unwrap();

    let token = app.csrf_token().unwrap();
    app.post_form(
        &format!("/moderation/{flag_id}"),
        &[("csrf_token", &token), ("action", "hide")],
    )
    .await
    .assert_status(StatusCode::FORBIDDEN);

    app.switch_to("jelena@csr.rs").await;
    app.submit_form(
        "/moderation",
        &format!("/moderation/{flag_id}"),
        &[("action", "keep")],
    )
    .await;
    app.switch_to("ana@csr.rs").await;
    assert!(app.get(&thread).await.body.contains("Najbolji kurs"));
}

#[tokio::test]
async fn a_site_moderator_sees_flags_from_every_group() {
    let app = TestApp::spawn().await;
    flagged_post(&app).await;
    app.create_member("Milica Jovanović", "milica@kolega.rs", Role::Moderator)
        .await;

    app.switch_to("milica@kolega.rs").await;

    assert!(
        app.get("/moderation")
            .await
            .body
            .contains("Kupite moj kurs")
    );
}

#[tokio::test]
async fn looking_at_anonymous_authors_is_logged() {
    let app = TestApp::spawn().await;
    let nikola = app
        .create_member("Nikola Đorđević", "nikola@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group(
            "Pomoć pomagačima",
            Visibility::Closed,
            &[("allow_anonymous", "yes")],
        )
        .await;
    app.admit_to_group(&group, "milica@kolega.rs", &nikola)
        .await;
    let path = format!("{group}/new-thread");
    let thread = app
        .submit_form(
            &path,
            &path,
            &[
                ("title", "Teško mi je"),
                ("body", "Umoran sam."),
                ("anonymous", "yes"),
            ],
        )
        .await
        .header("location")
        .unwrap()
        .to_owned();
    assert_eq!(
        app.count("SELECT count(*) FROM anonymity_reveals").await,
        0,
        "the author reading their own post is not a reveal"
    );

    app.switch_to("milica@kolega.rs").await;
    app.get(&thread).await;

    let (viewer,): (String,) = sqlx::query_as(
        "SELECT u.email FROM anonymity_reveals r JOIN users u ON u.user_id = r.viewer_id",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(viewer, "milica@kolega.rs");
}

#[tokio::test]
async fn a_new_members_first_post_waits_for_approval_where_the_group_asks() {
    let app = TestApp::spawn().await;
    app.create_member("Marko Ilić", "marko@fpn.rs", Role::Student)
        .await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .submit_form(
            "/groups/new",
            "/groups/new",
            &[
                ("name", "Hraniteljstvo"),
                ("visibility", "public"),
                ("language", "sr"),
            ],
        )
        .await
        .header("location")
        .unwrap()
        .to_owned();
    app.submit_form(
        &format!("{group}/settings"),
        &format!("{group}/settings"),
        &[
            ("name", "Hraniteljstvo"),
            ("language", "sr"),
            ("first_post_approval", "yes"),
        ],
    )
    .await
    .assert_redirect_to(&group);
    let thread = {
        let path = format!("{group}/new-thread");
        app.submit_form(
            &path,
            &path,
            &[("title", "Dobrodošli"), ("body", "Predstavite se.")],
        )
        .await
        .header("location")
        .unwrap()
        .to_owned()
    };
    app.deliver_mail().await;

    app.switch_to("marko@fpn.rs").await;
    app.submit_form(&group, &format!("{group}/join"), &[]).await;
    let reply = app
        .submit_form(
            &thread,
            &format!("{thread}/reply"),
            &[("body", "Zdravo, ja sam Marko, student.")],
        )
        .await;
    assert!(reply.status.is_redirection());
    let own_view = app.get(&thread).await;
    assert!(
        own_view.body.contains("Zdravo, ja sam Marko")
            && own_view.body.contains("čeka odobrenje moderatora")
    );
    let told = app.deliver_mail().await;
    assert_eq!(
        told.iter().map(|m| m.to.as_str()).collect::<Vec<_>>(),
        ["jelena@csr.rs"],
        "before approval only the group's moderator is told"
    );
    assert!(told[0].subject.contains("čeka vaše odobrenje"));
    assert!(!told[0].text.contains("Zdravo"), "without the post's words");

    app.switch_to("ana@csr.rs").await;
    assert!(
        !app.get(&thread).await.body.contains("Zdravo, ja sam Marko"),
        "others do not see it yet"
    );
    assert!(
        app.get("/search?q=student")
            .await
            .body
            .contains("Ništa nije pronađeno.")
    );

    app.switch_to("jelena@csr.rs").await;
    let queue = app.get("/moderation").await;
    assert!(
        queue.body.contains("Zdravo, ja sam Marko"),
        "the held post waits in the moderation queue"
    );
    assert!(
        queue
            .body
            .contains("Moderacija <span class=\"badge unread\">1<"),
        "with a count in the header"
    );
    let moderator_view = app.get(&thread).await;
    assert!(moderator_view.body.contains("Zdravo, ja sam Marko"));
    let approve = link_ending(
        &moderator_view.body.replace("/approve\">", "/approve\"\">"),
        "approve",
    );
    app.submit_form(&thread, &approve, &[]).await;
    assert!(
        app.deliver_mail()
            .await
            .iter()
            .any(|m| m.to == "jelena@csr.rs" && m.subject.contains("Novi odgovor"))
    );

    app.switch_to("ana@csr.rs").await;
    assert!(app.get(&thread).await.body.contains("Zdravo, ja sam Marko"));
    app.switch_to("jelena@csr.rs").await;
    assert!(
        !app.get("/moderation")
            .await
            .body
            .contains("Moderacija <span class=\"badge unread\">"),
        "nothing waits any more"
    );
    app.switch_to("marko@fpn.rs").await;
    app.submit_form(
        &thread,
        &format!("{thread}/reply"),
        &[("body", "Drugi put ne čekam.")],
    )
    .await;
    app.switch_to("ana@csr.rs").await;
    assert!(
        app.get(&thread).await.body.contains("Drugi put ne čekam."),
        "later posts need no approval"
    );
}

#[tokio::test]
async fn a_held_thread_can_be_declined_with_a_reason_the_author_reads() {
    let app = TestApp::spawn().await;
    let marko = app
        .create_member("Marko Ilić", "marko@fpn.rs", Role::Student)
        .await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let settings = format!("{group}/settings");
    app.submit_form(
        &settings,
        &settings,
        &[
            ("name", "Hraniteljstvo"),
            ("language", "sr"),
            ("first_post_approval", "yes"),
        ],
    )
    .await
    .assert_redirect_to(&group);
    app.switch_to(&marko.email).await;
    app.join_group(&group).await;
    let thread = app
        .start_thread(&group, "Moj slučaj", "Porodica iz Zemuna, otac pije.")
        .await;
    app.deliver_mail().await;

    // Ana, a member, sees no trace of it; the moderator sees it with a badge.
    app.switch_to("ana@csr.rs").await;
    let seen_by_ana = app.get(&group).await.body;
    assert!(!seen_by_ana.contains("Moj slučaj"), "{seen_by_ana}");
    app.get(&thread).await.assert_status(StatusCode::NOT_FOUND);
    app.switch_to("jelena@csr.rs").await;
    let list = app.get(&group).await.body;
    assert!(list.contains("Moj slučaj") && list.contains("čeka odobrenje moderatora"));

    let post_id: String = sqlx::query_scalar("SELECT post_id::text FROM posts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let decide = format!("/moderation/held/{post_id}");
    let no_reason = app
        .submit_form(
            "/moderation",
            &decide,
            &[("action", "decline"), ("reason", "")],
        )
        .await;
    no_reason.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        no_reason
            .body
            .contains(&format!("id=\"reason-{post_id}-error\""))
    );
    let reason = "Opis porodice može da je otkrije; napišite ga bez mesta.";
    app.submit_form(
        "/moderation",
        &decide,
        &[("action", "decline"), ("reason", reason)],
    )
    .await
    .assert_redirect_to("/moderation");

    let mail = app.deliver_mail().await;
    let to_marko = mail.iter().rfind(|m| m.to == "marko@fpn.rs").unwrap();
    assert!(to_marko.subject.contains("nije objavljena"));
    assert!(to_marko.text.contains("Opis porodice može da je otkrije"));
    assert!(
        !to_marko.text.contains("otac pije"),
        "her words stay on the site"
    );
    assert!(!app.get("/moderation").await.body.contains("otac pije"));

    // She keeps her text and reads why; nobody else sees it.
    app.switch_to(&marko.email).await;
    let own = app.get(&thread).await.body;
    assert!(own.contains("otac pije") && own.contains("Opis porodice može da je otkrije"));
    app.switch_to("ana@csr.rs").await;
    app.get(&thread).await.assert_status(StatusCode::NOT_FOUND);
    app.clear_cookies();
    app.get(&thread).await.assert_status(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_moderator_keeps_a_post_but_warns_the_author_and_the_next_moderator_sees_it() {
    let app = TestApp::spawn().await;
    let (_group, thread) = flagged_post(&app).await;
    let flag_id: String = sqlx::query_scalar("SELECT flag_id::text FROM flags")
        .fetch_one(&app.pool)
        .await
        .unwrap();

    app.switch_to("jelena@csr.rs").await;
    let queue = app.get("/moderation").await;
    assert!(queue.body.contains("Upozori autora"));
    assert!(!queue.body.contains("već upozoren"));
    app.submit_form(
        "/moderation",
        &format!("/moderation/{flag_id}"),
        &[
            ("action", "keep"),
            ("warn", "yes"),
            ("note", "Molimo bez reklama."),
        ],
    )
    .await
    .assert_redirect_to("/moderation");
    assert!(
        app.get("/moderation")
            .await
            .body
            .contains("Poruka je zadržana; autor je obavešten.")
    );

    // The post stays; the author is warned by mail, not banned.
    app.switch_to("ana@csr.rs").await;
    assert!(app.get(&thread).await.body.contains("Najbolji kurs"));
    let mail = app.deliver_mail().await;
    let warning = mail
        .iter()
        .find(|m| m.to == "nikola@csr.rs")
        .expect("the author is warned");
    assert!(warning.subject.contains("Poruka moderatora grupe"));
    assert!(
        warning.text.contains("upozoravaju vas") && warning.text.contains("Molimo bez reklama.")
    );
    assert!(!warning.text.contains("sakrili"), "the post was not hidden");
    assert_eq!(
        app.count("SELECT count(*) FROM group_members WHERE status = 'banned'")
            .await,
        0
    );

    // A second flag on the same author shows the earlier warning.
    let page = app.get(&thread).await;
    let flag = link_ending(&page.body, "flag");
    app.submit_form(&flag, &flag, &[("reason", "spam")]).await;
    app.switch_to("jelena@csr.rs").await;
    assert!(
        app.get("/moderation")
            .await
            .body
            .contains("Autor je u ovoj grupi već upozoren 1 put.")
    );
}

/// The flag decision without HTTP: `groups::moderation::decide` over a
/// transaction hides the post, warns and bans its author and tells them
/// once; a second moderator deciding the same flag changes nothing and
/// tells nobody again.
#[tokio::test]
async fn a_flag_decision_is_a_workflow_that_happens_once() {
    use kolega::groups::moderation::{self, Decision, Outcome};
    let app = TestApp::spawn().await;
    flagged_post(&app).await;
    let jelena = app.user_id("jelena@csr.rs").await;
    let flag_id: uuid::Uuid = sqlx::query_scalar("SELECT flag_id FROM flags")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let item = moderation::find(&app.pool, flag_id).await.unwrap().unwrap();
    let decision = Decision {
        hide: true,
        warn: true,
        ban: true,
        note: "Oglasi nisu dozvoljeni.".into(),
    };
    let decide = || async {
        let mut tx = app.pool.begin().await.unwrap();
        let base_url = &app.state.config.base_url;
        let now = app.clock.now();
        let outcome = moderation::decide(&mut tx, base_url, &item, jelena, &decision, now)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        outcome
    };

    let all = Outcome {
        hidden: true,
        warned: true,
        banned: true,
    };
    assert_eq!(decide().await, Some(all));
    assert_eq!(decide().await, None, "the flag is already decided");

    let count = |sql: &'static str| app.count(sql);
    assert_eq!(
        count("SELECT count(*) FROM posts WHERE hidden_at IS NOT NULL").await,
        1
    );
    assert_eq!(
        count("SELECT count(*) FROM group_warnings").await,
        1,
        "one warning"
    );
    assert_eq!(
        count("SELECT count(*) FROM group_members WHERE status = 'banned'").await,
        1
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM notifications n JOIN users u USING (user_id)
             WHERE u.email = 'nikola@csr.rs' AND n.kind = 'moderation_outcome'"
        )
        .await,
        1,
        "the author is told once"
    );
}

/// A moderator's own flagged post can be hidden, but she does not warn or
/// ban herself.
#[tokio::test]
async fn a_moderator_does_not_sanction_herself() {
    use kolega::groups::moderation::{self, Decision};
    let app = TestApp::spawn().await;
    flagged_post(&app).await;
    let nikola = app.user_id("nikola@csr.rs").await;
    // Nikola is made a moderator of the group and decides the flag on his own post.
    sqlx::query("UPDATE group_members SET role = 'moderator' WHERE user_id = $1")
        .bind(nikola)
        .execute(&app.pool)
        .await
        .unwrap();
    let flag_id: uuid::Uuid = sqlx::query_scalar("SELECT flag_id FROM flags")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let item = moderation::find(&app.pool, flag_id).await.unwrap().unwrap();
    let decision = Decision {
        hide: true,
        warn: true,
        ban: true,
        note: String::new(),
    };
    let mut tx = app.pool.begin().await.unwrap();
    let base_url = &app.state.config.base_url;
    let outcome = moderation::decide(&mut tx, base_url, &item, nikola, &decision, app.clock.now())
        .await
        .unwrap()
        .unwrap();
    tx.commit().await.unwrap();
    assert!(outcome.hidden && !outcome.warned && !outcome.banned);
    assert_eq!(app.count("SELECT count(*) FROM group_warnings").await, 0);
    assert_eq!(
        app.count("SELECT count(*) FROM group_members WHERE status = 'banned'")
            .await,
        0
    );
}
