//! Two `kolega serve` instances against one PostgreSQL and one file store,
//! as behind a load balancer: a session made on one works on the other, the
//! last place of an event asked for through both at once goes once, every
//! outbox message is sent exactly once with both workers running, and a
//! file uploaded through one downloads through the other.

use std::time::{Duration, Instant};

use crate::common::SmtpSink;
use crate::common::database::fresh_database_url;
use crate::common::http_client::Client;
use crate::common::members::PASSWORD;
use crate::common::process::{create_member_at, start_kolega};
use kolega::members::Role;
use kolega::notify::outbox::{self, NewMessage};

fn sign_in(client: &Client, port: u16, email: &str) {
    let reply = client.post_form(port, "/login", &[("email", email), ("password", PASSWORD)]);
    assert_eq!(reply.status, 303, "{}", reply.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_behave_as_one() {
    let url = fresh_database_url().await;
    let pool = sqlx::PgPool::connect(&url).await.unwrap();
    let smtp = SmtpSink::start().await;
    let data_dir = std::env::temp_dir().join(format!("kolega-scale-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&data_dir).unwrap();
    let (a, b) = {
        let (url, dir, smtp_url) = (url.clone(), data_dir.clone(), smtp.url());
        tokio::task::spawn_blocking(move || {
            let envs = [
                ("SMTP_URL", smtp_url.as_str()),
                ("KOLEGA_MAIL_POLL_SECONDS", "1"),
            ];
            let a = start_kolega(&url, &dir, &envs, |_| {});
            let b = start_kolega(&url, &dir, &envs, |_| {});
            (a, b)
        })
        .await
        .unwrap()
    };
    create_member_at(&url, "Jelena Stojanović", "jelena@fpn.rs", Role::Teacher).await;
    create_member_at(&url, "Ana Vuković", "ana@csr.rs", Role::Practitioner).await;
    create_member_at(&url, "Marko Ilić", "marko@csr.rs", Role::Practitioner).await;
    let (pa, pb) = (a.port, b.port);

    // A session made on A works on B.
    let jelena = Client::default();
    let organiser = jelena.clone();
    let event = tokio::task::spawn_blocking(move || {
        sign_in(&organiser, pa, "jelena@fpn.rs");
        let home = organiser.get(pb, "/");
        assert_eq!(home.status, 200);
        assert!(
            home.text().contains("Jelena Stojanović"),
            "signed in on B too"
        );
        // An event with one place, made through B.
        // The real binary runs on the real clock: a date well ahead.
        let mut fields = crate::common::events::with(
            crate::common::events::webinar(),
            "start_date",
            "2030-06-04",
        );
        fields.push(("capacity", "1"));
        let made = organiser.post_form(pb, "/events/new", &fields);
        assert_eq!(made.status, 303, "{}", made.text());
        made.header("location").unwrap().to_owned()
    })
    .await
    .unwrap();

    // Ana through A and Marko through B ask for the last place at once.
    let mut asks = Vec::new();
    let together = std::sync::Arc::new(std::sync::Barrier::new(2));
    for (email, port) in [("ana@csr.rs", pa), ("marko@csr.rs", pb)] {
        let (event, together) = (event.clone(), together.clone());
        asks.push(tokio::task::spawn_blocking(move || {
            let client = Client::default();
            sign_in(&client, port, email);
            client.get(port, &event);
            together.wait();
            client
                .post_form(port, &format!("{event}/register"), &[])
                .status
        }));
    }
    for ask in asks {
        assert_eq!(ask.await.unwrap(), 303);
    }
    let (registered, waitlisted): (i64, i64) = sqlx::query_as(
        "SELECT count(*) FILTER (WHERE status = 'registered'), count(*) FILTER (WHERE status = 'waitlisted')
         FROM event_registrations",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((registered, waitlisted), (1, 1), "exactly one place given");

    // Sixty messages, two workers: each arrives once.
    let now = chrono::Utc::now();
    for n in 0..60 {
        let message = NewMessage {
            kind: "test".into(),
            recipient: format!("clan{n}@example.org"),
            language: "sr-Latn".into(),
            subject: format!("Poruka {n}"),
            body_text: "Tekst.".into(),
            body_html: "<p>Tekst.</p>".into(),
            send_after: None,
            attachment: None,
            notification_kind: None,
            unsubscribe_url: None,
            user_id: None,
            group_id: None,
        };
        outbox::enqueue(&pool, &message, now).await.unwrap();
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let pending: i64 =
            sqlx::query_scalar("SELECT count(*) FROM outbox_messages WHERE status = 'pending'")
                .fetch_one(&pool)
                .await
                .unwrap();
        if pending == 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{pending} messages still waiting"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let received = smtp.messages();
    let mut subjects: Vec<String> = received
        .iter()
        .filter(|m| m.subject.starts_with("Poruka "))
        .map(|m| m.subject.clone())
        .collect();
    subjects.sort();
    let total = subjects.len();
    subjects.dedup();
    assert_eq!(
        (total, subjects.len()),
        (60, 60),
        "each message exactly once"
    );

    // A file uploaded through A downloads through B, byte for byte.
    let uploader = jelena.clone();
    tokio::task::spawn_blocking(move || {
        let fields = [
            ("title", "Vodič za hraniteljske porodice"),
            ("summary", "Kratak vodič."),
            ("kind", "protocol"),
            ("topics", "child-protection"),
            ("language", "sr"),
            ("script", "latin"),
            ("audiences", "professionals"),
            ("year", "2024"),
            ("licence", "CC BY 4.0"),
        ];
        let created = uploader.post_multipart(
            pa,
            "/library/new",
            &fields,
            ("file", "vodic.pdf", crate::common::library::PDF),
        );
        assert_eq!(created.status, 303, "{}", created.text());
        let resource = created.header("location").unwrap().to_owned();
        let download = uploader.get(pb, &format!("{resource}/download"));
        assert_eq!(download.status, 200);
        assert_eq!(download.body, crate::common::library::PDF);
    })
    .await
    .unwrap();

    drop((a, b));
    let _ = std::fs::remove_dir_all(&data_dir);
}
