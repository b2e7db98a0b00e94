//! Mail: outbox → worker → a real SMTP conversation with the sink.

use crate::common::TestApp;
use chrono::Duration;
use kolega::i18n::Locale;
use kolega::notify::Mailer;
use kolega::notify::email::{self, EmailContext};
use kolega::notify::outbox::{self, NewMessage};
use kolega::notify::worker::{MAX_ATTEMPTS, Worker};

fn message(to: &str, subject: &str) -> NewMessage {
    NewMessage {
        kind: "test".into(),
        recipient: to.into(),
        language: "sr-Latn".into(),
        subject: subject.into(),
        body_text: format!("Tekst poruke: {subject}"),
        body_html: format!("<p>HTML poruke: {subject}</p>"),
        send_after: None,
        attachment: None,
        notification_kind: None,
        unsubscribe_url: None,
        user_id: None,
        group_id: None,
    }
}

#[tokio::test]
async fn a_queued_email_arrives_through_smtp_with_both_bodies_in_the_recipients_language() {
    let app = TestApp::spawn().await;
    let context = EmailContext::new(Locale::En, &app.state.config.base_url);
    let email = email::account_created(&context, "ana@example.org", "Ana Petrović").unwrap();
    outbox::enqueue(&app.pool, &email.into_message(None), app.clock.now())
        .await
        .unwrap();

    let received = app.deliver_mail().await;

    assert_eq!(received.len(), 1);
    let mail = &received[0];
    assert_eq!(mail.envelope_to, vec!["ana@example.org".to_string()]);
    assert_eq!(mail.to, "ana@example.org");
    assert_eq!(mail.subject, "Your Kolega account is ready");
    assert_eq!(mail.content_language, "en");
    assert!(mail.text.contains("Dear Ana Petrović,"), "{}", mail.text);
    assert!(
        mail.text.contains("http://kolega.test/"),
        "links use the base URL: {}",
        mail.text
    );
    assert!(
        mail.html.contains("<p>Dear Ana Petrović,</p>"),
        "{}",
        mail.html
    );
    assert!(mail.html.contains("href=\"http://kolega.test/login\""));
    assert!(mail.raw.contains("From: Kolega <no-reply@kolega.test>"));
    let counts = outbox::counts(&app.pool).await.unwrap();
    assert_eq!((counts.pending, counts.sent, counts.failed), (0, 1, 0));
}

#[tokio::test]
async fn serbian_and_cyrillic_emails_are_in_their_language() {
    let app = TestApp::spawn().await;
    for locale in [Locale::SrLatn, Locale::SrCyrl] {
        let context = EmailContext::new(locale, &app.state.config.base_url);
        let email = email::account_created(&context, "jelena@example.org", "Jelena").unwrap();
        outbox::enqueue(&app.pool, &email.into_message(None), app.clock.now())
            .await
            .unwrap();
    }

    let received = app.deliver_mail().await;

    let subjects: Vec<&str> = received.iter().map(|m| m.subject.as_str()).collect();
    assert!(
        subjects.contains(&"Vaš nalog na Kolegi je otvoren"),
        "{subjects:?}"
    );
    assert!(
        subjects.contains(&"Ваш налог на Колеги је отворен"),
        "{subjects:?}"
    );
    let cyrillic = received
        .iter()
        .find(|m| m.content_language == "sr-Cyrl")
        .unwrap();
    assert!(
        cyrillic.text.contains("Поштовани/а Jelena,"),
        "names stay as written: {}",
        cyrillic.text
    );
}

#[tokio::test]
async fn a_temporary_smtp_failure_is_retried_later_and_then_delivered_once() {
    let app = TestApp::spawn().await;
    outbox::enqueue(
        &app.pool,
        &message("milan@example.org", "Podsetnik"),
        app.clock.now(),
    )
    .await
    .unwrap();
    app.smtp.refuse_temporarily(1);

    let first = app.worker().run_once().await.unwrap();

    assert_eq!((first.sent, first.retried), (0, 1));
    assert!(app.smtp.messages().is_empty());
    // Not due again until the backoff has passed.
    app.clock.advance(Duration::seconds(10));
    assert_eq!(app.worker().run_once().await.unwrap().sent, 0);
    app.clock.advance(Duration::seconds(30));
    let second = app.worker().run_once().await.unwrap();
    assert_eq!(second.sent, 1);
    assert_eq!(app.smtp.messages().len(), 1);
    assert_eq!(app.smtp.messages()[0].subject, "Podsetnik");
    assert_eq!(
        app.worker().run_once().await.unwrap().sent,
        0,
        "never sent twice"
    );
}

