//! `Browser`: a cookie-keeping client over the real router that behaves
//! like a browser (it sends the CSRF token of the form it submits). A test
//! app has one; each actor (`TestApp::member`) has its own, so two people
//! can be signed in at once without swapping cookies.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, header};
use tower::ServiceExt;

use super::test_app::BASE_URL;
use super::{TestResponse, html};

pub struct Browser {
    router: Router,
    cookies: Mutex<BTreeMap<String, String>>,
    /// The TCP peer every request seems to come from (see [`Self::set_peer`]).
    peer: Mutex<SocketAddr>,
    /// Whether a 5xx answer is what the test is about (see
    /// [`Self::expect_server_errors`]); otherwise it fails the test.
    server_errors_expected: AtomicBool,
}

impl Browser {
    /// A browser with an empty cookie jar over `router`, its requests
    /// coming from 127.0.0.1 (as from a browser or a proxy on this machine).
    pub fn new(router: Router) -> Browser {
        Browser {
            router,
            cookies: Mutex::default(),
            peer: Mutex::new(SocketAddr::from(([127, 0, 0, 1], 40000))),
            server_errors_expected: AtomicBool::new(false),
        }
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
            .method(method.clone())
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
        let body = String::from_utf8_lossy(&bytes).into_owned();
        assert!(
            !status.is_server_error() || self.server_errors_expected.load(Ordering::Relaxed),
            "{path} answered {status}: nothing a user or a bot sends may get a 5xx \
             (call `expect_server_errors` in a test about failures):\n{body}"
        );
        TestResponse {
            status,
            headers,
            body,
            bytes: bytes.to_vec(),
        }
    }

    /// Lets this browser see 5xx answers without failing the test: for
    /// tests of failures (a panicking handler, the database or the file
    /// store gone), which then assert the exact status themselves.
    pub fn expect_server_errors(&self) {
        self.server_errors_expected.store(true, Ordering::Relaxed);
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
