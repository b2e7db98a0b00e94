//! The mail in a member's data download is the mail written for her, not
//! whatever was once sent to the address she has now: an address passes
//! from one member to another (a centre hands an institutional address to
//! a new employee), and the old invitations must not follow it.

use crate::common::members::PASSWORD;
use crate::common::{ReceivedMail, TestApp};
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;
use serde_json::Value;

const SECRET_GROUP: &str = "Tajna supervizija Niš";

fn verify_link(mail: &[ReceivedMail], to: &str) -> String {
    mail.iter()
        .find(|m| m.to == to)
        .and_then(|m| m.link_starting_with("http://kolega.test/verify/"))
        .unwrap_or_else(|| panic!("no confirmation link to {to}"))
        .replace("http://kolega.test", "")
}

/// The subjects in the signed-in member's download.
async fn mail_in_export(app: &TestApp) -> Vec<String> {
    let export: Value = app.download_data().await.data;
    export["emails_sent_to_you"]
        .as_array()
        .expect("the download lists mail")
        .iter()
        .map(|m| m["subject"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn an_address_handed_to_a_new_member_brings_none_of_the_old_owners_mail() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr-nis.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app.open_group(SECRET_GROUP, Visibility::Secret, &[]).await;
    app.submit_form(
        &format!("{group}/members"),
        &format!("{group}/members/invite"),
        &[("who", "ana@csr-nis.rs")],
    )
    .await
    .assert_redirect_to(&format!("{group}/members"));
    let invitation = app.deliver_new_mail().await;
    assert!(invitation[0].subject.contains(SECRET_GROUP));

    // Ana moves to a new address.
    app.switch_to("ana@csr-nis.rs").await;
    app.submit_form(
        "/settings",
        "/settings/email",
        &[
            ("new_email", "ana.vukovic@udruzenje.rs"),
            ("password", PASSWORD),
        ],
    )
    .await
    .assert_redirect_to("/settings");
    let link = verify_link(&app.deliver_new_mail().await, "ana.vukovic@udruzenje.rs");
    assert_eq!(app.get(&link).await.h1(), "Adresa je potvrđena");

    // Her successor at the centre joins with the institutional address.
    app.clear_cookies();
    app.submit_form(
        "/register",
        "/register",
        &[
            ("name", "Branka Nikolić"),
            ("email", "ana@csr-nis.rs"),
            ("password", "zelena-livada-u-maju"),
            ("profession", "practitioner"),
            ("country", "RS"),
            ("city", "Niš"),
            ("institution", "Centar za socijalni rad Niš"),
            ("accept_guidelines", "yes"),
            ("accept_safeguarding", "yes"),
        ],
    )
    .await;
    let link = verify_link(&app.deliver_new_mail().await, "ana@csr-nis.rs");
    assert_eq!(app.get(&link).await.h1(), "Adresa je potvrđena");
    app.sign_in("ana@csr-nis.rs", "zelena-livada-u-maju").await;

    let brankas = mail_in_export(&app).await;
    assert!(
        brankas.iter().all(|s| !s.contains(SECRET_GROUP)),
        "the newcomer's download names the old owner's secret group: {brankas:?}"
    );
    assert_eq!(
        brankas,
        vec!["Potvrdite adresu e-pošte za Kolegu".to_owned()],
        "only her own confirmation mail"
    );

    // Ana's download has her mail, the invitation included.
    app.switch_to("ana.vukovic@udruzenje.rs").await;
    let anas = mail_in_export(&app).await;
    assert!(anas.iter().any(|s| s.contains(SECRET_GROUP)), "{anas:?}");
    assert!(
        anas.iter()
            .any(|s| s == "Potvrdite adresu e-pošte za Kolegu")
    );

    // Ana leaves: her mail history goes with her and never becomes Branka's.
    app.submit_form("/settings", "/settings/delete", &[("password", PASSWORD)])
        .await
        .assert_redirect_to("/");
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM outbox_messages WHERE subject LIKE '%{SECRET_GROUP}%'"
        ))
        .await,
        0,
        "the invitation is erased with her account"
    );
    app.switch_to("ana@csr-nis.rs").await;
    let brankas = mail_in_export(&app).await;
    assert_eq!(
        brankas,
        vec!["Potvrdite adresu e-pošte za Kolegu".to_owned()]
    );
}

#[tokio::test]
async fn every_mail_queued_for_a_member_names_her() {
    let app = TestApp::spawn().await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    // Account mail (a password change) and a notification (a reply).
    app.submit_form(
        "/settings",
        "/settings/password",
        &[
            ("current_password", PASSWORD),
            ("new_password", "nova-duga-lozinka-42"),
        ],
    )
    .await
    .assert_redirect_to("/settings");
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let thread = app.start_thread(&group, "Tema", "Pitanje?").await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.clear_cookies();
    app.sign_in("ana@csr.rs", PASSWORD).await;
    app.join_group(&group).await;
    app.reply(&thread, "Odgovor.").await;

    assert!(app.count("SELECT count(*) FROM outbox_messages").await >= 2);
    assert_eq!(
        app.count(
            "SELECT count(*) FROM outbox_messages o LEFT JOIN users u ON u.user_id = o.user_id
             WHERE u.email IS DISTINCT FROM lower(o.recipient)"
        )
        .await,
        0,
        "a queued mail that does not name the member it went to"
    );
}

