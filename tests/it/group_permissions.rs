//! Every permission of the groups feature as a table: who (visitor,
//! non-member, member, group moderator, site moderator, blocked member) ×
//! what (see the group, read a thread, reply, start a thread, see the
//! members page, moderate) × visibility (public, closed, secret).

use crate::common::TestApp;
use crate::common::members::PASSWORD;
use axum::http::StatusCode;
use kolega::members::Role;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Visitor,
    NonMember,
    Member,
    GroupModerator,
    SiteModerator,
    BlockedMember,
}

/// What each viewer may do, per visibility: (see group, read thread, reply,
/// new thread, members page, moderate thread). The members list is for the
/// group's own members only.
fn expected(who: Who, visibility: &str) -> [bool; 6] {
    let public = visibility == "public";
    let listed = visibility != "secret";
    match who {
        Who::Visitor | Who::BlockedMember => [listed, public, false, false, false, false],
        Who::NonMember => [listed, public, false, false, false, false],
        Who::Member => [true, true, true, true, true, false],
        Who::GroupModerator => [true, true, true, true, true, true],
        // Site moderators moderate what they can read; closed content stays
        // with its members (flags reach them through the queue).
        Who::SiteModerator => [listed, public, false, false, false, public],
    }
}

/// A form went through: redirected onwards, not to the sign-in page.
fn succeeded(response: &crate::common::TestResponse) -> bool {
    response.status == StatusCode::SEE_OTHER
        && !response
            .header("location")
            .unwrap_or_default()
            .starts_with("/login")
}

#[tokio::test]
async fn the_permission_table_holds() {
    let app = TestApp::spawn().await;
    let accounts = [
        ("clan@csr.rs", "Obični Član", Role::Practitioner),
        ("moderator@csr.rs", "Moderator Grupe", Role::Practitioner),
        ("spoljni@csr.rs", "Spoljni Kolega", Role::Practitioner),
        ("sajt@kolega.rs", "Moderator Sajta", Role::Moderator),
        ("blokiran@csr.rs", "Blokirani Član", Role::Practitioner),
    ];
    for (email, name, role) in accounts {
        app.create_member(name, email, role).await;
    }
    app.sign_in_as("Vlasnica Grupe", "vlasnica@csr.rs", Role::Practitioner)
        .await;
    let mut cases = Vec::new();
    for visibility in ["public", "closed", "secret"] {
        let name = format!("Grupa {visibility}");
        let group = app
            .submit_form(
                "/groups/new",
                "/groups/new",
                &[
                    ("name", &name),
                    ("visibility", visibility),
                    ("language", "sr"),
                ],
            )
            .await
            .header("location")
            .unwrap()
            .to_owned();
        let path = format!("{group}/new-thread");
        let thread = app
            .submit_form(
                &path,
                &path,
                &[
                    ("title", "Tema za proveru"),
                    ("body", "Tajni sadržaj teme."),
                ],
            )
            .await
            .header("location")
            .unwrap()
            .to_owned();
        sqlx::query(
            "INSERT INTO group_members (group_id, user_id, role, status, created_at)
             SELECT g.group_id, u.user_id, CASE WHEN u.email = 'moderator@csr.rs' THEN 'moderator' ELSE 'member' END, 'active', now()
             FROM groups g, users u WHERE g.name = $1 AND u.email IN ('clan@csr.rs', 'moderator@csr.rs', 'blokiran@csr.rs')",
        )
        .bind(&name)
        .execute(&app.pool)
        .await
        .unwrap();
        cases.push((visibility, group, thread));
    }
    sqlx::query("UPDATE users SET blocked_at = now() WHERE email = 'blokiran@csr.rs'")
        .execute(&app.pool)
        .await
        .unwrap();

    let viewers = [
        (Who::Visitor, None),
        (Who::NonMember, Some("spoljni@csr.rs")),
        (Who::Member, Some("clan@csr.rs")),
        (Who::GroupModerator, Some("moderator@csr.rs")),
        (Who::SiteModerator, Some("sajt@kolega.rs")),
        (Who::BlockedMember, Some("blokiran@csr.rs")),
    ];
    let mut failures = Vec::new();
    for (who, email) in viewers {
        app.clear_cookies();
        if let Some(email) = email {
            let signed_in = app.sign_in(email, PASSWORD).await;
            assert_eq!(
                signed_in.status.is_redirection(),
                who != Who::BlockedMember,
                "{who:?} sign-in"
            );
        }
        app.get("/").await;
        let token = app.csrf_token().unwrap();
        for (visibility, group, thread) in &cases {
            let listed = app
                .get("/groups")
                .await
                .body
                .contains(&format!("Grupa {visibility}"));
            let group_page = app.get(group).await;
            let sees_group = group_page.status == StatusCode::OK;
            let thread_page = app.get(thread).await;
            let reads = thread_page.status == StatusCode::OK
                && thread_page.body.contains("Tajni sadržaj teme.");
            let reply = app
                .post_form(
                    &format!("{thread}/reply"),
                    &[("csrf_token", &token), ("body", "Odgovor za proveru.")],
                )
                .await;
            let replies = succeeded(&reply);
            let new_thread = app
                .post_form(
                    &format!("{group}/new-thread"),
                    &[
                        ("csrf_token", &token),
                        ("title", "Nova za proveru"),
                        ("body", "Tekst."),
                    ],
                )
                .await;
            let starts = succeeded(&new_thread);
            let members = app.get(&format!("{group}/members")).await.status == StatusCode::OK;
            let moderate = app
                .post_form(
                    &format!("{thread}/moderate"),
                    &[("csrf_token", &token), ("action", "pin")],
                )
                .await;
            let moderates = succeeded(&moderate);
            let actual = [sees_group, reads, replies, starts, members, moderates];
            let want = expected(who, visibility);
            if actual != want {
                failures.push(format!(
                    "{who:?} × {visibility}: expected {want:?}, got {actual:?}"
                ));
            }
            // Listing follows seeing, except that a member's secret group is listed for them.
            if listed
                != (want[0]
                    && (*visibility != "secret"
                        || matches!(who, Who::Member | Who::GroupModerator)))
            {
                failures.push(format!("{who:?} × {visibility}: listed = {listed}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "permission table violations:\n{}",
        failures.join("\n")
    );
}