#[tokio::test]
async fn a_message_is_given_up_after_the_last_attempt_and_a_permanent_refusal_at_once() {
    let app = TestApp::spawn().await;
    outbox::enqueue(
        &app.pool,
        &message("nobody@example.org", "Uvek odbijena"),
        app.clock.now(),
    )
    .await
    .unwrap();
    app.smtp.refuse_temporarily(MAX_ATTEMPTS as usize);
    for _ in 0..MAX_ATTEMPTS {
        app.worker().run_once().await.unwrap();
        app.clock.advance(Duration::hours(3));
    }
    let counts = outbox::counts(&app.pool).await.unwrap();
    assert_eq!((counts.pending, counts.failed), (0, 1));

    outbox::enqueue(
        &app.pool,
        &message("gone@example.org", "Nepostojeće sanduče"),
        app.clock.now(),
    )
    .await
    .unwrap();
    app.smtp.refuse_permanently();
    let pass = app.worker().run_once().await.unwrap();
    assert_eq!(pass.failed, 1);
    let (error,): (String,) = sqlx::query_as(
        "SELECT last_error FROM outbox_messages WHERE recipient = 'gone@example.org'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(error.contains("550"), "{error}");
    assert!(app.smtp.messages().is_empty());
}

#[tokio::test]
async fn two_workers_never_send_one_message_twice() {
    let app = TestApp::spawn().await;
    for n in 0..60 {
        outbox::enqueue(
            &app.pool,
            &message(&format!("clan{n}@example.org"), &format!("Poruka {n}")),
            app.clock.now(),
        )
        .await
        .unwrap();
    }
    // Two workers with their own connection pools, as two instances would have.
    let other_pool = sqlx::PgPool::connect_with(app.db_options.clone())
        .await
        .unwrap();
    let first = app.worker();
    let second = Worker {
        pool: other_pool,
        ..app.worker()
    };

    let (a, b) = tokio::join!(first.run_once(), second.run_once());

    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.sent + b.sent, 60);
    let received = app.smtp.messages();
    assert_eq!(received.len(), 60);
    let mut ids: Vec<&str> = received.iter().map(|m| m.message_id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 60, "every message exactly once");
}

#[tokio::test]
async fn messages_scheduled_for_later_wait_for_their_time() {
    let app = TestApp::spawn().await;
    let later = NewMessage {
        send_after: Some(app.clock.now() + Duration::hours(24)),
        ..message("a@example.org", "Sutra")
    };
    outbox::enqueue(&app.pool, &later, app.clock.now())
        .await
        .unwrap();

    assert!(app.deliver_mail().await.is_empty());
    app.clock.advance(Duration::hours(24));
    assert_eq!(app.deliver_mail().await.len(), 1);
}

#[tokio::test]
async fn without_smtp_mail_is_written_to_eml_files() {
    let app = TestApp::spawn().await;
    let dir = app.data_dir.join("mail");
    std::fs::create_dir_all(&dir).unwrap();
    let worker = Worker {
        mailer: Mailer::Files(lettre::AsyncFileTransport::new(&dir), dir.clone()),
        ..app.worker()
    };
    outbox::enqueue(
        &app.pool,
        &message("fajl@example.org", "U datoteku"),
        app.clock.now(),
    )
    .await
    .unwrap();

    assert_eq!(worker.run_once().await.unwrap().sent, 1);

    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert_eq!(files.len(), 1);
    assert!(files[0].file_name().to_string_lossy().ends_with(".eml"));
    let content = std::fs::read_to_string(files[0].path()).unwrap();
    assert!(content.contains("To: fajl@example.org"));
    assert!(content.contains("Subject: U datoteku") || content.contains("Subject: =?utf-8?"));
}

#[tokio::test]
async fn mail_waits_while_the_smtp_server_is_down_and_goes_once_when_it_is_back() {
    let app = TestApp::spawn().await;
    for n in 0..5 {
        outbox::enqueue(
            &app.pool,
            &message(&format!("clan{n}@example.org"), &format!("Poruka {n}")),
            app.clock.now(),
        )
        .await
        .unwrap();
    }
    // Nothing listens where the mail server should be.
    let port = crate::common::process::free_port();
    let down = Worker {
        mailer: Mailer::Smtp(
            kolega::notify::transport::smtp_transport(&format!("smtp://127.0.0.1:{port}")).unwrap(),
        ),
        ..app.worker()
    };
    for _ in 0..3 {
        let pass = down.run_once().await.unwrap();
        assert_eq!(pass.sent + pass.failed, 0, "nothing sent, nothing given up");
        app.clock.advance(Duration::minutes(5));
    }
    assert_eq!(
        outbox::counts(&app.pool).await.unwrap().pending,
        5,
        "all of it waits"
    );

    // The server is back.
    let delivered = app.deliver_mail().await;
    let mut subjects: Vec<_> = delivered.iter().map(|m| m.subject.clone()).collect();
    subjects.sort();
    assert_eq!(
        subjects,
        ["Poruka 0", "Poruka 1", "Poruka 2", "Poruka 3", "Poruka 4"]
    );
    app.clock.advance(Duration::hours(3));
    assert_eq!(app.deliver_mail().await.len(), 5, "and never again");
}