/// The migration that ties mail to members gives earlier mail to a member
/// only where that is beyond doubt.
#[tokio::test]
async fn earlier_mail_is_given_to_a_member_only_where_it_is_beyond_doubt() {
    let url = crate::common::database::empty_database_url().await;
    let pool = sqlx::PgPool::connect(&url).await.unwrap();
    const MINE: i64 = 20261204000200;
    let before = sqlx::migrate::Migrator {
        migrations: kolega::db::MIGRATOR
            .iter()
            .filter(|m| m.version < MINE)
            .cloned()
            .collect::<Vec<_>>()
            .into(),
        ignore_missing: false,
        locking: true,
        no_tx: false,
    };
    before.run(&pool).await.unwrap();
    // Ana joined on the 1st with the centre's address and moved to her own
    // on the 10th; Branka took the centre's address on the 12th. Vesna was
    // made with `create-user` (no token). Marko joined on the 5th.
    sqlx::raw_sql(
        "INSERT INTO users (email, name, handle, role, password_hash, created_at) VALUES
            ('ana.nova@udruzenje.rs', 'Ana', 'ana', 'practitioner', '!', '2026-11-01'),
            ('ana@csr-nis.rs', 'Branka', 'branka', 'practitioner', '!', '2026-11-12'),
            ('vesna@csr.rs', 'Vesna', 'vesna', 'admin', '!', '2026-11-01'),
            ('marko@csr.rs', 'Marko', 'marko', 'practitioner', '!', '2026-11-05');
         INSERT INTO account_tokens (token_hash, user_id, purpose, email, created_at, expires_at)
         SELECT decode(md5(t.email || t.at), 'hex'), u.user_id, 'verify_email', t.email, t.at::timestamptz, t.at::timestamptz + interval '2 days'
         FROM (VALUES ('ana', 'ana@csr-nis.rs', '2026-11-01'),
                      ('ana', 'ana.nova@udruzenje.rs', '2026-11-10'),
                      ('branka', 'ana@csr-nis.rs', '2026-11-12'),
                      ('marko', 'marko@csr.rs', '2026-11-05')) AS t(handle, email, at)
         JOIN users u USING (handle);
         INSERT INTO outbox_messages (kind, recipient, language, subject, body_text, body_html, created_at) VALUES
            ('group_invitation', 'ana@csr-nis.rs', 'sr-Latn', 'Anina pozivnica', '', '', '2026-11-03'),
            ('verify_email', 'ana.nova@udruzenje.rs', 'sr-Latn', 'Anina potvrda', '', '', '2026-11-10'),
            ('reply', 'Ana.Nova@udruzenje.rs', 'sr-Latn', 'Anin odgovor', '', '', '2026-11-20'),
            ('verify_email', 'ana@csr-nis.rs', 'sr-Latn', 'Brankina potvrda', '', '', '2026-11-12'),
            ('account_created', 'vesna@csr.rs', 'sr-Latn', 'Vesnin nalog', '', '', '2026-11-01'),
            ('group_invitation', 'marko@csr.rs', 'sr-Latn', 'Pre Markovog naloga', '', '', '2026-11-02'),
            ('reply', 'marko@csr.rs', 'sr-Latn', 'Markov odgovor', '', '', '2026-11-06'),
            ('address_taken', 'niko@nigde.rs', 'sr-Latn', 'Ničija', '', '', '2026-11-06');",
    )
    .execute(&pool)
    .await
    .unwrap();

    kolega::db::MIGRATOR.run(&pool).await.unwrap();

    let owners: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT o.subject, u.handle FROM outbox_messages o LEFT JOIN users u USING (user_id)
         ORDER BY o.outbox_message_id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let owner = |subject: &str| {
        owners
            .iter()
            .find(|(s, _)| s == subject)
            .and_then(|(_, h)| h.clone())
    };
    // Two members have claimed the centre's address: its mail is no one's,
    // not even the newcomer's own confirmation (a gap, never a leak).
    assert_eq!(owner("Anina pozivnica"), None);
    assert_eq!(owner("Brankina potvrda"), None);
    assert_eq!(owner("Anina potvrda").as_deref(), Some("ana"));
    assert_eq!(owner("Anin odgovor").as_deref(), Some("ana"));
    assert_eq!(owner("Vesnin nalog").as_deref(), Some("vesna"));
    assert_eq!(owner("Pre Markovog naloga"), None);
    assert_eq!(owner("Markov odgovor").as_deref(), Some("marko"));
    assert_eq!(owner("Ničija"), None);
    pool.close().await;
}
