//! `TestApp`: the real router over a fresh database, a manual clock and an
//! SMTP sink for mail, with a [`Browser`] of its own: `app.get(..)` and
//! the other requests go through it (`Deref`). `TestApp::member` gives
//! further people their own browsers.

use std::ops::Deref;
use std::path::PathBuf;

use axum::Router;
use chrono::{TimeZone, Utc};
use kolega::AppState;
use kolega::clock::Clock;
use kolega::config::Config;
use kolega::notify::Mailer;
use kolega::notify::worker::{Pass, Worker};
use sqlx::PgPool;
use sqlx::postgres::PgConnectOptions;

use super::{Browser, ReceivedMail, SmtpSink, database};

pub const BASE_URL: &str = "http://kolega.test";

pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    pub pool: PgPool,
    pub db_options: PgConnectOptions,
    pub clock: Clock,
    pub smtp: SmtpSink,
    pub data_dir: PathBuf,
    browser: Browser,
}

impl Deref for TestApp {
    type Target = Browser;

    fn deref(&self) -> &Browser {
        &self.browser
    }
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|router| router).await
    }

    /// Like [`TestApp::spawn`], letting the test add routes (e.g. one that
    /// panics) inside the real middleware.
    pub async fn spawn_with(extra: impl FnOnce(Router<AppState>) -> Router<AppState>) -> TestApp {
        Self::spawn_configured(&[], extra).await
    }

    /// With extra routes and configuration variables on top of the test defaults.
    pub async fn spawn_configured(
        variables: &[(&str, &str)],
        extra: impl FnOnce(Router<AppState>) -> Router<AppState>,
    ) -> TestApp {
        Self::spawn_tuned(variables, |_| {}, extra).await
    }

    /// Like [`TestApp::spawn_configured`], with the configuration adjusted
    /// where no variable reaches (e.g. the S3 store's short test limits).
    pub async fn spawn_tuned(
        variables: &[(&str, &str)],
        tune: impl FnOnce(&mut Config),
        extra: impl FnOnce(Router<AppState>) -> Router<AppState>,
    ) -> TestApp {
        let (pool, db_options) = database::fresh_database().await;
        let smtp = SmtpSink::start().await;
        let data_dir =
            std::env::temp_dir().join(format!("kolega-test-data-{}", uuid::Uuid::new_v4()));
        let smtp_url = smtp.url();
        let data_dir_text = data_dir.to_string_lossy().into_owned();
        let overrides: Vec<(String, String)> = variables
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let mut config = Config::from_lookup(|name| {
            if let Some((_, value)) = overrides.iter().find(|(k, _)| k == name) {
                return Some(value.clone());
            }
            match name {
                "KOLEGA_BASE_URL" => Some(BASE_URL.to_owned()),
                "SMTP_URL" => Some(smtp_url.clone()),
                "KOLEGA_DATA_DIR" => Some(data_dir_text.clone()),
                "MAIL_FROM" => Some("Kolega <no-reply@kolega.test>".to_owned()),
                _ => None,
            }
        })
        .expect("the test configuration is valid");
        tune(&mut config);
        let clock = Clock::manual(Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap());
        let state = AppState::new(pool.clone(), config, clock.clone())
            .expect("the test file store is valid");
        let pages = extra(kolega::pages());
        let assets = kolega::web::static_files::router(&state.config.static_dir);
        let router = kolega::app::with_middleware(state.clone(), pages, assets);
        TestApp {
            browser: Browser::new(router.clone()),
            router,
            state,
            pool,
            db_options,
            clock,
            smtp,
            data_dir,
        }
    }

    pub fn worker(&self) -> Worker {
        Worker {
            pool: self.pool.clone(),
            mailer: Mailer::from_config(&self.state.config).unwrap(),
            from: self.state.config.mail_from.clone(),
            clock: self.clock.clone(),
        }
    }

    /// Runs the mail worker once and returns everything the sink has received.
    pub async fn deliver_mail(&self) -> Vec<ReceivedMail> {
        let _: Pass = self
            .worker()
            .run_once()
            .await
            .expect("the worker reaches the database");
        self.assert_every_mail_is_a_notification_or_critical().await;
        self.smtp.messages()
    }

    /// What every test checks about the mail it caused: a notification's
    /// mail has its in-app entry (same member, kind and title), and a mail
    /// that is no notification is account-critical (no unsubscribe).
    async fn assert_every_mail_is_a_notification_or_critical(&self) {
        let (orphans, unexpected): (i64, i64) = sqlx::query_as(
            "SELECT count(*) FILTER (WHERE m.notification_kind <> 'digest' AND NOT EXISTS (
                        SELECT 1 FROM notifications n
                        WHERE n.user_id = m.user_id AND n.kind = m.notification_kind
                          AND n.title = m.subject)),
                    count(*) FILTER (WHERE m.notification_kind IS NULL AND m.kind NOT IN (
                        'verify_email', 'address_taken', 'password_reset', 'password_changed',
                        'approval_decision', 'account_created', 'test'))
             FROM outbox_messages m",
        )
        .fetch_one(&self.pool)
        .await
        .expect("the outbox can be read");
        assert_eq!(orphans, 0, "a notification mail without its in-app entry");
        assert_eq!(
            unexpected, 0,
            "a mail that is neither a notification nor account-critical"
        );
    }

    /// Runs the mail worker once and returns what arrived since the last
    /// call (of this or of [`Self::deliver_mail`], which it empties).
    pub async fn deliver_new_mail(&self) -> Vec<ReceivedMail> {
        self.deliver_mail().await;
        self.smtp.take_messages()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}
