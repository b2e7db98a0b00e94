//! `TestApp`: the real router over a fresh database, with a cookie-keeping
//! client that behaves like a browser (it sends the CSRF token of the form
//! it submits), a manual clock and an SMTP sink for mail.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use chrono::{TimeZone, Utc};
use kolega::AppState;
use kolega::clock::Clock;
use kolega::config::Config;
use kolega::notify::Mailer;
use kolega::notify::worker::{Pass, Worker};
use sqlx::PgPool;
use sqlx::postgres::PgConnectOptions;
use tower::ServiceExt;

use super::{ReceivedMail, SmtpSink, database, html};

pub const BASE_URL: &str = "http://kolega.test";

pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    pub pool: PgPool,
    pub db_options: PgConnectOptions,
    pub clock: Clock,
    pub smtp: SmtpSink,
    pub data_dir: PathBuf,
    cookies: Arc<Mutex<BTreeMap<String, String>>>,
    /// The TCP peer every request seems to come from (see [`Self::set_peer`]).
    peer: Arc<Mutex<SocketAddr>>,
}

#[derive(Debug)]
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    /// The body as text (lossy: for pages and JSON).
    pub body: String,
    /// The body as sent (for downloads such as a ZIP archive).
    pub bytes: Vec<u8>,
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
            router,
            state,
            pool,
            db_options,
            clock,
            smtp,
            data_dir,
            cookies: Arc::default(),
            peer: Arc::new(Mutex::new(SocketAddr::from(([127, 0, 0, 1], 40000)))),
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

    pub async fn get(&self, path: &str) -> TestResponse {
        self.request(Method::GET, path, &[], Body::empty()).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> TestResponse {
        self.request(Method::GET, path, headers, Body::empty())
            .await
    }

    /// Opens `page`, fills the form that posts to `action` with `fields`
    /// (on top of its hidden fields, the CSRF token among them) and submits
    /// it the way a browser does.
    pub async fn submit_form(
        &self,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> TestResponse {
        self.submit_form_with(page, action, fields, &[]).await
    }

    /// Like [`Self::submit_form`], the POST carrying `headers` as well.
    pub async fn submit_form_with(
        &self,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let page = self.get(page).await;
        let mut form: Vec<(String, String)> = html::hidden_fields(&page.body, action)
            .unwrap_or_else(|| panic!("no form posting to {action} on the page:\n{}", page.body));
        for (name, value) in fields {
            form.retain(|(existing, _)| existing != name);
            form.push((name.to_string(), value.to_string()));
        }
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let mut all_headers = vec![("sec-fetch-site", "same-origin"), ("origin", BASE_URL)];
        all_headers.extend_from_slice(headers);
        self.post_form_with(action, &pairs, &all_headers).await
    }

    /// Posts exactly `fields` (no token is added) as a same-origin browser would.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        self.post_form_with(
            path,
            fields,
            &[("sec-fetch-site", "same-origin"), ("origin", BASE_URL)],
        )
        .await
    }

    pub async fn post_form_with(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let body = serde_urlencoded::to_string(fields).unwrap();
        let mut all_headers = vec![("content-type", "application/x-www-form-urlencoded")];
        all_headers.extend_from_slice(headers);
        self.request(Method::POST, path, &all_headers, Body::from(body))
            .await
    }

    /// The CSRF token the cookie jar holds (after any page was visited).
    pub fn csrf_token(&self) -> Option<String> {
        self.cookies.lock().unwrap().get("kolega_csrf").cloned()
    }

    /// Forgets every cookie, like a different browser.
    pub fn clear_cookies(&self) {
        self.cookies.lock().unwrap().clear();
    }

    pub fn set_cookie(&self, name: &str, value: &str) {
        self.cookies
            .lock()
            .unwrap()
            .insert(name.to_owned(), value.to_owned());
    }

    /// Makes the following requests come from `peer` (by default
    /// 127.0.0.1, as from a browser or a proxy on this machine).
    pub fn set_peer(&self, peer: &str) {
        *self.peer.lock().unwrap() = SocketAddr::new(peer.parse().unwrap(), 40000);
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().unwrap().get(name).cloned()
    }

    pub async fn request(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Body,
    ) -> TestResponse {
        let mut builder = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, "kolega.test");
        let cookie_header = self
            .cookies
            .lock()
            .unwrap()
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        if !cookie_header.is_empty() {
            builder = builder.header(header::COOKIE, cookie_header);
        }
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let mut request = builder.body(body).unwrap();
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(*self.peer.lock().unwrap()));
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("the router answers");
        self.remember_cookies(response.headers());
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    fn remember_cookies(&self, headers: &HeaderMap) {
        let mut jar = self.cookies.lock().unwrap();
        for value in headers.get_all(header::SET_COOKIE) {
            let text = value.to_str().unwrap_or_default();
            let pair = text.split(';').next().unwrap_or_default();
            if let Some((name, value)) = pair.split_once('=') {
                let expired = text.contains("Max-Age=0");
                if expired || value.is_empty() {
                    jar.remove(name.trim());
                } else {
                    jar.insert(name.trim().to_owned(), value.trim().to_owned());
                }
            }
        }
    }

    /// Serves the app on a real socket (port 0) and returns its address.
    pub async fn serve(&self) -> SocketAddr {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let router = self.router.clone();
        tokio::spawn(async move {
            axum::serve(
                listener,
                router.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .await
            .unwrap();
        });
        address
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

impl TestResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn all_headers(&self, name: &str) -> Vec<String> {
        self.headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .map(str::to_owned)
            .collect()
    }

    #[track_caller]
    pub fn assert_status(&self, expected: StatusCode) -> &Self {
        assert_eq!(
            self.status, expected,
            "unexpected status; body:\n{}",
            self.body
        );
        self
    }

    #[track_caller]
    pub fn assert_redirect_to(&self, location: &str) {
        assert!(
            self.status.is_redirection(),
            "expected a redirect, got {}:\n{}",
            self.status,
            self.body
        );
        assert_eq!(self.header("location"), Some(location));
    }

    pub fn h1(&self) -> String {
        html::h1(&self.body).unwrap_or_default()
    }

    pub fn html_lang(&self) -> Option<String> {
        let start = self.body.find("<html")?;
        let tag = &self.body[start..start + self.body[start..].find('>')?];
        html::attribute(tag, "lang")
    }
}
